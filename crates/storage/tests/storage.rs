//! Storage behaviour, each test run against SQLite and a real PostgreSQL.
mod common;
use resettle_domain::case::{
    Case, CaseEvent, CaseFile, CaseNumber, CaseState, Channel, FamilyMember, Priority,
    Relationship, Sex, SubmissionCategory,
};
use resettle_domain::country::CountryCode;
use resettle_domain::programme::{Pledge, Programme, ProgrammeImport};
use resettle_domain::reception::{
    Move, OccupancyRule, PlaceKind, ReceptionPlace, Stay, StayKind, occupancy,
};
use resettle_storage::{
    Assignment, Awaiting, ChainCheck, NewAuditEntry, NewEvent, NewStay, StorageError, Store,
};
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
        reason_code: None,
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
        stays: vec![],
        after_arrival: Default::default(),
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
        let shape = store.schema_shape().await.unwrap();
        assert!(
            shape.columns.iter().any(|c| c.table == "cases"
                && c.column == "case_number"
                && c.kind == "text"
                && c.not_null),
            "{}: {:?}",
            db.backend,
            shape.columns
        );
        assert!(
            shape.indexes.iter().any(|i| i.table == "case_events"),
            "{}",
            db.backend
        );
        assert!(
            shape.checks.iter().any(|(t, _)| t == "cases"),
            "{}",
            db.backend
        );
        schemas.push((db.backend, shape));
    }
    if let [(_, sqlite), (_, postgres)] = &schemas[..] {
        same_in_both(
            "columns (kind, nullability)",
            &sqlite.columns,
            &postgres.columns,
        );
        same_in_both("indexes", &sqlite.indexes, &postgres.indexes);
        same_in_both("checks per table", &sqlite.checks, &postgres.checks);
    }
}

/// Fails naming what only one dialect's schema has.
fn same_in_both<T: PartialEq + std::fmt::Debug>(what: &str, sqlite: &[T], postgres: &[T]) {
    let only_sqlite: Vec<&T> = sqlite.iter().filter(|x| !postgres.contains(x)).collect();
    let only_postgres: Vec<&T> = postgres.iter().filter(|x| !sqlite.contains(x)).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the two migration dialects build different {what}: only in SQLite {only_sqlite:#?}, \
         only in PostgreSQL {only_postgres:#?}"
    );
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

fn place(code: &str, kind: PlaceKind, capacity: u32) -> ReceptionPlace {
    ReceptionPlace {
        code: code.into(),
        name: format!("{code} place"),
        kind,
        municipality: format!("{code} town"),
        region: "Limburg".into(),
        capacity_persons: capacity,
    }
}

/// A family received in stages: taken to a centre the day it arrived, moved to an LOI,
/// then into a home, each stay dated and read back; occupancy counts only the stays
/// current on a day, as the domain defines it; a split family's arrival counts the
/// persons who travelled.
#[tokio::test]
async fn stays_follow_steps_and_moves_and_occupancy_counts_only_current_ones() {
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let mut split = case_file(
            "TST-20C00002",
            5,
            &[
                CaseState::DossierReview,
                CaseState::AcceptedInPart,
                CaseState::PreDeparture,
                CaseState::DepartureScheduled,
                CaseState::Arrived,
            ],
            2021,
        );
        split.events[2].payload = serde_json::json!({"members_accepted": [1, 2, 3]});
        let mut import = programme(vec![case_file("TST-20C00001", 4, TO_ARRIVAL, 2021), split]);
        import.places = vec![
            place("CENTRE-A", PlaceKind::Centre, 50),
            place("LOI-B", PlaceKind::Loi, 10),
        ];
        store.import_programme(&import, &[]).await.unwrap();
        let pledges = store.pledges("BE").await.unwrap();
        assert_eq!(
            pledges[1].arrived_counted, 7,
            "{}: 4 + the 3 of 5 who travelled",
            db.backend
        );
        let arrived = store.count_by_state().await.unwrap();
        let arrived = arrived
            .iter()
            .find(|c| c.state == CaseState::Arrived)
            .unwrap();
        assert_eq!((arrived.cases, arrived.persons), (2, 7), "{}", db.backend);

        let number = CaseNumber::parse("TST-20C00001").unwrap();
        let step = |to, at, stay: Option<NewStay>| {
            (
                NewEvent {
                    to,
                    at,
                    actor: "reception-officer".into(),
                    reason: String::new(),
                    reason_code: None,
                    payload: serde_json::json!({}),
                },
                Assignment {
                    stay,
                    ..Assignment::default()
                },
            )
        };
        let stay_at = |kind, place: Option<&str>, on| NewStay {
            next: Move {
                kind,
                place: place.map(str::to_string),
                on,
                reason: String::new(),
            },
            persons: 4,
            over_capacity_reason: None,
        };
        let (event, a) = step(
            CaseState::InReception,
            datetime!(2021-03-01 15:00 UTC),
            Some(stay_at(
                StayKind::Centre,
                Some("CENTRE-A"),
                date!(2021 - 03 - 01),
            )),
        );
        let v = store
            .append_event(&number, 6, CaseState::Arrived, &event, &a, &[])
            .await
            .unwrap();
        let waiting = store
            .awaiting_placement(
                "BE",
                &Awaiting {
                    before_any_stay: false,
                    staying_in: vec![StayKind::Centre],
                },
            )
            .await
            .unwrap();
        assert_eq!(
            waiting
                .iter()
                .map(|c| c.case_number.as_str())
                .collect::<Vec<_>>(),
            ["TST-20C00001"],
            "{}: a family in a centre awaits its LOI",
            db.backend
        );
        assert_eq!(waiting[0].state, CaseState::InReception, "{}", db.backend);
        let v = store
            .move_family(
                &number,
                v,
                &stay_at(StayKind::Loi, Some("LOI-B"), date!(2021 - 04 - 12)),
                &[],
            )
            .await
            .unwrap();
        let stale = store
            .move_family(
                &number,
                v - 1,
                &stay_at(StayKind::Centre, Some("CENTRE-A"), date!(2021 - 04 - 12)),
                &[],
            )
            .await;
        assert!(
            matches!(stale, Err(StorageError::Stale { .. })),
            "{}",
            db.backend
        );
        let (event, a) = step(
            CaseState::Housed,
            datetime!(2021-09-01 10:00 UTC),
            Some(stay_at(StayKind::Home, None, date!(2021 - 09 - 01))),
        );
        let v = store
            .append_event(&number, v, CaseState::InReception, &event, &a, &[])
            .await
            .unwrap();
        let case = store.case(&number).await.unwrap().unwrap();
        assert_eq!(case.version, v);
        assert_eq!(
            case.file.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6, 7, 8],
            "{}: the move is no event, and the events are numbered without a gap",
            db.backend
        );
        assert_eq!(case.file.reception_place, None, "{}: home", db.backend);
        let dated: Vec<(StayKind, Option<&str>, time::Date, Option<time::Date>)> = case
            .file
            .stays
            .iter()
            .map(|s| (s.kind, s.place.as_deref(), s.from, s.until))
            .collect();
        assert_eq!(
            dated,
            [
                (
                    StayKind::Centre,
                    Some("CENTRE-A"),
                    date!(2021 - 03 - 01),
                    Some(date!(2021 - 04 - 12))
                ),
                (
                    StayKind::Loi,
                    Some("LOI-B"),
                    date!(2021 - 04 - 12),
                    Some(date!(2021 - 09 - 01))
                ),
                (StayKind::Home, None, date!(2021 - 09 - 01), None),
            ],
            "{}",
            db.backend
        );
        // Occupancy by SQL, day by day, is the domain's count over the same stays.
        let stays: Vec<Stay> = store
            .programme_stays("BE")
            .await
            .unwrap()
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        for day in [
            date!(2021 - 02 - 28),
            date!(2021 - 03 - 01),
            date!(2021 - 04 - 11),
            date!(2021 - 04 - 12),
            date!(2021 - 08 - 31),
            date!(2021 - 09 - 01),
        ] {
            let rule = OccupancyRule {
                day,
                kinds: vec![StayKind::Centre, StayKind::Loi, StayKind::Sponsor],
            };
            let defined = occupancy(&rule, &stays);
            let counted: Vec<(String, i64)> = store
                .reception_occupancy("BE", &rule)
                .await
                .unwrap()
                .into_iter()
                .map(|p| (p.code, p.occupied_persons))
                .collect();
            for (code, persons) in counted {
                let kind = if code.starts_with("LOI") {
                    StayKind::Loi
                } else {
                    StayKind::Centre
                };
                assert_eq!(
                    persons,
                    i64::from(defined.get(&(kind, code.clone())).copied().unwrap_or(0)),
                    "{}: {code} on {day}",
                    db.backend
                );
            }
        }
        let rule = |day| OccupancyRule {
            day,
            kinds: vec![StayKind::Centre, StayKind::Loi, StayKind::Sponsor],
        };
        let load = store
            .place_load("BE", "LOI-B", "TST-20C00002", &rule(date!(2021 - 05 - 01)))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                load.capacity_persons,
                load.occupied_persons,
                load.reserved_persons
            ),
            (10, 4, 0),
            "{}",
            db.backend
        );
        assert!(
            store
                .place_load(
                    "BE",
                    "NOWHERE",
                    "TST-20C00002",
                    &rule(date!(2021 - 05 - 01))
                )
                .await
                .unwrap()
                .is_none()
        );
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
                    reason_code: None,
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

