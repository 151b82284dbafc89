//! Refusing a new record whose key is already used, as the database's unique constraint
//! finds it: the insert itself is the check, so two writers adding the same key at once
//! get one success and one `Duplicate` naming the key (a 409), never a constraint
//! violation surfacing as a fault (a 500). A count before the insert could not promise
//! that: both writers may count before either inserts.
use crate::StorageError;

/// Maps the insert's unique violation to `Duplicate { what, key }`; any other error is a
/// database error as usual.
pub(crate) fn taken(what: &'static str, key: &str) -> impl FnOnce(sqlx::Error) -> StorageError {
    let key = key.to_string();
    move |e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StorageError::Duplicate { what, key }
        }
        _ => StorageError::Database(e),
    }
}
