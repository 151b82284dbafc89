//! The case lifecycle through the app layer, on SQLite and a real PostgreSQL, under both
//! shipped policy profiles: random walks through the allowed steps, with forged and stale
//! steps thrown in, and after every step the stored state must equal the state derived
//! from the events.
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use resettle_app::cases::{NewCase, NewMember, TransitionRequest};
use resettle_app::{App, AppError, DemoConfig};
use resettle_domain::case::{CaseState, PromiseKind, derive_state, reason_list};
use resettle_domain::policy::ReasonList;
use resettle_domain::reception::PlaceKind;
use time::macros::date;

use crate::common::open;

fn new_case(number: &str, programme: &str) -> NewCase {
    let member = |name: &str, relationship: &str, year: i32| NewMember {
        full_name: name.into(),
        date_of_birth: time::Date::from_calendar_date(year, time::Month::March, 3).unwrap(),
        sex: resettle_domain::case::Sex::Female,
        relationship: relationship.parse().unwrap(),
        languages: vec!["ar".into()],
        education: None,
        occupation: None,
    };
    NewCase {
        case_number: number.into(),
        programme: programme.into(),
        country_of_asylum: "LB".into(),
        nationality: "SY".into(),
        categories: vec![
            resettle_domain::case::SubmissionCategory::MedicalNeeds,
            resettle_domain::case::SubmissionCategory::LegalPhysicalProtection,
        ],
        priority: resettle_domain::case::Priority::Normal,
        channel: resettle_domain::case::Channel::Mission,
        submitted_on: Some(date!(2026 - 01 - 05)),
        members: vec![
            member("Amal Test", "principal_applicant", 1985),
            member("Omar Test", "child", 2012),
            member("Sara Test", "child", 2015),
        ],
        linked_cases: vec![],
    }
}

/// What a walk needs to give each step its data.
struct Ctx {
    place: String,
    ground: String,
    profile: std::sync::Arc<resettle_domain::policy::PolicyProfile>,
    sponsor: Option<String>,
}

/// The step data a move to `to` needs under the walk's profile: its pre-departure checks
/// done today, and (where the profile has reception) a sponsor group, so a family may go
/// straight home.
fn request(to: CaseState, version: i64, ctx: &Ctx) -> TransitionRequest {
    use CaseState::*;
    let today = resettle_testkit::TODAY;
    TransitionRequest {
        reason: format!("test step to {to}"),
        grounds: (to == Refused).then(|| vec![ctx.ground.clone()]),
        members: (to == AcceptedInPart).then(|| vec![1, 2]),
        reception_place: (to == InReception).then(|| ctx.place.clone()),
        // Every walk takes its family into the same place, which fills up.
        over_capacity_reason: (to == InReception).then(|| "the walks share a place".into()),
        sponsor_group: (to == Housed).then(|| ctx.sponsor.clone()).flatten(),
        provider: (to == IntegrationSupport).then(|| "Caritas International".to_string()),
        // Today: the family arrives on the day the walk takes the next step, never before
        // the date it was told.
        departure_date: (to == DepartureScheduled).then_some(today),
        address: (to == Housed).then(|| "Rue Haute 1, 1000 Bruxelles".to_string()),
        checks: (to == DepartureScheduled).then(|| {
            ctx.profile
                .pre_departure_checks()
                .iter()
                .map(|c| (c.name.clone(), today))
                .collect()
        }),
        ..TransitionRequest::to(to, version)
    }
}

/// `req`, a move from `from`, with the reason code it needs under the walk's profile: the
/// first of the profile's list where one applies (a deferral, a withdrawal, a departure
/// called off, or one scheduled again after a date was told, `slip`).
fn coded(mut req: TransitionRequest, from: CaseState, slip: bool, ctx: &Ctx) -> TransitionRequest {
    let to = req.to;
    let list = reason_list(from, to)
        .or((slip && to == CaseState::DepartureScheduled).then_some(ReasonList::Slip));
    req.reason_code = list.map(|l| ctx.profile.reasons().of(l)[0].code.clone());
    req
}

