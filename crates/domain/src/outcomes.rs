//! Integration outcomes and the employment model a programme fits on its own.
//!
//! Annie MOORE and GeoMatch predict employment from past arrivals. A programme that records
//! whether each adult has work 12 months after arrival can do the same, openly: the chance
//! that an adult placed at a place finds work is that place's observed rate, pulled
//! towards its region's rate when the place has few observations, and the region's
//! towards the programme's (empirical Bayes shrinkage). Nothing about the person enters
//! but where they were placed, so the model cannot learn religion, ethnicity or health.
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::ParseError;
use crate::calendar::{add_months, age_on, not_after_today, not_before};
use crate::case::{CaseFile, FamilyMember};
use crate::refusal::{Anchor, RefusalKind, Vocabulary};

/// The follow-ups after arrival, in months: whether each adult has work is recorded at
/// each, and those who support the family see when each falls due.
pub const FOLLOW_UP_MONTHS: [u32; 2] = [12, 18];

/// The day a follow-up falls due: `months` calendar months after the day of arrival.
pub fn follow_up_due(arrived_on: Date, months: u32) -> Date {
    add_months(arrived_on, months)
}

/// Working age, in whole years: the ages whose employment the follow-up records and the
/// placement model's labour-market term counts (Eurostat's labour-force ages stop at 64).
pub const WORKING_AGE: RangeInclusive<i32> = 18..=64;

/// Whether a person born on `born` is of [`WORKING_AGE`] on `on`.
pub fn is_working_age(born: Date, on: Date) -> bool {
    WORKING_AGE.contains(&age_on(born, on))
}

impl FamilyMember {
    /// Whether the member is of [`WORKING_AGE`] on `on`.
    pub fn is_working_age(&self, on: Date) -> bool {
        is_working_age(self.date_of_birth, on)
    }
}

/// Whether one member of a case had work at a follow-up, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The family member.
    pub member_no: u32,
    /// 12 or 18 (months after arrival).
    pub months: u32,
    /// Whether the person had work.
    pub employed: bool,
    /// The day it was recorded.
    pub recorded_on: Date,
}

impl FollowUp {
    /// Refuses an outcome that cannot exist for `file`: another follow-up than
    /// [`FOLLOW_UP_MONTHS`], a family that has not arrived, a member not in the family or
    /// not of [`WORKING_AGE`] when the follow-up falls due, or a record made before it
    /// falls due or after `today`.
    pub fn check(&self, file: &CaseFile, today: Date) -> Result<(), ParseError> {
        if !FOLLOW_UP_MONTHS.contains(&self.months) {
            return Err(ParseError::not_in_list(
                "months",
                self.months,
                FOLLOW_UP_MONTHS,
                Vocabulary::Plain,
            ));
        }
        let arrived = file
            .arrived_on()
            .ok_or_else(|| ParseError::of("case", RefusalKind::NotArrived))?;
        let member = file
            .case
            .members
            .iter()
            .find(|m| m.member_no == self.member_no)
            .ok_or_else(|| ParseError::not_in_family(self.member_no, file.case.members.len()))?;
        let due = follow_up_due(arrived, self.months);
        if !member.is_working_age(due) {
            return Err(ParseError::age_outside(
                self.member_no,
                due,
                member.age_on(due),
                &WORKING_AGE,
            ));
        }
        not_after_today("recorded_on", self.recorded_on, today)?;
        not_before(
            "recorded_on",
            self.recorded_on,
            Anchor::FollowUpDue(self.months),
            due,
        )
    }
}

/// One working-age adult's recorded outcome: where the family was placed, and whether the
/// adult had work at the follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The place's code.
    pub place: String,
    /// The place's region.
    pub region: String,
    /// Whether the adult had work.
    pub employed: bool,
}

/// Employment chances per place, fitted on recorded outcomes.
#[derive(Debug, Clone, PartialEq)]
pub struct EmploymentModel {
    global: f64,
    regions: BTreeMap<String, f64>,
    places: BTreeMap<String, f64>,
    /// How many outcomes it was fitted on.
    pub observations: usize,
}

/// Fewer outcomes than this and the fitted rates are mostly noise: the default model is
/// used instead (the "when there are enough").
pub const MIN_OBSERVATIONS: usize = 200;

