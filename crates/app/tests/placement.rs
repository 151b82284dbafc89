//! Placement in the programme, on SQLite and PostgreSQL: proposals for the demo's waiting
//! families respect the places' free room, each is explained, and a reception officer's
//! confirmation of an arrived family is a lifecycle event.
use std::collections::BTreeMap;

use resettle_app::{App, AppError, Caller, DemoConfig, Keyring, PlacementDecision};

fn demo() -> DemoConfig {
    DemoConfig {
        seed: 5,
        cases: 600,
        as_of: resettle_testkit::TODAY,
    }
}

async fn open(url: &str) -> App {
    App::open(url)
        .await
        .unwrap()
        .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
        .with_clock(std::sync::Arc::new(resettle_app::FixedClock::on(
            resettle_testkit::TODAY,
        )))
}

/// The app on `url` with the demo loaded.
async fn demo_app(url: &str) -> App {
    let app = open(url).await;
    app.load_demo(&demo(), false).await.unwrap();
    app
}

async fn officer(app: &App, username: &str) -> Caller {
    let token = app
        .create_token(&Caller::operator(), username, None, None)
        .await
        .unwrap();
    app.authenticate_token(&token, "test").await.unwrap()
}

#[tokio::test]
async fn proposals_fit_the_free_room_are_explained_and_confirmed_case_by_case() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let reception = officer(&app, "reception-officer").await;
        let case_officer = officer(&app, "case-officer").await;
        assert!(matches!(
            app.propose_placements(&case_officer, "BE").await,
            Err(AppError::Forbidden { .. })
        ));
        // A programme with nobody waiting still records its run.
        app.add_programme(&Caller::operator(), "EMPTY", "Empty", "BE", "belgium")
            .await
            .unwrap();
        let empty = app.propose_placements(&reception, "EMPTY").await.unwrap();
        let (shown, none) = app.proposals(&reception, "EMPTY").await.unwrap();
        assert_eq!((empty.families, none.len()), (0, 0));
        assert_eq!(shown.map(|r| r.families), Some(0));
        let run = app.propose_placements(&reception, "BE").await.unwrap();
        assert!(run.families > 10, "{run:?}");
        assert!(run.bound + 1e-9 >= run.objective, "{run:?}");
        let (stored_run, proposals) = app.proposals(&reception, "BE").await.unwrap();
        // Stored as JSON: floats come back within a rounding step, the rest exactly.
        let stored_run = stored_run.unwrap();
        assert_eq!(
            (
                &stored_run.status,
                stored_run.families,
                &stored_run.unassigned,
                &stored_run.model
            ),
            (&run.status, run.families, &run.unassigned, &run.model)
        );
        assert!(
            (stored_run.objective - run.objective).abs() <= 1e-9 * run.objective.abs().max(1.0)
        );
        assert_eq!(proposals.len() + run.unassigned.len(), run.families);
        // Every proposal is explained, and the persons sent to a place fit its free room.
        let mut persons: BTreeMap<String, i64> = BTreeMap::new();
        for p in &proposals {
            assert_eq!(p.status, "proposed");
            assert!(p.rank.is_some_and(|r| r >= 1), "{p:?}");
            assert_eq!(p.explanation["place"], p.place.as_str());
            let case = app.case(&reception, &p.case_number).await.unwrap();
            *persons.entry(p.place.clone()).or_default() +=
                case["members"].as_array().unwrap().len() as i64;
        }
        let instance = app.placement_instance(&reception, "BE").await.unwrap();
        for place in &instance.places {
            let used = persons.get(&place.id).copied().unwrap_or(0) as f64;
            assert!(
                used <= place.capacity["persons"] + 1e-9,
                "{}: {} persons proposed at {}, room for {}",
                db.backend,
                used,
                place.id,
                place.capacity["persons"]
            );
        }
        // Confirm an arrived family at another place than proposed: an override, and a
        // lifecycle step to in_reception.
        let mut arrived = None;
        for p in &proposals {
            if app.case(&reception, &p.case_number).await.unwrap()["state"] == "arrived" {
                arrived = Some(p);
                break;
            }
        }
        let p = arrived.unwrap_or_else(|| panic!("{}: no arrived family to place", db.backend));
        {
            let other = proposals
                .iter()
                .map(|q| q.place.clone())
                .find(|q| q != &p.place)
                .unwrap_or_else(|| p.place.clone());
            let decided = app
                .decide_placement(
                    &reception,
                    &p.case_number,
                    &PlacementDecision {
                        decision: "confirm".into(),
                        place: Some(other.clone()),
                        over_capacity_reason: None,
                    },
                )
                .await
                .unwrap();
            assert_eq!(
                (decided.status.as_str(), decided.place.as_str()),
                ("confirmed", other.as_str())
            );
            let case = app.case(&reception, &p.case_number).await.unwrap();
            assert_eq!(case["state"], "in_reception");
            assert_eq!(case["reception_place"], other.as_str());
        }
        // A family still abroad keeps its confirmed place for its arrival.
        let mut abroad = None;
        for q in &proposals {
            if app.case(&reception, &q.case_number).await.unwrap()["state"] == "departure_scheduled"
            {
                abroad = Some(q);
                break;
            }
        }
        let q = abroad.unwrap_or_else(|| panic!("{}: no family about to travel", db.backend));
        app.decide_placement(
            &reception,
            &q.case_number,
            &PlacementDecision {
                decision: "confirm".into(),
                place: None,
                over_capacity_reason: None,
            },
        )
        .await
        .unwrap();
        let step = |to: &str, version: i64| resettle_app::cases::TransitionRequest {
            to: to.into(),
            reason: "test".into(),
            expected_version: version,
            ..Default::default()
        };
        let version = app
            .case_full(&Caller::operator(), &q.case_number)
            .await
            .unwrap()
            .version;
        // It may not arrive before the date it was told: its flight was brought forward.
        app.add_promise(
            &reception,
            &q.case_number,
            &resettle_app::cases::NewPromise {
                kind: "departure".into(),
                promised_date: resettle_testkit::TODAY,
                reason: Some("flight brought forward".into()),
                reason_code: Some("flight_availability".into()),
                family_notified_on: None,
            },
        )
        .await
        .unwrap();
        app.transition(&reception, &q.case_number, &step("arrived", version))
            .await
            .unwrap();
        app.transition(
            &reception,
            &q.case_number,
            &step("in_reception", version + 1),
        )
        .await
        .unwrap();
        let case = app.case(&reception, &q.case_number).await.unwrap();
        assert_eq!(case["reception_place"], q.place.as_str(), "{}", db.backend);
        // Reject another; a decided proposal cannot be decided again.
        let open = proposals
            .iter()
            .find(|o| o.case_number != p.case_number && o.case_number != q.case_number)
            .unwrap();
        let rejected = app
            .decide_placement(
                &reception,
                &open.case_number,
                &PlacementDecision {
                    decision: "reject".into(),
                    place: None,
                    over_capacity_reason: None,
                },
            )
            .await
            .unwrap();
        assert_eq!(rejected.status, "rejected");
        assert!(matches!(
            app.decide_placement(
                &reception,
                &open.case_number,
                &PlacementDecision {
                    decision: "confirm".into(),
                    place: None,
                    over_capacity_reason: None,
                },
            )
            .await,
            Err(AppError::NotFound(_))
        ));
    }
}

