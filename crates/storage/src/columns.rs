//! The columns of a row read by position, whether the row came from the database or is a
//! JSON array into which one statement aggregated a child table's row (a case's members,
//! events, stays… read with the case: docs/performance.md, "Audited case reads"). Each
//! record then has one decoder, over [`Columns`], for both.
use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::StorageError;
use crate::codec::corrupt;

/// A row's columns by position, as text or as a 64-bit integer.
pub(crate) trait Columns {
    /// The text at `i`, or `None` for NULL.
    fn opt_text(&self, i: usize) -> Result<Option<String>, StorageError>;

    /// The integer at `i`, never NULL.
    fn int(&self, i: usize) -> Result<i64, StorageError>;

    /// The text at `i`, never NULL.
    fn text(&self, i: usize) -> Result<String, StorageError> {
        self.opt_text(i)?
            .ok_or_else(|| corrupt("a row's column", &i.to_string(), "is NULL"))
    }
}

impl Columns for AnyRow {
    fn opt_text(&self, i: usize) -> Result<Option<String>, StorageError> {
        Ok(self.try_get(i)?)
    }

    fn int(&self, i: usize) -> Result<i64, StorageError> {
        Ok(self.try_get(i)?)
    }

    fn text(&self, i: usize) -> Result<String, StorageError> {
        Ok(self.try_get(i)?)
    }
}

/// A row aggregated as a JSON array (SQLite's `json_array`, PostgreSQL's
/// `json_build_array`): text comes as strings, integers as numbers, NULL as null.
impl Columns for Value {
    fn opt_text(&self, i: usize) -> Result<Option<String>, StorageError> {
        match self.get(i) {
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Null) => Ok(None),
            other => Err(not_a("text", i, other)),
        }
    }

    fn int(&self, i: usize) -> Result<i64, StorageError> {
        match self.get(i) {
            Some(Value::Number(n)) if n.is_i64() => Ok(n.as_i64().expect("checked")),
            other => Err(not_a("an integer", i, other)),
        }
    }
}

/// Column `i` of a JSON row holds something other than `what` (or is missing).
fn not_a(what: &str, i: usize, found: Option<&Value>) -> StorageError {
    corrupt(
        "a row read as JSON",
        &found.map_or_else(|| "(no such column)".to_string(), Value::to_string),
        format!("column {i} is not {what}"),
    )
}

/// The rows of a child list, aggregated by [`crate::Backend::json_rows`] into the JSON
/// text of an array of arrays.
pub(crate) fn json_rows(field: &'static str, text: &str) -> Result<Vec<Value>, StorageError> {
    serde_json::from_str(text).map_err(|e| corrupt(field, text, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_json_row_gives_text_integers_and_nulls_by_position_and_refuses_the_rest() {
        let row = json!(["Hawi \"Ḥ\" \\ ሃዊ\n", 7, null, 1.5, true]);
        assert_eq!(row.text(0).unwrap(), "Hawi \"Ḥ\" \\ ሃዊ\n");
        assert_eq!(row.int(1).unwrap(), 7);
        assert_eq!(row.opt_text(2).unwrap(), None);
        assert!(row.text(2).is_err(), "NULL is not text");
        assert!(row.int(0).is_err(), "text is not an integer");
        assert!(row.int(3).is_err(), "a fraction is not an integer");
        assert!(row.opt_text(4).is_err(), "a boolean is not text");
        assert!(row.int(5).is_err(), "no such column");
    }
}
