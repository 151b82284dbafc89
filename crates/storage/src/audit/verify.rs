//! Checking the chain: in full (every entry from the first, against every anchor), or
//! from the last point verified (what a page view can afford: the entries written since,
//! and the newest anchor).
use resettle_secure::chain::ChainKey;
use sqlx::Row;

use super::anchor::Anchor;
use super::{AuditEntry, COLUMNS, GENESIS, entry_hash, row};
use crate::{StorageError, Store, codec};

/// The outcome of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every entry links to its predecessor and hashes to what it says, and every anchor
    /// names an entry that is there with the hash anchored.
    Intact {
        /// How many entries the chain holds.
        entries: i64,
        /// How many of them carry a plain SHA-256 (written before the chain was keyed, or
        /// without a key): those an attacker with the database could have recomputed, had
        /// no keyed entry or anchor come after them.
        plain: i64,
        /// The newest entry an anchor confirmed (0 if none).
        anchored: i64,
    },
    /// The first entry that does not hold, and why.
    Broken {
        /// Its sequence number.
        seq: i64,
        /// What is wrong with it.
        fault: Fault,
    },
}

impl std::fmt::Display for ChainCheck {
    /// What `resettle audit verify` prints and the trail records of a check.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainCheck::Intact {
                entries,
                plain,
                anchored,
            } => {
                write!(f, "intact: {entries} entries verified")?;
                if *plain > 0 {
                    write!(f, " ({plain} with a plain SHA-256, written before the key)")?;
                }
                if *anchored > 0 {
                    write!(f, ", anchored up to entry {anchored}")?;
                }
                Ok(())
            }
            ChainCheck::Broken { seq, fault } => write!(f, "broken at entry {seq}: {fault}"),
        }
    }
}

/// What is wrong with the first entry that does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Fault {
    /// Rows were removed from the middle.
    #[error("entry missing (next entry is {next})")]
    Missing {
        /// The entry that follows the gap.
        next: i64,
    },
    /// Its `prev_hash` is not its predecessor's hash.
    #[error("does not link to the previous entry")]
    Unlinked,
    /// Its content does not give its hash.
    #[error("content does not match its hash (edited)")]
    Edited,
    /// A plain SHA-256 after keyed entries: what someone without the key writes when
    /// rewriting the chain.
    #[error("written without the key after keyed entries (rewritten without the key)")]
    Downgraded,
    /// Keyed under a key the ring does not hold.
    #[error(
        "keyed under `{0}`, which the key ring lacks (configure that key, or the entry is forged)"
    )]
    UnknownKey(String),
    /// An anchor recorded another hash for this entry.
    #[error("its hash is not the one anchored at {at} (rewritten)")]
    AnchorMismatch {
        /// When the anchor was written.
        at: String,
    },
    /// The chain ends before an anchored entry: its newest entries were removed.
    #[error(
        "missing: the trail ends at entry {head}, but entry {anchored} was anchored at {at} \
         (the newest entries were removed)"
    )]
    Truncated {
        /// The last entry left.
        head: i64,
        /// The newest anchored entry.
        anchored: i64,
        /// When it was anchored.
        at: String,
    },
    /// The entry an earlier verification ended on was changed or removed since.
    #[error("changed or removed since the chain was verified up to it at {at}")]
    ChangedSinceVerified {
        /// When that verification ran.
        at: String,
    },
}

/// How far the chain has been verified, so the next check need only read what follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The last entry verified (0 before any).
    pub seq: i64,
    /// Its hash.
    pub hash: String,
    /// Whether a keyed entry came at or before it: after one, a plain entry is a forgery.
    pub keyed: bool,
    /// Plain entries up to it.
    pub plain: i64,
    /// The newest anchored entry confirmed up to it.
    pub anchored: i64,
    /// When it was reached (RFC 3339).
    pub at: String,
    /// When the whole chain was last verified from its first entry (RFC 3339).
    pub full_at: String,
}

impl Verified {
    fn genesis() -> Verified {
        Verified {
            seq: 0,
            hash: GENESIS.to_string(),
            keyed: false,
            plain: 0,
            anchored: 0,
            at: String::new(),
            full_at: String::new(),
        }
    }
}

/// Entries read per query while walking the chain.
const PAGE: i64 = 5_000;

impl Store {
    /// Walks the whole chain in order, in pages, against every anchor; reports the first
    /// entry that does not hold. When the chain holds, its head is anchored (it has just
    /// been proved) and becomes the point later checks start from.
    pub async fn verify_audit(&self) -> Result<ChainCheck, StorageError> {
        let anchors = match &self.audit.anchor {
            Some(file) => file.read_all()?,
            None => Vec::new(),
        };
        let now = codec::timestamp(self.now());
        let start = Verified {
            full_at: now,
            ..Verified::genesis()
        };
        let check = self.check_from(start, anchors).await?;
        if let (ChainCheck::Intact { .. }, Some(file), Some(v)) =
            (&check, &self.audit.anchor, self.last_verified())
        {
            file.anchor(v.seq, &v.hash, self.now());
        }
        Ok(check)
    }