/// How many observations a rate's prior counts as (the pull towards the wider rate).
const PRIOR_WEIGHT: f64 = 20.0;

fn counts<'a>(outcomes: impl Iterator<Item = (&'a str, bool)>) -> BTreeMap<&'a str, (f64, f64)> {
    let mut out: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for (key, employed) in outcomes {
        let e = out.entry(key).or_default();
        e.0 += f64::from(u8::from(employed));
        e.1 += 1.0;
    }
    out
}

fn shrink((employed, n): (f64, f64), prior: f64) -> f64 {
    (employed + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)
}

impl EmploymentModel {
    /// Fits the model, or `None` when there are fewer than [`MIN_OBSERVATIONS`].
    pub fn fit(outcomes: &[Outcome]) -> Option<EmploymentModel> {
        if outcomes.len() < MIN_OBSERVATIONS {
            return None;
        }
        let employed = outcomes.iter().filter(|o| o.employed).count() as f64;
        let global = employed / outcomes.len() as f64;
        let regions: BTreeMap<String, f64> =
            counts(outcomes.iter().map(|o| (o.region.as_str(), o.employed)))
                .into_iter()
                .map(|(r, c)| (r.to_string(), shrink(c, global)))
                .collect();
        let region_of: BTreeMap<&str, &str> = outcomes
            .iter()
            .map(|o| (o.place.as_str(), o.region.as_str()))
            .collect();
        let places = counts(outcomes.iter().map(|o| (o.place.as_str(), o.employed)))
            .into_iter()
            .map(|(p, c)| {
                let prior = regions[region_of[p]];
                (p.to_string(), shrink(c, prior))
            })
            .collect();
        Some(EmploymentModel {
            global,
            regions,
            places,
            observations: outcomes.len(),
        })
    }

