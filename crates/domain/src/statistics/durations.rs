//! How long the steps of a case take, and how much longer a family that has already waited
//! some days in a step may still wait: the estimate the family status page shows, and the
//! step durations capacity forecasting and the report to Parliament read.
//!
//! A family asks "how much longer?", not "how long does this step take?": a family that
//! has waited eight months is past the quick cases. So the estimate is conditional on
//! the days already spent in the step: among comparable cases still in the step after as
//! many days, the median and the 90th percentile of the time they still waited. Cases
//! still waiting today count too (they are censored, not dropped: leaving them out would
//! make every estimate too short, most of all during a programme hold, when everyone
//! waits), through the product-limit (Kaplan–Meier) estimator. With no case still waiting
//! it gives exactly the empirical quantiles of the remaining times.
//!
//! Pure and cheap: [`StepDurations`] holds each length once with its count, sorted, so
//! one estimate is one pass over the lengths at least as long as the wait; the caller
//! builds the table once and asks it for every view.
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use serde::Serialize;
use time::Date;

use crate::case::{CaseState, Channel, Priority};
use crate::country::CountryCode;

/// Below this many comparable cases there is no estimate: a median of a handful of
/// families is an anecdote, and a range drawn from it would read as a promise.
pub const MIN_COMPARABLE: usize = 20;

/// One stay of one case in one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spell {
    /// Whole days from entering the step to leaving it, or to today while it lasts.
    pub days: u32,
    /// Whether the case has left the step (else it is still in it today).
    pub ended: bool,
}

/// The stays of a case in each step of its history, oldest first: each state entered
/// (with the day) lasts until the next is entered, the last until `today`. Terminal
/// states are left out: nothing follows them, so there is nothing to wait for.
pub fn spells(history: &[(CaseState, Date)], today: Date) -> Vec<(CaseState, Spell)> {
    history
        .iter()
        .enumerate()
        .filter(|(_, (state, _))| !state.is_terminal())
        .map(|(i, &(state, entered))| {
            let left = history.get(i + 1).map(|next| next.1);
            let until = left.unwrap_or(today);
            let days = u32::try_from((until - entered).whole_days()).unwrap_or(0);
            (
                state,
                Spell {
                    days,
                    ended: left.is_some(),
                },
            )
        })
        .collect()
}

/// What makes two cases comparable for an estimate: the same programme, channel,
/// priority and country of asylum (a mission to Lebanon runs on another calendar than a
/// dossier from Niger).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ComparableGroup {
    /// The programme's code.
    pub programme: String,
    /// Mission or dossier.
    pub channel: Channel,
    /// Emergency, urgent or normal.
    pub priority: Priority,
    /// Where the family waits.
    pub country_of_asylum: CountryCode,
}

/// How much longer a family may still wait in its step, from the comparable cases that
/// were still in the step after as many days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RemainingTime {
    /// The comparable cases still in the step after as many days (at least
    /// [`MIN_COMPARABLE`]).
    pub comparable: usize,
    /// Days within which half of them left the step; `None` while more than half of them
    /// are still in it, so nobody knows yet.
    pub median: Option<u32>,
    /// Days within which nine in ten of them left it; `None` while more than one in ten
    /// are still in it.
    pub p90: Option<u32>,
}

/// Distinct lengths in days, each with how many stays lasted so long, sorted by length.
type Lengths = [(u32, u32)];

/// The lengths of many stays in one step, each distinct length once with its count,
/// sorted: stays that ended and stays still going on apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepDurations {
    ended: Vec<(u32, u32)>,
    open: Vec<(u32, u32)>,
}

impl StepDurations {
    /// The durations of these stays.
    pub fn new(spells: impl IntoIterator<Item = Spell>) -> StepDurations {
        StepDurations::from_counts(spells.into_iter().map(|s| (s, 1)))
    }

