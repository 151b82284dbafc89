//! Versioned schema migrations, embedded in the binary.
//!
//! Each migration holds its SQLite and its PostgreSQL text side by side, so the two
//! dialects cannot drift apart in version or number; a cross-backend test checks that they
//! also build the same shape of schema (see `schema_shape`).
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
        version: NAME_WORDS,
        description: "the folded words of members' names, for search",
        sqlite: include_str!("../migrations/sqlite/0017_member_name_words.sql"),
        postgres: include_str!("../migrations/postgres/0017_member_name_words.sql"),
    },
    Migration {
        version: 18,
        description: "family contacts and the outbox of notices to families",
        sqlite: include_str!("../migrations/sqlite/0018_family_notices.sql"),
        postgres: include_str!("../migrations/postgres/0018_family_notices.sql"),
    },
    Migration {
        version: 19,
        description: "reason codes from the profile's lists on steps and slipped promises",
        sqlite: include_str!("../migrations/sqlite/0019_reason_codes.sql"),
        postgres: include_str!("../migrations/postgres/0019_reason_codes.sql"),
    },
    Migration {
        version: 20,
        description: "families informed: access codes, family sessions, programme holds",
        sqlite: include_str!("../migrations/sqlite/0020_families_informed.sql"),
        postgres: include_str!("../migrations/postgres/0020_families_informed.sql"),
    },
];

/// The migration that made the table of name words, which is then filled from the names
/// in Rust (SQL cannot fold Unicode alike on both databases).
const NAME_WORDS: i64 = 17;

impl Store {
    /// Applies every migration not yet applied, each in its own transaction, and returns
    /// how many were applied.
    pub async fn migrate(&self) -> Result<usize, StorageError> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (\
             version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        // Each migration missing from the record, not only those above the highest: a
        // database restored or repaired without one gets it (the name words' test).
        let done: std::collections::BTreeSet<i64> =
            sqlx::query("SELECT version FROM schema_migrations")
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
        let mut applied = 0;
        for m in MIGRATIONS.iter().filter(|m| !done.contains(&m.version)) {
            let mut tx = self.begin_write().await?;
            let sql = match self.backend {
                Backend::Sqlite => m.sqlite,
                Backend::Postgres => m.postgres,
            };
            sqlx::raw_sql(AssertSqlSafe(sql)).execute(&mut *tx).await?;
            if m.version == NAME_WORDS {
                crate::caseload::fill_name_words(&mut tx).await?;
            }
            sqlx::query(
                "INSERT INTO schema_migrations (version, description, applied_at) \
                 VALUES ($1, $2, $3)",
            )
            .bind(m.version)
            .bind(m.description)
            .bind(codec::timestamp(self.now()))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            tracing::info!(version = m.version, description = m.description, "migrated");
            applied += 1;
        }
        Ok(applied)
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
}
