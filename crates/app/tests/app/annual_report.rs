//! The report to Parliament's numbers on a demo database, each checked against an
//! independent SQL query over the raw tables, on SQLite and PostgreSQL; small cells are
//! withheld, rounding gives multiples of 5, and only planners and auditors may build it.
use crate::common;
use std::collections::{BTreeMap, BTreeSet};

use resettle_app::annual::{
    AnnualReport, AnnualRequest, Breakdown, DelayKind, Dimension, Interval,
};
use resettle_app::{App, AppError, Role};
use sqlx::Row;

use crate::common::{caller, raw};

/// The app on this file's demo caseload.
async fn demo_app(url: &str) -> App {
    common::demo_app(url, 11, 400).await
}

const YEAR: i32 = 2025;
const FROM: &str = "2025-01-01";
const UNTIL: &str = "2026-01-01";

async fn report(app: &App, round: bool) -> AnnualReport {
    app.annual_report(
        &caller(Role::Planner),
        &AnnualRequest {
            programme: None,
            year: YEAR,
            round_to_five: round,
        },
    )
    .await
    .unwrap()
}

/// The nearest-rank quantile, written again here so the test does not lean on the
/// domain's own.
fn rank(values: &[i64], share: f64) -> i64 {
    let mut v = values.to_vec();
    v.sort_unstable();
    let k = (share * v.len() as f64).ceil() as usize;
    v[k.max(1) - 1]
}

fn date(s: &str) -> time::Date {
    time::Date::parse(
        &s[..10],
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap()
}

/// The persons who arrived in the year, as (case id, member no, nationality, sex): every
/// member of an arrived case, less those its decision in part did not accept.
async fn travellers(pool: &sqlx::AnyPool) -> Vec<(i64, i64, String, String)> {
    let arrived = "SELECT e.case_id FROM case_events e WHERE e.to_state = 'arrived' \
                   AND e.at >= date($1) AND e.at < date($2)";
    let members = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT m.case_id, m.member_no, c.nationality, m.sex FROM family_members m \
         JOIN cases c ON c.id = m.case_id WHERE m.case_id IN ({arrived})"
    )))
    .bind(FROM)
    .bind(UNTIL)
    .fetch_all(pool)
    .await
    .unwrap();
    let partial = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT e.case_id, e.payload FROM case_events e WHERE e.to_state = 'accepted_in_part' \
         AND e.case_id IN ({arrived})"
    )))
    .bind(FROM)
    .bind(UNTIL)
    .fetch_all(pool)
    .await
    .unwrap();
    let mut accepted: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    for r in partial {
        let payload: serde_json::Value =
            serde_json::from_str(&r.try_get::<String, _>(1).unwrap()).unwrap();
        let members = payload["members_accepted"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_i64().unwrap())
            .collect();
        accepted.insert(r.try_get(0).unwrap(), members);
    }
    members
        .iter()
        .map(|r| {
            (
                r.try_get::<i64, _>(0).unwrap(),
                r.try_get::<i64, _>(1).unwrap(),
                r.try_get::<String, _>(2).unwrap(),
                r.try_get::<String, _>(3).unwrap(),
            )
        })
        .filter(|(case, no, ..)| accepted.get(case).is_none_or(|a| a.contains(no)))
        .collect()
}

/// Each published row of `b` is the exact count or withheld, never a small number; a
/// withheld row hides someone; the total is the exact total.
fn matches(b: &Breakdown, exact: &BTreeMap<String, u64>, who: &str) {
    for row in &b.rows {
        let n = exact.get(&row.code).copied().unwrap_or(0);
        match row.count {
            Some(v) => assert_eq!(v, n, "{who}: {:?} {}", b.dimension, row.code),
            None => assert!(
                n > 0,
                "{who}: {:?} {} withheld but empty",
                b.dimension,
                row.code
            ),
        }
    }
    let total: u64 = exact.values().sum();
    if let Some(t) = b.total {
        assert_eq!(t, total, "{who}: {:?} total", b.dimension);
    }
    assert!(
        b.rows.iter().any(|r| r.count.is_none()) || b.total == Some(total),
        "{who}: nothing withheld, so the total is shown"
    );
}

