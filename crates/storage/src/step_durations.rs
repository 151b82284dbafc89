//! The stays of every case in every state, counted: what the duration table behind the
//! families' estimates is built from. Counted in the database (one row per group, state,
//! length and ending), so 100,000 cases and their 800,000 events come back as a few
//! thousand rows.
use resettle_domain::case::CaseState;
use resettle_domain::country::CountryCode;
use resettle_domain::statistics::durations::{ComparableGroup, Spell};
use sqlx::{AssertSqlSafe, Row};
use time::Date;

use crate::codec::{corrupt, date, parse_word};
use crate::{StorageError, Store};

impl Store {
    /// Every stay of a case in a state, counted by comparable group (programme, channel,
    /// priority, country of asylum), state, length in days and whether it ended; a stay
    /// still going on lasts until `today`.
    pub async fn step_spells(
        &self,
        today: Date,
    ) -> Result<Vec<(ComparableGroup, CaseState, Spell, u32)>, StorageError> {
        let days = self
            .backend
            .days_between("COALESCE(s.left_on, date($1))", "s.entered");
        let sql = format!(
            "WITH s AS (\
               SELECT e.case_id, e.to_state AS state, {day} AS entered, \
                      LEAD({day}) OVER (PARTITION BY e.case_id ORDER BY e.seq) AS left_on \
                 FROM case_events e) \
             SELECT p.code, c.channel, c.priority, c.country_of_asylum, s.state, {days} AS days, \
                    CASE WHEN s.left_on IS NULL THEN 0 ELSE 1 END AS ended, COUNT(*) AS n \
               FROM s JOIN cases c ON c.id = s.case_id \
               JOIN programmes p ON p.id = c.programme_id \
              GROUP BY p.code, c.channel, c.priority, c.country_of_asylum, s.state, days, ended",
            day = self.backend.day_of("e.at"),
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(date(today))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let country: String = r.try_get(3)?;
                let group = ComparableGroup {
                    programme: r.try_get(0)?,
                    channel: parse_word("cases.channel", &r.try_get::<String, _>(1)?)?,
                    priority: parse_word("cases.priority", &r.try_get::<String, _>(2)?)?,
                    country_of_asylum: CountryCode::parse("country_of_asylum", &country)
                        .map_err(|e| corrupt("cases.country_of_asylum", &country, e))?,
                };
                let state = parse_word("case_events.to_state", &r.try_get::<String, _>(4)?)?;
                let days: i64 = r.try_get(5)?;
                let spell = Spell {
                    days: u32::try_from(days.max(0)).unwrap_or(u32::MAX),
                    ended: r.try_get::<i64, _>(6)? == 1,
                };
                let n: i64 = r.try_get(7)?;
                Ok((group, state, spell, u32::try_from(n).unwrap_or(u32::MAX)))
            })
            .collect()
    }
}
