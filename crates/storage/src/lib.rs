//! Persistence for resettle: the only place SQL lives.
//!
//! One code path serves SQLite (the embedded default: one file, one binary) and PostgreSQL
//! (the server backend), through sqlx's `Any` driver chosen by the URL scheme. Values cross
//! the seam as integers and text only (dates as ISO 8601, money in cents), and every query
//! uses `$n` placeholders, which both backends accept. See `docs/decisions/0001-storage.md`.
mod audit;
mod backup;
mod batch;
mod caseload;
mod cases;
mod claims;
pub mod clock;
mod codec;
mod columns;
mod error;
mod families;
mod family_access;
mod file_mode;
mod holds;
mod migrations;
mod missions;
mod notices;
mod outcomes;
mod pipeline;
mod placement;
mod policies;
mod programmes;
mod quota;
mod reception;
mod reference;
mod report;
mod retention;
mod scenarios;
mod schema_shape;
mod sealed;
mod sessions;
mod stats;
mod stays;
mod step_durations;
mod support;
mod token_cache;
mod unique;
mod users;

pub use audit::{
    Anchor, AnchorPolicy, AuditEntry, AuditFilter, AuditOf, ChainCheck, Fault, GENESIS,
    NO_AUDIT_KEY, NewAuditEntry, Verified, parse_anchors,
};
pub use backup::close_for_replacement;
pub use caseload::{ImportSummary, OpenImport};
pub use cases::{
    Assignment, CaseCount, CaseFilter, CasePage, CaseSummary, ListStart, NewEvent, ScopeFilter,
    StoredCase,
};
pub use claims::{FiledClaimRow, FiledLineRow};
pub use error::StorageError;
pub use families::{FamilyRecord, FamilyStage, LastActor, MemberCareNeeds, SponsorContact};
pub use family_access::FamilySessionRow;
pub use file_mode::{readable_by_others, sqlite_path, warn_if_readable_by_others};
pub use holds::HoldRow;
pub use missions::{MissionRow, SponsorRow};
pub use notices::{
    ClaimedNotice, DeliveryAttempt, FamilyContact, FamilyToInform, NewNotice, NoticeChannel,
    NoticeChannels, StoredNotice,
};
pub use outcomes::NewOutcome;
pub use pipeline::PipelineCase;
pub use placement::{Awaiting, AwaitingCase, NewProposal, PlacementPlace, ProposalRow};
pub use programmes::{PledgeRow, ProgrammeRow};
pub use quota::{NewQuotaDecision, QuotaDecisionRow, QuotaYear, SlipCount, TrackCount};
pub use reception::{ExpectedArrival, ExpectedArrivals, PlaceOccupancy};
pub use report::{CaseStep, Period, ReportMember, ReunificationRow, SlippedPromise};
pub use retention::EndedCase;
pub use scenarios::ScenarioRow;
pub use schema_shape::{ColumnShape, IndexShape, SchemaShape};
pub use sealed::NO_DATA_KEY;
pub use sessions::SessionRow;
pub use stats::StateCount;
pub use stays::{NewStay, PlaceLoad};
pub use support::{
    ClosedTask, CohortFamily, ImportedSupport, StoredCheckIn, SupportRecords, SupportRow, TaskRow,
};
pub use token_cache::KEPT_FOR as TOKENS_KEPT_FOR;
pub use users::{Attempt, CutOff, LoginRow, SignInStep, UserRow};

use std::str::FromStr;

use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, ConnectOptions, Connection, Executor};

/// How long a PostgreSQL connection may sit unused in the pool before it is pinged on
/// its way out.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(10);

