//! Versioned schema migrations, embedded in the binary.
//!
//! Each migration holds its SQLite and its PostgreSQL text side by side, so the two
//! dialects cannot drift apart in version or number; a cross-backend test checks that they
//! also define the same tables and columns.
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, Row};

use crate::{Backend, StorageError, Store, codec};

struct Migration {
    version: i64,
    description: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        description: "foundation",
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        description: "fair-share scenarios",
        sqlite: include_str!("../migrations/sqlite/0002_scenarios.sql"),
        postgres: include_str!("../migrations/postgres/0002_scenarios.sql"),
    },
    Migration {
        version: 3,
        description: "organisations, users and API tokens",
        sqlite: include_str!("../migrations/sqlite/0003_access.sql"),
        postgres: include_str!("../migrations/postgres/0003_access.sql"),
    },
    Migration {
        version: 4,
        description: "custom policy profiles",
        sqlite: include_str!("../migrations/sqlite/0004_policy_profiles.sql"),
        postgres: include_str!("../migrations/postgres/0004_policy_profiles.sql"),
    },
    Migration {
        version: 5,
        description: "anonymisation after retention",
        sqlite: include_str!("../migrations/sqlite/0005_retention.sql"),
        postgres: include_str!("../migrations/postgres/0005_retention.sql"),
    },
    Migration {
        version: 6,
        description: "audit trail, sessions, lockout, second factor, token scopes",
        sqlite: include_str!("../migrations/sqlite/0006_security.sql"),
        postgres: include_str!("../migrations/postgres/0006_security.sql"),
    },
    Migration {
        version: 7,
        description: "placement proposals",
        sqlite: include_str!("../migrations/sqlite/0007_placement.sql"),
        postgres: include_str!("../migrations/postgres/0007_placement.sql"),
    },
    Migration {
        version: 8,
        description: "integration outcomes",
        sqlite: include_str!("../migrations/sqlite/0008_outcomes.sql"),
        postgres: include_str!("../migrations/postgres/0008_outcomes.sql"),
    },
    Migration {
        version: 9,
        description: "failed one-time codes counted apart",
        sqlite: include_str!("../migrations/sqlite/0009_sign_in_limits.sql"),
        postgres: include_str!("../migrations/postgres/0009_sign_in_limits.sql"),
    },
    Migration {
        version: 10,
        description: "user names unique without regard to case",
        sqlite: include_str!("../migrations/sqlite/0010_usernames_folded.sql"),
        postgres: include_str!("../migrations/postgres/0010_usernames_folded.sql"),
    },
    Migration {
        version: 11,
        description: "audit chain keyed by a key outside the database",
        sqlite: include_str!("../migrations/sqlite/0011_audit_keyed.sql"),
        postgres: include_str!("../migrations/postgres/0011_audit_keyed.sql"),
    },
    Migration {
        version: 12,
        description: "the municipality a family lives in",
        sqlite: include_str!("../migrations/sqlite/0012_case_municipality.sql"),
        postgres: include_str!("../migrations/postgres/0012_case_municipality.sql"),
    },
    Migration {
        version: 13,
        description: "the language each user reads in",
        sqlite: include_str!("../migrations/sqlite/0013_user_language.sql"),
        postgres: include_str!("../migrations/postgres/0013_user_language.sql"),
    },
    Migration {
        version: 14,
        description: "the case list's order as an index",
        sqlite: include_str!("../migrations/sqlite/0014_cases_by_submission.sql"),
        postgres: include_str!("../migrations/postgres/0014_cases_by_submission.sql"),
    },
    Migration {
        version: 15,
        description: "fit to travel on the medical record",
        sqlite: include_str!("../migrations/sqlite/0015_fit_to_travel.sql"),
        postgres: include_str!("../migrations/postgres/0015_fit_to_travel.sql"),
    },
    Migration {
        version: 16,
        description: "decisions say why: reunification, placement over capacity; proposals lapse",
        sqlite: include_str!("../migrations/sqlite/0016_placement_decisions.sql"),
        postgres: include_str!("../migrations/postgres/0016_placement_decisions.sql"),
    },
    Migration {
        version: 17,
        description: "the request each audit entry was made in",
        sqlite: include_str!("../migrations/sqlite/0017_audit_request_id.sql"),
        postgres: include_str!("../migrations/postgres/0017_audit_request_id.sql"),
    },
];

/// The PostgreSQL advisory lock that migrating holds, so two servers starting at once on
/// one database take turns: the second finds the first's migrations applied. (On SQLite
/// each migration's `BEGIN IMMEDIATE` already excludes other writers.)
const MIGRATION_LOCK: i64 = 0x7265_7365_7474_6c65; // "resettle"

impl Migration {
    fn sql(&self, backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.postgres,
        }
    }

    /// SHA-256 of the text this backend runs: what an applied migration is checked against.
    fn checksum(&self, backend: Backend) -> String {
        hex::encode(Sha256::digest(self.sql(backend).as_bytes()))
    }
}