/// Loads a small demo caseload (Belgian programme, places, sponsor groups) on the fixed day.
async fn load_demo(app: &App, seed: u64, cases: usize) {
    let config = DemoConfig {
        seed,
        cases,
        as_of: resettle_testkit::TODAY,
    };
    app.load_demo(&config, false).await.unwrap();
}

/// Moves a freshly submitted case through `steps`, each of which must be allowed.
async fn take_steps(app: &App, number: &str, steps: &[CaseState], ctx: &Ctx) {
    let mut from = CaseState::INITIAL;
    for (i, &to) in steps.iter().enumerate() {
        let slip = steps[..i].contains(&CaseState::DepartureScheduled);
        let req = coded(request(to, i as i64 + 1, ctx), from, slip, ctx);
        from = to;
        app.transition(&op(), number, &req)
            .await
            .unwrap_or_else(|e| panic!("{number} → {to}: {e}"));
    }
}

async fn check_consistent(app: &App, number: &str) -> (CaseState, i64, Vec<CaseState>) {
    let view = app.case_full(&op(), number).await.unwrap();
    let events = app.case_events(&op(), number).await.unwrap();
    assert_eq!(
        derive_state(&events).unwrap(),
        view.state,
        "derived ≠ stored for {number}"
    );
    assert_eq!(
        events.len() as i64,
        view.version,
        "version counts the events of {number}"
    );
    (view.state, view.version, view.allowed_transitions)
}

async fn walk(app: &App, number: &str, programme: &str, choices: &[usize], ctx: &Ctx) {
    app.create_case(&op(), new_case(number, programme))
        .await
        .unwrap();
    for &c in choices {
        let (state, version, allowed) = check_consistent(app, number).await;
        if allowed.is_empty() {
            assert!(state.is_terminal());
            break;
        }
        // A forged step and a stale one are refused and change nothing.
        if let Some(&illegal) = CaseState::ALL.iter().find(|s| !allowed.contains(s)) {
            let e = app
                .transition(&op(), number, &request(illegal, version, ctx))
                .await
                .unwrap_err();
            assert!(matches!(e, AppError::Refused(_)), "{e}");
        }
        let stale = app
            .transition(&op(), number, &request(allowed[0], version - 1, ctx))
            .await
            .unwrap_err();
        assert!(
            matches!(&stale, AppError::Refused(r) if r.kind.as_str() == "changed_since"),
            "{stale}"
        );
        assert_eq!(
            check_consistent(app, number).await.1,
            version,
            "a refused step changed {number}"
        );

        let to = allowed[c % allowed.len()];
        let slip = app
            .case_full(&op(), number)
            .await
            .unwrap()
            .promises
            .iter()
            .any(|p| p.kind == PromiseKind::Departure);
        let moved = app
            .transition(
                &op(),
                number,
                &coded(request(to, version, ctx), state, slip, ctx),
            )
            .await
            .unwrap_or_else(|e| panic!("{number}: {state} → {to} refused: {e}"));
        assert_eq!((moved.state, moved.version), (to, version + 1));
    }
    check_consistent(app, number).await;
}

