//! Organisations, users and API tokens. Only hashes are stored; hashing and checking are
//! done by the app layer.
use resettle_domain::access::Role;
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::unique::taken;
use crate::{AuditOf, Backend, NewAuditEntry, OpenImport, StorageError, Store, codec};

/// A user as stored (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    /// Login name.
    pub username: String,
    /// Roles, sorted and without repeats.
    pub roles: Vec<Role>,
    /// The organisation, if any.
    pub organisation: Option<String>,
    /// Whether the account is disabled.
    pub disabled: bool,
    /// When it was created.
    pub created_at: OffsetDateTime,
}

fn user(r: &sqlx::any::AnyRow) -> Result<UserRow, StorageError> {
    Ok(UserRow {
        username: r.try_get(0)?,
        roles: codec::parse_roles("users.roles", &r.try_get::<String, _>(1)?)?,
        organisation: r.try_get(2)?,
        disabled: r.try_get::<i64, _>(3)? == 1,
        created_at: codec::parse_timestamp("users.created_at", &r.try_get::<String, _>(4)?)?,
    })
}

/// A lock's end as read back (`CAST(locked_until AS TEXT)`), if the user has one.
fn locked_until(stored: Option<String>) -> Result<Option<OffsetDateTime>, StorageError> {
    stored
        .map(|t| codec::parse_timestamp("users.locked_until", &t))
        .transpose()
}

fn one_user(rows_affected: u64, username: &str) -> Result<(), StorageError> {
    if rows_affected == 0 {
        return Err(StorageError::Missing {
            what: "user",
            key: username.to_string(),
        });
    }
    Ok(())
}

const USER_COLUMNS: &str = "u.username, u.roles, o.name, CAST(u.disabled AS INTEGER), \
     CAST(u.created_at AS TEXT)";

const USER_FROM: &str = "FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id";

impl Store {
    /// Adds an organisation; a name already used is refused.
    pub async fn add_organisation(
        &self,
        name: &str,
        kind: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        insert_organisation(&mut tx, name, kind).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Every organisation as (name, kind), by name.
    pub async fn organisations(&self) -> Result<Vec<(String, String)>, StorageError> {
        sqlx::query("SELECT name, kind FROM organisations ORDER BY name")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    /// Adds a user; a username already used (in any case), or an unknown organisation, is
    /// refused.
    pub async fn add_user(
        &self,
        username: &str,
        roles: &[Role],
        organisation: Option<&str>,
        password_hash: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let created_at = codec::timestamp(self.now());
        insert_user(
            &mut tx,
            self.backend,
            username,
            roles,
            organisation,
            password_hash,
            &created_at,
        )
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Every user, by name.
    pub async fn users(&self) -> Result<Vec<UserRow>, StorageError> {
        let sql = AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} {USER_FROM} ORDER BY u.username"
        ));
        sqlx::query(sql)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(user)
            .collect()
    }

    /// Disables or re-enables a user. Either way the user's sessions end and tokens are
    /// revoked in the same transaction, so re-enabling never revives a cookie or token
    /// issued before the account was disabled.
    pub async fn set_user_disabled(
        &self,
        username: &str,
        disabled: bool,
        audit: AuditOf<'_, CutOff>,
    ) -> Result<CutOff, StorageError> {
        let update = sqlx::query("UPDATE users SET disabled = $1 WHERE username = $2")
            .bind(disabled)
            .bind(username.to_string());
        self.change_user(update, username, audit).await
    }

    /// Replaces a user's password hash, and ends every session and token of the user in
    /// the same transaction: whoever held the old password may have signed in with it.
    pub async fn set_password_hash(
        &self,
        username: &str,
        hash: &str,
        audit: AuditOf<'_, CutOff>,
    ) -> Result<CutOff, StorageError> {
        let update = sqlx::query("UPDATE users SET password_hash = $1 WHERE username = $2")
            .bind(hash.to_string())
            .bind(username.to_string());
        self.change_user(update, username, audit).await
    }

    /// Replaces a user's roles, and ends every session and token of the user in the same
    /// transaction: they carry the old roles.
    pub async fn set_user_roles(
        &self,
        username: &str,
        roles: &[Role],
        audit: AuditOf<'_, CutOff>,
    ) -> Result<CutOff, StorageError> {
        let update = sqlx::query("UPDATE users SET roles = $1 WHERE username = $2")
            .bind(Role::list(roles))
            .bind(username.to_string());
        self.change_user(update, username, audit).await
    }

