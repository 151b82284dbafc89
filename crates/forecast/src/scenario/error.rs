//! Why a scenario was refused, placed in the file where it can be fixed.
use std::fmt;

use serde::Serialize;

/// A position in the scenario's text, 1-based, counted in characters as an editor shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters on that line.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`.
    pub fn of(text: &str, offset: usize) -> Location {
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

/// Why a scenario was refused: where (when known), which key (`stages[1].capacity`) and
/// why, so the planner who wrote it can fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioError {
    /// Where in the text.
    pub location: Option<Location>,
    /// The key path, when known.
    pub key: Option<String>,
    /// What is wrong, with the offending value.
    pub reason: String,
}

impl ScenarioError {
    /// An error about `key`.
    pub fn key(key: impl Into<String>, reason: String) -> ScenarioError {
        ScenarioError {
            location: None,
            key: Some(key.into()),
            reason,
        }
    }

    /// The message prefixed with the file it came from: `data/scenarios/x.toml: line 3,
    /// column 7: stages[0].capacity: …`.
    pub fn in_file(&self, path: &str) -> String {
        format!("{path}: {self}")
    }
}

impl fmt::Display for ScenarioError {
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

impl std::error::Error for ScenarioError {}
