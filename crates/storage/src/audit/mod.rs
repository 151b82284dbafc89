//! The audit trail: who did or saw what, when and from where, in a keyed hash chain.
//!
//! Each entry's hash is an HMAC-SHA256, under a chain key derived from the data key (which
//! the database never holds), over the previous entry's hash and this entry's fields, so
//! editing, inserting or removing a row breaks the chain at that row, and someone with the
//! database but not the key cannot compute a chain that links again. Entries written before
//! the chain was keyed (migration 11), or without any key configured, carry the plain
//! SHA-256 of the same fields; each entry names which rule made it (`key_id`). The head is
//! anchored outside the database ([`anchor`]), so cutting the newest entries shows too.
//! Entries are appended under the write lock (SQLite `BEGIN IMMEDIATE`, PostgreSQL a table
//! lock) so two writers never chain onto the same predecessor. See
//! `docs/decisions/0011-keyed-anchored-audit-trail.md`.
pub mod anchor;
mod group;
mod verify;

use resettle_secure::chain::ChainKey;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::batch::Rows;
use crate::{Backend, StorageError, Store, codec};

pub use anchor::{Anchor, AnchorPolicy, parse_anchors};
pub use verify::{ChainCheck, Fault, Verified};

/// The hash the first entry chains onto.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The refusal to append without a key to a chain that is keyed: a plain entry after keyed
/// ones is what a forger writes, so verification would call the trail broken. A database
/// that never had a key (a developer's) keeps a plain chain.
pub const NO_AUDIT_KEY: &str = "audit trail: it is keyed and no data key is configured, so \
     nothing can be recorded; set RESETTLE_DATA_KEY or --data-key-file to the key that keys it";

/// The entries recording a write whose detail depends on what the write did (how many
/// sessions a change to a user ended, say): called inside the write's transaction with
/// its outcome, so the entries commit with it.
pub type AuditOf<'a, T> = &'a (dyn Fn(&T) -> Vec<NewAuditEntry> + Sync);

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
    /// The HTTP request it was made in (the id the server's log and the answer's
    /// `X-Request-Id` carry); empty outside a request.
    pub request_id: String,
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// When (RFC 3339, UTC), kept as the stored text: the chain's hash covers it exactly.
    pub at: String,
    /// The entry's content.
    pub entry: NewAuditEntry,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
    /// The data key whose chain key computed `hash`; empty for a plain SHA-256.
    pub key_id: String,
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
    /// Only entries older than this sequence number: the next page of a long trail.
    pub before: Option<i64>,
    /// At most this many, newest first.
    pub limit: i64,
}

/// The bytes an entry's hash covers: every field, length-prefixed so no two field lists
/// collide. A keyed entry's bytes also cover its key id, so it cannot be moved to another
/// key; a plain entry's bytes are what they were before keys, so old entries still verify.
/// A request id, when there is one, comes last, so entries without one (all those written
/// before migration 22) hash as they always did.
fn hashed_bytes(prev: &str, seq: i64, at: &str, key_id: &str, e: &NewAuditEntry) -> Vec<u8> {
    let seq = seq.to_string();
    let key_part = (!key_id.is_empty()).then_some(key_id);
    let mut bytes = Vec::with_capacity(256);
    for part in [prev, seq.as_str(), at]
        .into_iter()
        .chain(key_part)
        .chain([
            e.actor.as_str(),
            &e.source,
            &e.action,
            &e.entity,
            &e.entity_id,
            &e.fields,
            &e.outcome,
            &e.detail,
        ])
        .chain((!e.request_id.is_empty()).then_some(e.request_id.as_str()))
    {
        bytes.extend_from_slice(&(part.len() as u64).to_be_bytes());
        bytes.extend_from_slice(part.as_bytes());
    }
    bytes
}

/// An entry's hash: HMAC-SHA256 under `key` (whose id the entry records), or without a key
/// the plain SHA-256 the trail used before it was keyed.
fn entry_hash(key: Option<&ChainKey>, prev: &str, seq: i64, at: &str, e: &NewAuditEntry) -> String {
    let key_id = key.map_or("", ChainKey::id);
    let bytes = hashed_bytes(prev, seq, at, key_id, e);
    match key {
        Some(k) => hex::encode(k.mac(&bytes)),
        None => hex::encode(Sha256::digest(&bytes)),
    }
}

const COLUMNS: &str = "seq, at, actor, source, action, entity, entity_id, fields, outcome, \
                       detail, prev_hash, hash, key_id, request_id";

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
            request_id: r.try_get(13)?,
        },
        prev_hash: r.try_get(10)?,
        hash: r.try_get(11)?,
        key_id: r.try_get(12)?,
    })
}

/// What a store knows of its trail beyond the database: where it anchors the head, and
/// how far the chain has been verified.
#[derive(Debug, Default)]
pub(crate) struct AuditTrail {
    /// The anchor file, if one is configured.
    pub(crate) anchor: Option<anchor::AnchorFile>,
    /// The point the last successful check reached.
    pub(crate) verified: std::sync::Mutex<Option<Verified>>,
    /// Entries waiting for the next group commit.
    pub(crate) group: group::GroupCommit,
}

/// The chain's head after a batch was appended, to anchor once the batch is committed
/// (anchoring an uncommitted head would report a truncation after a rollback).
#[must_use = "hand it to Store::committed after the transaction commits"]
pub(crate) struct AppendedHead {
    seq: i64,
    hash: String,
}

