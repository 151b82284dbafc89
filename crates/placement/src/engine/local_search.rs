//! Improving a plan without losing anyone: shifts (one family to a better place with
//! room), swaps (two families trade places) and ejection chains (a family moves to a better
//! place after a resident there moves on to wherever it fits). Every move keeps all
//! capacities and never opens or deepens a shortfall below a place's floor; each pass visits
//! the groups in index order, so the result is deterministic.
use super::flow::max_score_assignment;
use super::heuristic::best_direct;
use crate::model::plan::{NONE, Plan};
use crate::model::problem::{EPS, Problem};

/// Improvements smaller than this are ignored (no cycling on rounding noise).
const MIN_GAIN: f64 = 1e-9;

/// Runs passes of shifts, swaps and (when those are exhausted) ejection chains until none
/// improves or `max_passes` is reached. `work` bounds the ejection-chain effort per pass
/// (place checks), which keeps the largest instances from stalling here.
pub(crate) fn improve(
    p: &Problem,
    plan: &mut Plan,
    max_passes: usize,
    work: usize,
    deadline: Option<std::time::Instant>,
) {
    let mut value = plan.score(p);
    for _ in 0..max_passes {
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            break;
        }
        let mut improved = shifts(p, plan);
        improved |= swaps(p, plan);
        if !improved {
            improved = ejections(p, plan, work);
        }
        if !improved {
            improved = pairs(p, plan, work);
        }
        let now = plan.score(p);
        // Stop when a pass gains next to nothing: bounds the passes on large instances.
        if !improved || now - value < 1e-5 * value.abs().max(1.0) {
            break;
        }
        value = now;
    }
}

/// The group's places that score better than `here`, best first, at most
/// `p.candidates`.
fn better_places(p: &Problem, g: usize, here: f64) -> impl Iterator<Item = (usize, f64)> + '_ {
    let group = &p.groups[g];
    group
        .by_score
        .iter()
        .map(move |&k| (group.options[k].place, group.options[k].score))
        .take_while(move |&(_, s)| s > here + MIN_GAIN)
        .take(p.candidates)
}

fn score(p: &Problem, g: usize, j: usize) -> f64 {
    p.score(g, j).expect("allowed pair")
}

/// Each group to its best place with room, when better than where it is.
fn shifts(p: &Problem, plan: &mut Plan) -> bool {
    let mut improved = false;
    for g in 0..p.groups.len() {
        let j = plan.at[g];
        if j == NONE {
            continue;
        }
        let here = score(p, g, j);
        if !plan.keeps_floors(p, j, &[g], &[]) {
            continue;
        }
        if let Some((k, s)) = best_direct(p, plan, g, j)
            && s > here + MIN_GAIN
        {
            plan.shift(p, g, k);
            improved = true;
        }
    }
    improved
}

/// Each group trades places with a resident of a better place when both fit and the sum
/// improves; the best trade per group.
fn swaps(p: &Problem, plan: &mut Plan) -> bool {
    let mut improved = false;
    for g in 0..p.groups.len() {
        let j = plan.at[g];
        if j == NONE {
            continue;
        }
        let here = score(p, g, j);
        let mut best: Option<(f64, usize)> = None;
        for (k, s_k) in better_places(p, g, here) {
            for &h in &plan.residents[k] {
                let Some(h_at_j) = p.score(h, j) else {
                    continue;
                };
                let gain = s_k + h_at_j - here - score(p, h, k);
                if gain > MIN_GAIN
                    && best.is_none_or(|(b, _)| gain > b)
                    && plan.fits_without(p, g, k, &[h])
                    && plan.fits_without(p, h, j, &[g])
                    && plan.keeps_floors(p, j, &[g], &[h])
                    && plan.keeps_floors(p, k, &[h], &[g])
                {
                    best = Some((gain, h));
                }
            }
        }
        if let Some((_, h)) = best {
            let k = plan.at[h];
            plan.remove(p, g);
            plan.remove(p, h);
            plan.place(p, g, k);
            plan.place(p, h, j);
            improved = true;
        }
    }
    improved
}