#[tokio::test]
async fn reason_codes_are_kept_with_the_step_and_the_slipped_promise() {
    use resettle_domain::case::{Promise, PromiseKind};
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let mut file = case_file("TST-20C00031", 2, &[CaseState::DossierReview], 2020);
        let promise = |slip: Option<(&str, &str)>| Promise {
            kind: PromiseKind::Departure,
            promised_date: date!(2020 - 06 - 01),
            made_on: date!(2020 - 03 - 01),
            slip_reason: slip.map(|(_, r)| r.into()),
            slip_reason_code: slip.map(|(c, _)| c.into()),
            family_notified_on: None,
        };
        file.promises = vec![
            promise(None),
            promise(Some(("visa", "laissez-passer late"))),
        ];
        store
            .import_programme(&programme(vec![file]), &[])
            .await
            .unwrap();
        let number = CaseNumber::parse("TST-20C00031").unwrap();
        let event = NewEvent {
            to: CaseState::Deferred,
            at: datetime!(2021-01-04 09:00 UTC),
            actor: "case-officer".into(),
            reason: "second interview in March".into(),
            reason_code: Some("further_interview".into()),
            payload: serde_json::json!({}),
        };
        store
            .append_event(
                &number,
                2,
                CaseState::DossierReview,
                &event,
                &Assignment::default(),
                &[],
            )
            .await
            .unwrap();
        let stored = store.case(&number).await.unwrap().unwrap().file;
        assert_eq!(
            stored.events.last().unwrap().reason_code.as_deref(),
            Some("further_interview"),
            "{}",
            db.backend
        );
        assert_eq!(stored.events[0].reason_code, None, "{}", db.backend);
        assert_eq!(
            stored
                .promises
                .iter()
                .map(|p| p.slip_reason_code.as_deref())
                .collect::<Vec<_>>(),
            [None, Some("visa")],
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

/// A database on another host is reached over TLS, verifying the server's certificate
/// against the authority `sslrootcert` names: the connection is encrypted, and a server
/// whose certificate another authority signed is refused, not trusted.
#[tokio::test]
async fn postgresql_is_reached_over_verified_tls() {
    use sqlx::{Connection, Row};
    let Some(cluster) = resettle_testkit::postgres::cluster() else {
        return;
    };
    let url = cluster.create_database();
    let verified = format!(
        "{url}?sslmode=verify-full&sslrootcert={}",
        cluster.certificate_authority().display()
    );
    let store = Store::connect(&verified).await.unwrap();
    assert!(store.migrate().await.unwrap() > 0);
    let mut conn = sqlx::PgConnection::connect(&verified).await.unwrap();
    let row = sqlx::query("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(row.get::<bool, _>(0), "the connection is not encrypted");
    assert!(
        row.get::<String, _>(1).starts_with("TLSv1."),
        "{}",
        row.get::<String, _>(1)
    );

    let other = tempfile::tempdir().unwrap();
    let other_ca = other.path().join("other.crt");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "2", "-subj", "/CN=someone else"])
        .arg("-keyout")
        .arg(other.path().join("other.key"))
        .arg("-out")
        .arg(&other_ca)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let impostor = format!(
        "{url}?sslmode=verify-full&sslrootcert={}",
        other_ca.display()
    );
    let Err(refused) = Store::connect(&impostor).await else {
        panic!("a server certificate no trusted authority signed was accepted");
    };
    assert!(
        refused.to_string().to_lowercase().contains("certificate"),
        "refused for another reason: {refused}"
    );
}

/// A name search folds case, accents and Arabic vowel marks alike on both databases, finds
/// a family by the beginning of any member's name word (every word typed must match), and
/// forgets a family once it is anonymised.
#[tokio::test]
async fn names_are_found_alike_on_both_databases_in_any_script() {
    use resettle_storage::{CaseFilter, ListStart};
    let named = |number: &str, names: &[&str]| {
        let mut f = case_file(number, names.len() as u32, TO_ARRIVAL, 2021);
        for (m, name) in f.case.members.iter_mut().zip(names) {
            m.full_name = name.to_string();
        }
        f
    };
    let mut answers = Vec::new();
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store
            .import_programme(
                &programme(vec![
                    named("TST-21C00001", &["Aḥmad Al-Ḥassan", "Émilie Dupont"]),
                    named("TST-21C00002", &["مُحَمَّد أحمد"]),
                    named("TST-21C00003", &["Hassan Omar", "Amina Omar"]),
                ]),
                &[],
            )
            .await
            .unwrap();
        let search = |q: &str| {
            let store = &store;
            let filter = CaseFilter {
                q: Some(q.into()),
                ..CaseFilter::default()
            };
            async move {
                let found = store
                    .list_cases(&filter, &ListStart::Page(1), 50, 1000)
                    .await
                    .unwrap();
                assert_eq!(found.rows.len() as i64, found.count.total);
                let mut numbers: Vec<String> =
                    found.rows.into_iter().map(|c| c.case_number).collect();
                numbers.sort();
                numbers
            }
        };
        let one = |n: &str| vec![format!("TST-21C0000{n}")];
        assert_eq!(search("ahmad").await, one("1"), "{}", db.backend);
        assert_eq!(search("AHMAD al-hass").await, one("1"), "{}", db.backend);
        assert_eq!(search("emilie").await, one("1"), "{}", db.backend);
        assert_eq!(search("محمد").await, one("2"), "{}", db.backend);
        assert_eq!(search("احمد").await, one("2"), "{}", db.backend);
        assert_eq!(search("hassan").await.len(), 2, "{}", db.backend);
        assert_eq!(search("hassan omar").await, one("3"), "{}", db.backend);
        assert_eq!(
            search("assan").await,
            Vec::<String>::new(),
            "words are found by their beginning"
        );
        assert_eq!(search("21c00002").await, one("2"), "{}", db.backend);
        answers.push(search("a").await);

        store
            .anonymise_cases(&["TST-21C00001".into()], date!(2026 - 11 - 23), &|_| {
                Vec::new()
            })
            .await
            .unwrap();
        assert_eq!(
            search("ahmad").await,
            Vec::<String>::new(),
            "{}",
            db.backend
        );
    }
    if let [sqlite, postgres] = &answers[..] {
        assert_eq!(
            sqlite, postgres,
            "the two databases answered one search differently"
        );
    }
}

