//! The bound: Lagrangian relaxation of the capacity rows. With prices `λ ≥ 0` on every
//! capacity row, each group independently takes its best place under
//! `score − λ·demand`, and `L(λ) = Σ_g max_j (s_gj − λ_j·a_g) + Σ_j λ_j·K_j` is an upper
//! bound on every plan. Because the remaining assignment rows are integral, `min_λ L(λ)`
//! equals the LP relaxation's bound; we approach it by subgradient steps (Polyak's step
//! towards the best known plan). Any `λ` gives a valid bound, so stopping early never
//! makes the reported bound wrong, only looser.
//!
//! Floors (per-place minimums, the bottom of a fairness band) are relaxed the same way with
//! prices `μ ≥ 0`: a group's reduced score becomes `s_gj − (λ_j − μ_j)·a_g` and
//! `L = … + Σ_j λ_j·K_j − Σ_j μ_j·M_j`. The heuristics and the branch and bound see only the
//! net price `λ − μ` (negative where a place still needs families).
use crate::model::plan::NONE;
use crate::model::problem::{EPS, Problem};

/// The relaxed problem for one objective.
pub(crate) struct Relaxation<'a> {
    p: &'a Problem,
    /// Added to a group's score when it is placed: `B × persons` in the lexicographic mode.
    pub bonus: Vec<f64>,
    /// Whether leaving a group unplaced is allowed (lexicographic mode).
    pub allow_unplaced: bool,
    /// Capacity rows (`j * dims + d`) that some combination of allowed groups can exceed;
    /// the others can never bind and keep price 0.
    pub rows: Vec<usize>,
    /// Floor rows (`j * dims + d`): every row with a minimum above 0.
    pub floor_rows: Vec<usize>,
}

impl<'a> Relaxation<'a> {
    /// The relaxation where every group is placed (`lexicographic_weight: None`), or where
    /// groups may stay unplaced and each placed person is worth `B`.
    pub fn new(p: &'a Problem, lexicographic_weight: Option<f64>) -> Self {
        let mut total = vec![0.0; p.places * p.dims];
        for group in &p.groups {
            for o in &group.options {
                for &(d, a) in &group.sparse {
                    total[o.place * p.dims + d] += a;
                }
            }
        }
        let rows = (0..total.len())
            .filter(|&r| total[r] > p.cap[r] + EPS)
            .collect();
        let bonus = p
            .groups
            .iter()
            .map(|g| lexicographic_weight.map_or(0.0, |b| b * g.weight))
            .collect();
        let floor_rows = (0..p.floor.len()).filter(|&r| p.floor[r] > EPS).collect();
        Relaxation {
            p,
            bonus,
            allow_unplaced: lexicographic_weight.is_some(),
            rows,
            floor_rows,
        }
    }

    /// The net price of every row, `λ − μ`, into `net`.
    pub fn net(&self, lambda: &[f64], mu: &[f64], net: &mut Vec<f64>) {
        net.clear();
        net.extend(lambda.iter().zip(mu).map(|(l, m)| l - m));
    }

    /// The constant part of `L`: `Σ λ·K − Σ μ·M`.
    pub fn constant(&self, lambda: &[f64], mu: &[f64]) -> f64 {
        let p = self.p;
        let caps: f64 = self.rows.iter().map(|&r| lambda[r] * p.cap[r]).sum();
        let floors: f64 = self.floor_rows.iter().map(|&r| mu[r] * p.floor[r]).sum();
        caps - floors
    }

    /// `L(λ, μ)` given the net prices `net = λ − μ` and the constant
    /// ([`Relaxation::constant`]), with each group's choice written to `choice` (`NONE`
    /// when unplaced is best, or when the group has no allowed place at all).
    pub fn evaluate(&self, net: &[f64], constant: f64, choice: &mut [usize]) -> f64 {
        let p = self.p;
        let mut value = 0.0;
        for (g, group) in p.groups.iter().enumerate() {
            let mut best = if self.allow_unplaced {
                0.0
            } else {
                f64::NEG_INFINITY
            };
            let mut at = NONE;
            for o in &group.options {
                let base = o.place * p.dims;
                let mut r = o.score + self.bonus[g];
                for &(d, a) in &group.sparse {
                    r -= net[base + d] * a;
                }
                if r > best {
                    best = r;
                    at = o.place;
                }
            }
            choice[g] = at;
            if at != NONE || self.allow_unplaced {
                value += best;
            } else {
                // A group with nowhere to go makes the all-placed problem infeasible.
                return f64::NEG_INFINITY;
            }
        }
        value + constant
    }

    /// `K − A x` on the capacity rows that can bind, then `A x − M` on the floor rows (the
    /// subgradient of `L` at the choice).
    pub fn slack(&self, choice: &[usize], out: &mut Vec<f64>) {
        let p = self.p;
        let mut load = vec![0.0; p.places * p.dims];
        for (g, &j) in choice.iter().enumerate() {
            if j != NONE {
                for &(d, a) in &p.groups[g].sparse {
                    load[j * p.dims + d] += a;
                }
            }
        }
        out.clear();
        out.extend(self.rows.iter().map(|&r| p.cap[r] - load[r]));
        out.extend(self.floor_rows.iter().map(|&r| load[r] - p.floor[r]));
    }
}
