//! Why each family is where the plan puts it: its score there and that score's rank among
//! the places allowed for it, what kept it from each better-scoring place (a full capacity,
//! a missing service, a linked relative not allowed there), and the two next-best places
//! with what choosing them would cost the plan.
//!
//! The cost of an alternative is found by repair, not a full re-solve: the family is moved
//! there, residents are moved out (cheapest first, each to its best place with room) until
//! it fits, and the loss in total score is reported. A re-solve could only do better, so
//! the cost is an upper estimate of the true loss; `None` means the repair would leave
//! someone without a place or a place below its minimum.
use serde::{Deserialize, Serialize};

use super::instance::Instance;
use super::plan::{NONE, Plan};
use super::problem::{EPS, Problem};
use super::solution::Solution;
use crate::engine::heuristic::best_direct;

/// The explanation of one family's placement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Case id.
    pub case: String,
    /// Where the plan puts it (`None`: unplaced).
    pub place: Option<String>,
    /// Its score there.
    pub score: Option<f64>,
    /// 1 for the best-scoring place allowed for it (and its linked relatives), 2 for the
    /// next, …
    pub rank: Option<usize>,
    /// How many places are allowed for it at all.
    pub allowed_places: usize,
    /// Places with a higher score for this case, and why it is not there.
    pub better_places: Vec<Excluded>,
    /// The two next-best allowed places and what choosing them would cost.
    pub alternatives: Vec<Alternative>,
}

/// A better-scoring place the family did not get.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Excluded {
    /// Place id.
    pub place: String,
    /// The case's score there.
    pub score: f64,
    /// Why not, e.g. `capacity persons at Gent full (38 of 40 used, needs 5)`,
    /// `lacks service wheelchair`.
    pub reasons: Vec<String>,
}

/// Another place for the family and its price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// Place id.
    pub place: String,
    /// The case's score there.
    pub score: f64,
    /// Loss in total score of the plan if the family went there instead (after repair);
    /// `None` if the repair would leave someone unplaced or a place below its minimum.
    pub cost: Option<f64>,
    /// Families moved to make room.
    pub moved: Vec<String>,
}

/// How many better places an explanation lists at most.
const MAX_BETTER: usize = 10;

fn amount(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round())
    } else {
        format!("{x:.3}")
    }
}

/// One explanation per case, in instance order. Places in `solution` that do not exist in
/// `instance` are treated as unplaced.
pub fn explain(instance: &Instance, solution: &Solution) -> Vec<Explanation> {
    let p = Problem::build(instance);
    let index = instance.place_index();
    let case_index = instance.case_index();
    let mut plan = Plan::empty(&p);
    for a in &solution.assignment {
        if let (Some(&i), Some(&j)) = (case_index.get(a.case.as_str()), index.get(a.place.as_str()))
        {
            let g = p.group_of[i];
            if plan.at[g] == NONE && p.score(g, j).is_some() {
                plan.place(&p, g, j);
            }
        }
    }
    (0..instance.cases.len())
        .map(|i| explain_case(instance, &p, &mut plan, i))
        .collect()
}

fn explain_case(instance: &Instance, p: &Problem, plan: &mut Plan, i: usize) -> Explanation {
    let g = p.group_of[i];
    let group = &p.groups[g];
    let j = plan.at[g];
    let here = (j != NONE).then(|| instance.scores[i][j].unwrap_or(0.0));
    // Allowed places for the whole group, ranked by this case's score.
    let mut ranked: Vec<(f64, usize)> = group
        .options
        .iter()
        .map(|o| (instance.scores[i][o.place].unwrap_or(0.0), o.place))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let rank = (j != NONE).then(|| {
        ranked
            .iter()
            .position(|&(_, k)| k == j)
            .map_or(0, |r| r + 1)
    });
    let mut better = Vec::new();
    let mut scored: Vec<(f64, usize)> = (0..instance.places.len())
        .filter(|&k| k != j)
        .filter_map(|k| instance.scores[i][k].map(|s| (s, k)))
        .filter(|&(s, _)| here.is_none_or(|h| s > h))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(s, k) in scored.iter().take(MAX_BETTER) {
        better.push(Excluded {
            place: instance.places[k].id.clone(),
            score: s,
            reasons: reasons(instance, p, plan, g, i, k, j),
        });
    }
    let mut alternatives = Vec::new();
    for &(s, k) in ranked.iter().filter(|&&(_, k)| k != j).take(2) {
        let (cost, moved) = cost_of(p, plan, g, k);
        alternatives.push(Alternative {
            place: instance.places[k].id.clone(),
            score: s,
            cost,
            moved: moved
                .iter()
                .flat_map(|&h| p.groups[h].members.iter())
                .map(|&c| instance.cases[c].id.clone())
                .collect(),
        });
    }
    Explanation {
        case: instance.cases[i].id.clone(),
        place: (j != NONE).then(|| instance.places[j].id.clone()),
        score: here,
        rank,
        allowed_places: ranked.len(),
        better_places: better,
        alternatives,
    }
}

