//! Storage behaviour, each test run against SQLite and a real PostgreSQL.
use resettle_domain::case::{
    Case, CaseEvent, CaseFile, CaseNumber, CaseState, Channel, FamilyMember, Priority,
    Relationship, Sex, SubmissionCategory,
};
use resettle_domain::country::CountryCode;
use resettle_domain::programme::{Pledge, Programme, ProgrammeImport};
use resettle_storage::{Assignment, ChainCheck, NewAuditEntry, NewEvent, StorageError, Store};
use time::macros::{date, datetime};

async fn fresh(url: &str) -> Store {
    let store = Store::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    store
}

fn event(seq: u32, from: Option<CaseState>, to: CaseState, year: i32) -> CaseEvent {
    CaseEvent {
        seq,
        at: datetime!(2020-03-01 10:00 UTC).replace_year(year).unwrap(),
        actor: "test".into(),
        from,
        to,
        reason: format!("step {seq}"),
        payload: serde_json::json!({ "seq": seq }),
    }
}

/// A case whose history walks `path` (after submission), the last step in `year`.
fn case_file(number: &str, persons: u32, path: &[CaseState], year: i32) -> CaseFile {
    let mut events = vec![event(1, None, CaseState::Submitted, year)];
    let mut cur = CaseState::Submitted;
    for &to in path {
        events.push(event(events.len() as u32 + 1, Some(cur), to, year));
        cur = to;
    }
    let members = (1..=persons)
        .map(|n| FamilyMember {
            member_no: n,
            full_name: format!("Member {n}"),
            date_of_birth: date!(1990 - 01 - 01),
            sex: Sex::Female,
            relationship: if n == 1 {
                Relationship::PrincipalApplicant
            } else {
                Relationship::Child
            },
            languages: vec!["ar".into()],
            education: None,
            occupation: None,
        })
        .collect();
    CaseFile {
        case: Case {
            case_number: CaseNumber::parse(number).unwrap(),
            programme: "BE".into(),
            country_of_asylum: CountryCode::parse("c", "LB").unwrap(),
            nationality: CountryCode::parse("n", "SY").unwrap(),
            categories: vec![SubmissionCategory::MedicalNeeds],
            priority: Priority::Normal,
            channel: Channel::Dossier,
            submitted_on: date!(2020 - 01 - 01),
            members,
            linked_cases: vec![],
        },
        events,
        promises: vec![],
        medical: vec![],
        reunification: vec![],
        mission: None,
        reception_place: None,
        sponsor_group: None,
        support: None,
        outcomes: vec![],
    }
}

const TO_ARRIVAL: &[CaseState] = &[
    CaseState::DossierReview,
    CaseState::Accepted,
    CaseState::PreDeparture,
    CaseState::DepartureScheduled,
    CaseState::Arrived,
];

fn programme(cases: Vec<CaseFile>) -> ProgrammeImport {
    ProgrammeImport {
        programme: Programme {
            code: "BE".into(),
            name: "Belgium".into(),
            state: CountryCode::parse("state", "BE").unwrap(),
            policy_profile: "belgium".into(),
        },
        pledges: vec![
            Pledge {
                year: 2020,
                pledged: 1150,
                arrived_before_resettle: Some(100),
                source: "test".into(),
            },
            Pledge {
                year: 2021,
                pledged: 1500,
                arrived_before_resettle: None,
                source: "test".into(),
            },
        ],
        places: vec![],
        sponsor_groups: vec![],
        missions: vec![],
        cases,
    }
}

#[tokio::test]
async fn migrations_build_the_same_schema_on_both_backends_and_run_once() {
    let mut schemas = Vec::new();
    for db in resettle_testkit::databases() {
        let store = Store::connect(&db.url).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), 0, "{}", db.backend);
        assert!(store.migrate().await.unwrap() > 0, "{}", db.backend);
        assert_eq!(
            store.migrate().await.unwrap(),
            0,
            "second run applies nothing"
        );
        assert_eq!(
            store.schema_version().await.unwrap(),
            Store::latest_schema_version()
        );
        let cols = store.schema_columns().await.unwrap();
        assert!(cols.contains(&("cases".into(), "case_number".into())));
        schemas.push((db.backend, cols));
    }
    if let [(_, sqlite), (_, postgres)] = &schemas[..] {
        assert_eq!(
            sqlite, postgres,
            "the two migration dialects define different schemas"
        );
    }
}

