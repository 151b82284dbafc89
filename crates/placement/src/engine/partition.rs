//! The set-partitioning (Dantzig–Wolfe) bound by column generation, on the places where
//! it pays: those that hold only a few families at once.
//!
//! At a *small* place a column is a set of groups that fits it, and at most one column per
//! place is chosen (its convexity row). A *large* place keeps the LP's pair columns and
//! capacity rows: one family is a small fraction of it, so the LP already packs it
//! tightly, and its knapsack would be too large to price exactly. The master LP
//! (`master.rs`) covers every group once; its group duals `u` price new columns for the
//! small places: the best set at place `j` under profits `s_gj − u_g` is a small knapsack
//! (`knapsack.rs`). For any `u`, capacity prices `λ ≥ 0` and floor prices `σ ≥ 0` on the
//! large places' rows,
//!
//! `L(u, λ, σ) = Σ_g u_g + Σ_small j KP_j(u) + Σ_large rows (λ_r K_r − σ_r M_r)
//!               + Σ_large j Σ_g max(0, s_gj − u_g − (λ_j − σ_j)·a_g)`
//!
//! bounds every plan placing everyone (the group rows and the large places' capacity and
//! floor rows are relaxed; each small place keeps its knapsack).
//!
//! Floors (minimums `M`, the bottom of a fairness band) are part of a small place's
//! knapsack: its sets are those that reach the floor, and it takes exactly one of them,
//! so `KP_j` may be negative (without a floor the empty set is one of its sets, and
//! `KP_j ≥ 0`). An LP that may meet a floor with half of a family's column cannot do
//! that: on the Dutch benchmark with a fairness band, this bound is the optimum where the
//! LP's is 1.1 % above. At the master's optimum it equals
//! the master's LP value: never above the LP bound, and below it wherever the LP packs
//! fractions of families into a small place. On the Dutch benchmark (every place small)
//! it equals the optimum where the LP bound is 1.0 % above, and the master's optimum is an
//! integral plan; on the agency benchmark (9 of 19 places small) it closes most of the
//! LP's gap to the optimum.
//!
//! The reported bound is always an `L` computed here, never the master's value, so an
//! inexact simplex or a knapsack that hits its node limit (which then contributes an upper
//! bound) only loosens it.
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::knapsack::{self, Best};
use super::master::{MAX_ROWS, Master, Var};
use crate::model::plan::{NONE, Plan};
use crate::model::problem::{EPS, Problem};
use crate::model::solution::relative_gap;

/// Node limit of one pricing knapsack.
const PRICING_NODES: usize = 50_000;
/// Column generation rounds at most.
const ROUNDS: usize = 300;
/// Simplex pivots between looks at the deadline. Fewer would overrun a time limit less (a
/// batch takes tens of milliseconds on the agency benchmark's master), but the simplex's
/// count of degenerate pivots starts afresh with each batch, so the batch also steers the
/// pivots: 50 changed the default results on `hias` and `nl-band`.
const PIVOT_BATCH: usize = 200;
/// Weight of the best prices in the pricing point (Wentges smoothing).
const SMOOTHING: f64 = 0.8;
/// A place is small when at most this many groups fit in it at once: exact knapsacks over
/// so few are fast, and there the LP's fractions cost most.
const SMALL_PLACE_GROUPS: usize = 16;

/// The best `L` found and what it is made of.
pub(crate) struct Dual<'a> {
    pub bound: f64,
    /// The master's last solution rounded to a plan, which may leave groups out.
    pub rounded: Plan,
    /// Whether that solution was integral: then `rounded` is it, complete, and no worse
    /// than the incumbent (the simplex never lowers the master's value).
    pub integral: bool,
    /// The column generation, for branch and price to go on from.
    pub generation: Generation<'a>,
}

/// A column of the master: a set of groups at a small place, or one group at a large one.
struct Column {
    place: usize,
    /// Groups, ascending.
    groups: Vec<usize>,
    /// Total score.
    value: f64,
}

