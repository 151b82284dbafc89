//! The knapsack of one place: the most profitable set of groups that fits its capacity in
//! every dimension, with a profit per group (a score minus a price). Column generation
//! prices with it (`partition.rs`), and reduced-cost fixing asks it what forcing one group
//! in would cost.
//!
//! Solved by depth-first search over the groups in order of profit, pruned by the smaller
//! of the remaining profit and a fractional (LP) knapsack on each dimension. A search that
//! hits its node limit reports its best set and an upper bound instead of the optimum, so a
//! bound built from it stays valid.
use super::problem::{EPS, Problem};

/// The answer for one place.
#[derive(Debug, Clone, Default)]
pub(crate) struct Best {
    /// The best set found (empty when no group is worth taking).
    pub set: Vec<usize>,
    /// No set is worth more than this (`value` when the search finished).
    pub upper: f64,
}

/// The best set of `items` (profit, group; profits above 0) that fits `room`, visiting at
/// most `nodes` search nodes.
pub(crate) fn best(p: &Problem, room: &[f64], items: &mut [(f64, usize)], nodes: usize) -> Best {
    if items.is_empty() {
        return Best::default();
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // The dimensions all items together overflow, each with the items by density (profit
    // per unit of demand) for its fractional bound; the others never bind.
    let binding: Vec<(usize, Vec<usize>)> = (0..p.dims)
        .filter(|&d| {
            items
                .iter()
                .map(|&(_, g)| p.groups[g].demand[d])
                .sum::<f64>()
                > room[d] + EPS
        })
        .map(|d| {
            let mut order: Vec<usize> = (0..items.len()).collect();
            let density = |k: usize| {
                let a = p.groups[items[k].1].demand[d];
                if a > 0.0 {
                    items[k].0 / a
                } else {
                    f64::INFINITY
                }
            };
            order.sort_by(|&x, &y| density(y).total_cmp(&density(x)).then(x.cmp(&y)));
            (d, order)
        })
        .collect();
    let mut suffix = vec![0.0; items.len() + 1];
    for k in (0..items.len()).rev() {
        suffix[k] = suffix[k + 1] + items[k].0;
    }
    let mut search = Search {
        p,
        items,
        binding: &binding,
        suffix: &suffix,
        room: room.to_vec(),
        chosen: Vec::new(),
        best: 0.0,
        best_set: Vec::new(),
        nodes: 0,
        limit: nodes,
    };
    search.go(0, 0.0);
    let finished = search.nodes <= nodes;
    let upper = if finished {
        search.best
    } else {
        search.optimistic(0).max(search.best)
    };
    let mut set = search.best_set;
    set.sort_unstable();
    Best { set, upper }
}

struct Search<'a> {
    p: &'a Problem,
    /// Profit and group, best profit first.
    items: &'a [(f64, usize)],
    /// Binding dimensions with the item positions by density.
    binding: &'a [(usize, Vec<usize>)],
    /// `suffix[k]`: the total profit of items `k..`.
    suffix: &'a [f64],
    room: Vec<f64>,
    chosen: Vec<usize>,
    best: f64,
    best_set: Vec<usize>,
    nodes: usize,
    limit: usize,
}

impl Search<'_> {
    fn go(&mut self, i: usize, value: f64) {
        self.nodes += 1;
        if self.nodes > self.limit {
            return;
        }
        if value > self.best {
            self.best = value;
            self.best_set.clone_from(&self.chosen);
        }
        if i == self.items.len() || value + self.suffix[i] <= self.best + 1e-12 {
            return;
        }
        if value + self.optimistic(i) <= self.best + 1e-12 {
            return;
        }
        let (q, g) = self.items[i];
        let sparse = &self.p.groups[g].sparse;
        if sparse.iter().all(|&(d, a)| a <= self.room[d] + EPS) {
            for &(d, a) in sparse {
                self.room[d] -= a;
            }
            self.chosen.push(g);
            self.go(i + 1, value + q);
            self.chosen.pop();
            for &(d, a) in sparse {
                self.room[d] += a;
            }
        }
        self.go(i + 1, value);
    }

    /// An upper bound on what the items from position `i` on can still add within the
    /// room left: the smallest fractional knapsack over the binding dimensions, counting
    /// only items that fit on their own.
    fn optimistic(&self, i: usize) -> f64 {
        let fits = |g: usize| {
            self.p.groups[g]
                .sparse
                .iter()
                .all(|&(d, a)| a <= self.room[d] + EPS)
        };
        let mut bound = self.suffix[i];
        for (d, order) in self.binding {
            let mut room = self.room[*d];
            let mut total = 0.0;
            for &k in order {
                if k < i {
                    continue;
                }
                let (q, g) = self.items[k];
                if !fits(g) {
                    continue;
                }
                let a = self.p.groups[g].demand[*d];
                if a <= room + EPS {
                    room -= a;
                    total += q;
                } else {
                    total += q * (room / a).max(0.0);
                    break;
                }
                if total >= bound {
                    break;
                }
            }
            bound = bound.min(total);
        }
        bound
    }
}
