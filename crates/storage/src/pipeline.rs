//! A programme's cases as the capacity forecast reads them: each case's persons, where it
//! stands now (and at which kind of reception place), and the day it entered each state.
use resettle_domain::case::CaseState;
use sqlx::Row;
use time::Date;

use crate::codec::{parse_date, parse_word};
use crate::{StorageError, Store};

/// One case of a programme, without personal details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineCase {
    /// Persons in the case.
    pub family_size: i64,
    /// Where it stands now.
    pub state: CaseState,
    /// The kind of reception place it is at now (`centre`, `loi`, `municipality`), if any.
    pub place_kind: Option<String>,
    /// Each state entered, with the day, oldest first.
    pub entries: Vec<(CaseState, Date)>,
}

impl Store {
    /// Every case of a programme with its history, in one pass over the programme's events.
    pub async fn pipeline_cases(&self, programme: &str) -> Result<Vec<PipelineCase>, StorageError> {
        let rows = sqlx::query(
            "SELECT c.id, c.family_size, c.state, r.kind, e.to_state, substr(e.at, 1, 10) \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
               LEFT JOIN reception_places r ON r.id = c.reception_place_id \
               JOIN case_events e ON e.case_id = c.id \
              WHERE g.code = $1 \
              ORDER BY c.id, e.seq",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<PipelineCase> = Vec::new();
        let mut last_id = None;
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            if last_id != Some(id) {
                last_id = Some(id);
                out.push(PipelineCase {
                    family_size: r.try_get(1)?,
                    state: parse_word("cases.state", &r.try_get::<String, _>(2)?)?,
                    place_kind: r.try_get(3)?,
                    entries: Vec::new(),
                });
            }
            let state = parse_word("case_events.to_state", &r.try_get::<String, _>(4)?)?;
            let on = parse_date("case_events.at", &r.try_get::<String, _>(5)?)?;
            out.last_mut()
                .expect("pushed above")
                .entries
                .push((state, on));
        }
        Ok(out)
    }
}