/// Paging by key gives every case the filter matches exactly once, in the list's order
/// (newest submission first, ties by case number), with and without filters, on both
/// databases, as paging by number does; a page after a case the filter does not match
/// starts where that case stands; and the count is exact up to its cap and says when it
/// stopped there.
#[tokio::test]
async fn pages_read_by_key_hold_every_match_once_in_order() {
    use resettle_domain::case::ListPosition;
    use resettle_storage::{CaseFilter, CaseSummary, ListStart};
    // Five days of submission for 61 cases, numbered out of order: most days hold ties.
    let files: Vec<CaseFile> = (0..61u32)
        .map(|i| {
            let path = if i % 3 == 0 {
                TO_ARRIVAL
            } else {
                &TO_ARRIVAL[..2]
            };
            let mut f = case_file(&format!("TST-21C{:05}", (i * 37) % 101), 1, path, 2021);
            f.case.submitted_on = date!(2020 - 01 - 01) + time::Duration::days(i64::from(i % 5));
            if i % 4 == 0 {
                f.case.priority = Priority::Urgent;
            }
            f.case.members[0].full_name =
                format!("Member {}", if i % 2 == 0 { "Haddad" } else { "Omar" });
            f
        })
        .collect();
    let mut order: Vec<&CaseFile> = files.iter().collect();
    order.sort_by(|a, b| {
        (b.case.submitted_on, a.case.case_number.as_str())
            .cmp(&(a.case.submitted_on, b.case.case_number.as_str()))
    });
    // Each filter, with what it says of a case.
    type Rule = fn(&CaseFile) -> bool;
    let filters: Vec<(CaseFilter, Rule)> = vec![
        (CaseFilter::default(), |_| true),
        (
            CaseFilter {
                state: Some(CaseState::Arrived),
                ..CaseFilter::default()
            },
            |f| f.events.len() > 3,
        ),
        (
            CaseFilter {
                priority: Some(Priority::Urgent),
                nationality: Some("sy".into()),
                ..CaseFilter::default()
            },
            |f| f.case.priority == Priority::Urgent,
        ),
        (
            CaseFilter {
                q: Some("hadd".into()),
                ..CaseFilter::default()
            },
            |f| f.case.members[0].full_name.ends_with("Haddad"),
        ),
    ];
    let numbers = |rows: &[CaseSummary]| -> Vec<String> {
        rows.iter().map(|c| c.case_number.clone()).collect()
    };
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store
            .import_programme(&programme(files.clone()), &[])
            .await
            .unwrap();
        for (filter, matches) in &filters {
            let expected: Vec<String> = order
                .iter()
                .filter(|f| matches(f))
                .map(|f| f.case.case_number.as_str().to_string())
                .collect();
            assert!(expected.len() > 7, "every filter spans pages");
            let (mut by_key, mut by_number) = (Vec::new(), Vec::new());
            let mut start = ListStart::Page(1);
            for page in 1.. {
                let found = store.list_cases(filter, &start, 7, 1000).await.unwrap();
                assert_eq!(found.count.total, expected.len() as i64, "{}", db.backend);
                assert!(found.count.exact);
                by_key.extend(numbers(&found.rows));
                let offset = store
                    .list_cases(filter, &ListStart::Page(page), 7, 1000)
                    .await
                    .unwrap();
                by_number.extend(numbers(&offset.rows));
                assert_eq!(found.more, offset.more, "{} page {page}", db.backend);
                if !found.more {
                    break;
                }
                assert_eq!(found.rows.len(), 7);
                let last = CaseNumber::parse(&found.rows[6].case_number).unwrap();
                start = ListStart::After(ListPosition::from(last));
            }
            assert_eq!(by_key, expected, "{} {filter:?}", db.backend);
            assert_eq!(by_number, expected, "{} {filter:?}", db.backend);

            let capped = store
                .list_cases(filter, &ListStart::Page(1), 7, 5)
                .await
                .unwrap();
            assert_eq!((capped.count.total, capped.count.exact), (5, false));
            let just = store
                .list_cases(filter, &ListStart::Page(1), 7, expected.len() as i64)
                .await
                .unwrap();
            assert_eq!(
                (just.count.total, just.count.exact),
                (expected.len() as i64, true)
            );
        }
        // After a case the filter does not match (not arrived): the arrived cases that
        // follow it in the list's order.
        let at = (10..).find(|&i| order[i].events.len() <= 3).unwrap();
        let unmatched = order[at];
        let after = store
            .list_cases(
                &filters[1].0,
                &ListStart::After(ListPosition::from(unmatched.case.case_number.clone())),
                100,
                1000,
            )
            .await
            .unwrap();
        let expected: Vec<String> = order[at + 1..]
            .iter()
            .filter(|f| f.events.len() > 3)
            .map(|f| f.case.case_number.as_str().to_string())
            .collect();
        assert_eq!(numbers(&after.rows), expected, "{}", db.backend);
    }
}

/// A database from before the name words (schema 16, names already held) gets them filled
/// from its members' names when it is migrated, so its families stay findable.
#[tokio::test]
async fn an_older_database_gets_its_name_words_when_migrated() {
    use resettle_storage::CaseFilter;
    use sqlx::Connection;
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        let mut f = case_file("TST-21C00009", 1, TO_ARRIVAL, 2021);
        f.case.members[0].full_name = "Zaïd Barakat".into();
        store
            .import_programme(&programme(vec![f]), &[])
            .await
            .unwrap();
        let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();
        sqlx::raw_sql(
            "DROP TABLE member_name_words; DELETE FROM schema_migrations WHERE version = 17",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
        let store = fresh(&db.url).await;
        let filter = CaseFilter {
            q: Some("zaid bar".into()),
            ..CaseFilter::default()
        };
        let found = store
            .list_cases(&filter, &resettle_storage::ListStart::Page(1), 10, 10)
            .await
            .unwrap();
        assert_eq!(found.rows.len(), 1, "{}", db.backend);
    }
}

