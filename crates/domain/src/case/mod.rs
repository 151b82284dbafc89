//! A case: one family submitted by UNHCR, followed from submission to the end of
//! integration support.
mod after_arrival;
mod category;
mod event;
mod family;
mod file;
mod integrity;
mod lifecycle;
mod medical;
mod notice;
mod number;
mod position;
mod promise;
mod reason;
mod step;

pub use after_arrival::{AfterArrival, AfterArrivalDone};
pub use category::SubmissionCategory;
pub use event::{CaseEvent, derive_state};
pub use family::{FamilyMember, Relationship, Sex};
pub use file::CaseFile;
#[cfg(test)]
pub(crate) use integrity::tests::file as tests_file;
pub(crate) use lifecycle::state_words;
pub use lifecycle::{CaseState, Stage, TransitionError};
pub use medical::{
    CONDITION_MAX_CHARS, CareNeed, MedicalEntry, MedicalRecord, fit_to_travel_word,
    parse_fit_to_travel,
};
pub use notice::{NOTICE_ATTEMPTS, News, NoticeState, retry_after};
pub use number::CaseNumber;
pub use position::ListPosition;
pub use promise::{Promise, PromiseKind, Slip, open_promises};
pub use reason::{DECISIONS, check_reason, check_reason_code, needs_reason, reason_list};
pub use step::{ADDRESS_CHARS, Assignment, Step, Stepped};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::country::CountryCode;
use crate::word_enum;

/// How urgently UNHCR asks for the case to move. Emergency cases cannot wait for a
/// selection mission; the policy profile sets a time limit per priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Priority {
    /// Life or physical safety at immediate risk: departure within days.
    Emergency,
    /// Serious risk: departure within weeks.
    Urgent,
    /// Everyone else, in the ordinary course of the programme.
    Normal,
}
word_enum!(Priority, "priority", { Emergency => "emergency", Urgent => "urgent", Normal => "normal" });

/// Whether the resettlement state interviews the family on a selection mission or decides
/// on the paper file (the Netherlands: ~100 dossier cases a year, emergencies among them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Interviewed in the country of asylum by a selection mission.
    Mission,
    /// Decided on the UNHCR dossier alone.
    Dossier,
}
word_enum!(Channel, "channel", { Mission => "mission", Dossier => "dossier" });

/// A case as submitted and as it stands now. Personal special-category data (medical needs)
/// is deliberately not here: it lives in [`MedicalRecord`], stored and authorised apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// UNHCR's case number, unique in the programme.
    pub case_number: CaseNumber,
    /// The programme (a state's resettlement programme) the case belongs to.
    pub programme: String,
    /// Where the family lives now, the first country of asylum.
    pub country_of_asylum: CountryCode,
    /// The principal applicant's nationality.
    pub nationality: CountryCode,
    /// UNHCR submission categories, the primary one first.
    pub categories: Vec<SubmissionCategory>,
    /// How urgently the case must move.
    pub priority: Priority,
    /// Mission or dossier.
    pub channel: Channel,
    /// The day UNHCR submitted the case.
    pub submitted_on: Date,
    /// The family, principal applicant first.
    pub members: Vec<FamilyMember>,
    /// Relatives resettled as separate cases, so the family can be placed together.
    pub linked_cases: Vec<CaseNumber>,
}

impl Case {
    /// UNHCR asks for at least two categories on a submission; fewer is allowed but warned
    /// about, so the officer can ask UNHCR to complete the file.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        if self.categories.len() < 2 {
            w.push(format!(
                "categories: UNHCR requires two submission categories, this case has {}",
                self.categories.len()
            ));
        }
        w
    }

    /// Refuses a case no programme could act on: no family member, no category, or no
    /// principal applicant.
    pub fn validate(&self) -> Result<(), crate::ParseError> {
        if self.categories.is_empty() {
            return Err(crate::ParseError::of(
                "categories",
                crate::RefusalKind::Missing,
            ));
        }
        if self.members.is_empty() {
            return Err(crate::ParseError::of(
                "members",
                crate::RefusalKind::Missing,
            ));
        }
        let principals = self
            .members
            .iter()
            .filter(|m| m.relationship == Relationship::PrincipalApplicant)
            .count();
        if principals != 1 {
            return Err(crate::ParseError::of(
                "members",
                crate::RefusalKind::PrincipalApplicants { found: principals },
            ));
        }
        Ok(())
    }
}
