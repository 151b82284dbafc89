//! Family reunification for members left behind.
use serde::{Deserialize, Serialize};
use time::Date;

use crate::country::CountryCode;
use crate::word_enum;

/// Where a reunification request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReunificationStatus {
    /// Filed, waiting for a decision.
    Requested,
    /// Approved; travel being arranged.
    Approved,
    /// Refused.
    Refused,
    /// The relative has joined the family.
    Reunited,
}
word_enum!(ReunificationStatus, "status", {
    Requested => "requested",
    Approved => "approved",
    Refused => "refused",
    Reunited => "reunited",
});

/// A request to bring a relative left behind (often an adult son or daughter) to the family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReunificationRequest {
    /// The relative's name.
    pub relative_name: String,
    /// Their relationship to the principal applicant, in words.
    pub relationship: String,
    /// Where they are now.
    pub location: CountryCode,
    /// Where the request stands.
    pub status: ReunificationStatus,
    /// When it was filed.
    pub requested_on: Date,
    /// When it was decided or completed.
    pub resolved_on: Option<Date>,
}
