//! The append-only list of what happened to a case, and the state derived from it.
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::lifecycle::{CaseState, TransitionError};

/// One step in a case's history: who moved it, when, from where to where, and why.
/// History is never rewritten; a correction is a new event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// Position in the case's history, from 1.
    pub seq: u32,
    /// When it was recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The user or system that recorded it.
    pub actor: String,
    /// The state before; `None` for the submission that opens the case.
    pub from: Option<CaseState>,
    /// The state after.
    pub to: CaseState,
    /// Why, in the actor's words (required for refusals, deferrals and slips).
    pub reason: String,
    /// Why, as a code from the profile's reason list for the step (a deferral, a
    /// withdrawal, a departure date that moved): what reports count and the family status
    /// page words in the family's language. `None` for steps no list applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    /// Step data: decision grounds, members accepted, dates of checks, places.
    pub payload: serde_json::Value,
}

/// Replays a history and returns the state it leads to. Fails on the first event that does
/// not follow from the one before, which is how storage proves that the stored current
/// state was never written around the lifecycle.
pub fn derive_state(events: &[CaseEvent]) -> Result<CaseState, TransitionError> {
    let mut state: Option<CaseState> = None;
    for e in events {
        state = Some(match (state, e.from) {
            (None, None) if e.to == CaseState::INITIAL => e.to,
            (None, _) => {
                return Err(TransitionError {
                    from: e.from.unwrap_or(CaseState::INITIAL),
                    to: e.to,
                    allowed: vec![CaseState::INITIAL],
                });
            }
            (Some(cur), from) if from == Some(cur) => cur.transition(e.to)?,
            (Some(cur), _) => {
                return Err(TransitionError {
                    from: cur,
                    to: e.to,
                    allowed: cur.next().to_vec(),
                });
            }
        });
    }
    state.ok_or(TransitionError {
        from: CaseState::INITIAL,
        to: CaseState::INITIAL,
        allowed: vec![CaseState::INITIAL],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn event(seq: u32, from: Option<CaseState>, to: CaseState) -> CaseEvent {
        CaseEvent {
            seq,
            at: OffsetDateTime::UNIX_EPOCH,
            actor: "test".into(),
            from,
            to,
            reason: String::new(),
            reason_code: None,
            payload: serde_json::Value::Null,
        }
    }

    /// Walks the lifecycle choosing the next step by the given indices; returns the history.
    fn walk(choices: &[usize]) -> Vec<CaseEvent> {
        let mut events = vec![event(1, None, CaseState::INITIAL)];
        let mut cur = CaseState::INITIAL;
        for (i, c) in choices.iter().enumerate() {
            let next = cur.next();
            if next.is_empty() {
                break;
            }
            let to = next[c % next.len()];
            events.push(event(i as u32 + 2, Some(cur), to));
            cur = to;
        }
        events
    }

    proptest! {
        #[test]
        fn any_legal_walk_derives_its_last_state(choices in proptest::collection::vec(0usize..8, 0..30)) {
            let events = walk(&choices);
            prop_assert_eq!(derive_state(&events).unwrap(), events.last().unwrap().to);
        }

        #[test]
        fn a_forged_step_is_caught(choices in proptest::collection::vec(0usize..8, 1..30), forged in 0usize..17) {
            let mut events = walk(&choices);
            let last = events.last().unwrap().to;
            let to = CaseState::ALL[forged];
            events.push(event(events.len() as u32 + 1, Some(last), to));
            prop_assert_eq!(derive_state(&events).is_ok(), last.next().contains(&to));
        }
    }

    #[test]
    fn a_history_must_open_with_submission() {
        assert!(derive_state(&[]).is_err());
        assert!(derive_state(&[event(1, None, CaseState::Accepted)]).is_err());
    }

    #[test]
    fn an_event_that_does_not_start_where_the_last_ended_is_refused() {
        let events = [
            event(1, None, CaseState::Submitted),
            event(2, Some(CaseState::DossierReview), CaseState::Accepted),
        ];
        assert!(derive_state(&events).is_err());
    }
}