/// Each group moves to a better place that is full once a resident there moves on to a
/// place where it fits (possibly the one the group left).
fn ejections(p: &Problem, plan: &mut Plan, work: usize) -> bool {
    let mut improved = false;
    let mut spent = 0usize;
    for g in 0..p.groups.len() {
        if spent > work {
            break;
        }
        let j = plan.at[g];
        if j == NONE {
            continue;
        }
        let here = score(p, g, j);
        if !plan.keeps_floors(p, j, &[g], &[]) {
            continue;
        }
        plan.remove(p, g);
        let mut best: Option<(f64, usize, usize, usize)> = None; // gain, k, h, k2
        for (k, s_k) in better_places(p, g, here) {
            if k == j || plan.fits(p, g, k) {
                continue;
            }
            for &h in &plan.residents[k] {
                spent += 1;
                if !plan.fits_without(p, g, k, &[h]) || !plan.keeps_floors(p, k, &[h], &[g]) {
                    continue;
                }
                spent += p.groups[h].options.len();
                if let Some((k2, s2)) = best_direct(p, plan, h, k) {
                    let gain = s_k - here + s2 - score(p, h, k);
                    if gain > MIN_GAIN && best.is_none_or(|(b, ..)| gain > b) {
                        best = Some((gain, k, h, k2));
                    }
                }
            }
        }
        match best {
            Some((_, k, h, k2)) => {
                plan.shift(p, h, k2);
                plan.place(p, g, k);
                improved = true;
            }
            None => plan.place(p, g, j),
        }
    }
    improved
}

/// In the lexicographic mode: puts every unplaced group that fits somewhere at its best
/// such place (each placement adds persons, which outweighs any score).
pub(crate) fn insert_unplaced(p: &Problem, plan: &mut Plan) -> bool {
    let mut improved = false;
    for g in 0..p.groups.len() {
        if plan.at[g] == NONE
            && let Some((k, _)) = best_direct(p, plan, g, NONE)
        {
            plan.place(p, g, k);
            improved = true;
        }
    }
    improved
}

/// Largest number of residents two places may hold together for their joint
/// re-optimisation (2^this assignments at worst).
const PAIR_RESIDENTS: usize = 14;

/// For pairs of places (`j`, and each better place `k` of one of `j`'s residents), the best
/// redistribution of both places' residents between the two, found by enumeration with
/// capacity pruning. Generalises swaps to two-for-one and two-for-two trades, which is what
/// multidimensional capacities (a school place here, a large unit there) often need.
fn pairs(p: &Problem, plan: &mut Plan, work: usize) -> bool {
    let mut improved = false;
    let mut spent = 0usize;
    for j in 0..p.places {
        let mut partners: Vec<usize> = Vec::new();
        for &g in &plan.residents[j] {
            let here = score(p, g, j);
            for o in &p.groups[g].options {
                if o.place != j && o.score > here + MIN_GAIN {
                    partners.push(o.place);
                }
            }
        }
        partners.sort_unstable();
        partners.dedup();
        for k in partners {
            if spent > work {
                return improved;
            }
            let mut items: Vec<usize> = plan.residents[j]
                .iter()
                .chain(&plan.residents[k])
                .copied()
                .collect();
            if items.len() > PAIR_RESIDENTS || items.is_empty() {
                continue;
            }
            items.sort_unstable();
            spent += 1 << items.len().min(20);
            if let Some(better) = best_split(p, plan, &items, j, k) {
                for &g in &items {
                    plan.remove(p, g);
                }
                for (&g, &to) in items.iter().zip(&better) {
                    plan.place(p, g, to);
                }
                improved = true;
            }
        }
    }
    improved
}

/// The best assignment of `items` (all now at `j` or `k`) to `j` or `k`, if better than the
/// current one.
fn best_split(p: &Problem, plan: &Plan, items: &[usize], j: usize, k: usize) -> Option<Vec<usize>> {
    let d = p.dims;
    let mut room_j: Vec<f64> = (0..d)
        .map(|x| p.cap[j * d + x] - plan.load[j * d + x])
        .collect();
    let mut room_k: Vec<f64> = (0..d)
        .map(|x| p.cap[k * d + x] - plan.load[k * d + x])
        .collect();
    for &g in items {
        let room = if plan.at[g] == j {
            &mut room_j
        } else {
            &mut room_k
        };
        for &(x, a) in &p.groups[g].sparse {
            room[x] += a;
        }
    }
    // Floors: the most room each side may end with (its load may not fall below the floor,
    // or below its current load where it is already short).
    let most_room = |j: usize| -> Vec<f64> {
        (0..d)
            .map(|x| {
                let r = j * d + x;
                if p.floor[r] > EPS {
                    p.cap[r] - p.floor[r].min(plan.load[r])
                } else {
                    f64::INFINITY
                }
            })
            .collect()
    };
    let most_room = [most_room(j), most_room(k)];
    let current: f64 = items.iter().map(|&g| score(p, g, plan.at[g])).sum();
    let choices: Vec<[(usize, f64); 2]> = items
        .iter()
        .map(|&g| {
            [
                (j, p.score(g, j).unwrap_or(f64::NEG_INFINITY)),
                (k, p.score(g, k).unwrap_or(f64::NEG_INFINITY)),
            ]
        })
        .collect();
    // Optimistic remainder: each item's better side.
    let mut rest = vec![0.0; items.len() + 1];
    for i in (0..items.len()).rev() {
        rest[i] = rest[i + 1] + choices[i][0].1.max(choices[i][1].1);
    }
    struct Search<'a> {
        p: &'a Problem,
        items: &'a [usize],
        choices: &'a [[(usize, f64); 2]],
        rest: &'a [f64],
        rooms: [Vec<f64>; 2],
        most_room: [Vec<f64>; 2],
        pick: Vec<usize>,
        best: f64,
        best_pick: Option<Vec<usize>>,
    }
    impl Search<'_> {
        fn go(&mut self, i: usize, value: f64) {
            if value + self.rest[i] <= self.best + MIN_GAIN {
                return;
            }
            if i == self.items.len() {
                let short = (0..2).any(|side| {
                    self.rooms[side]
                        .iter()
                        .zip(&self.most_room[side])
                        .any(|(room, most)| *room > most + EPS)
                });
                if short {
                    return;
                }
                self.best = value;
                self.best_pick = Some(self.pick.clone());
                return;
            }
            let g = self.items[i];
            let mut order = [0, 1];
            if self.choices[i][1].1 > self.choices[i][0].1 {
                order = [1, 0];
            }
            for side in order {
                let (place, s) = self.choices[i][side];
                if s == f64::NEG_INFINITY {
                    continue;
                }
                let sparse = &self.p.groups[g].sparse;
                if sparse.iter().any(|&(x, a)| a > self.rooms[side][x] + EPS) {
                    continue;
                }
                for &(x, a) in sparse {
                    self.rooms[side][x] -= a;
                }
                self.pick[i] = place;
                self.go(i + 1, value + s);
                for &(x, a) in sparse {
                    self.rooms[side][x] += a;
                }
            }
        }
    }
    let mut search = Search {
        p,
        items,
        choices: &choices,
        rest: &rest,
        rooms: [room_j, room_k],
        most_room,
        pick: vec![NONE; items.len()],
        best: current,
        best_pick: None,
    };
    search.go(0, 0.0);
    search.best_pick
}

