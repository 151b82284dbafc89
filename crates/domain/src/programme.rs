//! A state's resettlement programme and its yearly pledges.
use serde::{Deserialize, Serialize};

use crate::country::CountryCode;

/// A resettlement programme run by one state under one policy profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    /// A short code, e.g. `BE`.
    pub code: String,
    /// A display name, e.g. "Belgian resettlement programme".
    pub name: String,
    /// The resettlement state.
    pub state: CountryCode,
    /// The policy profile the programme runs under (`belgium`, `netherlands-2012`, …).
    pub policy_profile: String,
}

/// What a programme promised for a year and what it delivered. Arrivals are counted from
/// cases once the programme runs in resettle; `arrived_before_resettle` holds the figure
/// entered by hand for earlier years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pledge {
    /// The calendar year.
    pub year: i32,
    /// Persons pledged for the year.
    pub pledged: u32,
    /// Persons who arrived, entered by hand from published figures, if known.
    pub arrived_before_resettle: Option<u32>,
    /// Where the figures come from.
    pub source: String,
}

/// A programme with everything it holds, imported or exported in one piece (the demo
/// caseload is one). An import either writes all of it or nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeImport {
    /// The programme itself.
    pub programme: Programme,
    /// Yearly pledges.
    pub pledges: Vec<Pledge>,
    /// Reception centres, LOIs and municipalities.
    pub places: Vec<crate::reception::ReceptionPlace>,
    /// Community sponsor groups.
    pub sponsor_groups: Vec<crate::sponsor::SponsorGroup>,
    /// Selection missions.
    pub missions: Vec<crate::mission::SelectionMission>,
    /// Cases with their histories.
    pub cases: Vec<crate::case::CaseFile>,
}
