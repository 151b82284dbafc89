//! Refusing a new record whose key is already used, before anything is written, so the
//! user gets a `Duplicate` naming the key rather than a constraint violation.
use sqlx::{AnyConnection, Row};

use crate::StorageError;

/// Refuses with `Duplicate { what, key }` when `count_sql` (one `$1` bound to `key`)
/// counts a row.
pub(crate) async fn refuse_if_taken(
    conn: &mut AnyConnection,
    count_sql: &'static str,
    what: &'static str,
    key: &str,
) -> Result<(), StorageError> {
    let taken: i64 = sqlx::query(count_sql)
        .bind(key.to_string())
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    if taken > 0 {
        return Err(StorageError::Duplicate {
            what,
            key: key.to_string(),
        });
    }
    Ok(())
}