/// The stays the database counts for the families' estimates are the stays the domain
/// reads from each history (`statistics::durations::spells`), group by group, on both
/// backends: the SQL's date arithmetic, window and grouping say what the rule says.
#[tokio::test]
async fn the_stays_counted_in_the_database_are_the_domains() {
    use std::collections::BTreeMap;

    use resettle_domain::statistics::durations::spells;

    let config = resettle_demo::DemoConfig {
        cases: 300,
        ..Default::default()
    };
    let import = resettle_demo::generate(&config);
    let today = config.as_of;
    let mut expected = BTreeMap::new();
    for file in &import.cases {
        let history: Vec<(CaseState, time::Date)> =
            file.events.iter().map(|e| (e.to, e.at.date())).collect();
        for (state, spell) in spells(&history, today) {
            let key = (
                file.case.channel.as_str(),
                file.case.priority.as_str(),
                file.case.country_of_asylum.to_string(),
                state.as_str(),
                spell.days,
                spell.ended,
            );
            *expected.entry(key).or_insert(0u32) += 1;
        }
    }
    for db in resettle_testkit::databases() {
        let store = common::keyed_store(&db.url).await;
        store.import_programme(&import, &[]).await.unwrap();
        let mut counted = BTreeMap::new();
        for (group, state, spell, n) in store.step_spells(today).await.unwrap() {
            assert_eq!(group.programme, "BE");
            if state.is_terminal() {
                continue;
            }
            let key = (
                group.channel.as_str(),
                group.priority.as_str(),
                group.country_of_asylum.to_string(),
                state.as_str(),
                spell.days,
                spell.ended,
            );
            *counted.entry(key).or_insert(0u32) += n;
        }
        assert_eq!(counted, expected, "{}", db.backend);
        store.close().await;
    }
}

