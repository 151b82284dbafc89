//! Signing in to the web UI: password, lockout, second factor, sessions with time-outs.
//!
//! A session cookie is 256 random bits; only its SHA-256 digest is stored, so a database
//! dump cannot be replayed as a session. A new session is created at every sign-in (the
//! old cookie is never reused), it ends after [`IDLE`] without a request or [`ABSOLUTE`]
//! after sign-in, and logout ends it in the database.
use resettle_domain::access::Role;
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_storage::{Attempt, NewAuditEntry, SignInStep};
use time::{Duration, OffsetDateTime};

use super::Caller;
use super::audit::{by, succeeded};
use super::limits::Limited;
use super::users::{digest, random_hex};
use crate::{App, AppError};

/// A session ends after this long without a request (OWASP ASVS 3.3.2 for level 2).
pub const IDLE: Duration = Duration::minutes(30);
/// A session ends this long after sign-in whatever its activity (ASVS 3.3.4).
pub const ABSOLUTE: Duration = Duration::hours(12);
/// A request is recorded on its session (for [`IDLE`]) when the last one recorded is at
/// least this old: a page then writes nothing to read its session, where a write (and,
/// for the commit, a flush to disk) on every request took up to 17 ms of a page under
/// load. The idle time-out counts from the last request recorded, so a session may end
/// up to this much before [`IDLE`] of real idleness, never after.
pub const RECORDED_EVERY: Duration = Duration::minutes(1);
/// Failed passwords in a row that lock the account (for a minute, doubling after each
/// further failure).
pub const FAILURES_BEFORE_LOCK: i64 = 5;
/// Failed one-time codes in a row that lock the account (for five minutes, doubling):
/// tighter than passwords, because a code has only a million values and a password step
/// never resets this count. At most a handful of guesses a day remain.
pub const FAILED_CODES_BEFORE_LOCK: i64 = 3;

/// The roles that must give a second factor by default: every role that sees personal
/// data, runs users or reads the trail. Planners see aggregates only.
pub const SECOND_FACTOR_ROLES: &[Role] = &[
    Role::Admin,
    Role::UnhcrLiaison,
    Role::CaseOfficer,
    Role::MedicalOfficer,
    Role::ReceptionOfficer,
    Role::Municipality,
    Role::Sponsor,
    Role::SupportProvider,
    Role::Auditor,
];

/// A new session, as sign-in returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// The cookie value, to send once and never store.
    pub cookie: String,
    /// Whether the user must still give a one-time password before anything else.
    pub needs_second_factor: bool,
}

/// A live, fully signed-in or half signed-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The user.
    pub caller: Caller,
    /// The token every state-changing form must carry.
    pub csrf_token: String,
    /// Whether the second factor is still owed.
    pub needs_second_factor: bool,
}

const REFUSED: &str = "sign-in refused: wrong username or password, or the account is locked \
                       after repeated failures (try again later)";

/// How long an account stays locked after `failures` failures of a step in a row: `first`
/// once they reach `limit`, doubling with each further one, at most a day.
fn lock_for(failures: i64, limit: i64, first: Duration) -> Option<Duration> {
    (failures >= limit).then(|| {
        let doublings = (failures - limit).min(11) as i32;
        (first * 2_i32.pow(doublings as u32)).min(Duration::days(1))
    })
}

/// The lock after `failures` wrong passwords in a row.
fn password_lock(failures: i64) -> Option<Duration> {
    lock_for(failures, FAILURES_BEFORE_LOCK, Duration::minutes(1))
}

/// The lock after `failures` wrong one-time codes in a row.
fn code_lock(failures: i64) -> Option<Duration> {
    lock_for(failures, FAILED_CODES_BEFORE_LOCK, Duration::minutes(5))
}

/// The trail's entry for a failed sign-in step of `username` (as typed, cut to 64
/// characters: a name nobody has is the caller's own words).
fn sign_in_failed(username: &str, detail: String) -> NewAuditEntry {
    NewAuditEntry {
        action: AuditAction::Login.as_str().into(),
        entity: AuditEntity::User.as_str().into(),
        entity_id: username.chars().take(64).collect(),
        outcome: "failed".into(),
        detail,
        ..Default::default()
    }
}

