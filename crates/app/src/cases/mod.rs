//! Cases end to end: creating them, showing where each stands and how long it has waited,
//! moving them through the lifecycle under the programme's policy profile, recording
//! the dates promised to families, and the medical records of their members.
mod after_arrival;
mod create;
mod export;
mod list;
mod medical;
mod outcomes;
pub(crate) mod promises;
mod stays;
mod transition;
pub(crate) mod view;

pub use after_arrival::NewAfterArrival;
pub use create::{NewCase, NewMember};
pub use export::SubjectExport;
pub use list::{CaseList, CaseListItem, CaseQuery};
pub use outcomes::NewOutcomeRecord;
pub use promises::{NewPromise, NewReunification, ReunificationTies};
pub use stays::{MoveRequest, Moved, PlaceChoice, StayView};
pub use transition::{TransitionRequest, Transitioned};
pub(crate) use view::sees_unshared_care_needs;
pub use view::{
    CaseView, CheckView, HeldPromise, MemberNeeds, MemberView, ReunificationView, Waiting,
};

use resettle_domain::case::CaseNumber;
use resettle_domain::policy::PolicyProfile;

use crate::{App, AppError};

impl App {
    /// The policy profile of a programme: its rules, and the labels of the names it
    /// defines (checks, grounds, reasons), which pages show in the reader's language.
    pub async fn programme_policy(
        &self,
        programme: &str,
    ) -> Result<std::sync::Arc<PolicyProfile>, AppError> {
        let p = self
            .store
            .programmes()
            .await?
            .into_iter()
            .find(|p| p.code == programme)
            .ok_or_else(|| AppError::NotFound(format!("programme {programme} does not exist")))?;
        self.policy(&p.policy_profile).await
    }
}

/// No case `number` that the caller may know exists (404): one outside the caller's scope
/// is refused exactly as one that does not exist.
pub(crate) fn no_such_case(number: &str) -> AppError {
    resettle_domain::Refusal::of(
        "case_number",
        resettle_domain::RefusalKind::NoSuchCase {
            number: number.to_string(),
        },
    )
    .into()
}

/// Parses a case number from a path or argument, refusing with the field named.
pub(crate) fn case_number(s: &str) -> Result<CaseNumber, AppError> {
    Ok(CaseNumber::parse(s)?)
}
