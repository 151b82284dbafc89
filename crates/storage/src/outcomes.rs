//! Integration outcomes: recorded per adult, read back per placement for the fitted model.
use resettle_domain::outcomes::Outcome;
use sqlx::Row;
use time::Date;

use crate::{StorageError, Store, codec};

/// One adult's outcome to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutcome {
    /// UNHCR case number.
    pub case_number: String,
    /// The family member.
    pub member_no: u32,
    /// 12 or 18 months after arrival.
    pub months: u32,
    /// Whether the adult had work.
    pub employed: bool,
    /// When it was recorded.
    pub recorded_on: Date,
}

impl Store {
    /// Records outcomes in one transaction (a later record of the same member and follow-up
    /// replaces the earlier one); an unknown case or member refuses the whole batch.
    pub async fn record_outcomes(&self, outcomes: &[NewOutcome]) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        for o in outcomes {
            let case_id: i64 = sqlx::query(
                "SELECT c.id FROM cases c JOIN family_members f ON f.case_id = c.id \
                 WHERE c.case_number = $1 AND f.member_no = $2",
            )
            .bind(o.case_number.clone())
            .bind(i64::from(o.member_no))
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StorageError::Missing {
                what: "family member",
                key: format!("{} member {}", o.case_number, o.member_no),
            })?
            .try_get(0)?;
            sqlx::query(
                "DELETE FROM integration_outcomes WHERE case_id = $1 AND member_no = $2 \
                 AND months = $3",
            )
            .bind(case_id)
            .bind(i64::from(o.member_no))
            .bind(i64::from(o.months))
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO integration_outcomes (case_id, member_no, months, employed, \
                 recorded_on) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(case_id)
            .bind(i64::from(o.member_no))
            .bind(i64::from(o.months))
            .bind(i64::from(o.employed))
            .bind(codec::date(o.recorded_on))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The outcomes at `months` of a programme's families, with the place each family was
    /// placed at (cases without a place are left out).
    pub async fn placement_outcomes(
        &self,
        programme: &str,
        months: u32,
    ) -> Result<Vec<Outcome>, StorageError> {
        sqlx::query(
            "SELECT r.code, r.region, o.employed FROM integration_outcomes o \
               JOIN cases c ON c.id = o.case_id \
               JOIN programmes g ON g.id = c.programme_id \
               JOIN reception_places r ON r.id = c.reception_place_id \
              WHERE g.code = $1 AND o.months = $2 \
              ORDER BY c.case_number, o.member_no",
        )
        .bind(programme.to_string())
        .bind(i64::from(months))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Outcome {
                place: r.try_get(0)?,
                region: r.try_get(1)?,
                employed: r.try_get::<i64, _>(2)? == 1,
            })
        })
        .collect()
    }
}
