//! A programme put on hold: no family travels between two days. Belgium stopped its
//! programme in October 2018 for lack of reception capacity, without warning (report §3.1,
//! §4); every departure date promised inside such a stop is broken, and the families who
//! hold those dates must be told, with the reason, in their language.
use serde::{Deserialize, Serialize};
use time::Date;

use crate::ParseError;
use crate::case::{CaseState, Promise, open_promises};
use crate::policy::{NameList, ReasonList};
use crate::refusal::{Anchor, RefusalKind, Vocabulary};

/// The longest hold that can be recorded: ten years. A longer one is a typing error, or
/// the end of a programme, which is not a hold.
pub const MAX_HOLD_DAYS: i64 = 3653;

/// The longest note staff may keep on a hold.
pub const NOTE_MAX_CHARS: usize = 500;

/// A stop of a programme from one day to another, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeHold {
    /// The first day of the hold.
    pub from: Date,
    /// The last day of the hold (when it is expected to end).
    pub until: Date,
    /// Why, as a code of the programme's reason list, which families read translated.
    pub reason: String,
    /// What staff know beyond the code; never shown to families.
    pub note: String,
}

impl ProgrammeHold {
    /// Refuses a hold that ends before it starts, lasts more than [`MAX_HOLD_DAYS`], gives
    /// a reason not in `reasons` (the codes families can read in their language), or
    /// carries a note longer than [`NOTE_MAX_CHARS`].
    pub fn check(&self, reasons: &[&str]) -> Result<(), ParseError> {
        let note = self.note.chars().count();
        if note > NOTE_MAX_CHARS {
            return Err(ParseError::of(
                "note",
                RefusalKind::TooLong {
                    max: NOTE_MAX_CHARS,
                    got: note,
                },
            ));
        }
        if self.until < self.from {
            return Err(ParseError::of(
                "until",
                RefusalKind::Before {
                    day: self.until,
                    anchor: Anchor::HoldStarts,
                    other: self.from,
                },
            ));
        }
        let days = (self.until - self.from).whole_days() + 1;
        if days > MAX_HOLD_DAYS {
            return Err(ParseError::of(
                "until",
                RefusalKind::HoldTooLong {
                    max: MAX_HOLD_DAYS,
                    days,
                },
            ));
        }
        // Only a reason families can be told, in their language.
        if !reasons.contains(&self.reason.as_str()) {
            return Err(ParseError::not_in_list(
                "reason",
                &self.reason,
                reasons,
                Vocabulary::Named(NameList::Reason(ReasonList::Slip)),
            ));
        }
        Ok(())
    }

    /// Whether no family travels on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && day <= self.until
    }

    /// Whether the hold is still to end on `today` (current, or still to come).
    pub fn lasts_on_or_after(&self, today: Date) -> bool {
        self.until >= today
    }

    /// The promises of a case in `state` the hold breaks: those still to be kept whose
    /// date falls inside it.
    pub fn breaks<'a>(&self, promises: &'a [Promise], state: CaseState) -> Vec<&'a Promise> {
        open_promises(promises, state)
            .into_iter()
            .filter(|p| self.covers(p.promised_date))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::PromiseKind;
    use time::macros::date;

    fn hold() -> ProgrammeHold {
        ProgrammeHold {
            from: date!(2026 - 12 - 01),
            until: date!(2027 - 02 - 28),
            reason: "reception_capacity".into(),
            note: "the centres are full".into(),
        }
    }

    fn departure(on: Date) -> Promise {
        Promise {
            kind: PromiseKind::Departure,
            promised_date: on,
            made_on: date!(2026 - 10 - 01),
            slip_reason: None,
            slip_reason_code: None,
            family_notified_on: None,
        }
    }

    #[test]
    fn a_hold_names_its_field_when_refused() {
        let reasons = ["reception_capacity", "other"];
        assert_eq!(hold().check(&reasons), Ok(()));
        let backwards = ProgrammeHold {
            until: date!(2026 - 11 - 30),
            ..hold()
        };
        assert_eq!(backwards.check(&reasons).unwrap_err().field, "until");
        let endless = ProgrammeHold {
            until: date!(2040 - 01 - 01),
            ..hold()
        };
        assert_eq!(endless.check(&reasons).unwrap_err().field, "until");
        let unknown = ProgrammeHold {
            reason: "budget".into(),
            ..hold()
        };
        let e = unknown.check(&reasons).unwrap_err();
        assert_eq!(e.field, "reason");
        assert!(e.to_string().contains("reception_capacity"), "{e}");
        let long = ProgrammeHold {
            note: "x".repeat(NOTE_MAX_CHARS + 1),
            ..hold()
        };
        assert_eq!(long.check(&reasons).unwrap_err().field, "note");
    }

    #[test]
    fn a_hold_breaks_the_open_promises_inside_it_and_no_other() {
        let inside = [departure(date!(2027 - 01 - 15))];
        assert_eq!(
            hold().breaks(&inside, CaseState::DepartureScheduled).len(),
            1
        );
        assert!(
            hold().breaks(&inside, CaseState::Arrived).is_empty(),
            "kept already"
        );
        let after = [departure(date!(2027 - 03 - 01))];
        assert!(
            hold()
                .breaks(&after, CaseState::DepartureScheduled)
                .is_empty()
        );
        // The first and last days are inside.
        assert!(hold().covers(date!(2026 - 12 - 01)) && hold().covers(date!(2027 - 02 - 28)));
        // A date that already slipped out of the hold is not broken by it.
        let slipped = [
            departure(date!(2027 - 01 - 15)),
            departure(date!(2027 - 04 - 01)),
        ];
        assert!(hold().breaks(&slipped, CaseState::PreDeparture).is_empty());
    }
}
