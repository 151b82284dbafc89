//! A case file: the case with everything recorded about it, as imported or exported whole.
use serde::{Deserialize, Serialize};

use super::{Case, CaseEvent, CaseState, MedicalRecord, Promise, TransitionError, derive_state};
use crate::outcomes::FollowUp;
use crate::reunification::ReunificationRequest;
use crate::support::SupportPlan;

/// Everything held on one case. Imports take whole files so that a case never exists
/// without the history that explains its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFile {
    /// The case and its family.
    pub case: Case,
    /// Its history, oldest first; the current state is derived from it.
    pub events: Vec<CaseEvent>,
    /// Dates promised to the family, oldest first.
    pub promises: Vec<Promise>,
    /// Health data, kept apart in storage.
    pub medical: Vec<MedicalRecord>,
    /// Relatives left behind whom the family asks to join them.
    pub reunification: Vec<ReunificationRequest>,
    /// The selection mission that interviewed or will interview the family, by code.
    pub mission: Option<String>,
    /// The reception place (centre, LOI or municipality) the family is in, by code.
    pub reception_place: Option<String>,
    /// The sponsor group receiving the family, by name.
    pub sponsor_group: Option<String>,
    /// Integration support, once it started.
    pub support: Option<SupportPlan>,
    /// Whether each working-age adult had work at the follow-ups after arrival.
    #[serde(default)]
    pub outcomes: Vec<FollowUp>,
}

impl CaseFile {
    /// The state the history leads to; an import refuses a file whose history is not a
    /// legal walk through the lifecycle.
    pub fn state(&self) -> Result<CaseState, TransitionError> {
        derive_state(&self.events)
    }

    /// The municipality the family moved to, as the latest step that names one says (a
    /// move into a home records it in its step data); `None` while no step has, in which
    /// case the family is where its reception place is. A municipality's staff see the
    /// families living in it, so this must follow every move.
    pub fn moved_to_municipality(&self) -> Option<&str> {
        self.events
            .iter()
            .rev()
            .find_map(|e| e.payload.get("municipality").and_then(|m| m.as_str()))
            .filter(|m| !m.trim().is_empty())
    }

    /// The day the family arrived: the day of its arrival step (stamped with the day the
    /// reception officer gave, not the day it was recorded).
    pub fn arrived_on(&self) -> Option<time::Date> {
        self.events
            .iter()
            .rfind(|e| e.to == CaseState::Arrived)
            .map(|e| e.at.date())
    }

    /// The family's home address, as the step that housed it recorded it (`address` in
    /// its step data); `None` before then, and for histories from before addresses were
    /// recorded.
    pub fn home_address(&self) -> Option<&str> {
        self.events
            .iter()
            .rfind(|e| e.to == CaseState::Housed)
            .and_then(|e| e.payload.get("address"))
            .and_then(|a| a.as_str())
    }
}
