//! Copies of a SQLite database taken while it runs, and the check a copy gets before it
//! is trusted. PostgreSQL has its own tools for both (`pg_dump`, `pg_restore`;
//! docs/reliability.md), which know its transactions better than a copy through sqlx.
use std::path::Path;

use sqlx::Row;

use crate::{Backend, StorageError, Store};

impl Store {
    /// Writes a copy of the whole database to `path`, which must not exist. SQLite's
    /// `VACUUM INTO` reads one snapshot while writers go on, so the copy is consistent
    /// (every transaction wholly in or wholly out), compacted, and a single file without a
    /// write-ahead log: what a backup should be. Refused on PostgreSQL.
    pub async fn backup_into(&self, path: &Path) -> Result<(), StorageError> {
        if self.backend != Backend::Sqlite {
            return Err(StorageError::Refused(resettle_domain::Refusal::of(
                "database",
                resettle_domain::RefusalKind::OwnTools,
            )));
        }
        if path.exists() {
            return Err(StorageError::File {
                path: path.display().to_string(),
                reason: "exists already; a backup never overwrites a file".into(),
            });
        }
        let target = path.to_str().ok_or_else(|| StorageError::File {
            path: path.display().to_string(),
            reason: "the path is not valid UTF-8".into(),
        })?;
        // Made empty and readable by its owner only first: the copy holds what the
        // database holds, and SQLite writes into an empty file as into a new one.
        crate::file_mode::create_owner_only(path).map_err(|e| StorageError::File {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let copied = sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.pool)
            .await;
        if let Err(e) = copied {
            let _ = std::fs::remove_file(path);
            return Err(e.into());
        }
        Ok(())
    }

    /// What SQLite's own check of every page and index finds wrong (`PRAGMA
    /// integrity_check`); nothing when the file is sound. On PostgreSQL, nothing: it checks
    /// its pages as it reads them.
    pub async fn integrity_problems(&self) -> Result<Vec<String>, StorageError> {
        if self.backend != Backend::Sqlite {
            return Ok(Vec::new());
        }
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        let mut problems = Vec::new();
        for r in rows {
            let line: String = r.try_get(0)?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(problems)
    }
}

/// Makes sure nothing else has the SQLite database at `path` open, and leaves it whole in
/// its one file, before it is replaced: it leaves write-ahead-log mode, which SQLite
/// allows only to the one connection left (so a running server is found, and named), and
/// which writes what the log held into the file and removes the log.
pub async fn close_for_replacement(path: &Path) -> Result<(), StorageError> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=rw", path.display());
    let mut conn = sqlx::AnyConnection::connect(&url).await?;
    let mode = sqlx::query("PRAGMA journal_mode = DELETE")
        .fetch_one(&mut conn)
        .await
        .and_then(|r| r.try_get::<String, _>(0));
    conn.close().await?;
    match mode {
        Ok(mode) if mode == "delete" => Ok(()),
        _ => Err(StorageError::File {
            path: path.display().to_string(),
            reason: "is in use: stop the server using it first".into(),
        }),
    }
}
