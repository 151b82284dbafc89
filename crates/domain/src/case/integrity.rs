//! The checks a whole case file must pass before it is stored, whichever way it comes in
//! (a submission, a step, a promise, an import, the demo loader): each record is checked
//! against today and against the case's own history by the same function, so no entry
//! point can store what another would refuse.
use std::collections::BTreeMap;

use time::Date;
use time::macros::format_description;

use super::{
    Case, CaseEvent, CaseFile, CaseState, FamilyMember, Promise, check_reason, check_reason_code,
};
use crate::ParseError;
use crate::calendar::{not_after, not_after_today, not_before};
use crate::policy::PolicyProfile;
use crate::reference;
use crate::refusal::{Anchor, RefusalKind};

/// The oldest age a date of birth may give: older is a typing error in the year.
pub const MAX_AGE: i32 = 120;

impl CaseFile {
    /// Refuses a file that holds what cannot be: a date after `today` or before what it
    /// follows (a birth after the submission, a step before it or before the step it
    /// follows, a promise for a day before it was made), a step a user could not have
    /// taken (a decision without its reason), a code nobody defined (a language outside
    /// ISO 639, a check `policy` does not have), or an outcome that cannot exist
    /// ([`crate::outcomes::FollowUp::check`]). The error names the element
    /// (`events[3].reason`, `members[1].date_of_birth`).
    pub fn check(&self, policy: &PolicyProfile, today: Date) -> Result<(), ParseError> {
        self.case.validate()?;
        self.case.check(today)?;
        for (i, e) in self.events.iter().enumerate() {
            let before = i.checked_sub(1).map(|b| &self.events[b]);
            e.check(&self.case, before, policy, today)
                .map_err(|r| r.within(format!("events[{i}]")))?;
        }
        for (i, p) in self.promises.iter().enumerate() {
            p.check(&self.case, policy, today)
                .map_err(|r| r.within(format!("promises[{i}]")))?;
        }
        for (i, r) in self.reunification.iter().enumerate() {
            r.check(&self.case, today)
                .map_err(|e| e.within(format!("reunification[{i}]")))?;
        }
        for (i, o) in self.outcomes.iter().enumerate() {
            o.check(self, today)
                .map_err(|r| r.within(format!("outcomes[{i}]")))?;
        }
        self.check_stays(today)
    }

    /// Refuses stays that cannot be ([`crate::reception::stay::check_stays`]), and a
    /// reception place that is not where the current stay is (a file without stays, from
    /// before they were kept, names its place alone).
    fn check_stays(&self, today: Date) -> Result<(), ParseError> {
        if self.stays.is_empty() {
            return Ok(());
        }
        crate::reception::stay::check_stays(&self.stays, self.arrived_on(), today)?;
        let here = self
            .current_stay()
            .filter(|s| s.kind.place_kind().is_some())
            .and_then(|s| s.place.as_deref());
        if self.reception_place.as_deref() != here {
            return Err(ParseError::of(
                "reception_place",
                RefusalKind::NotWhereStaying {
                    given: self.reception_place.clone(),
                    current: here.map(str::to_string),
                },
            ));
        }
        Ok(())
    }

    /// The pre-departure checks recorded in the history (`"checks": {name: date}` in step
    /// data), the latest date of each.
    pub fn checks_done(&self) -> BTreeMap<String, Date> {
        let mut done = BTreeMap::new();
        for e in &self.events {
            done.extend(e.checks().unwrap_or_default());
        }
        done
    }
}

impl Case {
    /// Refuses a submission dated after `today`, and a member born after `today`, after
    /// the submission, or more than [`MAX_AGE`] years before `today`.
    pub fn check(&self, today: Date) -> Result<(), ParseError> {
        not_after_today("submitted_on", self.submitted_on, today)?;
        for (i, m) in self.members.iter().enumerate() {
            m.check(self.submitted_on, today)
                .map_err(|r| r.within(format!("members[{i}]")))?;
        }
        Ok(())
    }
}

impl FamilyMember {
    /// Refuses a date of birth after `today` or after the case was `submitted_on` (UNHCR
    /// submits people already born), or one that would make the person older than
    /// [`MAX_AGE`]; and a language not written as its one code of the shipped list
    /// ([`reference::language`]).
    pub fn check(&self, submitted_on: Date, today: Date) -> Result<(), ParseError> {
        for given in &self.languages {
            let code = reference::language("languages", given)?;
            if code != given {
                return Err(ParseError::of(
                    "languages",
                    RefusalKind::NotStoredAsCode {
                        given: given.clone(),
                        code: code.to_string(),
                    },
                ));
            }
        }
        let born = self.date_of_birth;
        not_after_today("date_of_birth", born, today)?;
        not_after("date_of_birth", born, Anchor::Submitted, submitted_on)?;
        let age = self.age_on(today);
        if age > MAX_AGE {
            return Err(ParseError::of(
                "date_of_birth",
                RefusalKind::TooOld { day: born, age },
            ));
        }
        Ok(())
    }
}

