//! Funding claims on a demo database, checked against an independent SQL query over the
//! raw tables on SQLite and PostgreSQL: each accepted person who arrived in the year once,
//! the amount by the profile's `[money]` table, a total that adds up to the cent; a profile
//! without the instrument, and a role that may not build reports, are refused.
use crate::common;
use std::collections::{BTreeMap, BTreeSet};

use resettle_app::cases::TransitionRequest;
use resettle_app::filed_claims::{Correction, FiledClaim, LineKind};
use resettle_app::funding::{ClaimRequest, FundingClaim, Instrument};
use resettle_app::{App, AppError, Caller, Role};
use resettle_domain::RefusalKind;
use sqlx::Row;

use crate::common::{caller, raw};

/// The app on this file's demo caseload.
async fn demo_app(url: &str) -> App {
    common::demo_app(url, 11, 400).await
}

const YEAR: i32 = 2025;
const FROM: &str = "2025-01-01";
const UNTIL: &str = "2026-01-01";

async fn claim(app: &App, role: Role, instrument: Instrument) -> Result<FundingClaim, AppError> {
    app.funding_claim(
        &caller(role),
        &ClaimRequest {
            programme: None,
            instrument,
            year: YEAR,
        },
    )
    .await
}

/// Whole years from `born` to `on` (ISO days), written again here so the test does not
/// lean on the domain's calendar.
fn age(born: &str, on: &str) -> i64 {
    let part = |s: &str, r: std::ops::Range<usize>| s[r].parse::<i64>().unwrap();
    let years = part(on, 0..4) - part(born, 0..4);
    let before_birthday = (part(on, 5..7), part(on, 8..10)) < (part(born, 5..7), part(born, 8..10));
    years - i64::from(before_birthday)
}

/// The persons who arrived in the year, as (case number, member no) → adult on arrival:
/// every member of an arrived case, less those its decision in part did not accept.
async fn arrived_persons(pool: &sqlx::AnyPool) -> BTreeMap<(String, i64), bool> {
    let rows = sqlx::query(
        "SELECT c.case_number, m.member_no, CAST(m.date_of_birth AS TEXT), \
                CAST(MIN(e.at) AS TEXT) \
           FROM case_events e JOIN cases c ON c.id = e.case_id \
           JOIN family_members m ON m.case_id = c.id \
          WHERE e.to_state = 'arrived' AND e.at >= date($1) AND e.at < date($2) \
          GROUP BY c.case_number, m.member_no, m.date_of_birth",
    )
    .bind(FROM)
    .bind(UNTIL)
    .fetch_all(pool)
    .await
    .unwrap();
    let partial = sqlx::query(
        "SELECT c.case_number, e.payload FROM case_events e JOIN cases c ON c.id = e.case_id \
          WHERE e.to_state = 'accepted_in_part'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut accepted: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
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
    rows.iter()
        .map(|r| {
            let case: String = r.try_get(0).unwrap();
            let member: i64 = r.try_get(1).unwrap();
            let born: String = r.try_get(2).unwrap();
            let arrived: String = r.try_get(3).unwrap();
            ((case, member), age(&born, &arrived) >= 18)
        })
        .filter(|((case, member), _)| accepted.get(case).is_none_or(|a| a.contains(member)))
        .collect()
}

/// The claim's persons, each once, with whether they are adults; a second line for a
/// person fails the test.
fn claimed(c: &FundingClaim, who: &str) -> BTreeMap<(String, i64), bool> {
    let mut out = BTreeMap::new();
    for l in &c.lines {
        assert_eq!(l.person_id, format!("{}/{}", l.case_number, l.member_no));
        let key = (l.case_number.clone(), i64::from(l.member_no));
        assert!(
            out.insert(key, l.adult).is_none(),
            "{who}: {} twice",
            l.person_id
        );
    }
    assert_eq!(
        c.total_cents,
        c.lines.iter().map(|l| l.amount_cents).sum::<i64>(),
        "{who}: the total adds up"
    );
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_match_an_independent_query_and_count_each_person_once() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let persons = arrived_persons(&pool).await;
        assert!(persons.len() > 50, "{who}: the demo has arrivals in {YEAR}");

        // AMIF under the Belgian profile: €10,000 for every person.
        let amif = claim(&app, Role::Planner, Instrument::Amif).await.unwrap();
        assert_eq!((amif.year, amif.partial), (YEAR, false), "{who}");
        assert_eq!(claimed(&amif, who), persons, "{who}");
        assert!(amif.lines.iter().all(|l| l.amount_cents == 1_000_000));
        assert_eq!(amif.total_cents, persons.len() as i64 * 1_000_000, "{who}");

        // Belgium pays no municipal allowance: refused, naming the instrument.
        let none = claim(&app, Role::Auditor, Instrument::Allowance).await;
        assert!(
            matches!(&none, Err(AppError::Refused(r)) if r.field == "instrument"),
            "{who}: {none:?}"
        );

        // Under the Dutch profile: €1,000 per adult, nothing per minor (2025 is long
        // after the first cohort of 2012), and no EU funding.
        sqlx::query("UPDATE programmes SET policy_profile = 'netherlands-2012'")
            .execute(&pool)
            .await
            .unwrap();
        let allowance = claim(&app, Role::Planner, Instrument::Allowance)
            .await
            .unwrap();
        assert_eq!(claimed(&allowance, who), persons, "{who}");
        let adults = persons.values().filter(|&&a| a).count() as i64;
        assert!(adults > 0 && adults < persons.len() as i64, "{who}");
        assert_eq!(allowance.total_cents, adults * 100_000, "{who}");
        assert!(allowance.lines.iter().all(|l| !l.first_cohort));
        assert!(
            allowance
                .lines
                .iter()
                .all(|l| l.amount_cents == if l.adult { 100_000 } else { 0 })
        );
        let dutch_amif = claim(&app, Role::Planner, Instrument::Amif).await;
        assert!(
            matches!(&dutch_amif, Err(AppError::Refused(r)) if r.field == "instrument"
                && r.kind == resettle_domain::RefusalKind::NoRate { instrument: "amif".into() }),
            "{who}: {dutch_amif:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_planners_and_auditors_build_a_claim_and_it_is_recorded() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let built = |pool: sqlx::AnyPool| async move {
            sqlx::query(
                "SELECT COUNT(*) FROM audit_log WHERE entity = 'funding_claim' AND outcome = 'ok'",
            )
            .fetch_one(&pool)
            .await
            .unwrap()
            .try_get::<i64, _>(0)
            .unwrap()
        };
        for role in [Role::CaseOfficer, Role::Municipality, Role::Sponsor] {
            let refused = claim(&app, role, Instrument::Amif).await;
            assert!(
                matches!(refused, Err(AppError::Forbidden { .. })),
                "{who}: {role:?} {refused:?}"
            );
        }
        assert_eq!(built(pool.clone()).await, 0, "{who}");
        claim(&app, Role::Auditor, Instrument::Amif).await.unwrap();
        assert_eq!(built(pool.clone()).await, 1, "{who}");
    }
}