/// Which database a [`Store`] talks to. Decided once from the URL; the few places where
/// the dialects differ branch on it here and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// The name reported by the health endpoint.
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// The whole days from the ISO day `earlier` to the ISO day `later` (SQL expressions,
    /// columns or placeholders), as a 64-bit integer: the one place the dialects differ
    /// on dates.
    pub(crate) fn days_between(self, later: &str, earlier: &str) -> String {
        match self {
            Backend::Sqlite => {
                format!("CAST(julianday({later}) - julianday({earlier}) AS INTEGER)")
            }
            Backend::Postgres => {
                format!("CAST(CAST({later} AS DATE) - CAST({earlier} AS DATE) AS BIGINT)")
            }
        }
    }

    /// The UTC day of a stored moment (an SQL expression), as a day: the first ten
    /// characters of SQLite's RFC 3339 text, kept in UTC; a cast of PostgreSQL's
    /// `timestamptz`, taken in the connection's time zone, which is UTC. Read it back
    /// as `CAST(… AS TEXT)`.
    pub(crate) fn day_of(self, moment: &str) -> String {
        match self {
            Backend::Sqlite => format!("substr({moment}, 1, 10)"),
            Backend::Postgres => format!("CAST({moment} AS DATE)"),
        }
    }

    /// A scalar sub-select aggregating the rows of `from` (a table, its joins and its
    /// `WHERE`) into the JSON text of an array of arrays, one per row holding `columns`, in
    /// `order`; `[]` when there are none. It lets one statement read a record with its
    /// child lists (a case with its members, events, stays…), where a statement per list
    /// cost a hand-over between threads each (docs/performance.md, "Audited case reads").
    /// PostgreSQL's `json_agg` gives NULL on no rows and its `json` cannot be read by the
    /// `Any` driver, hence the `COALESCE` and the cast to text. Read it with
    /// `columns::json_rows` and decode each row through `columns::Columns`. The columns
    /// should already be text or integers (days and moments `CAST(… AS TEXT)`, flags
    /// `CAST(… AS INTEGER)`), so both backends give the values their own rows give.
    pub(crate) fn json_rows(self, columns: &str, from: &str, order: &str) -> String {
        match self {
            Backend::Sqlite => format!(
                "(SELECT json_group_array(json_array({columns}) ORDER BY {order}) FROM {from})"
            ),
            Backend::Postgres => format!(
                "(SELECT CAST(COALESCE(json_agg(json_build_array({columns}) ORDER BY {order}), \
                 '[]') AS TEXT) FROM {from})"
            ),
        }
    }

    /// A placeholder (`$3`) for a moment written or compared where PostgreSQL keeps a
    /// `timestamptz`: sqlx's `Any` driver binds the codec's RFC 3339 text as `text`, which
    /// PostgreSQL only turns into a time when told to; SQLite keeps the text as it is (it
    /// has no such type, and its `CAST` to an unknown type name would make it a number).
    /// Days need no such method: `date($3)` is a cast on PostgreSQL and returns the same
    /// `YYYY-MM-DD` text on SQLite. Read either back as `CAST(col AS TEXT)`
    /// (docs/decisions/0023-postgresql-column-types.md). Public for the load harness's
    /// raw statements (`examples/raw_transactions.rs`), which write what the store writes.
    pub fn time_param(self, placeholder: &str) -> String {
        match self {
            Backend::Sqlite => placeholder.to_string(),
            Backend::Postgres => format!("CAST({placeholder} AS TIMESTAMPTZ)"),
        }
    }
}

/// A database URL fit for logs and error messages: its password, if any, replaced by
/// `***` (`postgres://ana:***@db/resettle`), so no log line or error hands it on.
pub fn redacted_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl FromStr for Backend {
    type Err = StorageError;

    /// Reads the backend from a database URL's scheme.
    fn from_str(url: &str) -> Result<Self, StorageError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StorageError::UnsupportedUrl(url.to_string()))
        }
    }
}

/// A connection pool to the programme's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The data key sealing special-category fields; never written to the database.
    keys: Option<std::sync::Arc<resettle_secure::cipher::Keyring>>,
    /// Stamps what the store records; the wall clock unless the caller gives another.
    clock: std::sync::Arc<dyn clock::Clock>,
    /// The trail's anchor file and how far its chain was verified, shared by every clone.
    audit: std::sync::Arc<audit::AuditTrail>,
    /// The turn to write, on SQLite (see [`Store::begin_write`]); shared by every clone.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// API tokens verified lately (see `token_cache`); shared by every clone.
    tokens: std::sync::Arc<token_cache::TokenCache>,
}

/// A write transaction, holding this process's turn to write on SQLite until it ends.
pub(crate) struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    /// Commits, then gives up the turn.
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    /// Rolls back, then gives up the turn.
    pub(crate) async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }
}