#[test]
fn random_walks_keep_stored_and_derived_state_equal_on_both_backends_and_profiles() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for db in resettle_testkit::databases() {
        let app = rt.block_on(async {
            let app = open(&db.url).await;
            load_demo(&app, 3, 40).await;
            app.add_programme(&op(), "NL", "Dutch programme", "NL", "netherlands-2012")
                .await
                .unwrap();
            app
        });
        let (place, sponsor) = rt.block_on(async {
            let list = app
                .list_cases(
                    &op(),
                    &resettle_app::cases::CaseQuery {
                        state: Some(resettle_domain::case::CaseState::InReception),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            let place = app
                .case_full(&op(), &list.items[0].case_number)
                .await
                .unwrap()
                .reception_place
                .unwrap();
            (
                place,
                app.sponsor_groups(&op()).await.unwrap()[0]
                    .group
                    .name
                    .clone(),
            )
        });
        let mut runner = TestRunner::new(Config {
            cases: 12,
            ..Config::default()
        });
        let n = std::sync::atomic::AtomicU32::new(0);
        runner
            .run(
                &(proptest::collection::vec(0usize..6, 4..16), any::<bool>()),
                |(choices, dutch)| {
                    let k = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    let number = format!("TST-26C{k:05}");
                    // The Dutch walk refuses on the integration-perspective check, which only
                    // that profile has; the Belgian on its first ground.
                    let (programme, profile, ground, sponsor) = if dutch {
                        (
                            "NL",
                            "netherlands-2012",
                            "integration_perspective".to_string(),
                            None,
                        )
                    } else {
                        let be = resettle_app::policies::named("belgium").unwrap();
                        (
                            "BE",
                            "belgium",
                            be.refusal_grounds()[0].to_string(),
                            Some(sponsor.clone()),
                        )
                    };
                    let ctx = Ctx {
                        place: place.clone(),
                        ground,
                        profile: resettle_app::policies::named(profile).unwrap(),
                        sponsor,
                    };
                    rt.block_on(walk(&app, &number, programme, &choices, &ctx));
                    Ok(())
                },
            )
            .unwrap_or_else(|e| panic!("{}: {e}", db.backend));
    }
}

#[test]
fn the_two_profiles_receive_families_differently() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = resettle_testkit::sqlite();
    rt.block_on(async {
        let app = open(&db.url).await;
        app.add_programme(&op(), "NL", "Dutch programme", "NL", "netherlands-2012")
            .await
            .unwrap();
        app.create_case(&op(), new_case("TST-26C00001", "NL"))
            .await
            .unwrap();
        let steps = [
            CaseState::ScheduledForMission,
            CaseState::Interviewed,
            CaseState::Accepted,
            CaseState::PreDeparture,
            CaseState::DepartureScheduled,
            CaseState::Arrived,
        ];
        let ctx = Ctx {
            place: String::new(),
            ground: String::new(),
            profile: resettle_app::policies::named("netherlands-2012").unwrap(),
            sponsor: None,
        };
        take_steps(&app, "TST-26C00001", &steps, &ctx).await;
        let view = app.case_full(&op(), "TST-26C00001").await.unwrap();
        assert_eq!(
            view.allowed_transitions,
            [CaseState::Housed, CaseState::Deceased]
        );
        let e = app
            .transition(
                &op(),
                "TST-26C00001",
                &request(CaseState::InReception, 7, &ctx),
            )
            .await
            .unwrap_err()
            .to_string();
        assert!(e.contains("arrived") && e.contains("housed"), "{e}");
    });
}