/// One number from the raw tables.
async fn number(pool: &sqlx::AnyPool, sql: &str) -> i64 {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(pool)
        .await
        .unwrap()
        .try_get::<i64, _>(0)
        .unwrap()
}

async fn file(
    app: &App,
    role: Role,
    instrument: Instrument,
    year: i32,
) -> Result<FiledClaim, AppError> {
    app.file_funding_claim(
        &caller(role),
        &ClaimRequest {
            programme: None,
            instrument,
            year,
        },
    )
    .await
}

/// What every line filed under the instrument and year adds up to, and the persons named
/// by more than one first claim, from the raw tables.
async fn filed_sums(pool: &sqlx::AnyPool, instrument: &str, year: i32) -> (i64, i64, i64) {
    let lines = number(
        pool,
        &format!(
            "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM funding_claim_lines \
              WHERE instrument = '{instrument}' AND year = {year}"
        ),
    )
    .await;
    let claims = number(
        pool,
        &format!(
            "SELECT CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) FROM funding_claims \
              WHERE instrument = '{instrument}' AND year = {year}"
        ),
    )
    .await;
    let twice = number(
        pool,
        &format!(
            "SELECT COUNT(*) FROM (SELECT person_id FROM funding_claim_lines \
              WHERE instrument = '{instrument}' AND year = {year} AND kind = 'claim' \
              GROUP BY person_id HAVING COUNT(*) > 1) t"
        ),
    )
    .await;
    (lines, claims, twice)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filing_twice_claims_nobody_twice_and_the_claims_add_up() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let persons = arrived_persons(&pool).await;

        // An auditor reads claims but does not file one: refused, nothing written.
        let refused = file(&app, Role::Auditor, Instrument::Amif, YEAR).await;
        assert!(
            matches!(refused, Err(AppError::Forbidden { .. })),
            "{who}: {refused:?}"
        );
        assert_eq!(
            number(&pool, "SELECT COUNT(*) FROM funding_claims").await,
            0,
            "{who}"
        );

        // The first claim names every person who arrived in the year once.
        let first = file(&app, Role::Planner, Instrument::Amif, YEAR)
            .await
            .unwrap();
        assert_eq!(
            (first.number, first.lines.len()),
            (1, persons.len()),
            "{who}"
        );
        assert!(first.lines.iter().all(|l| l.kind == LineKind::Claim));
        let expected = persons.len() as i64 * 1_000_000;
        assert_eq!(
            filed_sums(&pool, "amif", YEAR).await,
            (expected, expected, 0),
            "{who}"
        );

        // Filing again with nothing changed is refused, and writes nothing.
        let again = file(&app, Role::Planner, Instrument::Amif, YEAR).await;
        assert!(
            matches!(&again, Err(AppError::Refused(r)) if r.kind == RefusalKind::NothingToClaim),
            "{who}: {again:?}"
        );
        assert_eq!(
            number(&pool, "SELECT COUNT(*) FROM funding_claims").await,
            1,
            "{who}"
        );

        // Within the year not yet over: a claim, a family arrives, a second claim names
        // only that family, and nobody twice.
        let this_year = resettle_testkit::TODAY.year();
        let early = file(&app, Role::Planner, Instrument::Amif, this_year)
            .await
            .unwrap();
        let op = Caller::operator();
        let row = sqlx::query(
            "SELECT case_number, version, COALESCE(travelling, family_size) FROM cases \
              WHERE state = 'departure_scheduled' ORDER BY case_number",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        let case: String = row[0].try_get(0).unwrap();
        let version: i64 = row[0].try_get(1).unwrap();
        let travelling: i64 = row[0].try_get(2).unwrap();
        app.transition(
            &op,
            &case,
            &TransitionRequest {
                ..TransitionRequest::to(resettle_domain::case::CaseState::Arrived, version)
            },
        )
        .await
        .unwrap();
        let later = file(&app, Role::Planner, Instrument::Amif, this_year)
            .await
            .unwrap();
        assert_eq!(later.number, 2, "{who}");
        assert_eq!(later.lines.len() as i64, travelling, "{who}: {later:?}");
        assert!(
            later
                .lines
                .iter()
                .all(|l| l.case_number == case && l.kind == LineKind::Claim)
        );
        let now = claim_of(&app, Instrument::Amif, this_year).await;
        let both = early.total_cents + later.total_cents;
        assert_eq!(
            now.total_cents, both,
            "{who}: the claims add up to the year's"
        );
        assert_eq!(
            filed_sums(&pool, "amif", this_year).await,
            (both, both, 0),
            "{who}"
        );

        // Under the Dutch allowance, an adult's age on arrival corrected makes them a minor:
        // the next claim takes back the adult's allowance with a correction line.
        sqlx::query("UPDATE programmes SET policy_profile = 'netherlands-2012'")
            .execute(&pool)
            .await
            .unwrap();
        let allowance = file(&app, Role::Planner, Instrument::Allowance, YEAR)
            .await
            .unwrap();
        let adult = allowance
            .lines
            .iter()
            .find(|l| l.amount_cents == 100_000)
            .unwrap();
        sqlx::query(
            "UPDATE family_members SET date_of_birth = '2020-01-01' \
              WHERE member_no = $1 AND case_id = (SELECT id FROM cases WHERE case_number = $2)",
        )
        .bind(i64::from(adult.member_no))
        .bind(adult.case_number.clone())
        .execute(&pool)
        .await
        .unwrap();
        let corrected = file(&app, Role::Planner, Instrument::Allowance, YEAR)
            .await
            .unwrap();
        assert_eq!(corrected.lines.len(), 1, "{who}: {corrected:?}");
        let line = &corrected.lines[0];
        assert_eq!(
            (
                line.person_id.as_str(),
                line.kind,
                line.amount_cents,
                line.reason
            ),
            (
                adult.person_id.as_str(),
                LineKind::Correction,
                -100_000,
                Some(Correction::AmountChanged)
            ),
            "{who}"
        );
        let total = claim_of(&app, Instrument::Allowance, YEAR)
            .await
            .total_cents;
        assert_eq!(
            filed_sums(&pool, "allowance", YEAR).await,
            (total, total, 0),
            "{who}"
        );

        // The database itself refuses a second first claim of a person.
        let dup = sqlx::query(
            "INSERT INTO funding_claim_lines (claim_id, line_no, programme_id, instrument, \
               year, person_id, case_number, member_no, kind, amount_cents) \
             SELECT claim_id, 9999, programme_id, instrument, year, person_id, case_number, \
                    member_no, kind, amount_cents FROM funding_claim_lines \
              WHERE kind = 'claim' AND line_no = 1 AND instrument = 'amif' AND year = 2025",
        )
        .execute(&pool)
        .await;
        assert!(dup.is_err(), "{who}: the unique index refuses it");
        // Nor in another year: the instrument pays once per person, ever.
        let other_year = sqlx::query(
            "INSERT INTO funding_claim_lines (claim_id, line_no, programme_id, instrument, \
               year, person_id, case_number, member_no, kind, amount_cents) \
             SELECT claim_id, 9999, programme_id, instrument, year + 1, person_id, case_number, \
                    member_no, kind, amount_cents FROM funding_claim_lines \
              WHERE kind = 'claim' AND line_no = 1 AND instrument = 'amif' AND year = 2025",
        )
        .execute(&pool)
        .await;
        assert!(
            other_year.is_err(),
            "{who}: claimed once ever, whatever the year"
        );

        // Listed, for planners and auditors alike: five claims.
        let listed = app
            .filed_funding_claims(&caller(Role::Auditor), None)
            .await
            .unwrap();
        assert_eq!(listed.len(), 5, "{who}");
        assert_eq!(
            listed.iter().find(|c| c.year == this_year && c.number == 2),
            Some(&later)
        );
    }
}

async fn claim_of(app: &App, instrument: Instrument, year: i32) -> FundingClaim {
    app.funding_claim(
        &caller(Role::Planner),
        &ClaimRequest {
            programme: None,
            instrument,
            year,
        },
    )
    .await
    .unwrap()
}