#[tokio::test]
async fn an_import_is_counted_by_state_and_arrivals_by_year() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let summary = store
            .import_programme(
                &programme(vec![
                    case_file("TST-20C00001", 4, TO_ARRIVAL, 2021),
                    case_file("TST-20C00002", 2, TO_ARRIVAL, 2021),
                    case_file("TST-20C00003", 3, &[CaseState::DossierReview], 2020),
                ]),
                &[],
            )
            .await
            .unwrap();
        assert_eq!((summary.cases, summary.persons), (3, 9), "{}", db.backend);
        let counts = store.count_by_state().await.unwrap();
        let arrived = counts
            .iter()
            .find(|c| c.state == CaseState::Arrived)
            .unwrap();
        assert_eq!((arrived.cases, arrived.persons), (2, 6), "{}", db.backend);
        assert_eq!(counts.len(), CaseState::ALL.len());
        let pledges = store.pledges("BE").await.unwrap();
        assert_eq!(pledges.len(), 2);
        assert_eq!(pledges[0].arrived(), 100, "2020: hand-entered only");
        assert_eq!(pledges[1].arrived_counted, 6, "2021: counted from cases");
        store.close().await;
    }
}

#[tokio::test]
async fn a_rejected_import_writes_nothing() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let mut bad = case_file("TST-20C00009", 1, TO_ARRIVAL, 2021);
        bad.events[2].to = CaseState::Housed; // accepted → housed skips the journey
        let err = store
            .import_programme(
                &programme(vec![case_file("TST-20C00008", 2, &[], 2020), bad]),
                &[],
            )
            .await
            .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("TST-20C00009") && msg.contains("events"),
            "{msg}"
        );
        assert_eq!(store.case_count().await.unwrap(), 0, "{}", db.backend);
        assert!(
            store.programmes().await.unwrap().is_empty(),
            "{}",
            db.backend
        );
    }
}

#[tokio::test]
async fn a_duplicate_case_number_is_refused_naming_it() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let twice = vec![
            case_file("TST-20C00001", 1, &[], 2020),
            case_file("tst-20c00001", 2, &[], 2020),
        ];
        match store.import_programme(&programme(twice), &[]).await {
            Err(StorageError::Duplicate { what: "case", key }) => assert_eq!(key, "TST-20C00001"),
            other => panic!(
                "{}: expected a duplicate refusal, got {other:?}",
                db.backend
            ),
        }
        assert_eq!(store.case_count().await.unwrap(), 0);
    }
}

#[tokio::test]
async fn delete_all_data_empties_every_table() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store
            .import_programme(
                &programme(vec![case_file("TST-20C00001", 3, TO_ARRIVAL, 2021)]),
                &[],
            )
            .await
            .unwrap();
        store.delete_all_data(&[]).await.unwrap();
        assert_eq!(store.case_count().await.unwrap(), 0, "{}", db.backend);
        assert!(store.programmes().await.unwrap().is_empty());
        // The same programme can be imported again afterwards.
        store
            .import_programme(&programme(vec![]), &[])
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn an_unknown_url_scheme_is_refused() {
    let err = Store::connect("mysql://localhost/x").await.unwrap_err();
    assert!(err.to_string().contains("sqlite://"), "{err}");
}