    /// Runs `update` (a change to one user's row) and cuts off the user's sessions and
    /// tokens in the same write transaction.
    async fn change_user(
        &self,
        update: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
        username: &str,
        audit: AuditOf<'_, CutOff>,
    ) -> Result<CutOff, StorageError> {
        let mut tx = self.begin_write().await?;
        let done = update.execute(&mut *tx).await?;
        one_user(done.rows_affected(), username)?;
        let cut = cut_off(&mut tx, self.backend, username, self.now()).await?;
        let head = self.append_audit_in(&mut tx, &audit(&cut)).await?;
        tx.commit().await?;
        self.tokens.forget_all();
        self.committed(head);
        Ok(cut)
    }

    /// Stores an API token's digest for a user, limited to `roles` if given.
    pub async fn add_token(
        &self,
        username: &str,
        token_hash: &str,
        roles: Option<&[Role]>,
        expires_at: Option<OffsetDateTime>,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let user_id: i64 = sqlx::query("SELECT id FROM users WHERE username = $1")
            .bind(username.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StorageError::Missing {
                what: "user",
                key: username.to_string(),
            })?
            .try_get(0)?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at, roles) \
             VALUES ($1, $2, {}, {}, $5)",
            self.backend.time_param("$3"),
            self.backend.time_param("$4")
        )))
        .bind(user_id)
        .bind(token_hash.to_string())
        .bind(codec::timestamp(self.now()))
        .bind(expires_at.map(codec::timestamp))
        .bind(roles.map(Role::list))
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// The enabled user holding an unexpired, unrevoked token with this digest, with the
    /// token's roles if it is limited to some. A token verified in the last few seconds is
    /// answered from memory (`token_cache`).
    pub async fn user_by_token(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<UserRow>, StorageError> {
        if let Some(user) = self.tokens.get(token_hash, now) {
            return Ok(Some(user));
        }
        let generation = self.tokens.generation();
        // The placeholder is cast, never the column: the token is found by its digest's
        // index, and the expiry compares moment with moment.
        let sql = AssertSqlSafe(format!(
            "SELECT u.username, COALESCE(t.roles, u.roles), o.name, CAST(u.disabled AS INTEGER), \
             CAST(u.created_at AS TEXT), CAST(t.expires_at AS TEXT) \
             {USER_FROM} JOIN api_tokens t ON t.user_id = u.id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled \
               AND (t.expires_at IS NULL OR t.expires_at > {})",
            self.backend.time_param("$2")
        ));
        let Some(row) = sqlx::query(sql)
            .bind(token_hash.to_string())
            .bind(codec::timestamp(now))
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let found = user(&row)?;
        let expires_at = row
            .try_get::<Option<String>, _>(5)?
            .map(|t| codec::parse_timestamp("api_tokens.expires_at", &t))
            .transpose()?;
        self.tokens
            .keep(token_hash, generation, now, found.clone(), expires_at);
        Ok(Some(found))
    }

    /// Revokes every token of a user.
    pub async fn revoke_tokens(
        &self,
        username: &str,
        audit: AuditOf<'_, u64>,
    ) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let n = revoke_tokens_of(&mut tx, self.backend, username, self.now()).await?;
        let head = self.append_audit_in(&mut tx, &audit(&n)).await?;
        tx.commit().await?;
        self.tokens.forget_all();
        self.committed(head);
        Ok(n)
    }
}

/// What cutting a user off ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CutOff {
    /// Live sessions ended.
    pub sessions: u64,
    /// Live tokens revoked.
    pub tokens: u64,
}

/// Ends every live session and revokes every live token of a user, on the caller's
/// connection (so inside the caller's transaction).
async fn cut_off(
    conn: &mut AnyConnection,
    backend: Backend,
    username: &str,
    now: OffsetDateTime,
) -> Result<CutOff, StorageError> {
    let sessions = sqlx::query(AssertSqlSafe(format!(
        "UPDATE sessions SET ended_at = {} WHERE ended_at IS NULL \
         AND user_id = (SELECT id FROM users WHERE username = $2)",
        backend.time_param("$1")
    )))
    .bind(codec::timestamp(now))
    .bind(username.to_string())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let tokens = revoke_tokens_of(conn, backend, username, now).await?;
    Ok(CutOff { sessions, tokens })
}

async fn revoke_tokens_of(
    conn: &mut AnyConnection,
    backend: Backend,
    username: &str,
    now: OffsetDateTime,
) -> Result<u64, StorageError> {
    Ok(sqlx::query(AssertSqlSafe(format!(
        "UPDATE api_tokens SET revoked_at = {} WHERE revoked_at IS NULL \
         AND user_id = (SELECT id FROM users WHERE username = $2)",
        backend.time_param("$1")
    )))
    .bind(codec::timestamp(now))
    .bind(username.to_string())
    .execute(conn)
    .await?
    .rows_affected())
}

