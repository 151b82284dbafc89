//! Why not every family can be placed, in sentences that name the binding constraints:
//! families with nowhere to go (every score null, a required service offered nowhere, a
//! linked group no place allows as a whole, a demand larger than any allowed place), a
//! dimension whose capacity is too small even if families could be split (a max-flow
//! cut: these families can only go to these places, which lack this much room), and,
//! failing those, the full capacities at the places of each family left over. When no
//! plan meets the places' minimums (declared, or the bottom of a fairness band), it says
//! which cannot be met and why, or where the plan shown, which ignores them, falls short.
use std::collections::VecDeque;

use super::instance::Instance;
use super::plan::NONE;
use super::problem::{EPS, Problem};
use crate::engine::solver::Outcome;

/// How many ids a sentence lists before "and N more".
const LIST: usize = 8;

fn list(ids: &[&str]) -> String {
    if ids.len() <= LIST {
        ids.join(", ")
    } else {
        format!("{} and {} more", ids[..LIST].join(", "), ids.len() - LIST)
    }
}

fn amount(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round())
    } else {
        format!("{x:.3}")
    }
}

/// Names of a group: `case "a"` or `linked group a, b, c`.
fn who(instance: &Instance, members: &[usize]) -> String {
    if members.len() == 1 {
        format!("case {}", instance.cases[members[0]].id)
    } else {
        let ids: Vec<&str> = members
            .iter()
            .map(|&i| instance.cases[i].id.as_str())
            .collect();
        format!("linked group {}", list(&ids))
    }
}

/// Dimensions where all families together need more than all places together offer: the
/// plainest reason, said first (when every place is full, it is the only one that matters).
fn shortfalls(instance: &Instance) -> Vec<String> {
    instance
        .dimensions
        .iter()
        .filter_map(|d| {
            let need: f64 = instance.cases.iter().filter_map(|c| c.demand.get(d)).sum();
            let room: f64 = instance.places.iter().filter_map(|p| p.capacity.get(d)).sum();
            (need > room + EPS).then(|| {
                format!(
                    "capacity {d}: the {} families need {} in all, the {} places offer {}, short by {}",
                    instance.cases.len(),
                    amount(need),
                    instance.places.len(),
                    amount(room),
                    amount(need - room)
                )
            })
        })
        .collect()
}

/// The sentences of the diagnosis, most fundamental first.
pub(crate) fn diagnose(instance: &Instance, p: &Problem, outcome: &Outcome) -> Vec<String> {
    let mut out = if outcome.floors_unmet {
        floors(instance, p, outcome)
    } else {
        Vec::new()
    };
    out.extend(shortfalls(instance));
    let stranded: Vec<&_> = p.groups.iter().filter(|g| g.options.is_empty()).collect();
    for group in stranded.iter().take(LIST) {
        out.push(nowhere(instance, p, &group.members));
    }
    if stranded.len() > LIST {
        out.push(format!(
            "and {} more families or linked groups with nowhere to go",
            stranded.len() - LIST
        ));
    }
    for d in 0..p.dims {
        if let Some(sentence) = dimension_cut(instance, p, d) {
            out.push(sentence);
        }
    }
    if out.is_empty() {
        for (g, group) in p.groups.iter().enumerate() {
            if outcome.plan.at[g] != NONE || group.options.is_empty() {
                continue;
            }
            let mut full: Vec<String> = Vec::new();
            for o in &group.options {
                let j = o.place;
                for &(d, a) in &group.sparse {
                    let used = outcome.plan.load[j * p.dims + d];
                    let cap = p.cap[j * p.dims + d];
                    if used + a > cap + EPS {
                        full.push(format!(
                            "{} at {} ({} of {} used)",
                            instance.dimensions[d],
                            instance.places[j].id,
                            amount(used),
                            amount(cap)
                        ));
                        break;
                    }
                }
            }
            let need: Vec<String> = group
                .sparse
                .iter()
                .map(|&(d, a)| format!("{} {}", instance.dimensions[d], amount(a)))
                .collect();
            let full: Vec<&str> = full.iter().map(String::as_str).collect();
            out.push(format!(
                "{} (needs {}) fits at none of its {} allowed places once the others are placed: capacity full: {}",
                who(instance, &group.members),
                need.join(", "),
                group.options.len(),
                list(&full)
            ));
        }
        let mut priced: Vec<(f64, usize)> = outcome
            .prices
            .iter()
            .enumerate()
            .filter(|(_, l)| **l > 1e-9)
            .map(|(r, l)| (*l, r))
            .collect();
        priced.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        if !priced.is_empty() {
            let rows: Vec<String> = priced
                .iter()
                .take(LIST)
                .map(|&(_, r)| {
                    format!(
                        "{} at {}",
                        instance.dimensions[r % p.dims],
                        instance.places[r / p.dims].id
                    )
                })
                .collect();
            out.push(format!(
                "most binding capacities (highest shadow price first): {}",
                rows.join(", ")
            ));
        }
    }
    if !outcome.placement_proven_maximal && !outcome.floors_unmet {
        out.push(
            "no plan placing everyone was found, but that none exists is not proven; the plan places as many persons as the solver could".to_string(),
        );
    }
    out
}

