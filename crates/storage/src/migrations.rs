//! Versioned schema migrations, embedded in the binary.
//!
//! Each migration holds its SQLite and its PostgreSQL text side by side, so the two
//! dialects cannot drift apart in version or number; a cross-backend test checks that they
//! also build the same shape of schema (see `schema_shape`).
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
    Migration {
        version: 21,
        description: "reception in stays; arrivals counted as the persons who travelled",
        sqlite: include_str!("../migrations/sqlite/0021_stays_and_arrivals.sql"),
        postgres: include_str!("../migrations/postgres/0021_stays_and_arrivals.sql"),
    },
    Migration {
        version: 22,
        description: "the request each audit entry was made in",
        sqlite: include_str!("../migrations/sqlite/0022_audit_request_id.sql"),
        postgres: include_str!("../migrations/postgres/0022_audit_request_id.sql"),
    },
    Migration {
        version: 23,
        description: "the quota decision on record, with its persons per year",
        sqlite: include_str!("../migrations/sqlite/0023_quota_decisions.sql"),
        postgres: include_str!("../migrations/postgres/0023_quota_decisions.sql"),
    },
    Migration {
        version: 24,
        description: "support plans' goals and contacts, wellbeing check-ins and their tasks",
        sqlite: include_str!("../migrations/sqlite/0024_support_and_wellbeing.sql"),
        postgres: include_str!("../migrations/postgres/0024_support_and_wellbeing.sql"),
    },
    Migration {
        version: 25,
        description: "a support task's closing note",
        sqlite: include_str!("../migrations/sqlite/0025_support_task_note.sql"),
        postgres: include_str!("../migrations/postgres/0025_support_task_note.sql"),
    },
    Migration {
        version: 26,
        description: "funding claims as filed, frozen, with their lines and corrections",
        sqlite: include_str!("../migrations/sqlite/0026_funding_claims.sql"),
        postgres: include_str!("../migrations/postgres/0026_funding_claims.sql"),
    },
    Migration {
        version: 27,
        description: "a person claimed once under an instrument, whatever the year",
        sqlite: include_str!("../migrations/sqlite/0027_funding_claimed_once_ever.sql"),
        postgres: include_str!("../migrations/postgres/0027_funding_claimed_once_ever.sql"),
    },
    Migration {
        version: 28,
        description: "the first and last day each case entered each state, for the overdue list",
        sqlite: include_str!("../migrations/sqlite/0028_case_state_days.sql"),
        postgres: include_str!("../migrations/postgres/0028_case_state_days.sql"),
    },
    Migration {
        version: 29,
        description: "a reunification request's dependency, evidence and due day",
        sqlite: include_str!("../migrations/sqlite/0029_reunification_ties.sql"),
        postgres: include_str!("../migrations/postgres/0029_reunification_ties.sql"),
    },
    Migration {
        version: 30,
        description: "the steps after arrival a family has done",
        sqlite: include_str!("../migrations/sqlite/0030_after_arrival.sql"),
        postgres: include_str!("../migrations/postgres/0030_after_arrival.sql"),
    },
    Migration {
        version: 31,
        description: "the states each case entered after each state, for the overdue list",
        sqlite: include_str!("../migrations/sqlite/0031_states_entered_after.sql"),
        postgres: include_str!("../migrations/postgres/0031_states_entered_after.sql"),
    },
    Migration {
        version: 32,
        description: "steps back from a sponsor group's home name a breakdown reason code",
        sqlite: include_str!("../migrations/sqlite/0032_breakdown_reason_codes.sql"),
        postgres: include_str!("../migrations/postgres/0032_breakdown_reason_codes.sql"),
    },
    Migration {
        version: 33,
        description: "saved fair-share scenarios hold their words as they are now read",
        sqlite: include_str!("../migrations/sqlite/0033_scenario_words.sql"),
        postgres: include_str!("../migrations/postgres/0033_scenario_words.sql"),
    },
    Migration {
        version: 34,
        description: "the case list's order after each filter, to page by key",
        sqlite: include_str!("../migrations/sqlite/0034_case_list_by_key.sql"),
        postgres: include_str!("../migrations/postgres/0034_case_list_by_key.sql"),
    },
    Migration {
        version: 35,
        description: "a saved scenario's moment in PostgreSQL's own time type",
        sqlite: include_str!("../migrations/sqlite/0035_scenario_time_typed.sql"),
        postgres: include_str!("../migrations/postgres/0035_scenario_time_typed.sql"),
    },
    Migration {
        version: 38,
        description: "the dashboard's counts per state, a place's families in reception and \
                      the confirmed proposals of a place, each as one range of an index",
        sqlite: include_str!("../migrations/sqlite/0038_counts_and_scopes.sql"),
        postgres: include_str!("../migrations/postgres/0038_counts_and_scopes.sql"),
    },
    Migration {
        version: 40,
        description: "the case tables' days, moments and consents in PostgreSQL's own types",
        sqlite: include_str!("../migrations/sqlite/0040_case_tables_typed.sql"),
        postgres: include_str!("../migrations/postgres/0040_case_tables_typed.sql"),
    },
    Migration {
        version: 41,
        description: "people, access, notices and planning in PostgreSQL's own types",
        sqlite: include_str!("../migrations/sqlite/0041_access_types.sql"),
        postgres: include_str!("../migrations/postgres/0041_access_types.sql"),
    },
    Migration {
        version: 42,
        description: "integration support, outcomes and funding claims in PostgreSQL's own \
                      day and yes/no types",
        sqlite: include_str!("../migrations/sqlite/0042_support_types.sql"),
        postgres: include_str!("../migrations/postgres/0042_support_types.sql"),
    },
];

