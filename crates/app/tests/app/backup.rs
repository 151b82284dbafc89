//! Backups as use cases, on SQLite and PostgreSQL: what is refused, and that a refusal
//! leaves nothing behind.
use resettle_app::{App, AppError, Caller};
use resettle_domain::RefusalKind;

use crate::common::open;

/// A PostgreSQL database is refused a backup on the field `database` (its own tools back it
/// up) and no file is made; a copy at a schema newer than the build's is refused on `copy`.
#[tokio::test]
async fn a_backup_of_postgresql_and_a_copy_too_new_are_refused_by_kind() {
    for db in resettle_testkit::databases() {
        let app = open(&db.url).await;
        let op = Caller::operator();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.db");
        let taken = app.back_up(&op, &path).await;
        if db.backend == "postgres" {
            match taken {
                Err(AppError::Refused(r)) => {
                    assert_eq!(
                        (r.field.as_ref(), r.kind),
                        ("database", RefusalKind::OwnTools)
                    )
                }
                other => panic!("postgres: {other:?}"),
            }
            assert!(!path.exists(), "a refused backup left a file");
        } else {
            taken.unwrap();
            assert!(path.exists());
        }
        let latest = App::latest_schema_version();
        match app.check_copy(&op, latest + 1).await {
            Err(AppError::Refused(r)) => assert_eq!(
                (r.field.as_ref(), r.kind),
                (
                    "copy",
                    RefusalKind::NewerSchema {
                        version: latest + 1,
                        latest
                    }
                )
            ),
            other => panic!("{}: {other:?}", db.backend),
        }
    }
}
