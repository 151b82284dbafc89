//! Saved fair-share scenarios: a plan's inputs and result under a name.
use sqlx::{AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::unique::taken;
use crate::{NewAuditEntry, StorageError, Store, codec};

/// A saved scenario. Inputs and result are kept as the JSON the app layer wrote, so a
/// scenario shows what was computed then, even after reference data changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioRow {
    /// Unique name given by the planner.
    pub name: String,
    /// The plan inputs, JSON.
    pub inputs: String,
    /// The plan result, JSON.
    pub result: String,
    /// When it was saved.
    pub saved_at: OffsetDateTime,
}

impl Store {
    /// Saves a scenario; a name already used is refused.
    pub async fn save_scenario(
        &self,
        name: &str,
        inputs: &str,
        result: &str,
        saved_by: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO fair_share_scenarios (name, inputs, result, saved_at, saved_by) \
             VALUES ($1, $2, $3, {}, $5)",
            self.backend.time_param("$4")
        )))
        .bind(name.to_string())
        .bind(inputs.to_string())
        .bind(result.to_string())
        .bind(codec::timestamp(self.now()))
        .bind(saved_by.to_string())
        .execute(&mut *tx)
        .await
        .map_err(taken("scenario", name))?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Every saved scenario, oldest first.
    pub async fn scenarios(&self) -> Result<Vec<ScenarioRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT name, inputs, result, CAST(saved_at AS TEXT) FROM fair_share_scenarios \
             ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ScenarioRow {
                    name: r.try_get(0)?,
                    inputs: r.try_get(1)?,
                    result: r.try_get(2)?,
                    saved_at: codec::parse_timestamp(
                        "fair_share_scenarios.saved_at",
                        &r.try_get::<String, _>(3)?,
                    )?,
                })
            })
            .collect()
    }

    /// Deletes a scenario by name.
    pub async fn delete_scenario(
        &self,
        name: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM fair_share_scenarios WHERE name = $1")
            .bind(name.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::Missing {
                what: "scenario",
                key: name.to_string(),
            });
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}