/// A step and the audit entry recording it commit together: with the trail intact both
/// are written; when the entry cannot be appended, the step is not written either (a
/// crash between two transactions could otherwise leave a write the trail never shows).
#[tokio::test]
async fn a_step_commits_with_its_audit_entry_or_not_at_all() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store
            .import_programme(
                &programme(vec![
                    case_file("TST-20C00021", 3, &[CaseState::DossierReview], 2020),
                    case_file("TST-20C00022", 2, &[CaseState::DossierReview], 2020),
                ]),
                &[],
            )
            .await
            .unwrap();
        let step = |number: &str| {
            (
                NewEvent {
                    to: CaseState::Accepted,
                    at: datetime!(2021-01-04 09:00 UTC),
                    actor: "case-officer".into(),
                    reason: "meets the criteria".into(),
                    payload: serde_json::json!({}),
                },
                NewAuditEntry {
                    actor: "case-officer".into(),
                    action: "write".into(),
                    entity: "case".into(),
                    entity_id: number.into(),
                    outcome: "ok".into(),
                    ..Default::default()
                },
            )
        };
        let first = CaseNumber::parse("TST-20C00021").unwrap();
        let (event, entry) = step("TST-20C00021");
        let version = store
            .append_event(
                &first,
                2,
                CaseState::DossierReview,
                &event,
                &Assignment::default(),
                &[entry],
            )
            .await
            .unwrap();
        assert_eq!(version, 3, "{}", db.backend);
        let moved = store.case(&first).await.unwrap().unwrap();
        assert_eq!(moved.state, CaseState::Accepted, "{}", db.backend);
        assert!(
            matches!(
                store.verify_audit().await.unwrap(),
                ChainCheck::Intact { entries: 1, .. }
            ),
            "{}",
            db.backend
        );

        // A trail that cannot take the entry: the step is refused and nothing changes.
        let raw = sqlx::AnyPool::connect(&db.url).await.unwrap();
        sqlx::query("DROP TABLE audit_log")
            .execute(&raw)
            .await
            .unwrap();
        raw.close().await;
        let second = CaseNumber::parse("TST-20C00022").unwrap();
        let before = store.case(&second).await.unwrap().unwrap();
        let (event, entry) = step("TST-20C00022");
        assert!(
            store
                .append_event(
                    &second,
                    before.version,
                    before.state,
                    &event,
                    &Assignment::default(),
                    &[entry],
                )
                .await
                .is_err(),
            "{}",
            db.backend
        );
        let after = store.case(&second).await.unwrap().unwrap();
        assert_eq!(
            (after.state, after.version, after.file.events.len()),
            (before.state, before.version, before.file.events.len()),
            "{}",
            db.backend
        );
        store.close().await;
    }
}

/// The mode bits of a file.
#[cfg(unix)]
fn mode(path: &str) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Attack: another account on the host reads the SQLite database (every case in the
/// clear but the sealed fields). Before, SQLite created the file and its WAL and
/// shared-memory files 0644 under the usual umask; now all three are 0600, and a file
/// others may read is reported. (PostgreSQL keeps its files itself.)
#[cfg(unix)]
#[tokio::test]
async fn the_sqlite_database_and_its_wal_are_readable_by_their_owner_only() {
    let db = resettle_testkit::sqlite();
    let store = fresh(&db.url).await;
    store
        .set_pledge(
            "BE",
            &Pledge {
                year: 2030,
                pledged: 1,
                arrived_before_resettle: None,
                source: "a write, so the WAL holds something".into(),
            },
            &[],
        )
        .await
        .ok();
    let file = db.url.trim_start_matches("sqlite://").to_string();
    for path in [file.clone(), format!("{file}-wal"), format!("{file}-shm")] {
        assert_eq!(mode(&path), 0o600, "{path}");
    }
    assert_eq!(resettle_storage::readable_by_others(file.as_ref()), None);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(
        resettle_storage::readable_by_others(file.as_ref()),
        Some(0o644),
        "a loose file is told apart"
    );
    store.close().await;
}

/// Many callers appending at once share group commits: every caller is answered only once
/// its entries are committed, each with its own last sequence number, and the chain the
/// batches sealed verifies, one entry per caller, in one unbroken sequence.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_appends_are_group_committed_into_one_verifiable_chain() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let callers: Vec<_> = (0..200)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    let entries = vec![
                        NewAuditEntry {
                            actor: format!("reader-{i}"),
                            action: "read".into(),
                            entity: "case".into(),
                            entity_id: format!("TST-20C{i:05}"),
                            outcome: "ok".into(),
                            ..Default::default()
                        };
                        1 + i % 3
                    ];
                    let last = store.append_audit(&entries).await.unwrap();
                    (i, entries.len() as i64, last)
                })
            })
            .collect();
        let mut answered = Vec::new();
        for c in callers {
            answered.push(c.await.unwrap());
        }
        let total: i64 = answered.iter().map(|(_, n, _)| n).sum();
        // Each caller's entries are consecutive and end at the sequence number it was told.
        let mut ranges: Vec<(i64, i64)> = answered
            .iter()
            .map(|(_, n, last)| (last - n + 1, *last))
            .collect();
        ranges.sort();
        let mut next = 1;
        for (first, last) in ranges {
            assert_eq!(first, next, "{}", db.backend);
            next = last + 1;
        }
        assert_eq!(next - 1, total, "{}", db.backend);
        for (i, n, last) in &answered {
            let mine = store
                .audit_entries(&resettle_storage::AuditFilter {
                    actor: Some(format!("reader-{i}")),
                    limit: 10,
                    ..Default::default()
                })
                .await
                .unwrap();
            let seqs: Vec<i64> = mine.iter().map(|e| e.seq).collect();
            let expected: Vec<i64> = (last - n + 1..=*last).rev().collect();
            assert_eq!(seqs, expected, "{}", db.backend);
        }
        assert_eq!(
            store.verify_audit().await.unwrap(),
            ChainCheck::Intact {
                entries: total,
                plain: total,
                anchored: 0
            },
            "{}",
            db.backend
        );
    }
}

