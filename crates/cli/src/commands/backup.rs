//! `resettle backup` and `resettle restore`: a SQLite database copied while it runs, and a
//! copy checked and put back in its place.
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use resettle_app::{App, Caller};

/// Writes a consistent copy of the database to `output` while it may be in use.
pub async fn back_up(database: &str, output: &Path) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    app.back_up(&Caller::operator(), output).await?;
    let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    println!(
        "backup written: {} ({size} bytes). Keep the data key with it, apart: \
         without the key the medical records in it cannot be read.",
        output.display()
    );
    Ok(())
}

/// Puts the copy `from` in place of the SQLite database, after checking it: sound pages,
/// a schema this build knows (brought up to date), an intact audit trail. An existing
/// database is replaced only with `replace`, and never while another process (a server)
/// has it open. The replaced database's anchor file, which names entries
/// the copy may not hold, is kept beside it under a new name, and a new one begun.
pub async fn restore(database: &str, from: &Path, replace: bool) -> anyhow::Result<()> {
    let Some(target) = resettle_app::sqlite_path(database) else {
        bail!(
            "restore puts back a SQLite file; a PostgreSQL database is restored with pg_restore (docs/reliability.md)"
        );
    };
    if !from.is_file() {
        bail!("{}: no such file", from.display());
    }
    if target.exists() && !replace {
        bail!(
            "{} exists; add --replace to put the copy in its place",
            target.display()
        );
    }
    if target.exists() {
        resettle_app::backup::close_for_replacement(&target).await?;
    }

    // The copy is checked where it will live, under another name, so a copy that fails
    // the check leaves the database as it was.
    let staged = with_suffix(&target, ".restoring");
    let _ = std::fs::remove_file(&staged);
    copy_owner_only(from, &staged)?;
    let check = check_staged(&staged).await;
    let check = match check {
        Ok(check) => check,
        Err(e) => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(with_suffix(&staged, suffix));
            }
            return Err(e.context(format!("{} was not restored", from.display())));
        }
    };

    let kept_anchor = match super::anchor_file(database) {
        Some(anchor) if anchor.exists() => {
            let kept = with_suffix(&anchor, &format!(".before-restore-{}", unix_seconds()));
            std::fs::rename(&anchor, &kept)
                .with_context(|| format!("cannot move {} aside", anchor.display()))?;
            Some(kept)
        }
        _ => None,
    };
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&target, suffix));
    }
    std::fs::rename(&staged, &target)
        .with_context(|| format!("cannot put the copy in place at {}", target.display()))?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("cannot sync {}", dir.display()))?;
    }

    let app = super::open(database).await?;
    let mut detail = format!(
        "restored from {} (schema version {}; audit trail {})",
        from.display(),
        check.schema_version,
        check.chain
    );
    if let Some(kept) = &kept_anchor {
        detail.push_str(&format!(
            "; the replaced database's anchors kept in {}",
            kept.display()
        ));
    }
    app.record_restore(&Caller::operator(), &detail).await?;
    app.close().await;
    println!("{detail}");
    Ok(())
}

/// Opens the staged copy, checks it, and closes it again.
async fn check_staged(staged: &Path) -> anyhow::Result<resettle_app::backup::CopyCheck> {
    let url = format!("sqlite://{}", staged.display());
    let (app, version) = App::connect_unmigrated(&url)
        .await
        .context("the copy cannot be opened as a database")?;
    let app = match super::configured_keys()? {
        Some(keys) => app.with_keys(keys),
        None => app,
    };
    let check = app.check_copy(&Caller::operator(), version).await;
    app.close().await;
    Ok(check?)
}

/// Copies `from` to a new file `to` readable by its owner only, synced to disk.
fn copy_owner_only(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options
        .open(to)
        .with_context(|| format!("cannot create {}", to.display()))?;
    let mut input =
        std::fs::File::open(from).with_context(|| format!("cannot read {}", from.display()))?;
    std::io::copy(&mut input, &mut out)
        .with_context(|| format!("cannot copy to {}", to.display()))?;
    out.sync_all()?;
    Ok(())
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Seconds since 1970 by the wall clock: names the anchor file kept aside, nothing more.
fn unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
