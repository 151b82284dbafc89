//! Large-neighbourhood search on the best plan: free every family at a few related places
//! (a random place and places its families would rather be at), put them back greedily
//! where they score best with room (repairing by ejection when needed), run the local
//! search, and keep the result if it is at least as good. Deterministic: the random
//! choices come from a fixed-seed generator and the number of rounds is fixed.
use super::heuristic::{fill_floors, repair};
use super::local_search::improve;
use crate::model::plan::Plan;
use crate::model::problem::Problem;

/// Rounds without a strictly better plan after which the search gives up.
const STALE_ROUNDS: usize = 600;

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z % n as u64) as usize
    }
}

/// Runs `rounds` destroy-and-repair rounds on `plan` (which must place every group, or,
/// with `allow_unplaced`, as many as it does, and meet every floor) and returns the best plan found. `stop` is
/// asked between rounds whether to give up early (time limit, or gap reached with `value`).
pub(crate) fn search(
    p: &Problem,
    plan: Plan,
    rounds: usize,
    places_per_round: usize,
    deadline: Option<std::time::Instant>,
    mut stop: impl FnMut(f64) -> bool,
) -> Plan {
    let mut rng = Rng(0x5EED);
    let mut best = plan;
    let mut best_value = best.score(p);
    // Persons placed never go down (the lexicographic objective puts them first).
    let mut placed = best.placed_weight(p);
    let mut since_better = 0;
    for _ in 0..rounds {
        if stop(best_value) || p.places == 0 || since_better >= STALE_ROUNDS {
            break;
        }
        since_better += 1;
        let mut trial = best.clone();
        let chosen = related_places(p, &trial, &mut rng, places_per_round);
        let mut freed: Vec<usize> = Vec::new();
        for &j in &chosen {
            freed.extend(trial.residents[j].iter().copied());
        }
        freed.sort_unstable();
        for &g in &freed {
            trial.remove(p, g);
        }
        reinsert(p, &mut trial, &freed, &mut rng);
        repair(p, &mut trial, deadline);
        let weight = trial.placed_weight(p);
        if weight < placed - 1e-9 || !fill_floors(p, &mut trial, deadline) {
            continue;
        }
        improve(p, &mut trial, 20, 200_000, deadline);
        let value = trial.score(p);
        if weight > placed + 1e-9 || value >= best_value - 1e-12 {
            if weight > placed + 1e-9 || value > best_value + 1e-9 {
                since_better = 0;
            }
            best_value = value;
            placed = weight;
            best = trial;
        }
    }
    best
}

/// A random place with residents, and places where its residents score better.
fn related_places(p: &Problem, plan: &Plan, rng: &mut Rng, count: usize) -> Vec<usize> {
    let mut first = rng.below(p.places);
    for _ in 0..p.places {
        if !plan.residents[first].is_empty() {
            break;
        }
        first = (first + 1) % p.places;
    }
    let mut chosen = vec![first];
    let mut candidates: Vec<usize> = Vec::new();
    for &g in &plan.residents[first] {
        let here = p.score(g, first).unwrap_or(0.0);
        candidates.extend(
            p.groups[g]
                .options
                .iter()
                .filter(|o| o.place != first && o.score > here)
                .map(|o| o.place),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    while chosen.len() < count && !candidates.is_empty() {
        let k = candidates.swap_remove(rng.below(candidates.len()));
        chosen.push(k);
    }
    while chosen.len() < count.min(p.places) {
        let k = rng.below(p.places);
        if !chosen.contains(&k) {
            chosen.push(k);
        }
    }
    chosen
}

/// Puts freed groups back, most constrained (largest) first with random tie-breaks, each
/// at the best-scoring place with room.
fn reinsert(p: &Problem, plan: &mut Plan, freed: &[usize], rng: &mut Rng) {
    let mut order: Vec<(f64, usize, usize)> = freed
        .iter()
        .map(|&g| (p.groups[g].weight, rng.below(1 << 30), g))
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, g) in order {
        let mut best: Option<(f64, usize)> = None;
        for o in &p.groups[g].options {
            if plan.fits(p, g, o.place) && best.is_none_or(|(s, _)| o.score > s) {
                best = Some((o.score, o.place));
            }
        }
        if let Some((_, j)) = best {
            plan.place(p, g, j);
        }
    }
}
