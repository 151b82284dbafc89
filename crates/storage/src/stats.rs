//! Counts of cases for dashboards and checks.
use resettle_domain::case::CaseState;
use sqlx::Row;

use crate::{StorageError, Store, codec};

/// Cases and persons in one lifecycle state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateCount {
    /// The state.
    pub state: CaseState,
    /// Cases in it.
    pub cases: i64,
    /// Persons in those cases: those who travel (or travelled), not members a split
    /// decision left behind.
    pub persons: i64,
}

impl Store {
    /// Cases and persons per current state, for every state (zero where none), in
    /// lifecycle order.
    pub async fn count_by_state(&self) -> Result<Vec<StateCount>, StorageError> {
        let rows = sqlx::query(
            "SELECT state, COUNT(*), CAST(SUM(travelling) AS BIGINT) FROM cases GROUP BY state",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut counts: Vec<StateCount> = CaseState::ALL
            .iter()
            .map(|&state| StateCount {
                state,
                cases: 0,
                persons: 0,
            })
            .collect();
        for r in &rows {
            let word: String = r.try_get(0)?;
            let state: CaseState = codec::parse_word("cases.state", &word)?;
            let slot = counts
                .iter_mut()
                .find(|c| c.state == state)
                .expect("ALL holds every state");
            slot.cases = r.try_get(1)?;
            slot.persons = r.try_get(2)?;
        }
        Ok(counts)
    }

    /// Number of cases in the database.
    pub async fn case_count(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM cases")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }
}