impl App {
    /// Checks a password and starts a session. Unknown users, wrong passwords, disabled
    /// and locked accounts get the same answer after the same work (a password check on a
    /// blocking thread: against a stand-in hash where there is nothing to check), so
    /// neither answer nor timing tells which it was; the trail records it. An address past
    /// its allowance of attempts is refused at once.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        source: &str,
    ) -> Result<NewSession, AppError> {
        self.admit(Limited::SignIn, source).await?;
        let now = self.now();
        // Names are stored lowercase (`Case-Officer` signs in as `case-officer`); a name
        // stored with capitals before that rule is still found as typed.
        let folded = username.trim().to_ascii_lowercase();
        let row = match self.store.login_row(&folded).await? {
            Some(row) => Some(row),
            None => self.store.login_row(username).await?,
        };
        let stored_name = row.as_ref().map(|r| r.user.username.clone());
        let username = stored_name.as_deref().unwrap_or(username);
        let actor = Caller {
            username: if row.is_some() {
                username.to_string()
            } else {
                "anonymous".into()
            },
            roles: Vec::new(),
            organisation: None,
            source: source.to_string(),
        };
        let fail = |detail: String| sign_in_failed(username, detail);
        // Spends the time of a real check, so timing does not tell why a sign-in failed.
        let as_if_checked = || self.check_password(password, &super::users::DUMMY_HASH);
        let Some(row) = row else {
            as_if_checked().await?;
            self.record(&actor, fail("unknown user".into())).await?;
            return Err(AppError::Unauthorized(REFUSED.into()));
        };
        if row.user.disabled {
            as_if_checked().await?;
            self.record(&actor, fail("account disabled".into())).await?;
            return Err(AppError::Unauthorized(REFUSED.into()));
        }
        // Counted before it is checked, so parallel guesses cannot slip past the lock.
        let (failures, its_lock) = match self
            .store
            .charge_sign_in_attempt(username, SignInStep::Password, now, |n| {
                password_lock(n).map(|d| now + d)
            })
            .await?
        {
            Attempt::Charged { count, lock } => (count, lock),
            Attempt::Locked { until } => {
                as_if_checked().await?;
                self.record(&actor, fail(format!("account locked until {until}")))
                    .await?;
                return Err(AppError::Unauthorized(REFUSED.into()));
            }
            Attempt::UnknownUser => {
                as_if_checked().await?;
                self.record(&actor, fail("unknown user".into())).await?;
                return Err(AppError::Unauthorized(REFUSED.into()));
            }
        };
        if !self.check_password(password, &row.password_hash).await? {
            let detail = match its_lock {
                Some(t) => format!("wrong password ({failures} in a row); locked until {t}"),
                None => format!("wrong password ({failures} in a row)"),
            };
            self.record(&actor, fail(detail)).await?;
            return Err(AppError::Unauthorized(REFUSED.into()));
        }
        self.store
            .sign_in_step_passed(username, SignInStep::Password, its_lock)
            .await?;
        let needs_second_factor = row
            .user
            .roles
            .iter()
            .any(|r| self.security.second_factor_roles.contains(r));
        if needs_second_factor && row.totp_secret.is_none() {
            self.record(&actor, fail("no second factor enrolled".into()))
                .await?;
            return Err(AppError::Unauthorized(format!(
                "your roles require a second factor and none is enrolled; ask an \
                 administrator to run `resettle user totp {username}`"
            )));
        }
        let cookie = random_hex()?;
        let csrf = random_hex()?;
        let entry = succeeded(
            &actor,
            AuditAction::Login,
            AuditEntity::User,
            username,
            "",
            if needs_second_factor {
                "password accepted; second factor owed"
            } else {
                "signed in"
            },
        );
        self.store
            .create_session(
                &digest(&cookie),
                username,
                &csrf,
                !needs_second_factor,
                now,
                &|_| vec![entry.clone()],
            )
            .await?;
        Ok(NewSession {
            cookie,
            needs_second_factor,
        })
    }

    /// Checks the one-time password of a half signed-in session. A code is accepted once
    /// (a replay within its 90-second window is refused). Wrong codes are counted on their
    /// own, never reset by a right password: [`FAILED_CODES_BEFORE_LOCK`] of them lock the
    /// account and end the half session, and a locked account is refused at this step as
    /// at the password step. A right code moves the session to a new cookie (returned,
    /// to send in place of the old one, which stops working) and a new CSRF token
    /// (ASVS 3.2.1), so nothing seen before the second factor outlives it.
    pub async fn second_factor(
        &self,
        cookie: &str,
        code: &str,
        source: &str,
    ) -> Result<String, AppError> {
        self.admit(Limited::SignIn, source).await?;
        let session = self.session(cookie, source).await?;
        let now = self.now();
        let username = session.caller.username.clone();
        let row = self
            .store
            .login_row(&username)
            .await?
            .ok_or_else(|| AppError::Unauthorized(REFUSED.into()))?;
        let secret = match &row.totp_secret {
            Some(s) => self.decrypt_secret(&username, s)?,
            None => return Err(AppError::Unauthorized(REFUSED.into())),
        };
        let refused = |detail: String| sign_in_failed(&username, detail);
        let (failures, its_lock) = match self
            .store
            .charge_sign_in_attempt(&username, SignInStep::Code, now, |n| {
                code_lock(n).map(|d| now + d)
            })
            .await?
        {
            Attempt::Charged { count, lock } => (count, lock),
            Attempt::Locked { until } => {
                let entry = by(
                    &session.caller,
                    refused(format!(
                        "one-time code refused: account locked until {until}"
                    )),
                );
                self.store
                    .end_session(&digest(cookie), now, &|_| vec![entry.clone()])
                    .await?;
                return Err(AppError::Unauthorized(REFUSED.into()));
            }
            Attempt::UnknownUser => return Err(AppError::Unauthorized(REFUSED.into())),
        };
        let unix = u64::try_from(now.unix_timestamp()).unwrap_or(0);
        let last = row.totp_last_step.and_then(|s| u64::try_from(s).ok());
        let matched = resettle_secure::totp::verify(&secret, code, unix, last);
        let accepted = match matched {
            Some(step) => {
                self.store
                    .use_totp_step(&username, i64::try_from(step).unwrap_or(i64::MAX))
                    .await?
            }
            None => false,
        };
        if !accepted {
            match its_lock {
                Some(t) => {
                    let entry = by(
                        &session.caller,
                        refused(format!(
                            "wrong or reused one-time password ({failures} in a row); locked \
                             until {t}"
                        )),
                    );
                    self.store
                        .end_session(&digest(cookie), now, &|_| vec![entry.clone()])
                        .await?;
                }
                None => {
                    let detail = format!("wrong or reused one-time password ({failures} in a row)");
                    self.record(&session.caller, refused(detail)).await?;
                }
            }
            return Err(AppError::Unauthorized(if its_lock.is_some() {
                REFUSED.into()
            } else {
                "that code is wrong or was already used; wait for the next one".into()
            }));
        }
        self.store
            .sign_in_step_passed(&username, SignInStep::Code, its_lock)
            .await?;
        let renewed = random_hex()?;
        if !self
            .store
            .renew_after_second_factor(
                &digest(cookie),
                &digest(&renewed),
                &random_hex()?,
                &|renewed| {
                    // Renewed, or the session had ended meanwhile (refused, nothing to record).
                    (*renewed == 1)
                        .then(|| {
                            succeeded(
                                &session.caller,
                                AuditAction::Login,
                                AuditEntity::User,
                                &username,
                                "",
                                "second factor accepted; signed in on a new session cookie",
                            )
                        })
                        .into_iter()
                        .collect()
                },
            )
            .await?
        {
            return Err(AppError::Unauthorized(REFUSED.into()));
        }
        Ok(renewed)
    }

    /// The session behind a cookie, if it is live: not ended, not idle too long, not too
    /// old, its user not disabled. A timed-out session is ended on the spot.
    pub async fn session(&self, cookie: &str, source: &str) -> Result<Session, AppError> {
        let mut s = self.live_session(cookie, self.now()).await?;
        s.caller.source = source.to_string();
        Ok(s)
    }

    async fn live_session(&self, cookie: &str, now: OffsetDateTime) -> Result<Session, AppError> {
        let expired = || AppError::Unauthorized("your session has ended; sign in again".into());
        let id = digest(cookie);
        let row = self.store.session(&id).await?.ok_or_else(expired)?;
        if now - row.last_seen > self.security.idle || now - row.created_at > self.security.absolute
        {
            // Ended by time: no act of anyone's, so no entry.
            self.store.end_session(&id, now, &|_| vec![]).await?;
            return Err(expired());
        }
        if now - row.last_seen >= RECORDED_EVERY {
            self.store.touch_session(&id, now).await?;
        }
        Ok(Session {
            caller: Caller {
                roles: row.roles,
                username: row.username,
                organisation: row.organisation,
                source: String::new(),
            },
            csrf_token: row.csrf_token,
            needs_second_factor: !row.second_factor_done,
        })
    }

    /// The language the user signed in with this cookie chose on another visit, if any: a
    /// user who picked Dutch reads Dutch on every device they sign in on.
    pub async fn language_of(&self, cookie: &str) -> Result<Option<String>, AppError> {
        Ok(self.store.session_language(&digest(cookie)).await?)
    }

    /// Keeps the language chosen by the user signed in with this cookie (an ISO 639-1
    /// code of a language the pages are written in; the web layer checks which).
    pub async fn choose_language(&self, cookie: &str, language: &str) -> Result<(), AppError> {
        if language.len() != 2 || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(resettle_domain::Refusal::of(
                "language",
                resettle_domain::RefusalKind::NotALanguage {
                    given: language.to_string(),
                },
            )
            .into());
        }
        Ok(self
            .store
            .set_session_language(&digest(cookie), language)
            .await?)
    }

    /// Ends a session server-side.
    pub async fn logout(&self, cookie: &str, caller: &Caller) -> Result<(), AppError> {
        let entry = succeeded(
            caller,
            AuditAction::Logout,
            AuditEntity::User,
            &caller.username,
            "",
            "",
        );
        self.store
            .end_session(&digest(cookie), self.now(), &|_| vec![entry.clone()])
            .await?;
        Ok(())
    }

    /// Enrols (or replaces) a user's second factor and returns the `otpauth://` URI and
    /// the base32 secret to put in an authenticator app. The secret is stored encrypted
    /// with the data key.
    pub async fn enrol_totp(
        &self,
        caller: &Caller,
        username: &str,
    ) -> Result<(String, String), AppError> {
        self.require(
            caller,
            super::Permission::ManageUsers,
            AuditEntity::User,
            username,
        )
        .await?;
        let secret = resettle_secure::totp::new_secret();
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::User,
            username,
            "totp_secret",
            "second factor enrolled",
        );
        self.set_totp_secret(username, &secret, &[entry]).await?;
        Ok((
            resettle_secure::totp::otpauth_uri("resettle", username, &secret),
            resettle_secure::totp::base32(&secret),
        ))
    }

    /// Stores a second-factor secret, encrypted under the user's name.
    pub(crate) async fn set_totp_secret(
        &self,
        username: &str,
        secret: &[u8],
        audit: &[NewAuditEntry],
    ) -> Result<(), AppError> {
        let sealed = self.sealed_totp_secret(username, secret)?;
        Ok(self
            .store
            .set_totp_secret(username, Some(&sealed), audit)
            .await?)
    }

    /// A second-factor secret encrypted with the data key, bound to `username`.
    pub(crate) fn sealed_totp_secret(
        &self,
        username: &str,
        secret: &[u8],
    ) -> Result<String, AppError> {
        Ok(self
            .keys()?
            .encrypt(secret, totp_context(username).as_bytes()))
    }

    fn decrypt_secret(&self, username: &str, sealed: &str) -> Result<Vec<u8>, AppError> {
        self.keys()?
            .decrypt(sealed, totp_context(username).as_bytes())
            .map_err(|e| AppError::internal(&format!("the second factor of {username}"), e))
    }
}

/// What a second-factor secret is bound to, so it cannot be moved to another user's row.
pub(crate) fn totp_context(username: &str) -> String {
    format!("users.totp_secret:{username}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockout_starts_at_the_fifth_failure_and_grows() {
        assert_eq!(password_lock(4), None);
        assert_eq!(password_lock(5), Some(Duration::minutes(1)));
        assert_eq!(password_lock(7), Some(Duration::minutes(4)));
        assert_eq!(password_lock(100), Some(Duration::days(1)));
    }

    #[test]
    fn wrong_codes_lock_sooner_and_longer() {
        assert_eq!(code_lock(2), None);
        assert_eq!(code_lock(3), Some(Duration::minutes(5)));
        assert_eq!(code_lock(5), Some(Duration::minutes(20)));
        assert_eq!(code_lock(100), Some(Duration::days(1)));
    }
}
