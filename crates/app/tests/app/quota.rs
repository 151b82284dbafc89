//! The quota split over situations and channels, the decision behind it and a year tracked
//! to arrival, through the app layer on SQLite and PostgreSQL: the Belgian plan of 8,821
//! with emergency places on top and the African floor; only planners record or read it,
//! a refusal changes nothing; the tracking's SQL aggregates agree with a count by hand.
use crate::common;
use std::collections::BTreeMap;

use resettle_app::quota::{QuotaDecisionInput, QuotaDecisionYear};
use resettle_app::{App, AppError, Role};
use sqlx::Row;
use time::macros::date;

use crate::common::caller_of;

/// The app on this file's demo caseload.
async fn demo_app(url: &str) -> App {
    common::demo_app(url, 11, 300).await
}

async fn pool(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(url).await.unwrap()
}

async fn count(url: &str, sql: &str) -> i64 {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&pool(url).await)
        .await
        .unwrap()
        .try_get(0)
        .unwrap()
}

/// The NGOs' growth path (report 3.3): 2,000 / 3,000 / 3,821, 100 emergency places a year.
fn growth_path() -> QuotaDecisionInput {
    QuotaDecisionInput {
        proposed_by: "Fedasil and the CGVS, jointly".into(),
        consulted: "UNHCR; 11.11.11, Caritas International, CIRÉ, Vluchtelingenwerk Vlaanderen"
            .into(),
        motivation: "2.84% of the EU's 20% of UNHCR's projected needs 2022-2024 (report 3.3)"
            .into(),
        published_on: date!(2021 - 10 - 01),
        years: [(2022, 2_000), (2023, 3_000), (2024, 3_821)]
            .into_iter()
            .map(|(year, persons)| QuotaDecisionYear {
                year,
                persons,
                emergency: 100,
            })
            .collect(),
    }
}

#[tokio::test]
async fn a_planner_splits_the_belgian_plan_with_emergency_on_top_and_the_african_floor() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let planner = caller_of(&app, "planner").await;
        let before = count(&db.url, "SELECT COUNT(*) FROM audit_log").await;
        app.record_quota_decision(&planner, "BE", &growth_path())
            .await
            .unwrap();
        assert_eq!(
            count(&db.url, "SELECT COUNT(*) FROM audit_log").await,
            before + 1,
            "{}: the decision is audited",
            db.backend
        );
        let decisions = app.quota_decisions("BE").await.unwrap();
        assert_eq!(decisions[0].years.len(), 3, "{}", db.backend);
        assert_eq!(decisions[0].recorded_by, "planner");

        let plan = app
            .quota_allocate(&planner, "BE", 2022, 2024, None)
            .await
            .unwrap();
        let mut total = 0;
        for y in &plan.years {
            let sum: u64 = y.lines.iter().map(|l| l.persons).sum();
            assert_eq!(sum, y.target + 100, "{}: {} adds up", db.backend, y.year);
            assert!(y.emergency_on_top);
            let africa: u64 = y
                .lines
                .iter()
                .filter(|l| l.situation == "africa")
                .map(|l| l.persons)
                .sum();
            assert!(africa * 2 >= sum, "{}: the African floor", db.backend);
            assert!(
                y.missions
                    .iter()
                    .any(|m| m.country_of_asylum.as_deref() == Some("LB")),
                "{}: missions to Lebanon implied",
                db.backend
            );
            total += y.target;
        }
        assert_eq!(total, 8_821);
        // --emergency overrides the decision's places.
        let more = app
            .quota_allocate(&planner, "BE", 2024, 2024, Some(250))
            .await
            .unwrap();
        assert_eq!(more.years[0].places, 3_821 + 250);
        // A year with neither decision nor pledge is refused naming it.
        let e = app
            .quota_allocate(&planner, "BE", 2040, 2040, None)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("2040"), "{e}");
    }
}

