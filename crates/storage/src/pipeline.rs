//! A programme's cases as the capacity forecast reads them: each case's persons, where it
//! stands now (and at which kind of reception place), the day it entered each state, and
//! its reception stays.
use std::collections::HashMap;

use resettle_domain::case::CaseState;
use sqlx::{AssertSqlSafe, Row};
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
    /// Each stay since arrival (`centre`, `loi`, `municipality`, `sponsor`, `home`) with
    /// the day it began and the day it ended, if it has; oldest first.
    pub stays: Vec<(String, Date, Option<Date>)>,
}

impl Store {
    /// Every case of a programme with its history, in one pass over the programme's events.
    pub async fn pipeline_cases(&self, programme: &str) -> Result<Vec<PipelineCase>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.id, c.family_size, c.state, r.kind, e.to_state, CAST({} AS TEXT) \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
               LEFT JOIN reception_places r ON r.id = c.reception_place_id \
               JOIN case_events e ON e.case_id = c.id \
              WHERE g.code = $1 \
              ORDER BY c.id, e.seq",
            self.backend.day_of("e.at")
        )))
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<PipelineCase> = Vec::new();
        let mut ids: HashMap<i64, usize> = HashMap::new();
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            if let std::collections::hash_map::Entry::Vacant(e) = ids.entry(id) {
                e.insert(out.len());
                out.push(PipelineCase {
                    family_size: r.try_get(1)?,
                    state: parse_word("cases.state", &r.try_get::<String, _>(2)?)?,
                    place_kind: r.try_get(3)?,
                    entries: Vec::new(),
                    stays: Vec::new(),
                });
            }
            let state = parse_word("case_events.to_state", &r.try_get::<String, _>(4)?)?;
            let on = parse_date("case_events.at", &r.try_get::<String, _>(5)?)?;
            out.last_mut()
                .expect("pushed above")
                .entries
                .push((state, on));
        }
        self.add_stays(programme, &mut out, &ids).await?;
        Ok(out)
    }

    /// Each case's stays, in one pass over the programme's stays.
    async fn add_stays(
        &self,
        programme: &str,
        cases: &mut [PipelineCase],
        ids: &HashMap<i64, usize>,
    ) -> Result<(), StorageError> {
        let rows = sqlx::query(
            "SELECT s.case_id, s.kind, CAST(s.from_on AS TEXT), CAST(s.until_on AS TEXT) \
               FROM stays s JOIN cases c ON c.id = s.case_id \
               JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 \
              ORDER BY s.case_id, s.from_on, s.id",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let Some(&i) = ids.get(&r.try_get::<i64, _>(0)?) else {
                continue;
            };
            let until: Option<String> = r.try_get(3)?;
            cases[i].stays.push((
                r.try_get(1)?,
                parse_date("stays.from_on", &r.try_get::<String, _>(2)?)?,
                until
                    .map(|u| parse_date("stays.until_on", &u))
                    .transpose()?,
            ));
        }
        Ok(())
    }
}