    /// The durations of stays given with how many cases stayed so (what a database
    /// returns when it counts them, grouped by length).
    pub fn from_counts(counts: impl IntoIterator<Item = (Spell, u32)>) -> StepDurations {
        let mut ended = BTreeMap::<u32, u32>::new();
        let mut open = BTreeMap::<u32, u32>::new();
        for (spell, n) in counts {
            let side = if spell.ended { &mut ended } else { &mut open };
            let c = side.entry(spell.days).or_default();
            *c = c.saturating_add(n);
        }
        StepDurations {
            ended: ended.into_iter().filter(|&(_, n)| n > 0).collect(),
            open: open.into_iter().filter(|&(_, n)| n > 0).collect(),
        }
    }

    /// How many stays are counted, ended or not.
    pub fn len(&self) -> usize {
        count(&self.ended) + count(&self.open)
    }

    /// Whether no stay is counted.
    pub fn is_empty(&self) -> bool {
        self.ended.is_empty() && self.open.is_empty()
    }

    /// The stays still in the step after `waited` days: those that ended later than that,
    /// and those still going on that have lasted at least as long. Their times beyond
    /// `waited` are what the family in the step may still face.
    fn beyond(&self, waited: u32) -> (&Lengths, &Lengths) {
        let ended = &self.ended[self.ended.partition_point(|&(d, _)| d <= waited)..];
        let open = &self.open[self.open.partition_point(|&(d, _)| d < waited)..];
        (ended, open)
    }

    /// How many comparable stays were still in the step after `waited` days.
    pub fn comparable(&self, waited: u32) -> usize {
        let (ended, open) = self.beyond(waited);
        count(ended) + count(open)
    }

    /// The `quantiles` (each in (0, 1)) of the days still to wait after `waited` days in
    /// the step, by the product-limit estimator over the comparable stays; a quantile the
    /// stays cannot tell yet (too many still going on) is `None`. `None` for the whole
    /// when fewer than [`MIN_COMPARABLE`] stays are comparable.
    pub fn remaining_quantiles(&self, waited: u32, quantiles: &[f64]) -> Option<Vec<Option<u32>>> {
        let (ended, open) = self.beyond(waited);
        let comparable = count(ended) + count(open);
        if comparable < MIN_COMPARABLE {
            return None;
        }
        let mut found = vec![None; quantiles.len()];
        product_limit(ended, open, |days, staying| {
            for (q, slot) in quantiles.iter().zip(found.iter_mut()) {
                // A tolerance for the rounding of the product: without stays still going
                // on it equals a ratio of whole counts exactly.
                if slot.is_none() && staying <= 1.0 - q + 1e-9 {
                    *slot = Some(days - waited);
                }
            }
            found.iter().all(Option::is_some)
        });
        Some(found)
    }

    /// The median and 90th percentile of the days still to wait after `waited` days in
    /// the step, or `None` with fewer than [`MIN_COMPARABLE`] comparable stays.
    pub fn remaining(&self, waited: u32) -> Option<RemainingTime> {
        let q = self.remaining_quantiles(waited, &[0.5, 0.9])?;
        Some(RemainingTime {
            comparable: self.comparable(waited),
            median: q[0],
            p90: q[1],
        })
    }

    /// The whole distribution of a stay's length, by the product-limit estimator over
    /// every stay: each length at which stays ended with the probability of a stay ending
    /// then, and the share the stays still going on leave beyond the last ended length
    /// put at the longest stay seen, a lower bound, since nobody knows yet how much longer
    /// they wait (so a length may come twice). Empty when no stay has ended. What a forecast samples durations from: leaving the
    /// stays still going on out would make every forecast too quick.
    pub fn distribution(&self) -> Vec<(u32, f64)> {
        let mut mass = Vec::new();
        let mut before = 1.0_f64;
        product_limit(&self.ended, &self.open, |days, staying| {
            mass.push((days, before - staying));
            before = staying;
            false
        });
        let longest = self.ended.iter().chain(&self.open).map(|&(d, _)| d).max();
        if let (Some(longest), false) = (longest, mass.is_empty()) {
            mass.push((longest, before));
        }
        mass.retain(|&(_, p)| p > 1e-12);
        mass
    }
}

