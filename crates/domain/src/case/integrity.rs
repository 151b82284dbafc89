//! The checks a whole case file must pass before it is stored, whichever way it comes in
//! (a submission, an import, the demo loader): the same rules a step through the app
//! applies, so no entry point can store what another would refuse.
use super::{CaseFile, check_reason};
use crate::ParseError;

impl CaseFile {
    /// Refuses a file whose history holds a step a user could not have taken: a decision,
    /// an ending or a step back without its reason. The error names the element
    /// (`events[3].reason`).
    pub fn check(&self) -> Result<(), ParseError> {
        for (i, e) in self.events.iter().enumerate() {
            if let Some(from) = e.from {
                check_reason(from, e.to, &e.reason)
                    .map_err(|r| r.within(format!("events[{i}]")))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::Value;
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
        }
    }

    #[test]
    fn a_file_of_possible_steps_passes() {
        file().check().unwrap();
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
            payload: Value::Null,
        });
        let e = f.check().unwrap_err();
        assert_eq!(e.field, "events[2].reason");
    }
}