/// Where place `j`'s floor in dimension `d` comes from.
fn floor_source(instance: &Instance, p: &Problem, j: usize, d: usize) -> &'static str {
    if instance.minimum(j, &instance.dimensions[d]) + EPS >= p.floor[j * p.dims + d] {
        "minimum"
    } else {
        "fair-share band minimum"
    }
}

/// Why the floors cannot all be met: more asked in total than the families bring, a floor
/// above the place's room or above what the families allowed there bring; failing those,
/// the floors the plan shown (which ignores them) misses.
fn floors(instance: &Instance, p: &Problem, outcome: &Outcome) -> Vec<String> {
    let mut out = Vec::new();
    for d in 0..p.dims {
        let name = &instance.dimensions[d];
        let bring: f64 = p.groups.iter().map(|g| g.demand[d]).sum();
        let asked: f64 = (0..p.places).map(|j| p.floor[j * p.dims + d]).sum();
        if asked > bring + EPS {
            out.push(format!(
                "minimum {name}: the places must receive {} in all, the {} families bring {}, short by {}",
                amount(asked),
                instance.cases.len(),
                amount(bring),
                amount(asked - bring)
            ));
        }
    }
    // Each family goes to one place: more places needing someone than families is hopeless.
    let needing = (0..p.places)
        .filter(|&j| (0..p.dims).any(|d| p.floor[j * p.dims + d] > EPS))
        .count();
    if needing > p.groups.len() {
        out.push(format!(
            "minimums at {needing} places, but only {} families or linked groups to place, each at one place",
            p.groups.len()
        ));
    }
    let mut found = Vec::new();
    for j in 0..p.places {
        for d in 0..p.dims {
            let least = p.floor[j * p.dims + d];
            if least <= EPS {
                continue;
            }
            let (name, place) = (&instance.dimensions[d], &instance.places[j].id);
            let source = floor_source(instance, p, j, d);
            let room = p.cap[j * p.dims + d];
            let reachable: f64 = p
                .groups
                .iter()
                .filter(|g| g.score_at(j).is_some())
                .map(|g| g.demand[d])
                .sum();
            if least > room + EPS {
                found.push(format!(
                    "{source} {name} {} at {place} is above its room {}",
                    amount(least),
                    amount(room)
                ));
            } else if reachable < least - EPS {
                found.push(format!(
                    "{source} {name} {} at {place} cannot be reached: the families allowed there and fitting its room bring {} in all",
                    amount(least),
                    amount(reachable)
                ));
            }
        }
    }
    if found.is_empty() && out.is_empty() {
        for j in 0..p.places {
            for d in 0..p.dims {
                let r = j * p.dims + d;
                if outcome.plan.load[r] < p.floor[r] - EPS {
                    found.push(format!(
                        "{} at {} ({} of {} {})",
                        instance.dimensions[d],
                        instance.places[j].id,
                        amount(outcome.plan.load[r]),
                        floor_source(instance, p, j, d),
                        amount(p.floor[r])
                    ));
                }
            }
        }
        let found: Vec<&str> = found.iter().map(String::as_str).collect();
        out.push(format!(
            "no plan meeting every minimum was found (that none exists is not proven); the plan shown ignores the minimums and falls short at: {}",
            list(&found)
        ));
        return out;
    }
    let more = found.len().saturating_sub(LIST);
    out.extend(found.into_iter().take(LIST));
    if more > 0 {
        out.push(format!("and {more} more minimums that cannot be reached"));
    }
    out.push("the plan shown ignores the minimums".to_string());
    out
}

