//! Programme holds: the days a programme stops, and why.
use resettle_domain::hold::ProgrammeHold;
use sqlx::Row;
use time::OffsetDateTime;

use crate::codec::{date, parse_date, timestamp};
use crate::reference::programme_id;
use crate::{StorageError, Store};

/// A hold as recorded, with who recorded it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldRow {
    /// Its number, in the order holds were recorded.
    pub id: i64,
    /// The hold.
    pub hold: ProgrammeHold,
    /// Who recorded it.
    pub recorded_by: String,
    /// When (RFC 3339).
    pub recorded_at: String,
}

impl Store {
    /// Records a hold of a programme; returns its number.
    pub async fn add_hold(
        &self,
        programme: &str,
        hold: &ProgrammeHold,
        recorded_by: &str,
        now: OffsetDateTime,
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id = programme_id(&mut tx, programme).await?;
        let id: i64 = sqlx::query(
            "INSERT INTO programme_holds \
             (programme_id, starts_on, ends_on, reason, note, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
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
        tx.commit().await?;
        Ok(id)
    }

    /// A programme's holds, earliest first.
    pub async fn holds(&self, programme: &str) -> Result<Vec<HoldRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT h.id, h.starts_on, h.ends_on, h.reason, h.note, h.recorded_by, \
             h.recorded_at FROM programme_holds h JOIN programmes p ON p.id = h.programme_id \
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
                    recorded_at: r.try_get(6)?,
                })
            })
            .collect()
    }
}
