//! The buffer search: the fewest extra places that bring every pledge to the target
//! probability.
//!
//! One number is searched, the buffer places in all, split over the stages that have places
//! in proportion to their mean lengths of stay: by Little's law a stage needs as many places
//! as the families it must take each week times the weeks they stay, so extra throughput
//! needs extra places in that proportion everywhere (a buffer of centre places alone is
//! wasted while the local reception places after them are full).
//!
//! Every buffer is tried on the same draws (common random numbers), so the probability is a
//! step function of the places that more places do not lower; the search bisects on it and
//! then checks that the probabilities it saw never fell as places grew.
use crate::model::parallel::simulate;
use crate::model::plan::Plan;
use crate::outcome::{BufferAdvice, BufferTry, StageBuffer, p_met};
use crate::scenario::Scenario;

/// What the search needs to try a buffer.
pub(crate) struct Search<'a> {
    pub scenario: &'a Scenario,
    pub runs: usize,
    pub seed: u64,
    pub threads: usize,
    pub target: f64,
}

impl Search<'_> {
    /// The stages that have places, with the share of a buffer each takes.
    fn shares(&self) -> Vec<(usize, f64)> {
        let plan = Plan::compile(self.scenario, &[], None);
        let stages: Vec<(usize, f64)> = self
            .scenario
            .stages
            .iter()
            .enumerate()
            .filter(|(_, s)| s.capacity.is_some())
            .map(|(k, _)| (k, plan.stay[k].mean()))
            .collect();
        let total: f64 = stages.iter().map(|(_, m)| m).sum();
        stages
            .into_iter()
            .map(|(k, m)| (k, if total > 0.0 { m / total } else { 1.0 }))
            .collect()
    }

    /// `places` split over the stages by their shares, largest remainders first, so the
    /// parts add up to the whole.
    pub(crate) fn split(&self, places: u32) -> Vec<u32> {
        let shares = self.shares();
        let exact: Vec<f64> = shares.iter().map(|(_, s)| s * f64::from(places)).collect();
        let mut parts: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
        let mut left = places - parts.iter().sum::<u32>();
        let mut order: Vec<usize> = (0..parts.len()).collect();
        order.sort_by(|&a, &b| {
            let ra = exact[a] - exact[a].floor();
            let rb = exact[b] - exact[b].floor();
            rb.total_cmp(&ra).then(a.cmp(&b))
        });
        for i in order {
            if left == 0 {
                break;
            }
            parts[i] += 1;
            left -= 1;
        }
        parts
    }

    /// The lowest pledge probability with `places` buffer places.
    pub(crate) fn probability(&self, places: u32) -> f64 {
        let plan = Plan::compile(self.scenario, &self.split(places), None);
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
            + s.stages.iter().map(|st| u64::from(st.occupied_at_start)).sum::<u64>();
        u32::try_from(submitted.max(1)).unwrap_or(u32::MAX)
    }

    /// Searches; `step` hears each buffer tried (the count so far).
    pub(crate) fn run(&self, step: &dyn Fn(u32)) -> BufferAdvice {
        let mut tried: Vec<BufferTry> = Vec::new();
        let mut try_places = |places: u32| {
            let probability = self.probability(places);
            tried.push(BufferTry {
                places,
                probability,
            });
            step(tried.len() as u32);
            probability
        };
        let limit = self.limit();
        let (places, probability, reached) = if try_places(0) >= self.target {
            (0, tried[0].probability, true)
        } else {
            let at_limit = try_places(limit);
            if at_limit < self.target {
                (limit, at_limit, false)
            } else {
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
                (high, p_high, true)
            }
        };
        tried.sort_by_key(|t| t.places);
        let monotone = tried.windows(2).all(|w| w[0].probability <= w[1].probability);
        let per_stage = self
            .shares()
            .iter()
            .zip(self.split(places))
            .map(|(&(k, _), places)| StageBuffer {
                stage: self.scenario.stages[k].name.clone(),
                places,
            })
            .collect();
        BufferAdvice {
            target: self.target,
            reached,
            places,
            per_stage,
            probability,
            limit,
            tried,
            monotone,
        }
    }
}
