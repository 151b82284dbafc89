//! Capacity forecasts through the app layer, on SQLite and PostgreSQL: only planners (and
//! the operator) may forecast, each refusal is recorded and does nothing else; the live
//! programme answers from its cases, places and history; every number is bounded.
use crate::common;
use resettle_app::forecast::{ENOUGH_SPELLS, ForecastRequest};
use resettle_app::{App, AppError, AuditQuery, Caller, Role};
use resettle_forecast::Position;
use sqlx::Row;

use crate::common::caller_of;

/// The app on this file's demo caseload.
async fn demo_app(url: &str) -> App {
    common::demo_app(url, 11, 300).await
}

async fn audit_entries(url: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    sqlx::query("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap()
}

fn small(scenario: &str) -> ForecastRequest {
    ForecastRequest {
        scenario: Some(scenario.into()),
        runs: Some(60),
        ..ForecastRequest::default()
    }
}

/// Every role but the planner's is refused each way in; the refusal is recorded as one
/// entry naming what was lacking, and nothing else happens.
#[tokio::test]
async fn only_planners_may_forecast_and_a_refusal_does_nothing_but_record_itself() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        for &role in Role::ALL {
            if role == Role::Planner {
                continue;
            }
            let username = role.as_str().replace('_', "-");
            let caller = caller_of(&app, &username).await;
            let before = audit_entries(&db.url).await;
            let refusals = [
                app.forecast(&caller, &small("belgium-growth-path"))
                    .await
                    .err(),
                app.forecast(
                    &caller,
                    &ForecastRequest {
                        programme: Some("BE".into()),
                        runs: Some(10),
                        ..ForecastRequest::default()
                    },
                )
                .await
                .err(),
                app.forecast_choices(&caller).await.err(),
                app.programme_scenario(&caller, "BE").await.err(),
            ];
            for r in refusals {
                assert!(
                    matches!(r, Some(AppError::Forbidden { .. })),
                    "{}: {role} was not refused: {r:?}",
                    db.backend
                );
            }
            assert_eq!(
                audit_entries(&db.url).await,
                before + 4,
                "{}: {role}: one entry per refusal, nothing else",
                db.backend
            );
            let trail = app
                .audit_entries(
                    &Caller::operator(),
                    &AuditQuery {
                        entity: Some(resettle_domain::audit::AuditEntity::Forecast),
                        limit: Some(4),
                        ..AuditQuery::default()
                    },
                )
                .await
                .unwrap();
            assert!(
                trail
                    .iter()
                    .all(|e| e.outcome == "refused" && e.actor == username),
                "{}: {role}: {:?}",
                db.backend,
                trail
            );
        }
        let planner = caller_of(&app, "planner").await;
        assert_eq!(
            app.forecast_choices(&planner)
                .await
                .unwrap()
                .programmes
                .len(),
            1
        );
    }
}

/// The live programme as a scenario: its open cases where they stand, its places per stage,
/// this year's pledge with the arrivals so far, durations fitted from its history.
#[tokio::test]
async fn the_live_programme_answers_from_its_cases() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let planner = caller_of(&app, "planner").await;
        let s = app.programme_scenario(&planner, "BE").await.unwrap();
        let who = db.backend;
        assert_eq!(s.start, resettle_testkit::TODAY, "{who}");
        assert!(s.cases.len() > 50, "{who}: {} open cases", s.cases.len());
        for at in [Position::Deciding, Position::PreDeparture] {
            assert!(s.cases.iter().any(|c| c.at == at), "{who}: none {at:?}");
        }
        assert!(
            s.cases.iter().any(|c| matches!(c.at, Position::Stage(_))),
            "{who}: nobody in reception"
        );
        let centre = s.stages.iter().find(|st| st.name == "centre").unwrap();
        assert_eq!(centre.capacity, Some(430), "{who}: the demo's four centres");
        assert!(
            centre.source.contains("centre stays") && centre.source.contains("still going on"),
            "{who}: the centre's length of stay from the programme's dated stays: {}",
            centre.source
        );
        assert!(
            s.family_sizes.source.starts_with("fitted"),
            "{who}: {}",
            s.family_sizes.source
        );
        assert!(
            s.decision_weeks.source.starts_with("fitted")
                || s.decision_weeks
                    .source
                    .contains(&format!("{ENOUGH_SPELLS} needed")),
            "{who}: {}",
            s.decision_weeks.source
        );
        let this_year = s
            .pledges
            .iter()
            .find(|p| p.first_year == resettle_testkit::TODAY.year())
            .unwrap_or_else(|| panic!("{who}: no pledge for this year"));
        assert!(this_year.arrived_before_start > 0, "{who}: arrivals so far");

        let answer = app
            .forecast(
                &planner,
                &ForecastRequest {
                    programme: Some("BE".into()),
                    runs: Some(40),
                    ..ForecastRequest::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(answer.forecast.runs, 40);
        assert!(!answer.forecast.pledges.is_empty(), "{who}");
        let trail = app
            .audit_entries(
                &Caller::operator(),
                &AuditQuery {
                    entity: Some(resettle_domain::audit::AuditEntity::Forecast),
                    limit: Some(1),
                    ..AuditQuery::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(trail[0].detail, "40 runs, seed 1", "{who}");
    }
}

/// Runs, the target and the choice of scenario are bounded and named when refused.
#[tokio::test]
async fn every_number_is_bounded_and_named() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let planner = caller_of(&app, "planner").await;
    let refused = |r: Result<_, AppError>| match r {
        Err(AppError::Refused(r)) => format!("{}: {}", r.field, r.reason()),
        other => panic!("not refused: {other:?}"),
    };
    let m = refused(
        app.forecast(
            &planner,
            &ForecastRequest {
                runs: Some(5_000),
                ..small("belgium-growth-path")
            },
        )
        .await,
    );
    assert!(m.starts_with("runs: must be from 1 to 2000"), "{m}");
    let m = refused(
        app.forecast(
            &planner,
            &ForecastRequest {
                target_probability: Some(1.0),
                ..small("belgium-growth-path")
            },
        )
        .await,
    );
    assert!(m.starts_with("target_probability:"), "{m}");
    let m = refused(
        app.forecast(
            &planner,
            &ForecastRequest {
                programme: Some("BE".into()),
                ..small("belgium-growth-path")
            },
        )
        .await,
    );
    assert!(m.starts_with("scenario:"), "{m}");
    assert!(matches!(
        app.forecast(&planner, &small("atlantis")).await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.programme_scenario(&planner, "XX").await,
        Err(AppError::NotFound(_))
    ));
    let f = app
        .forecast(&planner, &small("belgium-2018-2019"))
        .await
        .unwrap();
    assert_eq!(f.scenario.name, "belgium-2018-2019");
    assert!(f.forecast.pledges[0].p_met < 0.05);
}