/// The two steps of signing in, each with its own count of failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInStep {
    /// The password.
    Password,
    /// The one-time code of the second factor.
    Code,
}

impl SignInStep {
    fn column(self) -> &'static str {
        match self {
            SignInStep::Password => "failed_logins",
            SignInStep::Code => "failed_codes",
        }
    }
}

/// What charging a sign-in attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// No such user; nothing was counted.
    UnknownUser,
    /// The account is locked until then; nothing was counted.
    Locked {
        /// The end of the lock.
        until: OffsetDateTime,
    },
    /// Counted: the step's failures including this attempt, and the lock it set, if any.
    Charged {
        /// Failures of this step in a row, this attempt included until it passes.
        count: i64,
        /// The lock this attempt set (the count reached the step's limit).
        lock: Option<OffsetDateTime>,
    },
}

/// What sign-in needs to know about a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRow {
    /// The user as listed.
    pub user: UserRow,
    /// The argon2id hash.
    pub password_hash: String,
    /// Failed sign-ins since the last success.
    pub failed_logins: i64,
    /// Locked until then, after too many failures.
    pub locked_until: Option<OffsetDateTime>,
    /// The second-factor secret, encrypted with the data key.
    pub totp_secret: Option<String>,
    /// The last time step a one-time password was accepted for (no replays).
    pub totp_last_step: Option<i64>,
}

