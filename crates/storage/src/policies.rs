//! Custom policy profiles, kept as the text the user wrote (checked by the app layer).
use sqlx::{AssertSqlSafe, Row};

use crate::unique::taken;
use crate::{NewAuditEntry, StorageError, Store, codec};

impl Store {
    /// Stores a profile's text under its name; a name already stored is refused.
    pub async fn add_policy_profile(
        &self,
        name: &str,
        text: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO policy_profiles (name, text, added_at) VALUES ($1, $2, {})",
            self.backend.time_param("$3")
        )))
        .bind(name.to_string())
        .bind(text.to_string())
        .bind(codec::timestamp(self.now()))
        .execute(&mut *tx)
        .await
        .map_err(taken("policy profile", name))?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// The text of a stored profile.
    pub async fn policy_profile_text(&self, name: &str) -> Result<Option<String>, StorageError> {
        Ok(
            sqlx::query("SELECT text FROM policy_profiles WHERE name = $1")
                .bind(name.to_string())
                .fetch_optional(&self.pool)
                .await?
                .map(|r| r.try_get(0))
                .transpose()?,
        )
    }

    /// Every stored profile's text, by name.
    pub async fn policy_profile_texts(&self) -> Result<Vec<String>, StorageError> {
        sqlx::query("SELECT text FROM policy_profiles ORDER BY name")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok(r.try_get(0)?))
            .collect()
    }
}
