//! Which fields of a case each role sees. A field a role may not see is absent from the
//! answer, not blanked, so a client cannot tell an empty value from a withheld one.
//!
//! The table is the specification in `docs/security.md` ("Fields of a case"); the
//! authorisation matrix test reads the document and checks every role's answer against it.
use resettle_domain::access::Role;
use resettle_domain::case::{CaseEvent, CaseState, Stage};
use resettle_domain::policy::ReasonList;
use serde_json::Value;

use super::Caller;

const L: Role = Role::UnhcrLiaison;
const C: Role = Role::CaseOfficer;
const M: Role = Role::MedicalOfficer;
const R: Role = Role::ReceptionOfficer;
const U: Role = Role::Municipality;
const S: Role = Role::Sponsor;
const P: Role = Role::SupportProvider;
const EVERY_CASE_ROLE: &[Role] = &[L, C, M, R, U, S, P];

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
    ("members.age", EVERY_CASE_ROLE),
    ("members.sex", EVERY_CASE_ROLE),
    ("members.relationship", EVERY_CASE_ROLE),
    ("members.languages", &[L, C, R, U, S, P]),
    ("members.education", &[L, C, U, P]),
    ("members.occupation", &[L, C, U, P]),
    ("care_needs", &[C, M, R, U]),
    ("linked_cases", &[L, C, R]),
    ("mission", &[L, C, R]),
    ("arrived_on", &[L, C, R, U, S, P]),
    ("reception_place", &[C, R, U]),
    ("stays", &[C, R, U]),
    ("sponsor_group", &[C, R, S]),
    ("address", &[C, R, U, S, P]),
    ("support", &[C, R, U, S, P]),
    ("promises", &[L, C, R, U, S]),
    ("contact", &[C, R]),
    ("notices", &[C, R]),
    ("slipped_promises", &[L, C, R]),
    ("held_promises", &[L, C, R, U, S]),
    ("reunification", &[C, R, P]),
    ("pre_departure", &[C, R]),
    ("after_arrival", &[C, R, U, P]),
    ("waiting", &[L, C, R]),
    ("overdue", &[C, R]),
    ("outcomes", &[C, R, U, P]),
    ("allowed_transitions", &[L, C, R]),
    ("warnings", &[L, C]),
];

/// The fields of its own case a family sees on its status page: where the case stands
/// and the dates promised to it, which it was told anyway. Nothing else: no category, no
/// ground, nothing medical, no staff name, and no place or address (a code passed on must
/// not lead anyone to where a family lives).
pub const FAMILY_FIELDS: &[&str] = &["case_number", "state", "stage", "promises"];

/// The keys of an event's step data a family sees: the dates told to it. Check dates,
/// places, grounds and the address stay with staff. (Why a date moved reaches the family
/// as the event's reason code from the slip list, worded in its language.)
pub const FAMILY_EVENT_KEYS: &[&str] = &["departure_date", "promised_date"];

/// Whom a case is shown to: staff, by the roles of the caller, or the family itself on
/// its status page, by [`FAMILY_FIELDS`].
#[derive(Debug, Clone, Copy)]
pub enum Audience<'a> {
    /// A member of staff (or the operator), by their roles.
    Staff(&'a Caller),
    /// The family of the case, signed in with its access code.
    Family,
}

impl Audience<'_> {
    /// Whether this audience sees a field of the case.
    pub fn sees(self, field: &str) -> bool {
        match self {
            Audience::Staff(caller) => sees(caller, field),
            Audience::Family => FAMILY_FIELDS.contains(&field),
        }
    }
}

impl<'a> From<&'a Caller> for Audience<'a> {
    fn from(caller: &'a Caller) -> Self {
        Audience::Staff(caller)
    }
}

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

/// The case field each key of an event's step data belongs to: a role sees the key only
/// if it sees that field on the case. Refusal grounds and what a cancelled mission meant
/// are the decision's substance, seen by the decision's parties as the categories are.
/// A key not in this table is shown to nobody, so new step data is withheld until it is
/// classified here.
pub const EVENT_PAYLOAD_FIELDS: &[(&str, &str)] = &[
    ("checks", "pre_departure"),
    ("departure_date", "pre_departure"),
    ("promised_date", "pre_departure"),
    ("grounds", "categories"),
    ("members_not_accepted", "categories"),
    ("mission_cancelled", "categories"),
    ("members_accepted", "members"),
    ("members_travelled", "members"),
    ("reception_place", "reception_place"),
    ("place", "reception_place"),
    ("from_place", "reception_place"),
    ("over_capacity_reason", "reception_place"),
    ("municipality", "reception_place"),
    ("sponsor_group", "sponsor_group"),
    ("address", "address"),
];