/// Why a group has no allowed place at all.
fn nowhere(instance: &Instance, p: &Problem, members: &[usize]) -> String {
    let name = who(instance, members);
    let m = instance.places.len();
    for &i in members {
        if instance.scores[i].iter().all(Option::is_none) {
            return format!(
                "case {}: every score is null, so no place is allowed",
                instance.cases[i].id
            );
        }
        let served = (0..m)
            .filter(|&j| instance.scores[i][j].is_some())
            .any(|j| instance.missing_services(i, j).is_empty());
        if !served {
            return format!(
                "case {}: requires {} but no place allowed for it offers all of them",
                instance.cases[i].id,
                instance.cases[i].requires.join(", ")
            );
        }
    }
    let allowed: Vec<usize> = (0..m)
        .filter(|&j| {
            members.iter().all(|&i| {
                instance.scores[i][j].is_some() && instance.missing_services(i, j).is_empty()
            })
        })
        .collect();
    if allowed.is_empty() {
        return format!("{name}: no place is allowed for every member (they must stay together)");
    }
    let g = p.group_of[members[0]];
    let demand = &p.groups[g].demand;
    let mut worst = Vec::new();
    for (d, &a) in demand.iter().enumerate() {
        let (best, at) = allowed.iter().map(|&j| (p.cap[j * p.dims + d], j)).fold(
            (f64::NEG_INFINITY, 0),
            |acc, x| if x.0 > acc.0 { x } else { acc },
        );
        if a > best + EPS {
            // Would a declared capacity have held it? Then a maximum or the fairness band
            // is the reason, and the sentence says which limits the roomiest place.
            let declared = allowed
                .iter()
                .map(|&j| instance.capacity(j, &instance.dimensions[d]))
                .fold(f64::NEG_INFINITY, f64::max);
            let limit = if a <= declared + EPS {
                match instance.room(at, d, p.band.as_ref()).1 {
                    "maximum" => "the largest maximum of an allowed place",
                    _ => "the most the fair-share band lets any allowed place take",
                }
            } else {
                "the largest allowed capacity"
            };
            worst.push(format!(
                "demand {} {} exceeds {limit} ({} at {})",
                instance.dimensions[d],
                amount(a),
                amount(best),
                instance.places[at].id
            ));
        }
    }
    if worst.is_empty() {
        // Each dimension fits somewhere, but never all at the same place.
        format!("{name}: no allowed place has room in every dimension at once for its demand")
    } else {
        format!("{name}: {}", worst.join("; "))
    }
}

