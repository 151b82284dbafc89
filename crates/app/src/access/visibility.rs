//! Which fields of a case each role sees. A field a role may not see is absent from the
//! answer, not blanked, so a client cannot tell an empty value from a withheld one.
//!
//! The table is the specification in `docs/security.md` ("Fields of a case"); the
//! authorisation matrix test reads the document and checks every role's answer against it.
use resettle_domain::access::Role;
use serde_json::Value;

use super::Caller;

const L: Role = Role::UnhcrLiaison;
const C: Role = Role::CaseOfficer;
const M: Role = Role::MedicalOfficer;
const R: Role = Role::ReceptionOfficer;
const U: Role = Role::Municipality;
const S: Role = Role::Sponsor;
const EVERY_CASE_ROLE: &[Role] = &[L, C, M, R, U, S];

/// Top-level fields of a case (`members.x` for a field of each family member) and the
/// roles that see them.
pub const CASE_FIELDS: &[(&str, &[Role])] = &[
    ("case_number", EVERY_CASE_ROLE),
    ("programme", EVERY_CASE_ROLE),
    ("state", EVERY_CASE_ROLE),
    ("stage", EVERY_CASE_ROLE),
    ("version", EVERY_CASE_ROLE),
    ("policy_profile", &[L, C, M, R]),
    ("country_of_asylum", &[L, C, R]),
    ("nationality", &[L, C, R, U]),
    ("categories", &[L, C]),
    ("priority", &[L, C, M, R]),
    ("channel", &[L, C, R]),
    ("submitted_on", &[L, C, R]),
    ("members", EVERY_CASE_ROLE),
    ("members.member_no", EVERY_CASE_ROLE),
    ("members.full_name", EVERY_CASE_ROLE),
    ("members.date_of_birth", &[L, C, M, R, U]),
    ("members.sex", EVERY_CASE_ROLE),
    ("members.relationship", EVERY_CASE_ROLE),
    ("members.languages", &[L, C, R, U, S]),
    ("members.education", &[L, C, U]),
    ("members.occupation", &[L, C, U]),
    ("care_needs", &[C, M, R, U]),
    ("linked_cases", &[L, C, R]),
    ("mission", &[L, C, R]),
    ("reception_place", &[C, R, U]),
    ("sponsor_group", &[C, R, S]),
    ("support", &[C, R, U, S]),
    ("promises", &[L, C, R, U, S]),
    ("slipped_promises", &[L, C, R]),
    ("reunification", &[C, R]),
    ("pre_departure", &[C, R]),
    ("waiting", &[L, C, R]),
    ("overdue", &[C, R]),
    ("allowed_transitions", &[L, C, R]),
    ("warnings", &[L, C]),
];

/// Whether any of the caller's roles sees a field.
pub fn sees(caller: &Caller, field: &str) -> bool {
    CASE_FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .is_some_and(|(_, roles)| roles.iter().any(|r| caller.has(*r)))
}

/// Removes from a serialised case every field the caller may not see, including fields of
/// each family member.
pub fn project(caller: &Caller, case: Value) -> Value {
    let Value::Object(map) = case else {
        return case;
    };
    let kept = map
        .into_iter()
        .filter(|(k, _)| sees(caller, k))
        .map(|(k, v)| {
            if k == "members" {
                (k, project_members(caller, v))
            } else {
                (k, v)
            }
        })
        .collect();
    Value::Object(kept)
}

fn project_members(caller: &Caller, members: Value) -> Value {
    let Value::Array(list) = members else {
        return members;
    };
    Value::Array(
        list.into_iter()
            .map(|m| match m {
                Value::Object(fields) => Value::Object(
                    fields
                        .into_iter()
                        .filter(|(k, _)| sees(caller, &format!("members.{k}")))
                        .collect(),
                ),
                other => other,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(roles: &[Role]) -> Caller {
        Caller {
            username: "u".into(),
            roles: roles.to_vec(),
            organisation: None,
            source: "test".into(),
        }
    }

    #[test]
    fn withheld_fields_are_absent_not_blank() {
        let case = serde_json::json!({
            "case_number": "X", "categories": ["SVT"], "members": [
                {"member_no": 1, "full_name": "A", "education": "primary", "languages": ["ar"]}
            ]
        });
        let sponsor = project(&caller(&[Role::Sponsor]), case.clone());
        assert_eq!(
            sponsor,
            serde_json::json!({"case_number": "X", "members": [
                {"member_no": 1, "full_name": "A", "languages": ["ar"]}
            ]})
        );
        let officer = project(&caller(&[Role::CaseOfficer]), case.clone());
        assert_eq!(officer, case);
    }

    #[test]
    fn roles_without_case_access_see_no_field() {
        for r in [Role::Admin, Role::Planner, Role::Auditor] {
            assert!(CASE_FIELDS.iter().all(|(_, roles)| !roles.contains(&r)));
        }
    }
}
