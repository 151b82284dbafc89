//! Writing to the audit trail, and reading it for auditors.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_storage::{AuditEntry, AuditFilter, ChainCheck, NewAuditEntry};
use serde::{Deserialize, Serialize};

use super::{Caller, Permission};
use crate::bounds::{AUDIT_ENTRIES, AUDIT_SEQUENCE, within};
use crate::export_csv::SafeCsv;
use crate::{App, AppError};

/// The chain's state as a view of the trail shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainStatus {
    /// The check of the entries since the last verification.
    pub check: ChainCheck,
    /// When the whole chain was last verified from its first entry (RFC 3339).
    pub full_check_at: String,
}

/// An audit entry as shown to auditors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    /// Position in the chain.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// From where.
    pub source: String,
    /// What kind of act: read, write, export, login, logout, refused.
    pub action: String,
    /// What was touched.
    pub entity: String,
    /// Its identifier.
    pub entity_id: String,
    /// Special-category fields involved.
    pub fields: String,
    /// ok, refused or failed.
    pub outcome: String,
    /// Detail.
    pub detail: String,
    /// The HTTP request it was made in (the answer's `X-Request-Id`); empty outside one.
    pub request_id: String,
    /// This entry's hash in the chain.
    pub hash: String,
}

impl AuditRecord {
    /// The columns of the CSV export, in the order of [`AuditRecord::cells`].
    pub const COLUMNS: [&'static str; 12] = [
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
        "request_id",
        "hash",
    ];

    /// The entry as CSV cells.
    pub(crate) fn cells(&self) -> [String; 12] {
        [
            self.seq.to_string(),
            self.at.clone(),
            self.actor.clone(),
            self.source.clone(),
            self.action.clone(),
            self.entity.clone(),
            self.entity_id.clone(),
            self.fields.clone(),
            self.outcome.clone(),
            self.detail.clone(),
            self.request_id.clone(),
            self.hash.clone(),
        ]
    }
}

impl From<AuditEntry> for AuditRecord {
    fn from(e: AuditEntry) -> Self {
        AuditRecord {
            seq: e.seq,
            at: e.at,
            actor: e.entry.actor,
            source: e.entry.source,
            action: e.entry.action,
            entity: e.entry.entity,
            entity_id: e.entry.entity_id,
            fields: e.entry.fields,
            outcome: e.entry.outcome,
            detail: e.entry.detail,
            request_id: e.entry.request_id,
            hash: e.hash,
        }
    }
}

/// Filters for browsing the trail (query parameters of `GET /api/v1/audit`).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this actor.
    pub actor: Option<String>,
    /// Only this action.
    #[serde(default, deserialize_with = "crate::filters::blank_is_none")]
    pub action: Option<AuditAction>,
    /// Only this entity.
    #[serde(default, deserialize_with = "crate::filters::blank_is_none")]
    pub entity: Option<AuditEntity>,
    /// Only this identifier (e.g. a case number).
    pub entity_id: Option<String>,
    /// From this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// To this day, inclusive (YYYY-MM-DD).
    pub to: Option<String>,
    /// At most this many, newest first (default 200, at most 10,000).
    pub limit: Option<i64>,
    /// Only entries older than this sequence number: the next page after the oldest entry
    /// shown.
    pub before: Option<i64>,
}

tokio::task_local! {
    /// The id of the HTTP request being served, which the web layer sets around each
    /// request ([`in_request`]); every entry made while serving it carries the id.
    static REQUEST_ID: String;
}

/// Runs `work` (serving one request) with `id` as the request id of the entries it makes.
pub async fn in_request<F: std::future::Future>(id: String, work: F) -> F::Output {
    REQUEST_ID.scope(id, work).await
}

/// A new request id: 16 hexadecimal digits, random, so ids from different runs and
/// servers do not repeat in the trail.
pub fn new_request_id() -> String {
    let mut bytes = [0u8; 8];
    // Without randomness a request still needs an id; the time is unique enough then.
    if getrandom::fill(&mut bytes).is_err() {
        bytes = (std::time::SystemTime::UNIX_EPOCH
            .elapsed()
            .unwrap_or_default()
            .as_nanos() as u64)
            .to_be_bytes();
    }
    hex::encode(bytes)
}

/// `entry` as made by `caller` (its actor and source) in the request being served, "ok"
/// unless it says otherwise.
pub(crate) fn by(caller: &Caller, entry: NewAuditEntry) -> NewAuditEntry {
    NewAuditEntry {
        actor: caller.username.clone(),
        source: caller.source.clone(),
        request_id: REQUEST_ID.try_with(String::clone).unwrap_or_default(),
        outcome: if entry.outcome.is_empty() {
            "ok".into()
        } else {
            entry.outcome.clone()
        },
        ..entry
    }
}

