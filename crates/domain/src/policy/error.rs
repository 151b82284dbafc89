//! The error a policy profile is refused with, placed in the file where it can be fixed.
use std::fmt;
use std::ops::Range;

/// A position in the profile's text, 1-based, counted in characters so that it matches what
/// an editor shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters (not bytes) on that line.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`, so that spans reported by the TOML reader
    /// and by the checks that run after it end up as the same `line L, column C`.
    pub fn of(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// Why a policy profile was refused. A profile is written by hand by programme staff, so the
/// error says where (line and column when known), which key (`time_limits[2].from`) and
/// why, with the accepted values when there is a fixed list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PolicyError {
    /// Where in the text, when the offending value could be located.
    pub location: Option<Location>,
    /// The key path, e.g. `steps.off` or `time_limits[2].from`, when known.
    pub key: Option<String>,
    /// What is wrong, with the offending value quoted.
    pub reason: String,
}

impl PolicyError {
    /// An error at byte range `span` of `text`, for `key`.
    pub(super) fn at(
        text: &str,
        span: Range<usize>,
        key: impl Into<String>,
        reason: String,
    ) -> Self {
        Self {
            location: Some(Location::of(text, span.start)),
            key: Some(key.into()),
            reason,
        }
    }

    /// An error about `key` that has no single place in the text (a missing section, a
    /// combination of keys).
    pub(super) fn key(key: impl Into<String>, reason: String) -> Self {
        Self {
            location: None,
            key: Some(key.into()),
            reason,
        }
    }

    /// The TOML reader's own refusal (syntax, a wrong type, an unknown or missing key).
    pub(super) fn from_toml(text: &str, e: &toml::de::Error) -> Self {
        Self {
            location: e.span().map(|s| Location::of(text, s.start)),
            key: None,
            reason: e.message().trim_end().to_string(),
        }
    }

    /// The message prefixed with the file it came from, the way the CLI prints it:
    /// `policies/x.toml: line 12, column 5: …`. The domain reads no files, so the caller
    /// who did supplies the path.
    pub fn in_file(&self, path: &str) -> String {
        format!("{path}: {self}")
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(l) = self.location {
            write!(f, "line {}, column {}: ", l.line, l.column)?;
        }
        if let Some(k) = &self.key {
            write!(f, "{k}: ")?;
        }
        f.write_str(&self.reason)
    }
}

impl std::error::Error for PolicyError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters_from_one() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(Location::of(text, 0), Location { line: 1, column: 1 });
        // "bé = " is 6 bytes but 5 characters; the value starts in column 6.
        let at = text.find('"').unwrap();
        assert_eq!(Location::of(text, at), Location { line: 2, column: 6 });
        assert_eq!(Location::of(text, 10_000).line, 3);
    }

    #[test]
    fn the_file_name_comes_first() {
        let e = PolicyError::at("x\ny = 1", 2..3, "y", "bad".into());
        assert_eq!(
            e.in_file("policies/x.toml"),
            "policies/x.toml: line 2, column 1: y: bad"
        );
        assert_eq!(PolicyError::key("z", "bad".into()).to_string(), "z: bad");
    }
}