/// PostgreSQL keeps the days and yes/no answers of integration support, its outcomes and
/// funding claims in its own types (migration 42), and what the store writes there, by
/// the import's batches and by each single write, comes back as it was on both backends:
/// every day, every flag both ways, a day not yet known left empty.
#[tokio::test]
async fn support_outcomes_and_claims_keep_their_days_and_flags_typed() {
    use resettle_domain::outcomes::FollowUp;
    use resettle_domain::support::{
        CheckIn, Contact, ContactKind, Goal, GoalKind, HealthAccess, Housing, Problem, ProblemKind,
        ProviderKind, Respondent, SupportPlan,
    };
    use resettle_storage::{ClosedTask, FiledClaimRow, ImportedSupport, NewOutcome};
    use sqlx::Row;
    let number = CaseNumber::parse("TST-20C00042").unwrap();
    let plan = SupportPlan {
        provider: "Vluchtelingenwerk".into(),
        provider_kind: ProviderKind::Ngo,
        starts_on: date!(2020 - 03 - 02),
        months: 24,
    };
    let goal = |kind, target_on, reached_on| Goal {
        kind,
        member_no: None,
        target_on,
        reached_on,
    };
    let goals = vec![
        goal(GoalKind::OwnHousing, date!(2020 - 09 - 30), None),
        goal(
            GoalKind::LanguageCourse,
            date!(2020 - 12 - 31),
            Some(date!(2020 - 11 - 03)),
        ),
    ];
    let checkin = |months, answered_on, yes: bool| CheckIn {
        months,
        answered_on,
        answered_by: Respondent::Staff,
        housing: Housing {
            own_home: yes,
            own_kitchen: yes,
            own_shower: !yes,
            rooms: 2,
        },
        language_course: !yes,
        schooling: vec![],
        work: vec![],
        health: Some(HealthAccess {
            registered_with_doctor: yes,
            care_when_needed: !yes,
        }),
        relatives_abroad: 0,
        feeling: 4,
    };
    let no_home = Problem {
        kind: ProblemKind::NoOwnHousing,
        member_no: None,
    };
    // The import writes the plan, its goals, a check-in (every flag once yes, once no),
    // its task and an outcome in multi-row batches.
    let first = checkin(3, date!(2020 - 06 - 01), true);
    let mut file = case_file(number.as_str(), 2, TO_ARRIVAL, 2020);
    file.support = Some(plan.clone());
    file.outcomes = vec![FollowUp {
        member_no: 1,
        months: 12,
        employed: true,
        recorded_on: date!(2021 - 03 - 05),
    }];
    let imported = ImportedSupport {
        number: number.clone(),
        goals: goals.clone(),
        checkins: vec![(first.clone(), vec![no_home])],
    };
    // Then each single write: a goal reached, a contact, a second check-in with the flags
    // the other way and an outcome of each kind, the first task closed, a claim filed.
    let second = checkin(6, date!(2020 - 09 - 01), false);
    let closed = ClosedTask {
        on: date!(2020 - 10 - 15),
        by: "ana".into(),
        note: "a flat in Gent".into(),
    };
    let contact = Contact {
        on: date!(2020 - 04 - 07),
        kind: ContactKind::Visit,
        note: "first visit".into(),
    };
    let claim = FiledClaimRow {
        number: 1,
        instrument: "amif".into(),
        year: 2020,
        as_of: date!(2020 - 12 - 31),
        filed_on: date!(2021 - 01 - 15),
        filed_by: "ana".into(),
        total_cents: 1_000_000,
        lines: vec![],
    };
    for db in resettle_testkit::databases() {
        let store = common::keyed_store(&db.url).await;
        let mut import = store.begin_import(&programme(vec![]), false).await.unwrap();
        import
            .add_cases(
                std::slice::from_ref(&file),
                std::slice::from_ref(&imported),
                "importer",
                &[],
            )
            .await
            .unwrap();
        import.commit(&[]).await.unwrap();
        store
            .reach_goal(&number, 1, date!(2020 - 10 - 01), &[])
            .await
            .unwrap();
        store
            .log_support_contact(&number, &contact, "ana", &[])
            .await
            .unwrap();
        let outcomes = [
            FollowUp {
                member_no: 1,
                months: 18,
                employed: false,
                recorded_on: date!(2021 - 09 - 06),
            },
            FollowUp {
                member_no: 2,
                months: 18,
                employed: true,
                recorded_on: date!(2021 - 09 - 06),
            },
        ];
        store
            .record_checkin(&number, &second, "ana", &[no_home], &outcomes, &[])
            .await
            .unwrap();
        let records = store.support_records(&number, true).await.unwrap();
        let first_task = records.tasks.iter().map(|t| t.id).min().unwrap();
        store
            .close_support_task(&number, first_task, &closed, &[])
            .await
            .unwrap();
        store
            .record_outcomes(
                &[NewOutcome {
                    case_number: number.to_string(),
                    member_no: 2,
                    months: 12,
                    employed: false,
                    recorded_on: date!(2021 - 03 - 08),
                }],
                &[],
            )
            .await
            .unwrap();
        store.file_claim("BE", &claim, &[]).await.unwrap();

        let records = store.support_records(&number, true).await.unwrap();
        let mut reached = goals.clone();
        reached[0].reached_on = Some(date!(2020 - 10 - 01));
        assert_eq!(records.goals, reached, "{}", db.backend);
        assert_eq!(
            records.contacts,
            [(contact.clone(), "ana".into())],
            "{}",
            db.backend
        );
        let answered: Vec<(CheckIn, String)> = records
            .checkins
            .iter()
            .map(|c| (c.checkin.clone(), c.recorded_by.clone()))
            .collect();
        assert_eq!(
            answered,
            [
                (first.clone(), "importer".into()),
                (second.clone(), "ana".into())
            ],
            "{}",
            db.backend
        );
        let tasks: Vec<(u32, time::Date, Option<ClosedTask>)> = records
            .tasks
            .iter()
            .map(|t| (t.from_months, t.opened_on, t.closed.clone()))
            .collect();
        assert_eq!(
            tasks,
            [
                (6, second.answered_on, None),
                (3, first.answered_on, Some(closed.clone())),
            ],
            "{}: the open task first, the closed one with its day",
            db.backend
        );
        let case = store.case(&number).await.unwrap().unwrap();
        assert_eq!(case.file.support, Some(plan.clone()), "{}", db.backend);
        let follow_up = |member_no, months, employed, recorded_on| FollowUp {
            member_no,
            months,
            employed,
            recorded_on,
        };
        assert_eq!(
            case.file.outcomes,
            [
                follow_up(1, 12, true, date!(2021 - 03 - 05)),
                follow_up(2, 12, false, date!(2021 - 03 - 08)),
                follow_up(1, 18, false, date!(2021 - 09 - 06)),
                follow_up(2, 18, true, date!(2021 - 09 - 06)),
            ],
            "{}",
            db.backend
        );
        assert_eq!(
            store.filed_claims("BE").await.unwrap(),
            std::slice::from_ref(&claim),
            "{}",
            db.backend
        );
        // A flag tests as itself in SQL on both backends (SQLite's integers are truthy).
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        let count = |sql: &'static str| {
            let pool = pool.clone();
            async move {
                sqlx::query(sql)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
                    .get::<i64, _>(0)
            }
        };
        assert_eq!(
            (
                count("SELECT COUNT(*) FROM wellbeing_checkins WHERE own_home").await,
                count("SELECT COUNT(*) FROM wellbeing_checkins WHERE NOT own_shower").await,
                count("SELECT COUNT(*) FROM integration_outcomes WHERE employed").await,
            ),
            (1, 1, 2),
            "{}",
            db.backend
        );
        pool.close().await;
        store.close().await;
    }
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
/// every migration is applied once, and the schema is complete. (Versions may skip
/// numbers, when migrations were numbered apart in parallel work: the applied ones are
/// counted in the record, which holds each version once.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_migrating_at_once_take_turns() {
    for db in resettle_testkit::databases() {
        let (a, b) = (
            Store::connect(&db.url).await.unwrap(),
            Store::connect(&db.url).await.unwrap(),
        );
        let (ra, rb) = tokio::join!(a.migrate(), b.migrate());
        let (ra, rb) = (ra.unwrap(), rb.unwrap());
        // Versions leave gaps (numbers handed out to work in progress): each recorded
        // migration was applied by exactly one of the two.
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        let recorded: i64 = sqlx::Row::try_get(
            &sqlx::query("SELECT COUNT(*) FROM schema_migrations")
                .fetch_one(&pool)
                .await
                .unwrap(),
            0,
        )
        .unwrap();
        pool.close().await;
        assert_eq!((ra + rb) as i64, recorded, "{}: {ra} + {rb}", db.backend);
        let latest = Store::latest_schema_version();
        assert_eq!(a.schema_version().await.unwrap(), latest, "{}", db.backend);
        // Nothing is left to apply: every migration of the build was applied, once.
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
                && err.contains("\"edited\""),
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

/// People, access, notices to families and planning keep their days, moments and yes/no in
/// PostgreSQL's own types, and every value comes back through the store as it went in on
/// both backends: a day, a moment to the microsecond, a flag both ways, nothing where
/// nothing was written; and the comparisons on them (a token's expiry, a notice falling
/// due, a claim running out, the lock a sign-in set) hold to the microsecond.
#[tokio::test]
async fn access_and_planning_values_are_typed_and_come_back_as_written() {
    use resettle_domain::access::Role;
    use resettle_domain::case::{News, Promise, PromiseKind};
    use resettle_domain::hold::ProgrammeHold;
    use resettle_domain::mission::{MissionStatus, SelectionMission};
    use resettle_domain::reception::ProposalStatus;
    use resettle_storage::clock::FixedClock;
    use resettle_storage::{
        Attempt, CutOff, DeliveryAttempt, FamilyContact, NewNotice, NewProposal, NewQuotaDecision,
        NoticeChannel, NoticeChannels, QuotaYear, SignInStep,
    };
    use sqlx::Row;
    use time::Duration;

    let at = datetime!(2026-03-04 10:20:30.123456 UTC);
    // Notices keep whole seconds (they compare as text on SQLite).
    let second = datetime!(2026-03-04 10:20:30 UTC);
    let micro = Duration::microseconds(1);
    let no_audit = |_: &u64| Vec::new();
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let store = fresh(&db.url)
            .await
            .with_clock(std::sync::Arc::new(FixedClock::at(at)));
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();

        // Missions: imported with the programme and added later; days, latest first.
        let mission = |code: &str, starts_on, ends_on| SelectionMission {
            code: code.into(),
            destination: CountryCode::parse("destination", "LB").unwrap(),
            starts_on,
            ends_on,
            status: MissionStatus::Planned,
            team: vec!["An (CGVS)".into()],
        };
        let mut import = programme(vec![case_file(
            "TST-26C00041",
            2,
            &[CaseState::DossierReview],
            2026,
        )]);
        import.missions = vec![mission(
            "BE-2026-LB-1",
            date!(2026 - 02 - 27),
            date!(2026 - 03 - 05),
        )];
        store.import_programme(&import, &[]).await.unwrap();
        let later = mission("BE-2026-LB-2", date!(2026 - 12 - 31), date!(2027 - 01 - 02));
        store.add_mission("BE", &later, &[]).await.unwrap();
        let missions: Vec<SelectionMission> = store
            .missions()
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.mission)
            .collect();
        assert_eq!(missions, vec![later, import.missions[0].clone()], "{who}");

        // A hold's days and when it was recorded; a quota decision's day.
        let hold = ProgrammeHold {
            from: date!(2026 - 03 - 01),
            until: date!(2026 - 04 - 30),
            reason: "security".into(),
            note: "the airport is closed".into(),
        };
        store
            .add_hold("BE", &hold, "planner", at, &|_: &i64| Vec::new())
            .await
            .unwrap();
        let holds = store.holds("BE").await.unwrap();
        assert_eq!((&holds[0].hold, holds[0].recorded_at), (&hold, at), "{who}");
        let decision = NewQuotaDecision {
            proposed_by: "Fedasil".into(),
            consulted: "NGOs".into(),
            motivation: "places there are".into(),
            published_on: date!(2026 - 02 - 28),
            recorded_by: "planner".into(),
            years: vec![QuotaYear {
                year: 2026,
                persons: 1000,
                emergency: 50,
            }],
        };
        store
            .record_quota_decision("BE", &decision, &[])
            .await
            .unwrap();
        assert_eq!(
            store.quota_decisions("BE").await.unwrap()[0].decision,
            decision,
            "{who}"
        );

        // A user: made at the clock's moment, disabled and enabled again.
        store
            .add_user("ana", &[Role::CaseOfficer], None, "hash", &[])
            .await
            .unwrap();
        let ana = store.users().await.unwrap().remove(0);
        assert_eq!((ana.created_at, ana.disabled), (at, false), "{who}");
        for disabled in [true, false] {
            store
                .set_user_disabled("ana", disabled, &|_: &CutOff| Vec::new())
                .await
                .unwrap();
            assert_eq!(store.users().await.unwrap()[0].disabled, disabled, "{who}");
        }

        // A lock set by a sign-in attempt holds until its moment, and the attempt that
        // set it finds it equal and lifts it.
        let until = at + Duration::minutes(1);
        let charged = store
            .charge_sign_in_attempt("ana", SignInStep::Password, at, |_| Some(until))
            .await
            .unwrap();
        assert_eq!(
            charged,
            Attempt::Charged {
                count: 1,
                lock: Some(until)
            },
            "{who}"
        );
        let login = store.login_row("ana").await.unwrap().unwrap();
        assert_eq!(login.locked_until, Some(until), "{who}");
        assert_eq!(
            store
                .charge_sign_in_attempt("ana", SignInStep::Password, until - micro, |_| None)
                .await
                .unwrap(),
            Attempt::Locked { until },
            "{who}"
        );
        store
            .sign_in_step_passed("ana", SignInStep::Password, Some(until))
            .await
            .unwrap();
        let login = store.login_row("ana").await.unwrap().unwrap();
        assert_eq!(login.locked_until, None, "{who}: the lock it set is lifted");

        // Tokens: one expiring at a moment, one never; both revoked.
        let expires = at + Duration::hours(1);
        store
            .add_token("ana", "expiring", None, Some(expires), &[])
            .await
            .unwrap();
        store
            .add_token("ana", "lasting", None, None, &[])
            .await
            .unwrap();
        for (token, now, live) in [
            ("expiring", expires - micro, true),
            ("expiring", expires, false),
            ("lasting", at + Duration::days(3650), true),
        ] {
            assert_eq!(
                store.user_by_token(token, now).await.unwrap().is_some(),
                live,
                "{who}: {token} at {now}"
            );
        }
        assert_eq!(store.revoke_tokens("ana", &no_audit).await.unwrap(), 2);
        assert!(store.user_by_token("lasting", at).await.unwrap().is_none());

        // A session: begun without the second factor, seen later, renewed with it, ended.
        store
            .create_session("s1", "ana", "csrf", false, at, &no_audit)
            .await
            .unwrap();
        let s = store.session("s1").await.unwrap().unwrap();
        assert_eq!(
            (s.created_at, s.last_seen, s.second_factor_done),
            (at, at, false),
            "{who}"
        );
        let seen = at + Duration::microseconds(654_321);
        store.touch_session("s1", seen).await.unwrap();
        assert!(
            store
                .renew_after_second_factor("s1", "s2", "csrf2", &no_audit)
                .await
                .unwrap()
        );
        let s = store.session("s2").await.unwrap().unwrap();
        assert_eq!(
            (s.created_at, s.last_seen, s.second_factor_done),
            (at, seen, true),
            "{who}"
        );
        store.end_session("s2", seen, &no_audit).await.unwrap();
        assert!(store.session("s2").await.unwrap().is_none(), "{who}");

        // A notice: queued with a date told, due at once, claimed until a moment, sent
        // by e-mail only.
        let number = CaseNumber::parse("TST-26C00041").unwrap();
        let contact = FamilyContact {
            email: Some("family@example.org".into()),
            phone: None,
        };
        store.set_contact(&number, &contact, &[]).await.unwrap();
        let promise = Promise {
            kind: PromiseKind::Interview,
            promised_date: date!(2026 - 03 - 05),
            made_on: date!(2026 - 03 - 04),
            slip_reason: None,
            slip_reason_code: None,
            family_notified_on: None,
        };
        let notice = NewNotice {
            case_number: number.clone(),
            news: News::MissionScheduled,
            language: "ar".into(),
        };
        store
            .add_promise(&number, &promise, &[], &[notice])
            .await
            .unwrap();
        let queued = store
            .contact_and_notices(&number)
            .await
            .unwrap()
            .1
            .remove(0);
        assert_eq!(
            (queued.queued_at, queued.next_attempt_at, queued.sent_at),
            (second, Some(second), None),
            "{who}"
        );
        let email = NoticeChannels {
            email: true,
            sms: false,
        };
        let s = Duration::seconds;
        let claimed = store
            .claim_notices("one", second - s(1), second + s(60), email, 10)
            .await
            .unwrap();
        assert!(claimed.is_empty(), "{who}: not due yet");
        let claimed = store
            .claim_notices("one", second, second + s(60), email, 10)
            .await
            .unwrap();
        assert_eq!(claimed.len(), 1, "{who}: due at its moment");
        assert!(!claimed[0].email_sent, "{who}");
        let other = store
            .claim_notices("two", second + s(59), second + s(120), email, 10)
            .await
            .unwrap();
        assert!(other.is_empty(), "{who}: claimed until its moment");
        store
            .notice_went_out(claimed[0].id, "one", NoticeChannel::Email, second + s(3))
            .await
            .unwrap();
        store
            .finish_notice(
                claimed[0].id,
                "one",
                second + s(4),
                &DeliveryAttempt::Sent,
                &[],
            )
            .await
            .unwrap();
        let sent = store
            .contact_and_notices(&number)
            .await
            .unwrap()
            .1
            .remove(0);
        assert_eq!(
            (
                sent.email_sent_at,
                sent.sms_sent_at,
                sent.sent_at,
                sent.next_attempt_at
            ),
            (Some(second + s(3)), None, Some(second + s(4)), None),
            "{who}"
        );

        // A family's session, ended by a new code.
        store
            .set_family_code(&number, "code-hash", "officer", at, &[])
            .await
            .unwrap();
        store
            .create_family_session("f1", &number, at, &[])
            .await
            .unwrap();
        let family = store.family_session("f1").await.unwrap().unwrap();
        assert_eq!(family.created_at, at, "{who}");
        store
            .set_family_code(&number, "code-hash-2", "officer", seen, &[])
            .await
            .unwrap();
        assert!(store.family_session("f1").await.unwrap().is_none(), "{who}");

        // Moments only written: each holds its moment to the microsecond (the clock's;
        // the second code's for the family's code).
        store
            .add_policy_profile("custom", "profile text", &[])
            .await
            .unwrap();
        let proposal = NewProposal {
            case_number: number.as_str().into(),
            place_code: "LOI-GENT".into(),
            score: 1.0,
            explanation: "{}".into(),
            case_version: 2,
        };
        store
            .replace_proposals("BE", "{}", &[proposal], &[])
            .await
            .unwrap();
        assert!(
            store
                .decide_proposal(
                    number.as_str(),
                    ProposalStatus::Rejected,
                    "LOI-GENT",
                    "officer",
                    None,
                    &[]
                )
                .await
                .unwrap()
        );
        let moment = match store.backend() {
            resettle_storage::Backend::Sqlite => "$1",
            resettle_storage::Backend::Postgres => "CAST($1 AS TIMESTAMPTZ)",
        };
        let clock = "2026-03-04T10:20:30.123456Z";
        for (table, column, written) in [
            ("policy_profiles", "added_at", clock),
            ("family_codes", "issued_at", "2026-03-04T10:20:30.777777Z"),
            ("placement_runs", "ran_at", clock),
            ("placement_proposals", "decided_at", clock),
            ("api_tokens", "created_at", clock),
            ("api_tokens", "revoked_at", clock),
        ] {
            let n: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {table} WHERE {column} = {moment}"
            )))
            .bind(written)
            .fetch_one(&pool)
            .await
            .unwrap()
            .try_get(0)
            .unwrap();
            assert!(n > 0, "{who}: {table}.{column}");
        }
        pool.close().await;
        store.close().await;
    }
}

