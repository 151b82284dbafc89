//! Organisations, users and API tokens: creating them, and recognising the caller of a
//! request. Passwords are hashed with argon2id; tokens are 256 random bits shown once and
//! stored as SHA-256 digests.
use argon2::Argon2;
use argon2::password_hash::PasswordHasher;
use resettle_domain::access::{OrganisationKind, Role};
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::{App, AppError};

/// Who is calling: the user behind a token (or, with the access-control work, a session).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    /// Login name, recorded as the actor of every change.
    pub username: String,
    /// Roles held.
    pub roles: Vec<Role>,
    /// Organisation, if any.
    pub organisation: Option<String>,
}

/// A user as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    /// Login name.
    pub username: String,
    /// Roles, comma-separated.
    pub roles: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Whether the account is disabled.
    pub disabled: bool,
    /// When it was created.
    pub created_at: String,
}

/// Passwords shorter than this are refused (OWASP ASVS 2.1.1).
const MIN_PASSWORD_CHARS: usize = 12;

const TOKEN_PREFIX: &str = "rst_";

fn hash_password(password: &str) -> Result<String, AppError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::Invalid(format!(
            "password: at least {MIN_PASSWORD_CHARS} characters are required"
        )));
    }
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::Invalid(format!("password: cannot be hashed: {e}")))
}

fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl App {
    /// Adds an organisation.
    pub async fn add_organisation(&self, name: &str, kind: &str) -> Result<(), AppError> {
        let kind: OrganisationKind = kind
            .parse()
            .map_err(|e: resettle_domain::ParseError| AppError::Invalid(e.to_string()))?;
        if name.trim().is_empty() {
            return Err(AppError::Invalid("name: is empty".into()));
        }
        Ok(self
            .store
            .add_organisation(name.trim(), kind.as_str())
            .await?)
    }

    /// Adds a user with roles (`case-officer,medical-officer`) and a password.
    pub async fn add_user(
        &self,
        username: &str,
        roles: &str,
        organisation: Option<&str>,
        password: &str,
    ) -> Result<(), AppError> {
        let username = username.trim();
        if username.is_empty()
            || !username
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c))
        {
            return Err(AppError::Invalid(format!(
                "username: {username:?} must be letters, digits and . _ - @"
            )));
        }
        let roles = Role::parse_list(roles).map_err(|e| AppError::Invalid(e.to_string()))?;
        let words: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        let hash = hash_password(password)?;
        Ok(self
            .store
            .add_user(username, &words.join(","), organisation, &hash)
            .await?)
    }

    /// Every user.
    pub async fn users(&self) -> Result<Vec<UserSummary>, AppError> {
        Ok(self
            .store
            .users()
            .await?
            .into_iter()
            .map(|u| UserSummary {
                username: u.username,
                roles: u.roles,
                organisation: u.organisation,
                disabled: u.disabled,
                created_at: u.created_at,
            })
            .collect())
    }

    /// Disables a user: logins and tokens stop working at once.
    pub async fn disable_user(&self, username: &str) -> Result<(), AppError> {
        Ok(self.store.set_user_disabled(username, true).await?)
    }

    /// Sets a new password.
    pub async fn reset_password(&self, username: &str, password: &str) -> Result<(), AppError> {
        let hash = hash_password(password)?;
        Ok(self.store.set_password_hash(username, &hash).await?)
    }

    /// Issues an API token for a user, valid for `expires_days` (none: until revoked).
    /// The token is returned once and only its digest is kept.
    pub async fn create_token(
        &self,
        username: &str,
        expires_days: Option<u32>,
    ) -> Result<String, AppError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| AppError::Invalid(format!("no randomness available: {e}")))?;
        let token = format!("{TOKEN_PREFIX}{}", hex::encode(bytes));
        let expires =
            expires_days.map(|d| OffsetDateTime::now_utc() + Duration::days(i64::from(d)));
        self.store
            .add_token(username, &digest(&token), expires)
            .await?;
        Ok(token)
    }

    /// Revokes every token of a user.
    pub async fn revoke_tokens(&self, username: &str) -> Result<u64, AppError> {
        Ok(self.store.revoke_tokens(username).await?)
    }

    /// The caller holding this token; refused alike for unknown, expired, revoked and
    /// disabled, so a probe learns nothing about which.
    pub async fn authenticate_token(&self, token: &str) -> Result<Caller, AppError> {
        let refused = || AppError::Unauthorized("a valid API token is required".into());
        if !token.starts_with(TOKEN_PREFIX) {
            return Err(refused());
        }
        let user = self
            .store
            .user_by_token(&digest(token), OffsetDateTime::now_utc())
            .await?
            .ok_or_else(refused)?;
        Ok(Caller {
            roles: Role::parse_list(&user.roles).map_err(|e| AppError::Invalid(e.to_string()))?,
            username: user.username,
            organisation: user.organisation,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::PasswordHash;
    use argon2::password_hash::PasswordVerifier;

    /// Whether `password` matches a stored hash, as sign-in will check it.
    fn verify_password(password: &str, hash: &str) -> bool {
        PasswordHash::new(hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
    }

    #[test]
    fn a_password_hash_verifies_only_its_password() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse battery!", &h));
    }

    #[test]
    fn short_passwords_are_refused() {
        let e = hash_password("short").unwrap_err().to_string();
        assert!(e.contains("password") && e.contains("12"), "{e}");
    }
}
