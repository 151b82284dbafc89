//! The buffer search: the fewest extra places per stage that bring every pledge to the
//! target probability.
//!
//! A pledge counts arrivals, and a family arrives when the first stage has room; a later
//! stage matters only by holding families back in the one before it (a family whose centre
//! stay has ended waits there for a local reception place). So the stages are searched in
//! the pipeline's order: first the least buffer the first stage needs when every later
//! stage has room to spare (no buffer there can make do with less); then, with that
//! buffer, the least the second stage needs so that it holds nobody back, the stages after
//! it still with room to spare; and so on. The last search runs the network with every
//! stage's buffer, so its answer is the check that together they reach the target.
//!
//! Every buffer is tried on the same draws (common random numbers), so the probability is a
//! step function of the places; each search bisects on it, and the probabilities seen are
//! then checked: whether they never fell as places grew (they can: more places let families
//! arrive in the year they are ready rather than spill into the next, which can lower the
//! next year's chance), and whether every buffer below each answer missed the target and
//! every one above reached it, which is what makes the answer the least.
use crate::model::parallel::simulate;
use crate::model::plan::{Plan, Variant};
use crate::outcome::{BufferAdvice, BufferTry, StageBuffer, p_met};
use crate::scenario::Scenario;

/// Extra places that leave a stage no limit at all.
const ROOM_TO_SPARE: u32 = u32::MAX;

/// What the search needs to try a buffer.
pub(crate) struct Search<'a> {
    pub scenario: &'a Scenario,
    pub runs: usize,
    pub seed: u64,
    pub threads: usize,
    pub target: f64,
}

/// The result of one bisection: the least places reaching the target, if any within the
/// limit, and the probability there (or at the limit).
struct Found {
    places: Option<u32>,
    probability: f64,
}

