//! Importing UNHCR submissions on SQLite and PostgreSQL: all or nothing, once only, and
//! for case officers only — a refused import, or a refused caller, writes nothing.
use resettle_app::import::FileKind;
use resettle_app::{App, AppError, DemoConfig, FixedClock, Keyring, Role};
use sqlx::Row;

use crate::common::caller;

const FILE: &str = "case_number,country_of_asylum,nationality,categories,priority,channel,\
submitted_on,member_no,relationship,full_name,date_of_birth,sex,languages,education,\
occupation,linked_cases
IMP-26C00001,LB,SY,legal_physical_protection;medical_needs,normal,dossier,2026-03-02,1,\
principal_applicant,Amal Haddad,1990-04-01,female,ar,,,
IMP-26C00001,LB,SY,legal_physical_protection;medical_needs,normal,dossier,2026-03-02,2,child,\
Omar Haddad,2015-09-12,male,ar,,,
IMP-26C00002,JO,SY,medical_needs,normal,dossier,2026-03-05,1,principal_applicant,Sara Nasser,\
1985-01-01,female,ar,,,
";

async fn counts(pool: &sqlx::AnyPool) -> (i64, i64) {
    let n = |sql: &'static str| async move {
        sqlx::query(sql)
            .fetch_one(pool)
            .await
            .unwrap()
            .try_get::<i64, _>(0)
            .unwrap()
    };
    (
        n("SELECT COUNT(*) FROM cases").await,
        n("SELECT COUNT(*) FROM family_members").await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_writes_all_or_nothing_once_and_only_for_case_officers() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = App::open(&db.url)
            .await
            .unwrap()
            .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
            .with_clock(std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY)));
        app.load_demo(
            &DemoConfig {
                seed: 3,
                cases: 20,
                as_of: resettle_testkit::TODAY,
            },
            false,
        )
        .await
        .unwrap();
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        let before = counts(&pool).await;
        let officer = caller(Role::CaseOfficer);
        let import = |file: String, role: Role| {
            let app = app.clone();
            async move {
                app.import_cases(
                    &caller(role),
                    "BE",
                    FileKind::Csv,
                    file.as_bytes(),
                    None,
                    false,
                )
                .await
            }
        };

        // A planner may not import: refused, nothing written.
        let refused = import(FILE.into(), Role::Planner).await;
        assert!(matches!(refused, Err(AppError::Forbidden { .. })), "{who}");
        assert_eq!(counts(&pool).await, before, "{who}");

        // One bad row among good ones: every problem named, nothing written.
        let bad = FILE.replace("Sara Nasser,1985-01-01", "Sara Nasser,1985-02-30");
        let problems = import(bad, Role::CaseOfficer).await.unwrap().unwrap_err();
        assert_eq!(problems.len(), 1, "{who}: {problems:?}");
        assert_eq!(
            (problems[0].row, problems[0].column.as_str()),
            (4, "date_of_birth")
        );
        assert_eq!(counts(&pool).await, before, "{who}");

        // The file: two cases, three persons; again: nothing changes.
        let done = app
            .import_cases(&officer, "BE", FileKind::Csv, FILE.as_bytes(), None, false)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((done.cases, done.persons, done.added), (2, 3, 2), "{who}");
        assert_eq!(counts(&pool).await, (before.0 + 2, before.1 + 3), "{who}");
        let again = import(FILE.into(), Role::CaseOfficer)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((again.added, again.unchanged), (0, 2), "{who}");
        assert_eq!(counts(&pool).await, (before.0 + 2, before.1 + 3), "{who}");
    }
}
