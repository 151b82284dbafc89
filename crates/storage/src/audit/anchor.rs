//! The chain's head written outside the database: an append-only file, one line per anchor
//! (`<seq> <hash> <time>`), so that removing the newest entries, which leaves a chain that
//! links perfectly, still shows: the trail then ends before an anchor, or the anchored
//! entry's hash differs.
//!
//! The head is anchored from the append path every so many entries or seconds, whichever
//! comes first, with nothing but what the append already knows (seq and hash), and at
//! shutdown. Entries written since the last anchor are the window an attacker can still
//! cut unnoticed; the policy bounds it.
use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use time::OffsetDateTime;

use crate::StorageError;

/// One anchored head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The entry anchored.
    pub seq: i64,
    /// Its hash in the chain.
    pub hash: String,
    /// When it was anchored (RFC 3339, UTC), kept as the text of the anchor line so the
    /// line written out is the line stored.
    pub at: String,
}

impl Anchor {
    /// Reads one line as the file holds it: `<seq> <hash> <time>`.
    pub fn parse(line: &str) -> Result<Anchor, String> {
        let mut parts = line.split_whitespace();
        let (Some(seq), Some(hash), Some(at), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("expected `<seq> <hash> <time>`".into());
        };
        let seq = seq
            .parse::<i64>()
            .ok()
            .filter(|s| *s >= 1)
            .ok_or_else(|| format!("seq {seq:?} is not a positive whole number"))?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("hash {hash:?} is not 64 hexadecimal digits"));
        }
        time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
            .map_err(|e| format!("time {at:?} is not RFC 3339 ({e})"))?;
        Ok(Anchor {
            seq,
            hash: hash.to_string(),
            at: at.to_string(),
        })
    }

    fn line(&self) -> String {
        format!("{} {} {}\n", self.seq, self.hash, self.at)
    }
}

/// Parses a whole anchor file's text; blank lines and `#` comments are skipped, and a line
/// that does not parse is named by its number (a torn write, or someone editing the file).
pub fn parse_anchors(text: impl BufRead) -> Result<Vec<Anchor>, String> {
    let mut anchors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", i + 1))?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        anchors.push(Anchor::parse(line).map_err(|e| format!("line {}: {e}", i + 1))?);
    }
    Ok(anchors)
}

/// How often the head is anchored: after this many entries or this long, whichever first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnchorPolicy {
    /// Entries since the last anchor.
    pub every_entries: i64,
    /// Time since the last anchor (on the store's clock).
    pub every: time::Duration,
}

impl Default for AnchorPolicy {
    /// 1,000 entries or a minute: a busy server writes about one line a minute, an idle one
    /// none, and at most a minute's or a thousand entries can be cut unnoticed.
    fn default() -> Self {
        AnchorPolicy {
            every_entries: 1_000,
            every: time::Duration::seconds(60),
        }
    }
}

/// The anchor file of one store, and what was last written to it by this process.
#[derive(Debug)]
pub(crate) struct AnchorFile {
    path: PathBuf,
    policy: AnchorPolicy,
    /// The last anchored seq, and when; `None` until the first append is seen.
    last: Mutex<Option<(i64, OffsetDateTime)>>,
}

impl AnchorFile {
    pub(crate) fn new(path: PathBuf, policy: AnchorPolicy) -> AnchorFile {
        AnchorFile {
            path,
            policy,
            last: Mutex::new(None),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Anchors `seq`/`hash` if the policy says it is time; called once per committed batch.
    /// The first batch a process sees only starts the clock (counting from seq 0), so a CLI
    /// command writing one entry adds no line; the server also anchors at shutdown.
    pub(crate) fn after_append(&self, seq: i64, hash: &str, now: OffsetDateTime) {
        let mut last = self.last.lock().expect("anchor state lock");
        let due = match *last {
            None => {
                *last = Some((0, now));
                false
            }
            Some((s, at)) => {
                seq > s && (seq - s >= self.policy.every_entries || now - at >= self.policy.every)
            }
        };
        if due {
            self.write_locked(&mut last, seq, hash, now);
        }
    }

    /// Anchors `seq`/`hash` now unless it already is (shutdown, or after a verification),
    /// by this process or, as its file's last line says, by an earlier one: a verification
    /// right after the demo load, which anchors its one commit, adds no second line for
    /// the same head.
    pub(crate) fn anchor(&self, seq: i64, hash: &str, now: OffsetDateTime) {
        let mut last = self.last.lock().expect("anchor state lock");
        if last.is_some_and(|(s, _)| s >= seq) || seq == 0 {
            return;
        }
        if last.is_none()
            && self
                .read_last()
                .ok()
                .flatten()
                .is_some_and(|a| a.seq >= seq)
        {
            return;
        }
        self.write_locked(&mut last, seq, hash, now);
    }

    /// Writes the line while the state is locked, so anchors are written in order. A write
    /// that fails is logged and retried at the next batch: the entries are committed, and
    /// refusing the act that caused them would not bring the anchor back.
    fn write_locked(
        &self,
        last: &mut Option<(i64, OffsetDateTime)>,
        seq: i64,
        hash: &str,
        now: OffsetDateTime,
    ) {
        let anchor = Anchor {
            seq,
            hash: hash.to_string(),
            at: crate::codec::timestamp(now),
        };
        match append_line(&self.path, &anchor.line()) {
            Ok(()) => *last = Some((seq, now)),
            Err(e) => tracing::error!(
                file = %self.path.display(),
                error = %e,
                "cannot anchor the audit trail's head"
            ),
        }
    }

    /// Every anchor in the file; none if it does not exist yet.
    pub(crate) fn read_all(&self) -> Result<Vec<Anchor>, StorageError> {
        let file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(self.error(e.to_string())),
        };
        parse_anchors(std::io::BufReader::new(file)).map_err(|e| self.error(e))
    }

    /// The newest anchor, read from the file's end only, so a check per page view stays
    /// cheap however long the file grows.
    pub(crate) fn read_last(&self) -> Result<Option<Anchor>, StorageError> {
        const TAIL: u64 = 4096;
        let mut file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.error(e.to_string())),
        };
        let len = file
            .metadata()
            .map_err(|e| self.error(e.to_string()))?
            .len();
        let start = len.saturating_sub(TAIL);
        file.seek(SeekFrom::Start(start))
            .map_err(|e| self.error(e.to_string()))?;
        let mut tail = String::new();
        file.read_to_string(&mut tail)
            .map_err(|e| self.error(e.to_string()))?;
        // A tail cut mid-line starts with a partial line: skip it.
        let whole = if start > 0 {
            tail.split_once('\n').map_or("", |(_, rest)| rest)
        } else {
            &tail
        };
        Ok(parse_anchors(whole.as_bytes())
            .map_err(|e| self.error(e))?
            .pop())
    }

    fn error(&self, reason: String) -> StorageError {
        StorageError::File {
            path: self.path.display().to_string(),
            reason,
        }
    }
}