/// Walks the product-limit (Kaplan–Meier) estimate of still being in the step over the
/// distinct lengths of the stays that ended, calling `at(days, staying)` at each; a stay
/// still going on leaves the cases at risk once its own length is passed (at a tie it is
/// still at risk). Stops early when `at` answers true.
fn product_limit(ended: &Lengths, open: &Lengths, mut at: impl FnMut(u32, f64) -> bool) {
    let mut at_risk = (count(ended) + count(open)) as f64;
    let mut staying = 1.0_f64;
    let mut open_left = open.iter().peekable();
    for &(days, left) in ended {
        while let Some(&&(o, n)) = open_left.peek() {
            if o >= days {
                break;
            }
            at_risk -= f64::from(n);
            open_left.next();
        }
        staying *= 1.0 - f64::from(left) / at_risk;
        at_risk -= f64::from(left);
        if at(days, staying) {
            break;
        }
    }
}

fn count(lengths: &Lengths) -> usize {
    lengths.iter().map(|&(_, n)| n as usize).sum()
}

/// Step durations per group of comparable cases (`K`: a [`ComparableGroup`] for
/// families' estimates, a coarser key for a forecast) and per step.
#[derive(Debug, Clone)]
pub struct DurationTable<K> {
    groups: HashMap<K, HashMap<CaseState, StepDurations>>,
}