/// A deferral, a withdrawal and a departure date that moves name their reason from the
/// profile's list (as well as in words): a missing code, a code from no list and a code
/// given where no list applies are refused naming `reason_code`, and change nothing.
#[test]
fn deferrals_withdrawals_and_slips_name_a_reason_of_the_profile() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = resettle_testkit::sqlite();
    rt.block_on(async {
        let app = open(&db.url).await;
        app.add_programme(&op(), "BE", "Belgian programme", "BE", "belgium")
            .await
            .unwrap();
        app.create_case(&op(), new_case("TST-26C00011", "BE"))
            .await
            .unwrap();
        let ctx = Ctx {
            place: String::new(),
            ground: String::new(),
            profile: resettle_app::policies::named("belgium").unwrap(),
            sponsor: None,
        };
        take_steps(&app, "TST-26C00011", &[CaseState::DossierReview], &ctx).await;
        let refused = |req: TransitionRequest| {
            let app = &app;
            async move {
                let e = app
                    .transition(&op(), "TST-26C00011", &req)
                    .await
                    .unwrap_err();
                let view = app.case_full(&op(), "TST-26C00011").await.unwrap();
                assert_eq!(view.version, 2, "a refused step changed the case: {e}");
                e.to_string()
            }
        };
        let defer = request(CaseState::Deferred, 2, &ctx);
        let e = refused(defer.clone()).await;
        assert!(
            e.starts_with("reason_code: ") && e.contains("further_interview"),
            "{e}"
        );
        let e = refused(TransitionRequest {
            reason_code: Some("visa".into()),
            ..defer.clone()
        })
        .await;
        assert!(
            e.contains("\"visa\" is not a deferral reason of the profile"),
            "{e}"
        );
        let e = refused(TransitionRequest {
            reason_code: Some("other".into()),
            ..request(CaseState::Accepted, 2, &ctx)
        })
        .await;
        assert!(e.starts_with("reason_code: "), "{e}");
        app.transition(
            &op(),
            "TST-26C00011",
            &TransitionRequest {
                reason_code: Some("security_screening".into()),
                ..defer
            },
        )
        .await
        .unwrap();
        let events = app.case_events(&op(), "TST-26C00011").await.unwrap();
        assert_eq!(
            events.last().unwrap().reason_code.as_deref(),
            Some("security_screening")
        );

        // A second departure date is a slip: the promise names a slip reason.
        app.create_case(&op(), new_case("TST-26C00012", "BE"))
            .await
            .unwrap();
        let steps = [
            CaseState::DossierReview,
            CaseState::Accepted,
            CaseState::PreDeparture,
            CaseState::DepartureScheduled,
        ];
        take_steps(&app, "TST-26C00012", &steps, &ctx).await;
        let promise = |code: Option<&str>| resettle_app::cases::NewPromise {
            kind: resettle_domain::case::PromiseKind::Departure,
            promised_date: date!(2027 - 01 - 15),
            reason: Some("no seats on the charter".into()),
            reason_code: code.map(Into::into),
            family_notified_on: None,
        };
        let e = app
            .add_promise(&op(), "TST-26C00012", &promise(None))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("reason_code: ") && e.contains("flight_availability"),
            "{e}"
        );
        app.add_promise(&op(), "TST-26C00012", &promise(Some("flight_availability")))
            .await
            .unwrap();
        let view = app.case_full(&op(), "TST-26C00012").await.unwrap();
        assert_eq!(
            view.promises
                .iter()
                .map(|p| p.slip_reason_code.as_deref())
                .collect::<Vec<_>>(),
            [None, Some("flight_availability")]
        );
    });
}