fn counts<'a>(items: impl Iterator<Item = &'a str>) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for i in items {
        *m.entry(i.to_string()).or_default() += 1;
    }
    m
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_figure_matches_an_independent_query() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let r = report(&app, false).await;
        assert_eq!((r.year, r.partial), (YEAR, false), "{who}");
        assert_eq!(r.small_cell_threshold, 5, "{who}");

        // Arrivals: persons and families, by nationality and sex.
        let people = travellers(&pool).await;
        assert!(people.len() > 50, "{who}: the demo has arrivals in {YEAR}");
        assert_eq!(r.arrived_persons, Some(people.len() as u64), "{who}");
        let families: BTreeSet<i64> = people.iter().map(|p| p.0).collect();
        let families_sql: i64 = sqlx::query(
            "SELECT COUNT(DISTINCT case_id) FROM case_events WHERE to_state = 'arrived' \
             AND at >= date($1) AND at < date($2)",
        )
        .bind(FROM)
        .bind(UNTIL)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
        assert_eq!(families.len() as i64, families_sql, "{who}");
        assert_eq!(r.arrived_families, Some(families_sql as u64), "{who}");
        let by = |d: Dimension| r.arrivals.iter().find(|b| b.dimension == d).unwrap();
        matches(
            by(Dimension::Nationality),
            &counts(people.iter().map(|p| p.2.as_str())),
            who,
        );
        matches(
            by(Dimension::Sex),
            &counts(people.iter().map(|p| p.3.as_str())),
            who,
        );
        for b in &r.arrivals {
            for row in &b.rows {
                assert!(
                    row.count.is_none_or(|v| v == 0 || v >= 5),
                    "{who}: a small count is published: {:?} {}",
                    b.dimension,
                    row.code
                );
            }
        }

        // Decisions of the year, per person: refused families wholly, in part as named.
        let decided = sqlx::query(
            "SELECT e.case_id, e.to_state, e.payload, \
                    (SELECT COUNT(*) FROM family_members m WHERE m.case_id = e.case_id), \
                    CAST(c.submitted_on AS TEXT), CAST(e.at AS TEXT) \
               FROM case_events e JOIN cases c ON c.id = e.case_id \
              WHERE e.to_state IN ('accepted', 'accepted_in_part', 'refused') \
                AND e.at >= date($1) AND e.at < date($2)",
        )
        .bind(FROM)
        .bind(UNTIL)
        .fetch_all(&pool)
        .await
        .unwrap();
        let (mut accepted, mut refused) = (0u64, 0u64);
        let mut waits = Vec::new();
        for d in &decided {
            let state: String = d.try_get(1).unwrap();
            let size = d.try_get::<i64, _>(3).unwrap() as u64;
            match state.as_str() {
                "accepted" => accepted += size,
                "refused" => refused += size,
                _ => {
                    let payload: serde_json::Value =
                        serde_json::from_str(&d.try_get::<String, _>(2).unwrap()).unwrap();
                    let n = payload["members_accepted"].as_array().unwrap().len() as u64;
                    accepted += n;
                    refused += size - n;
                }
            }
            let submitted = date(&d.try_get::<String, _>(4).unwrap());
            let at = date(&d.try_get::<String, _>(5).unwrap());
            waits.push((at - submitted).whole_days());
        }
        let total = &r.decisions[0].total;
        assert_eq!(total.accepted, Some(accepted), "{who}");
        assert_eq!(total.refused, Some(refused), "{who}");
        let rate = total.acceptance_rate.unwrap();
        assert!(
            (rate - accepted as f64 / (accepted + refused) as f64).abs() < 1e-9,
            "{who}"
        );

        // Time taken: submission to decision for the decisions of the year.
        let line = |i: Interval| r.durations.iter().find(|d| d.interval == i).unwrap();
        let s2d = line(Interval::SubmissionToDecision);
        assert_eq!(s2d.families, Some(waits.len() as u64), "{who}");
        assert_eq!(s2d.median_days, Some(rank(&waits, 0.5)), "{who}");
        assert_eq!(s2d.p90_days, Some(rank(&waits, 0.9)), "{who}");
        assert_eq!(s2d.limit_days, None, "{who}: Belgium sets no limit on it");

        // Acceptance to arrival, against the profile's 183 days.
        let journeys = sqlx::query(
            "SELECT CAST(e.at AS TEXT), CAST((SELECT MAX(a.at) FROM case_events a \
                WHERE a.case_id = e.case_id AND a.to_state IN ('accepted', 'accepted_in_part') \
                  AND a.at <= e.at) AS TEXT) \
               FROM case_events e WHERE e.to_state = 'arrived' \
                AND e.at >= date($1) AND e.at < date($2)",
        )
        .bind(FROM)
        .bind(UNTIL)
        .fetch_all(&pool)
        .await
        .unwrap();
        let days: Vec<i64> = journeys
            .iter()
            .map(|j| {
                (date(&j.try_get::<String, _>(0).unwrap())
                    - date(&j.try_get::<String, _>(1).unwrap()))
                .whole_days()
            })
            .collect();
        let a2a = line(Interval::AcceptanceToArrival);
        assert_eq!(a2a.median_days, Some(rank(&days, 0.5)), "{who}");
        assert_eq!(a2a.p90_days, Some(rank(&days, 0.9)), "{who}");
        assert_eq!(a2a.limit_days, Some(183), "{who}");
        let over = days.iter().filter(|&&d| d > 183).count() as u64;
        assert!(
            a2a.over_limit == Some(over) || (a2a.over_limit.is_none() && (1..5).contains(&over)),
            "{who}: {:?} over the limit, {over} by SQL",
            a2a.over_limit
        );

        // Delays: each published reason of a moved departure is the count of its slips.
        let slips = sqlx::query(
            "SELECT slip_reason, COUNT(*), COUNT(DISTINCT case_id) FROM promises \
              WHERE slip_reason IS NOT NULL AND kind = 'departure' \
                AND made_on >= date($1) AND made_on < date($2) GROUP BY slip_reason",
        )
        .bind(FROM)
        .bind(UNTIL)
        .fetch_all(&pool)
        .await
        .unwrap();
        let moved: Vec<_> = r
            .delays
            .iter()
            .filter(|d| d.kind == DelayKind::DepartureMoved)
            .collect();
        assert_eq!(moved.len(), slips.len(), "{who}: one group per reason");
        for s in &slips {
            let reason: String = s.try_get(0).unwrap();
            let group = moved.iter().find(|d| d.reason == reason).unwrap();
            if let Some(n) = group.delays {
                assert_eq!(n as i64, s.try_get::<i64, _>(1).unwrap(), "{who}: {reason}");
                assert_eq!(
                    group.families.map(|f| f as i64),
                    Some(s.try_get::<i64, _>(2).unwrap()),
                    "{who}: {reason}"
                );
            }
        }

        // Reunification requests still waiting on the year's last day.
        let waiting: i64 = sqlx::query(
            "SELECT COUNT(*) FROM reunification_requests WHERE requested_on <= '2025-12-31' \
               AND (resolved_on IS NULL OR resolved_on > '2025-12-31')",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
        let shown = r.reunification.waiting.total;
        assert!(
            shown == Some(waiting as u64) || (shown.is_none() && (1..5).contains(&waiting)),
            "{who}: {shown:?} waiting, {waiting} by SQL"
        );

        // Reception: the persons staying at a reception place now (their open stays),
        // against the places' capacity.
        let occupied: i64 = sqlx::query(
            "SELECT CAST(COALESCE(SUM(s.persons), 0) AS BIGINT) FROM stays s \
               JOIN reception_places r ON r.id = s.place_id \
              WHERE s.until_on IS NULL",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
        let capacity: i64 =
            sqlx::query("SELECT CAST(SUM(capacity_persons) AS BIGINT) FROM reception_places")
                .fetch_one(&pool)
                .await
                .unwrap()
                .try_get(0)
                .unwrap();
        let all = r.reception.last().unwrap();
        assert_eq!(all.kind, "total", "{who}");
        assert_eq!(all.capacity as i64, capacity, "{who}");
        assert_eq!(all.occupied, Some(occupied as u64), "{who}");

        // Money: the profile's €10,000 per person accepted and arrived.
        assert_eq!(
            r.money.eu_funding_cents,
            Some(1_000_000 * people.len() as i64),
            "{who}"
        );

        // Missions that started in the year.
        let missions: i64 = sqlx::query(
            "SELECT COUNT(*) FROM selection_missions \
              WHERE starts_on >= date($1) AND starts_on < date($2)",
        )
        .bind(FROM)
        .bind(UNTIL)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
        let started = r
            .missions
            .iter()
            .filter(|m| m.starts_on.year() == YEAR)
            .count() as i64;
        assert_eq!(started, missions, "{who}");

        // The pledges are the dashboard's, up to the year.
        let pledges = app.pledges("BE").await.unwrap();
        assert_eq!(
            r.pledges
                .iter()
                .map(|p| (p.year, p.pledged, p.arrived))
                .collect::<Vec<_>>(),
            pledges
                .iter()
                .filter(|p| p.year <= YEAR)
                .map(|p| (p.year, p.pledged, p.arrived))
                .collect::<Vec<_>>(),
            "{who}"
        );
        pool.close().await;
    }
}

