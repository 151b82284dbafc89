//! The steps after arrival a profile lists (Belgium: the asylum registration, the refugee
//! status and its certificate, §3.1 and §4 of the NGOs' report, which call them superfluous
//! for families already selected), each recorded with its day, so the time each takes from
//! arrival can be measured and shown.
use std::collections::BTreeMap;

use serde::Serialize;
use time::Date;

use super::CaseFile;
use crate::calendar::{not_after_today, not_before};
use crate::policy::{NameList, PolicyProfile};
use crate::refusal::{Anchor, Refusal, RefusalKind, Vocabulary};

/// A step after arrival as the case shows it: what it is, who does it, and when it was
/// done, counted in days from arrival.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AfterArrival {
    /// The profile's name of the step (`asylum_registration`).
    pub name: String,
    /// Whether the programme expects it of every family.
    pub required: bool,
    /// Who does or grants it.
    pub by: String,
    /// When it was done, if it was.
    pub done_on: Option<Date>,
    /// Days from arrival to the day it was done.
    pub days_from_arrival: Option<i64>,
}

impl CaseFile {
    /// Refuses recording the step after arrival `name` as done on `on`: a name the
    /// profile does not list, a family that has not arrived, a day after `today` or before
    /// the arrival.
    pub fn check_after_arrival(
        &self,
        name: &str,
        on: Date,
        policy: &PolicyProfile,
        today: Date,
    ) -> Result<(), Refusal> {
        let names = policy.post_arrival_checks().iter().map(|c| &c.name);
        if !policy.post_arrival_checks().iter().any(|c| c.name == name) {
            return Err(Refusal::not_in_list(
                "name",
                name,
                names,
                Vocabulary::Named(NameList::PostArrival),
            ));
        }
        let arrived = self
            .arrived_on()
            .ok_or_else(|| Refusal::of("name", RefusalKind::NotArrived))?;
        not_after_today("done_on", on, today)?;
        not_before("done_on", on, Anchor::Arrived, arrived)?;
        Ok(())
    }

    /// The profile's steps after arrival in its order, each with its day if done and the
    /// days it took from arrival.
    pub fn after_arrival_steps(&self, policy: &PolicyProfile) -> Vec<AfterArrival> {
        let arrived = self.arrived_on();
        policy
            .post_arrival_checks()
            .iter()
            .map(|c| {
                let done_on = self.after_arrival.get(&c.name).copied();
                AfterArrival {
                    name: c.name.clone(),
                    required: c.required,
                    by: c.by.clone(),
                    done_on,
                    days_from_arrival: done_on.zip(arrived).map(|(d, a)| (d - a).whole_days()),
                }
            })
            .collect()
    }
}

/// The steps after arrival done, by name, with their days.
pub type AfterArrivalDone = BTreeMap<String, Date>;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    use super::*;
    use crate::case::{CaseEvent, CaseState, tests_file};

    const TODAY: Date = date!(2026 - 11 - 23);

    fn belgium() -> PolicyProfile {
        PolicyProfile::parse(include_str!("../../../../policies/belgium.toml")).unwrap()
    }

    /// The test family, arrived on 2026-10-01.
    fn arrived() -> CaseFile {
        let mut f = tests_file();
        let last = f.events.last().unwrap().clone();
        f.events.push(CaseEvent {
            seq: last.seq + 1,
            at: datetime!(2026-10-01 09:00 UTC),
            from: Some(last.to),
            to: CaseState::Arrived,
            ..last
        });
        f
    }

    #[test]
    fn unknown_steps_a_family_not_arrived_and_impossible_days_are_refused() {
        let be = belgium();
        let f = arrived();
        let e = f
            .check_after_arrival("biometrics", TODAY, &be, TODAY)
            .unwrap_err();
        assert_eq!((e.field.as_ref(), e.kind.as_str()), ("name", "not_in_list"));
        let e = tests_file()
            .check_after_arrival("asylum_registration", TODAY, &be, TODAY)
            .unwrap_err();
        assert_eq!(e.kind, RefusalKind::NotArrived);
        let e = f
            .check_after_arrival("asylum_registration", date!(2026 - 09 - 30), &be, TODAY)
            .unwrap_err();
        assert_eq!((e.field.as_ref(), e.kind.as_str()), ("done_on", "before"));
        let e = f
            .check_after_arrival("asylum_registration", date!(2026 - 11 - 24), &be, TODAY)
            .unwrap_err();
        assert_eq!(e.kind.as_str(), "in_future");
        f.check_after_arrival("asylum_registration", date!(2026 - 10 - 01), &be, TODAY)
            .unwrap();
    }

    #[test]
    fn each_step_counts_its_days_from_arrival() {
        let be = belgium();
        let mut f = arrived();
        f.after_arrival
            .insert("asylum_registration".into(), date!(2026 - 10 - 08));
        let steps = f.after_arrival_steps(&be);
        assert_eq!(
            steps.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            be.post_arrival_checks()
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
        );
        assert_eq!(steps[0].days_from_arrival, Some(7));
        assert!(steps[1..].iter().all(|s| s.done_on.is_none()));
    }

    proptest! {
        /// Any day and any name: taken exactly when the profile lists the name and the day
        /// lies between the arrival and today.
        #[test]
        fn taken_exactly_between_arrival_and_today(
            offset in -400i64..400,
            name in proptest::sample::select(vec!["asylum_registration", "refugee_certificate", "visa", ""]),
        ) {
            let be = belgium();
            let on = TODAY + time::Duration::days(offset);
            let listed = be.post_arrival_checks().iter().any(|c| c.name == name);
            let ok = listed && on <= TODAY && on >= date!(2026 - 10 - 01);
            prop_assert_eq!(arrived().check_after_arrival(name, on, &be, TODAY).is_ok(), ok);
        }
    }
}