/// The reception officer records the day the family really arrived (a weekend arrival is
/// recorded on Monday): not a day in the future, nor before the case's last step; waiting
/// times count from it. A home is recorded with its address.
#[test]
fn an_arrival_is_dated_the_day_it_happened_and_a_home_has_an_address() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = resettle_testkit::sqlite();
    rt.block_on(async {
        let clock = std::sync::Arc::new(resettle_app::FixedClock::on(resettle_testkit::TODAY));
        let app = open(&db.url).await.with_clock(clock.clone());
        load_demo(&app, 5, 30).await;
        app.create_case(&op(), new_case("TST-26C00003", "BE"))
            .await
            .unwrap();
        let ctx = Ctx {
            place: String::new(),
            ground: String::new(),
            profile: resettle_app::policies::named("belgium").unwrap(),
            sponsor: None,
        };
        let steps = [
            CaseState::DossierReview,
            CaseState::Accepted,
            CaseState::PreDeparture,
            CaseState::DepartureScheduled,
        ];
        take_steps(&app, "TST-26C00003", &steps, &ctx).await;
        let departs = resettle_testkit::TODAY;
        clock.advance(time::Duration::days(5));
        let today = app.today();
        let arrive = |on: time::Date| TransitionRequest {
            arrived_on: Some(on),
            ..request(CaseState::Arrived, 5, &ctx)
        };
        for (on, why) in [
            (today + time::Duration::days(1), "after today"),
            (
                departs - time::Duration::days(1),
                "before the case's last step",
            ),
        ] {
            let e = app
                .transition(&op(), "TST-26C00003", &arrive(on))
                .await
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("arrived_on:") && e.contains(why), "{e}");
        }
        assert_eq!(
            app.case_full(&op(), "TST-26C00003").await.unwrap().version,
            5,
            "a refused arrival changes nothing"
        );
        let arrived_on = departs + time::Duration::days(2);
        app.transition(&op(), "TST-26C00003", &arrive(arrived_on))
            .await
            .unwrap();
        let view = app.case_full(&op(), "TST-26C00003").await.unwrap();
        assert_eq!(view.arrived_on, Some(arrived_on));
        let waiting = view.waiting.last().unwrap();
        assert_eq!(
            (waiting.state, waiting.entered_on, waiting.days),
            (CaseState::Arrived, arrived_on, 3),
            "waiting counts from the day of arrival, not the day it was recorded"
        );
        let place = app
            .reception_day(&op(), "BE", None, None)
            .await
            .unwrap()
            .places
            .into_iter()
            .find(|p| p.kind == PlaceKind::Centre && p.occupied_persons + 3 <= p.capacity_persons)
            .expect("a centre with room")
            .code;
        app.transition(
            &op(),
            "TST-26C00003",
            &TransitionRequest {
                reception_place: Some(place),
                ..request(CaseState::InReception, 6, &ctx)
            },
        )
        .await
        .unwrap();
        let house = |address: Option<String>| TransitionRequest {
            address,
            municipality: Some("Gent".into()),
            ..request(CaseState::Housed, 7, &ctx)
        };
        for (address, why) in [
            (None, "must be given"),
            (Some("  ".into()), "must be given"),
            (Some("x".repeat(201)), "at most 200 characters, got 201"),
        ] {
            let e = app
                .transition(&op(), "TST-26C00003", &house(address))
                .await
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("address:") && e.contains(why), "{e}");
        }
        app.transition(
            &op(),
            "TST-26C00003",
            &house(Some(" Veldstraat 1, 9000 Gent ".into())),
        )
        .await
        .unwrap();
        let view = app.case_full(&op(), "TST-26C00003").await.unwrap();
        assert_eq!(view.address.as_deref(), Some("Veldstraat 1, 9000 Gent"));
        let events = app.case_events(&op(), "TST-26C00003").await.unwrap();
        assert_eq!(
            events.last().unwrap().payload["address"],
            "Veldstraat 1, 9000 Gent"
        );
    });
}

#[test]
fn in_belgium_only_a_sponsored_family_skips_reception() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = resettle_testkit::sqlite();
    rt.block_on(async {
        let app = open(&db.url).await;
        load_demo(&app, 5, 30).await;
        let sponsor = app.sponsor_groups(&op()).await.unwrap()[0]
            .group
            .name
            .clone();
        app.create_case(&op(), new_case("TST-26C00002", "BE"))
            .await
            .unwrap();
        let ctx = Ctx {
            place: String::new(),
            ground: String::new(),
            profile: resettle_app::policies::named("belgium").unwrap(),
            sponsor: None,
        };
        let steps = [
            CaseState::DossierReview,
            CaseState::Accepted,
            CaseState::PreDeparture,
            CaseState::DepartureScheduled,
            CaseState::Arrived,
        ];
        take_steps(&app, "TST-26C00002", &steps, &ctx).await;
        let e = app
            .transition(&op(), "TST-26C00002", &request(CaseState::Housed, 6, &ctx))
            .await
            .unwrap_err()
            .to_string();
        assert!(e.contains("sponsor"), "{e}");
        let sponsored = Ctx {
            sponsor: Some(sponsor.clone()),
            ..ctx
        };
        app.transition(
            &op(),
            "TST-26C00002",
            &request(CaseState::Housed, 6, &sponsored),
        )
        .await
        .unwrap();
        assert_eq!(
            app.case_full(&op(), "TST-26C00002")
                .await
                .unwrap()
                .sponsor_group,
            Some(sponsor)
        );
    });
}

