//! The lifecycle of a case: its states and which step may follow which.
//!
//! The table here is the generic programme; a policy profile may switch steps off (the
//! Netherlands places families directly in a municipality, so `in_reception` is skipped) but
//! never adds a transition the table does not have.
use crate::word_enum;

/// Where a case stands. Decision outcomes are states of their own so that lists, overdue
/// checks and the report to Parliament can count them without reading payloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaseState {
    /// UNHCR has submitted the case.
    Submitted,
    /// Assigned to a planned selection mission for interview.
    ScheduledForMission,
    /// Being assessed on the paper dossier.
    DossierReview,
    /// Interviewed by the mission; awaiting decision.
    Interviewed,
    /// Accepted as a whole family.
    Accepted,
    /// Accepted for some members only; the decision names them.
    AcceptedInPart,
    /// Refused, with grounds.
    Refused,
    /// Decision deferred or more information requested from UNHCR.
    Deferred,
    /// Travel authorisation, visa, medical check and cultural orientation under way.
    PreDeparture,
    /// A departure date has been set and told to the family.
    DepartureScheduled,
    /// The family has arrived in the resettlement state.
    Arrived,
    /// In a reception centre or local reception initiative.
    InReception,
    /// Living in its own home.
    Housed,
    /// Receiving individual integration support.
    IntegrationSupport,
    /// Done: support ended, or a refusal filed away.
    Closed,
    /// UNHCR or the family withdrew the case.
    Withdrawn,
    /// The principal applicant died (the case may be re-registered under another member).
    Deceased,
}
word_enum!(CaseState, "state", {
    Submitted => "submitted",
    ScheduledForMission => "scheduled_for_mission",
    DossierReview => "dossier_review",
    Interviewed => "interviewed",
    Accepted => "accepted",
    AcceptedInPart => "accepted_in_part",
    Refused => "refused",
    Deferred => "deferred",
    PreDeparture => "pre_departure",
    DepartureScheduled => "departure_scheduled",
    Arrived => "arrived",
    InReception => "in_reception",
    Housed => "housed",
    IntegrationSupport => "integration_support",
    Closed => "closed",
    Withdrawn => "withdrawn",
    Deceased => "deceased",
});

/// The phase a state belongs to, for dashboards and the report to Parliament.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Submitted, scheduled, under review, interviewed or deferred.
    Assessment,
    /// Accepted, in part or whole, and preparing to travel.
    PreDeparture,
    /// Departure date set or arrived.
    Travel,
    /// In reception or housed.
    Reception,
    /// In integration support.
    Integration,
    /// Closed, refused, withdrawn or deceased.
    Ended,
}
word_enum!(Stage, "stage", {
    Assessment => "assessment",
    PreDeparture => "pre_departure",
    Travel => "travel",
    Reception => "reception",
    Integration => "integration",
    Ended => "ended",
});

use CaseState::*;

impl CaseState {
    /// The state a newly submitted case starts in.
    pub const INITIAL: CaseState = Submitted;