impl Store {
    /// Applies every migration not yet applied, each in its own transaction, and returns
    /// how many were applied. Refuses to run, naming the migration, when one already
    /// applied is not the one this build holds (its text changed since): the schema would
    /// not be the one the code expects. On PostgreSQL it holds an advisory lock meanwhile.
    pub async fn migrate(&self) -> Result<usize, StorageError> {
        let mut lock = None;
        if self.backend == Backend::Postgres {
            let mut conn = self.pool.acquire().await?;
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(MIGRATION_LOCK)
                .execute(&mut *conn)
                .await?;
            lock = Some(conn);
        }
        let migrated = self.migrate_locked().await;
        if let Some(mut conn) = lock {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(MIGRATION_LOCK)
                .execute(&mut *conn)
                .await?;
        }
        migrated
    }

    async fn migrate_locked(&self) -> Result<usize, StorageError> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (\
             version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL, \
             checksum TEXT NOT NULL DEFAULT '')",
        )
        .execute(&self.pool)
        .await?;
        self.add_checksum_column().await?;
        self.check_applied().await?;
        let mut applied = 0;
        for m in MIGRATIONS {
            let mut tx = self.begin_write().await?;
            // Read under the write lock: another process may have applied it meanwhile.
            let done: i64 =
                sqlx::query("SELECT COUNT(*) FROM schema_migrations WHERE version = $1")
                    .bind(m.version)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
            if done > 0 {
                continue;
            }
            sqlx::raw_sql(AssertSqlSafe(m.sql(self.backend)))
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO schema_migrations (version, description, applied_at, checksum) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(m.version)
            .bind(m.description)
            .bind(codec::timestamp(self.now()))
            .bind(m.checksum(self.backend))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            tracing::info!(version = m.version, description = m.description, "migrated");
            applied += 1;
        }
        Ok(applied)
    }

    /// Databases migrated before checksums were kept lack the column.
    async fn add_checksum_column(&self) -> Result<(), StorageError> {
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT COUNT(*) FROM pragma_table_info('schema_migrations') \
                 WHERE name = 'checksum'"
            }
            Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = \
                 current_schema() AND table_name = 'schema_migrations' AND column_name = 'checksum'"
            }
        };
        // Under the write lock, so two processes on one SQLite file do not both add it.
        let mut tx = self.begin_write().await?;
        let has: i64 = sqlx::query(sql).fetch_one(&mut *tx).await?.try_get(0)?;
        if has == 0 {
            sqlx::query(
                "ALTER TABLE schema_migrations ADD COLUMN checksum TEXT NOT NULL DEFAULT ''",
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Compares every applied migration with this build's: a changed one is refused; one
    /// applied before checksums were kept gets this build's (the text it ran then is not
    /// known; from now on a change shows).
    async fn check_applied(&self) -> Result<(), StorageError> {
        let rows = sqlx::query("SELECT version, checksum FROM schema_migrations ORDER BY version")
            .fetch_all(&self.pool)
            .await?;
        for r in rows {
            let (version, stored): (i64, String) = (r.try_get(0)?, r.try_get(1)?);
            let Some(m) = MIGRATIONS.iter().find(|m| m.version == version) else {
                return Err(StorageError::Invalid(format!(
                    "the database has migration {version}, which this build does not know: \
                     it was migrated by a newer resettle; run that version"
                )));
            };
            let ours = m.checksum(self.backend);
            if stored.is_empty() {
                sqlx::query("UPDATE schema_migrations SET checksum = $1 WHERE version = $2")
                    .bind(ours)
                    .bind(version)
                    .execute(&self.pool)
                    .await?;
            } else if stored != ours {
                return Err(StorageError::Invalid(format!(
                    "migration {version} ({}) differs from the one applied to this database \
                     (checksum {stored} applied, {ours} in this build): an applied migration \
                     must never change; add a new one instead",
                    m.description
                )));
            }
        }
        Ok(())
    }

    /// The highest migration applied; 0 on an empty database.
    pub async fn schema_version(&self) -> Result<i64, StorageError> {
        let exists = match self.backend {
            Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            }
            Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            }
        };
        let n: i64 = sqlx::query(exists)
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        if n == 0 {
            return Ok(0);
        }
        let row = sqlx::query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// The newest schema version this build knows.
    pub fn latest_schema_version() -> i64 {
        MIGRATIONS.last().map_or(0, |m| m.version)
    }

    /// Every (table, column) of the application schema, sorted; lets a test prove that both
    /// dialects of the migrations built the same schema.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>, StorageError> {
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            }
            Backend::Postgres => {
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema()"
            }
        };
        let mut cols: Vec<(String, String)> = sqlx::query(sql)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, sqlx::Error>>()?;
        cols.sort();
        Ok(cols)
    }
}
