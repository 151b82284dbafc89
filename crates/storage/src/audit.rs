//! The audit trail: who did or saw what, when and from where, in a hash chain.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and this entry's fields, so
//! editing, inserting or removing a row breaks the chain at that row and `verify_audit`
//! names it. Entries are appended under the write lock (SQLite `BEGIN IMMEDIATE`,
//! PostgreSQL a table lock) so two writers never chain onto the same predecessor.
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::{Backend, StorageError, Store, codec};

/// The hash the first entry chains onto.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An entry to append; `seq`, time and hashes are added by [`Store::append_audit`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAuditEntry {
    /// Username, `cli:<os user>`, or `anonymous` for a failed sign-in's unknown name.
    pub actor: String,
    /// Client address, or `cli`.
    pub source: String,
    /// `read`, `write`, `export`, `login`, `logout`, `refused`, …
    pub action: String,
    /// What was touched: `case`, `user`, `medical_record`, `audit_log`, `session`, …
    pub entity: String,
    /// Its identifier (case number, username, …).
    pub entity_id: String,
    /// The special-category fields read or written, comma-separated (empty if none).
    pub fields: String,
    /// `ok`, `refused` or `failed`.
    pub outcome: String,
    /// A short free-text detail (the step taken, the reason refused).
    pub detail: String,
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The entry's content.
    pub entry: NewAuditEntry,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// Filters for browsing the trail; empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Exact actor.
    pub actor: Option<String>,
    /// Exact action.
    pub action: Option<String>,
    /// Exact entity.
    pub entity: Option<String>,
    /// Exact entity id.
    pub entity_id: Option<String>,
    /// Entries at or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Entries before the end of this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// At most this many, newest first.
    pub limit: i64,
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every entry links to its predecessor and hashes to what it says.
    Intact {
        /// How many entries were checked.
        entries: i64,
    },
    /// The first entry that does not.
    Broken {
        /// Its sequence number.
        seq: i64,
        /// What is wrong with it.
        reason: String,
    },
}

/// The hash of an entry: every field, length-prefixed so no two field lists collide.
fn entry_hash(prev: &str, seq: i64, at: &str, e: &NewAuditEntry) -> String {
    let mut h = Sha256::new();
    let seq = seq.to_string();
    for part in [
        prev,
        seq.as_str(),
        at,
        &e.actor,
        &e.source,
        &e.action,
        &e.entity,
        &e.entity_id,
        &e.fields,
        &e.outcome,
        &e.detail,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

const COLUMNS: &str = "seq, at, actor, source, action, entity, entity_id, fields, outcome, \
                       detail, prev_hash, hash";

fn row(r: &sqlx::any::AnyRow) -> Result<AuditEntry, StorageError> {
    Ok(AuditEntry {
        seq: r.try_get(0)?,
        at: r.try_get(1)?,
        entry: NewAuditEntry {
            actor: r.try_get(2)?,
            source: r.try_get(3)?,
            action: r.try_get(4)?,
            entity: r.try_get(5)?,
            entity_id: r.try_get(6)?,
            fields: r.try_get(7)?,
            outcome: r.try_get(8)?,
            detail: r.try_get(9)?,
        },
        prev_hash: r.try_get(10)?,
        hash: r.try_get(11)?,
    })
}

impl Store {
    /// Appends entries to the chain in one transaction; returns the last sequence number.
    pub async fn append_audit(&self, entries: &[NewAuditEntry]) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let seq = self.append_audit_in(&mut tx, entries).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Appends entries to the chain inside the caller's write transaction, so a write and
    /// the entries recording it commit together or not at all: a crash between two
    /// transactions would otherwise leave a write nobody can see in the trail. Call it
    /// last in the transaction, so the lock on the chain is held as briefly as possible
    /// and always taken after the rows the write touches.
    pub(crate) async fn append_audit_in(
        &self,
        tx: &mut AnyConnection,
        entries: &[NewAuditEntry],
    ) -> Result<i64, StorageError> {
        if self.backend == Backend::Postgres {
            sqlx::query("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
        let (mut seq, mut prev): (i64, String) = match last {
            Some(r) => (r.try_get(0)?, r.try_get(1)?),
            None => (0, GENESIS.to_string()),
        };
        let at = codec::timestamp(self.now());
        for e in entries {
            seq += 1;
            let hash = entry_hash(&prev, seq, &at, e);
            sqlx::query(
                "INSERT INTO audit_log (seq, at, actor, source, action, entity, entity_id, \
                 fields, outcome, detail, prev_hash, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(seq)
            .bind(at.clone())
            .bind(e.actor.clone())
            .bind(e.source.clone())
            .bind(e.action.clone())
            .bind(e.entity.clone())
            .bind(e.entity_id.clone())
            .bind(e.fields.clone())
            .bind(e.outcome.clone())
            .bind(e.detail.clone())
            .bind(prev.clone())
            .bind(hash.clone())
            .execute(&mut *tx)
            .await?;
            prev = hash;
        }
        Ok(seq)
    }

    /// Walks the whole chain in order, in pages, and reports the first broken entry.
    pub async fn verify_audit(&self) -> Result<ChainCheck, StorageError> {
        const PAGE: i64 = 5_000;
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1;
        loop {
            let sql = sqlx::AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT {PAGE}"
            ));
            let rows = sqlx::query(sql)
                .bind(expected_seq)
                .fetch_all(&self.pool)
                .await?;
            // A row with a sequence number below the expected one cannot appear (the
            // query starts there); one above it means rows were removed.
            for r in &rows {
                let e = row(r)?;
                if e.seq != expected_seq {
                    return Ok(ChainCheck::Broken {
                        seq: expected_seq,
                        reason: format!("entry missing (next entry is {})", e.seq),
                    });
                }
                if e.prev_hash != prev {
                    return Ok(ChainCheck::Broken {
                        seq: e.seq,
                        reason: "does not link to the previous entry".into(),
                    });
                }
                if entry_hash(&prev, e.seq, &e.at, &e.entry) != e.hash {
                    return Ok(ChainCheck::Broken {
                        seq: e.seq,
                        reason: "content does not match its hash (edited)".into(),
                    });
                }
                prev = e.hash;
                expected_seq += 1;
            }
            if (rows.len() as i64) < PAGE {
                return Ok(ChainCheck::Intact {
                    entries: expected_seq - 1,
                });
            }
        }
    }

    /// Entries matching a filter, newest first.
    pub async fn audit_entries(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>, StorageError> {
        let mut clauses = Vec::new();
        let mut binds: Vec<String> = Vec::new();
        for (column, value) in [
            ("actor", &f.actor),
            ("action", &f.action),
            ("entity", &f.entity),
            ("entity_id", &f.entity_id),
        ] {
            if let Some(v) = value {
                binds.push(v.clone());
                clauses.push(format!("{column} = ${}", binds.len()));
            }
        }
        if let Some(from) = &f.from {
            binds.push(from.clone());
            clauses.push(format!("at >= ${}", binds.len()));
        }
        if let Some(to) = &f.to {
            // Timestamps are RFC 3339 text; every one of the day `to` sorts before `to` + "U".
            binds.push(format!("{to}U"));
            clauses.push(format!("at < ${}", binds.len()));
        }
        let filter = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM audit_log {filter} ORDER BY seq DESC LIMIT {}",
            f.limit.max(1)
        ));
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(b);
        }
        q.fetch_all(&self.pool).await?.iter().map(row).collect()
    }
}