/// The entry for an act by `caller` on an entity that succeeded: what
/// [`App::record_ok`] appends, and what a write that appends its entry inside its own
/// transaction (a case's lifecycle step) hands to the store.
pub(crate) fn succeeded(
    caller: &Caller,
    action: AuditAction,
    entity: AuditEntity,
    id: &str,
    fields: &str,
    detail: &str,
) -> NewAuditEntry {
    by(
        caller,
        NewAuditEntry {
            action: action.as_str().into(),
            entity: entity.as_str().into(),
            entity_id: id.into(),
            fields: fields.into(),
            detail: detail.into(),
            ..Default::default()
        },
    )
}

fn non_empty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl App {
    /// Appends one entry for `caller` (actor and source are the caller's).
    pub async fn record(&self, caller: &Caller, entry: NewAuditEntry) -> Result<(), AppError> {
        self.store.append_audit(&[by(caller, entry)]).await?;
        Ok(())
    }

    /// Records an act on an entity that succeeded.
    pub(crate) async fn record_ok(
        &self,
        caller: &Caller,
        action: AuditAction,
        entity: AuditEntity,
        id: &str,
        fields: &str,
        detail: &str,
    ) -> Result<(), AppError> {
        let entry = succeeded(caller, action, entity, id, fields, detail);
        self.store.append_audit(&[entry]).await?;
        Ok(())
    }

    /// Checks the whole chain, against every anchor. Open to the operator (CLI) and
    /// auditors; the check itself is recorded.
    pub async fn verify_audit(&self, caller: &Caller) -> Result<ChainCheck, AppError> {
        self.require(caller, Permission::ReadAudit, AuditEntity::AuditLog, "")
            .await?;
        let check = self.store.verify_audit().await?;
        self.record_ok(
            caller,
            AuditAction::Verify,
            AuditEntity::AuditLog,
            "",
            "",
            &check.to_string(),
        )
        .await?;
        Ok(check)
    }

    /// The chain's state for a view of the trail: the entries written since the last
    /// verification and the newest anchor are checked, not the whole chain again (that is
    /// [`App::verify_audit`]). Not recorded apart: the view that asks is.
    pub async fn audit_status(&self, caller: &Caller) -> Result<ChainStatus, AppError> {
        self.require(caller, Permission::ReadAudit, AuditEntity::AuditLog, "")
            .await?;
        let check = self.store.verify_audit_since_last().await?;
        Ok(ChainStatus {
            check,
            full_check_at: self
                .store
                .last_verified()
                .map(|v| v.full_at)
                .unwrap_or_default(),
        })
    }

    /// Anchors the chain's head in the anchor file now: at shutdown, so the last entries of
    /// a run are covered by an anchor too.
    pub async fn anchor_audit_head(&self) -> Result<(), AppError> {
        Ok(self.store.anchor_audit_head().await?)
    }

    /// Closes the database's connections, the last step of a graceful shutdown (after the
    /// head is anchored): PostgreSQL sees its sessions end instead of connections cut.
    pub async fn close(&self) {
        self.store.close().await;
    }

    /// Entries matching a query, newest first; the browsing is itself recorded.
    pub async fn audit_entries(
        &self,
        caller: &Caller,
        q: &AuditQuery,
    ) -> Result<Vec<AuditRecord>, AppError> {
        self.require(caller, Permission::ReadAudit, AuditEntity::AuditLog, "")
            .await?;
        for (field, day) in [("from", &q.from), ("to", &q.to)] {
            if let Some(d) = non_empty(day) {
                time::Date::parse(
                    &d,
                    time::macros::format_description!("[year]-[month]-[day]"),
                )
                .map_err(|_| {
                    resettle_domain::Refusal::of(
                        field,
                        resettle_domain::RefusalKind::NotADay { given: d.clone() },
                    )
                })?;
            }
        }
        let limit = within("limit", q.limit.unwrap_or(200), &AUDIT_ENTRIES)?;
        let filter = AuditFilter {
            actor: non_empty(&q.actor),
            action: q.action.map(|a| a.as_str().to_string()),
            entity: q.entity.map(|e| e.as_str().to_string()),
            entity_id: non_empty(&q.entity_id),
            from: non_empty(&q.from),
            to: non_empty(&q.to),
            before: q
                .before
                .map(|b| within("before", b, &AUDIT_SEQUENCE))
                .transpose()?,
            limit,
        };
        let rows = self.store.audit_entries(&filter).await?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::AuditLog,
            "",
            "",
            &format!("{} entries", rows.len()),
        )
        .await?;
        Ok(rows.into_iter().map(AuditRecord::from).collect())
    }

    /// The same entries as CSV, recorded as an export.
    pub async fn audit_csv(&self, caller: &Caller, q: &AuditQuery) -> Result<String, AppError> {
        let rows = self.audit_entries(caller, q).await?;
        let mut csv = SafeCsv::new(&AuditRecord::COLUMNS)?;
        for r in &rows {
            csv.row(&r.cells())?;
        }
        self.record_ok(
            caller,
            AuditAction::Export,
            AuditEntity::AuditLog,
            "",
            "",
            &format!("{} entries as CSV", rows.len()),
        )
        .await?;
        csv.finish()
    }
}