#[tokio::test]
async fn a_confirmation_over_capacity_needs_a_reason_which_the_plan_shows() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let reception = officer(&app, "reception-officer").await;
        app.propose_placements(&reception, "BE").await.unwrap();
        let (_, proposals) = app.proposals(&reception, "BE").await.unwrap();
        let instance = app.placement_instance(&reception, "BE").await.unwrap();
        // The family and the place it does not fit: the place with the least free room.
        let fullest = instance
            .places
            .iter()
            .min_by(|a, b| a.capacity["persons"].total_cmp(&b.capacity["persons"]))
            .unwrap();
        let room = fullest.capacity["persons"];
        let mut pick = None;
        for p in proposals.iter().filter(|p| p.place != fullest.id) {
            let case = app
                .case_full(&Caller::operator(), &p.case_number)
                .await
                .unwrap();
            if case.members.len() as f64 > room {
                pick = Some((p, case));
                break;
            }
        }
        let (p, before) = pick.unwrap_or_else(|| panic!("{}: no family too large", db.backend));
        let confirm = |reason: Option<&str>| PlacementDecision {
            decision: "confirm".into(),
            place: Some(fullest.id.clone()),
            over_capacity_reason: reason.map(str::to_string),
        };
        for blank in [None, Some("  ")] {
            let e = app
                .decide_placement(&reception, &p.case_number, &confirm(blank))
                .await
                .unwrap_err();
            assert!(
                matches!(&e, AppError::Refused(r) if r.field == "over_capacity_reason"
                    && r.reason().contains(&fullest.id)),
                "{}: {e}",
                db.backend
            );
        }
        // Nothing changed: the proposal is still open and the case where it was.
        let still = app
            .proposal(&reception, &p.case_number)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (still.status.as_str(), still.place.as_str()),
            ("proposed", p.place.as_str())
        );
        assert_eq!(
            app.case_full(&Caller::operator(), &p.case_number)
                .await
                .unwrap(),
            before
        );
        // With a reason it is confirmed, and the plan records and shows why.
        let why = "joins the grandmother, who lives there";
        let decided = app
            .decide_placement(&reception, &p.case_number, &confirm(Some(why)))
            .await
            .unwrap();
        assert_eq!(decided.status, "confirmed");
        assert_eq!(decided.over_capacity_reason.as_deref(), Some(why));
        let (_, after) = app.proposals(&reception, "BE").await.unwrap();
        let shown = after
            .iter()
            .find(|q| q.case_number == p.case_number)
            .unwrap();
        assert_eq!(shown.over_capacity_reason.as_deref(), Some(why));
        // A family that fits needs no reason and records none.
        assert!(
            after
                .iter()
                .all(|q| q.case_number == p.case_number || q.over_capacity_reason.is_none())
        );
    }
}

