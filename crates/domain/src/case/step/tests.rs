//! The step function: each rule refuses with its typed reason, and any walk through the
//! lifecycle with the data each step needs is taken, under both shipped profiles.
use proptest::prelude::*;
use time::macros::{date, datetime};

use super::*;
use crate::case::{derive_state, reason_list, tests_file};
use crate::policy::{NameList, ReasonList};

const NOW: OffsetDateTime = datetime!(2026-11-23 10:00 UTC);

fn belgium() -> PolicyProfile {
    PolicyProfile::parse(include_str!("../../../../../policies/belgium.toml")).unwrap()
}

fn netherlands() -> PolicyProfile {
    PolicyProfile::parse(include_str!(
        "../../../../../policies/netherlands-2012.toml"
    ))
    .unwrap()
}

/// The test family of two, just submitted.
fn submitted() -> CaseFile {
    let mut f = tests_file();
    f.events.truncate(1);
    f
}

/// The file with `stepped` applied, as storage would keep it.
fn apply(mut f: CaseFile, stepped: Stepped) -> CaseFile {
    f.events.push(stepped.event);
    f.promises.extend(stepped.assignment.promise);
    f
}

/// A step to `to` with the data it needs under `policy` for a case in `from` whose
/// departure date was told before (`slip`), as a careful officer would give it.
fn careful(to: CaseState, from: CaseState, slip: bool, policy: &PolicyProfile) -> Step {
    use CaseState::*;
    let mut s = Step::new(to, "officer", format!("step to {to}"));
    let list =
        reason_list(from, to).or((slip && to == DepartureScheduled).then_some(ReasonList::Slip));
    s.reason_code = list.map(|l| policy.reasons().of(l)[0].code.clone());
    match to {
        Refused => s.grounds = vec![policy.refusal_grounds()[0].to_string()],
        AcceptedInPart => s.members = vec![1],
        InReception => s.reception_place = Some("CENTRE-1".into()),
        Housed => {
            s.address = Some("Rue Haute 1, 1000 Bruxelles".into());
            s.sponsor_group = Some("Group".into());
        }
        IntegrationSupport => s.provider = Some("Caritas".into()),
        DepartureScheduled => {
            s.departure_date = Some(NOW.date());
            s.checks = policy
                .pre_departure_checks()
                .iter()
                .map(|c| (c.name.clone(), NOW.date()))
                .collect();
        }
        _ => {}
    }
    s
}

fn refused(f: &CaseFile, step: &Step) -> Refusal {
    f.step(step, &belgium(), NOW).unwrap_err()
}

#[test]
fn a_step_the_profile_does_not_allow_lists_those_it_does() {
    let netherlands = netherlands();
    let mut f = submitted();
    for to in [CaseState::DossierReview, CaseState::Accepted] {
        let s = careful(to, f.state().unwrap(), false, &netherlands);
        f = apply(f.clone(), f.step(&s, &netherlands, NOW).unwrap());
    }
    let e = f
        .step(&Step::new(CaseState::Arrived, "o", ""), &netherlands, NOW)
        .unwrap_err();
    assert_eq!(e.field, "to");
    assert_eq!(
        e.kind,
        RefusalKind::StepNotAllowed {
            from: CaseState::Accepted,
            to: CaseState::Arrived,
            allowed: netherlands.next(CaseState::Accepted),
        }
    );
}

#[test]
fn each_step_is_refused_for_the_datum_it_lacks() {
    use CaseState::*;
    let f = tests_file(); // in dossier review
    let e = refused(&f, &Step::new(Refused, "o", "no protection need"));
    assert_eq!(
        (e.field.as_ref(), e.kind.as_str()),
        ("grounds", "none_chosen")
    );
    let mut s = Step::new(Refused, "o", "no protection need");
    s.grounds = vec!["integration_perspective".into()];
    let e = refused(&f, &s);
    assert_eq!(
        e.kind,
        RefusalKind::NotInList {
            given: "integration_perspective".into(),
            allowed: vec!["protection_need".into()],
            of: Vocabulary::Named(NameList::Check),
        },
        "Belgium has no integration check, so no refusal can cite it"
    );
    let mut s = Step::new(AcceptedInPart, "o", "one member excluded");
    s.members = vec![1, 2];
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::SplitDecision { members: 2 }
    );
    s.members = vec![3];
    assert_eq!(refused(&f, &s).kind.as_str(), "not_in_list");
    let e = refused(&f, &Step::new(Accepted, "o", " "));
    assert_eq!(
        (e.field.as_ref(), e.kind),
        (
            "reason",
            RefusalKind::DecisionWithoutReason { to: Accepted }
        )
    );
    let e = refused(&f, &Step::new(Deferred, "o", "waiting for UNHCR"));
    assert_eq!(
        (e.field.as_ref(), e.kind.as_str()),
        ("reason_code", "none_chosen")
    );
    let mut s = Step::new(Accepted, "o", "protection need established");
    s.reason_code = Some("other".into());
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::NoReasonList {
            from: DossierReview,
            to: Accepted
        }
    );
}

