//! The exact LP relaxation for instances with few large places (an agency's 20 offices
//! for 500 families): groups are many, capacity rows few, so the LP is small enough for
//! the dense simplex of `master.rs`. Its capacity duals are the best Lagrangian prices
//! `λ` there are: `L(λ)` at them is the LP bound, which the subgradient only approaches
//! (it stalls about 0.02 % above on the agency benchmark), and they steer the greedy like
//! any other prices. Its solution, with the few fractionally split groups taken out, is
//! the start of a plan.
use std::time::Instant;

use super::lagrange::Relaxation;
use super::master::{MAX_ROWS, Master, Var};
use crate::model::plan::Plan;
use crate::model::problem::Problem;

/// The solved LP relaxation.
pub(crate) struct Relaxed {
    /// Optimal capacity prices (indexed like `p.cap`).
    pub prices: Vec<f64>,
    /// The groups the LP places wholly, at their place; the split ones unplaced.
    pub rounded: Plan,
}

/// The LP relaxation, starting from the complete plan `incumbent`; `None` when it is too
/// large for the dense simplex or the deadline passes first.
pub(crate) fn solve(
    p: &Problem,
    relax: &Relaxation,
    incumbent: &Plan,
    deadline: Option<Instant>,
) -> Option<Relaxed> {
    let n = p.groups.len();
    let rows = n + relax.rows.len();
    if rows > MAX_ROWS {
        return None;
    }
    let mut row_of = vec![usize::MAX; p.cap.len()];
    for (k, &r) in relax.rows.iter().enumerate() {
        row_of[r] = n + k;
    }
    let mut columns = Vec::new();
    let mut pairs = Vec::new();
    let mut basic = vec![usize::MAX; n];
    for (g, group) in p.groups.iter().enumerate() {
        for o in &group.options {
            if incumbent.at[g] == o.place {
                basic[g] = columns.len();
            }
            let mut entries = vec![(g, 1.0)];
            for &(d, a) in &group.sparse {
                let row = row_of[o.place * p.dims + d];
                if row != usize::MAX {
                    entries.push((row, a));
                }
            }
            pairs.push((g, o.place));
            columns.push(Var {
                entries,
                cost: o.score,
            });
        }
    }
    let mut rhs = vec![1.0; n];
    rhs.extend(relax.rows.iter().map(|&r| p.cap[r]));
    let mut lp = Master::new(rhs, n, columns, &basic);
    // Pivots in batches so the deadline is honoured.
    loop {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return None;
        }
        if lp.optimise(200) < 200 {
            break;
        }
    }
    let (_, duals) = lp.duals();
    let mut lambda = vec![0.0; p.cap.len()];
    for (&r, &y) in relax.rows.iter().zip(duals) {
        lambda[r] = y.max(0.0);
    }
    let mut rounded = Plan::empty(p);
    for (k, level) in lp.solution() {
        let (g, j) = pairs[k];
        if level > 1.0 - 1e-6 && rounded.fits(p, g, j) {
            rounded.place(p, g, j);
        }
    }
    Some(Relaxed {
        prices: lambda,
        rounded,
    })
}
