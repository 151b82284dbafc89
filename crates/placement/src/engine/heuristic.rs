//! Building a plan: a price-guided greedy (each group to its best place under the current
//! Lagrangian capacity prices, the groups with most to lose first) and a repair step that
//! finds room for groups left over by moving one or two residents elsewhere; then, where
//! places have minimums, a fill step that raises each to its floor.
use crate::model::plan::{NONE, Plan};
use crate::model::problem::{EPS, Problem};

/// Score of group `g` at option `k` less the capacity it uses, priced at `lambda`.
pub(crate) fn reduced(p: &Problem, lambda: &[f64], g: usize, place: usize, score: f64) -> f64 {
    let base = place * p.dims;
    let priced: f64 = p.groups[g]
        .sparse
        .iter()
        .map(|&(d, a)| lambda[base + d] * a)
        .sum();
    score - priced
}

/// Greedy under prices `lambda`: groups in order of regret (best minus second-best reduced
/// score, larger first; a group with one option first of all), then larger families first,
/// each to its best place that still has room. Groups that fit nowhere stay unplaced.
pub(crate) fn construct(p: &Problem, lambda: &[f64]) -> Plan {
    let mut order: Vec<(f64, f64, usize)> = p
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let mut best = f64::NEG_INFINITY;
            let mut second = f64::NEG_INFINITY;
            for o in &group.options {
                let r = reduced(p, lambda, g, o.place, o.score);
                if r > best {
                    second = best;
                    best = r;
                } else if r > second {
                    second = r;
                }
            }
            let regret = if second == f64::NEG_INFINITY {
                f64::INFINITY
            } else {
                best - second
            };
            (regret, group.weight, g)
        })
        .collect();
    order.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
    });
    let mut plan = Plan::empty(p);
    for &(_, _, g) in &order {
        let mut best: Option<(f64, usize)> = None;
        for o in &p.groups[g].options {
            if plan.fits(p, g, o.place) {
                let r = reduced(p, lambda, g, o.place, o.score);
                if best.is_none_or(|(b, _)| r > b) {
                    best = Some((r, o.place));
                }
            }
        }
        if let Some((_, j)) = best {
            plan.place(p, g, j);
        }
    }
    plan
}

/// The best place other than `except` where `h` fits now, with its score.
pub(crate) fn best_direct(
    p: &Problem,
    plan: &Plan,
    h: usize,
    except: usize,
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for o in &p.groups[h].options {
        if o.place != except
            && o.place != plan.at[h]
            && plan.fits(p, h, o.place)
            && best.is_none_or(|(_, s)| o.score > s)
        {
            best = Some((o.place, o.score));
        }
    }
    best
}

/// Tries to place every unplaced group, heaviest first: directly if it fits, else by
/// moving one resident of a place (or, failing that, two) to places where they fit, taking
/// the cheapest such chain. Returns whether every group is placed. Gives up at `deadline`.
pub(crate) fn repair(p: &Problem, plan: &mut Plan, deadline: Option<std::time::Instant>) -> bool {
    let mut waiting: Vec<usize> = (0..p.groups.len())
        .filter(|&g| plan.at[g] == NONE)
        .collect();
    waiting.sort_by(|&a, &b| {
        p.groups[b]
            .weight
            .total_cmp(&p.groups[a].weight)
            .then(a.cmp(&b))
    });
    for (k, g) in waiting.into_iter().enumerate() {
        if k % 16 == 15 && deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            break;
        }
        if let Some((j, _)) = best_direct(p, plan, g, NONE) {
            plan.place(p, g, j);
            continue;
        }
        if !eject_one(p, plan, g) {
            eject_two(p, plan, g);
        }
    }
    plan.complete()
}

/// Places `g` at some option `k` after moving one resident `h` of `k` to where it fits.
fn eject_one(p: &Problem, plan: &mut Plan, g: usize) -> bool {
    let mut best: Option<(f64, usize, usize, usize)> = None; // gain, k, h, k2
    for o in &p.groups[g].options {
        let k = o.place;
        for &h in &plan.residents[k] {
            if !plan.fits_without(p, g, k, &[h]) {
                continue;
            }
            if let Some((k2, s2)) = best_direct(p, plan, h, k) {
                let gain = o.score + s2 - p.score(h, k).unwrap_or(0.0);
                if best.is_none_or(|(b, ..)| gain > b) {
                    best = Some((gain, k, h, k2));
                }
            }
        }
    }
    match best {
        Some((_, k, h, k2)) => {
            plan.shift(p, h, k2);
            plan.place(p, g, k);
            true
        }
        None => false,
    }
}