impl CaseEvent {
    /// The pre-departure checks this step records as done (`"checks": {name: date}`).
    pub fn checks(&self) -> Result<BTreeMap<String, Date>, ParseError> {
        let Some(checks) = self.payload.get("checks").and_then(|c| c.as_object()) else {
            return Ok(BTreeMap::new());
        };
        checks
            .iter()
            .map(|(name, on)| {
                let day = on.as_str().and_then(|s| parse_day(s).ok()).ok_or_else(|| {
                    ParseError::of(
                        format!("checks.{name}"),
                        RefusalKind::NotADay {
                            given: on.as_str().map_or_else(|| on.to_string(), str::to_string),
                        },
                    )
                })?;
                Ok((name.clone(), day))
            })
            .collect()
    }

    /// Refuses a step of `case` dated after `today`, before the submission or before the
    /// day of the step `before` it; a step that needs a reason without one, or a reason
    /// code outside `policy`'s list for the step (a departure scheduled with a code is
    /// taken as one scheduled again after a slip); a check `policy` does not have, or
    /// recorded as done after the step or before the submission; a departure scheduled
    /// for a day before the step that set it.
    pub fn check(
        &self,
        case: &Case,
        before: Option<&CaseEvent>,
        policy: &PolicyProfile,
        today: Date,
    ) -> Result<(), ParseError> {
        let on = self.at.date();
        not_after_today("at", on, today)?;
        not_before("at", on, Anchor::Submitted, case.submitted_on)?;
        // By day, as histories are kept (an imported day's steps carry any time of day).
        if let Some(b) = before {
            not_before("at", on, Anchor::StepBefore, b.at.date())?;
        }
        if let Some(from) = self.from {
            check_reason(from, self.to, &self.reason)?;
            let code = self.reason_code.as_deref();
            let slip = self.to == CaseState::DepartureScheduled && code.is_some();
            check_reason_code(from, self.to, slip, code, &self.reason, policy)?;
        } else if self.reason_code.is_some() {
            return Err(ParseError::of(
                "reason_code",
                RefusalKind::NoReasonList {
                    from: self.to,
                    to: self.to,
                },
            ));
        }
        for (name, done) in self.checks()? {
            policy.check_pre_departure(&name)?;
            let within = |e: ParseError| ParseError {
                field: format!("checks.{name}").into(),
                ..e
            };
            not_before("checks", done, Anchor::Submitted, case.submitted_on).map_err(within)?;
            not_after("checks", done, Anchor::StepRecorded, on).map_err(within)?;
        }
        if let Some(d) = self.payload.get("departure_date") {
            let day = d.as_str().and_then(|s| parse_day(s).ok()).ok_or_else(|| {
                ParseError::of(
                    "departure_date",
                    RefusalKind::NotADay {
                        given: d.as_str().map_or_else(|| d.to_string(), str::to_string),
                    },
                )
            })?;
            not_before("departure_date", day, Anchor::DaySet, on)?;
        }
        Ok(())
    }
}

impl Promise {
    /// Refuses a promise of `case` made after `today` or before the case was submitted,
    /// for a day before it was made, or told to the family after `today` or before the
    /// case was submitted; and a slip whose reason code is not in `policy`'s slip list (or
    /// a code without a slip).
    pub fn check(
        &self,
        case: &Case,
        policy: &PolicyProfile,
        today: Date,
    ) -> Result<(), ParseError> {
        match (&self.slip_reason, self.slip_reason_code.as_deref()) {
            (Some(reason), code) => {
                policy.check_reason_code(crate::policy::ReasonList::Slip, code, reason)?;
            }
            (None, Some(_)) => return Err(ParseError::of("reason_code", RefusalKind::NoSlip)),
            (None, None) => {}
        }
        not_after_today("made_on", self.made_on, today)?;
        not_before(
            "made_on",
            self.made_on,
            Anchor::Submitted,
            case.submitted_on,
        )?;
        not_before(
            "promised_date",
            self.promised_date,
            Anchor::Promised,
            self.made_on,
        )?;
        if let Some(told) = self.family_notified_on {
            not_after_today("family_notified_on", told, today)?;
            not_before(
                "family_notified_on",
                told,
                Anchor::Submitted,
                case.submitted_on,
            )?;
        }
        Ok(())
    }
}