impl<K> Default for DurationTable<K> {
    fn default() -> Self {
        DurationTable {
            groups: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash> DurationTable<K> {
    /// The table of these stays, each with its group, its step and how many cases stayed
    /// so; stays in a terminal state are left out (nothing follows them).
    pub fn from_counts(rows: impl IntoIterator<Item = (K, CaseState, Spell, u32)>) -> Self {
        let mut grouped: HashMap<K, HashMap<CaseState, Vec<(Spell, u32)>>> = HashMap::new();
        for (group, state, spell, n) in rows {
            if !state.is_terminal() {
                grouped
                    .entry(group)
                    .or_default()
                    .entry(state)
                    .or_default()
                    .push((spell, n));
            }
        }
        DurationTable {
            groups: grouped
                .into_iter()
                .map(|(k, steps)| {
                    let steps = steps
                        .into_iter()
                        .map(|(s, v)| (s, StepDurations::from_counts(v)))
                        .collect();
                    (k, steps)
                })
                .collect(),
        }
    }

    /// The durations of one step in one group, if any case of the group was in it.
    pub fn step(&self, group: &K, state: CaseState) -> Option<&StepDurations> {
        self.groups.get(group)?.get(&state)
    }

    /// How much longer a case of `group` that has waited `waited` days in `state` may
    /// still wait; `None` with fewer than [`MIN_COMPARABLE`] comparable stays.
    pub fn remaining(&self, group: &K, state: CaseState, waited: u32) -> Option<RemainingTime> {
        self.step(group, state)?.remaining(waited)
    }

    /// How many stays the table holds, over every step and group.
    pub fn len(&self) -> usize {
        self.groups
            .values()
            .flat_map(HashMap::values)
            .map(StepDurations::len)
            .sum()
    }

    /// Whether the table holds no stay.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn ended(days: &[u32]) -> Vec<Spell> {
        days.iter()
            .map(|&days| Spell { days, ended: true })
            .collect()
    }

    #[test]
    fn spells_run_from_one_entry_to_the_next_and_the_last_until_today() {
        let history = [
            (CaseState::Submitted, date!(2026 - 01 - 01)),
            (CaseState::DossierReview, date!(2026 - 01 - 11)),
            (CaseState::Withdrawn, date!(2026 - 03 - 01)),
        ];
        assert_eq!(
            spells(&history, date!(2026 - 11 - 23)),
            vec![
                (
                    CaseState::Submitted,
                    Spell {
                        days: 10,
                        ended: true
                    }
                ),
                (
                    CaseState::DossierReview,
                    Spell {
                        days: 49,
                        ended: true
                    }
                ),
            ],
            "the terminal state has no spell"
        );
        let open = spells(&history[..2], date!(2026 - 02 - 01));
        assert_eq!(
            open[1].1,
            Spell {
                days: 21,
                ended: false
            }
        );
    }

    #[test]
    fn fewer_than_twenty_comparable_cases_give_no_estimate() {
        let d = StepDurations::new(ended(&[30; 19]));
        assert_eq!(d.remaining(0), None);
        let d = StepDurations::new(ended(&[30; 20]));
        assert_eq!(
            d.remaining(0),
            Some(RemainingTime {
                comparable: 20,
                median: Some(30),
                p90: Some(30)
            })
        );
        // Only those still in the step after as many days count.
        assert_eq!(d.remaining(30), None);
    }

    #[test]
    fn the_estimate_is_conditional_on_the_days_already_waited() {
        // 20 cases left after 10 days, 30 after 100, 50 after 200.
        let mut spells = ended(&[10; 20]);
        spells.extend(ended(&[100; 30]));
        spells.extend(ended(&[200; 50]));
        let d = StepDurations::new(spells);
        let fresh = d.remaining(0).unwrap();
        assert_eq!((fresh.median, fresh.p90), (Some(100), Some(200)));
        // After 150 days only the 50 slow ones are comparable: 50 days more for all.
        let late = d.remaining(150).unwrap();
        assert_eq!(
            (late.comparable, late.median, late.p90),
            (50, Some(50), Some(50))
        );
    }

    #[test]
    fn families_still_waiting_lengthen_the_estimate_instead_of_being_dropped() {
        // 20 left quickly; 30 have been waiting 300 days and still are (a hold).
        let mut spells = ended(&[20; 20]);
        spells.extend((0..30).map(|_| Spell {
            days: 300,
            ended: false,
        }));
        let d = StepDurations::new(spells);
        let r = d.remaining(0).unwrap();
        assert_eq!(r.comparable, 50);
        assert_eq!(r.median, None, "more than half are still waiting");
        let only_ended = StepDurations::new(ended(&[20; 20])).remaining(0).unwrap();
        assert_eq!(
            only_ended.median,
            Some(20),
            "what dropping them would claim"
        );
    }

    /// The quantile `q` of `sorted` by the inverse distribution function: the smallest
    /// value with at least `q` of the values at or below it.
    fn empirical(sorted: &[u32], numerator: usize, denominator: usize) -> u32 {
        let rank = (numerator * sorted.len()).div_ceil(denominator);
        sorted[rank - 1]
    }

    proptest! {
        /// With no case still waiting, the estimate is exactly the median and the 90th
        /// percentile of the remaining times of the cases that waited longer.
        #[test]
        fn without_censoring_it_is_the_empirical_quantiles(
            days in proptest::collection::vec(0u32..400, 0..120), waited in 0u32..300
        ) {
            let d = StepDurations::new(ended(&days));
            let mut remaining: Vec<u32> =
                days.iter().filter(|&&x| x > waited).map(|&x| x - waited).collect();
            remaining.sort_unstable();
            match d.remaining(waited) {
                None => prop_assert!(remaining.len() < MIN_COMPARABLE),
                Some(r) => {
                    prop_assert_eq!(r.comparable, remaining.len());
                    prop_assert_eq!(r.median, Some(empirical(&remaining, 1, 2)));
                    prop_assert_eq!(r.p90, Some(empirical(&remaining, 9, 10)));
                }
            }
        }

        /// The range is a range: the median never exceeds the 90th percentile, and each
        /// is a time some comparable case really waited.
        #[test]
        fn the_median_never_exceeds_the_ninetieth_percentile(
            spells in proptest::collection::vec((0u32..400, any::<bool>()), 0..150),
            waited in 0u32..300,
        ) {
            let spells: Vec<Spell> =
                spells.into_iter().map(|(days, ended)| Spell { days, ended }).collect();
            let d = StepDurations::new(spells.clone());
            if let Some(r) = d.remaining(waited) {
                if let (Some(m), Some(p)) = (r.median, r.p90) {
                    prop_assert!(m <= p);
                }
                if r.median.is_none() {
                    prop_assert!(r.p90.is_none());
                }
                for q in [r.median, r.p90].into_iter().flatten() {
                    prop_assert!(spells.iter().any(|s| s.ended && s.days == waited + q));
                }
            }
        }

        /// A family still waiting never makes the others' estimate shorter: adding one
        /// only adds to those at risk.
        #[test]
        fn a_case_still_waiting_never_shortens_the_estimate(
            days in proptest::collection::vec(1u32..400, 20..100),
            open in 0u32..500,
        ) {
            let before = StepDurations::new(ended(&days)).remaining(0).unwrap();
            let mut more = ended(&days);
            more.push(Spell { days: open, ended: false });
            let after = StepDurations::new(more).remaining(0).unwrap();
            prop_assert_eq!(after.comparable, before.comparable + 1);
            for (a, b) in [(after.median, before.median), (after.p90, before.p90)] {
                match (a, b) {
                    (Some(a), Some(b)) => prop_assert!(a >= b),
                    (None, _) => {}
                    (Some(_), None) => prop_assert!(false, "an estimate appeared"),
                }
            }
        }

        /// Counting stays by length gives the same durations as listing each stay.
        #[test]
        fn counts_and_single_stays_agree(
            spells in proptest::collection::vec((0u32..50, any::<bool>()), 0..200),
        ) {
            let spells: Vec<Spell> =
                spells.into_iter().map(|(days, ended)| Spell { days, ended }).collect();
            let mut counted = BTreeMap::<(u32, bool), u32>::new();
            for s in &spells {
                *counted.entry((s.days, s.ended)).or_default() += 1;
            }
            let from_counts = StepDurations::from_counts(
                counted.into_iter().map(|((days, ended), n)| (Spell { days, ended }, n)),
            );
            prop_assert_eq!(&from_counts, &StepDurations::new(spells.clone()));
            prop_assert_eq!(from_counts.len(), spells.len());
        }
    }

    #[test]
    fn the_table_finds_a_step_by_group_and_leaves_out_terminal_states() {
        let group = ComparableGroup {
            programme: "BE".into(),
            channel: Channel::Mission,
            priority: Priority::Normal,
            country_of_asylum: CountryCode::parse("c", "LB").unwrap(),
        };
        let spell = Spell {
            days: 40,
            ended: true,
        };
        let table = DurationTable::from_counts([
            (group.clone(), CaseState::PreDeparture, spell, 25),
            (group.clone(), CaseState::Closed, spell, 25),
        ]);
        assert_eq!(table.len(), 25);
        assert_eq!(
            table
                .remaining(&group, CaseState::PreDeparture, 10)
                .and_then(|r| r.median),
            Some(30)
        );
        assert!(table.step(&group, CaseState::Closed).is_none());
        let other = ComparableGroup {
            priority: Priority::Urgent,
            ..group
        };
        assert_eq!(table.remaining(&other, CaseState::PreDeparture, 10), None);
    }

    #[test]
    fn without_stays_going_on_the_distribution_is_the_share_of_each_length() {
        let d = StepDurations::new(ended(&[10, 10, 20, 40]));
        assert_eq!(d.distribution(), vec![(10, 0.5), (20, 0.25), (40, 0.25)]);
    }

    #[test]
    fn stays_going_on_lengthen_the_distribution_instead_of_vanishing() {
        // Half the cases left after 10 days; the other half are still waiting at 300.
        let mut spells = ended(&[10; 10]);
        spells.extend(std::iter::repeat_n(
            Spell {
                days: 300,
                ended: false,
            },
            10,
        ));
        let d = StepDurations::new(spells);
        assert_eq!(d.distribution(), vec![(10, 0.5), (300, 0.5)]);
        assert!(
            StepDurations::new(vec![Spell {
                days: 5,
                ended: false
            }])
            .distribution()
            .is_empty()
        );
    }

    proptest! {
        #[test]
        fn the_distribution_sums_to_one_and_never_ends_before_a_stay_did(
            stays in proptest::collection::vec((0u32..500, any::<bool>()), 1..60)
        ) {
            let d = StepDurations::new(stays.iter().map(|&(days, ended)| Spell { days, ended }));
            let mass = d.distribution();
            if stays.iter().any(|s| s.1) {
                let total: f64 = mass.iter().map(|m| m.1).sum();
                prop_assert!((total - 1.0).abs() < 1e-9, "total {total}");
                let shortest_ended = stays.iter().filter(|s| s.1).map(|s| s.0).min().unwrap();
                prop_assert!(mass.iter().all(|m| m.0 >= shortest_ended));
            } else {
                prop_assert!(mass.is_empty());
            }
        }
    }
}