/// Appends one line and waits until it is on disk (flush, then fsync), creating the file
/// readable and writable by its owner only.
fn append_line(path: &Path, line: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(line.as_bytes())?;
    file.flush()?;
    file.sync_data()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c";

    #[test]
    fn a_file_of_anchors_parses_skipping_comments_and_blanks() {
        let text = format!(
            "# resettle audit anchors\n\n12 {HASH} 2026-11-23T12:00:00Z\n  1000 {HASH} \
             2026-11-23T12:01:00Z  \n"
        );
        let anchors = parse_anchors(text.as_bytes()).unwrap();
        assert_eq!(anchors.len(), 2);
        assert_eq!(anchors[0].seq, 12);
        assert_eq!(anchors[1].seq, 1000);
        assert_eq!(anchors[1].at, "2026-11-23T12:01:00Z");
        assert_eq!(Anchor::parse(anchors[0].line().trim()).unwrap(), anchors[0]);
    }

    #[test]
    fn a_bad_line_is_named_with_its_number_and_reason() {
        let cases = [
            (format!("x {HASH} 2026-11-23T12:00:00Z"), "seq \"x\""),
            (format!("0 {HASH} 2026-11-23T12:00:00Z"), "seq \"0\""),
            ("5 abc 2026-11-23T12:00:00Z".to_string(), "64 hexadecimal"),
            (format!("5 {HASH} yesterday"), "not RFC 3339"),
            (format!("5 {HASH}"), "expected `<seq> <hash> <time>`"),
            (format!("5 {HASH} 2026-11-23T12:00:00Z extra"), "expected"),
            // A torn write: the line stops inside the hash.
            (format!("5 {}", &HASH[..20]), "expected"),
        ];
        for (line, reason) in cases {
            let text = format!("1 {HASH} 2026-11-23T12:00:00Z\n{line}\n");
            let err = parse_anchors(text.as_bytes()).unwrap_err();
            assert!(
                err.starts_with("line 2: ") && err.contains(reason),
                "{line}: {err}"
            );
        }
    }

    #[test]
    fn anchors_are_appended_on_policy_and_the_last_is_read_from_the_tail() {
        let dir = tempfile::tempdir().unwrap();
        let policy = AnchorPolicy {
            every_entries: 10,
            every: time::Duration::seconds(60),
        };
        let file = AnchorFile::new(dir.path().join("a.anchor"), policy);
        let t0 = time::macros::datetime!(2026-11-23 12:00 UTC);
        assert_eq!(file.read_last().unwrap(), None);
        file.after_append(3, HASH, t0); // starts the count
        file.after_append(9, HASH, t0); // 9 entries, no time: not yet
        assert!(file.read_all().unwrap().is_empty());
        file.after_append(10, HASH, t0); // 10 entries
        file.after_append(11, HASH, t0 + time::Duration::seconds(59));
        file.after_append(12, HASH, t0 + time::Duration::seconds(60)); // a minute
        file.anchor(12, HASH, t0 + time::Duration::seconds(61)); // already anchored
        for seq in 13..400 {
            file.anchor(seq, HASH, t0);
        }
        let all = file.read_all().unwrap();
        assert_eq!(all[0].seq, 10);
        assert_eq!(all[1].seq, 12);
        assert_eq!(all[1].at, "2026-11-23T12:01:00Z");
        assert_eq!(all.len(), 2 + 387);
        assert_eq!(file.read_last().unwrap().unwrap().seq, 399);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(file.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