/// The report's learning after arrival is the dashboard's cohort figures; its quota lines
/// are the planner's tracking of the year, arrivals withheld where small, and the persons
/// they count arrived are the persons an independent query finds arrived in the year.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cohorts_and_the_quota_against_arrivals_match_the_dashboard_and_the_tracking() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let r = report(&app, false).await;
        let dashboard = app.cohort_figures(&r.programme.code).await.unwrap();
        assert_eq!(
            serde_json::to_value(&r.cohorts).unwrap(),
            serde_json::to_value(&dashboard).unwrap(),
            "{who}"
        );
        assert!(
            r.cohorts
                .cohorts
                .iter()
                .any(|c| c.language_course.of.is_some()),
            "{who}: the demo's check-ins give no cohort figure"
        );
        let quota = r
            .quota
            .as_ref()
            .unwrap_or_else(|| panic!("{who}: no quota"));
        let track = app
            .quota_track(&caller(Role::Planner), &r.programme.code, YEAR)
            .await
            .unwrap();
        assert_eq!(quota.lines.len(), track.lines.len(), "{who}");
        let threshold = u64::from(r.small_cell_threshold);
        for (line, exact) in quota.lines.iter().zip(&track.lines) {
            assert_eq!(
                (&line.situation, &line.channel, line.target),
                (&exact.situation, &exact.channel, exact.target),
                "{who}"
            );
            let expected =
                (exact.arrived == 0 || exact.arrived >= threshold).then_some(exact.arrived);
            assert_eq!(line.arrived, expected, "{who}: {line:?}");
            assert_eq!(
                line.gap,
                expected.map(|a| exact.target as i64 - a as i64),
                "{who}"
            );
        }
        let year = r.pledges.iter().find(|p| p.year == YEAR).unwrap();
        if !quota.from_decision {
            let planned: u64 = quota.lines.iter().map(|l| l.target).sum();
            assert_eq!(
                planned, year.pledged as u64,
                "{who}: targets add up to the pledge"
            );
        }
        // Sponsored families count on top of the quota where the profile says so.
        let sponsored: BTreeSet<i64> =
            sqlx::query("SELECT id FROM cases WHERE sponsor_group_id IS NOT NULL")
                .fetch_all(&pool)
                .await
                .unwrap()
                .iter()
                .map(|r| r.try_get::<i64, _>(0).unwrap())
                .collect();
        let counted = travellers(&pool)
            .await
            .into_iter()
            .filter(|(case, ..)| !(quota.sponsored_left_out && sponsored.contains(case)))
            .count() as u64;
        let arrived: u64 = track.lines.iter().map(|l| l.arrived).sum();
        assert_eq!(
            arrived, counted,
            "{who}: the lines count every person who arrived"
        );
        pool.close().await;
    }
}