/// The master's rows: groups, then per small place its convexity row (and with a floor,
/// the convexity row negated, so it takes exactly one set), per large place its capacity
/// rows that can bind and its floors (negated, `−load ≤ −floor`).
struct Rows {
    groups: usize,
    /// Per place, its convexity row if it is small.
    convexity: Vec<Option<usize>>,
    /// Per place, its negated convexity row (`−Σ sets ≤ −1`) if it is small and has a floor:
    /// every set priced there reaches the floor, and the empty set does not.
    at_least_one: Vec<Option<usize>>,
    /// Per capacity row (indexed like `p.cap`), its master row if its place is large and
    /// the row can bind.
    capacity: Vec<Option<usize>>,
    /// Per capacity row, the master row of its floor if its place is large and has one.
    floor: Vec<Option<usize>>,
    rhs: Vec<f64>,
    /// The cost of a column the master must not use: more than any plan scores.
    penalty: f64,
    /// Capacity prices (indexed like `p.cap`, at least 0) that weigh each small place's
    /// dimensions into the surrogate row of its knapsack's bound.
    surrogate: Vec<f64>,
}

impl Rows {
    fn new(p: &Problem, at: &[Vec<(usize, f64)>], lambda: &[f64]) -> Rows {
        let n = p.groups.len();
        let mut rows = Rows {
            groups: n,
            convexity: vec![None; p.places],
            at_least_one: vec![None; p.places],
            capacity: vec![None; p.cap.len()],
            floor: vec![None; p.cap.len()],
            rhs: vec![1.0; n],
            penalty: 10.0
                * (1.0
                    + p.groups
                        .iter()
                        .map(|g| g.options.iter().map(|o| o.score.abs()).fold(0.0, f64::max))
                        .sum::<f64>()),
            // Net prices `λ − μ` (with floors) can be negative, and a surrogate row only
            // bounds with weights of at least 0.
            surrogate: lambda.iter().map(|&l| l.max(0.0)).collect(),
        };
        for (j, items) in at.iter().enumerate() {
            if !items.is_empty() && holds_few(p, j, items) {
                rows.convexity[j] = Some(rows.rhs.len());
                rows.rhs.push(1.0);
                if floor(p, j).iter().any(|&f| f > EPS) {
                    rows.at_least_one[j] = Some(rows.rhs.len());
                    rows.rhs.push(-1.0);
                }
                continue;
            }
            for d in 0..p.dims {
                let r = j * p.dims + d;
                let demand: f64 = items.iter().map(|&(g, _)| p.groups[g].demand[d]).sum();
                if demand > p.cap[r] + EPS {
                    rows.capacity[r] = Some(rows.rhs.len());
                    rows.rhs.push(p.cap[r]);
                }
                if p.floor[r] > EPS {
                    rows.floor[r] = Some(rows.rhs.len());
                    rows.rhs.push(-p.floor[r]);
                }
            }
        }
        rows
    }

    /// `column` as a master column: at a small place a 1 on each of its group rows and on
    /// the place's row (and −1 on its negated row); at a large place a 1 on its group's
    /// row, the group's demand on the place's capacity rows and minus it on its floor rows.
    fn var(&self, p: &Problem, column: &Column) -> Var {
        let mut entries: Vec<(usize, f64)> = column.groups.iter().map(|&g| (g, 1.0)).collect();
        match self.convexity[column.place] {
            Some(row) => {
                entries.push((row, 1.0));
                if let Some(row) = self.at_least_one[column.place] {
                    entries.push((row, -1.0));
                }
            }
            None => {
                for &g in &column.groups {
                    for &(d, a) in &p.groups[g].sparse {
                        let r = column.place * p.dims + d;
                        if let Some(row) = self.capacity[r] {
                            entries.push((row, a));
                        }
                        if let Some(row) = self.floor[r] {
                            entries.push((row, -a));
                        }
                    }
                }
            }
        }
        Var {
            entries,
            cost: self.cost(p, column, false),
        }
    }

    /// What `column` earns in the master: its score, or `-penalty` when a branch bans it
    /// or it misses its small place's floor (the one-group columns of the first basis
    /// may), so the simplex drives it out.
    fn cost(&self, p: &Problem, column: &Column, banned: bool) -> f64 {
        let misses_floor = self.at_least_one[column.place].is_some() && {
            let mut load = vec![0.0; p.dims];
            for &g in &column.groups {
                for &(d, a) in &p.groups[g].sparse {
                    load[d] += a;
                }
            }
            load.iter()
                .zip(floor(p, column.place))
                .any(|(l, f)| *l < f - EPS)
        };
        if banned || misses_floor {
            -self.penalty
        } else {
            column.value
        }
    }