#[tokio::test]
async fn recorded_outcomes_fit_the_model_once_there_are_enough() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        app.load_demo(
            &DemoConfig {
                cases: 1_500,
                ..demo()
            },
            false,
        )
        .await
        .unwrap();
        let reception = officer(&app, "reception-officer").await;
        let run = app.propose_placements(&reception, "BE").await.unwrap();
        assert!(
            run.model.starts_with("employment fitted on"),
            "{}: {}",
            db.backend,
            run.model
        );
        // Follow-up is for arrived families, at 12 or 18 months, by reception officers.
        let op = Caller::operator();
        let in_state = |state: &str| {
            let app = &app;
            let op = &op;
            let query = resettle_app::cases::CaseQuery {
                state: Some(state.into()),
                per_page: Some(500),
                ..Default::default()
            };
            async move { app.list_cases(op, &query).await.unwrap().items }
        };
        let submitted = in_state("submitted").await[0].case_number.clone();
        let record = |member_no, months| resettle_app::cases::NewOutcomeRecord {
            member_no,
            months,
            employed: true,
            recorded_on: None,
        };
        let e = app
            .record_outcome(&reception, &submitted, &record(1, 12))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("has not arrived"), "{e}");
        // A family arriving today: employment at 18 months cannot be recorded for it yet,
        // for a child never, and the refusals change nothing.
        let today = resettle_testkit::TODAY;
        let mut with_child = None;
        for c in in_state("departure_scheduled").await {
            let view = app.case_full(&op, &c.case_number).await.unwrap();
            // A family cannot arrive before the departure day it was told.
            let departs = view
                .promises
                .iter()
                .rfind(|p| p.kind == resettle_domain::case::PromiseKind::Departure)
                .map(|p| p.promised_date);
            if view.members.iter().any(|m| m.age_on(today) < 16)
                && view.members.iter().any(|m| m.is_working_age(today))
                && departs.is_none_or(|d| d <= today)
            {
                with_child = Some(view);
                break;
            }
        }
        let view = with_child.expect("a family with a child about to arrive");
        let (family, version) = (view.case_number.clone(), view.version);
        app.transition(
            &reception,
            &family,
            &resettle_app::cases::TransitionRequest {
                to: "arrived".into(),
                reason: "landed".into(),
                expected_version: version,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let before = app.case_full(&op, &family).await.unwrap();
        let youngest = before
            .members
            .iter()
            .max_by_key(|m| m.date_of_birth)
            .unwrap();
        let adult = before
            .members
            .iter()
            .find(|m| m.is_working_age(today))
            .unwrap();
        let e = app
            .record_outcome(&reception, &family, &record(youngest.member_no, 18))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("working-age adults"), "{e}");
        let e = app
            .record_outcome(&reception, &family, &record(adult.member_no, 18))
            .await
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("recorded_on: 2026-11-23 is before the 18-month follow-up is due"),
            "{e}"
        );
        assert_eq!(app.case_full(&op, &family).await.unwrap(), before);
        // A family that arrived more than a year ago: its adults' 12-month outcomes are
        // recorded, a correction replaces the record, and the case view shows it.
        let mut due = None;
        for c in in_state("housed").await {
            let view = app.case_full(&op, &c.case_number).await.unwrap();
            let arrived = view
                .waiting
                .iter()
                .find(|w| w.state == resettle_domain::case::CaseState::Arrived)
                .unwrap()
                .entered_on;
            let at_12 = resettle_domain::calendar::add_months(arrived, 12);
            if at_12 > resettle_testkit::TODAY {
                continue;
            }
            if let Some(m) = view.members.iter().find(|m| m.is_working_age(at_12)) {
                due = Some((
                    c.case_number.clone(),
                    m.member_no,
                    view.members.len() as u32,
                ));
                break;
            }
        }
        let (housed, adult, size) = due.expect("a housed adult a year after arrival");
        let e = app
            .record_outcome(&reception, &housed, &record(adult, 6))
            .await
            .unwrap_err();
        assert!(e.to_string().starts_with("months:"), "{e}");
        app.record_outcome(&reception, &housed, &record(adult, 12))
            .await
            .unwrap();
        let shown = app
            .record_outcome(
                &reception,
                &housed,
                &resettle_app::cases::NewOutcomeRecord {
                    employed: false,
                    ..record(adult, 12)
                },
            )
            .await
            .unwrap();
        let at_12: Vec<&serde_json::Value> = shown["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["member_no"] == adult && o["months"] == 12)
            .collect();
        assert_eq!(at_12.len(), 1, "{shown}");
        assert_eq!(at_12[0]["employed"], false);
        assert_eq!(at_12[0]["recorded_on"], "2026-11-23");
        let unknown = record(size + 1, 12);
        let e = app
            .record_outcome(&reception, &housed, &unknown)
            .await
            .unwrap_err();
        assert!(e.to_string().starts_with("member_no:"), "{e}");
        let impossible = record(99, 12);
        let e = app
            .record_outcome(&reception, &housed, &impossible)
            .await
            .unwrap_err();
        assert!(e.to_string().starts_with("member_no:"), "{e}");
        let case_officer = officer(&app, "case-officer").await;
        assert!(matches!(
            app.record_outcome(&case_officer, &housed, &record(adult, 12))
                .await,
            Err(AppError::Forbidden { .. })
        ));
    }
}

