//! One module per subcommand.
pub mod audit;
pub mod backup;
pub mod case;
pub mod demo;
pub mod export;
pub mod fair_share;
pub mod funding;
pub mod import;
pub mod key;
pub mod migrate;
pub mod mission;
pub mod place;
pub mod pledge;
pub mod policy;
pub mod programme;
pub mod quota;
pub mod report;
pub mod retention;
pub mod serve;
pub mod simulate;
pub mod support;
pub mod user;

use std::path::Path;

use anyhow::Context;
use resettle_app::{App, Keyring};

/// The data-key file named by `--data-key-file` (set once by `main`).
pub static KEY_FILE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The audit anchor file named by `--audit-anchor-file` (set once by `main`).
pub static ANCHOR_FILE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Where the audit trail's head is anchored: the configured file, or beside a SQLite
/// database (`resettle.db.anchor`), one file per database so two databases never read each
/// other's anchors. A PostgreSQL database has no file to sit beside: it needs the option.
pub fn anchor_file(database: &str) -> Option<std::path::PathBuf> {
    if let Some(Some(file)) = ANCHOR_FILE.get() {
        return Some(file.into());
    }
    let mut path = resettle_app::sqlite_path(database)?.into_os_string();
    path.push(".anchor");
    Some(path.into())
}

/// The data key from `RESETTLE_DATA_KEY`, or from the key file if it exists.
pub(crate) fn configured_keys() -> anyhow::Result<Option<Keyring>> {
    if let Ok(text) = std::env::var("RESETTLE_DATA_KEY") {
        return Ok(Some(
            Keyring::parse(&text).context("RESETTLE_DATA_KEY is not a key ring")?,
        ));
    }
    let file = KEY_FILE.get().map_or("resettle.key", String::as_str);
    if !Path::new(file).exists() {
        return Ok(None);
    }
    resettle_app::warn_if_readable_by_others("data key file", Path::new(file));
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read data key {file}"))?;
    Ok(Some(
        Keyring::parse(text.trim()).with_context(|| format!("data key file {file}"))?,
    ))
}

/// Opens (and migrates) the database with the configured data key, if any, anchoring the
/// audit trail's head in its anchor file.
pub async fn open(database: &str) -> anyhow::Result<App> {
    let mut app = App::open(database)
        .await
        .with_context(|| format!("cannot open {}", resettle_app::redacted_url(database)))?;
    if let Some(file) = anchor_file(database) {
        app = app.with_audit_anchor(file, resettle_app::AnchorPolicy::default());
    }
    Ok(match configured_keys()? {
        Some(k) => app.with_keys(k),
        None => app,
    })
}

/// Like [`open`], but creates a data-key file (readable by its owner only) when no key is
/// configured: for the demo, so a newcomer need not make one first.
pub async fn open_creating_key(database: &str) -> anyhow::Result<App> {
    if configured_keys()?.is_none() {
        let file = KEY_FILE.get().map_or("resettle.key", String::as_str);
        key::write_key_file(file, &Keyring::generate_key("k1")?)?;
        tracing::warn!(
            file,
            "created a new data key; keep it apart from the database and back it up: \
             without it the medical records cannot be read"
        );
    }
    open(database).await
}