/// One page of the overdue list, as case numbers with their days over, and the total.
async fn listed(
    store: &Store,
    screens: &[(String, Vec<resettle_domain::policy::OverdueScreen>)],
    today: time::Date,
    page: u32,
    per_page: u32,
    filter: &resettle_storage::CaseFilter,
) -> (Vec<(String, i64)>, i64) {
    let (rows, total) = store
        .overdue_cases(screens, today, filter, page, per_page)
        .await
        .unwrap();
    let rows = rows.into_iter().map(|(s, d)| (s.case_number, d)).collect();
    (rows, total)
}

/// The overdue list the database counts and pages is the time-limit rule's, on both
/// backends: random walks of the lifecycle (days often repeating, so stops fall on the
/// day a clock starts; cases going back into reception after housing), half imported and
/// half appended one event at a time, are listed with the days over the domain's
/// `PolicyProfile::overdue` gives their whole histories, most overdue first; and again
/// once migration 31 has filled the states entered since from the events alone.
#[tokio::test]
async fn the_overdue_cases_counted_in_the_database_are_the_rules() {
    use resettle_domain::policy::PolicyProfile;
    use resettle_storage::CaseFilter;
    use sqlx::Connection;

    let policy = PolicyProfile::parse(include_str!("../../../policies/belgium.toml")).unwrap();
    let today = date!(2022 - 06 - 01);
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut files = Vec::new();
    let mut appended = Vec::new();
    let mut expected = Vec::new();
    for i in 0..160 {
        let mut f = case_file(&format!("TST-20C{:05}", i + 1), 1, &[], 2020);
        f.case.priority = Priority::ALL[next(3) as usize];
        let mut at = datetime!(2020-01-01 10:00 UTC) + time::Duration::days(next(500) as i64);
        f.events[0].at = at;
        let mut state = CaseState::Submitted;
        for _ in 0..next(12) {
            let choices = state.next();
            if choices.is_empty() {
                break;
            }
            let to = choices[next(choices.len() as u64) as usize];
            at += time::Duration::days(if next(3) == 0 { 0 } else { next(150) as i64 });
            f.events
                .push(event(f.events.len() as u32 + 1, Some(state), to, 2020));
            f.events.last_mut().unwrap().at = at;
            state = to;
        }
        let history: Vec<(CaseState, time::Date)> =
            f.events.iter().map(|e| (e.to, e.at.date())).collect();
        let worst = policy
            .overdue(f.case.priority, &history, today)
            .into_iter()
            .filter(|o| o.stopped.is_none())
            .map(|o| o.days_over)
            .max();
        if let Some(days) = worst.filter(|_| {
            !matches!(
                state,
                CaseState::Closed | CaseState::Withdrawn | CaseState::Deceased
            )
        }) {
            expected.push((f.case.case_number.to_string(), days));
        }
        let kept = f.events.len().div_ceil(2);
        appended.push((f.case.case_number.clone(), f.events.split_off(kept)));
        files.push(f);
    }
    expected.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    assert!(expected.len() > 20, "too few cases overdue: {expected:?}");
    let screens = [("BE".to_string(), policy.overdue_screens(today))];
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store
            .import_programme(&programme(files.clone()), &[])
            .await
            .unwrap();
        for (number, events) in &appended {
            for e in events {
                let case = store.case(number).await.unwrap().unwrap();
                store
                    .append_event(
                        number,
                        case.version,
                        case.state,
                        &NewEvent {
                            to: e.to,
                            at: e.at,
                            actor: "test".into(),
                            reason: e.reason.clone(),
                            reason_code: None,
                            payload: e.payload.clone(),
                        },
                        &Assignment::default(),
                        &[],
                    )
                    .await
                    .unwrap();
            }
        }
        let all = CaseFilter::default;
        let (rows, total) = listed(&store, &screens, today, 1, 500, &all()).await;
        assert_eq!(rows, expected, "{}", db.backend);
        assert_eq!(total, expected.len() as i64, "{}", db.backend);
        let (page, total) = listed(&store, &screens, today, 2, 7, &all()).await;
        assert_eq!(page, expected[7..14].to_vec(), "{}", db.backend);
        assert_eq!(total, expected.len() as i64, "{}", db.backend);
        let (past, total) = listed(&store, &screens, today, 200, 7, &all()).await;
        assert!(past.is_empty(), "{}", db.backend);
        assert_eq!(total, expected.len() as i64, "{}: past the end", db.backend);
        let urgent = CaseFilter {
            priority: Some(Priority::Urgent),
            ..CaseFilter::default()
        };
        let (rows, _) = listed(&store, &screens, today, 1, 500, &urgent).await;
        let numbers: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        for (number, _) in &expected {
            let case = store
                .case(&CaseNumber::parse(number).unwrap())
                .await
                .unwrap()
                .unwrap();
            assert_eq!(
                numbers.contains(number),
                case.file.case.priority == Priority::Urgent,
                "{}: {number}",
                db.backend
            );
        }
        store.close().await;

        // A database from before migration 31: the states entered since come from the
        // events alone, and the list is the same.
        let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();
        sqlx::raw_sql(
            "DROP INDEX case_state_days_screen; \
             ALTER TABLE case_state_days DROP COLUMN entered_after; \
             CREATE INDEX case_state_days_screen \
                 ON case_state_days (state, priority, now_in, first_on); \
             DELETE FROM schema_migrations WHERE version = 31",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
        let store = fresh(&db.url).await;
        let (rows, _) = listed(&store, &screens, today, 1, 500, &all()).await;
        assert_eq!(rows, expected, "{}: after migration 31", db.backend);
        store.close().await;
    }
}