/// The migration that made the table of name words, which is then filled from the names
/// in Rust (SQL cannot fold Unicode alike on both databases).
const NAME_WORDS: i64 = 17;

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
        self.migrate_through(i64::MAX).await
    }

    /// [`Store::migrate`], up to version `last`: a test of one migration's conversion of
    /// existing data writes that data at the version before it.
    async fn migrate_through(&self, last: i64) -> Result<usize, StorageError> {
        let mut lock = None;
        if self.backend == Backend::Postgres {
            let mut conn = self.pool.acquire().await?;
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(MIGRATION_LOCK)
                .execute(&mut *conn)
                .await?;
            lock = Some(conn);
        }
        let migrated = self.migrate_locked(last).await;
        if let Some(mut conn) = lock {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(MIGRATION_LOCK)
                .execute(&mut *conn)
                .await?;
        }
        migrated
    }

    async fn migrate_locked(&self, last: i64) -> Result<usize, StorageError> {
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
        // Each migration missing from the record, not only those above the highest: a
        // database restored or repaired without one gets it (the name words' test).
        for m in MIGRATIONS.iter().filter(|m| m.version <= last) {
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
            if m.version == NAME_WORDS {
                crate::caseload::fill_name_words(&mut tx).await?;
            }
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
                return Err(StorageError::Corrupt {
                    field: "schema_migrations.version",
                    value: version.to_string(),
                    reason: "this build does not know it: the database was migrated by a newer \
                             resettle; run that version"
                        .into(),
                });
            };
            let ours = m.checksum(self.backend);
            if stored.is_empty() {
                sqlx::query("UPDATE schema_migrations SET checksum = $1 WHERE version = $2")
                    .bind(ours)
                    .bind(version)
                    .execute(&self.pool)
                    .await?;
            } else if stored != ours {
                return Err(StorageError::Corrupt {
                    field: "schema_migrations.checksum",
                    value: stored,
                    reason: format!(
                        "migration {version} ({}) differs from the one applied to this \
                         database ({ours} in this build): an applied migration must never \
                         change; add a new one instead",
                        m.description
                    ),
                });
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows written at schema version 16, as a programme held them before stays: a family
    /// in an LOI, one housed after its LOI (which the case still named), one housed by a
    /// sponsor group, one accepted in part and arrived, one placed directly in a Dutch
    /// municipality.
    const AT_16: &[&str] = &[
        "INSERT INTO programmes (code, name, state_code, policy_profile) \
         VALUES ('BE', 'Belgium', 'BE', 'belgium')",
        "INSERT INTO reception_places (programme_id, code, name, kind, municipality, region, \
         capacity_persons) SELECT id, 'LOI-GENT', 'LOI Gent', 'loi', 'Gent', 'East Flanders', 20 \
         FROM programmes",
        "INSERT INTO reception_places (programme_id, code, name, kind, municipality, region, \
         capacity_persons) SELECT id, 'GEM-UTRECHT', 'Utrecht', 'municipality', 'Utrecht', \
         'Utrecht', 40 FROM programmes",
        "INSERT INTO sponsor_groups (programme_id, name, municipality, contact, members, \
         capacity_persons) SELECT id, 'Welkom', 'Gent', 'An', 5, 6 FROM programmes",
    ];

    /// (case number, persons, state, place code, sponsor group, events as (to, at, payload)).
    type OldCase = (
        &'static str,
        i64,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        &'static [(&'static str, &'static str, &'static str)],
    );

    const CASES: &[OldCase] = &[
        (
            "TST-26C00001",
            4,
            "in_reception",
            Some("LOI-GENT"),
            None,
            &[
                ("arrived", "2026-03-02T10:00:00Z", "null"),
                ("in_reception", "2026-03-03T10:00:00Z", "{}"),
            ],
        ),
        (
            "TST-26C00002",
            3,
            "housed",
            Some("LOI-GENT"),
            None,
            &[
                ("arrived", "2026-01-05T10:00:00Z", "null"),
                ("in_reception", "2026-01-05T12:00:00Z", "{}"),
                (
                    "housed",
                    "2026-06-01T10:00:00Z",
                    "{\"municipality\": \"Gent\"}",
                ),
            ],
        ),
        (
            "TST-26C00003",
            2,
            "integration_support",
            None,
            Some("Welkom"),
            &[
                ("arrived", "2026-02-01T10:00:00Z", "null"),
                ("housed", "2026-02-02T10:00:00Z", "{}"),
                ("integration_support", "2026-02-20T10:00:00Z", "{}"),
            ],
        ),
        (
            "TST-26C00004",
            5,
            "arrived",
            None,
            None,
            &[
                (
                    "accepted_in_part",
                    "2025-12-01T10:00:00Z",
                    "{\"members_accepted\": [1, 2, 3]}",
                ),
                ("arrived", "2026-04-01T10:00:00Z", "null"),
            ],
        ),
        (
            "TST-26C00005",
            2,
            "housed",
            Some("GEM-UTRECHT"),
            None,
            &[
                ("arrived", "2026-05-01T10:00:00Z", "null"),
                ("housed", "2026-05-02T10:00:00Z", "{}"),
            ],
        ),
    ];

    async fn write_at_16(store: &Store) {
        for sql in AT_16 {
            sqlx::query(AssertSqlSafe(*sql))
                .execute(&store.pool)
                .await
                .unwrap();
        }
        for &(number, persons, state, place, group, events) in CASES {
            sqlx::query(
                "INSERT INTO cases (programme_id, case_number, country_of_asylum, nationality, \
                 priority, channel, submitted_on, family_size, state, state_since, version, \
                 reception_place_id, sponsor_group_id) \
                 SELECT g.id, $1, 'LB', 'SY', 'normal', 'dossier', '2025-06-01', $2, $3, \
                        '2026-06-01T10:00:00Z', $4, \
                        (SELECT id FROM reception_places WHERE code = $5), \
                        (SELECT id FROM sponsor_groups WHERE name = $6) \
                   FROM programmes g",
            )
            .bind(number)
            .bind(persons)
            .bind(state)
            .bind(events.len() as i64)
            .bind(place)
            .bind(group)
            .execute(&store.pool)
            .await
            .unwrap();
            for (seq, (to, at, payload)) in events.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO case_events (case_id, seq, at, actor, from_state, to_state, \
                     reason, payload) SELECT id, $1, $2, 'test', NULL, $3, '', $4 FROM cases \
                     WHERE case_number = $5",
                )
                .bind(seq as i64 + 1)
                .bind(*at)
                .bind(*to)
                .bind(*payload)
                .bind(number)
                .execute(&store.pool)
                .await
                .unwrap();
            }
        }
    }

    /// Migration 21 turns each family's reception place into dated stays (the LOI a
    /// housed family left closed on the day it was housed, a home or a sponsor group's
    /// home after it, a Dutch municipality open), names only the current place on the
    /// case, and records each arrival with the persons who travelled.
    #[tokio::test]
    async fn existing_places_become_stays_and_arrivals_count_who_travelled() {
        for db in resettle_testkit::databases() {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate_through(16).await.unwrap();
            write_at_16(&store).await;
            store.migrate().await.unwrap();
            let rows = sqlx::query(
                "SELECT c.case_number, s.kind, COALESCE(r.code, g.name, ''), \
                        CAST(s.from_on AS TEXT), COALESCE(CAST(s.until_on AS TEXT), ''), s.persons \
                   FROM stays s JOIN cases c ON c.id = s.case_id \
                   LEFT JOIN reception_places r ON r.id = s.place_id \
                   LEFT JOIN sponsor_groups g ON g.id = s.sponsor_group_id \
                  ORDER BY c.case_number, s.from_on, s.id",
            )
            .fetch_all(&store.pool)
            .await
            .unwrap();
            let stays: Vec<(String, String, String, String, String, i64)> = rows
                .iter()
                .map(|r| {
                    (
                        r.try_get(0).unwrap(),
                        r.try_get(1).unwrap(),
                        r.try_get(2).unwrap(),
                        r.try_get(3).unwrap(),
                        r.try_get(4).unwrap(),
                        r.try_get(5).unwrap(),
                    )
                })
                .collect();
            let row = |n: &str, k: &str, p: &str, f: &str, u: &str, persons| {
                (n.into(), k.into(), p.into(), f.into(), u.into(), persons)
            };
            assert_eq!(
                stays,
                [
                    row("TST-26C00001", "loi", "LOI-GENT", "2026-03-03", "", 4),
                    row(
                        "TST-26C00002",
                        "loi",
                        "LOI-GENT",
                        "2026-01-05",
                        "2026-06-01",
                        3
                    ),
                    row("TST-26C00002", "home", "", "2026-06-01", "", 3),
                    row("TST-26C00003", "sponsor", "Welkom", "2026-02-02", "", 2),
                    row(
                        "TST-26C00005",
                        "municipality",
                        "GEM-UTRECHT",
                        "2026-05-02",
                        "",
                        2
                    ),
                ],
                "{}",
                db.backend
            );
            let places: Vec<(String, Option<i64>, i64)> = sqlx::query(
                "SELECT case_number, reception_place_id, travelling FROM cases ORDER BY case_number",
            )
            .fetch_all(&store.pool)
            .await
            .unwrap()
            .iter()
            .map(|r| (r.try_get(0).unwrap(), r.try_get(1).unwrap(), r.try_get(2).unwrap()))
            .collect();
            let placed: Vec<(&str, bool, i64)> = places
                .iter()
                .map(|(n, p, t)| (n.as_str(), p.is_some(), *t))
                .collect();
            assert_eq!(
                placed,
                [
                    ("TST-26C00001", true, 4),
                    ("TST-26C00002", false, 3),
                    ("TST-26C00003", false, 2),
                    ("TST-26C00004", false, 3),
                    ("TST-26C00005", true, 2),
                ],
                "{}: only the current place is named; the split family travels as 3",
                db.backend
            );
            let arrivals: Vec<(String, String, i64)> = sqlx::query(
                "SELECT c.case_number, CAST(a.arrived_on AS TEXT), a.persons FROM arrivals a \
                   JOIN cases c ON c.id = a.case_id ORDER BY c.case_number",
            )
            .fetch_all(&store.pool)
            .await
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r.try_get(0).unwrap(),
                    r.try_get(1).unwrap(),
                    r.try_get(2).unwrap(),
                )
            })
            .collect();
            assert_eq!(arrivals.len(), 5, "{}", db.backend);
            assert_eq!(
                arrivals[3],
                ("TST-26C00004".into(), "2026-04-01".into(), 3),
                "{}",
                db.backend
            );
            store.close().await;
        }
    }

    /// Migration 32 gives a step back from a sponsor group's home recorded in words only
    /// the breakdown code `other`, so the step reads against the profile's new list; it
    /// leaves every other step (an arrival into reception among them) and a code already
    /// given as they were.
    #[tokio::test]
    async fn a_step_back_recorded_in_words_only_is_coded_other() {
        for db in resettle_testkit::databases() {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate_through(16).await.unwrap();
            write_at_16(&store).await;
            store.migrate_through(31).await.unwrap();
            let steps: [(&str, i64, &str, Option<&str>); 3] = [
                ("TST-26C00003", 4, "integration_support", None),
                ("TST-26C00003", 5, "housed", Some("housing_lost")),
                ("TST-26C00001", 3, "arrived", None),
            ];
            for (number, seq, from, code) in steps {
                sqlx::query(
                    "INSERT INTO case_events (case_id, seq, at, actor, from_state, to_state, \
                     reason, payload, reason_code) SELECT id, $1, '2026-07-01T10:00:00Z', \
                     'test', $2, 'in_reception', 'the group dissolved', '{}', $3 FROM cases \
                     WHERE case_number = $4",
                )
                .bind(seq)
                .bind(from)
                .bind(code)
                .bind(number)
                .execute(&store.pool)
                .await
                .unwrap();
            }
            store.migrate().await.unwrap();
            let codes: Vec<(String, i64, Option<String>)> = sqlx::query(
                "SELECT c.case_number, e.seq, e.reason_code FROM case_events e \
                   JOIN cases c ON c.id = e.case_id WHERE e.to_state = 'in_reception' \
                  ORDER BY c.case_number, e.seq",
            )
            .fetch_all(&store.pool)
            .await
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r.try_get(0).unwrap(),
                    r.try_get(1).unwrap(),
                    r.try_get(2).unwrap(),
                )
            })
            .collect();
            let row = |n: &str, seq, code: Option<&str>| (n.into(), seq, code.map(Into::into));
            assert_eq!(
                codes,
                [
                    row("TST-26C00001", 2, None),
                    row("TST-26C00001", 3, None),
                    row("TST-26C00002", 2, None),
                    row("TST-26C00003", 4, Some("other")),
                    row("TST-26C00003", 5, Some("housing_lost")),
                ],
                "{}",
                db.backend
            );
            store.close().await;
        }
    }

    /// The days, moments and yes/no columns of a PostgreSQL schema by how they are named
    /// and checked: each column whose name says it holds a day (`…_on`, `promised_date`,
    /// `date_of_birth`, `as_of`) or a moment (`at`, `…_at`, `…_until`, `…_since`,
    /// `last_seen`) with its catalogue type, and the columns kept to 0 or 1 by a check.
    async fn typed_columns(
        store: &Store,
    ) -> (Vec<(String, String)>, std::collections::BTreeSet<String>) {
        let named = |c: &str| {
            c.ends_with("_on")
                || ["promised_date", "date_of_birth", "as_of", "at", "last_seen"].contains(&c)
                || c.ends_with("_at")
                || c.ends_with("_until")
                || c.ends_with("_since")
        };
        let mut columns = Vec::new();
        for r in sqlx::query(
            "SELECT table_name::text, column_name::text, data_type::text \
               FROM information_schema.columns WHERE table_schema = current_schema() \
              ORDER BY 1, 2",
        )
        .fetch_all(&store.pool)
        .await
        .unwrap()
        {
            let (table, column, kind): (String, String, String) = (r.get(0), r.get(1), r.get(2));
            if named(&column) || kind == "boolean" {
                columns.push((format!("{table}.{column}"), kind));
            }
        }
        let mut zero_or_one = std::collections::BTreeSet::new();
        for r in sqlx::query(
            "SELECT c.conrelid::regclass::text, pg_get_constraintdef(c.oid) \
               FROM pg_constraint c WHERE c.contype = 'c'",
        )
        .fetch_all(&store.pool)
        .await
        .unwrap()
        {
            let (table, def): (String, String) = (r.get(0), r.get(1));
            // PostgreSQL writes `CHECK (x IN (0, 1))` back as
            // `CHECK ((x = ANY (ARRAY[(0)::bigint, (1)::bigint])))`.
            if let Some(column) = def
                .strip_prefix("CHECK ((")
                .and_then(|d| d.strip_suffix(" = ANY (ARRAY[(0)::bigint, (1)::bigint])))"))
            {
                zero_or_one.insert(format!("{table}.{column}"));
            }
        }
        (columns, zero_or_one)
    }

    /// After the migrations every day is a `date`, every moment a `timestamptz` and every
    /// yes/no a `boolean` on PostgreSQL, but the two moments kept as text on purpose
    /// (decision 0023): a later migration adding a day as text fails here, named. At schema
    /// 34, before the conversions, the same rules find them all as text and 0/1 checks, so
    /// the rules see what they look for.
    #[tokio::test]
    async fn every_day_moment_and_flag_has_postgresql_s_own_type() {
        let Some(cluster) = resettle_testkit::postgres::cluster() else {
            return;
        };
        let store = Store::connect(&cluster.create_database()).await.unwrap();
        store.migrate_through(34).await.unwrap();
        let (before, flags) = typed_columns(&store).await;
        assert!(before.iter().all(|(_, kind)| kind == "text"), "{before:?}");
        assert_eq!(before.len(), 58, "{before:?}");
        assert_eq!(flags.len(), 8, "{flags:?}");

        store.migrate().await.unwrap();
        let (after, left) = typed_columns(&store).await;
        let untyped: Vec<&str> = after
            .iter()
            .filter(|(name, kind)| {
                let wanted = if kind == "boolean" {
                    "boolean"
                } else if name.ends_with("_on")
                    || ["promised_date", "date_of_birth", "as_of"]
                        .iter()
                        .any(|d| name.ends_with(&format!(".{d}")))
                {
                    "date"
                } else {
                    "timestamp with time zone"
                };
                kind != wanted
            })
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(
            untyped,
            ["audit_log.at", "schema_migrations.applied_at"],
            "columns left out of PostgreSQL's own types"
        );
        assert!(left.is_empty(), "0/1 checks left: {left:?}");
        let booleans: std::collections::BTreeSet<String> = after
            .iter()
            .filter(|(_, kind)| kind == "boolean")
            .map(|(name, _)| name.clone())
            .collect();
        assert_eq!(booleans, flags, "every 0/1 column became a boolean");
    }

    /// Migration 41 types the moments, days and yes/no of people, access and planning on
    /// PostgreSQL (SQLite keeps its text and 0/1): what was stored before reads back the
    /// same through the store, fractions of a second, a lock and both flags included.
    #[tokio::test]
    async fn stored_access_and_planning_values_survive_their_typing() {
        use time::macros::{date, datetime};
        for db in resettle_testkit::databases() {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate_through(40).await.unwrap();
            for sql in [
                "INSERT INTO programmes (code, name, state_code, policy_profile) \
                 VALUES ('BE', 'Belgium', 'BE', 'belgium')",
                "INSERT INTO users (username, roles, password_hash, disabled, created_at, \
                 locked_until) VALUES ('ana', 'planner', 'h', 1, '2026-03-04T10:20:30.123456Z', \
                 '2026-03-04T11:00:00Z')",
                "INSERT INTO users (username, roles, password_hash, disabled, created_at) \
                 VALUES ('bo', 'planner', 'h', 0, '2026-03-04T10:20:30Z')",
                "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, \
                 second_factor_done) SELECT 's', id, 'c', '2026-03-04T10:20:30Z', \
                 '2026-03-04T10:25:00.5Z', 1 FROM users WHERE username = 'bo'",
                "INSERT INTO selection_missions (programme_id, code, destination, starts_on, \
                 ends_on, status, team) SELECT id, 'BE-2026-LB-1', 'LB', '2026-02-27', \
                 '2026-03-05', 'planned', 'An (CGVS)' FROM programmes",
                "INSERT INTO programme_holds (programme_id, starts_on, ends_on, reason, note, \
                 recorded_by, recorded_at) SELECT id, '2026-03-01', '2026-04-30', 'security', \
                 '', 'planner', '2026-03-04T10:20:30Z' FROM programmes",
            ] {
                sqlx::query(AssertSqlSafe(sql))
                    .execute(&store.pool)
                    .await
                    .unwrap();
            }
            store.migrate().await.unwrap();
            let who = db.backend;
            let users: Vec<_> = store
                .users()
                .await
                .unwrap()
                .into_iter()
                .map(|u| (u.username, u.disabled, u.created_at))
                .collect();
            assert_eq!(
                users,
                vec![
                    (
                        "ana".into(),
                        true,
                        datetime!(2026-03-04 10:20:30.123456 UTC)
                    ),
                    ("bo".into(), false, datetime!(2026-03-04 10:20:30 UTC)),
                ],
                "{who}"
            );
            let ana = store.login_row("ana").await.unwrap().unwrap();
            assert_eq!(
                ana.locked_until,
                Some(datetime!(2026-03-04 11:00 UTC)),
                "{who}"
            );
            let s = store.session("s").await.unwrap().unwrap();
            assert_eq!(
                (s.created_at, s.last_seen, s.second_factor_done),
                (
                    datetime!(2026-03-04 10:20:30 UTC),
                    datetime!(2026-03-04 10:25:00.5 UTC),
                    true
                ),
                "{who}"
            );
            let m = &store.missions().await.unwrap()[0].mission;
            assert_eq!(
                (m.starts_on, m.ends_on),
                (date!(2026 - 02 - 27), date!(2026 - 03 - 05)),
                "{who}"
            );
            let h = &store.holds("BE").await.unwrap()[0];
            assert_eq!(
                (h.hold.from, h.hold.until, h.recorded_at),
                (
                    date!(2026 - 03 - 01),
                    date!(2026 - 04 - 30),
                    datetime!(2026-03-04 10:20:30 UTC)
                ),
                "{who}"
            );
            store.close().await;
        }
    }

    /// Migration 33 writes a saved scenario's words as they are now read (lower case, no
    /// spaces around), leaves the rest of its inputs and a scenario without them alone.
    #[tokio::test]
    async fn a_saved_scenario_takes_the_words_as_they_are_now_read() {
        for db in resettle_testkit::databases() {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate_through(32).await.unwrap();
            for (name, inputs) in [
                (
                    "typed loosely",
                    r#"{"method":" EC2015-Capped ","ramp":"Linear","rounding":"FLOOR","needs_basis":"Last-Year","state":"BE","years":3}"#,
                ),
                (
                    "without words",
                    r#"{"state":"NL","share":0.05,"method":null}"#,
                ),
            ] {
                sqlx::query(
                    "INSERT INTO fair_share_scenarios (name, inputs, result, saved_at, saved_by)                      VALUES ($1, $2, '{}', '2026-07-01T10:00:00Z', 'test')",
                )
                .bind(name)
                .bind(inputs)
                .execute(&store.pool)
                .await
                .unwrap();
            }
            store.migrate().await.unwrap();
            let stored: Vec<serde_json::Value> = store
                .scenarios()
                .await
                .unwrap()
                .iter()
                .map(|s| serde_json::from_str(&s.inputs).unwrap())
                .collect();
            assert_eq!(
                stored,
                [
                    serde_json::json!({"method": "ec2015-capped", "ramp": "linear",
                        "rounding": "floor", "needs_basis": "last-year", "state": "BE",
                        "years": 3}),
                    serde_json::json!({"state": "NL", "share": 0.05, "method": null}),
                ],
                "{}",
                db.backend
            );
            store.close().await;
        }
    }

    /// Migration 42 turns the days of integration support, its outcomes and funding claims
    /// into PostgreSQL dates and the check-ins' and outcomes' 0 or 1 into booleans, each
    /// value kept: what was written as text and integers before reads back the same after.
    #[tokio::test]
    async fn support_days_and_flags_written_before_read_back_the_same() {
        use resettle_domain::case::CaseNumber;
        use time::macros::date;
        const AT_41: &[&str] = &[
            "INSERT INTO support_plans (case_id, provider, starts_on, months, provider_kind) \
             SELECT id, 'Welkom', '2026-02-20', 24, 'sponsor_group' FROM cases \
              WHERE case_number = 'TST-26C00003'",
            "INSERT INTO support_goals (case_id, goal_no, kind, target_on, reached_on) \
             SELECT id, 1, 'own_housing', '2026-08-20', '2026-07-01' FROM cases \
              WHERE case_number = 'TST-26C00003'",
            "INSERT INTO support_goals (case_id, goal_no, kind, target_on, reached_on) \
             SELECT id, 2, 'language_course', '2026-12-20', NULL FROM cases \
              WHERE case_number = 'TST-26C00003'",
            "INSERT INTO support_contacts (case_id, contact_on, kind, note, recorded_by) \
             SELECT id, '2026-03-04', 'call', 'how are you', 'ana' FROM cases \
              WHERE case_number = 'TST-26C00003'",
            "INSERT INTO wellbeing_checkins (case_id, months, answered_on, answered_by, own_home, \
             own_kitchen, own_shower, rooms, language_course, schooling, work, health, \
             relatives_abroad, feeling, recorded_by) \
             SELECT id, 3, '2026-05-20', 'staff', 1, 0, 1, 2, 0, '[]', '[]', 'sealed', 0, 4, \
                    'ana' FROM cases WHERE case_number = 'TST-26C00003'",
            "INSERT INTO support_tasks (case_id, kind, from_months, opened_on, closed_on, \
             closed_by, closed_note) SELECT id, 'no_own_housing', 3, '2026-05-20', \
             '2026-07-01', 'ana', 'a flat' FROM cases WHERE case_number = 'TST-26C00003'",
            "INSERT INTO family_members (case_id, member_no, full_name, date_of_birth, sex, \
             relationship, languages) SELECT id, 1, 'Ana', '1990-01-01', 'female', \
             'principal_applicant', 'ar' FROM cases WHERE case_number = 'TST-26C00003'",
            "INSERT INTO integration_outcomes (case_id, member_no, months, employed, recorded_on) \
             SELECT id, 1, 12, 1, '2027-02-20' FROM cases WHERE case_number = 'TST-26C00003'",
            "INSERT INTO funding_claims (programme_id, instrument, year, number, as_of, \
             filed_on, filed_by, total_cents) SELECT id, 'amif', 2026, 1, '2026-12-31', \
             '2027-01-15', 'ana', 0 FROM programmes",
        ];
        for db in resettle_testkit::databases() {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate_through(16).await.unwrap();
            write_at_16(&store).await;
            store.migrate_through(41).await.unwrap();
            for sql in AT_41 {
                sqlx::query(AssertSqlSafe(*sql))
                    .execute(&store.pool)
                    .await
                    .unwrap();
            }
            store.migrate().await.unwrap();
            let number = CaseNumber::parse("TST-26C00003").unwrap();
            let records = store.support_records(&number, false).await.unwrap();
            let goals: Vec<_> = records
                .goals
                .iter()
                .map(|g| (g.target_on, g.reached_on))
                .collect();
            assert_eq!(
                goals,
                [
                    (date!(2026 - 08 - 20), Some(date!(2026 - 07 - 01))),
                    (date!(2026 - 12 - 20), None),
                ],
                "{}",
                db.backend
            );
            assert_eq!(
                records.contacts[0].0.on,
                date!(2026 - 03 - 04),
                "{}",
                db.backend
            );
            let c = &records.checkins[0].checkin;
            assert_eq!(
                (
                    c.answered_on,
                    c.housing.own_home,
                    c.housing.own_kitchen,
                    c.housing.own_shower,
                    c.language_course,
                ),
                (date!(2026 - 05 - 20), true, false, true, false),
                "{}",
                db.backend
            );
            let t = &records.tasks[0];
            assert_eq!(
                (t.opened_on, t.closed.as_ref().map(|c| c.on)),
                (date!(2026 - 05 - 20), Some(date!(2026 - 07 - 01))),
                "{}",
                db.backend
            );
            let case = store.case(&number).await.unwrap().unwrap();
            let support = case.file.support.unwrap();
            assert_eq!(support.starts_on, date!(2026 - 02 - 20), "{}", db.backend);
            let o = &case.file.outcomes[0];
            assert_eq!(
                (o.employed, o.recorded_on),
                (true, date!(2027 - 02 - 20)),
                "{}",
                db.backend
            );
            let claims = store.filed_claims("BE").await.unwrap();
            assert_eq!(
                (claims[0].as_of, claims[0].filed_on),
                (date!(2026 - 12 - 31), date!(2027 - 01 - 15)),
                "{}",
                db.backend
            );
            store.close().await;
        }
    }
}
