//! Backups and restores of a SQLite programme database, as use cases: who may take them,
//! and the trail's record of each. The files are the operator's (`resettle backup`,
//! `resettle restore`); PostgreSQL is backed up with its own tools (docs/reliability.md).
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::{Refusal, RefusalKind};
use std::path::Path;

use crate::access::{Caller, Permission};
use crate::{App, AppError, ChainCheck};

/// What a copy was found to be before it is put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyCheck {
    /// The schema version the copy was at, before it was brought up to this build's.
    pub schema_version: i64,
    /// Its audit trail, checked entry by entry (without the live database's anchors,
    /// which may name entries made after the copy).
    pub chain: ChainCheck,
}

/// Makes sure nothing else has the SQLite database at `path` open and leaves it whole in
/// its one file, before a restore replaces it; refused, naming the file, while a server
/// uses it.
pub async fn close_for_replacement(path: &Path) -> Result<(), AppError> {
    Ok(resettle_storage::close_for_replacement(path).await?)
}

impl App {
    /// Writes a consistent copy of the whole database to `path` (a new file) while the
    /// programme runs, and records that it did in the trail.
    pub async fn back_up(&self, caller: &Caller, path: &Path) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::ManageSettings,
            AuditEntity::Database,
            "",
        )
        .await?;
        self.store.backup_into(path).await?;
        let detail = format!("copy written to {}", path.display());
        self.record_ok(
            caller,
            AuditAction::Backup,
            AuditEntity::Database,
            "",
            "",
            &detail,
        )
        .await
    }

    /// Checks that the database this `App` opened, a copy about to be restored, is fit to
    /// be: every page sound, a schema this build knows (then brought up to date), and an
    /// intact audit trail. A copy that fails is refused, naming what is wrong.
    pub async fn check_copy(&self, caller: &Caller, version: i64) -> Result<CopyCheck, AppError> {
        self.require(
            caller,
            Permission::ManageSettings,
            AuditEntity::Database,
            "",
        )
        .await?;
        if version > App::latest_schema_version() {
            return Err(Refusal::of(
                "copy",
                RefusalKind::NewerSchema {
                    version,
                    latest: App::latest_schema_version(),
                },
            )
            .into());
        }
        let problems = self.store.integrity_problems().await?;
        if !problems.is_empty() {
            return Err(Refusal::of(
                "copy",
                RefusalKind::Untrustworthy {
                    detail: format!("damaged: {}", problems.join("; ")),
                },
            )
            .into());
        }
        self.store.migrate().await?;
        let chain = self.store.verify_audit().await?;
        if let ChainCheck::Broken { .. } = chain {
            return Err(Refusal::of(
                "copy",
                RefusalKind::Untrustworthy {
                    detail: format!("its audit trail is {chain}"),
                },
            )
            .into());
        }
        Ok(CopyCheck {
            schema_version: version,
            chain,
        })
    }

    /// Records in the restored database's trail that it was restored, from what, and
    /// where the anchors of the replaced database were kept.
    pub async fn record_restore(&self, caller: &Caller, detail: &str) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::ManageSettings,
            AuditEntity::Database,
            "",
        )
        .await?;
        self.record_ok(
            caller,
            AuditAction::Restore,
            AuditEntity::Database,
            "",
            "",
            detail,
        )
        .await?;
        self.anchor_audit_head().await
    }
}