#[tokio::test]
async fn rounding_publishes_multiples_of_five_and_the_current_year_is_partial() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let r = report(&app, true).await;
    assert_eq!(r.rounded_to, Some(5));
    let all = r
        .arrivals
        .iter()
        .flat_map(|b| b.rows.iter().map(|c| c.count).chain([b.total]))
        .chain([r.arrived_persons, r.arrived_families]);
    for n in all.flatten() {
        assert_eq!(n % 5, 0, "{n} is not rounded");
    }
    let now = app
        .annual_report(
            &caller(Role::Auditor),
            &AnnualRequest {
                programme: None,
                year: 2026,
                round_to_five: false,
            },
        )
        .await
        .unwrap();
    assert!(now.partial && now.as_of == resettle_testkit::TODAY);
}

/// Attack: roles that may not build the report are refused, the refusal is in the trail,
/// and nothing else is written; a year not begun is refused naming the year.
#[tokio::test]
async fn only_planners_and_auditors_build_the_report() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let pool = raw(&db.url).await;
    let entries = |pool: sqlx::AnyPool| async move {
        sqlx::query("SELECT COUNT(*), MAX(seq) FROM audit_log")
            .fetch_one(&pool)
            .await
            .unwrap()
            .try_get::<i64, _>(0)
            .unwrap()
    };
    let request = AnnualRequest {
        programme: None,
        year: YEAR,
        round_to_five: false,
    };
    for role in [
        Role::CaseOfficer,
        Role::UnhcrLiaison,
        Role::MedicalOfficer,
        Role::ReceptionOfficer,
        Role::Municipality,
        Role::Sponsor,
        Role::Admin,
    ] {
        let before = entries(pool.clone()).await;
        let e = app
            .annual_report(&caller(role), &request)
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::Forbidden { .. }), "{role}: {e:?}");
        let last: (String, String, String) = {
            let r = sqlx::query(
                "SELECT action, entity, outcome FROM audit_log ORDER BY seq DESC LIMIT 1",
            )
            .fetch_one(&pool)
            .await
            .unwrap();
            (
                r.try_get(0).unwrap(),
                r.try_get(1).unwrap(),
                r.try_get(2).unwrap(),
            )
        };
        assert_eq!(
            entries(pool.clone()).await,
            before + 1,
            "{role}: only the refusal"
        );
        assert_eq!(last.2, "refused", "{role}: {last:?}");
    }
    let later = AnnualRequest {
        year: 2027,
        ..request
    };
    let e = app
        .annual_report(&caller(Role::Planner), &later)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("year: 2027"), "{e}");
    pool.close().await;
}

