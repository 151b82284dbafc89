//! Which lifecycle states a programme uses. A profile can only switch states off; the
//! transitions that remain are the generic table's (`CaseState::next`), never new ones.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use crate::case::{CaseState, TransitionError};

use CaseState::*;

/// The states a profile may name in `steps.off`. Naming one does not guarantee the profile
/// is accepted: switching off `housed`, for instance, strands `arrived`, and is refused.
pub const SWITCHABLE_STEPS: &[CaseState] = &[
    ScheduledForMission,
    DossierReview,
    Interviewed,
    AcceptedInPart,
    Deferred,
    PreDeparture,
    DepartureScheduled,
    InReception,
    Housed,
    IntegrationSupport,
];

/// Why a state can never be switched off, for the error message.
fn required_because(s: CaseState) -> &'static str {
    match s {
        Submitted => "every case starts there",
        Accepted => "a programme must be able to accept a family",
        Refused => "a decision must be able to refuse, with grounds",
        Arrived => "arrival is what the programme is for, and where its time limits end",
        Closed => "every case must be able to end",
        Withdrawn => "UNHCR or the family can always withdraw before travel",
        Deceased => "a death must always be recordable",
        _ => "",
    }
}

/// The states switched off, and the transitions that follow from that.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Steps {
    off: Vec<CaseState>,
}

impl Steps {
    /// Whether the programme uses `state`.
    pub fn is_on(&self, state: CaseState) -> bool {
        !self.off.contains(&state)
    }

    /// The states switched off, in lifecycle order.
    pub fn off(&self) -> &[CaseState] {
        &self.off
    }

    /// The states that may follow `from` in this programme: the generic ones that are on.
    pub fn next(&self, from: CaseState) -> Vec<CaseState> {
        from.next()
            .iter()
            .copied()
            .filter(|&s| self.is_on(s))
            .collect()
    }

    /// Checks one step against the generic table and the switched-off states; the error
    /// lists the steps this programme does allow from `from`.
    pub fn allows(&self, from: CaseState, to: CaseState) -> Result<(), TransitionError> {
        let allowed = self.next(from);
        if allowed.contains(&to) {
            Ok(())
        } else {
            Err(TransitionError { from, to, allowed })
        }
    }

    /// Whether a case in `from` can get to `to` in one or more steps through states that
    /// are on. Time limits use it to know when a case has left the path to a limit's end.
    pub fn can_reach(&self, from: CaseState, to: CaseState) -> bool {
        let mut seen: Vec<CaseState> = Vec::new();
        let mut frontier = self.next(from);
        while let Some(s) = frontier.pop() {
            if s == to {
                return true;
            }
            if !seen.contains(&s) {
                seen.push(s);
                frontier.extend(self.next(s));
            }
        }
        false
    }

    /// Reads `[steps]` and refuses a set of switched-off states that breaks the lifecycle.
    pub(super) fn read(raw: &raw::Steps, cx: &Cx) -> Result<Self, PolicyError> {
        let Some(list) = &raw.off else {
            return Ok(Steps::default());
        };
        let mut off = Vec::new();
        for (i, w) in list.get_ref().iter().enumerate() {
            let key = format!("steps.off[{i}]");
            let s = cx.word(w, &key, "state", CaseState::ALL)?;
            if !SWITCHABLE_STEPS.contains(&s) {
                return Err(cx.at(
                    w,
                    key,
                    format!("{s} cannot be switched off: {}", required_because(s)),
                ));
            }
            if off.contains(&s) {
                return Err(cx.at(w, key, format!("{s} is listed twice")));
            }
            off.push(s);
        }
        off.sort();
        let steps = Steps { off };
        steps
            .check_lifecycle()
            .map_err(|reason| cx.at(list, "steps.off", reason))?;
        Ok(steps)
    }

    /// Every state that is on must still be reachable from `submitted`, and every open one
    /// must still be able to reach `closed`: a withdrawal or a death is not a way through
    /// the programme.
    fn check_lifecycle(&self) -> Result<(), String> {
        let off = crate::case::state_words(&self.off);
        let on: Vec<CaseState> = CaseState::ALL
            .iter()
            .copied()
            .filter(|&s| self.is_on(s))
            .collect();
        let stranded: Vec<CaseState> = on
            .iter()
            .copied()
            .filter(|&s| !s.is_terminal() && !self.can_reach(s, Closed))
            .collect();
        if let Some(&first) = stranded.first() {
            // Name the states a switched-off step used to lead out of, not every state
            // upstream of them that is stranded in turn.
            let direct: Vec<CaseState> = stranded
                .iter()
                .copied()
                .filter(|s| s.next().iter().any(|n| !self.is_on(*n)))
                .collect();
            let named = if direct.is_empty() {
                vec![first]
            } else {
                direct
            };
            return Err(format!(
                "switching off {off} strands {}: a case there can no longer reach closed \
                 (from {} the next steps would be: {})",
                crate::case::state_words(&named),
                named[0],
                crate::case::state_words(&self.next(named[0]))
            ));
        }
        for &s in on.iter().filter(|&&s| s != CaseState::INITIAL) {
            if !self.can_reach(CaseState::INITIAL, s) {
                return Err(format!(
                    "switching off {off} leaves {s} unreachable: no case could get there from submitted"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(off: &[CaseState]) -> Steps {
        Steps { off: off.to_vec() }
    }

    #[test]
    fn the_generic_lifecycle_passes() {
        assert_eq!(steps(&[]).check_lifecycle(), Ok(()));
    }

    #[test]
    fn direct_placement_passes_and_skips_reception() {
        let s = steps(&[InReception]);
        assert_eq!(s.check_lifecycle(), Ok(()));
        assert_eq!(s.next(Arrived), vec![Housed, Deceased]);
        assert!(s.allows(Arrived, InReception).is_err());
    }

    #[test]
    fn switching_off_housing_strands_arrival() {
        let e = steps(&[Housed]).check_lifecycle().unwrap_err();
        assert!(e.contains("strands arrived"), "{e}");
    }

    #[test]
    fn switching_off_both_assessment_routes_strands_submission() {
        let e = steps(&[ScheduledForMission, DossierReview])
            .check_lifecycle()
            .unwrap_err();
        assert!(e.contains("strands submitted"), "{e}");
    }

    #[test]
    fn reachability_follows_only_enabled_states() {
        let s = steps(&[ScheduledForMission, Interviewed]);
        assert!(s.can_reach(Submitted, Arrived));
        assert!(!s.can_reach(Submitted, Interviewed));
        assert!(!s.can_reach(Withdrawn, Arrived));
    }
}