/// Largest set of identical families re-assigned by one flow.
const FLOW_MEMBERS: usize = 400;

/// Families with identical demand vectors are interchangeable as far as capacities go, so
/// the slots they hold (plus whatever free room fits more of them) can be re-assigned
/// among them optimally by min-cost flow: every cyclic exchange among them at once, which
/// pairwise swaps cannot find.
pub(crate) fn same_demand_flows(p: &Problem, plan: &mut Plan) -> bool {
    let mut types: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (g, group) in p.groups.iter().enumerate() {
        if plan.at[g] != NONE && !group.sparse.is_empty() {
            types.entry(group.kind).or_default().push(g);
        }
    }
    let mut improved = false;
    for members in types.values() {
        // Successive shortest paths cost O(members × pairs): keep each flow small.
        if members.len() < 2 || members.len() > FLOW_MEMBERS {
            continue;
        }
        let sparse = &p.groups[members[0]].sparse;
        let mut slots = vec![0i64; p.places];
        for (j, slot) in slots.iter_mut().enumerate() {
            let base = j * p.dims;
            let more = sparse
                .iter()
                .map(|&(d, a)| ((p.cap[base + d] - plan.load[base + d] + EPS) / a).floor())
                .fold(f64::INFINITY, f64::min);
            *slot = more.clamp(0.0, members.len() as f64) as i64;
        }
        for &g in members {
            slots[plan.at[g]] += 1;
        }
        let options: Vec<Vec<(usize, f64)>> = members
            .iter()
            .map(|&g| {
                p.groups[g]
                    .options
                    .iter()
                    .filter(|o| slots[o.place] > 0)
                    .map(|o| (o.place, o.score))
                    .collect()
            })
            .collect();
        let now: f64 = members.iter().map(|&g| score(p, g, plan.at[g])).sum();
        let assignment = max_score_assignment(&options, &slots);
        if assignment.iter().any(Option::is_none) {
            continue;
        }
        let new: f64 = members
            .iter()
            .zip(&assignment)
            .map(|(&g, j)| score(p, g, j.expect("assigned")))
            .sum();
        if new > now + MIN_GAIN {
            let mut trial = plan.clone();
            for &g in members {
                trial.remove(p, g);
            }
            for (&g, j) in members.iter().zip(&assignment) {
                trial.place(p, g, j.expect("assigned"));
            }
            // The flow knows capacities, not floors: keep the result only if it leaves no
            // place shorter than before.
            if p.has_floors && !no_new_shortfall(p, plan, &trial) {
                continue;
            }
            *plan = trial;
            improved = true;
        }
    }
    improved
}

/// Whether `after` has no floor row below both its minimum and its load in `before`.
fn no_new_shortfall(p: &Problem, before: &Plan, after: &Plan) -> bool {
    (0..p.floor.len()).all(|r| {
        p.floor[r] <= EPS
            || after.load[r] >= p.floor[r] - EPS
            || after.load[r] >= before.load[r] - EPS
    })
}
