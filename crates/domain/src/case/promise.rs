//! Dates promised to a family, and how often they slipped.
use serde::{Deserialize, Serialize};
use time::Date;

use super::CaseState;
use crate::policy::{PolicyProfile, ReasonList};
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

/// The promises still to be kept for a case in `state`: of each kind the case still waits
/// for, the latest made (the one in force; earlier ones slipped). `promises` oldest first.
pub fn open_promises(promises: &[Promise], state: CaseState) -> Vec<&Promise> {
    PromiseKind::ALL
        .iter()
        .filter(|k| k.awaited_in().contains(&state))
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
    /// Why the previous promise of this kind was not kept, in the officer's words; `None`
    /// for a first promise.
    pub slip_reason: Option<String>,
    /// The same reason as a code from the profile's slip list, which the family status
    /// page and the reports word; set exactly when `slip_reason` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip_reason_code: Option<String>,
    /// When the family was told of this date.
    pub family_notified_on: Option<Date>,
}

impl Promise {
    /// Whether this promise replaced an earlier one that was not kept.
    pub fn is_slip(&self) -> bool {
        self.slip_reason.is_some()
    }

    /// The slip reason a new promise of `kind` carries, given the promises made `earlier`:
    /// `None` for the first of its kind; for a slip, the code from `policy`'s slip list and
    /// the officer's words, trimmed, neither of which may be blank, so no family waits for a
    /// new date without being told why.
    pub fn slip_reason(
        kind: PromiseKind,
        earlier: &[Promise],
        code: Option<&str>,
        reason: &str,
        policy: &PolicyProfile,
    ) -> Result<Option<Slip>, ParseError> {
        if !earlier.iter().any(|p| p.kind == kind) {
            return Ok(None);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(ParseError::of(
                "reason",
                crate::RefusalKind::SlipWithoutReason { promise: kind },
            ));
        }
        let code = policy.check_reason_code(ReasonList::Slip, code, reason)?;
        Ok(Some(Slip {
            code,
            reason: reason.to_string(),
        }))
    }
}

/// Why a promised date moved: a code of the profile's slip list and the officer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    /// The code, from the slip list.
    pub code: String,
    /// The officer's words.
    pub reason: String,
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
            slip_reason_code: None,
            family_notified_on: None,
        }
    }

    fn belgium() -> PolicyProfile {
        PolicyProfile::parse(include_str!("../../../../policies/belgium.toml")).unwrap()
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
        let p = belgium();
        let slip = |earlier: &[Promise], code, reason| {
            Promise::slip_reason(PromiseKind::Departure, earlier, code, reason, &p)
        };
        assert_eq!(slip(&[], None, ""), Ok(None));
        let e = slip(&[departure()], Some("flight_availability"), " ").unwrap_err();
        assert_eq!(e.field, "reason");
        assert_eq!(
            slip(
                &[departure()],
                Some("flight_availability"),
                " flight cancelled "
            ),
            Ok(Some(Slip {
                code: "flight_availability".into(),
                reason: "flight cancelled".into()
            }))
        );
        // An interview date is not a slip of a departure date.
        assert_eq!(
            Promise::slip_reason(PromiseKind::Interview, &[departure()], None, "", &p),
            Ok(None)
        );
    }

    #[test]
    fn a_slip_names_a_reason_of_the_profile() {
        let p = belgium();
        let slip =
            |code| Promise::slip_reason(PromiseKind::Departure, &[departure()], code, "late", &p);
        let e = slip(None).unwrap_err();
        assert_eq!(e.field, "reason_code");
        assert!(
            e.reason().contains("visa") && e.reason().contains("other"),
            "{e}"
        );
        let e = slip(Some("weather")).unwrap_err();
        assert!(
            e.reason().contains("\"weather\" is not a slip reason"),
            "{e}"
        );
        assert_eq!(slip(Some("visa")).unwrap().unwrap().code, "visa");
    }
}