#[tokio::test]
async fn only_planners_record_or_read_the_quota_and_a_refusal_changes_nothing() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        for &role in Role::ALL {
            if role == Role::Planner {
                continue;
            }
            let caller = caller_of(&app, &role.as_str().replace('_', "-")).await;
            let before = count(&db.url, "SELECT COUNT(*) FROM audit_log").await;
            let refused = [
                app.record_quota_decision(&caller, "BE", &growth_path())
                    .await
                    .err(),
                app.quota_allocate(&caller, "BE", 2022, 2024, None)
                    .await
                    .err(),
                app.quota_track(&caller, "BE", 2025).await.err(),
            ];
            for e in refused {
                assert!(
                    matches!(e, Some(AppError::Forbidden { .. })),
                    "{}: {role} was let in: {e:?}",
                    db.backend
                );
            }
            assert_eq!(
                count(&db.url, "SELECT COUNT(*) FROM quota_decisions").await,
                0,
                "{}: {role}'s refusal wrote nothing",
                db.backend
            );
            assert_eq!(
                count(&db.url, "SELECT COUNT(*) FROM audit_log").await,
                before + 3,
                "{}: each refusal is recorded, nothing else",
                db.backend
            );
        }
        let planner = caller_of(&app, "planner").await;
        let mut long = growth_path();
        long.motivation = String::new();
        let e = app
            .record_quota_decision(&planner, "BE", &long)
            .await
            .unwrap_err();
        assert!(e.to_string().starts_with("motivation:"), "{e}");
        assert_eq!(
            count(&db.url, "SELECT COUNT(*) FROM quota_decisions").await,
            0
        );
    }
}

/// The tracking's SQL aggregates against a count of the same cases in Rust.
#[tokio::test]
async fn a_years_tracking_agrees_with_a_count_by_hand() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let planner = caller_of(&app, "planner").await;
        let year = 2025;
        let track = app.quota_track(&planner, "BE", year).await.unwrap();
        assert!(track.sponsored_left_out, "Belgian sponsorship is on top");

        let needs = resettle_domain::reference::resettlement_needs();
        let situation = |n: &str| needs.situation_of(year, n).unwrap().to_string();
        let rows = sqlx::query(
            "SELECT c.id, c.nationality, c.priority, c.channel, c.family_size, \
                    CAST(c.submitted_on AS TEXT), \
                    CAST(CASE WHEN c.sponsor_group_id IS NULL THEN 0 ELSE 1 END AS BIGINT), COALESCE(c.travelling, c.family_size) \
               FROM cases c",
        )
        .fetch_all(&pool(&db.url).await)
        .await
        .unwrap();
        let arrivals: BTreeMap<i64, (String, i64)> =
            sqlx::query("SELECT case_id, CAST(arrived_on AS TEXT), persons FROM arrivals")
                .fetch_all(&pool(&db.url).await)
                .await
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r.get::<i64, _>(0),
                        (r.get::<String, _>(1), r.get::<i64, _>(2)),
                    )
                })
                .collect();
        let accepted: Vec<(i64, String)> = sqlx::query(
            "SELECT case_id, CAST(at AS TEXT) FROM case_events \
              WHERE to_state IN ('accepted', 'accepted_in_part')",
        )
        .fetch_all(&pool(&db.url).await)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<i64, _>(0), r.get::<String, _>(1)))
        .collect();
        let y = year.to_string();
        let mut by_hand: BTreeMap<(String, String), [u64; 3]> = BTreeMap::new();
        for r in &rows {
            let (id, nationality, priority, channel): (i64, String, String, String) =
                (r.get(0), r.get(1), r.get(2), r.get(3));
            if r.get::<i64, _>(6) == 1 {
                continue;
            }
            let channel = if priority == "emergency" {
                "emergency".into()
            } else {
                channel
            };
            let key = (situation(&nationality), channel);
            let cell = by_hand.entry(key).or_default();
            if r.get::<String, _>(5).starts_with(&y) {
                cell[0] += r.get::<i64, _>(4) as u64;
            }
            if accepted
                .iter()
                .any(|(c, at)| *c == id && at.starts_with(&y))
            {
                cell[1] += r.get::<i64, _>(7) as u64;
            }
            if let Some((on, persons)) = arrivals.get(&id)
                && on.starts_with(&y)
            {
                cell[2] += *persons as u64;
            }
        }
        let mut seen = 0;
        for ((situation, channel), [submitted, accepted, arrived]) in &by_hand {
            if [submitted, accepted, arrived].iter().all(|n| **n == 0) {
                continue;
            }
            let line = track
                .lines
                .iter()
                .find(|l| &l.situation == situation && &l.channel == channel)
                .unwrap_or_else(|| panic!("{}: no line {situation}/{channel}", db.backend));
            assert_eq!(
                (line.submitted, line.accepted, line.arrived),
                (*submitted, *accepted, *arrived),
                "{}: {situation}/{channel}",
                db.backend
            );
            assert_eq!(line.gap, line.target as i64 - line.arrived as i64);
            seen += 1;
        }
        assert!(
            seen > 1,
            "{}: the year has cases in several lines",
            db.backend
        );
        let targets: u64 = track.lines.iter().map(|l| l.target).sum();
        let pledge = app
            .pledges("BE")
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.year == year)
            .unwrap();
        assert_eq!(
            targets as i64, pledge.pledged,
            "{}: the year's pledge is split",
            db.backend
        );
    }
}