/// Two servers starting together on one empty database: both migrate without a fault,
/// every migration is applied once, and the schema is complete.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_migrating_at_once_take_turns() {
    for db in resettle_testkit::databases() {
        let (a, b) = (
            Store::connect(&db.url).await.unwrap(),
            Store::connect(&db.url).await.unwrap(),
        );
        let (ra, rb) = tokio::join!(a.migrate(), b.migrate());
        let (ra, rb) = (ra.unwrap(), rb.unwrap());
        let latest = Store::latest_schema_version();
        assert_eq!((ra + rb) as i64, latest, "{}: {ra} + {rb}", db.backend);
        assert_eq!(a.schema_version().await.unwrap(), latest, "{}", db.backend);
        assert_eq!(b.migrate().await.unwrap(), 0, "{}", db.backend);
    }
}

/// A migration whose text changed after it was applied is refused by name, and nothing
/// is migrated.
#[tokio::test]
async fn a_changed_applied_migration_is_refused() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let runtime_pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        use sqlx::Row;
        sqlx::query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3")
            .execute(&runtime_pool)
            .await
            .unwrap();
        let err = store.migrate().await.unwrap_err().to_string();
        assert!(
            err.contains("migration 3 (organisations, users and API tokens) differs")
                && err.contains("checksum edited applied"),
            "{}: {err}",
            db.backend
        );
        // A database migrated before checksums were kept gets them, and migrates.
        sqlx::query("UPDATE schema_migrations SET checksum = ''")
            .execute(&runtime_pool)
            .await
            .unwrap();
        assert_eq!(store.migrate().await.unwrap(), 0, "{}", db.backend);
        let empty: i64 = sqlx::query("SELECT COUNT(*) FROM schema_migrations WHERE checksum = ''")
            .fetch_one(&runtime_pool)
            .await
            .unwrap()
            .try_get(0)
            .unwrap();
        assert_eq!(empty, 0, "{}", db.backend);
        runtime_pool.close().await;
    }
}

/// Attack: two administrators (two servers) add the same organisation at the same moment.
/// The database's unique constraint decides: one is added, the other refused as a
/// duplicate naming it (a 409), never a database fault (a 500); one entry is written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_creates_of_one_key_give_one_success_and_one_duplicate() {
    for db in resettle_testkit::databases() {
        let a = fresh(&db.url).await;
        let b = Store::connect(&db.url).await.unwrap();
        let entry = |who: &str| NewAuditEntry {
            actor: who.into(),
            action: "write".into(),
            entity: "organisation".into(),
            entity_id: "Fedasil".into(),
            outcome: "ok".into(),
            ..Default::default()
        };
        for round in 0..5 {
            let name = format!("Fedasil {round}");
            let (ea, eb) = ([entry("admin-a")], [entry("admin-b")]);
            let (ra, rb) = tokio::join!(
                a.add_organisation(&name, "agency", &ea),
                b.add_organisation(&name, "agency", &eb)
            );
            let (oks, dups): (Vec<_>, Vec<_>) = [ra, rb].into_iter().partition(|r| r.is_ok());
            assert_eq!(oks.len(), 1, "{}: {dups:?}", db.backend);
            match dups.into_iter().next().unwrap() {
                Err(StorageError::Duplicate { what, key }) => {
                    assert_eq!((what, key.as_str()), ("organisation", name.as_str()))
                }
                other => panic!("{}: {other:?}", db.backend),
            }
        }
        assert!(
            matches!(
                a.verify_audit().await.unwrap(),
                ChainCheck::Intact { entries: 5, .. }
            ),
            "{}",
            db.backend
        );
    }
}
