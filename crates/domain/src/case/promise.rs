//! Dates promised to a family, and how often they slipped.
use serde::{Deserialize, Serialize};
use time::Date;

use super::CaseState;
use crate::{ParseError, word_enum};

/// What a promised date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromiseKind {
    /// The interview date given for a selection mission.
    Interview,
    /// The departure date told to the family. Families give up jobs and homes on it.
    Departure,
}
word_enum!(PromiseKind, "kind", { Interview => "interview", Departure => "departure" });

impl PromiseKind {
    /// Whether a case in `state` still waits for what a promise of this kind is for: an
    /// interview until the mission has interviewed (or the dossier is reviewed instead), a
    /// departure from the decision until the family arrives.
    pub fn awaited_in(self, state: CaseState) -> bool {
        use CaseState::*;
        match self {
            PromiseKind::Interview => matches!(state, Submitted | ScheduledForMission | Deferred),
            PromiseKind::Departure => matches!(
                state,
                Accepted | AcceptedInPart | PreDeparture | DepartureScheduled
            ),
        }
    }
}

/// The promises still to be kept for a case in `state`: of each kind the case still waits
/// for, the latest made (the one in force; earlier ones slipped). `promises` oldest first.
pub fn open_promises(promises: &[Promise], state: CaseState) -> Vec<&Promise> {
    PromiseKind::ALL
        .iter()
        .filter(|k| k.awaited_in(state))
        .filter_map(|&k| promises.iter().rev().find(|p| p.kind == k))
        .collect()
}

/// A date told to a family. A slip is a new promise that names the reason and when the
/// family was told, so nobody waits ten months without knowing why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// What the date is for.
    pub kind: PromiseKind,
    /// The date promised.
    pub promised_date: Date,
    /// When the promise was made.
    pub made_on: Date,
    /// Why the previous promise of this kind was not kept; `None` for a first promise.
    pub slip_reason: Option<String>,
    /// When the family was told of this date.
    pub family_notified_on: Option<Date>,
}

impl Promise {
    /// Whether this promise replaced an earlier one that was not kept.
    pub fn is_slip(&self) -> bool {
        self.slip_reason.is_some()
    }

    /// The slip reason a new promise of `kind` carries, given the promises made `earlier`:
    /// `None` for the first of its kind; for a slip the reason, trimmed, which must not be
    /// blank, so no family waits for a new date without being told why.
    pub fn slip_reason(
        kind: PromiseKind,
        earlier: &[Promise],
        reason: &str,
    ) -> Result<Option<String>, ParseError> {
        if !earlier.iter().any(|p| p.kind == kind) {
            return Ok(None);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(ParseError::new(
                "reason",
                format!("a {kind} date was promised before; say why it changed"),
            ));
        }
        Ok(Some(reason.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn departure() -> Promise {
        Promise {
            kind: PromiseKind::Departure,
            promised_date: date!(2026 - 12 - 01),
            made_on: date!(2026 - 10 - 01),
            slip_reason: None,
            family_notified_on: None,
        }
    }

    #[test]
    fn only_the_latest_promise_of_a_kind_still_awaited_is_open() {
        let first = departure();
        let slipped = Promise {
            promised_date: date!(2027 - 02 - 01),
            made_on: date!(2026 - 11 - 20),
            slip_reason: Some("flight cancelled".into()),
            ..departure()
        };
        let both = [first, slipped.clone()];
        assert_eq!(
            open_promises(&both, CaseState::DepartureScheduled),
            vec![&slipped]
        );
        assert!(open_promises(&both, CaseState::Arrived).is_empty());
        assert!(open_promises(&both, CaseState::Submitted).is_empty());
    }

    #[test]
    fn a_first_promise_needs_no_reason_and_a_slip_does() {
        assert_eq!(
            Promise::slip_reason(PromiseKind::Departure, &[], ""),
            Ok(None)
        );
        let e = Promise::slip_reason(PromiseKind::Departure, &[departure()], " ").unwrap_err();
        assert_eq!(e.field, "reason");
        assert_eq!(
            Promise::slip_reason(PromiseKind::Departure, &[departure()], " flight cancelled "),
            Ok(Some("flight cancelled".into()))
        );
        // An interview date is not a slip of a departure date.
        assert_eq!(
            Promise::slip_reason(PromiseKind::Interview, &[departure()], ""),
            Ok(None)
        );
    }
}