impl Store {
    /// Connects to `url` (`sqlite://path`, created if missing and readable by its owner
    /// only, or `postgres://…`). Does not migrate: call [`Store::migrate`].
    pub async fn connect(url: &str) -> Result<Store, StorageError> {
        install_default_drivers();
        let backend: Backend = url.parse()?;
        let file = file_mode::sqlite_path(url);
        if let Some(path) = &file {
            file_mode::create_owner_only(path).map_err(|e| StorageError::File {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            file_mode::warn_if_readable_by_others("database file", path);
        }
        let url = match backend {
            Backend::Sqlite if !url.contains('?') => format!("{url}?mode=rwc"),
            _ => url.to_string(),
        };
        // Bulk imports legitimately run for seconds; sqlx would log each at WARN with its
        // whole SQL text. Statement logs belong at debug level.
        let options = AnyConnectOptions::from_str(&url)?
            .log_statements(log::LevelFilter::Trace)
            .log_slow_statements(log::LevelFilter::Debug, Duration::from_secs(1));
        let pool = match backend {
            Backend::Sqlite => {
                // `synchronous = FULL`: every commit is on disk before it returns, so an
                // acknowledged write and its audit entry survive a power loss, not only a
                // killed process (NORMAL in WAL mode may lose the last commits then). The
                // group commit of audit entries makes that one sync per batch of reads;
                // docs/reliability.md has the choice and its cost.
                AnyPoolOptions::new()
                    .max_connections(4)
                    // sqlx pings a connection each time it leaves the pool, a round trip to
                    // the connection's thread before every query (twenty per case read);
                    // a connection to a file on this machine cannot have been hung up on.
                    .test_before_acquire(false)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    // sqlx pings a connection each time it leaves the pool: a round trip to
                    // the server before every query, doubling those of a case read. A
                    // connection used in the last seconds is alive as far as a ping can
                    // tell; one idle for longer (the server may have restarted, a firewall
                    // dropped it) is still pinged, and replaced if it does not answer.
                    .test_before_acquire(false)
                    .before_acquire(|conn, meta| {
                        Box::pin(async move {
                            if meta.idle_for > IDLE_BEFORE_PING {
                                conn.ping().await?;
                            }
                            Ok(true)
                        })
                    })
                    // Every query here is short (a page, a case, a count); PostgreSQL's
                    // JIT compiles a plan once its estimated cost passes a threshold, which
                    // sub-queries per row reach, and compiling took ~50 ms of each such
                    // query against a few ms of running it (docs/performance.md).
                    //
                    // Days and times are read back as `CAST(col AS TEXT)`, whose form
                    // follows the session's DateStyle and TimeZone: fixed here to ISO and
                    // UTC, whatever the server's defaults, so the codec reads
                    // `2026-12-05` and `2026-12-05 21:18:46.123456+00` on every server.
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            conn.execute(
                                "SET jit = off; SET DateStyle = 'ISO'; SET TimeZone = 'UTC'",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
        };
        if let Some(path) = &file {
            file_mode::restrict_companions(path).map_err(|e| StorageError::File {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        Ok(Store {
            pool,
            backend,
            keys: None,
            clock: std::sync::Arc::new(clock::SystemClock),
            audit: std::sync::Arc::default(),
            writer: std::sync::Arc::default(),
            tokens: std::sync::Arc::default(),
        })
    }

    /// The same store sealing special-category fields with these keys.
    pub fn with_keys(mut self, keys: std::sync::Arc<resettle_secure::cipher::Keyring>) -> Store {
        self.keys = Some(keys);
        self
    }

    /// The same store stamping its records with `clock`.
    pub fn with_clock(mut self, clock: std::sync::Arc<dyn clock::Clock>) -> Store {
        self.clock = clock;
        self
    }

    /// Now, by the store's clock.
    pub(crate) fn now(&self) -> time::OffsetDateTime {
        self.clock.now()
    }

    /// The backend behind this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that writes. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of failing half-way; and the
    /// writers of this process queue first on [`Store::writer`], in turn, since SQLite
    /// lets one write at a time anyway and its own wait for the lock is a sleep that grows
    /// to 100 ms between tries (at 32 concurrent writers it was most of their time).
    async fn begin_write(&self) -> Result<WriteTx, StorageError> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let turn = self.writer.clone().lock_owned().await;
                WriteTx {
                    tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
                    _turn: Some(turn),
                }
            }
            Backend::Postgres => WriteTx {
                tx: self.pool.begin().await?,
                _turn: None,
            },
        })
    }

    /// Closes every connection, waiting for those in use to be returned: at the end of a
    /// graceful shutdown, and for tests that remove the database afterwards.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::redacted_url;

    #[test]
    fn a_url_password_never_reaches_a_log() {
        assert_eq!(
            redacted_url("postgres://ana:s3cr%2Ft@db.example:5432/resettle?sslmode=require"),
            "postgres://ana:***@db.example:5432/resettle?sslmode=require"
        );
        assert_eq!(
            redacted_url("postgres://ana@db/resettle"),
            "postgres://ana@db/resettle"
        );
        assert_eq!(redacted_url("sqlite://resettle.db"), "sqlite://resettle.db");
        assert_eq!(redacted_url("postgres://a:b@h"), "postgres://a:***@h");
    }
}