#[test]
fn a_custom_profile_is_checked_stored_and_run_under() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for db in resettle_testkit::databases() {
        rt.block_on(async {
            let app = open(&db.url).await;
            let shipped = include_str!("../../../../policies/netherlands-2012.toml");
            let bad = app.add_policy(&op(), "nl.toml", shipped).await.unwrap_err();
            assert!(
                matches!(bad, AppError::Conflict(_)),
                "a shipped name is refused: {bad}"
            );
            let broken = app
                .add_policy(&op(), "x.toml", "name = [")
                .await
                .unwrap_err()
                .to_string();
            assert!(broken.contains("x.toml: line 1"), "{broken}");
            let custom = shipped.replacen("name = \"netherlands-2012\"", "name = \"nl-strict\"", 1);
            assert_ne!(custom, shipped, "the profile's name line was found");
            app.add_policy(&op(), "nl-strict.toml", &custom)
                .await
                .unwrap();
            let names: Vec<String> = app
                .policies()
                .await
                .unwrap()
                .iter()
                .map(|p| p.name().to_string())
                .collect();
            assert!(names.contains(&"nl-strict".to_string()), "{names:?}");
            app.add_programme(&op(), "NS", "Strict programme", "NL", "nl-strict")
                .await
                .unwrap();
            app.create_case(&op(), new_case("TST-26C00003", "NS"))
                .await
                .unwrap();
            let view = app.case_full(&op(), "TST-26C00003").await.unwrap();
            assert_eq!(view.policy_profile, "nl-strict", "{}", db.backend);
            let e = app
                .add_programme(&op(), "XX", "x", "NL", "atlantis")
                .await
                .unwrap_err()
                .to_string();
            assert!(e.contains("atlantis"), "{e}");
        });
    }
}

#[test]
fn retention_anonymises_ended_cases_and_leaves_every_count_alone() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for db in resettle_testkit::databases() {
        rt.block_on(async {
            let app = open(&db.url).await;
            load_demo(&app, 9, 250).await;
            let short = include_str!("../../../../policies/belgium.toml")
                .replacen("name = \"belgium\"", "name = \"be-short\"", 1)
                .replacen("retention_years = 10", "retention_years = 1", 1);
            app.add_policy(&op(), "be-short.toml", &short)
                .await
                .unwrap();
            let today = resettle_testkit::TODAY;
            let none = app.apply_retention(&op(), today, true).await.unwrap();
            assert!(none.due.is_empty(), "10 years: nothing is due yet");

            app.add_programme(&op(), "BS", "Short retention", "BE", "be-short")
                .await
                .unwrap();
            app.create_case(&op(), new_case("TST-20C00001", "BS"))
                .await
                .unwrap();
            let ctx = Ctx {
                place: String::new(),
                ground: String::new(),
                profile: resettle_app::policies::named("belgium").unwrap(),
                sponsor: None,
            };
            app.transition(
                &op(),
                "TST-20C00001",
                &coded(
                    request(CaseState::Withdrawn, 1, &ctx),
                    CaseState::Submitted,
                    false,
                    &ctx,
                ),
            )
            .await
            .unwrap();
            let before = app.dashboard().await.unwrap();
            let next_year = date!(2027 - 12 - 01);
            let dry = app.apply_retention(&op(), next_year, true).await.unwrap();
            assert_eq!(
                dry.due
                    .iter()
                    .map(|c| c.case_number.as_str())
                    .collect::<Vec<_>>(),
                ["TST-20C00001"],
                "{}: only the short-retention case is due",
                db.backend
            );
            assert_eq!(
                app.case_full(&op(), "TST-20C00001").await.unwrap().members[0].full_name,
                "Amal Test",
                "a dry run changes nothing"
            );
            let done = app.apply_retention(&op(), next_year, false).await.unwrap();
            assert_eq!(done.anonymised, 1);
            let case = app.case_full(&op(), "TST-20C00001").await.unwrap();
            assert!(case.members.iter().all(|m| m.full_name == "anonymised"));
            assert_eq!(
                case.members[0].date_of_birth,
                date!(1985 - 01 - 01),
                "only the year is kept"
            );
            assert_eq!(case.state, CaseState::Withdrawn);
            let events = app.case_events(&op(), "TST-20C00001").await.unwrap();
            assert!(events.iter().all(|e| e.reason == "(anonymised)"));
            assert_eq!(
                derive_state(&events).unwrap(),
                CaseState::Withdrawn,
                "the history still derives the state"
            );
            let after = app.dashboard().await.unwrap();
            assert_eq!(
                serde_json::to_value(&before.states).unwrap(),
                serde_json::to_value(&after.states).unwrap(),
                "aggregates are unchanged"
            );
            assert!(
                app.apply_retention(&op(), next_year, false)
                    .await
                    .unwrap()
                    .due
                    .is_empty(),
                "done once"
            );
        });
    }
}

