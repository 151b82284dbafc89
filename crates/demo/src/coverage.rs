//! Makes sure every lifecycle state has at least one case, so that every screen and report
//! of the demo has something to show: a missing state is given to a case of the most
//! common state, regenerated and steered to end there on `as_of`.
use resettle_domain::case::CaseState;
use time::Date;

use crate::calendar::{add_days, days_between};
use crate::caseload::{Draft, Sketch, Source, draft};
use crate::rng::Rng;
use crate::world::World;

/// Stream purpose of steered cases.
const STEERED_STREAM: u64 = 20;

/// How many families and histories are tried before a state is given up.
const ATTEMPTS: u64 = 64;

/// Index of a state in `CaseState::ALL`, for counting.
fn position(state: CaseState) -> usize {
    CaseState::ALL
        .iter()
        .position(|&s| s == state)
        .expect("ALL holds every state")
}

/// Fills every empty state, if there are at least as many cases as states.
pub(crate) fn complete(world: &World, sketches: &mut [Sketch]) {
    if sketches.len() < CaseState::ALL.len() {
        return;
    }
    let mut counts = [0usize; 17];
    for s in sketches.iter() {
        counts[position(s.state)] += 1;
    }
    for &target in CaseState::ALL {
        if counts[position(target)] > 0 {
            continue;
        }
        let common = (0..counts.len())
            .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
            .expect("states exist");
        let victim = sketches
            .iter()
            .rposition(|s| position(s.state) == common)
            .expect("the most common state has cases");
        let index = sketches[victim].index;
        if let Some((attempt, d)) =
            (0..ATTEMPTS).find_map(|a| steered(world, index, a, target).map(|d| (a, d)))
        {
            counts[common] -= 1;
            counts[position(target)] += 1;
            sketches[victim] = Sketch::of(world, d, Source::Steered { attempt, target });
        }
    }
}

/// The submission and history streams of attempt `attempt` at steering case `index`.
pub(crate) fn streams(world: &World, index: u64, attempt: u64) -> (Rng, Rng) {
    (
        Rng::stream(world.seed, &[STEERED_STREAM, index, attempt, 0]),
        Rng::stream(world.seed, &[STEERED_STREAM, index, attempt, 1]),
    )
}

/// Case `index` redrawn (attempt `attempt`) with every branch taken toward `target`,
/// submitted on the latest day from which its history still reaches `target` by `as_of`;
/// kept if it is in `target` on `as_of` (it entered late, so it has not left yet).
fn steered(world: &World, index: u64, attempt: u64, target: CaseState) -> Option<Draft> {
    let (sub_rng, history_rng) = streams(world, index, attempt);
    let at = |offset: i64| -> Draft {
        let day: Date = add_days(world.first_day, offset);
        draft(world, index, day, &sub_rng, &history_rng, Some(target))
    };
    let reaches = |d: &Draft| d.walk.events.iter().any(|e| e.to == target);
    let mut best = at(0);
    if !reaches(&best) {
        return None;
    }
    let (mut lo, mut hi) = (0, days_between(world.first_day, world.as_of) + 1);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let d = at(mid);
        if reaches(&d) {
            lo = mid;
            best = d;
        } else {
            hi = mid;
        }
    }
    (best.walk.state() == target).then_some(best)
}
