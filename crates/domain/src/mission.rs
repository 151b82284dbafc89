//! Selection missions: officials travelling to the country of asylum to interview cases.
use serde::{Deserialize, Serialize};
use time::Date;

use crate::country::CountryCode;
use crate::word_enum;

/// Where a mission stands. Missions planned and done per year go into the report to
/// Parliament.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MissionStatus {
    /// Dates and team set; not yet travelled.
    Planned,
    /// Interviews done.
    Completed,
    /// Called off (security, pandemic, lack of reception places).
    Cancelled,
}
word_enum!(MissionStatus, "status", { Planned => "planned", Completed => "completed", Cancelled => "cancelled" });

/// A selection mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectionMission {
    /// A short code, e.g. `BE-2019-LB-1`.
    pub code: String,
    /// The country of asylum visited.
    pub destination: CountryCode,
    /// First day of interviews.
    pub starts_on: Date,
    /// Last day of interviews.
    pub ends_on: Date,
    /// Planned, completed or cancelled.
    pub status: MissionStatus,
    /// Team members as "name (agency)".
    pub team: Vec<String>,
}