impl Store {
    /// The same store anchoring its trail's head in `file` (appended to, never rewritten),
    /// as often as `policy` says; verification then also checks the chain against it.
    pub fn with_audit_anchor(mut self, file: std::path::PathBuf, policy: AnchorPolicy) -> Store {
        self.audit = std::sync::Arc::new(AuditTrail {
            anchor: Some(anchor::AnchorFile::new(file, policy)),
            ..AuditTrail::default()
        });
        self
    }

    /// The anchor file, if one is configured.
    pub fn audit_anchor_file(&self) -> Option<&std::path::Path> {
        self.audit.anchor.as_ref().map(anchor::AnchorFile::path)
    }

    /// Appends entries to the chain and returns the last one's sequence number once they
    /// are committed. Entries from concurrent callers are committed together, in one
    /// transaction sealed in order by one writer ([`group`]), so a busy server's audited
    /// reads share a commit instead of queueing for the chain one by one.
    pub async fn append_audit(&self, entries: &[NewAuditEntry]) -> Result<i64, StorageError> {
        group::append(self, entries.to_vec()).await
    }

    /// Runs one statement that writes and appends the entries recording it (made from the
    /// rows it changed) in the same transaction; returns the rows changed.
    pub(crate) async fn execute_audited(
        &self,
        statement: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
        audit: AuditOf<'_, u64>,
    ) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = statement.execute(&mut *tx).await?.rows_affected();
        let head = self.append_audit_in(&mut tx, &audit(&changed)).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(changed)
    }

    /// Appends entries in a transaction of their own: one batch of the group commit.
    async fn commit_audit_batch(&self, entries: &[NewAuditEntry]) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let head = self.append_audit_in(&mut tx, entries).await?;
        tx.commit().await?;
        Ok(self.committed(head))
    }

    /// Appends entries to the chain inside the caller's write transaction, so a write and
    /// the entries recording it commit together or not at all: a crash between two
    /// transactions would otherwise leave a write nobody can see in the trail. Call it
    /// last in the transaction, so the lock on the chain is held as briefly as possible
    /// and always taken after the rows the write touches; after the commit, hand the head
    /// to [`Store::committed`]. A batch of any size costs one head query and one anchor
    /// check.
    pub(crate) async fn append_audit_in(
        &self,
        tx: &mut AnyConnection,
        entries: &[NewAuditEntry],
    ) -> Result<AppendedHead, StorageError> {
        if self.backend == Backend::Postgres {
            sqlx::query("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let last = sqlx::query("SELECT seq, hash, key_id FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
        let (mut seq, mut prev, last_key): (i64, String, String) = match last {
            Some(r) => (r.try_get(0)?, r.try_get(1)?, r.try_get(2)?),
            None => (0, GENESIS.to_string(), String::new()),
        };
        let key = self.keys.as_ref().map(|k| k.current_chain_key());
        if key.is_none() && !last_key.is_empty() {
            return Err(StorageError::NoKey(format!(
                "{NO_AUDIT_KEY} (`{last_key}`)"
            )));
        }
        let at = codec::timestamp(self.now());
        let key_id = key.as_ref().map_or("", ChainKey::id);
        let mut rows = Rows::new(
            "audit_log",
            &[
                "seq",
                "at",
                "actor",
                "source",
                "action",
                "entity",
                "entity_id",
                "fields",
                "outcome",
                "detail",
                "prev_hash",
                "hash",
                "key_id",
                "request_id",
            ],
        );
        for e in entries {
            seq += 1;
            let hash = entry_hash(key.as_ref(), &prev, seq, &at, e);
            rows.push([
                seq.into(),
                at.as_str().into(),
                e.actor.as_str().into(),
                e.source.as_str().into(),
                e.action.as_str().into(),
                e.entity.as_str().into(),
                e.entity_id.as_str().into(),
                e.fields.as_str().into(),
                e.outcome.as_str().into(),
                e.detail.as_str().into(),
                prev.as_str().into(),
                hash.as_str().into(),
                key_id.into(),
                e.request_id.as_str().into(),
            ]);
            prev = hash;
        }
        // One statement for the whole batch: a group commit of a busy server's reads holds
        // dozens of entries, and a round trip each would hold the chain's lock that long.
        rows.insert(&mut *tx, None).await?;
        Ok(AppendedHead { seq, hash: prev })
    }

    /// After the batch's transaction committed: anchors its head if the policy says it is
    /// time (no query, a file append at most every so many entries or seconds). Returns the
    /// head's sequence number.
    pub(crate) fn committed(&self, head: AppendedHead) -> i64 {
        if let Some(file) = &self.audit.anchor {
            file.after_append(head.seq, &head.hash, self.now());
        }
        head.seq
    }

    /// Anchors the chain's current head now (at shutdown, so the last entries of a run are
    /// covered too); does nothing without an anchor file or if the head is anchored.
    pub async fn anchor_audit_head(&self) -> Result<(), StorageError> {
        let Some(file) = &self.audit.anchor else {
            return Ok(());
        };
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        if let Some(r) = last {
            file.anchor(r.try_get(0)?, &r.try_get::<String, _>(1)?, self.now());
        }
        Ok(())
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
        if let Some(before) = f.before {
            // An integer, written into the statement: the text binds above would compare
            // as text on SQLite and fail on PostgreSQL.
            clauses.push(format!("seq < {before}"));
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
