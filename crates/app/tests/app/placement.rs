//! Placement in the programme, on SQLite and PostgreSQL: proposals for the demo's waiting
//! families respect the places' free room, each is explained, and a reception officer's
//! confirmation of an arrived family is a lifecycle event.
use crate::common;
use std::collections::BTreeMap;

use resettle_app::{App, AppError, Caller, DemoConfig, PlacementDecision};
use resettle_domain::case::CaseState;
use resettle_domain::reception::{PlaceKind, PlacementVerdict};

use crate::common::open;

/// This file's demo caseload.
fn demo() -> DemoConfig {
    common::demo(5, 600)
}

/// The app on `url` with the demo loaded.
async fn demo_app(url: &str) -> App {
    common::demo_app(url, 5, 600).await
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
            *persons.entry(p.place.clone()).or_default() += p.family_size;
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
                        decision: PlacementVerdict::Confirm,
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
                decision: PlacementVerdict::Confirm,
                place: None,
                over_capacity_reason: None,
            },
        )
        .await
        .unwrap();
        let step = |to: &str, version: i64| resettle_app::cases::TransitionRequest {
            reason: "test".into(),
            ..resettle_app::cases::TransitionRequest::to(to.parse().unwrap(), version)
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
                kind: resettle_domain::case::PromiseKind::Departure,
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
                    decision: PlacementVerdict::Reject,
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
                    decision: PlacementVerdict::Confirm,
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
            if p.family_size as f64 > room {
                pick = Some((p, case));
                break;
            }
        }
        let (p, before) = pick.unwrap_or_else(|| panic!("{}: no family too large", db.backend));
        let confirm = |reason: Option<&str>| PlacementDecision {
            decision: PlacementVerdict::Confirm,
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
                state: Some(state.parse().unwrap()),
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
                reason: "landed".into(),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::Arrived,
                    version,
                )
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
        assert!(e.to_string().contains("this is for ages 18 to 64"), "{e}");
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
        let text = include_str!("../../../../policies/belgium.toml").replacen(
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

/// A case of the demo in `state`, as the operator lists them.
async fn in_state(app: &App, state: &str) -> Vec<String> {
    app.list_cases(
        &Caller::operator(),
        &resettle_app::cases::CaseQuery {
            state: Some(state.parse().unwrap()),
            per_page: Some(500),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .items
    .into_iter()
    .map(|c| c.case_number)
    .collect()
}

/// The stays of a case as (kind, place, from, until).
async fn stays_of(
    app: &App,
    number: &str,
) -> Vec<(String, Option<String>, String, Option<String>)> {
    let case = app.case_full(&Caller::operator(), number).await.unwrap();
    case.stays
        .iter()
        .map(|s| {
            (
                s.stay.kind.to_string(),
                s.stay.place.clone(),
                s.stay.from.to_string(),
                s.stay.until.map(|d| d.to_string()),
            )
        })
        .collect()
}

/// The persons a place holds today, as the reception page counts them.
async fn held(app: &App, caller: &Caller, code: &str) -> (i64, i64) {
    let day = app.reception_day(caller, "BE", None, None).await.unwrap();
    let p = day.places.iter().find(|p| p.code == code).unwrap();
    (p.occupied_persons, p.capacity_persons)
}

/// Reception in stages, as the Belgian report describes it: a family that arrives is taken
/// to a centre; placement proposes it an LOI; confirming moves it there that day; a move
/// over an LOI's capacity is refused and changes nothing; the family is then due a home
/// and moves into one. Each stay is on record with its days, and each place's occupancy
/// counts only the families staying there now.
#[tokio::test]
async fn a_belgian_family_moves_centre_then_loi_then_home_with_each_stay_on_record() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let reception = officer(&app, "reception-officer").await;
        let today = resettle_testkit::TODAY.to_string();
        let number = in_state(&app, "arrived").await[0].clone();
        let persons = app.case(&reception, &number).await.unwrap()["members"]
            .as_array()
            .unwrap()
            .len() as i64;
        let day = app
            .reception_day(&reception, "BE", None, None)
            .await
            .unwrap();
        let centre = day
            .places
            .iter()
            .find(|p| {
                p.kind == PlaceKind::Centre && p.occupied_persons + persons <= p.capacity_persons
            })
            .unwrap_or_else(|| panic!("{}: a centre with room", db.backend))
            .code
            .clone();
        let before = held(&app, &reception, &centre).await.0;
        let version = app
            .case_full(&Caller::operator(), &number)
            .await
            .unwrap()
            .version;
        app.transition(
            &reception,
            &number,
            &resettle_app::cases::TransitionRequest {
                reason: "taken from the airport".into(),
                reception_place: Some(centre.clone()),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::InReception,
                    version,
                )
            },
        )
        .await
        .unwrap();
        assert_eq!(
            stays_of(&app, &number).await,
            [("centre".into(), Some(centre.clone()), today.clone(), None)],
            "{}",
            db.backend
        );
        assert_eq!(held(&app, &reception, &centre).await.0, before + persons);

        // Placement proposes the family, in its centre, an LOI.
        app.propose_placements(&reception, "BE").await.unwrap();
        let (_, proposals) = app.proposals(&reception, "BE").await.unwrap();
        let proposal = proposals
            .iter()
            .find(|p| p.case_number == number)
            .unwrap_or_else(|| panic!("{}: no LOI proposed to {number}", db.backend));
        assert!(proposal.place.starts_with("LOI-"), "{proposal:?}");
        assert_eq!(
            proposal.current_stay.as_ref().map(|s| s.kind.as_str()),
            Some("centre")
        );
        assert_eq!(
            proposal.due_by,
            Some(resettle_testkit::TODAY + time::Duration::days(42)),
            "a centre's stay is about six weeks, from the profile"
        );
        let loi = proposal.place.clone();
        let loi_before = held(&app, &reception, &loi).await.0;
        app.decide_placement(
            &reception,
            &number,
            &PlacementDecision {
                decision: PlacementVerdict::Confirm,
                place: None,
                over_capacity_reason: None,
            },
        )
        .await
        .unwrap();
        let case = app.case(&reception, &number).await.unwrap();
        assert_eq!(
            (case["state"].as_str(), case["reception_place"].as_str()),
            (Some("in_reception"), Some(loi.as_str())),
            "{}",
            db.backend
        );
        assert_eq!(
            stays_of(&app, &number).await,
            [
                (
                    "centre".into(),
                    Some(centre.clone()),
                    today.clone(),
                    Some(today.clone())
                ),
                ("loi".into(), Some(loi.clone()), today.clone(), None),
            ],
            "{}: the centre's stay ends the day the LOI's begins",
            db.backend
        );
        assert_eq!(held(&app, &reception, &centre).await.0, before);
        assert_eq!(held(&app, &reception, &loi).await.0, loi_before + persons);

        // A move to an LOI without room is refused, and changes nothing.
        let full = app
            .reception_day(&reception, "BE", None, None)
            .await
            .unwrap()
            .places
            .into_iter()
            .find(|p| {
                p.kind == PlaceKind::Loi
                    && p.code != loi
                    && p.occupied_persons + persons > p.capacity_persons
            })
            .unwrap_or_else(|| panic!("{}: an LOI without room", db.backend));
        let version = app
            .case_full(&Caller::operator(), &number)
            .await
            .unwrap()
            .version;
        let mv = |over: Option<&str>| resettle_app::cases::MoveRequest {
            place: full.code.clone(),
            on: None,
            reason: "nearer the school".into(),
            over_capacity_reason: over.map(str::to_string),
            expected_version: version,
        };
        let refused = app.move_family(&reception, &number, &mv(None)).await;
        match refused {
            Err(AppError::Refused(r)) => assert!(
                r.field == "over_capacity_reason" && r.to_string().contains(&full.code),
                "{r}"
            ),
            other => panic!("{}: {other:?}", db.backend),
        }
        let after = app.case_full(&Caller::operator(), &number).await.unwrap();
        assert_eq!(after.version, version, "{}: nothing changed", db.backend);
        assert_eq!(after.stays.len(), 2);
        assert_eq!(
            held(&app, &reception, &full.code).await.0,
            full.occupied_persons
        );

        // In its LOI the family is due a home, by the profile's six months.
        let due = app.due_home(&reception, "BE").await.unwrap();
        assert!(due.total >= 1, "{}", db.backend);
        let (_, stays) = (
            (),
            app.case_full(&Caller::operator(), &number)
                .await
                .unwrap()
                .stays,
        );
        assert_eq!(
            stays[1].due_by,
            Some(resettle_testkit::TODAY + time::Duration::days(183))
        );
        app.transition(
            &reception,
            &number,
            &resettle_app::cases::TransitionRequest {
                reason: "a flat found by the LOI".into(),
                address: Some("Veldstraat 1, 9000 Gent".into()),
                municipality: Some("Gent".into()),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::Housed,
                    version,
                )
            },
        )
        .await
        .unwrap();
        assert_eq!(
            stays_of(&app, &number).await,
            [
                (
                    "centre".into(),
                    Some(centre.clone()),
                    today.clone(),
                    Some(today.clone())
                ),
                (
                    "loi".into(),
                    Some(loi.clone()),
                    today.clone(),
                    Some(today.clone())
                ),
                ("home".into(), None, today.clone(), None),
            ],
            "{}",
            db.backend
        );
        assert_eq!(
            held(&app, &reception, &loi).await.0,
            loi_before,
            "{}: a housed family no longer counts against its LOI",
            db.backend
        );
        let case = app.case(&reception, &number).await.unwrap();
        assert!(case["reception_place"].is_null(), "{case}");
    }
}