    /// The chance that an adult placed at `place` (in `region`) has work at follow-up: the
    /// place's shrunk rate, else its region's, else the programme's.
    pub fn probability(&self, place: &str, region: &str) -> f64 {
        self.places
            .get(place)
            .or_else(|| self.regions.get(region))
            .copied()
            .unwrap_or(self.global)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn outcomes(place: &str, region: &str, employed: usize, of: usize) -> Vec<Outcome> {
        (0..of)
            .map(|i| Outcome {
                place: place.into(),
                region: region.into(),
                employed: i < employed,
            })
            .collect()
    }

    mod follow_up {
        use time::macros::{date, datetime};

        use super::super::*;
        use crate::case::{CaseEvent, CaseState};

        const TODAY: Date = date!(2026 - 11 - 23);

        /// The test family (a woman born 1985, a girl born 2015) arrived on `arrived`.
        fn arrived_on(arrived: time::OffsetDateTime) -> CaseFile {
            let mut f = crate::case::tests_file();
            f.events.push(CaseEvent {
                seq: 3,
                at: arrived,
                actor: "test".into(),
                from: Some(CaseState::DossierReview),
                to: CaseState::Arrived,
                reason: String::new(),
                reason_code: None,
                payload: serde_json::Value::Null,
            });
            f
        }

        fn outcome(member_no: u32, months: u32, recorded_on: Date) -> FollowUp {
            FollowUp {
                member_no,
                months,
                employed: true,
                recorded_on,
            }
        }

        #[test]
        fn employed_at_18_months_for_a_child_on_the_day_of_arrival_cannot_exist() {
            let mut f = arrived_on(datetime!(2026-11-23 10:00 UTC));
            f.case.members[1].date_of_birth = date!(2023 - 05 - 01);
            assert_eq!(f.case.members[1].age_on(TODAY), 3);
            let e = outcome(2, 18, TODAY).check(&f, TODAY).unwrap_err();
            assert_eq!(
                e.to_string(),
                "member_no: member 2 is 5 on 2028-05-23; this is for ages 18 to 64"
            );
            let e = outcome(1, 18, TODAY).check(&f, TODAY).unwrap_err();
            assert_eq!(
                e.to_string(),
                "recorded_on: 2026-11-23 is before the 18-month follow-up is due (2028-05-23)"
            );
        }

        #[test]
        fn a_due_follow_up_of_an_adult_is_accepted_and_other_months_are_not() {
            let f = arrived_on(datetime!(2025-05-02 10:00 UTC));
            outcome(1, 18, TODAY).check(&f, TODAY).unwrap();
            outcome(1, 12, date!(2026 - 05 - 02))
                .check(&f, TODAY)
                .unwrap();
            assert_eq!(
                outcome(1, 6, TODAY).check(&f, TODAY).unwrap_err().field,
                "months"
            );
            assert_eq!(
                outcome(9, 12, TODAY).check(&f, TODAY).unwrap_err().field,
                "member_no"
            );
            let later = outcome(1, 12, date!(2026 - 12 - 01));
            assert!(
                later
                    .check(&f, TODAY)
                    .unwrap_err()
                    .reason()
                    .contains("after today")
            );
            let f = crate::case::tests_file();
            assert_eq!(
                outcome(1, 12, TODAY).check(&f, TODAY).unwrap_err().field,
                "case"
            );
        }

        proptest::proptest! {
            /// Over any arrival and birth: an outcome passes exactly when the member is of
            /// working age on the day the follow-up falls due and it is recorded between
            /// that day and today.
            #[test]
            fn an_outcome_exists_only_for_a_working_age_adult_once_due(
                arrived in 0i64..4000, born in 0i64..40_000, recorded in 0i64..4000, late in proptest::bool::ANY
            ) {
                let day0 = date!(2015 - 01 - 01);
                let arrival = day0 + time::Duration::days(arrived);
                let mut f = arrived_on(arrival.midnight().assume_utc());
                f.case.members[0].date_of_birth = day0 - time::Duration::days(born);
                let months = if late { 18 } else { 12 };
                let on = arrival + time::Duration::days(recorded);
                let today = arrival + time::Duration::days(3000);
                let due = add_months(arrival, months);
                let ok = outcome(1, months, on).check(&f, today).is_ok();
                proptest::prop_assert_eq!(
                    ok,
                    f.case.members[0].is_working_age(due) && due <= on && on <= today
                );
            }
        }
    }

    #[test]
    fn follow_ups_fall_due_in_calendar_months_after_arrival() {
        use time::macros::date;
        assert_eq!(
            follow_up_due(date!(2025 - 11 - 20), 12),
            date!(2026 - 11 - 20)
        );
        assert_eq!(
            follow_up_due(date!(2025 - 08 - 31), 18),
            date!(2027 - 02 - 28)
        );
    }

    #[test]
    fn too_few_outcomes_fit_nothing() {
        assert!(EmploymentModel::fit(&outcomes("A", "R", 10, MIN_OBSERVATIONS - 1)).is_none());
    }

    #[test]
    fn places_are_ranked_by_their_rates_and_small_ones_pulled_to_the_region() {
        let mut all = outcomes("good", "North", 160, 200);
        all.extend(outcomes("poor", "North", 40, 200));
        all.extend(outcomes("tiny", "South", 2, 2));
        all.extend(outcomes("other", "South", 20, 100));
        let m = EmploymentModel::fit(&all).unwrap();
        assert!(m.probability("good", "North") > 0.75);
        assert!(m.probability("poor", "North") < 0.25);
        // Two employed out of two is not a 100 % place: it is pulled towards South's 22 %.
        let tiny = m.probability("tiny", "South");
        assert!(tiny > 0.2 && tiny < 0.35, "{tiny}");
        // An unseen place gets its region's rate; an unseen region the programme's.
        assert_eq!(m.probability("new", "North"), m.regions["North"]);
        assert_eq!(m.probability("new", "East"), m.global);
        assert_eq!(m.observations, 502);
    }

    proptest! {
        #[test]
        fn probabilities_are_probabilities(
            rows in proptest::collection::vec((0u8..5, 0u8..3, any::<bool>()), MIN_OBSERVATIONS..400)
        ) {
            let data: Vec<Outcome> = rows
                .iter()
                .map(|(p, r, e)| Outcome { place: format!("p{p}"), region: format!("r{r}"), employed: *e })
                .collect();
            let m = EmploymentModel::fit(&data).unwrap();
            for p in 0..6 {
                for r in 0..4 {
                    let x = m.probability(&format!("p{p}"), &format!("r{r}"));
                    prop_assert!((0.0..=1.0).contains(&x));
                }
            }
        }
    }
}