impl Store {
    /// The sign-in record of a user, disabled or not.
    pub async fn login_row(&self, username: &str) -> Result<Option<LoginRow>, StorageError> {
        let sql = AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, u.password_hash, u.failed_logins, CAST(u.locked_until AS TEXT), \
             u.totp_secret, u.totp_last_step {USER_FROM} WHERE u.username = $1"
        ));
        let Some(r) = sqlx::query(sql)
            .bind(username.to_string())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(LoginRow {
            user: user(&r)?,
            password_hash: r.try_get(5)?,
            failed_logins: r.try_get(6)?,
            locked_until: locked_until(r.try_get(7)?)?,
            totp_secret: r.try_get(8)?,
            totp_last_step: r.try_get(9)?,
        }))
    }

    /// Charges one attempt at a sign-in step to the user *before* it is checked, in one
    /// write transaction, so that attempts sent in parallel cannot all pass the lock check
    /// before any of them is counted: an account locked at `now` is refused uncounted;
    /// otherwise the step's count goes up by one and, where `lock` gives a time for the new
    /// count, the account is locked until then at once. A success later takes the charge
    /// back with [`Store::sign_in_step_passed`].
    pub async fn charge_sign_in_attempt(
        &self,
        username: &str,
        step: SignInStep,
        now: OffsetDateTime,
        lock: impl Fn(i64) -> Option<OffsetDateTime>,
    ) -> Result<Attempt, StorageError> {
        let column = step.column();
        let mut tx = self.begin_write().await?;
        let sql = AssertSqlSafe(format!(
            "UPDATE users SET {column} = {column} + 1 WHERE username = $1 \
             RETURNING {column}, CAST(locked_until AS TEXT)"
        ));
        let Some(row) = sqlx::query(sql)
            .bind(username.to_string())
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(Attempt::UnknownUser);
        };
        let count: i64 = row.try_get(0)?;
        if let Some(until) = locked_until(row.try_get(1)?)?
            && until > now
        {
            tx.rollback().await?;
            return Ok(Attempt::Locked { until });
        }
        let lock = lock(count);
        if let Some(until) = lock {
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE users SET locked_until = {} WHERE username = $2",
                self.backend.time_param("$1")
            )))
            .bind(codec::timestamp(until))
            .bind(username.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Attempt::Charged { count, lock })
    }

    /// Takes back the charge of an attempt that passed its step: that step's count goes
    /// to zero, and a lock that this very attempt set (`its_lock`) is lifted. A lock set
    /// by the other step stays: a right password never lifts a lock earned by wrong codes.
    pub async fn sign_in_step_passed(
        &self,
        username: &str,
        step: SignInStep,
        its_lock: Option<OffsetDateTime>,
    ) -> Result<(), StorageError> {
        let column = step.column();
        let sql = AssertSqlSafe(format!(
            "UPDATE users SET {column} = 0, locked_until = CASE WHEN locked_until = {} \
             THEN NULL ELSE locked_until END WHERE username = $2",
            self.backend.time_param("$1")
        ));
        sqlx::query(sql)
            .bind(its_lock.map(codec::timestamp))
            .bind(username.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores (or, with `None`, removes) a user's encrypted second-factor secret.
    pub async fn set_totp_secret(
        &self,
        username: &str,
        secret: Option<&str>,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let update = totp_update(username, secret);
        // No user, no change to record (the refusal names the user).
        let done = self
            .execute_audited(update, &|n| if *n == 0 { vec![] } else { audit.to_vec() })
            .await?;
        one_user(done, username)
    }

    /// Records the time step of an accepted one-time password, only if it is later than
    /// the last one; false means the code was already used (a replay), even by a
    /// concurrent request.
    pub async fn use_totp_step(&self, username: &str, step: i64) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE username = $2 \
             AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(username.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Every user with an encrypted second-factor secret, for key rotation.
    pub async fn totp_secrets(&self) -> Result<Vec<(String, String)>, StorageError> {
        sqlx::query("SELECT username, totp_secret FROM users WHERE totp_secret IS NOT NULL")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }
}

impl Store {
    /// Whether an organisation of this name exists.
    pub async fn organisation_exists(&self, name: &str) -> Result<bool, StorageError> {
        organisation_exists_in(&mut *self.pool.acquire().await?, name).await
    }
}

/// The demo's organisations and users, added in its import's transaction, so that a load
/// refused on the way leaves none of them either. Their audit entries go with the
/// import's commit.
impl OpenImport<'_> {
    /// Adds an organisation; a name already used is refused.
    pub async fn add_organisation(&mut self, name: &str, kind: &str) -> Result<(), StorageError> {
        insert_organisation(self.conn(), name, kind).await
    }

    /// Whether an organisation of this name exists, as the import has it so far.
    pub async fn organisation_exists(&mut self, name: &str) -> Result<bool, StorageError> {
        organisation_exists_in(self.conn(), name).await
    }

    /// Adds a user with an encrypted second-factor secret; a username already used, or
    /// an unknown organisation, is refused.
    pub async fn add_user(
        &mut self,
        username: &str,
        roles: &[Role],
        organisation: Option<&str>,
        password_hash: &str,
        totp_secret: &str,
    ) -> Result<(), StorageError> {
        let created_at = codec::timestamp(self.store().now());
        let backend = self.store().backend;
        let conn = self.conn();
        insert_user(
            conn,
            backend,
            username,
            roles,
            organisation,
            password_hash,
            &created_at,
        )
        .await?;
        totp_update(username, Some(totp_secret))
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

async fn insert_organisation(
    conn: &mut AnyConnection,
    name: &str,
    kind: &str,
) -> Result<(), StorageError> {
    sqlx::query("INSERT INTO organisations (name, kind) VALUES ($1, $2)")
        .bind(name.to_string())
        .bind(kind.to_string())
        .execute(&mut *conn)
        .await
        .map_err(taken("organisation", name))?;
    Ok(())
}

async fn organisation_exists_in(
    conn: &mut AnyConnection,
    name: &str,
) -> Result<bool, StorageError> {
    let n: i64 = sqlx::query("SELECT COUNT(*) FROM organisations WHERE name = $1")
        .bind(name.to_string())
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    Ok(n > 0)
}

/// Inserts a user of `organisation` (refused when unknown) created at `created_at`; a
/// username already used is refused.
async fn insert_user(
    conn: &mut AnyConnection,
    backend: Backend,
    username: &str,
    roles: &[Role],
    organisation: Option<&str>,
    password_hash: &str,
    created_at: &str,
) -> Result<(), StorageError> {
    let organisation_id: Option<i64> = match organisation {
        None => None,
        Some(name) => Some(
            sqlx::query("SELECT id FROM organisations WHERE name = $1")
                .bind(name.to_string())
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| StorageError::Missing {
                    what: "organisation",
                    key: name.to_string(),
                })?
                .try_get(0)?,
        ),
    };
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO users (username, organisation_id, roles, password_hash, disabled, created_at) \
         VALUES ($1, $2, $3, $4, FALSE, {})",
        backend.time_param("$5")
    )))
    .bind(username.to_string())
    .bind(organisation_id)
    .bind(Role::list(roles))
    .bind(password_hash.to_string())
    .bind(created_at.to_string())
    .execute(&mut *conn)
    .await
    .map_err(taken("user", username))?;
    Ok(())
}

/// The statement that stores (or, with `None`, removes) a user's encrypted second-factor
/// secret, forgetting the last time step used.
fn totp_update<'q>(
    username: &str,
    secret: Option<&str>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    sqlx::query("UPDATE users SET totp_secret = $1, totp_last_step = NULL WHERE username = $2")
        .bind(secret.map(str::to_string))
        .bind(username.to_string())
}
