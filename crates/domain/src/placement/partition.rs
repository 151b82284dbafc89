//! The set-partitioning (Dantzig–Wolfe) bound by column generation.
//!
//! A column is a set of groups that fits one place. The master LP (`master.rs`) chooses a
//! fractional combination of columns covering every group once, at most one per place; its
//! duals `u` (per group) price new columns: the best set at place `j` under profits
//! `s_gj − u_g` is a small knapsack (`knapsack.rs`). For any `u`,
//! `L(u) = Σ_g u_g + Σ_j max(0, KP_j(u))` bounds every plan placing everyone, and at the
//! master's optimum it equals the set-partitioning LP bound: as strong as the capacity
//! Lagrangian (the LP bound) and much stronger when a place holds only a few families,
//! where the LP packs fractions of families. On the Dutch benchmark it equals the optimum
//! where the LP bound is 1.0 % above, and the master's optimum is an integral plan.
//!
//! The reported bound is always an `L(u)` computed here, never the master's value, so an
//! inexact simplex or a knapsack that hits its node limit (which then contributes an upper
//! bound) only loosens it.
use std::time::Instant;

use super::knapsack::{self, Best};
use super::master::{Master, Var};
use super::plan::Plan;
use super::problem::Problem;
use super::solution::relative_gap;

/// Node limit of one pricing knapsack.
const PRICING_NODES: usize = 50_000;
/// Column generation rounds at most.
const ROUNDS: usize = 300;
/// Weight of the best prices in the pricing point (Wentges smoothing).
const SMOOTHING: f64 = 0.8;

/// The best `L(u)` found and what it is made of.
pub(crate) struct Dual {
    pub bound: f64,
    /// Group prices `u` of the bound (the smoothing centre).
    u: Vec<f64>,
    /// The master's last solution, when it is integral: a plan (possibly the incumbent).
    pub plan: Option<Plan>,
}

/// A column of the master: a set of groups at one place.
struct Column {
    place: usize,
    /// Groups, ascending.
    groups: Vec<usize>,
    /// Total score.
    value: f64,
}

impl Column {
    /// As a master column: a 1 on each of its group rows and on its place's row.
    fn var(&self, groups: usize) -> Var {
        let mut entries: Vec<(usize, f64)> = self.groups.iter().map(|&g| (g, 1.0)).collect();
        entries.push((groups + self.place, 1.0));
        Var {
            entries,
            cost: self.value,
        }
    }
}

/// Per place, the allowed groups and their scores.
fn at_place(p: &Problem) -> Vec<Vec<(usize, f64)>> {
    let mut at = vec![Vec::new(); p.places];
    for (g, group) in p.groups.iter().enumerate() {
        for o in &group.options {
            at[o.place].push((g, o.score));
        }
    }
    at
}

fn room(p: &Problem, j: usize) -> &[f64] {
    &p.cap[j * p.dims..(j + 1) * p.dims]
}

/// The knapsack of place `j` under prices `u`.
fn price(
    p: &Problem,
    j: usize,
    items: &[(usize, f64)],
    u: &[f64],
    buf: &mut Vec<(f64, usize)>,
) -> Best {
    buf.clear();
    buf.extend(
        items
            .iter()
            .map(|&(g, s)| (s - u[g], g))
            .filter(|&(q, _)| q > 1e-12),
    );
    knapsack::best(p, room(p, j), buf, PRICING_NODES)
}

/// Column generation for the all-placed problem, from the capacity prices `lambda` and the
/// complete plan `incumbent`, until the bound is within `gap` of the incumbent, no column
/// improves the master, or `deadline`.
pub(crate) fn bound(
    p: &Problem,
    lambda: &[f64],
    incumbent: &Plan,
    gap: f64,
    deadline: Option<Instant>,
) -> Dual {
    let n = p.groups.len();
    let value = incumbent.score(p);
    let at = at_place(p);
    // Start from the prices the capacity Lagrangian implies: each group's best reduced score.
    let start: Vec<f64> = p
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            group
                .options
                .iter()
                .map(|o| super::heuristic::reduced(p, lambda, g, o.place, o.score))
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    // The starting basis: each place's residents as one column, and a one-group column for
    // every other resident (see master.rs).
    let mut columns = Vec::new();
    let mut basic = Vec::new();
    for (j, residents) in incumbent.residents.iter().enumerate() {
        let Some((_, rest)) = residents.split_first() else {
            continue;
        };
        let mut groups = residents.clone();
        groups.sort_unstable();
        let value = groups.iter().filter_map(|&g| p.score(g, j)).sum();
        basic.push(columns.len());
        columns.push(Column {
            place: j,
            groups,
            value,
        });
        for &g in rest {
            basic.push(columns.len());
            let value = p.score(g, j).expect("a plan uses allowed places");
            columns.push(Column {
                place: j,
                groups: vec![g],
                value,
            });
        }
    }
    let rhs = vec![1.0; n + p.places];
    let vars = columns.iter().map(|c| c.var(n)).collect();
    let mut master = Master::new(rhs, n, vars, &basic);
    let mut best = Dual {
        bound: f64::INFINITY,
        u: start,
        plan: None,
    };
    let mut buf = Vec::new();
    let mut sep = vec![0.0; n];
    let mut alpha = SMOOTHING;
    for round in 0..ROUNDS {
        master.optimise(usize::MAX);
        let (u, v) = master.duals();
        // Wentges smoothing: price at a point between the best prices so far and the
        // master's duals, which jump about while the master has few columns. The first
        // round prices at the capacity Lagrangian's prices alone.
        let a = if round == 0 { 1.0 } else { alpha };
        for (s, (&b, &m)) in sep.iter_mut().zip(best.u.iter().zip(u)) {
            *s = a * b + (1.0 - a) * m;
        }
        let mut bound: f64 = sep.iter().sum();
        let mut fresh = Vec::new();
        for (j, items) in at.iter().enumerate() {
            let b = price(p, j, items, &sep, &mut buf);
            bound += b.upper.max(0.0);
            if b.set.is_empty() {
                continue;
            }
            let value: f64 = b.set.iter().filter_map(|&g| p.score(g, j)).sum();
            let reduced = value - b.set.iter().map(|&g| u[g]).sum::<f64>() - v[j];
            if reduced > 1e-9 {
                fresh.push(Column {
                    place: j,
                    groups: b.set,
                    value,
                });
            }
        }
        if bound < best.bound {
            best.bound = bound;
            best.u.clone_from(&sep);
        }
        if relative_gap(best.bound, value) <= gap || deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        if fresh.is_empty() {
            if a == 0.0 {
                // Exact pricing at the master's duals found nothing: the master is optimal.
                break;
            }
            // A mis-price: the smoothed point hides the master's improving columns.
            alpha = 0.0;
            continue;
        }
        for c in fresh {
            master.add(c.var(n));
            columns.push(c);
        }
    }
    best.plan = integral(p, &master, &columns);
    best
}

/// The master's solution as a plan, if every column is taken wholly or not at all.
fn integral(p: &Problem, master: &Master, columns: &[Column]) -> Option<Plan> {
    let mut plan = Plan::empty(p);
    for (k, level) in master.solution() {
        if level > 1.0 - 1e-6 {
            let c = &columns[k];
            for &g in &c.groups {
                if plan.at[g] != super::plan::NONE || !plan.fits(p, g, c.place) {
                    return None;
                }
                plan.place(p, g, c.place);
            }
        } else if level > 1e-6 {
            return None;
        }
    }
    plan.complete().then_some(plan)
}