/// Places `g` at some option `k` after moving two residents of `k` to where they fit.
fn eject_two(p: &Problem, plan: &mut Plan, g: usize) -> bool {
    const MAX_RESIDENTS: usize = 80;
    let mut best: Option<(f64, usize, usize, usize)> = None; // gain, k, h1, h2
    for o in &p.groups[g].options {
        let k = o.place;
        let residents = &plan.residents[k];
        if residents.len() > MAX_RESIDENTS {
            continue;
        }
        for (a, &h1) in residents.iter().enumerate() {
            for &h2 in &residents[a + 1..] {
                if !plan.fits_without(p, g, k, &[h1, h2]) {
                    continue;
                }
                let (Some((_, s1)), Some((_, s2))) =
                    (best_direct(p, plan, h1, k), best_direct(p, plan, h2, k))
                else {
                    continue;
                };
                let gain = o.score + s1 + s2
                    - p.score(h1, k).unwrap_or(0.0)
                    - p.score(h2, k).unwrap_or(0.0);
                if best.is_none_or(|(b, ..)| gain > b) {
                    best = Some((gain, k, h1, h2));
                }
            }
        }
    }
    let Some((_, k, h1, h2)) = best else {
        return false;
    };
    // The two may compete for the same destination: move them one at a time, rechecking.
    let mut trial = plan.clone();
    for h in [h1, h2] {
        match best_direct(p, &trial, h, k) {
            Some((k2, _)) => trial.shift(p, h, k2),
            None => return false,
        }
    }
    if !trial.fits(p, g, k) {
        return false;
    }
    trial.place(p, g, k);
    *plan = trial;
    true
}

/// Raises every place below a floor to it, one move at a time, the cheapest first: an
/// unplaced group moved in, or a group moved in from a place that can spare it; only when
/// no such move exists, a group swapped in for a smaller resident. No move opens or
/// deepens another shortfall or breaks a capacity, so the total shortfall falls with every
/// move. Returns whether every floor is met; gives up when no move helps, or at `deadline`.
pub(crate) fn fill_floors(
    p: &Problem,
    plan: &mut Plan,
    deadline: Option<std::time::Instant>,
) -> bool {
    if !p.has_floors {
        return true;
    }
    // Every move lowers the shortfall by a demand, so this many moves always suffice for
    // whole-unit demands; a bound in any case.
    let limit = 4 * p.groups.len() + p.places * p.dims;
    for step in 0..limit {
        if step % 64 == 63 && deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return false;
        }
        let Some(row) = (0..p.floor.len()).find(|&r| plan.load[r] < p.floor[r] - EPS) else {
            return true;
        };
        let (j, d) = (row / p.dims, row % p.dims);
        let candidates = p.allowed_at[j]
            .iter()
            .copied()
            .filter(|&g| plan.at[g] != j && p.groups[g].demand[d] > EPS);
        // (cost, group, resident swapped out or NONE); ties to the lowest indices.
        let mut best: Option<(f64, usize, usize)> = None;
        for g in candidates.clone() {
            let k = plan.at[g];
            let s_j = p.score(g, j).unwrap_or(0.0);
            if !plan.fits(p, g, j) || (k != NONE && !plan.keeps_floors(p, k, &[g], &[])) {
                continue;
            }
            // Placing an unplaced group is worth its persons first of all.
            let cost = if k == NONE {
                -1e9 * p.groups[g].weight - s_j
            } else {
                p.score(g, k).unwrap_or(0.0) - s_j
            };
            keep_cheaper(&mut best, (cost, g, NONE));
        }
        if best.is_none() {
            for g in candidates {
                let k = plan.at[g];
                if k == NONE {
                    continue;
                }
                let s_j = p.score(g, j).unwrap_or(0.0);
                let s_k = p.score(g, k).unwrap_or(0.0);
                for &h in &plan.residents[j] {
                    if p.groups[h].demand[d] + EPS >= p.groups[g].demand[d] {
                        continue;
                    }
                    let Some(h_at_k) = p.score(h, k) else {
                        continue;
                    };
                    if plan.fits_without(p, g, j, &[h])
                        && plan.fits_without(p, h, k, &[g])
                        && plan.keeps_floors(p, k, &[g], &[h])
                        && plan.keeps_floors(p, j, &[h], &[g])
                    {
                        let s_h_j = p.score(h, j).unwrap_or(0.0);
                        keep_cheaper(&mut best, (s_k + s_h_j - s_j - h_at_k, g, h));
                    }
                }
            }
        }
        let Some((_, g, h)) = best else {
            return false;
        };
        let k = plan.at[g];
        if h != NONE {
            plan.remove(p, h);
            plan.remove(p, g);
            plan.place(p, g, j);
            plan.place(p, h, k);
        } else {
            plan.shift(p, g, j);
        }
    }
    plan.meets_floors(p)
}

/// Keeps the cheaper of `best` and `move_` (cost, group, resident), ties to lower indices.
fn keep_cheaper(best: &mut Option<(f64, usize, usize)>, move_: (f64, usize, usize)) {
    let (cost, g, h) = move_;
    if best.is_none_or(|(c, bg, bh)| cost < c - 1e-12 || (cost <= c + 1e-12 && (g, h) < (bg, bh))) {
        *best = Some(move_);
    }
}