    /// The states that may follow this one. Withdrawal is possible until the family has
    /// travelled; death from any open state; a family received by a sponsor group goes
    /// back into reception when the sponsorship breaks down.
    pub fn next(self) -> &'static [CaseState] {
        match self {
            Submitted => &[ScheduledForMission, DossierReview, Withdrawn, Deceased],
            ScheduledForMission => &[Interviewed, DossierReview, Withdrawn, Deceased],
            DossierReview | Interviewed => &[
                Accepted,
                AcceptedInPart,
                Refused,
                Deferred,
                Withdrawn,
                Deceased,
            ],
            Deferred => &[ScheduledForMission, DossierReview, Withdrawn, Deceased],
            Accepted | AcceptedInPart => &[PreDeparture, Withdrawn, Deceased],
            Refused => &[Closed],
            PreDeparture => &[DepartureScheduled, Withdrawn, Deceased],
            DepartureScheduled => &[Arrived, PreDeparture, Withdrawn, Deceased],
            Arrived => &[InReception, Housed, Deceased],
            InReception => &[Housed, Deceased],
            // Back into reception: a sponsorship that broke down (the step's rule
            // refuses it for a family in a home of its own).
            Housed => &[IntegrationSupport, Closed, InReception, Deceased],
            IntegrationSupport => &[Closed, InReception, Deceased],
            Closed | Withdrawn | Deceased => &[],
        }
    }

    /// Whether the case has ended and can no longer move.
    pub fn is_terminal(self) -> bool {
        self.next().is_empty()
    }

    /// Checks one step, so that a refused transition changes nothing and says what would
    /// have been allowed.
    pub fn transition(self, to: CaseState) -> Result<CaseState, TransitionError> {
        if self.next().contains(&to) {
            Ok(to)
        } else {
            Err(TransitionError {
                from: self,
                to,
                allowed: self.next().to_vec(),
            })
        }
    }

    /// The phase of the programme this state is in.
    pub fn stage(self) -> Stage {
        match self {
            Submitted | ScheduledForMission | DossierReview | Interviewed | Deferred => {
                Stage::Assessment
            }
            Accepted | AcceptedInPart | PreDeparture => Stage::PreDeparture,
            DepartureScheduled | Arrived => Stage::Travel,
            InReception | Housed => Stage::Reception,
            IntegrationSupport => Stage::Integration,
            Refused | Closed | Withdrawn | Deceased => Stage::Ended,
        }
    }

    /// Whether the family has reached the resettlement state in this state.
    pub fn has_arrived(self) -> bool {
        matches!(self, Arrived | InReception | Housed | IntegrationSupport)
    }
}

/// A step the lifecycle does not allow. Carries the allowed steps so that the CLI and the
/// API can tell the user what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a case in state {from} cannot move to {to}; allowed next: {}", allowed_words(.allowed))]
pub struct TransitionError {
    /// The state the case is in, unchanged.
    pub from: CaseState,
    /// The state that was asked for.
    pub to: CaseState,
    /// The states that may follow `from`.
    pub allowed: Vec<CaseState>,
}

fn allowed_words(allowed: &[CaseState]) -> String {
    if allowed.is_empty() {
        return "none (the case has ended)".into();
    }
    state_words(allowed)
}

/// States as a comma-separated list of their words (`none` for no state), for messages
/// that tell a user which steps exist.
pub(crate) fn state_words(states: &[CaseState]) -> String {
    if states.is_empty() {
        return "none".into();
    }
    states
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_open_state_is_reachable_from_submitted() {
        let mut seen = vec![CaseState::INITIAL];
        let mut frontier = vec![CaseState::INITIAL];
        while let Some(s) = frontier.pop() {
            for &n in s.next() {
                if !seen.contains(&n) {
                    seen.push(n);
                    frontier.push(n);
                }
            }
        }
        for s in CaseState::ALL {
            assert!(seen.contains(s), "{s} is unreachable");
        }
    }

    #[test]
    fn every_state_can_end() {
        for &s in CaseState::ALL {
            let mut cur = s;
            for _ in 0..CaseState::ALL.len() {
                if cur.is_terminal() {
                    break;
                }
                // Prefer closing, then the first listed step.
                cur = if cur.next().contains(&Closed) {
                    Closed
                } else {
                    cur.next()[0]
                };
            }
            assert!(cur.is_terminal(), "{s} cannot reach an end");
        }
    }

    #[test]
    fn a_refused_step_names_the_allowed_ones() {
        let e = Submitted.transition(Arrived).unwrap_err();
        assert_eq!(e.from, Submitted);
        let msg = e.to_string();
        assert!(
            msg.contains("submitted") && msg.contains("dossier_review"),
            "{msg}"
        );
    }

    #[test]
    fn no_withdrawal_after_arrival() {
        for s in [Arrived, InReception, Housed, IntegrationSupport] {
            assert!(s.transition(Withdrawn).is_err());
        }
    }
}