#[tokio::test]
async fn a_distribution_plan_in_the_profile_bounds_every_place() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let reception = officer(&app, "reception-officer").await;
        let free = app.placement_instance(&reception, "BE").await.unwrap();
        // The Belgian profile with a tight plan: within 50 % to 150 % of each place's share.
        let text = include_str!("../../../policies/belgium.toml").replacen(
            "name = \"belgium\"",
            "name = \"belgium-spread\"",
            1,
        ) + "\n[placement.fairness]\nband = 0.5\nminimum_persons = 0\n";
        app.add_policy(&Caller::operator(), "belgium-spread.toml", &text)
            .await
            .unwrap();
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        sqlx::query("UPDATE programmes SET policy_profile = 'belgium-spread' WHERE code = 'BE'")
            .execute(&pool)
            .await
            .unwrap();
        let spread = app.placement_instance(&reception, "BE").await.unwrap();
        // The plan bites: some place may take less than its free room, or must take some;
        // the free room itself is unchanged.
        assert_eq!(
            free.places.iter().map(|p| &p.capacity).collect::<Vec<_>>(),
            spread
                .places
                .iter()
                .map(|p| &p.capacity)
                .collect::<Vec<_>>()
        );
        let bites = spread
            .places
            .iter()
            .any(|s| !s.maximum.is_empty() || !s.minimum.is_empty());
        assert!(bites, "{}: the band changed no place", db.backend);
        let run = app.propose_placements(&reception, "BE").await.unwrap();
        assert_eq!(
            run.distribution.as_deref(),
            Some(
                "persons at each place within 50 % to 150 % of its share of the declared capacity (residents included)"
            )
        );
        // Large families may find no place whose band leaves room for them: named as such.
        for d in &run.diagnosis {
            assert!(d.contains("the largest maximum"), "{}: {d}", db.backend);
        }
        let (_, proposals) = app.proposals(&reception, "BE").await.unwrap();
        let size: BTreeMap<&str, f64> = spread
            .cases
            .iter()
            .map(|c| (c.id.as_str(), c.demand["persons"]))
            .collect();
        let mut persons: BTreeMap<&str, f64> = BTreeMap::new();
        for p in &proposals {
            *persons.entry(p.place.as_str()).or_default() += size[p.case_number.as_str()];
        }
        for place in &spread.places {
            let used = persons.get(place.id.as_str()).copied().unwrap_or(0.0);
            let least = place.minimum.get("persons").copied().unwrap_or(0.0);
            let most = place
                .maximum
                .get("persons")
                .copied()
                .unwrap_or(place.capacity["persons"]);
            assert!(
                least <= used && used <= most,
                "{}: {used} persons at {}, allowed {least} to {most}",
                db.backend,
                place.id,
            );
        }
        // A minimum for every place with fewer families than places cannot be met: said
        // so, and the proposals shown ignore the plan.
        let text = text
            .replace("minimum_persons = 0", "minimum_persons = 1")
            .replace("belgium-spread", "belgium-everywhere");
        app.add_policy(&Caller::operator(), "belgium-everywhere.toml", &text)
            .await
            .unwrap();
        sqlx::query(
            "UPDATE programmes SET policy_profile = 'belgium-everywhere' WHERE code = 'BE'",
        )
        .execute(&pool)
        .await
        .unwrap();
        let everywhere = app.placement_instance(&reception, "BE").await.unwrap();
        // Every place with free room whose band leaves it some must take someone: a
        // minimum of at least 1 (the band may ask more; never more than the room left).
        let needing = everywhere
            .places
            .iter()
            .filter(|p| !p.minimum.is_empty())
            .inspect(|p| assert!(p.minimum["persons"] >= 1.0))
            .count();
        assert!(needing > everywhere.cases.len(), "{}", db.backend);
        let run = app.propose_placements(&reception, "BE").await.unwrap();
        assert_eq!(run.status, "infeasible");
        assert_eq!(
            run.diagnosis[0],
            format!(
                "minimums at {needing} places, but only {} families or linked groups to place, each at one place",
                run.families
            ),
            "{}",
            db.backend
        );
    }
}