/// A sponsorship that breaks down: the family steps back from its sponsor group's home
/// into an LOI, saying why in words and with a code from the profile's breakdown list (a
/// step without one, or with a code from another list, is refused on `reason_code` and
/// changes nothing); a family in a home of its own cannot step back, and the group no
/// longer sees a family it no longer receives.
#[tokio::test]
async fn a_sponsored_family_steps_back_into_reception_when_the_sponsorship_breaks_down() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let reception = officer(&app, "reception-officer").await;
        let op = Caller::operator();
        let number = in_state(&app, "arrived").await[0].clone();
        let group = app.sponsor_groups(&op).await.unwrap()[0].group.name.clone();
        let version = app.case_full(&op, &number).await.unwrap().version;
        let step = |to: &str, version: i64| {
            resettle_app::cases::TransitionRequest::to(to.parse().unwrap(), version)
        };
        app.transition(
            &reception,
            &number,
            &resettle_app::cases::TransitionRequest {
                sponsor_group: Some(group.clone()),
                address: Some("Kerkstraat 2, 9000 Gent".into()),
                ..step("housed", version)
            },
        )
        .await
        .unwrap();
        let view = app.case_full(&op, &number).await.unwrap();
        assert!(view.allowed_transitions.contains(&CaseState::InReception));
        assert_eq!(view.stays.last().unwrap().stay.kind.as_str(), "sponsor");
        let loi = app
            .reception_day(&reception, "BE", None, None)
            .await
            .unwrap()
            .places
            .into_iter()
            .find(|p| p.kind == PlaceKind::Loi && p.occupied_persons + 8 <= p.capacity_persons)
            .unwrap()
            .code;
        let back = |reason: &str, code: Option<&str>| resettle_app::cases::TransitionRequest {
            reason: reason.into(),
            reason_code: code.map(Into::into),
            reception_place: Some(loi.clone()),
            ..step("in_reception", version + 1)
        };
        let why = "the sponsorship broke down: the group dissolved";
        for (refused, field, says) in [
            (back(" ", Some("group_dissolved")), "reason:", "sponsorship"),
            (
                back(why, None),
                "reason_code:",
                "say which breakdown reason",
            ),
            (
                back(why, Some("flight_availability")),
                "reason_code:",
                "not a breakdown reason",
            ),
        ] {
            let e = app
                .transition(&reception, &number, &refused)
                .await
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(field) && e.contains(says), "{e}");
            let view = app.case_full(&op, &number).await.unwrap();
            assert_eq!(
                (view.version, view.state),
                (version + 1, CaseState::Housed),
                "{}: {e}",
                db.backend
            );
            assert_eq!(view.stays.last().unwrap().stay.kind.as_str(), "sponsor");
        }
        app.transition(&reception, &number, &back(why, Some("group_dissolved")))
            .await
            .unwrap();
        let view = app.case_full(&op, &number).await.unwrap();
        assert_eq!(view.state, CaseState::InReception);
        let stepped = app.case_events(&op, &number).await.unwrap();
        assert_eq!(
            stepped.last().unwrap().reason_code.as_deref(),
            Some("group_dissolved"),
            "{}",
            db.backend
        );
        assert_eq!(view.sponsor_group, None, "{}", db.backend);
        let last = &view.stays.last().unwrap().stay;
        assert_eq!(
            (
                last.kind.as_str(),
                last.place.as_deref(),
                last.reason.as_str()
            ),
            (
                "loi",
                Some(loi.as_str()),
                "the sponsorship broke down: the group dissolved"
            )
        );
        assert_eq!(
            view.stays[view.stays.len() - 2].stay.kind.as_str(),
            "sponsor"
        );

        // A family in its own home has no step back into reception.
        let housed = in_state(&app, "housed").await;
        for n in housed.iter().take(10) {
            let v = app.case_full(&op, n).await.unwrap();
            if v.stays
                .last()
                .is_some_and(|s| s.stay.kind.as_str() == "home")
            {
                assert!(!v.allowed_transitions.contains(&CaseState::InReception));
                let e = app
                    .transition(
                        &reception,
                        n,
                        &resettle_app::cases::TransitionRequest {
                            reason: "evicted".into(),
                            reason_code: Some("housing_lost".into()),
                            reception_place: Some(loi.clone()),
                            ..step("in_reception", v.version)
                        },
                    )
                    .await
                    .unwrap_err();
                assert!(e.to_string().starts_with("reception_place:"), "{e}");
                break;
            }
        }
    }
}
