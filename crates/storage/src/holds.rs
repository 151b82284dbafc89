//! Programme holds: the days a programme stops, and why.
use resettle_domain::case::{CaseState, Promise};
use resettle_domain::hold::ProgrammeHold;
use sqlx::{AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::cases::{PROMISE_COLUMNS, promise};
use crate::codec::{date, parse_date, parse_timestamp, parse_word, timestamp};
use crate::reference::programme_id;
use crate::{AuditOf, StorageError, Store};

/// A hold as recorded, with who recorded it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldRow {
    /// Its number, in the order holds were recorded.
    pub id: i64,
    /// The hold.
    pub hold: ProgrammeHold,
    /// Who recorded it.
    pub recorded_by: String,
    /// When.
    pub recorded_at: OffsetDateTime,
}

impl Store {
    /// Records a hold of a programme; returns its number.
    pub async fn add_hold(
        &self,
        programme: &str,
        hold: &ProgrammeHold,
        recorded_by: &str,
        now: OffsetDateTime,
        audit: AuditOf<'_, i64>,
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id = programme_id(&mut tx, programme).await?;
        let id: i64 = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO programme_holds \
             (programme_id, starts_on, ends_on, reason, note, recorded_by, recorded_at) \
             VALUES ($1, date($2), date($3), $4, $5, $6, {}) RETURNING id",
            self.backend.time_param("$7")
        )))
        .bind(programme_id)
        .bind(date(hold.from))
        .bind(date(hold.until))
        .bind(hold.reason.clone())
        .bind(hold.note.clone())
        .bind(recorded_by.to_string())
        .bind(timestamp(now))
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let head = self.append_audit_in(&mut tx, &audit(&id)).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(id)
    }

    /// A programme's holds, earliest first.
    pub async fn holds(&self, programme: &str) -> Result<Vec<HoldRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT h.id, CAST(h.starts_on AS TEXT), CAST(h.ends_on AS TEXT), h.reason, h.note, \
             h.recorded_by, CAST(h.recorded_at AS TEXT) \
             FROM programme_holds h JOIN programmes p ON p.id = h.programme_id \
             WHERE p.code = $1 ORDER BY h.starts_on, h.id",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HoldRow {
                    id: r.try_get(0)?,
                    hold: ProgrammeHold {
                        from: parse_date("programme_holds.starts_on", &r.try_get::<String, _>(1)?)?,
                        until: parse_date("programme_holds.ends_on", &r.try_get::<String, _>(2)?)?,
                        reason: r.try_get(3)?,
                        note: r.try_get(4)?,
                    },
                    recorded_by: r.try_get(5)?,
                    recorded_at: parse_timestamp(
                        "programme_holds.recorded_at",
                        &r.try_get::<String, _>(6)?,
                    )?,
                })
            })
            .collect()
    }

    /// The promises in force (the latest of their kind on their case) of a programme's
    /// cases with a date from `from` to `until`, each with its case's number and state:
    /// the promises a hold over those days may break.
    pub async fn promises_between(
        &self,
        programme: &str,
        from: time::Date,
        until: time::Date,
    ) -> Result<Vec<(String, CaseState, Promise)>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.case_number, c.state, {PROMISE_COLUMNS} \
               FROM promises p JOIN cases c ON c.id = p.case_id \
               JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND p.promised_date >= date($2) \
                AND p.promised_date <= date($3) \
                AND NOT EXISTS (SELECT 1 FROM promises q \
                                 WHERE q.case_id = p.case_id AND q.kind = p.kind AND q.id > p.id) \
              ORDER BY c.case_number, p.id"
        )))
        .bind(programme.to_string())
        .bind(date(from))
        .bind(date(until))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0)?,
                    parse_word("cases.state", &r.try_get::<String, _>(1)?)?,
                    promise(r, 2)?,
                ))
            })
            .collect()
    }
}