/// Why group `g` (case `i` in it) is not at place `k`.
fn reasons(
    instance: &Instance,
    p: &Problem,
    plan: &Plan,
    g: usize,
    i: usize,
    k: usize,
    chosen: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let place = &instance.places[k].id;
    for s in instance.missing_services(i, k) {
        out.push(format!("lacks service {s}"));
    }
    let group = &p.groups[g];
    for &other in group.members.iter().filter(|&&c| c != i) {
        let id = &instance.cases[other].id;
        if instance.scores[other][k].is_none() {
            out.push(format!("linked case {id} is not allowed at {place}"));
        }
        for s in instance.missing_services(other, k) {
            out.push(format!(
                "linked case {id} needs service {s}, which {place} lacks"
            ));
        }
    }
    if !out.is_empty() {
        return out;
    }
    let base = k * p.dims;
    for &(d, a) in &group.sparse {
        let cap = p.cap[base + d];
        let used = plan.load[base + d];
        let name = &instance.dimensions[d];
        let (_, limit) = instance.room(k, d, p.band.as_ref());
        if a > cap + EPS {
            out.push(format!(
                "demand {name} {} exceeds the {limit} at {place} ({})",
                amount(a),
                amount(cap)
            ));
        } else if used + a > cap + EPS {
            out.push(format!(
                "{limit} {name} at {place} full ({} of {} used, needs {})",
                amount(used),
                amount(cap),
                amount(a)
            ));
        }
    }
    if chosen != NONE && !plan.keeps_floors(p, chosen, &[g], &[]) {
        let here = &instance.places[chosen].id;
        for &(d, a) in &group.sparse {
            let r = chosen * p.dims + d;
            if p.floor[r] > EPS && plan.load[r] - a < p.floor[r] - EPS {
                out.push(format!(
                    "{here} needs it to keep its minimum {} {} ({} there now)",
                    instance.dimensions[d],
                    amount(p.floor[r]),
                    amount(plan.load[r])
                ));
            }
        }
    }
    if out.is_empty() {
        let total_here = (chosen != NONE).then(|| group.score_at(chosen)).flatten();
        match (group.score_at(k), total_here) {
            (Some(there), Some(h)) if group.members.len() > 1 && there <= h => out.push(format!(
                "there is room, but the linked group's total score is higher where it is ({} vs {})",
                amount(h),
                amount(there)
            )),
            _ => out.push(
                "there is room; the plan is within its stated gap of the optimum, not proven best for each family".to_string(),
            ),
        }
    }
    out
}

/// The loss in total score if group `g` moved to `k`, repairing by moving residents out
/// (cheapest first); the plan is restored afterwards.
fn cost_of(p: &Problem, plan: &mut Plan, g: usize, k: usize) -> (Option<f64>, Vec<usize>) {
    let mut log: Vec<(usize, usize)> = Vec::new(); // (group, previous place)
    let mut delta = 0.0;
    let floors_met = plan.meets_floors(p);
    let from = plan.at[g];
    if from != NONE {
        delta -= p.score(g, from).unwrap_or(0.0);
        plan.remove(p, g);
        log.push((g, from));
    }
    let mut moved = Vec::new();
    let mut stranded = false;
    if !plan.fits(p, g, k) {
        // Residents by the loss of moving them to their best other place.
        let mut residents: Vec<(f64, usize)> = plan.residents[k]
            .iter()
            .map(|&h| {
                let now = p.score(h, k).unwrap_or(0.0);
                match best_direct(p, plan, h, k) {
                    Some((_, s)) => (now - s, h),
                    None => (f64::INFINITY, h),
                }
            })
            .collect();
        residents.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, h) in residents {
            if plan.fits(p, g, k) {
                break;
            }
            // Only move a resident that frees some dimension the family still lacks.
            let base = k * p.dims;
            let helps = p.groups[g].sparse.iter().any(|&(d, a)| {
                plan.load[base + d] + a > p.cap[base + d] + EPS && p.groups[h].demand[d] > 0.0
            });
            if !helps {
                continue;
            }
            let now = p.score(h, k).unwrap_or(0.0);
            delta -= now;
            plan.remove(p, h);
            log.push((h, k));
            moved.push(h);
            match best_direct(p, plan, h, k) {
                Some((k2, s)) => {
                    delta += s;
                    plan.place(p, h, k2);
                }
                None => stranded = true,
            }
        }
    }
    let mut fits = plan.fits(p, g, k);
    if fits {
        plan.place(p, g, k);
        delta += p.score(g, k).unwrap_or(0.0);
        if floors_met && !plan.meets_floors(p) {
            // Possible only by breaking a minimum: reported as not possible.
            plan.remove(p, g);
            fits = false;
        }
    }
    // Undo, newest first.
    if fits {
        plan.remove(p, g);
    }
    for &(h, prev) in log.iter().rev() {
        if plan.at[h] != NONE {
            plan.remove(p, h);
        }
        plan.place(p, h, prev);
    }
    if stranded || !fits {
        (None, moved)
    } else {
        (Some(-delta), moved)
    }
}
