//! The knapsack of one place: the most profitable set of groups that fits its capacity in
//! every dimension and reaches its floor in every dimension (a minimum or the bottom of a
//! fairness band; none for most places), with a profit per group (a score minus a price).
//! Column generation prices with it (`partition.rs`).
//!
//! Solved by depth-first search over the groups in order of profit, pruned by the smaller
//! of the remaining profit and a fractional (LP) knapsack on each dimension and on a
//! surrogate row (the dimensions weighted by prices); groups of the same demand are taken
//! in order of profit, which removes their symmetry. With a floor, groups of negative
//! profit may be needed to reach it: the search also prunes where even every remaining
//! group together would not. A search that
//! hits its node limit reports its best set and an upper bound instead of the optimum, so a
//! bound built from it stays valid.
use crate::model::problem::{EPS, Problem};

/// The answer for one place.
#[derive(Debug, Clone, Default)]
pub(crate) struct Best {
    /// The best set found (empty when no group is worth taking, or when no set reaches
    /// the floor).
    pub set: Vec<usize>,
    /// No set is worth more than this (the best set's value when the search finished;
    /// `-∞` when it proved that no set reaches the floor).
    pub upper: f64,
}

/// The best set of `items` (profit, group) that fits `room` and reaches `floor`, visiting
/// at most `nodes` search nodes (`floor` per dimension, or empty for none). Without a floor
/// a group of profit 0 or less is never worth taking, so callers leave those out.
/// `surrogate` weighs the dimensions into one more row for the fractional bound (all zero for none): with the place's capacity prices, profits are at
/// most the priced demand, so that row bounds the whole set by the priced room, where each
/// single dimension lets every item that does not use it through for free.
pub(crate) fn best(
    p: &Problem,
    room: &[f64],
    items: &mut [(f64, usize)],
    surrogate: &[f64],
    floor: &[f64],
    nodes: usize,
) -> Best {
    let floored: Vec<(usize, f64)> = floor
        .iter()
        .enumerate()
        .filter(|&(_, &f)| f > EPS)
        .map(|(d, &f)| (d, f))
        .collect();
    if items.is_empty() && floored.is_empty() {
        return Best::default();
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // The rows all items together overflow (each dimension, and the surrogate), each with
    // its item sizes and the items by density (profit per unit of size) for its fractional
    // bound; the others never bind.
    let unit = |d: usize| {
        let mut w = vec![0.0; p.dims];
        w[d] = 1.0;
        w
    };
    let binding: Vec<Row> = (0..p.dims)
        .map(unit)
        .chain(
            surrogate
                .iter()
                .any(|&w| w > 0.0)
                .then(|| surrogate.to_vec()),
        )
        .filter_map(|weights| Row::new(p, items, room, weights))
        .collect();
    let mut suffix = vec![0.0; items.len() + 1];
    // `reach[k * floored.len() + f]`: the demand of items `k..` in the `f`th floored
    // dimension.
    let mut reach = vec![0.0; (items.len() + 1) * floored.len()];
    for k in (0..items.len()).rev() {
        suffix[k] = suffix[k + 1] + items[k].0.max(0.0);
        let demand = &p.groups[items[k].1].demand;
        for (f, &(d, _)) in floored.iter().enumerate() {
            reach[k * floored.len() + f] = reach[(k + 1) * floored.len() + f] + demand[d];
        }
    }
    let mut search = Search {
        p,
        items,
        binding: &binding,
        suffix: &suffix,
        floored: &floored,
        reach: &reach,
        start: room.to_vec(),
        room: room.to_vec(),
        closed: vec![false; p.groups.len()],
        chosen: Vec::new(),
        best: if floored.is_empty() {
            0.0
        } else {
            f64::NEG_INFINITY
        },
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

/// A row of the fractional bound: its non-zero weights `(dimension, weight)` (one for a
/// single dimension, so the per-node room costs a lookup), each item's weighted demand,
/// and the item positions by density.
struct Row {
    weights: Vec<(usize, f64)>,
    size: Vec<f64>,
    order: Vec<usize>,
}

impl Row {
    /// The row, if all `items` together overflow it.
    fn new(p: &Problem, items: &[(f64, usize)], room: &[f64], weights: Vec<f64>) -> Option<Row> {
        let dot = |v: &[f64]| v.iter().zip(&weights).map(|(a, w)| a * w).sum::<f64>();
        let size: Vec<f64> = items
            .iter()
            .map(|&(_, g)| dot(&p.groups[g].demand))
            .collect();
        if size.iter().sum::<f64>() <= dot(room) + EPS {
            return None;
        }
        let density = |k: usize| {
            if size[k] > 0.0 {
                items[k].0 / size[k]
            } else {
                f64::INFINITY
            }
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&x, &y| density(y).total_cmp(&density(x)).then(x.cmp(&y)));
        Some(Row {
            weights: weights
                .iter()
                .enumerate()
                .filter(|&(_, &w)| w > 0.0)
                .map(|(d, &w)| (d, w))
                .collect(),
            size,
            order,
        })
    }
}

struct Search<'a> {
    p: &'a Problem,
    /// Profit and group, best profit first.
    items: &'a [(f64, usize)],
    /// The rows of the fractional bound that can bind.
    binding: &'a [Row],
    /// `suffix[k]`: the total positive profit of items `k..`.
    suffix: &'a [f64],
    /// The dimensions with a floor, and the floor.
    floored: &'a [(usize, f64)],
    /// Per position and floored dimension, the demand of the items from there on.
    reach: &'a [f64],
    /// The room before any item is taken.
    start: Vec<f64>,
    room: Vec<f64>,
    /// Per kind of group, whether the search left out one of its groups: every later one
    /// (no more profitable, and interchangeable) is left out too, since swapping it for
    /// the one left out loses nothing. Without this, the search tries every choice among
    /// the dozens of identical small families.
    closed: Vec<bool>,
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
        // How far each floored dimension's load is below its floor.
        let short = |&(d, floor): &(usize, f64)| floor - (self.start[d] - self.room[d]);
        let reached = self.floored.iter().all(|x| short(x) <= EPS);
        if value > self.best && reached {
            self.best = value;
            self.best_set.clone_from(&self.chosen);
        }
        if i == self.items.len() || value + self.suffix[i] <= self.best + 1e-12 {
            return;
        }
        let width = self.floored.len();
        if self
            .floored
            .iter()
            .enumerate()
            .any(|(f, x)| short(x) > self.reach[i * width + f] + EPS)
        {
            return;
        }
        if value + self.optimistic(i) <= self.best + 1e-12 {
            return;
        }
        let (q, g) = self.items[i];
        let kind = self.p.groups[g].kind;
        if self.closed[kind] {
            self.go(i + 1, value);
            return;
        }
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
        self.closed[kind] = true;
        self.go(i + 1, value);
        self.closed[kind] = false;
    }

    /// An upper bound on what the items from position `i` on can still add within the
    /// room left: the smallest fractional knapsack over the binding rows, counting
    /// only items of positive profit that fit on their own and whose kind is still open.
    fn optimistic(&self, i: usize) -> f64 {
        let fits = |g: usize| {
            let group = &self.p.groups[g];
            !self.closed[group.kind] && group.sparse.iter().all(|&(d, a)| a <= self.room[d] + EPS)
        };
        let mut bound = self.suffix[i];
        for row in self.binding {
            let mut room: f64 = row.weights.iter().map(|&(d, w)| self.room[d] * w).sum();
            let mut total = 0.0;
            for &k in &row.order {
                if k < i {
                    continue;
                }
                let (q, g) = self.items[k];
                if q <= 0.0 || !fits(g) {
                    continue;
                }
                let a = row.size[k];
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