    /// `L` at the prices `y` (indexed by master row; convexity entries unused), pricing
    /// the small places' knapsacks.
    fn bound(
        &self,
        p: &Problem,
        at: &[Vec<(usize, f64)>],
        y: &[f64],
        buf: &mut Vec<(f64, usize)>,
        mut fresh: impl FnMut(usize, Best),
    ) -> f64 {
        let u = &y[..self.groups];
        let mut bound: f64 = u.iter().sum();
        for (r, row) in self.capacity.iter().enumerate() {
            if let Some(row) = *row {
                bound += y[row].max(0.0) * p.cap[r];
            }
            if let Some(row) = self.floor[r] {
                bound -= y[row].max(0.0) * p.floor[r];
            }
        }
        for (j, items) in at.iter().enumerate() {
            if self.convexity[j].is_some() {
                let surrogate = &self.surrogate[j * p.dims..(j + 1) * p.dims];
                let floored = self.at_least_one[j].is_some();
                let best = price(p, j, items, u, surrogate, floored, buf);
                // Without a floor the empty set is one of the place's sets.
                bound += if floored {
                    best.upper
                } else {
                    best.upper.max(0.0)
                };
                fresh(j, best);
                continue;
            }
            for &(g, s) in items {
                let priced: f64 = p.groups[g]
                    .sparse
                    .iter()
                    .map(|&(d, a)| {
                        let price = |row: Option<usize>| row.map_or(0.0, |row| y[row].max(0.0));
                        let r = j * p.dims + d;
                        a * (price(self.capacity[r]) - price(self.floor[r]))
                    })
                    .sum();
                bound += (s - u[g] - priced).max(0.0);
            }
        }
        bound
    }
}

/// Whether at most `SMALL_PLACE_GROUPS` of the groups allowed at place `j` fit in it at
/// once: packed greedily from the one that fills the least of its fullest dimension, a
/// good estimate of the most that fit.
fn holds_few(p: &Problem, j: usize, items: &[(usize, f64)]) -> bool {
    let cap = &p.cap[j * p.dims..(j + 1) * p.dims];
    let fill = |g: usize| {
        p.groups[g]
            .sparse
            .iter()
            .map(|&(d, a)| a / cap[d].max(EPS))
            .fold(0.0, f64::max)
    };
    let mut order: Vec<(f64, usize)> = items.iter().map(|&(g, _)| (fill(g), g)).collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut room = cap.to_vec();
    let mut count = 0;
    for (_, g) in order {
        let sparse = &p.groups[g].sparse;
        if sparse.iter().all(|&(d, a)| a <= room[d] + EPS) {
            for &(d, a) in sparse {
                room[d] -= a;
            }
            count += 1;
            if count > SMALL_PLACE_GROUPS {
                return false;
            }
        }
    }
    true
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

fn floor(p: &Problem, j: usize) -> &[f64] {
    &p.floor[j * p.dims..(j + 1) * p.dims]
}

/// The knapsack of place `j` under group prices `u`; with `floored`, over the sets that
/// reach its floor (which may need groups of negative profit).
fn price(
    p: &Problem,
    j: usize,
    items: &[(usize, f64)],
    u: &[f64],
    surrogate: &[f64],
    floored: bool,
    buf: &mut Vec<(f64, usize)>,
) -> Best {
    buf.clear();
    buf.extend(
        items
            .iter()
            .map(|&(g, s)| (s - u[g], g))
            .filter(|&(q, _)| floored || q > 1e-12),
    );
    let floor = if floored { floor(p, j) } else { &[] };
    knapsack::best(p, room(p, j), buf, surrogate, floor, PRICING_NODES)
}

/// The column generation: its rows, columns and master, kept after the root bound so
/// branch and price (`branch_price.rs`) goes on from its columns and basis.
pub(crate) struct Generation<'a> {
    p: &'a Problem,
    /// Per place, the allowed groups and their scores.
    pub at: Vec<Vec<(usize, f64)>>,
    rows: Rows,
    columns: Vec<Column>,
    master: Master,
}