    /// Checks only the entries written since the last verification (the whole chain if this
    /// process has verified none yet), and the newest anchor: cheap enough for every view
    /// of the trail. Entries before that point are as the last verification found them;
    /// [`Store::verify_audit`] checks them all again.
    pub async fn verify_audit_since_last(&self) -> Result<ChainCheck, StorageError> {
        let Some(start) = self.last_verified() else {
            return self.verify_audit().await;
        };
        let newest = match &self.audit.anchor {
            Some(file) => file.read_last()?,
            None => None,
        };
        self.check_from(start, newest.into_iter().collect()).await
    }

    /// The point the last successful check reached, with when the last full check ran.
    pub fn last_verified(&self) -> Option<Verified> {
        self.audit.verified.lock().expect("verified lock").clone()
    }

    /// Walks from `start` to the head; on success remembers the head as verified.
    async fn check_from(
        &self,
        start: Verified,
        mut anchors: Vec<Anchor>,
    ) -> Result<ChainCheck, StorageError> {
        if start.seq > 0 && !self.still_as_verified(&start).await? {
            return Ok(ChainCheck::Broken {
                seq: start.seq,
                fault: Fault::ChangedSinceVerified { at: start.at },
            });
        }
        anchors.sort_by_key(|a| a.seq);
        let mut pending = anchors.iter().peekable();
        let mut walk = start;
        let mut key: Option<ChainKey> = None;
        loop {
            let sql = sqlx::AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT {PAGE}"
            ));
            let rows = sqlx::query(sql)
                .bind(walk.seq)
                .fetch_all(&self.pool)
                .await?;
            for r in &rows {
                let e = row(r)?;
                if e.seq != walk.seq + 1 {
                    let fault = Fault::Missing { next: e.seq };
                    return Ok(ChainCheck::Broken {
                        seq: walk.seq + 1,
                        fault,
                    });
                }
                if let Err(fault) = self.check_entry(&mut walk, &mut key, &e) {
                    return Ok(ChainCheck::Broken { seq: e.seq, fault });
                }
                // Anchors of entries before this one were confirmed by an earlier check.
                while let Some(a) = pending.next_if(|a| a.seq <= e.seq) {
                    if a.seq < e.seq {
                        continue;
                    }
                    if a.hash != e.hash {
                        let fault = Fault::AnchorMismatch { at: a.at.clone() };
                        return Ok(ChainCheck::Broken { seq: e.seq, fault });
                    }
                    walk.anchored = e.seq;
                }
            }
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        if let Some(a) = anchors.last().filter(|a| a.seq > walk.seq) {
            let fault = Fault::Truncated {
                head: walk.seq,
                anchored: a.seq,
                at: a.at.clone(),
            };
            return Ok(ChainCheck::Broken {
                seq: walk.seq + 1,
                fault,
            });
        }
        walk.at = codec::timestamp(self.now());
        let check = ChainCheck::Intact {
            entries: walk.seq,
            plain: walk.plain,
            anchored: walk.anchored,
        };
        *self.audit.verified.lock().expect("verified lock") = Some(walk);
        Ok(check)
    }

    /// Whether the entry a verification ended on is still there with the hash it had.
    async fn still_as_verified(&self, point: &Verified) -> Result<bool, StorageError> {
        let hash: Option<String> = sqlx::query("SELECT hash FROM audit_log WHERE seq = $1")
            .bind(point.seq)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get(0))
            .transpose()?;
        Ok(hash.as_deref() == Some(point.hash.as_str()))
    }

    /// Checks one entry against its predecessor (`walk`) under the rule it names, and
    /// moves `walk` onto it. `key` caches the chain key of the last key id seen.
    fn check_entry(
        &self,
        walk: &mut Verified,
        key: &mut Option<ChainKey>,
        e: &AuditEntry,
    ) -> Result<(), Fault> {
        if e.prev_hash != walk.hash {
            return Err(Fault::Unlinked);
        }
        let chain_key = if e.key_id.is_empty() {
            if walk.keyed {
                return Err(Fault::Downgraded);
            }
            None
        } else {
            if key.as_ref().map(ChainKey::id) != Some(e.key_id.as_str()) {
                *key = self.keys.as_ref().and_then(|k| k.chain_key(&e.key_id));
            }
            Some(
                key.as_ref()
                    .ok_or_else(|| Fault::UnknownKey(e.key_id.clone()))?,
            )
        };
        if entry_hash(chain_key, &walk.hash, e.seq, &e.at, &e.entry) != e.hash {
            return Err(Fault::Edited);
        }
        walk.seq = e.seq;
        walk.hash.clone_from(&e.hash);
        walk.keyed |= chain_key.is_some();
        walk.plain += i64::from(chain_key.is_none());
        Ok(())
    }
}
