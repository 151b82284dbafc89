//! A family's way in to its status page: the access code of each case (a hash of it) and
//! the short sessions the code opens, each for that one case.
use resettle_domain::case::CaseNumber;
use sqlx::{AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::cases::current;
use crate::{NewAuditEntry, StorageError, Store, codec};

/// A live family session: the one case it opens, and when it began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilySessionRow {
    /// The case the code was for.
    pub case_number: String,
    /// When the family signed in.
    pub created_at: OffsetDateTime,
}

impl Store {
    /// Puts a new code hash on a case in place of any old one, and ends every family
    /// session the old code opened, in one transaction: the old code and its sessions
    /// stop working together.
    pub async fn set_family_code(
        &self,
        number: &CaseNumber,
        code_hash: &str,
        issued_by: &str,
        now: OffsetDateTime,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let now = codec::timestamp(now);
        let mut tx = self.begin_write().await?;
        let case_id = current(&mut tx, number).await?.id;
        let at = self.backend.time_param("$3");
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO family_codes (case_id, code_hash, issued_at, issued_by) \
             VALUES ($1, $2, {at}, $4) \
             ON CONFLICT (case_id) DO UPDATE SET code_hash = excluded.code_hash, \
             issued_at = excluded.issued_at, issued_by = excluded.issued_by"
        )))
        .bind(case_id)
        .bind(code_hash.to_string())
        .bind(now.clone())
        .bind(issued_by.to_string())
        .execute(&mut *tx)
        .await?;
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE family_sessions SET ended_at = {} WHERE case_id = $2 AND ended_at IS NULL",
            self.backend.time_param("$1")
        )))
        .bind(now)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// The hash of a case's access code, if one was issued (and the case exists).
    pub async fn family_code_hash(
        &self,
        number: &CaseNumber,
    ) -> Result<Option<String>, StorageError> {
        Ok(sqlx::query(
            "SELECT f.code_hash FROM family_codes f JOIN cases c ON c.id = f.case_id \
             WHERE c.case_number = $1",
        )
        .bind(number.as_str().to_string())
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?)
    }

    /// Starts a family session for a case.
    pub async fn create_family_session(
        &self,
        id_hash: &str,
        number: &CaseNumber,
        now: OffsetDateTime,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case_id = current(&mut tx, number).await?.id;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO family_sessions (id_hash, case_id, created_at) VALUES ($1, $2, {})",
            self.backend.time_param("$3")
        )))
        .bind(id_hash.to_string())
        .bind(case_id)
        .bind(codec::timestamp(now))
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// The live family session with this digest.
    pub async fn family_session(
        &self,
        id_hash: &str,
    ) -> Result<Option<FamilySessionRow>, StorageError> {
        let Some(r) = sqlx::query(
            "SELECT c.case_number, CAST(s.created_at AS TEXT) FROM family_sessions s \
             JOIN cases c ON c.id = s.case_id WHERE s.id_hash = $1 AND s.ended_at IS NULL",
        )
        .bind(id_hash.to_string())
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        Ok(Some(FamilySessionRow {
            case_number: r.try_get(0)?,
            created_at: codec::parse_timestamp(
                "family_sessions.created_at",
                &r.try_get::<String, _>(1)?,
            )?,
        }))
    }

    /// Ends a family session (sign-out, time-out).
    pub async fn end_family_session(
        &self,
        id_hash: &str,
        now: OffsetDateTime,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE family_sessions SET ended_at = {} WHERE id_hash = $2 AND ended_at IS NULL",
            self.backend.time_param("$1")
        )))
        .bind(codec::timestamp(now))
        .bind(id_hash.to_string())
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}
