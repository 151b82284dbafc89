//! Owner-only files. The SQLite database and its WAL and shared-memory files hold every
//! record in the clear but the sealed fields, so no other account on the host may read
//! them: the database is created readable by its owner only (SQLite then gives its WAL
//! and shared-memory files the same mode), and a file that others may read is named in a
//! warning at start.
use std::path::{Path, PathBuf};

/// The file behind a `sqlite:` URL, if it names one (not `:memory:`).
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| PathBuf::from(path))
}

/// Creates the database file with mode 0600 before SQLite opens it, if it does not exist
/// yet (SQLite would create it 0644 under the usual umask).
pub(crate) fn create_owner_only(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other.map(drop),
    }
}

/// Restricts the WAL and shared-memory files of the database to their owner, in case
/// they were left by an older database file with a looser mode.
pub(crate) fn restrict_companions(path: &Path) -> std::io::Result<()> {
    for suffix in ["-wal", "-shm"] {
        let mut companion = path.as_os_str().to_owned();
        companion.push(suffix);
        let companion = PathBuf::from(companion);
        if companion.exists() {
            restrict(&companion)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn restrict(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The file's permission bits when its group or others may read it (Unix; elsewhere
/// never).
pub fn readable_by_others(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
        (mode & 0o044 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Warns (tracing, at start) when a file holding data or keys is readable by others.
pub fn warn_if_readable_by_others(what: &str, path: &Path) {
    if let Some(mode) = readable_by_others(path) {
        tracing::warn!(
            file = %path.display(),
            mode = format!("{mode:o}"),
            "the {what} is readable by group or others; restrict it: chmod 600"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_path("sqlite://a/b.db?mode=rwc"),
            Some("a/b.db".into())
        );
        assert_eq!(sqlite_path("sqlite:///abs.db"), Some("/abs.db".into()));
        assert_eq!(sqlite_path("sqlite:x.db"), Some("x.db".into()));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://h/db"), None);
    }
}
