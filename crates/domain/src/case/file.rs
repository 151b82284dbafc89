//! A case file: the case with everything recorded about it, as imported or exported whole.
use serde::{Deserialize, Serialize};

use super::{Case, CaseEvent, CaseState, MedicalRecord, Promise, TransitionError, derive_state};
use crate::outcomes::FollowUp;
use crate::reception::Stay;
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
    /// The reception place (centre, LOI or municipality) the family is in now, by code:
    /// the place of its current stay, if that is at a reception place.
    pub reception_place: Option<String>,
    /// The sponsor group receiving the family, by name.
    pub sponsor_group: Option<String>,
    /// Integration support, once it started.
    pub support: Option<SupportPlan>,
    /// Whether each working-age adult had work at the follow-ups after arrival.
    #[serde(default)]
    pub outcomes: Vec<FollowUp>,
    /// Where the family has lived since it arrived, oldest first: centre, LOI,
    /// municipality, sponsor group, home, each from one day until the next begins.
    #[serde(default)]
    pub stays: Vec<Stay>,
    /// The steps after arrival done, with their days.
    #[serde(default)]
    pub after_arrival: super::AfterArrivalDone,
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

    /// The members who travel, or travelled: those the arrival step says travelled
    /// (`members_travelled`), else those a split decision accepted (`members_accepted`),
    /// else the whole family. Arrivals, reception and placement count these persons, not
    /// the family as submitted: a member left behind did not arrive.
    pub fn travelling(&self) -> Vec<u32> {
        let listed = |key: &str| {
            self.events.iter().rev().find_map(|e| {
                let list = e.payload.get(key)?.as_array()?;
                Some(
                    list.iter()
                        .filter_map(serde_json::Value::as_u64)
                        .map(|n| n as u32)
                        .collect::<Vec<u32>>(),
                )
            })
        };
        listed("members_travelled")
            .or_else(|| listed("members_accepted"))
            .unwrap_or_else(|| self.case.members.iter().map(|m| m.member_no).collect())
    }

    /// The members said to have travelled on arrival, checked against those expected to
    /// travel ([`CaseFile::travelling`]): none given means all of them; otherwise some of
    /// them, each once.
    pub fn check_travelled(&self, given: Option<&[u32]>) -> Result<Vec<u32>, crate::ParseError> {
        let expected = self.travelling();
        let Some(given) = given.filter(|g| !g.is_empty()) else {
            return Ok(expected);
        };
        let mut seen = Vec::new();
        for &m in given {
            if !expected.contains(&m) {
                return Err(crate::ParseError::not_in_list(
                    "members",
                    m,
                    &expected,
                    crate::refusal::Vocabulary::Plain,
                ));
            }
            if seen.contains(&m) {
                return Err(crate::ParseError::of(
                    "members",
                    crate::refusal::RefusalKind::ListedTwice {
                        given: m.to_string(),
                    },
                ));
            }
            seen.push(m);
        }
        seen.sort_unstable();
        Ok(seen)
    }

    /// The stay the family is in now, if any.
    pub fn current_stay(&self) -> Option<&Stay> {
        crate::reception::stay::current(&self.stays)
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