/// A case runs late only on its own programme's time limits, and a closed case not at
/// all, whichever way the database reads them: two programmes with the same screens (no
/// programme read per case) list both programmes' late cases; a programme whose profile
/// sets no limits lists none of its own, though they meet the other's screens; a request
/// for reunification past its due day lists an open case, not a closed one.
#[tokio::test]
async fn a_case_runs_late_on_its_own_programmes_limits_while_open() {
    use resettle_domain::policy::PolicyProfile;
    use resettle_domain::reunification::ReunificationRequest;
    use resettle_storage::CaseFilter;

    let policy = PolicyProfile::parse(include_str!("../../../policies/belgium.toml")).unwrap();
    let today = date!(2022 - 06 - 01);
    let waiting = |number: &str, code: &str| {
        let mut f = case_file(
            number,
            2,
            &[CaseState::DossierReview, CaseState::Accepted],
            2020,
        );
        f.case.programme = code.into();
        f
    };
    let asking = |number: &str, path: &[CaseState]| {
        let mut f = case_file(number, 2, path, 2020);
        f.reunification = vec![ReunificationRequest::opened(
            "Rania",
            "sister",
            CountryCode::parse("l", "LB").unwrap(),
            date!(2022 - 01 - 01),
            Some(90),
        )];
        f
    };
    let be = programme(vec![
        waiting("TST-20C00001", "BE"),
        asking("TST-20C00003", &[CaseState::DossierReview]),
        asking("TST-20C00004", &[CaseState::Withdrawn]),
    ]);
    let mut nl = programme(vec![waiting("TST-20C00002", "NL")]);
    nl.programme.code = "NL".into();
    let screens = policy.overdue_screens(today);
    // The days over of a case's worst limit still running, by the domain's rule.
    let running = |f: &CaseFile| {
        let history: Vec<(CaseState, time::Date)> =
            f.events.iter().map(|e| (e.to, e.at.date())).collect();
        policy
            .overdue(f.case.priority, &history, today)
            .into_iter()
            .filter(|o| o.stopped.is_none())
            .map(|o| o.days_over)
            .max()
            .unwrap_or(0)
    };
    let waited = running(&be.cases[0]);
    assert!(waited > 0, "accepted in 2020 and still waiting in 2022");
    // Due on 1 April 2022, still waiting on 1 June.
    let asked = running(&be.cases[1]).max(61);
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store.import_programme(&be, &[]).await.unwrap();
        store.import_programme(&nl, &[]).await.unwrap();
        let all = CaseFilter::default();
        let same = [
            ("BE".to_string(), screens.clone()),
            ("NL".to_string(), screens.clone()),
        ];
        let (rows, total) = listed(&store, &same, today, 1, 50, &all).await;
        assert_eq!(
            rows,
            vec![
                ("TST-20C00001".to_string(), waited),
                ("TST-20C00002".to_string(), waited),
                ("TST-20C00003".to_string(), asked),
            ],
            "{}: one profile for both programmes",
            db.backend
        );
        assert_eq!(total, 3, "{}", db.backend);
        let only_be = [
            ("BE".to_string(), screens.clone()),
            ("NL".to_string(), vec![]),
        ];
        let (rows, total) = listed(&store, &only_be, today, 1, 50, &all).await;
        assert_eq!(
            rows,
            vec![
                ("TST-20C00001".to_string(), waited),
                ("TST-20C00003".to_string(), asked),
            ],
            "{}: no limits for NL",
            db.backend
        );
        assert_eq!(total, 2, "{}", db.backend);
        store.close().await;
    }
}

