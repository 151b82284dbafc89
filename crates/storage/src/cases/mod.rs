//! Cases after import: reading one, listing many, changing them one event at a time, and
//! the medical records of their members.
mod after_arrival;
mod list;
pub(crate) mod medical;
mod overdue;
mod read;
pub(crate) mod state_days;
mod write;

pub use list::{CaseCount, CaseFilter, CasePage, CaseSummary, ListStart, ScopeFilter};
pub use read::StoredCase;
pub(crate) use read::{MEMBER_COLUMNS, PROMISE_COLUMNS, care_needs, member, promise};
pub use write::{Assignment, NewEvent};
pub(crate) use write::{current, submitted_by_in};
