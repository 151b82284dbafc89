//! Reunification requests waiting for a decision past their day, for the overdue list.
use resettle_domain::case::{CaseState, Priority};
use sqlx::Row;
use time::Date;

use crate::codec::{self, parse_date, parse_word};
use crate::{StorageError, Store};

/// An open case with a reunification request still waiting for a decision after its due
/// day: the request's limit is overrun like any of the profile's time limits.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueReunification {
    /// UNHCR case number.
    pub case_number: String,
    /// The case's state now.
    pub state: CaseState,
    /// The case's priority.
    pub priority: Priority,
    /// The earliest due day among the case's overdue requests.
    pub due_on: Date,
}

impl Store {
    /// The open cases with a request still `requested` after its due day (before
    /// `today`), one row per case with its earliest due day, read from the index on
    /// (status, due_on).
    pub async fn overdue_reunifications(
        &self,
        today: Date,
    ) -> Result<Vec<OverdueReunification>, StorageError> {
        let rows = sqlx::query(
            "SELECT c.case_number, c.state, c.priority, MIN(r.due_on) \
               FROM reunification_requests r JOIN cases c ON c.id = r.case_id \
              WHERE r.status = 'requested' AND r.due_on < $1 \
                AND c.state NOT IN ('closed', 'withdrawn', 'deceased') \
              GROUP BY c.case_number, c.state, c.priority",
        )
        .bind(codec::date(today))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OverdueReunification {
                    case_number: r.try_get(0)?,
                    state: parse_word("cases.state", &r.try_get::<String, _>(1)?)?,
                    priority: parse_word("cases.priority", &r.try_get::<String, _>(2)?)?,
                    due_on: parse_date(
                        "reunification_requests.due_on",
                        &r.try_get::<String, _>(3)?,
                    )?,
                })
            })
            .collect()
    }
}
