//! The first and the last day each case entered each state (`case_state_days`), and the
//! states it entered after it first entered each one, kept with every event written, so
//! the overdue list decides from the index which cases run late on a time limit, instead
//! of grouping every open case's events.
use std::collections::BTreeMap;

use resettle_domain::case::CaseState;
use sqlx::AnyConnection;
use time::{Date, OffsetDateTime, UtcOffset};

use crate::StorageError;

/// The UTC day of a stored event time (`YYYY-MM-DDT…Z`): what migration 28 takes with
/// `substr(at, 1, 10)` from the events recorded before it.
pub(crate) fn day_of(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

/// The bit of `state` in `case_state_days.entered_after`. Stored, so fixed: migration 31
/// writes the same bits, and a new state takes the next one.
pub(crate) fn bit(state: CaseState) -> i64 {
    use CaseState::*;
    1 << match state {
        Submitted => 0,
        ScheduledForMission => 1,
        DossierReview => 2,
        Interviewed => 3,
        Accepted => 4,
        AcceptedInPart => 5,
        Refused => 6,
        Deferred => 7,
        PreDeparture => 8,
        DepartureScheduled => 9,
        Arrived => 10,
        InReception => 11,
        Housed => 12,
        IntegrationSupport => 13,
        Closed => 14,
        Withdrawn => 15,
        Deceased => 16,
    }
}

/// The bits of `states` together.
pub(crate) fn bits(states: &[CaseState]) -> i64 {
    states.iter().fold(0, |m, &s| m | bit(s))
}

/// Records that case `case_id` entered `state` on `day` (`YYYY-MM-DD`) and is now in it:
/// marks `state` as entered after every state the case entered before, moves every row
/// of the case to the new current state, and widens the state's first and last day if
/// its row exists.
pub(crate) async fn record(
    conn: &mut AnyConnection,
    case_id: i64,
    state: CaseState,
    day: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE case_state_days SET now_in = $1, entered_after = entered_after | $2 \
          WHERE case_id = $3",
    )
    .bind(state.as_str().to_string())
    .bind(bit(state))
    .bind(case_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO case_state_days \
           (case_id, state, first_on, last_on, priority, now_in, entered_after) \
         SELECT c.id, $2, date($3), date($3), c.priority, $2, 0 FROM cases c WHERE c.id = $1 \
         ON CONFLICT (case_id, state) DO UPDATE SET \
           first_on = CASE WHEN excluded.first_on < case_state_days.first_on \
                      THEN excluded.first_on ELSE case_state_days.first_on END, \
           last_on = CASE WHEN excluded.last_on > case_state_days.last_on \
                     THEN excluded.last_on ELSE case_state_days.last_on END",
    )
    .bind(case_id)
    .bind(state.as_str().to_string())
    .bind(day.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A state's row for a whole history: its first and last day, and the bits of the states
/// entered after its first entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub first_on: Date,
    pub last_on: Date,
    pub entered_after: i64,
}

/// Each state's row in a history of `(state, time)`, oldest first, for writing a whole
/// case's rows at once. Days are UTC days, as `day_of` takes them from stored times.
pub(crate) fn of_history(
    events: impl Iterator<Item = (CaseState, OffsetDateTime)>,
) -> BTreeMap<CaseState, Span> {
    let mut days: BTreeMap<CaseState, Span> = BTreeMap::new();
    for (state, at) in events {
        for span in days.values_mut() {
            span.entered_after |= bit(state);
        }
        let day = at.to_offset(UtcOffset::UTC).date();
        let span = days.entry(state).or_insert(Span {
            first_on: day,
            last_on: day,
            entered_after: 0,
        });
        span.first_on = span.first_on.min(day);
        span.last_on = span.last_on.max(day);
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_bit_of_its_own() {
        let all = bits(CaseState::ALL);
        assert_eq!(all.count_ones() as usize, CaseState::ALL.len());
    }

    #[test]
    fn a_history_marks_the_states_entered_after_each_first_entry() {
        use CaseState::*;
        use time::macros::{date, datetime};
        let h = [
            (Arrived, datetime!(2026-01-01 10:00 UTC)),
            (InReception, datetime!(2026-01-02 10:00 UTC)),
            (Housed, datetime!(2026-02-01 10:00 UTC)),
            // Still 1 March in UTC, though 2 March where it was recorded.
            (InReception, datetime!(2026-03-02 00:30 +01:00)),
        ];
        let spans = of_history(h.into_iter());
        assert_eq!(spans[&Arrived].entered_after, bits(&[InReception, Housed]));
        assert_eq!(
            spans[&InReception].entered_after,
            bits(&[InReception, Housed])
        );
        assert_eq!(spans[&Housed].entered_after, bits(&[InReception]));
        assert_eq!(spans[&InReception].first_on, date!(2026 - 01 - 02));
        assert_eq!(spans[&InReception].last_on, date!(2026 - 03 - 01));
    }
}