fn parse_day(s: &str) -> Result<Date, time::error::Parse> {
    Date::parse(s, format_description!("[year]-[month]-[day]"))
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{Value, json};
    use time::macros::{date, datetime};

    use super::*;
    use crate::case::{
        Case, CaseEvent, CaseNumber, CaseState, Channel, FamilyMember, Priority, Relationship, Sex,
        SubmissionCategory,
    };
    use crate::country::CountryCode;

    /// A family of two submitted on 2026-01-05 and moved to dossier review the day after.
    pub(crate) fn file() -> CaseFile {
        let member = |no, name: &str, born, relationship| FamilyMember {
            member_no: no,
            full_name: name.into(),
            date_of_birth: born,
            sex: Sex::Female,
            relationship,
            languages: vec!["ar".into()],
            education: None,
            occupation: None,
        };
        let event = |seq, at, from, to, reason: &str| CaseEvent {
            seq,
            at,
            actor: "test".into(),
            from,
            to,
            reason: reason.into(),
            reason_code: None,
            payload: Value::Null,
        };
        CaseFile {
            case: Case {
                case_number: CaseNumber::parse("TST-26C00001").unwrap(),
                programme: "BE".into(),
                country_of_asylum: CountryCode::parse("country_of_asylum", "LB").unwrap(),
                nationality: CountryCode::parse("nationality", "SY").unwrap(),
                categories: vec![SubmissionCategory::MedicalNeeds],
                priority: Priority::Normal,
                channel: Channel::Dossier,
                submitted_on: date!(2026 - 01 - 05),
                members: vec![
                    member(
                        1,
                        "Amal",
                        date!(1985 - 03 - 03),
                        Relationship::PrincipalApplicant,
                    ),
                    member(2, "Sara", date!(2015 - 03 - 03), Relationship::Child),
                ],
                linked_cases: vec![],
            },
            events: vec![
                event(
                    1,
                    datetime!(2026-01-05 09:00 UTC),
                    None,
                    CaseState::Submitted,
                    "submitted",
                ),
                event(
                    2,
                    datetime!(2026-01-06 09:00 UTC),
                    Some(CaseState::Submitted),
                    CaseState::DossierReview,
                    "",
                ),
            ],
            promises: vec![],
            medical: vec![],
            reunification: vec![],
            mission: None,
            reception_place: None,
            sponsor_group: None,
            support: None,
            outcomes: vec![],
            stays: vec![],
            after_arrival: Default::default(),
        }
    }

    const TODAY: Date = date!(2026 - 11 - 23);

    fn belgium() -> PolicyProfile {
        PolicyProfile::parse(include_str!("../../../../policies/belgium.toml")).unwrap()
    }

    /// The fixture, accepted in part (member 1 only), arrived on 2026-03-02 and taken to
    /// a centre that day.
    fn arrived() -> CaseFile {
        let mut f = file();
        let step = |seq, at, from, to, reason: &str, payload: Value| CaseEvent {
            seq,
            at,
            actor: "test".into(),
            from: Some(from),
            to,
            reason: reason.into(),
            reason_code: None,
            payload,
        };
        use CaseState::*;
        f.events.extend([
            step(
                3,
                datetime!(2026-01-20 09:00 UTC),
                DossierReview,
                AcceptedInPart,
                "protection",
                json!({"members_accepted": [1], "members_not_accepted": [2]}),
            ),
            step(
                4,
                datetime!(2026-01-21 09:00 UTC),
                AcceptedInPart,
                PreDeparture,
                "",
                Value::Null,
            ),
            step(
                5,
                datetime!(2026-02-01 09:00 UTC),
                PreDeparture,
                DepartureScheduled,
                "",
                json!({"departure_date": "2026-03-02"}),
            ),
            step(
                6,
                datetime!(2026-03-02 09:00 UTC),
                DepartureScheduled,
                Arrived,
                "",
                Value::Null,
            ),
            step(
                7,
                datetime!(2026-03-02 12:00 UTC),
                Arrived,
                InReception,
                "",
                Value::Null,
            ),
        ]);
        f.reception_place = Some("CENTRE-KAPELLEN".into());
        f.stays = vec![crate::reception::Stay {
            kind: crate::reception::StayKind::Centre,
            place: Some("CENTRE-KAPELLEN".into()),
            from: date!(2026 - 03 - 02),
            until: None,
            persons: 1,
            reason: String::new(),
            over_capacity_reason: None,
        }];
        f
    }

    #[test]
    fn stays_are_checked_with_the_file_and_name_the_current_place() {
        let f = arrived();
        f.check(&belgium(), TODAY).unwrap();
        assert_eq!(f.travelling(), [1], "member 2 was not accepted");
        let mut elsewhere = f.clone();
        elsewhere.reception_place = Some("LOI-GENT".into());
        assert_eq!(
            elsewhere.check(&belgium(), TODAY).unwrap_err().to_string(),
            "reception_place: LOI-GENT is not the place of the current stay (CENTRE-KAPELLEN)"
        );
        let mut early = f.clone();
        early.stays[0].from = date!(2026 - 03 - 01);
        assert_eq!(
            early.check(&belgium(), TODAY).unwrap_err().field,
            "stays[0].from"
        );
        let mut abroad = file();
        abroad.stays = f.stays.clone();
        assert!(abroad.check(&belgium(), TODAY).is_err(), "not arrived");
    }

    #[test]
    fn the_persons_who_travelled_are_those_accepted_unless_the_arrival_says_fewer() {
        let mut f = arrived();
        assert_eq!(f.check_travelled(None), Ok(vec![1]));
        assert_eq!(
            f.check_travelled(Some(&[2])).unwrap_err().to_string(),
            "members: \"2\" is not one of: 1"
        );
        f.events[2].payload = Value::Null;
        assert_eq!(f.travelling(), [1, 2], "no split decision: everyone");
        assert_eq!(f.check_travelled(Some(&[2])), Ok(vec![2]));
        assert!(f.check_travelled(Some(&[2, 2])).is_err());
        f.events[5].payload = json!({"members_travelled": [2]});
        assert_eq!(f.travelling(), [2], "the arrival says who travelled");
    }

    #[test]
    fn a_file_of_possible_steps_passes() {
        file().check(&belgium(), TODAY).unwrap();
    }

    #[test]
    fn an_imported_decision_without_a_reason_is_refused_naming_the_event() {
        let mut f = file();
        f.events.push(CaseEvent {
            seq: 3,
            at: datetime!(2026-02-01 09:00 UTC),
            actor: "test".into(),
            from: Some(CaseState::DossierReview),
            to: CaseState::Accepted,
            reason: " ".into(),
            reason_code: None,
            payload: Value::Null,
        });
        let e = f.check(&belgium(), TODAY).unwrap_err();
        assert_eq!(e.field, "events[2].reason");
    }

    #[test]
    fn an_imported_deferral_names_a_reason_of_the_profile_and_no_other_step_does() {
        let mut f = file();
        f.events.push(CaseEvent {
            seq: 3,
            at: datetime!(2026-02-01 09:00 UTC),
            actor: "test".into(),
            from: Some(CaseState::DossierReview),
            to: CaseState::Deferred,
            reason: "second interview in March".into(),
            reason_code: None,
            payload: Value::Null,
        });
        let e = f.check(&belgium(), TODAY).unwrap_err();
        assert_eq!(e.field, "events[2].reason_code");
        assert!(e.reason().contains("further_interview"), "{e}");
        f.events[2].reason_code = Some("visa".into());
        assert!(
            f.check(&belgium(), TODAY)
                .unwrap_err()
                .reason()
                .contains("\"visa\" is not a deferral reason")
        );
        f.events[2].reason_code = Some("further_interview".into());
        f.check(&belgium(), TODAY).unwrap();
        f.events[1].reason_code = Some("other".into());
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "events[1].reason_code"
        );
    }

    #[test]
    fn an_imported_slip_names_a_slip_reason() {
        let mut f = file();
        let promise = |slip_reason: Option<&str>, code: Option<&str>| Promise {
            kind: crate::case::PromiseKind::Departure,
            promised_date: date!(2026 - 12 - 15),
            made_on: date!(2026 - 11 - 01),
            slip_reason: slip_reason.map(Into::into),
            slip_reason_code: code.map(Into::into),
            family_notified_on: None,
        };
        f.promises = vec![promise(None, None), promise(Some("no seats"), None)];
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "promises[1].reason_code"
        );
        f.promises[1] = promise(Some("no seats"), Some("flight_availability"));
        f.check(&belgium(), TODAY).unwrap();
        f.promises[0] = promise(None, Some("visa"));
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "promises[0].reason_code"
        );
    }

    #[test]
    fn a_member_born_in_the_future_or_after_the_submission_is_refused() {
        let mut f = file();
        f.case.members[1].date_of_birth = date!(2027 - 03 - 01);
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().to_string(),
            "members[1].date_of_birth: 2027-03-01 is after today (2026-11-23)"
        );
        f.case.members[1].date_of_birth = date!(2026 - 03 - 01);
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().to_string(),
            "members[1].date_of_birth: 2026-03-01 is after the case was submitted (2026-01-05)"
        );
        f.case.members[1].date_of_birth = date!(1890 - 01 - 01);
        assert!(
            f.check(&belgium(), TODAY)
                .unwrap_err()
                .reason()
                .contains("136 years old")
        );
    }

    #[test]
    fn a_submission_after_today_is_refused() {
        let mut f = file();
        f.case.submitted_on = date!(2026 - 12 - 01);
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "submitted_on"
        );
    }

    #[test]
    fn steps_before_the_submission_or_the_step_before_them_are_refused() {
        let mut f = file();
        f.events[1].at = datetime!(2025-12-31 23:00 UTC);
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().to_string(),
            "events[1].at: 2025-12-31 is before the case was submitted (2026-01-05)"
        );
        // Earlier the same day is the same day; an earlier day is not.
        f.events[1].at = datetime!(2026-01-05 08:00 UTC);
        f.check(&belgium(), TODAY).unwrap();
        f.events[1].at = datetime!(2026-01-07 08:00 UTC);
        let mut third = f.events[1].clone();
        (third.seq, third.at) = (3, datetime!(2026-01-06 08:00 UTC));
        f.events.push(third);
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().to_string(),
            "events[2].at: 2026-01-06 is before the step before it (2026-01-07)"
        );
        f.events.pop();
        f.events[1].at = datetime!(2026-11-24 08:00 UTC);
        assert!(
            f.check(&belgium(), TODAY)
                .unwrap_err()
                .reason()
                .contains("after today")
        );
    }

    #[test]
    fn a_check_done_after_its_step_or_before_the_case_is_refused() {
        let mut f = file();
        f.events[1].payload = json!({"checks": {"humanitarian_visa": "2026-02-01"}});
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "events[1].checks.humanitarian_visa"
        );
        f.events[1].payload = json!({"checks": {"humanitarian_visa": "2025-02-01"}});
        assert!(
            f.check(&belgium(), TODAY)
                .unwrap_err()
                .reason()
                .contains("submitted")
        );
        f.events[1].payload = json!({"checks": {"humanitarian_visa": "soon"}});
        assert!(
            f.check(&belgium(), TODAY)
                .unwrap_err()
                .reason()
                .contains("not a day")
        );
        f.events[1].payload = json!({"checks": {"humanitarian_visa": "2026-01-06"}});
        f.check(&belgium(), TODAY).unwrap();
        assert_eq!(f.checks_done()["humanitarian_visa"], date!(2026 - 01 - 06));
    }

    #[test]
    fn a_promise_before_the_case_existed_or_for_a_day_already_past_is_refused() {
        let mut f = file();
        let promise = Promise {
            kind: crate::case::PromiseKind::Departure,
            promised_date: date!(2026 - 12 - 15),
            made_on: date!(2025 - 10 - 01),
            slip_reason: None,
            slip_reason_code: None,
            family_notified_on: None,
        };
        f.promises.push(promise.clone());
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().to_string(),
            "promises[0].made_on: 2025-10-01 is before the case was submitted (2026-01-05)"
        );
        f.promises[0] = Promise {
            made_on: date!(2026 - 11 - 01),
            promised_date: date!(2026 - 10 - 01),
            ..promise.clone()
        };
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "promises[0].promised_date"
        );
        f.promises[0] = Promise {
            made_on: date!(2026 - 11 - 01),
            family_notified_on: Some(date!(2026 - 11 - 30)),
            ..promise
        };
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "promises[0].family_notified_on"
        );
    }

    #[test]
    fn a_check_or_a_language_nobody_defined_is_refused() {
        let mut f = file();
        f.events[1].payload = json!({"checks": {"visa": "2026-01-06"}});
        let e = f.check(&belgium(), TODAY).unwrap_err();
        assert_eq!(e.field, "events[1].checks");
        assert!(
            e.reason().contains("\"visa\"") && e.reason().contains("humanitarian_visa"),
            "{e}"
        );
        let mut f = file();
        f.case.members[0].languages = vec!["klingonese".into()];
        assert_eq!(
            f.check(&belgium(), TODAY).unwrap_err().field,
            "members[0].languages"
        );
        f.case.members[0].languages = vec!["Arabic".into()];
        assert!(
            f.check(&belgium(), TODAY)
                .unwrap_err()
                .reason()
                .contains("\"ar\"")
        );
    }
}
