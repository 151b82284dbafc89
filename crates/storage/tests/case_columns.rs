//! The case tables' days, moments and consents (migration 40): PostgreSQL keeps them in
//! its own types (checked for every table by the migrations' own test), SQLite in the
//! codec's text and 0 or 1, and the store gives back what it was given on both, through
//! the bulk import and through each single write.
mod common;

use resettle_domain::case::{CaseState, Promise, PromiseKind};
use resettle_storage::{Assignment, NewEvent};
use sqlx::{Connection, Row};
use time::Duration;
use time::macros::{date, datetime};

#[tokio::test]
async fn the_case_tables_keep_days_moments_and_consents_typed_and_whole() {
    let mut import = resettle_demo::generate(&resettle_demo::DemoConfig {
        cases: 200,
        ..Default::default()
    });
    // Moments to the microsecond, which is all either backend keeps.
    for (i, f) in import.cases.iter_mut().enumerate() {
        for e in &mut f.events {
            e.at += Duration::microseconds(100_001 + i as i64);
        }
    }
    // One request without a due day and one promise told (the demo has neither).
    let r = import
        .cases
        .iter_mut()
        .flat_map(|f| &mut f.reunification)
        .next()
        .unwrap();
    r.due_on = None;
    let p = import
        .cases
        .iter_mut()
        .flat_map(|f| &mut f.promises)
        .next()
        .unwrap();
    p.family_notified_on = Some(p.made_on + Duration::days(1));
    let files = &import.cases;
    let medical = || files.iter().flat_map(|f| &f.medical);
    let promises = || files.iter().flat_map(|f| &f.promises);
    let requests = || files.iter().flat_map(|f| &f.reunification);
    let stays = || files.iter().flat_map(|f| &f.stays);
    // The caseload holds each value both ways: a consent given and not, NULL where a
    // column may hold it and a day where it holds one.
    assert!(medical().any(|m| m.consent_to_share) && medical().any(|m| !m.consent_to_share));
    assert!(
        promises().any(|p| p.family_notified_on.is_some())
            && promises().any(|p| p.family_notified_on.is_none())
    );
    assert!(
        requests().any(|r| r.resolved_on.is_some()) && requests().any(|r| r.resolved_on.is_none())
    );
    assert!(requests().any(|r| r.due_on.is_some()) && requests().any(|r| r.due_on.is_none()));
    assert!(stays().any(|s| s.until.is_some()) && stays().any(|s| s.until.is_none()));

    for db in resettle_testkit::databases() {
        let store = common::keyed_store(&db.url).await;

        let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();

        // The bulk import (one statement for many rows) and the read of a whole case.
        store.import_programme(&import, &[]).await.unwrap();
        for f in files {
            let stored = store.case(&f.case.case_number).await.unwrap().unwrap();
            assert_eq!(stored.file, *f, "{}: {}", db.backend, f.case.case_number);
            assert_eq!(
                stored.state_since,
                f.events.last().unwrap().at,
                "{}",
                db.backend
            );
        }

        // Each single write: a step at a moment with microseconds, a promise told and one
        // not, a step after arrival, a consent withdrawn and given again, an anonymisation.
        let f = files.iter().find(|f| !f.medical.is_empty()).unwrap();
        let number = &f.case.case_number;
        let before = store.case(number).await.unwrap().unwrap();
        let at = datetime!(2026-11-23 21:18:46.123456 UTC);
        store
            .append_event(
                number,
                before.version,
                before.state,
                &NewEvent {
                    to: CaseState::Withdrawn,
                    at,
                    actor: "test".into(),
                    reason: "moved on".into(),
                    reason_code: None,
                    payload: serde_json::json!({}),
                },
                &Assignment::default(),
                &[],
            )
            .await
            .unwrap();
        let promise = |told| Promise {
            kind: PromiseKind::Departure,
            promised_date: date!(2027 - 02 - 28),
            made_on: date!(2026 - 11 - 23),
            slip_reason: None,
            slip_reason_code: None,
            family_notified_on: told,
        };
        let told = promise(Some(date!(2026 - 11 - 24)));
        store.add_promise(number, &told, &[], &[]).await.unwrap();
        store
            .add_promise(number, &promise(None), &[], &[])
            .await
            .unwrap();
        store
            .record_after_arrival(number, "asylum_registration", date!(2024 - 02 - 29), &[])
            .await
            .unwrap();
        let mut record = f.medical[0].clone();
        for consent in [!record.consent_to_share, record.consent_to_share] {
            record.consent_to_share = consent;
            store
                .write_medical_record(number, &record, &[])
                .await
                .unwrap();
            let stored = store.case(number).await.unwrap().unwrap().file;
            assert_eq!(
                stored.medical[0].consent_to_share, consent,
                "{}",
                db.backend
            );
        }
        let after = store.case(number).await.unwrap().unwrap();
        let last = after.file.events.last().unwrap();
        assert_eq!((last.at, after.state_since), (at, at), "{}", db.backend);
        let n = after.file.promises.len();
        assert_eq!(
            after.file.promises[n - 2..],
            [told, promise(None)],
            "{}",
            db.backend
        );
        assert_eq!(
            after.file.after_arrival.get("asylum_registration"),
            Some(&date!(2024 - 02 - 29)),
            "{}",
            db.backend
        );

        let anonymised = store
            .anonymise_cases(&[number.to_string()], date!(2026 - 11 - 25), &|_| vec![])
            .await
            .unwrap();
        assert_eq!(anonymised, 1, "{}", db.backend);
        let on: String =
            sqlx::query("SELECT CAST(anonymised_on AS TEXT) FROM cases WHERE case_number = $1")
                .bind(number.to_string())
                .fetch_one(&mut conn)
                .await
                .unwrap()
                .try_get(0)
                .unwrap();
        assert_eq!(on, "2026-11-25", "{}", db.backend);
        // A date of birth is kept to its year.
        let kept = store.case(number).await.unwrap().unwrap().file.case.members;
        for (m, was) in kept.iter().zip(&f.case.members) {
            let year = was.date_of_birth.year();
            assert_eq!(
                m.date_of_birth,
                time::Date::from_calendar_date(year, time::Month::January, 1).unwrap(),
                "{}",
                db.backend
            );
        }
        conn.close().await.unwrap();
        store.close().await;
    }
}
