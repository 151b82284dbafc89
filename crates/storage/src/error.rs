//! What can go wrong in storage.

/// A storage failure. Constraint violations that a user can correct are told apart from
/// faults of the database itself.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The URL names no backend resettle supports.
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    /// The database file cannot be created or restricted to its owner.
    #[error("database file {path}: {reason}")]
    File {
        /// The file.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// A row the user asked to add exists already.
    #[error("{what} {key} exists already")]
    Duplicate {
        /// The kind of record, e.g. "case".
        what: &'static str,
        /// Its key, e.g. the case number.
        key: String,
    },
    /// A change named a version of the record that is no longer current: someone else
    /// changed it first. Nothing was written.
    #[error(
        "{what} {key} was changed by someone else: expected version {expected}, it is at {actual}; reload and retry"
    )]
    Stale {
        /// The kind of record.
        what: &'static str,
        /// Its key.
        key: String,
        /// The version the writer expected.
        expected: i64,
        /// The version stored.
        actual: i64,
    },
    /// A row refers to another that does not exist.
    #[error("{what} {key} does not exist")]
    Missing {
        /// The kind of record referred to, e.g. "reception place".
        what: &'static str,
        /// Its key.
        key: String,
    },
    /// A value in the database does not parse as its domain type: the database was edited
    /// around resettle, or a migration is missing.
    #[error("stored {field} {value:?} is invalid: {reason}")]
    Corrupt {
        /// The column.
        field: &'static str,
        /// The stored value.
        value: String,
        /// Why it does not parse.
        reason: String,
    },
    /// A key the configuration lacks (the data key for sealed data, or the key of a keyed
    /// audit trail): the operator's to set, not the caller's fault; the message says what
    /// to set. Nothing was written.
    #[error("{0}")]
    NoKey(String),
    /// The input or the step was refused by a rule, with its field and a typed reason,
    /// before anything was written.
    #[error("{0}")]
    Refused(resettle_domain::Refusal),
    /// A group commit of audit entries failed (the reason is the database's, told to each
    /// caller of the batch). Nothing of the batch was written.
    #[error("audit trail not written: {0}")]
    AuditBatch(String),
    /// The database refused or failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}