/// The case field an event's reason belongs to, from the stage the step concerns: a slip
/// back to pre-departure may name a medical clearance, a move into a home names the
/// municipality, a decision its grounds. An ending belongs to the stage it ended.
fn reason_field(e: &CaseEvent) -> &'static str {
    let stage = match (e.to.stage(), e.from) {
        (Stage::Ended, Some(from)) => from.stage(),
        (stage, _) => stage,
    };
    match stage {
        Stage::Assessment | Stage::Ended => "categories",
        Stage::PreDeparture if matches!(e.to, CaseState::Accepted | CaseState::AcceptedInPart) => {
            "categories"
        }
        Stage::PreDeparture | Stage::Travel => "pre_departure",
        Stage::Reception => "reception_place",
        Stage::Integration => "support",
    }
}

/// An event of a case's timeline with only what the audience may see. Staff: its step
/// data by [`EVENT_PAYLOAD_FIELDS`], its reason and reason code by the stage it concerns
/// (withheld as absent text); who acted, when, and from which state to which stay. The
/// family: when, from which state to which, the keys of [`FAMILY_EVENT_KEYS`] and a slip's
/// reason code; never the reason in staff's own words nor who acted.
pub fn project_event<'a>(audience: impl Into<Audience<'a>>, mut e: CaseEvent) -> CaseEvent {
    let audience = audience.into();
    let family = matches!(audience, Audience::Family);
    if family || !audience.sees(reason_field(&e)) {
        e.reason = String::new();
        // The family reads why its date moved, as the slip list's code worded in its own
        // language; any other code (a deferral's, a withdrawal's) stays with staff.
        if !(family && e.reason_list() == Some(ReasonList::Slip)) {
            e.reason_code = None;
        }
    }
    if family {
        e.actor = String::new();
    }
    if let Value::Object(map) = e.payload {
        e.payload = Value::Object(
            map.into_iter()
                .filter(|(k, _)| match audience {
                    Audience::Family => FAMILY_EVENT_KEYS.contains(&k.as_str()),
                    Audience::Staff(caller) => EVENT_PAYLOAD_FIELDS
                        .iter()
                        .find(|(key, _)| key == k)
                        .is_some_and(|(_, field)| sees(caller, field)),
                })
                .collect(),
        );
    }
    e
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

    /// Every kind of step data the demo's histories and the lifecycle record is classified,
    /// so none is withheld from the roles that should see it by oversight.
    #[test]
    fn every_key_of_step_data_is_classified() {
        let demo = resettle_demo::generate(&resettle_demo::DemoConfig {
            cases: 300,
            ..Default::default()
        });
        for file in &demo.cases {
            for e in &file.events {
                for key in e.payload.as_object().into_iter().flat_map(|m| m.keys()) {
                    assert!(
                        EVENT_PAYLOAD_FIELDS.iter().any(|(k, _)| k == key),
                        "{key} of an event to {} is in no row of EVENT_PAYLOAD_FIELDS",
                        e.to
                    );
                }
            }
        }
        for (_, field) in EVENT_PAYLOAD_FIELDS {
            assert!(CASE_FIELDS.iter().any(|(f, _)| f == field), "{field}");
        }
    }

    #[test]
    fn a_liaison_sees_no_medical_slip_reason_nor_the_home_address() {
        let event = |from, to, reason: &str, payload| CaseEvent {
            seq: 2,
            at: time::macros::datetime!(2026-01-01 0:00 UTC),
            actor: "Fedasil".into(),
            from: Some(from),
            to,
            reason: reason.into(),
            reason_code: Some("medical_clearance".into()),
            payload,
        };
        let slip = event(
            CaseState::DepartureScheduled,
            CaseState::PreDeparture,
            "medical clearance pending after the IOM health assessment",
            serde_json::json!({"promised_date": "2026-01-20"}),
        );
        let home = event(
            CaseState::InReception,
            CaseState::Housed,
            "moved into a home in Gent",
            serde_json::json!({
                "municipality": "Gent", "from_place": "LOI-1", "address": "Veldstraat 1, 9000 Gent"
            }),
        );
        let liaison = caller(&[Role::UnhcrLiaison]);
        for e in [slip.clone(), home.clone()] {
            let seen = project_event(&liaison, e);
            assert_eq!((seen.reason.as_str(), seen.reason_code), ("", None));
            assert_eq!(seen.payload, serde_json::json!({}));
        }
        let officer = caller(&[Role::CaseOfficer]);
        assert_eq!(project_event(&officer, slip.clone()), slip);
        assert_eq!(project_event(&officer, home.clone()), home);
        let reception = caller(&[Role::ReceptionOfficer]);
        assert_eq!(project_event(&reception, home.clone()), home);
        // A sponsor group supports the family at home: it sees the address, not the place.
        let sponsor = project_event(&caller(&[Role::Sponsor]), home);
        assert_eq!(
            sponsor.payload,
            serde_json::json!({"address": "Veldstraat 1, 9000 Gent"})
        );
    }

    /// The family reads when each step was taken, the dates it was told and why a date
    /// moved (the slip list's code), never who took the step, staff's words, other reason
    /// codes, grounds, check dates, places or the address.
    #[test]
    fn the_family_sees_steps_dates_and_slips_but_no_names_reasons_or_places() {
        let event = |from, to, reason: &str, code: Option<&str>, payload| CaseEvent {
            seq: 2,
            at: time::macros::datetime!(2026-01-01 0:00 UTC),
            actor: "ana.peeters".into(),
            from: Some(from),
            to,
            reason: reason.into(),
            reason_code: code.map(str::to_string),
            payload,
        };
        let slip = project_event(
            Audience::Family,
            event(
                CaseState::DepartureScheduled,
                CaseState::PreDeparture,
                "medical clearance pending after the IOM health assessment",
                Some("medical_clearance"),
                serde_json::json!({"promised_date": "2026-02-01",
                                   "checks": {"medical_check": "2025-12-20"}}),
            ),
        );
        assert_eq!((slip.actor.as_str(), slip.reason.as_str()), ("", ""));
        assert_eq!(slip.reason_code.as_deref(), Some("medical_clearance"));
        assert_eq!(
            slip.payload,
            serde_json::json!({"promised_date": "2026-02-01"})
        );
        let deferral = project_event(
            Audience::Family,
            event(
                CaseState::Interviewed,
                CaseState::Deferred,
                "the interpreter doubted the account",
                Some("more_information"),
                serde_json::json!({}),
            ),
        );
        assert_eq!((deferral.reason.as_str(), deferral.reason_code), ("", None));
        let refusal = project_event(
            Audience::Family,
            event(
                CaseState::Interviewed,
                CaseState::Refused,
                "exclusion under article 1F",
                None,
                serde_json::json!({"grounds": ["exclusion_1f"]}),
            ),
        );
        assert_eq!(refusal.to, CaseState::Refused);
        assert_eq!(refusal.reason, "");
        assert_eq!(refusal.payload, serde_json::json!({}));
        let home = project_event(
            Audience::Family,
            event(
                CaseState::InReception,
                CaseState::Housed,
                "moved into a home in Gent",
                None,
                serde_json::json!({"address": "Veldstraat 1, 9000 Gent", "municipality": "Gent"}),
            ),
        );
        assert_eq!(home.payload, serde_json::json!({}));
        for field in [
            "categories",
            "care_needs",
            "address",
            "reception_place",
            "members",
        ] {
            assert!(!Audience::Family.sees(field), "{field}");
        }
        for field in FAMILY_FIELDS {
            assert!(CASE_FIELDS.iter().any(|(f, _)| f == field), "{field}");
        }
        for key in FAMILY_EVENT_KEYS {
            assert!(EVENT_PAYLOAD_FIELDS.iter().any(|(k, _)| k == key), "{key}");
        }
    }

    #[test]
    fn roles_without_case_access_see_no_field() {
        for r in [Role::Admin, Role::Planner, Role::Auditor] {
            assert!(CASE_FIELDS.iter().all(|(_, roles)| !roles.contains(&r)));
        }
    }
}