/// A max-flow check of dimension `d` with families divisible: if the demand of the groups
/// cannot all flow to their allowed places, the minimum cut names a set of groups and the
/// only places they can go to, whose capacity is too small.
fn dimension_cut(instance: &Instance, p: &Problem, d: usize) -> Option<String> {
    let n = p.groups.len();
    let m = p.places;
    let (s, t) = (n + m, n + m + 1);
    let mut net = Dinic::new(n + m + 2);
    let mut total = 0.0;
    for (g, group) in p.groups.iter().enumerate() {
        let a = group.demand[d];
        if a <= 0.0 || group.options.is_empty() {
            continue;
        }
        total += a;
        net.add(s, g, a);
        for o in &group.options {
            net.add(g, n + o.place, f64::INFINITY);
        }
    }
    for j in 0..m {
        net.add(n + j, t, p.cap[j * p.dims + d]);
    }
    let flow = net.max_flow(s, t);
    if flow >= total - 1e-6 {
        return None;
    }
    let reach = net.reachable(s);
    let groups: Vec<usize> = (0..n).filter(|&g| reach[g]).collect();
    let places: Vec<usize> = (0..m).filter(|&j| reach[n + j]).collect();
    let demand: f64 = groups.iter().map(|&g| p.groups[g].demand[d]).sum();
    let capacity: f64 = places.iter().map(|&j| p.cap[j * p.dims + d]).sum();
    let case_ids: Vec<&str> = groups
        .iter()
        .flat_map(|&g| p.groups[g].members.iter())
        .map(|&i| instance.cases[i].id.as_str())
        .collect();
    let place_ids: Vec<&str> = places
        .iter()
        .map(|&j| instance.places[j].id.as_str())
        .collect();
    let dim = &instance.dimensions[d];
    Some(if places.is_empty() {
        format!(
            "capacity {dim}: cases {} need {dim} {} but no allowed place has any",
            list(&case_ids),
            amount(demand)
        )
    } else {
        format!(
            "capacity {dim}: cases {} ({} cases, {dim} {}) can only go to places {} whose {dim} capacity totals {}, short by {}",
            list(&case_ids),
            case_ids.len(),
            amount(demand),
            list(&place_ids),
            amount(capacity),
            amount(demand - capacity)
        )
    })
}

/// Dinic's maximum flow on real capacities.
struct Dinic {
    to: Vec<usize>,
    cap: Vec<f64>,
    out: Vec<Vec<usize>>,
}

impl Dinic {
    fn new(nodes: usize) -> Self {
        Dinic {
            to: Vec::new(),
            cap: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    fn add(&mut self, a: usize, b: usize, c: f64) {
        self.out[a].push(self.to.len());
        self.to.push(b);
        self.cap.push(c);
        self.out[b].push(self.to.len());
        self.to.push(a);
        self.cap.push(0.0);
    }

    fn levels(&self, s: usize) -> Vec<i64> {
        let mut level = vec![-1; self.out.len()];
        level[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            for &e in &self.out[u] {
                if self.cap[e] > 1e-9 && level[self.to[e]] < 0 {
                    level[self.to[e]] = level[u] + 1;
                    queue.push_back(self.to[e]);
                }
            }
        }
        level
    }

    fn push(&mut self, u: usize, t: usize, f: f64, level: &[i64], next: &mut [usize]) -> f64 {
        if u == t {
            return f;
        }
        while next[u] < self.out[u].len() {
            let e = self.out[u][next[u]];
            let v = self.to[e];
            if self.cap[e] > 1e-9 && level[v] == level[u] + 1 {
                let pushed = self.push(v, t, f.min(self.cap[e]), level, next);
                if pushed > 0.0 {
                    self.cap[e] -= pushed;
                    self.cap[e ^ 1] += pushed;
                    return pushed;
                }
            }
            next[u] += 1;
        }
        0.0
    }

    fn max_flow(&mut self, s: usize, t: usize) -> f64 {
        let mut flow = 0.0;
        loop {
            let level = self.levels(s);
            if level[t] < 0 {
                return flow;
            }
            let mut next = vec![0; self.out.len()];
            loop {
                let f = self.push(s, t, f64::INFINITY, &level, &mut next);
                if f <= 0.0 {
                    break;
                }
                flow += f;
            }
        }
    }

    fn reachable(&self, s: usize) -> Vec<bool> {
        self.levels(s).iter().map(|&l| l >= 0).collect()
    }
}