#[test]
fn departure_arrival_and_home_refuse_what_cannot_be() {
    use CaseState::*;
    let be = belgium();
    let mut f = tests_file();
    for to in [Accepted, PreDeparture] {
        let s = careful(to, f.state().unwrap(), false, &be);
        f = apply(f.clone(), f.step(&s, &be, NOW).unwrap());
    }
    let e = refused(&f, &Step::new(DepartureScheduled, "o", ""));
    assert_eq!(
        (e.field.as_ref(), e.kind),
        ("departure_date", RefusalKind::Missing)
    );
    let mut s = Step::new(DepartureScheduled, "o", "");
    s.departure_date = Some(date!(2026 - 12 - 15));
    s.checks
        .insert("cultural_orientation".into(), date!(2026 - 11 - 20));
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::ChecksOutstanding {
            missing: vec!["travel_authorisation".into(), "humanitarian_visa".into()]
        }
    );
    let s = careful(DepartureScheduled, PreDeparture, false, &be);
    f = apply(f.clone(), f.step(&s, &be, NOW).unwrap());
    let mut s = Step::new(Arrived, "o", "");
    s.arrived_on = Some(date!(2026 - 11 - 24));
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::InFuture {
            day: date!(2026 - 11 - 24),
            today: NOW.date()
        }
    );
    s.arrived_on = Some(date!(2026 - 11 - 01));
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::BeforeLastStep {
            day: date!(2026 - 11 - 01),
            last: NOW.date()
        }
    );
    s.arrived_on = None;
    f = apply(f.clone(), f.step(&s, &be, NOW).unwrap());
    let e = refused(&f, &Step::new(Housed, "o", ""));
    assert_eq!(
        (e.field.as_ref(), e.kind),
        (
            "sponsor_group",
            RefusalKind::ReceptionFirst {
                sponsor_exception: true
            }
        )
    );
    let mut s = careful(Housed, Arrived, false, &be);
    s.address = Some("x".repeat(ADDRESS_CHARS + 1));
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::TooLong {
            max: ADDRESS_CHARS,
            got: ADDRESS_CHARS + 1
        }
    );
}

#[test]
fn a_second_departure_date_is_a_slip_with_its_reason() {
    use CaseState::*;
    let be = belgium();
    let mut f = tests_file();
    for to in [Accepted, PreDeparture, DepartureScheduled, PreDeparture] {
        let slip = !f.promises.is_empty();
        let s = careful(to, f.state().unwrap(), slip, &be);
        f = apply(f.clone(), f.step(&s, &be, NOW).unwrap());
    }
    assert_eq!(
        f.events.last().unwrap().reason_code.as_deref(),
        Some("visa")
    );
    let mut s = careful(DepartureScheduled, PreDeparture, false, &be);
    let e = refused(&f, &s);
    assert_eq!(
        (e.field.as_ref(), e.kind.as_str()),
        ("reason_code", "none_chosen")
    );
    s.reason_code = Some("flight_availability".into());
    let stepped = f.step(&s, &be, NOW).unwrap();
    let promise = stepped.assignment.promise.unwrap();
    assert_eq!(
        promise.slip_reason_code.as_deref(),
        Some("flight_availability")
    );
    assert_eq!(
        stepped.event.reason_code.as_deref(),
        Some("flight_availability")
    );
}

/// A sponsorship that broke down (issue #19): the step back from the sponsor group's home
/// into reception names its reason from the profile's breakdown list, beside the words.
#[test]
fn a_step_back_into_reception_names_a_breakdown_reason_from_the_list() {
    use CaseState::*;
    let be = belgium();
    let mut f = tests_file();
    for to in [Accepted, PreDeparture, DepartureScheduled, Arrived, Housed] {
        let s = careful(to, f.state().unwrap(), false, &be);
        f = apply(f.clone(), f.step(&s, &be, NOW).unwrap());
    }
    let mut s = Step::new(InReception, "o", "the group dissolved");
    s.reception_place = Some("CENTRE-1".into());
    let e = refused(&f, &s);
    assert_eq!(
        (e.field.as_ref(), e.kind.as_str()),
        ("reason_code", "none_chosen")
    );
    s.reason_code = Some("flight_availability".into());
    let e = refused(&f, &s);
    assert_eq!(e.field, "reason_code");
    assert_eq!(
        e.kind,
        RefusalKind::NotInList {
            given: "flight_availability".into(),
            allowed: be
                .reasons()
                .of(ReasonList::Breakdown)
                .iter()
                .map(|r| r.code.clone())
                .collect(),
            of: Vocabulary::Named(NameList::Reason(ReasonList::Breakdown)),
        },
        "a slip reason is no breakdown reason"
    );
    s.reason_code = Some("group_dissolved".into());
    s.reason = " ".into();
    assert_eq!(
        refused(&f, &s).kind,
        RefusalKind::StepBackWithoutReason,
        "the stay in reception it begins records the words"
    );
    s.reason = "the group dissolved".into();
    let stepped = f.step(&s, &be, NOW).unwrap();
    assert_eq!(
        stepped.event.reason_code.as_deref(),
        Some("group_dissolved")
    );
    assert_eq!(stepped.event.reason_list(), Some(ReasonList::Breakdown));
}

