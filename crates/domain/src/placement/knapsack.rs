//! A stronger bound for instances of many small places: Lagrangian relaxation of the
//! assignment rows instead of the capacity rows. With a price `u_g` on each group,
//! `L(u) = Σ_g u_g + Σ_j KP_j(u)` where `KP_j` is the best set of groups that fits place
//! `j` with profits `s_gj − u_g`: a small multidimensional knapsack per place, solved
//! exactly by depth-first search. Its minimum is the bound of the set-partitioning (column
//! generation) formulation, at least as strong as the LP bound and much stronger when a
//! place holds only a few families, which is where the LP's fractional packing is loose.
//! A knapsack whose search hits its node limit contributes a fractional-knapsack bound
//! instead, so the value is always a valid upper bound.
use super::problem::{EPS, Problem};

/// Node limit of one knapsack search.
const KNAPSACK_NODES: usize = 20_000;

/// The smallest `L(u)` found in `iterations` subgradient steps (fewer if `deadline` passes)
/// from the prices implied by the capacity prices `lambda`, for the all-placed problem with
/// best plan `incumbent`.
pub(crate) fn bound(
    p: &Problem,
    lambda: &[f64],
    incumbent: f64,
    iterations: usize,
    deadline: Option<std::time::Instant>,
) -> f64 {
    let n = p.groups.len();
    let mut u: Vec<f64> = (0..n)
        .map(|g| {
            p.groups[g]
                .options
                .iter()
                .map(|o| super::heuristic::reduced(p, lambda, g, o.place, o.score))
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    if u.iter().any(|x| !x.is_finite()) {
        return f64::INFINITY;
    }
    let mut at_place: Vec<Vec<(usize, f64)>> = vec![Vec::new(); p.places];
    for (g, group) in p.groups.iter().enumerate() {
        for o in &group.options {
            at_place[o.place].push((g, o.score));
        }
    }
    let mut best = f64::INFINITY;
    let mut theta = 1.0;
    let mut stalled = 0;
    let mut count = vec![0usize; n];
    for _ in 0..iterations {
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            break;
        }
        count.iter_mut().for_each(|c| *c = 0);
        let mut value: f64 = u.iter().sum();
        for (j, items) in at_place.iter().enumerate() {
            value += knapsack(p, j, items, &u, &mut count);
        }
        if !best.is_finite() || value < best - 1e-9 * best.abs().max(1.0) {
            best = value;
            stalled = 0;
        } else {
            stalled += 1;
            if stalled >= 20 {
                theta *= 0.5;
                stalled = 0;
            }
        }
        if best - incumbent <= 1e-9 * incumbent.abs().max(1.0) || theta < 1e-5 {
            break;
        }
        let norm: f64 = count.iter().map(|&c| (1.0 - c as f64).powi(2)).sum();
        if norm == 0.0 {
            break;
        }
        let step = theta * (value - incumbent).max(1e-6) / norm;
        for (x, &c) in u.iter_mut().zip(&count) {
            *x -= step * (1.0 - c as f64);
        }
    }
    best
}

/// The best profit of a set of groups fitting place `j` (profits `s − u`), adding one to
/// `count[g]` for each chosen group. Falls back to a fractional bound past the node limit.
fn knapsack(p: &Problem, j: usize, items: &[(usize, f64)], u: &[f64], count: &mut [usize]) -> f64 {
    let mut positive: Vec<(f64, usize)> = items
        .iter()
        .map(|&(g, s)| (s - u[g], g))
        .filter(|&(q, _)| q > 1e-12)
        .collect();
    if positive.is_empty() {
        return 0.0;
    }
    positive.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let cap = &p.cap[j * p.dims..(j + 1) * p.dims];
    let mut suffix = vec![0.0; positive.len() + 1];
    for i in (0..positive.len()).rev() {
        suffix[i] = suffix[i + 1] + positive[i].0;
    }
    let mut search = Knapsack {
        p,
        items: &positive,
        suffix: &suffix,
        room: cap.to_vec(),
        chosen: Vec::new(),
        best: 0.0,
        best_set: Vec::new(),
        nodes: 0,
    };
    search.go(0, 0.0);
    if search.nodes > KNAPSACK_NODES {
        // Not proven: the LP bound of the knapsack on its tightest single dimension.
        let limit = (0..p.dims)
            .map(|d| fractional(p, &positive, d, cap[d]))
            .fold(suffix[0], f64::min);
        return limit.max(search.best);
    }
    for &g in &search.best_set {
        count[g] += 1;
    }
    search.best
}

/// The fractional knapsack on dimension `d` alone (an upper bound on the knapsack).
fn fractional(p: &Problem, items: &[(f64, usize)], d: usize, cap: f64) -> f64 {
    let mut by_density: Vec<(f64, f64)> = items
        .iter()
        .map(|&(q, g)| (q, p.groups[g].demand[d]))
        .collect();
    by_density.sort_by(|a, b| (b.0 * a.1).total_cmp(&(a.0 * b.1)));
    let (mut room, mut total) = (cap, 0.0);
    for (q, a) in by_density {
        if a <= room + EPS {
            room -= a;
            total += q;
        } else {
            total += q * (room / a).max(0.0);
            break;
        }
    }
    total
}

struct Knapsack<'a> {
    p: &'a Problem,
    items: &'a [(f64, usize)],
    suffix: &'a [f64],
    room: Vec<f64>,
    chosen: Vec<usize>,
    best: f64,
    best_set: Vec<usize>,
    nodes: usize,
}

impl Knapsack<'_> {
    fn go(&mut self, i: usize, value: f64) {
        self.nodes += 1;
        if self.nodes > KNAPSACK_NODES {
            return;
        }
        if value > self.best {
            self.best = value;
            self.best_set.clone_from(&self.chosen);
        }
        if i == self.items.len() || value + self.suffix[i] <= self.best + 1e-12 {
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
}
