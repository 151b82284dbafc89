//! Test harness for resettle: real databases and a real browser, no mocks.
//!
//! - [`databases`] gives a fresh SQLite file and a fresh database in a throwaway PostgreSQL
//!   cluster, so one behavioural test runs against both backends.
//! - [`postgres`] starts that cluster once per test process from the installed
//!   `initdb`/`pg_ctl` and removes it when the process ends.
//! - [`chromium`] renders pages in headless Chromium; [`webdriver`] drives it through
//!   WebDriver, typing, clicking and submitting as people do.
//! - [`smtp`] runs a real SMTP server (aiosmtpd) that keeps what it receives.
pub mod chromium;
pub mod postgres;
pub mod smtp;
pub mod webdriver;

use std::sync::atomic::{AtomicU32, Ordering};

/// A database for one test. Dropping it removes a SQLite file; PostgreSQL databases go
/// with their cluster.
pub struct TestDatabase {
    /// The URL to connect to (`sqlite://…` or `postgres://…`).
    pub url: String,
    /// `"sqlite"` or `"postgres"`, for assertion messages.
    pub backend: &'static str,
    _dir: Option<tempfile::TempDir>,
}

/// A fresh, empty SQLite database file.
pub fn sqlite() -> TestDatabase {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    TestDatabase {
        url,
        backend: "sqlite",
        _dir: Some(dir),
    }
}

/// A fresh SQLite database and, unless `RESETTLE_SKIP_POSTGRES=1`, a fresh PostgreSQL
/// database. Fails loudly when PostgreSQL is not installed and skipping was not asked for.
pub fn databases() -> Vec<TestDatabase> {
    let mut dbs = vec![sqlite()];
    if let Some(cluster) = postgres::cluster() {
        dbs.push(TestDatabase {
            url: cluster.create_database(),
            backend: "postgres",
            _dir: None,
        });
    }
    dbs
}

/// A name unique within this test process, for databases and files.
pub fn unique_name(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The day every test runs as: tests hand the application a clock standing on this day
/// (`FixedClock::on(TODAY)`) and date their data from it, so no answer depends on the day
/// the suite runs. CI runs the rules' tests again with the system clock years away to hold
/// this.
pub const TODAY: time::Date = time::macros::date!(2026 - 11 - 23);

/// A fixed data key for tests (32 zero bytes): tests seal and open medical records like
/// production does, with a key nobody would deploy.
pub const TEST_DATA_KEY: &str = "test:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
