//! Cases after import: reading one, listing many, and changing them one event at a time.
mod list;
mod read;
mod write;

pub use list::{CaseFilter, CaseSummary, OpenCaseHistory, ScopeFilter};
pub use read::StoredCase;
pub(crate) use read::{care_needs, member};
pub use write::{Assignment, NewEvent};
