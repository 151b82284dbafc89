//! Which steps must say why. A decision is explained to the family and to UNHCR, an ending
//! that is not the programme's own is explained in the report, and a step back (a
//! departure called off) is explained to a family that gave up its home on the date.
//! Deferrals, withdrawals, moved dates and sponsorships that broke down also name their
//! reason from the profile's list, so they can be counted and told to the family in its
//! language. A breakdown keeps its words too: the stay in reception it begins records
//! them, as every move back does.
use super::CaseState;
use crate::policy::{PolicyProfile, ReasonList};
use crate::{ParseError, RefusalKind};

use CaseState::*;

/// The states whose every entry is a decision or an ending someone must explain:
/// acceptance in whole or in part, refusal, deferral, withdrawal and death.
pub const DECISIONS: &[CaseState] = &[
    Accepted,
    AcceptedInPart,
    Refused,
    Deferred,
    Withdrawn,
    Deceased,
];

/// Whether a move from `from` to `to` must carry a reason: every entry into one of the
/// [`DECISIONS`], the step back from a scheduled departure to pre-departure, and the step
/// back from a home into reception (a sponsorship that broke down).
pub fn needs_reason(from: CaseState, to: CaseState) -> bool {
    DECISIONS.contains(&to)
        || (from, to) == (DepartureScheduled, PreDeparture)
        || (matches!(from, Housed | IntegrationSupport) && to == InReception)
}

/// Refuses a move that needs a reason (see [`needs_reason`]) and has none but blanks.
pub fn check_reason(from: CaseState, to: CaseState, reason: &str) -> Result<(), ParseError> {
    if !needs_reason(from, to) || !reason.trim().is_empty() {
        return Ok(());
    }
    let kind = if DECISIONS.contains(&to) {
        RefusalKind::DecisionWithoutReason { to }
    } else if to == InReception {
        RefusalKind::StepBackWithoutReason
    } else {
        RefusalKind::CallOffWithoutReason
    };
    Err(ParseError::of("reason", kind))
}

/// The reason list a move from `from` to `to` must name its reason from: a deferral's,
/// a withdrawal's, the slip list for a departure called off, or the breakdown list for
/// the step back from a sponsor group's home into reception. A departure scheduled
/// again after a slip names a slip reason too, but only the promises tell that it is one
/// (see [`crate::case::Promise::slip_reason`]).
pub fn reason_list(from: CaseState, to: CaseState) -> Option<ReasonList> {
    match (from, to) {
        (_, Deferred) => Some(ReasonList::Deferral),
        (_, Withdrawn) => Some(ReasonList::Withdrawal),
        (DepartureScheduled, PreDeparture) => Some(ReasonList::Slip),
        (Housed | IntegrationSupport, InReception) => Some(ReasonList::Breakdown),
        _ => None,
    }
}

impl super::CaseEvent {
    /// The list this step's reason code comes from: [`reason_list`] of its move, or the
    /// slip list for a departure scheduled again with a code. `None` for the submission
    /// and for steps that name no code.
    pub fn reason_list(&self) -> Option<ReasonList> {
        let from = self.from?;
        reason_list(from, self.to).or(
            (self.to == DepartureScheduled && self.reason_code.is_some())
                .then_some(ReasonList::Slip),
        )
    }
}

/// Checks the reason code of a move from `from` to `to` against `policy`: required from
/// [`reason_list`] where a list applies, or from the slip list where `slip` says the move
/// replaces a departure date told before; refused on any other step, which has no list to
/// name it from. Returns the code to store.
pub fn check_reason_code(
    from: CaseState,
    to: CaseState,
    slip: bool,
    code: Option<&str>,
    text: &str,
    policy: &PolicyProfile,
) -> Result<Option<String>, ParseError> {
    let list =
        reason_list(from, to).or((slip && to == DepartureScheduled).then_some(ReasonList::Slip));
    match (list, code.map(str::trim).filter(|c| !c.is_empty())) {
        (Some(list), code) => policy.check_reason_code(list, code, text).map(Some),
        (None, None) => Ok(None),
        (None, Some(_)) => Err(ParseError::of(
            "reason_code",
            RefusalKind::NoReasonList { from, to },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_acceptance_without_a_reason_is_refused_naming_the_field() {
        let e = check_reason(Interviewed, Accepted, "  ").unwrap_err();
        assert_eq!(e.field, "reason");
        assert!(e.to_string().contains("accepted"), "{e}");
        assert!(check_reason(Interviewed, Accepted, "protection need established").is_ok());
    }

    #[test]
    fn a_departure_called_off_must_say_why_but_a_first_one_need_not() {
        assert!(check_reason(DepartureScheduled, PreDeparture, "").is_err());
        assert!(check_reason(Accepted, PreDeparture, "").is_ok());
        assert!(check_reason(Submitted, DossierReview, "").is_ok());
    }

    #[test]
    fn a_step_back_into_reception_must_say_why() {
        let e = check_reason(Housed, InReception, "").unwrap_err();
        assert!(e.reason().contains("sponsorship"), "{e}");
        assert!(check_reason(IntegrationSupport, InReception, "group dissolved").is_ok());
        assert!(check_reason(Arrived, InReception, "").is_ok());
    }

    #[test]
    fn a_step_back_into_reception_names_its_reason_from_the_breakdown_list() {
        assert_eq!(
            reason_list(Housed, InReception),
            Some(ReasonList::Breakdown)
        );
        assert_eq!(
            reason_list(IntegrationSupport, InReception),
            Some(ReasonList::Breakdown)
        );
        // Arrival into reception is no step back: it names no reason.
        assert_eq!(reason_list(Arrived, InReception), None);
    }

    proptest! {
        /// Over every step of the lifecycle: a blank reason is refused exactly where one is
        /// needed, and any words are accepted everywhere.
        #[test]
        fn blank_reasons_are_refused_exactly_where_needed(
            from in 0usize..17, pick in 0usize..8, blank in "[ \t]{0,3}", words in "[a-z]{1,12}"
        ) {
            let from = CaseState::ALL[from];
            let next = from.next();
            prop_assume!(!next.is_empty());
            let to = next[pick % next.len()];
            prop_assert_eq!(check_reason(from, to, &blank).is_err(), needs_reason(from, to));
            prop_assert!(check_reason(from, to, &words).is_ok());
        }
    }
}
