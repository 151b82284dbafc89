//! Browser sessions: a digest of the cookie, the user, the CSRF token, and the times the
//! app layer needs for idle and absolute time-outs.
use resettle_domain::access::Role;
use sqlx::{AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::{AuditOf, StorageError, Store, codec};

/// A live session with its user (only while the session has not ended and the user is
/// not disabled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Login name.
    pub username: String,
    /// Roles, sorted and without repeats.
    pub roles: Vec<Role>,
    /// Organisation.
    pub organisation: Option<String>,
    /// The token every state-changing form must carry.
    pub csrf_token: String,
    /// When it began.
    pub created_at: OffsetDateTime,
    /// Last request.
    pub last_seen: OffsetDateTime,
    /// Whether the second factor has been given.
    pub second_factor_done: bool,
}

impl Store {
    /// Starts a session for a user.
    pub async fn create_session(
        &self,
        id_hash: &str,
        username: &str,
        csrf_token: &str,
        second_factor_done: bool,
        now: OffsetDateTime,
        audit: AuditOf<'_, u64>,
    ) -> Result<(), StorageError> {
        let now = codec::timestamp(now);
        let at = self.backend.time_param("$3");
        let insert = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, \
             second_factor_done) \
             SELECT $1, id, $2, {at}, {at}, $4 FROM users WHERE username = $5"
        )))
        .bind(id_hash.to_string())
        .bind(csrf_token.to_string())
        .bind(now)
        .bind(second_factor_done)
        .bind(username.to_string());
        self.execute_audited(insert, audit).await?;
        Ok(())
    }

    /// The live session with this digest.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>, StorageError> {
        let Some(r) = sqlx::query(
            "SELECT u.username, u.roles, o.name, s.csrf_token, CAST(s.created_at AS TEXT), \
             CAST(s.last_seen AS TEXT), CAST(s.second_factor_done AS INTEGER) \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             LEFT JOIN organisations o ON o.id = u.organisation_id \
             WHERE s.id_hash = $1 AND s.ended_at IS NULL AND NOT u.disabled",
        )
        .bind(id_hash.to_string())
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        Ok(Some(SessionRow {
            username: r.try_get(0)?,
            roles: codec::parse_roles("users.roles", &r.try_get::<String, _>(1)?)?,
            organisation: r.try_get(2)?,
            csrf_token: r.try_get(3)?,
            created_at: codec::parse_timestamp("sessions.created_at", &r.try_get::<String, _>(4)?)?,
            last_seen: codec::parse_timestamp("sessions.last_seen", &r.try_get::<String, _>(5)?)?,
            second_factor_done: r.try_get::<i64, _>(6)? == 1,
        }))
    }

    /// The language the user behind a live session chose, if any: read without touching
    /// the session, so choosing a page's language costs no write.
    pub async fn session_language(&self, id_hash: &str) -> Result<Option<String>, StorageError> {
        Ok(sqlx::query(
            "SELECT u.language FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.id_hash = $1 AND s.ended_at IS NULL AND NOT u.disabled",
        )
        .bind(id_hash.to_string())
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get::<Option<String>, _>(0))
        .transpose()?
        .flatten())
    }

    /// Keeps the language the user behind a live session chose.
    pub async fn set_session_language(
        &self,
        id_hash: &str,
        language: &str,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "UPDATE users SET language = $1 WHERE id = \
             (SELECT user_id FROM sessions WHERE id_hash = $2 AND ended_at IS NULL)",
        )
        .bind(language.to_string())
        .bind(id_hash.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a request on a session (for the idle time-out).
    pub async fn touch_session(
        &self,
        id_hash: &str,
        now: OffsetDateTime,
    ) -> Result<(), StorageError> {
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE sessions SET last_seen = {} WHERE id_hash = $2",
            self.backend.time_param("$1")
        )))
        .bind(codec::timestamp(now))
        .bind(id_hash.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Marks the second factor as given and moves the live session to a new cookie
    /// digest and CSRF token, so that a cookie or token seen before the second factor
    /// (planted, or read over a shoulder) is worthless once the user is fully signed in.
    /// False if the session was no longer live.
    pub async fn renew_after_second_factor(
        &self,
        id_hash: &str,
        new_id_hash: &str,
        new_csrf_token: &str,
        audit: AuditOf<'_, u64>,
    ) -> Result<bool, StorageError> {
        let update = sqlx::query(
            "UPDATE sessions SET id_hash = $1, csrf_token = $2, second_factor_done = TRUE \
             WHERE id_hash = $3 AND ended_at IS NULL",
        )
        .bind(new_id_hash.to_string())
        .bind(new_csrf_token.to_string())
        .bind(id_hash.to_string());
        Ok(self.execute_audited(update, audit).await? == 1)
    }

    /// Ends a session (logout or time-out); it can never be used again.
    pub async fn end_session(
        &self,
        id_hash: &str,
        now: OffsetDateTime,
        audit: AuditOf<'_, u64>,
    ) -> Result<(), StorageError> {
        let update = sqlx::query(AssertSqlSafe(format!(
            "UPDATE sessions SET ended_at = {} WHERE id_hash = $2 AND ended_at IS NULL",
            self.backend.time_param("$1")
        )))
        .bind(codec::timestamp(now))
        .bind(id_hash.to_string());
        self.execute_audited(update, audit).await?;
        Ok(())
    }
}