/// The operator at the command line, who holds every role.
fn op() -> resettle_app::Caller {
    resettle_app::Caller::operator()
}

/// Arrivals count the persons who travelled: of a family of three accepted in part (two
/// members), one could not travel after all, so the arrival and the year's arrivals
/// against the pledge count one person, not three; naming a member who was not accepted
/// is refused and changes nothing. (Storage's test counts the dashboard's persons.)
#[test]
fn an_arrival_counts_the_persons_who_travelled() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for db in resettle_testkit::databases() {
        rt.block_on(async {
            let app = open(&db.url).await;
            load_demo(&app, 5, 30).await;
            app.create_case(&op(), new_case("TST-26C00009", "BE"))
                .await
                .unwrap();
            let ctx = Ctx {
                place: String::new(),
                ground: String::new(),
                profile: resettle_app::policies::named("belgium").unwrap(),
                sponsor: None,
            };
            let steps = [
                CaseState::DossierReview,
                CaseState::AcceptedInPart,
                CaseState::PreDeparture,
                CaseState::DepartureScheduled,
            ];
            take_steps(&app, "TST-26C00009", &steps, &ctx).await;
            let year = resettle_testkit::TODAY.year();
            let arrived_this_year = |app: &App| {
                let app = app.clone();
                async move {
                    app.pledges("BE")
                        .await
                        .unwrap()
                        .into_iter()
                        .find(|p| p.year == year)
                        .map_or(0, |p| p.arrived)
                }
            };
            let before = arrived_this_year(&app).await;
            let arrive = |members: Vec<u32>| TransitionRequest {
                members: Some(members),
                ..request(CaseState::Arrived, 5, &ctx)
            };
            let e = app
                .transition(&op(), "TST-26C00009", &arrive(vec![3]))
                .await
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("members: \"3\" is not one of: 1, 2"), "{e}");
            assert_eq!(arrived_this_year(&app).await, before, "{}", db.backend);
            app.transition(&op(), "TST-26C00009", &arrive(vec![1]))
                .await
                .unwrap();
            assert_eq!(
                arrived_this_year(&app).await,
                before + 1,
                "{}: one of the three travelled",
                db.backend
            );
            let events = app.case_events(&op(), "TST-26C00009").await.unwrap();
            assert_eq!(
                events.last().unwrap().payload["members_travelled"],
                serde_json::json!([1])
            );
        });
    }
}
