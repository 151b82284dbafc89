//! Errors of the use cases, in terms an entry point can turn into an answer.
use resettle_storage::StorageError;

/// A use case that did not happen. Nothing was changed unless the variant says so.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The caller could not be identified (no, an unknown, expired or revoked credential).
    #[error("{0}")]
    Unauthorized(String),
    /// The caller is known but their roles or scope do not allow this (the refusal is
    /// audited).
    #[error("{detail}")]
    Forbidden {
        /// Why, in English: the API's problem detail and the audit entry.
        detail: String,
        /// The permission the caller's roles lack, when that is the reason, so a page can
        /// say it in the reader's words.
        lacking: Option<crate::Permission>,
    },
    /// The request refers to something that does not exist (or that the user may not know
    /// exists).
    #[error("{0}")]
    NotFound(String),
    /// The request conflicts with what is stored (a duplicate, a stale version).
    #[error("{0}")]
    Conflict(String),
    /// The input or the step was refused by a rule of the domain: the field and a typed
    /// reason, which the API states in English and a page in the reader's language.
    #[error("{0}")]
    Refused(resettle_domain::Refusal),
    /// The caller's address sent more of these requests than allowed; nothing was done.
    #[error("{detail}")]
    TooManyRequests {
        /// What was refused and why.
        detail: String,
        /// Seconds until the caller may try again.
        retry_after: u64,
    },
    /// The server is busy with heavy work and sheds this request rather than queue it.
    #[error("{detail}")]
    Busy {
        /// What the server is busy with.
        detail: String,
        /// Seconds after which to try again.
        retry_after: u64,
    },
    /// Storage failed.
    #[error(transparent)]
    Storage(StorageError),
    /// A fault of the server, not of the input (no randomness, a hash or a file writer
    /// failed, shipped or stored data unreadable, a worker thread lost): logged and
    /// answered as an internal error, never as the caller's mistake.
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    /// A fault of the server while doing `what`, for [`AppError::Internal`].
    pub fn internal(what: &str, e: impl std::fmt::Display) -> AppError {
        AppError::Internal(format!("{what}: {e}"))
    }
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Duplicate { .. } | StorageError::Stale { .. } => {
                AppError::Conflict(e.to_string())
            }
            StorageError::Missing { .. } => AppError::NotFound(e.to_string()),
            // The operator's configuration lacks a key: a fault of the server's setup.
            StorageError::NoKey(m) => AppError::Internal(m),
            StorageError::Refused(r) => AppError::Refused(r),
            other => AppError::Storage(other),
        }
    }
}

impl From<resettle_domain::Refusal> for AppError {
    /// A value or step refused by a rule of the domain.
    fn from(e: resettle_domain::Refusal) -> Self {
        AppError::Refused(e)
    }
}
