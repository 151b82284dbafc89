//! Families informed (issue 20): the family's own status page, opened with the access
//! code an officer issues, with an estimate for the next step from the programme's own
//! history; and programme holds, which break the dates promised inside them.
mod code;
mod estimates;
mod holds;
mod status;

pub use code::{CODE_LENGTH, FAMILY_SESSION, FamilySession, IssuedCode, normalise};
pub(crate) use estimates::Durations;
pub use estimates::{REFRESH_AFTER, StepDurationTable};
pub use holds::{HoldRecord, HoldView, NewHold, ProgrammeHolds, RecordedHold, hold_reasons};
pub use status::{DateSlip, FamilyStatus, HoldNotice, PromisedDate, StepEstimate};