/// The families pages read the families in scope at each stage, on both backends: those
/// living in a municipality (the latest arrival first), those in reception at a place
/// (by its name), a sponsor group's arrived and expected families (not its closed one),
/// two scopes united, and a page of one.
#[tokio::test]
async fn families_in_scope_are_found_at_their_stage() {
    use resettle_domain::reception::{PlaceKind, ReceptionPlace};
    use resettle_domain::sponsor::SponsorGroup;
    use resettle_storage::{FamilyStage, ScopeFilter};

    let housed_in = |number: &str, year: i32, town: &str| {
        let mut f = case_file(
            number,
            2,
            &[TO_ARRIVAL, &[CaseState::Housed]].concat(),
            year,
        );
        f.events.last_mut().unwrap().payload =
            serde_json::json!({ "municipality": town, "address": "Veldstraat 1" });
        f
    };
    let with_group = |mut f: CaseFile| {
        f.sponsor_group = Some("Welkom".into());
        f
    };
    let mut in_reception = case_file(
        "TST-21C00002",
        3,
        &[TO_ARRIVAL, &[CaseState::InReception]].concat(),
        2021,
    );
    in_reception.reception_place = Some("NAM".into());
    let mut import = programme(vec![
        housed_in("TST-21C00001", 2021, "Gent"),
        in_reception,
        housed_in("TST-22C00003", 2022, "Gent"),
        with_group(case_file(
            "TST-20C00004",
            2,
            &[
                TO_ARRIVAL,
                &[CaseState::Housed, CaseState::IntegrationSupport],
            ]
            .concat(),
            2020,
        )),
        with_group(case_file("TST-22C00005", 2, &TO_ARRIVAL[..4], 2022)),
        with_group(case_file(
            "TST-19C00006",
            2,
            &[TO_ARRIVAL, &[CaseState::Housed, CaseState::Closed]].concat(),
            2019,
        )),
    ]);
    import.places = vec![ReceptionPlace {
        code: "NAM".into(),
        name: "Centre de Namur".into(),
        kind: PlaceKind::Centre,
        municipality: "Namur".into(),
        region: "Wallonia".into(),
        capacity_persons: 100,
    }];
    import.sponsor_groups = vec![SponsorGroup {
        name: "Welkom".into(),
        municipality: "Tournai".into(),
        contact: "An Peeters".into(),
        members: 5,
        capacity_persons: 6,
    }];
    let placed = |o: &str| ScopeFilter::PlacedWith(o.into());
    let sponsored = ScopeFilter::SponsoredBy("Welkom".into());
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await;
        store.import_programme(&import, &[]).await.unwrap();
        let found = |scope: Vec<ScopeFilter>, stage: FamilyStage, page: u32, per_page: u32| {
            let store = &store;
            async move {
                let (families, total) =
                    store.families(&scope, stage, page, per_page).await.unwrap();
                let numbers: Vec<String> = families.into_iter().map(|f| f.case_number).collect();
                (numbers, total)
            }
        };
        let arrived = FamilyStage::Arrived;
        assert_eq!(
            found(vec![placed("Gent")], arrived, 1, 50).await,
            (vec!["TST-22C00003".into(), "TST-21C00001".into()], 2),
            "{}: living in Gent, the latest arrival first",
            db.backend
        );
        assert_eq!(
            found(vec![placed("Centre de Namur")], arrived, 1, 50).await,
            (vec!["TST-21C00002".into()], 1),
            "{}: in reception at the place",
            db.backend
        );
        assert_eq!(
            found(vec![sponsored.clone()], arrived, 1, 50).await,
            (vec!["TST-20C00004".into()], 1),
            "{}: the group's family in integration support, not its closed one",
            db.backend
        );
        assert_eq!(
            found(vec![sponsored.clone()], FamilyStage::Expected, 1, 50).await,
            (vec!["TST-22C00005".into()], 1),
            "{}: the group's family on its way",
            db.backend
        );
        assert_eq!(
            found(vec![sponsored.clone(), placed("Gent")], arrived, 1, 50).await,
            (
                vec![
                    "TST-22C00003".into(),
                    "TST-21C00001".into(),
                    "TST-20C00004".into()
                ],
                3
            ),
            "{}: two scopes united",
            db.backend
        );
        assert_eq!(
            found(vec![sponsored.clone(), placed("Gent")], arrived, 2, 1).await,
            (vec!["TST-21C00001".into()], 3),
            "{}: the second page of one",
            db.backend
        );
        store.close().await;
    }
}

/// Storage answers with roles and times, not the comma list and text it keeps: a user's
/// roles come back sorted as `Role`s, when it was made as the store's clock stood, and a
/// stored role word no role has is refused as corrupt rather than passed upward.
#[tokio::test]
async fn users_come_back_with_their_roles_and_times_typed() {
    use resettle_domain::access::Role;
    let at = datetime!(2026-03-04 10:20:30 UTC);
    for db in resettle_testkit::databases() {
        let store = fresh(&db.url).await.with_clock(std::sync::Arc::new(
            resettle_storage::clock::FixedClock::at(at),
        ));
        store
            .add_user(
                "ana",
                &[Role::MedicalOfficer, Role::CaseOfficer],
                None,
                "hash",
                &[],
            )
            .await
            .unwrap();
        let users = store.users().await.unwrap();
        assert_eq!(
            users[0].roles,
            vec![Role::CaseOfficer, Role::MedicalOfficer],
            "{}",
            db.backend
        );
        assert_eq!(users[0].created_at, at, "{}", db.backend);

        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        sqlx::query("UPDATE users SET roles = 'case-officer,boss' WHERE username = 'ana'")
            .execute(&pool)
            .await
            .unwrap();
        match store.users().await {
            Err(StorageError::Corrupt { field, value, .. }) => {
                assert_eq!(
                    (field, value.as_str()),
                    ("users.roles", "case-officer,boss")
                )
            }
            other => panic!("{}: expected corrupt roles, got {other:?}", db.backend),
        }
    }
}
