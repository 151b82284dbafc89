//! A family that arrived, and a plan for it, for the support module's tests.
use time::{Date, Time};

use super::{ProviderKind, SupportPlan};
use crate::case::{CaseEvent, CaseFile, CaseState};

/// The test family (a woman born 1985, a girl born 2015), arrived on `arrived`.
pub(crate) fn arrived_family(arrived: Date) -> CaseFile {
    let mut f = crate::case::tests_file();
    f.events.push(CaseEvent {
        seq: 3,
        at: arrived.with_time(Time::MIDNIGHT).assume_utc(),
        actor: "test".into(),
        from: Some(CaseState::DossierReview),
        to: CaseState::Arrived,
        reason: String::new(),
        reason_code: None,
        payload: serde_json::Value::Null,
    });
    f
}

/// Eighteen months of support by a sponsor group from `starts_on`.
pub(crate) fn plan(starts_on: Date) -> SupportPlan {
    SupportPlan {
        provider: "Welkom Gent".into(),
        provider_kind: ProviderKind::SponsorGroup,
        starts_on,
        months: 18,
    }
}