impl<'a> Generation<'a> {
    /// The master over every pair at a large place, started from `incumbent` (a complete
    /// plan): each large place's residents' pairs; each small place's residents as one
    /// column, and a one-group column for every other resident (see master.rs). `None`
    /// when no place is small or the master would be too large for the dense simplex.
    fn new(p: &'a Problem, lambda: &[f64], incumbent: &Plan) -> Option<Generation<'a>> {
        let n = p.groups.len();
        if n >= MAX_ROWS {
            return None;
        }
        let at = at_place(p);
        let rows = Rows::new(p, &at, lambda);
        if rows.convexity.iter().all(Option::is_none) || rows.rhs.len() > MAX_ROWS {
            return None;
        }
        let mut columns = Vec::new();
        let mut basic = Vec::new();
        for (j, items) in at.iter().enumerate() {
            if rows.convexity[j].is_some() {
                continue;
            }
            for &(g, s) in items {
                if incumbent.at[g] == j {
                    basic.push(columns.len());
                }
                columns.push(Column {
                    place: j,
                    groups: vec![g],
                    value: s,
                });
            }
        }
        for (j, residents) in incumbent.residents.iter().enumerate() {
            let Some((_, rest)) = residents.split_first() else {
                continue;
            };
            if rows.convexity[j].is_none() {
                continue;
            }
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
        let vars = columns.iter().map(|c| rows.var(p, c)).collect();
        let master = Master::new(rows.rhs.clone(), n, vars, &basic);
        Some(Generation {
            p,
            at,
            rows,
            columns,
            master,
        })
    }

    /// Solves the master in batches of pivots so `deadline` is honoured; false if it
    /// passed first.
    pub fn solve(&mut self, deadline: Option<Instant>) -> bool {
        while self.master.optimise(PIVOT_BATCH) == PIVOT_BATCH {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return false;
            }
        }
        true
    }

    /// The master's duals, indexed by row.
    pub fn duals(&self) -> Vec<f64> {
        let (u, v) = self.master.duals();
        u.iter().chain(v).copied().collect()
    }

    /// `L` at the prices `y` over the pairs `at` allows, and each small place's best set.
    pub fn price(
        &self,
        at: &[Vec<(usize, f64)>],
        y: &[f64],
        buf: &mut Vec<(f64, usize)>,
    ) -> (f64, Vec<(usize, Vec<usize>)>) {
        let mut found = Vec::new();
        let bound = self.rows.bound(self.p, at, y, buf, |j, b| {
            if !b.set.is_empty() {
                found.push((j, b.set));
            }
        });
        (bound, found)
    }

    /// Adds the sets of `found` that improve the master at its current duals; false if
    /// none does.
    pub fn add_improving(&mut self, found: Vec<(usize, Vec<usize>)>) -> bool {
        let y = self.duals();
        let mut any = false;
        for (j, groups) in found {
            let value: f64 = groups.iter().filter_map(|&g| self.p.score(g, j)).sum();
            let column = Column {
                place: j,
                groups,
                value,
            };
            let var = self.rows.var(self.p, &column);
            let reduced = var.cost - var.entries.iter().map(|&(r, a)| a * y[r]).sum::<f64>();
            if reduced > 1e-9 {
                self.master.add(var);
                self.columns.push(column);
                any = true;
            }
        }
        any
    }

    /// Prices every column that puts a group where `banned` (indexed `place × groups +
    /// group`) forbids it as one the master must not use, and every other as before.
    pub fn ban(&mut self, banned: &[bool]) {
        let n = self.p.groups.len();
        let (p, rows, columns) = (self.p, &self.rows, &self.columns);
        self.master.set_costs(|k| {
            let c = &columns[k];
            rows.cost(p, c, c.groups.iter().any(|&g| banned[c.place * n + g]))
        });
    }

    /// The master's solution per allowed (group, place): how much of the group it puts
    /// there, in order; and whether it uses a column `banned` forbids.
    pub fn shares(&self, banned: &[bool]) -> (BTreeMap<(usize, usize), f64>, bool) {
        let n = self.p.groups.len();
        let mut shares = BTreeMap::new();
        let mut uses_banned = false;
        for (k, level) in self.master.solution() {
            if level <= 1e-9 {
                continue;
            }
            let c = &self.columns[k];
            if c.groups.iter().any(|&g| banned[c.place * n + g]) {
                uses_banned = true;
                continue;
            }
            for &g in &c.groups {
                *shares.entry((g, c.place)).or_insert(0.0) += level;
            }
        }
        (shares, uses_banned)
    }

    /// The master's solution rounded to a plan: its columns by level, largest first, each
    /// taken at level ½ or more if its groups are still free and fit (so the plan may
    /// leave groups out); and whether the solution was integral, when the plan is
    /// exactly it.
    pub fn rounded(&self) -> (Plan, bool) {
        let p = self.p;
        let mut solution: Vec<(usize, f64)> = self.master.solution().collect();
        solution.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut plan = Plan::empty(p);
        let mut integral = true;
        for (k, level) in solution {
            integral &= !(1e-6..=1.0 - 1e-6).contains(&level);
            let c = &self.columns[k];
            let free = c.groups.iter().all(|&g| plan.at[g] == NONE);
            if level >= 0.5 && free && c.groups.iter().all(|&g| plan.fits(p, g, c.place)) {
                for &g in &c.groups {
                    plan.place(p, g, c.place);
                }
            } else if level >= 0.5 {
                integral = false;
            }
        }
        let integral = integral && plan.complete();
        (plan, integral)
    }
}

/// Column generation for the all-placed problem, from the capacity prices `lambda` and the
/// complete plan `incumbent`, until the bound is within `gap` of the incumbent, no column
/// improves the master, or `deadline`. `None` when no place is small or the master would
/// be too large for the dense simplex.
pub(crate) fn bound<'a>(
    p: &'a Problem,
    lambda: &[f64],
    incumbent: &Plan,
    gap: f64,
    deadline: Option<Instant>,
) -> Option<Dual<'a>> {
    let value = incumbent.score(p);
    let mut generation = Generation::new(p, lambda, incumbent)?;
    let rows = &generation.rows;
    // Start from the prices the capacity Lagrangian implies: each group's best reduced
    // score, and `λ` itself on the large places' rows.
    let mut centre = vec![0.0; rows.rhs.len()];
    for (g, group) in p.groups.iter().enumerate() {
        centre[g] = group
            .options
            .iter()
            .map(|o| super::heuristic::reduced(p, lambda, g, o.place, o.score))
            .fold(f64::NEG_INFINITY, f64::max);
    }
    for (r, row) in rows.capacity.iter().enumerate() {
        if let Some(row) = *row {
            centre[row] = lambda[r];
        }
    }
    let mut best = f64::INFINITY;
    let mut buf = Vec::new();
    let mut sep = centre.clone();
    let mut alpha = SMOOTHING;
    let mut pricing = Duration::ZERO;
    for round in 0..ROUNDS {
        let started = Instant::now();
        // The first round prices at the given prices alone, so its bound comes before the
        // master's first solve (which a short time limit may not leave room for). Only a
        // whole round gives a bound, so none starts that would end after the deadline if
        // its pricing took as long as the last one's.
        if round > 0
            && (!generation.solve(deadline)
                || deadline.is_some_and(|d| Instant::now() + pricing >= d))
        {
            break;
        }
        // Wentges smoothing: price at a point between the best prices so far and the
        // master's duals, which jump about while the master has few columns.
        let a = if round == 0 { 1.0 } else { alpha };
        if round > 0 {
            for (s, (&b, m)) in sep.iter_mut().zip(centre.iter().zip(generation.duals())) {
                *s = a * b + (1.0 - a) * m;
            }
        }
        let priced = Instant::now();
        let (bound, found) = generation.price(&generation.at, &sep, &mut buf);
        pricing = priced.elapsed();
        if bound < best {
            best = bound;
            centre.clone_from(&sep);
        }
        // Nor one that would end after it if it took as long as this one, solve and all.
        if relative_gap(best, value) <= gap
            || deadline.is_some_and(|d| Instant::now() + started.elapsed() >= d)
            || (round == 0 && !generation.solve(deadline))
        {
            break;
        }
        if !generation.add_improving(found) {
            if a == 0.0 {
                // Exact pricing at the master's duals found nothing: the master is optimal.
                break;
            }
            // A mis-price: the smoothed point hides the master's improving columns.
            alpha = 0.0;
        }
    }
    let (rounded, integral) = generation.rounded();
    Some(Dual {
        bound: best,
        rounded,
        integral,
        generation,
    })
}
