//! Community sponsorship: a local group that receives one family instead of a centre.
use serde::{Deserialize, Serialize};

/// A sponsor group (Belgium's 2020 pilot; Canada since 1979).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SponsorGroup {
    /// Display name of the group.
    pub name: String,
    /// The municipality where the family will live.
    pub municipality: String,
    /// The contact person.
    pub contact: String,
    /// Number of members who signed the support agreement.
    pub members: u32,
    /// Persons the group can house.
    pub capacity_persons: u32,
}
