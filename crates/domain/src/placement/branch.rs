//! Depth-first branch and bound for small instances: proves optimality outright where the
//! Lagrangian bound leaves a gap (a few dozen groups). Groups are branched in order of
//! fewest options; the bound at a node is the current value plus each remaining group's
//! best value among the places where it still fits. Stops at a node limit, in which case
//! it proves nothing and the caller keeps its own bound.
use super::lagrange::Relaxation;
use super::plan::{NONE, Plan};
use super::problem::Problem;

/// Result of an exhaustive search: the best plan (if better than the incumbent) and
/// whether the search finished (then the incumbent or the returned plan is optimal).
pub(crate) struct Search {
    pub plan: Option<Plan>,
    pub value: f64,
    pub finished: bool,
}

/// Searches for a plan better than `incumbent` (value under `relax`'s objective).
pub(crate) fn search(p: &Problem, relax: &Relaxation, incumbent: f64, node_limit: usize) -> Search {
    let mut order: Vec<usize> = (0..p.groups.len()).collect();
    order.sort_by_key(|&g| (p.groups[g].options.len(), g));
    let mut state = State {
        p,
        relax,
        order,
        plan: Plan::empty(p),
        best: incumbent,
        best_plan: None,
        nodes: 0,
        limit: node_limit,
    };
    state.dfs(0, 0.0);
    Search {
        finished: state.nodes <= state.limit,
        value: state.best,
        plan: state.best_plan,
    }
}

struct State<'a> {
    p: &'a Problem,
    relax: &'a Relaxation<'a>,
    order: Vec<usize>,
    plan: Plan,
    best: f64,
    best_plan: Option<Plan>,
    nodes: usize,
    limit: usize,
}

impl State<'_> {
    fn value_at(&self, g: usize, score: f64) -> f64 {
        score + self.relax.bonus[g]
    }

    fn optimistic(&self, depth: usize) -> f64 {
        let mut total = 0.0;
        for &g in &self.order[depth..] {
            let mut best = if self.relax.allow_unplaced {
                0.0
            } else {
                f64::NEG_INFINITY
            };
            for o in &self.p.groups[g].options {
                if self.plan.fits(self.p, g, o.place) {
                    best = best.max(self.value_at(g, o.score));
                }
            }
            if best == f64::NEG_INFINITY {
                return f64::NEG_INFINITY;
            }
            total += best;
        }
        total
    }

    fn dfs(&mut self, depth: usize, value: f64) {
        self.nodes += 1;
        if self.nodes > self.limit {
            return;
        }
        if depth == self.order.len() {
            if value > self.best + 1e-12 {
                self.best = value;
                self.best_plan = Some(self.plan.clone());
            }
            return;
        }
        if value + self.optimistic(depth) <= self.best + 1e-12 {
            return;
        }
        let g = self.order[depth];
        let mut options: Vec<(f64, usize)> = self.p.groups[g]
            .options
            .iter()
            .filter(|o| self.plan.fits(self.p, g, o.place))
            .map(|o| (self.value_at(g, o.score), o.place))
            .collect();
        options.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (v, j) in options {
            self.plan.place(self.p, g, j);
            self.dfs(depth + 1, value + v);
            self.plan.remove(self.p, g);
            if self.nodes > self.limit {
                return;
            }
        }
        if self.relax.allow_unplaced {
            debug_assert_eq!(self.plan.at[g], NONE);
            self.dfs(depth + 1, value);
        }
    }
}