proptest! {
    /// Any walk through the lifecycle, each step with the data it needs, is taken under
    /// either shipped profile; its events replay to the state it reached, numbered in
    /// order and never going back in time. A step to any state the profile does not offer
    /// from there is refused on `to`, listing the states it does.
    #[test]
    fn any_careful_walk_is_taken_and_any_other_step_refused(
        dutch in any::<bool>(),
        choices in proptest::collection::vec(0usize..8, 0..20),
        forged in 0usize..17,
    ) {
        let policy = if dutch { netherlands() } else { belgium() };
        let mut f = submitted();
        for c in choices {
            let from = f.state().unwrap();
            let next = policy.next(from);
            if next.is_empty() {
                break;
            }
            let forged_to = CaseState::ALL[forged];
            if !next.contains(&forged_to) {
                let e = f.step(&careful(forged_to, from, true, &policy), &policy, NOW).unwrap_err();
                prop_assert_eq!(e.field.as_ref(), "to");
                prop_assert_eq!(e.kind, RefusalKind::StepNotAllowed { from, to: forged_to, allowed: next.clone() });
            }
            let to = next[c % next.len()];
            let slip = f.promises.iter().any(|p| p.kind == PromiseKind::Departure);
            let stepped = f
                .step(&careful(to, from, slip, &policy), &policy, NOW)
                .map_err(|e| TestCaseError::fail(format!("{from} -> {to}: {e}")))?;
            prop_assert_eq!(stepped.event.seq as usize, f.events.len() + 1);
            prop_assert!(stepped.event.at >= f.events.last().unwrap().at);
            prop_assert_eq!(stepped.event.from, Some(from));
            f = apply(f, stepped);
            prop_assert_eq!(derive_state(&f.events).unwrap(), to);
        }
        f.check(&policy, NOW.date()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
}

/// Family unity (§3.4): a split decision opens a reunification request for each member not
/// accepted, an arrival one for each accepted member who did not travel; each is filed on
/// the step's day and due within the profile's limit.
#[test]
fn members_left_behind_get_a_reunification_request_each() {
    use CaseState::*;
    let be = belgium();
    let f = tests_file(); // in dossier review, a family of two
    let mut s = Step::new(AcceptedInPart, "o", "one member excluded");
    s.members = vec![1];
    let stepped = f.step(&s, &be, NOW).unwrap();
    let left = &f.case.members[1];
    let opened = &stepped.assignment.reunification;
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].relative_name, left.full_name);
    assert_eq!(opened[0].location, f.case.country_of_asylum);
    assert_eq!(opened[0].requested_on, NOW.date());
    assert_eq!(
        opened[0].due_on,
        Some(NOW.date() + time::Duration::days(183))
    );
    assert_eq!(
        opened[0].status,
        crate::reunification::ReunificationStatus::Requested
    );

    // The whole family accepted, one member stays behind at departure.
    let mut f = tests_file();
    for to in [Accepted, PreDeparture, DepartureScheduled] {
        let s = careful(to, f.state().unwrap(), false, &be);
        let stepped = f.step(&s, &be, NOW).unwrap();
        assert!(stepped.assignment.reunification.is_empty());
        f = apply(f.clone(), stepped);
    }
    let all = Step::new(Arrived, "o", "");
    assert!(
        f.step(&all, &be, NOW)
            .unwrap()
            .assignment
            .reunification
            .is_empty()
    );
    let mut s = Step::new(Arrived, "o", "");
    s.members = vec![1];
    let opened = f.step(&s, &be, NOW).unwrap().assignment.reunification;
    assert_eq!(
        opened.iter().map(|r| &r.relative_name).collect::<Vec<_>>(),
        vec![&left.full_name]
    );
}
