//! The first and the last day each case entered each state (`case_state_days`), kept with
//! every event written, so the overdue list finds a time limit's start and its stops by
//! key instead of grouping every open case's events.
use std::collections::BTreeMap;

use resettle_domain::case::CaseState;
use sqlx::AnyConnection;

use crate::StorageError;

/// The UTC day of a stored event time (`YYYY-MM-DDT…Z`): what migration 28 takes with
/// `substr(at, 1, 10)` from the events recorded before it.
pub(crate) fn day_of(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

/// Records that case `case_id` entered `state` on `day` (`YYYY-MM-DD`) and is now in it:
/// widens the state's first and last day if the row exists, and moves every row of the
/// case to the new current state.
pub(crate) async fn record(
    conn: &mut AnyConnection,
    case_id: i64,
    state: CaseState,
    day: &str,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO case_state_days (case_id, state, first_on, last_on, priority, now_in) \
         SELECT c.id, $2, $3, $3, c.priority, $2 FROM cases c WHERE c.id = $1 \
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
    sqlx::query("UPDATE case_state_days SET now_in = $1 WHERE case_id = $2")
        .bind(state.as_str().to_string())
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The first and last day of each state in a history of `(state, stored time)`, for
/// writing a whole case's rows at once.
pub(crate) fn of_history(
    events: impl Iterator<Item = (CaseState, String)>,
) -> BTreeMap<CaseState, (String, String)> {
    let mut days: BTreeMap<CaseState, (String, String)> = BTreeMap::new();
    for (state, at) in events {
        let day = day_of(&at).to_string();
        let span = days
            .entry(state)
            .or_insert_with(|| (day.clone(), day.clone()));
        if day < span.0 {
            span.0 = day.clone();
        }
        if day > span.1 {
            span.1 = day;
        }
    }
    days
}