/// The open-data export: aggregates only, no count from 1 to the threshold minus one in any
/// cell, every published count equal to an independent SQL count (persons who arrived in
/// all and by nationality), multiples of 5 when rounded, a dictionary naming every column;
/// a case officer may not export it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_open_data_export_publishes_no_small_cell_and_matches_the_raw_tables() {
    use resettle_app::open_data::{COLUMNS, OpenDataRequest};
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let people = travellers(&pool).await;
        let nationality = counts(people.iter().map(|p| p.2.as_str()));
        for round_to_five in [false, true] {
            let request = OpenDataRequest {
                programme: None,
                year: YEAR,
                round_to_five,
            };
            let data = app
                .open_data(&caller(Role::Auditor), &request)
                .await
                .unwrap();
            let mut reader = csv::Reader::from_reader(data.csv.as_bytes());
            let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
            assert_eq!(header, COLUMNS.map(|(name, _)| name), "{who}");
            let mut rows = 0;
            for record in reader.records() {
                let r = record.unwrap();
                rows += 1;
                assert_eq!(&r[0], "2025", "{who}");
                let persons = &r[4];
                if persons.is_empty() {
                    assert_eq!(&r[5], "yes", "{who}: {r:?}");
                    continue;
                }
                let n: u64 = persons.parse().unwrap();
                assert!(n == 0 || n >= 5, "{who}: a small cell is published: {r:?}");
                if round_to_five {
                    assert_eq!(n % 5, 0, "{who}: {r:?}");
                    continue;
                }
                let exact = match (&r[1], &r[2]) {
                    ("arrivals", "total") => people.len() as u64,
                    ("arrivals", "nationality") => nationality.get(&r[3]).copied().unwrap_or(0),
                    _ => continue,
                };
                assert_eq!(n, exact, "{who}: {r:?}");
            }
            assert!(rows > 10, "{who}: {}", data.csv);
            for (name, _) in COLUMNS {
                assert!(data.dictionary.contains(&format!("`{name}`")), "{who}");
            }
        }
        let refused = app
            .open_data(
                &caller(Role::CaseOfficer),
                &OpenDataRequest {
                    programme: None,
                    year: YEAR,
                    round_to_five: false,
                },
            )
            .await;
        assert!(matches!(refused, Err(AppError::Forbidden { .. })), "{who}");
    }
}
