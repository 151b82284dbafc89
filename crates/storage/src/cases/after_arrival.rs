//! The steps after arrival a family has done, each with its day.
use resettle_domain::case::CaseNumber;
use time::Date;

use super::write::current;
use crate::NewAuditEntry;
use crate::codec;
use crate::{StorageError, Store};

impl Store {
    /// Records the step after arrival `name` of a case as done on `on` (in place of an
    /// earlier day, which it corrects), with the `audit` entries in the same transaction.
    pub async fn record_after_arrival(
        &self,
        number: &CaseNumber,
        name: &str,
        on: Date,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        sqlx::query("DELETE FROM after_arrival_steps WHERE case_id = $1 AND name = $2")
            .bind(cur.id)
            .bind(name.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO after_arrival_steps (case_id, name, done_on) VALUES ($1, $2, date($3))",
        )
        .bind(cur.id)
        .bind(name.to_string())
        .bind(codec::date(on))
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}
