//! The quota split over situations and channels, the decision behind it, and each year
//! tracked to arrival (issue 24; docs/decisions/0022-quota-allocation.md).
mod allocate;
mod decision;
mod track;

pub use allocate::{MissionLine, NeedLine, QuotaAllocation, QuotaLine, QuotaYearAllocation};
pub use decision::{QuotaDecision, QuotaDecisionInput, QuotaDecisionYear};
pub use track::{QuotaDelay, QuotaTrack, QuotaTrackLine};