impl Search<'_> {
    /// The indices of the stages that have places.
    fn limited(&self) -> Vec<usize> {
        self.scenario
            .stages
            .iter()
            .enumerate()
            .filter(|(_, s)| s.capacity.is_some())
            .map(|(k, _)| k)
            .collect()
    }

    /// The lowest pledge probability with `extra` places on each limited stage (in order;
    /// [`ROOM_TO_SPARE`] for no limit).
    pub(crate) fn probability(&self, extra: &[u32]) -> f64 {
        let plan = Plan::compile(self.scenario, extra, Variant::AsWritten);
        let runs = simulate(&plan, self.runs, self.seed, self.threads, false, &|_| {});
        self.scenario
            .pledges
            .iter()
            .enumerate()
            .map(|(p, pledge)| p_met(&runs, self.scenario.pledges.len(), p, pledge.persons))
            .fold(1.0, f64::min)
    }

    /// The largest buffer worth trying: as many places as persons pass through the
    /// pipeline, since more could never be filled.
    pub(crate) fn limit(&self) -> u32 {
        let s = self.scenario;
        let submitted: u64 = s.missions.iter().map(|m| u64::from(m.persons)).sum::<u64>()
            + s.dossiers
                .iter()
                .map(|d| {
                    let months = crate::scenario::months_between(d.from, d.until) + 1;
                    (d.persons_per_month * f64::from(months)).ceil() as u64
                })
                .sum::<u64>()
            + s.cases.iter().map(|c| u64::from(c.persons)).sum::<u64>()
            + s.stages
                .iter()
                .map(|st| u64::from(st.occupied_at_start))
                .sum::<u64>();
        u32::try_from(submitted.max(1)).unwrap_or(u32::MAX)
    }

    /// The least places in `0..=limit` on `stage` whose buffer `extra(places)` reaches the
    /// target, by bisection, recording every try.
    fn bisect(
        &self,
        stage: &str,
        extra: &dyn Fn(u32) -> Vec<u32>,
        tried: &mut Vec<BufferTry>,
        step: &dyn Fn(u32),
    ) -> Found {
        let mut try_places = |places: u32| {
            let probability = self.probability(&extra(places));
            tried.push(BufferTry {
                stage: Some(stage.to_string()),
                places,
                probability,
            });
            step(tried.len() as u32);
            probability
        };
        let p0 = try_places(0);
        if p0 >= self.target {
            return Found {
                places: Some(0),
                probability: p0,
            };
        }
        let limit = self.limit();
        let at_limit = try_places(limit);
        if at_limit < self.target {
            return Found {
                places: None,
                probability: at_limit,
            };
        }
        // Invariant: `low` misses the target, `high` reaches it.
        let (mut low, mut high, mut p_high) = (0u32, limit, at_limit);
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            let p = try_places(mid);
            if p >= self.target {
                (high, p_high) = (mid, p);
            } else {
                low = mid;
            }
        }
        Found {
            places: Some(high),
            probability: p_high,
        }
    }

    /// Searches; `step` hears each buffer tried (the count so far).
    pub(crate) fn run(&self, step: &dyn Fn(u32)) -> BufferAdvice {
        let limited = self.limited();
        let limit = self.limit();
        let mut tried = Vec::new();
        let as_is = self.probability(&vec![0; limited.len()]);
        tried.push(BufferTry {
            stage: None,
            places: 0,
            probability: as_is,
        });
        step(1);
        let mut buffers: Vec<u32> = Vec::new();
        let mut probability = as_is;
        let mut reached = as_is >= self.target;
        if reached {
            buffers = vec![0; limited.len()];
        } else {
            for (i, &k) in limited.iter().enumerate() {
                let name = self.scenario.stages[k].name.as_str();
                let upstream = buffers.clone();
                let extra = |places: u32| {
                    let mut e = upstream.clone();
                    e.push(places);
                    e.resize(limited.len(), ROOM_TO_SPARE);
                    e
                };
                let found = self.bisect(name, &extra, &mut tried, step);
                probability = found.probability;
                match found.places {
                    Some(p) => buffers.push(p),
                    None => {
                        buffers.push(limit);
                        break;
                    }
                }
                reached = i + 1 == limited.len();
            }
            buffers.resize(limited.len(), 0);
        }
        let monotone = monotone(&tried);
        let consistent = consistent(&tried, self.target);
        BufferAdvice {
            target: self.target,
            reached,
            places: buffers.iter().fold(0u32, |a, &b| a.saturating_add(b)),
            per_stage: limited
                .iter()
                .zip(&buffers)
                .map(|(&k, &places)| StageBuffer {
                    stage: self.scenario.stages[k].name.clone(),
                    places,
                })
                .collect(),
            probability,
            limit,
            tried,
            monotone,
            consistent,
        }
    }
}

/// The tries of each search (by stage), ordered by places.
fn searches(tried: &[BufferTry]) -> Vec<Vec<&BufferTry>> {
    let mut keys: Vec<Option<String>> = tried.iter().map(|t| t.stage.clone()).collect();
    keys.sort();
    keys.dedup();
    keys.iter()
        .map(|key| {
            let mut seen: Vec<&BufferTry> = tried.iter().filter(|t| &t.stage == key).collect();
            seen.sort_by_key(|t| t.places);
            seen
        })
        .collect()
}

/// Whether, in each search, the probability never fell as places grew.
fn monotone(tried: &[BufferTry]) -> bool {
    searches(tried).iter().all(|seen| {
        seen.windows(2)
            .all(|w| w[0].probability <= w[1].probability)
    })
}

/// Whether, in each search, every buffer smaller than the least one found missed the target
/// and every larger one reached it: the condition for a bisection's answer to be the least,
/// which holds even where the probability is not monotone (more places can lower one year's
/// chance by letting families arrive in the year before rather than spill into it).
fn consistent(tried: &[BufferTry], target: f64) -> bool {
    searches(tried)
        .iter()
        .all(|seen| match seen.iter().find(|t| t.probability >= target) {
            None => true,
            Some(least) => seen
                .iter()
                .all(|t| (t.places >= least.places) == (t.probability >= target)),
        })
}
