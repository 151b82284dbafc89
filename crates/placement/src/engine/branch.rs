//! Branch and bound with Lagrangian bounds, to prove optimality where the relaxation alone
//! leaves a gap (the integrality gap of small places, typically a few per cent of the
//! bound on instances such as the Dutch one).
//!
//! With capacity prices `λ` fixed at the best ones the subgradient found, a node that has
//! fixed some groups (value `V`, loads `ℓ`) is bounded by
//! `V + Σ_free max_k (s_gk − λ_k·a_g) + Σ_rows λ_r (K_r − ℓ_r)`, the maximum taken over
//! places where the group still fits: cheap, and valid for any `λ ≥ 0` (with floors, `λ`
//! is the net price `λ − μ` and the constant subtracts `μ·M`; floors are checked on
//! complete plans). Before branching,
//! reduced-cost fixing removes every pair whose reduced score is so far below the group's
//! best that `L(λ)` minus the difference is below the incumbent: no better plan uses it.
//! Depth first, groups with the fewest remaining places first, best reduced score first.
//! Nodes within `gap` of the incumbent are pruned, so a finished search proves the
//! incumbent optimal within the requested gap; the bound it proves is reported.
use super::lagrange::Relaxation;
use crate::model::plan::{NONE, Plan};
use crate::model::problem::Problem;

/// The outcome of a search.
pub(crate) struct Search {
    /// A plan better than the incumbent, if one was found.
    pub plan: Option<Plan>,
    /// The best value (the incumbent's if nothing better was found).
    pub value: f64,
    /// Whether the search finished; then `proven` bounds every plan.
    pub finished: bool,
    /// The largest bound of a pruned node (only meaningful when finished).
    pub proven: f64,
}

/// Limits of one search.
pub(crate) struct Limits {
    pub nodes: usize,
    pub gap: f64,
    pub deadline: Option<std::time::Instant>,
}

/// Searches for a plan better than `incumbent` (value under `relax`'s objective) with
/// net prices `lambda` and the constant part `constant` of their Lagrangian.
pub(crate) fn search(
    p: &Problem,
    relax: &Relaxation,
    lambda: &[f64],
    constant: f64,
    incumbent: f64,
    limits: &Limits,
) -> Search {
    // Reduced scores, best first, and each group's best (or 0 where it may stay out).
    let floor_of_best = if relax.allow_unplaced {
        0.0
    } else {
        f64::NEG_INFINITY
    };
    let mut candidates: Vec<Vec<(f64, f64, usize)>> = Vec::with_capacity(p.groups.len());
    let mut best = Vec::with_capacity(p.groups.len());
    for (g, group) in p.groups.iter().enumerate() {
        let mut list: Vec<(f64, f64, usize)> = group
            .options
            .iter()
            .map(|o| {
                let r = super::heuristic::reduced(p, lambda, g, o.place, o.score + relax.bonus[g]);
                (r, o.score + relax.bonus[g], o.place)
            })
            .collect();
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        best.push(
            list.first()
                .map_or(floor_of_best, |c| c.0.max(floor_of_best)),
        );
        candidates.push(list);
    }
    // Reduced-cost fixing against the incumbent, with the Lagrangian value at exactly these
    // prices (a smaller bound from elsewhere, such as the knapsack bound, would fix wrongly).
    let bound = constant + best.iter().sum::<f64>();
    for (list, best) in candidates.iter_mut().zip(&best) {
        list.retain(|&(r, _, _)| bound - (best - r) > incumbent - 1e-9);
    }
    let mut order: Vec<usize> = (0..p.groups.len()).collect();
    order.sort_by_key(|&g| (candidates[g].len(), g));
    let mut state = State {
        p,
        relax,
        lambda,
        candidates,
        order,
        plan: Plan::empty(p),
        best: incumbent,
        best_plan: None,
        proven: f64::NEG_INFINITY,
        nodes: 0,
        limits,
        check_every: (65_536 / p.groups.len().max(1)).clamp(1, 4096),
        stopped: false,
    };
    state.dfs(0, 0.0, constant);
    Search {
        finished: !state.stopped,
        value: state.best,
        proven: state.proven.max(state.best),
        plan: state.best_plan,
    }
}

struct State<'a> {
    p: &'a Problem,
    relax: &'a Relaxation<'a>,
    lambda: &'a [f64],
    /// Per group: (reduced score, value, place), best reduced first.
    candidates: Vec<Vec<(f64, f64, usize)>>,
    order: Vec<usize>,
    plan: Plan,
    best: f64,
    best_plan: Option<Plan>,
    proven: f64,
    nodes: usize,
    limits: &'a Limits,
    /// Nodes between looks at the deadline: a node's bound passes over every free group,
    /// so about 65,536 groups' worth of nodes (4,096 nodes on small instances, every other
    /// node on 25,000 families, where 4,096 nodes overran a 60 s limit by 1.1 s).
    check_every: usize,
    stopped: bool,
}

impl State<'_> {
    /// Σ over free groups of their best reduced score where they still fit.
    fn optimistic(&self, depth: usize) -> f64 {
        let mut total = 0.0;
        for &g in &self.order[depth..] {
            let best = self.candidates[g]
                .iter()
                .find(|c| self.plan.fits(self.p, g, c.2))
                .map(|c| c.0);
            match best {
                Some(r) if !self.relax.allow_unplaced || r > 0.0 => total += r,
                Some(_) => {}
                None if self.relax.allow_unplaced => {}
                None => return f64::NEG_INFINITY,
            }
        }
        total
    }

    /// `value` is the true value of the fixed groups; `priced` is `Σ λ_r (K_r − ℓ_r)`.
    fn dfs(&mut self, depth: usize, value: f64, priced: f64) {
        self.nodes += 1;
        if self.nodes > self.limits.nodes
            || (self.nodes.is_multiple_of(self.check_every)
                && self
                    .limits
                    .deadline
                    .is_some_and(|d| std::time::Instant::now() >= d))
        {
            self.stopped = true;
        }
        if self.stopped {
            return;
        }
        if depth == self.order.len() {
            if value > self.best + 1e-12 && self.plan.meets_floors(self.p) {
                self.best = value;
                self.best_plan = Some(self.plan.clone());
            }
            return;
        }
        let bound = value + priced + self.optimistic(depth);
        let tolerance = self.limits.gap * self.best.abs().max(1e-9);
        if bound <= self.best + tolerance {
            if bound > self.proven {
                self.proven = bound;
            }
            return;
        }
        let g = self.order[depth];
        let options: Vec<(f64, usize)> = self.candidates[g]
            .iter()
            .filter(|c| self.plan.fits(self.p, g, c.2))
            .map(|c| (c.1, c.2))
            .collect();
        for (v, j) in options {
            let base = j * self.p.dims;
            let used: f64 = self.p.groups[g]
                .sparse
                .iter()
                .map(|&(d, a)| self.lambda[base + d] * a)
                .sum();
            self.plan.place(self.p, g, j);
            self.dfs(depth + 1, value + v, priced - used);
            self.plan.remove(self.p, g);
            if self.stopped {
                return;
            }
        }
        if self.relax.allow_unplaced {
            debug_assert_eq!(self.plan.at[g], NONE);
            self.dfs(depth + 1, value, priced);
        }
    }
}
