//! Organisations, users and API tokens: creating them, and recognising the caller of a
//! request. Passwords are hashed with argon2id; tokens are 256 random bits shown once and
//! stored as SHA-256 digests.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::sync::LazyLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};
use resettle_domain::access::{OrganisationKind, Role};
use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::CutOff;
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::audit::succeeded;
use super::limits::Limited;
use super::{Caller, Permission};
use crate::{App, AppError};

/// A user as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    /// Login name.
    pub username: String,
    /// Roles, sorted; listed comma-separated (`case-officer,medical-officer`), as they are
    /// given to `resettle user add`.
    #[serde(serialize_with = "comma_separated")]
    pub roles: Vec<Role>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Whether the account is disabled.
    pub disabled: bool,
    /// When it was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Lists roles comma-separated, as `resettle user list` has always shown them.
fn comma_separated<S: serde::Serializer>(roles: &[Role], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&Role::list(roles))
}

/// An organisation as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    /// Its name, which users and cases refer to.
    pub name: String,
    /// What kind of body it is.
    pub kind: OrganisationKind,
}

/// Passwords shorter than this, once spaces at either end are set aside, are refused
/// (OWASP ASVS 2.1.1): twelve spaces are no password.
const MIN_PASSWORD_CHARS: usize = 12;

const TOKEN_PREFIX: &str = "rst_";

/// Common passwords from breaches (ASVS 2.1.7), one a line, lowercase: the list Django
/// ships as `django/contrib/auth/common-passwords.txt.gz` (Django 5.2.19 on PyPI, BSD-3-
/// Clause; 20,000 passwords compiled by Royce Williams from breach corpora, less Django's
/// own removals). Most are shorter than [`MIN_PASSWORD_CHARS`] and already refused for
/// that; the list is kept whole so that it stays the named file and holds if the minimum
/// ever changes.
const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

static COMMON: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| COMMON_PASSWORDS.lines().map(str::trim).collect());

/// Why a password is refused, if it is (ASVS 2.1): too short once trimmed, one character
/// repeated, or one of the common breached passwords whatever its case.
fn password_weakness(password: &str) -> Option<Refusal> {
    let trimmed = password.trim();
    let first = trimmed.chars().next();
    let got = trimmed.chars().count();
    let kind = if got < MIN_PASSWORD_CHARS {
        RefusalKind::TooShort {
            min: MIN_PASSWORD_CHARS,
            got,
        }
    } else if trimmed.chars().all(|c| Some(c) == first) {
        RefusalKind::OneCharacterRepeated
    } else if COMMON.contains(trimmed.to_lowercase().as_str()) {
        RefusalKind::CommonPassword
    } else {
        return None;
    };
    Some(Refusal::of("password", kind))
}

fn hash_password(password: &str) -> Result<String, AppError> {
    if let Some(refusal) = password_weakness(password) {
        return Err(refusal.into());
    }
    hash_secret("password", password)
}

/// An argon2id hash of a secret a person types (a password, a family's access code), as
/// the PHC string stored; `field` names it if hashing fails (a fault of the server).
pub(crate) fn hash_secret(field: &str, secret: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(&format!("hashing the {field}"), e))
}

/// A new user name as stored: folded to lowercase and limited to ASCII letters, digits
/// and `. _ - @`, so that names differ only in what a reader sees as different. Case
/// folding stops `Case-Officer` beside `case-officer`; the ASCII limit stops Unicode
/// look-alikes (a Cyrillic `а` for a Latin `a`, fullwidth letters) outright, which is
/// simpler and stricter than normalising them (NFKC does not map Cyrillic to Latin).
pub(crate) fn username_of(typed: &str) -> Result<String, AppError> {
    let name = typed.trim().to_ascii_lowercase();
    if name.is_empty() {
        return Err(Refusal::of("username", RefusalKind::Missing).into());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-@".contains(c))
    {
        return Err(Refusal::of(
            "username",
            RefusalKind::Characters {
                given: typed.trim().to_string(),
                others: ". _ - @".into(),
            },
        )
        .into());
    }
    Ok(name)
}

/// The audit detail of a change that cut a user off: what changed and what it ended.
fn cut_off(what: &str, cut: CutOff) -> String {
    format!(
        "{what}; {} session(s) ended, {} token(s) revoked",
        cut.sessions, cut.tokens
    )
}

/// The SHA-256 digest under which a token or session cookie is stored.
pub(crate) fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// 256 random bits as hex: tokens, session cookies, CSRF tokens.
pub(crate) fn random_hex() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal("no randomness available", e))?;
    Ok(hex::encode(bytes))
}

/// Whether `password` matches a stored hash.
pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash checked against when the username is unknown, so that a refusal takes as long
/// for a name that does not exist as for a wrong password.
pub(crate) static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("a password nobody has, for timing only").unwrap_or_default());

/// An organisation to add, checked, with the audit entry recording it.
pub(crate) struct NewOrganisation {
    /// Its name, trimmed.
    pub name: String,
    /// Its kind.
    pub kind: OrganisationKind,
    /// The entry recording that `caller` added it.
    pub entry: resettle_storage::NewAuditEntry,
}

impl NewOrganisation {
    /// Refuses an unknown kind or an empty name.
    pub(crate) fn of(caller: &Caller, name: &str, kind: &str) -> Result<Self, AppError> {
        let kind: OrganisationKind = kind.parse()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Refusal::of("name", RefusalKind::Missing).into());
        }
        Ok(NewOrganisation {
            name: name.to_string(),
            kind,
            entry: succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::Organisation,
                name,
                "",
                "added",
            ),
        })
    }
}

/// A user to add, checked, with its password hashed and the audit entry recording it.
pub(crate) struct NewUser {
    /// The name as stored (folded to lowercase).
    pub username: String,
    /// Its roles, sorted.
    pub roles: Vec<Role>,
    /// The password's hash.
    pub hash: String,
    /// The entry recording that `caller` added it.
    pub entry: resettle_storage::NewAuditEntry,
}

impl NewUser {
    /// Refuses a username, role list or password the rules refuse.
    pub(crate) fn of(
        caller: &Caller,
        username: &str,
        roles: &str,
        password: &str,
    ) -> Result<Self, AppError> {
        let username = username_of(username)?;
        let roles = Role::parse_list(roles)?;
        let hash = hash_password(password)?;
        let detail = format!("added with roles {}", Role::list(&roles));
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::User,
            &username,
            "",
            &detail,
        );
        Ok(NewUser {
            username,
            roles,
            hash,
            entry,
        })
    }
}

impl App {
    /// Adds an organisation.
    pub async fn add_organisation(
        &self,
        caller: &Caller,
        name: &str,
        kind: &str,
    ) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::ManageUsers,
            AuditEntity::Organisation,
            name,
        )
        .await?;
        let new = NewOrganisation::of(caller, name, kind)?;
        self.store
            .add_organisation(&new.name, new.kind.as_str(), &[new.entry])
            .await?;
        Ok(())
    }

    /// Adds a user with roles (`case-officer,medical-officer`) and a password; returns the
    /// name as stored (folded to lowercase), which is the one to sign in and refer by.
    pub async fn add_user(
        &self,
        caller: &Caller,
        username: &str,
        roles: &str,
        organisation: Option<&str>,
        password: &str,
    ) -> Result<String, AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, username)
            .await?;
        let new = NewUser::of(caller, username, roles, password)?;
        self.store
            .add_user(
                &new.username,
                &new.roles,
                organisation,
                &new.hash,
                &[new.entry],
            )
            .await?;
        Ok(new.username)
    }

    /// Every user.
    pub async fn users(&self, caller: &Caller) -> Result<Vec<UserSummary>, AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, "")
            .await?;
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

    /// Disables a user: sign-in stops, and every session and token ends at once (for
    /// good: re-enabling would not revive them).
    pub async fn disable_user(&self, caller: &Caller, username: &str) -> Result<(), AppError> {
        self.set_disabled(caller, username, true).await
    }

    /// Re-enables a disabled user, so they can sign in again. Sessions and tokens from
    /// before are cut off once more in the same transaction (none should be live): the
    /// user starts again from a fresh sign-in, never from a cookie or token issued before
    /// the account was disabled.
    pub async fn enable_user(&self, caller: &Caller, username: &str) -> Result<(), AppError> {
        self.set_disabled(caller, username, false).await
    }

    /// Disables or re-enables a user, cutting off every session and token either way, and
    /// records it.
    async fn set_disabled(
        &self,
        caller: &Caller,
        username: &str,
        disabled: bool,
    ) -> Result<(), AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, username)
            .await?;
        let what = if disabled { "disabled" } else { "re-enabled" };
        let entry = |cut: &CutOff| {
            vec![succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::User,
                username,
                "",
                &cut_off(what, *cut),
            )]
        };
        self.store
            .set_user_disabled(username, disabled, &entry)
            .await?;
        Ok(())
    }

    /// Every organisation with its kind, by name: what a new user can belong to.
    pub async fn organisations(&self, caller: &Caller) -> Result<Vec<Organisation>, AppError> {
        self.require(
            caller,
            Permission::ManageUsers,
            AuditEntity::Organisation,
            "",
        )
        .await?;
        self.store
            .organisations()
            .await?
            .into_iter()
            .map(|(name, kind)| {
                Ok(Organisation {
                    kind: kind.parse().map_err(|e: resettle_domain::ParseError| {
                        AppError::internal("the stored kind of an organisation", e)
                    })?,
                    name,
                })
            })
            .collect()
    }

    /// Sets a new password and ends every session and token of the user, in the same
    /// transaction: a reset after a suspected theft must lock the thief out, not only
    /// change the password the thief no longer needs.
    pub async fn reset_password(
        &self,
        caller: &Caller,
        username: &str,
        password: &str,
    ) -> Result<(), AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, username)
            .await?;
        let hash = hash_password(password)?;
        let entry = |cut: &CutOff| {
            let detail = cut_off("password reset", *cut);
            vec![succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::User,
                username,
                "",
                &detail,
            )]
        };
        self.store
            .set_password_hash(username, &hash, &entry)
            .await?;
        Ok(())
    }

    /// Replaces a user's roles (`case-officer,medical-officer`) and ends every session and
    /// token of the user in the same transaction, since they carry the old roles.
    pub async fn change_roles(
        &self,
        caller: &Caller,
        username: &str,
        roles: &str,
    ) -> Result<(), AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, username)
            .await?;
        let roles = Role::parse_list(roles)?;
        let what = format!("roles set to {}", Role::list(&roles));
        let entry = |cut: &CutOff| {
            vec![succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::User,
                username,
                "",
                &cut_off(&what, *cut),
            )]
        };
        self.store.set_user_roles(username, &roles, &entry).await?;
        Ok(())
    }

    /// Issues an API token for a user, valid for `expires_days` (none: until revoked) and
    /// limited to `roles` if given (each must be one the user holds). The token is
    /// returned once and only its digest is kept.
    pub async fn create_token(
        &self,
        caller: &Caller,
        username: &str,
        roles: Option<&str>,
        expires_days: Option<u32>,
    ) -> Result<String, AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, username)
            .await?;
        let held = self
            .store
            .login_row(username)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("user {username} does not exist")))?
            .user
            .roles;
        let roles = match roles {
            None => None,
            Some(r) => {
                let wanted = Role::parse_list(r)?;
                if let Some(extra) = wanted.iter().find(|w| !held.contains(w)) {
                    return Err(Refusal::of(
                        "roles",
                        RefusalKind::RoleNotHeld {
                            role: extra.as_str().to_string(),
                        },
                    )
                    .into());
                }
                Some(wanted)
            }
        };
        let token = format!("{TOKEN_PREFIX}{}", random_hex()?);
        let expires = expires_days.map(|d| self.now() + Duration::days(i64::from(d)));
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::ApiToken,
            username,
            "",
            "issued",
        );
        self.store
            .add_token(
                username,
                &digest(&token),
                roles.as_deref(),
                expires,
                &[entry],
            )
            .await?;
        Ok(token)
    }

    /// Revokes every token of a user.
    pub async fn revoke_tokens(&self, caller: &Caller, username: &str) -> Result<u64, AppError> {
        self.require(caller, Permission::ManageUsers, AuditEntity::User, username)
            .await?;
        let entry = |n: &u64| {
            let detail = format!("{n} revoked");
            vec![succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::ApiToken,
                username,
                "",
                &detail,
            )]
        };
        Ok(self.store.revoke_tokens(username, &entry).await?)
    }

    /// The caller holding this token; refused alike for unknown, expired, revoked and
    /// disabled, so a probe learns nothing about which.
    pub async fn authenticate_token(&self, token: &str, source: &str) -> Result<Caller, AppError> {
        let refused = || AppError::Unauthorized("a valid API token is required".into());
        // An address past its allowance of bad tokens is refused before any look-up, and
        // unrecorded: 2,000 bad tokens once wrote 2,000 entries in a second and a half.
        self.check_not_over(Limited::BadToken, source)?;
        let user = if token.starts_with(TOKEN_PREFIX) {
            self.store.user_by_token(&digest(token), self.now()).await?
        } else {
            None
        };
        let Some(user) = user else {
            self.admit(Limited::BadToken, source).await?;
            self.record(
                &Caller::anonymous(source),
                resettle_storage::NewAuditEntry {
                    action: AuditAction::Login.as_str().into(),
                    entity: AuditEntity::ApiToken.as_str().into(),
                    outcome: "failed".into(),
                    detail: "unknown, expired or revoked token".into(),
                    ..Default::default()
                },
            )
            .await?;
            return Err(refused());
        };
        Ok(Caller {
            roles: user.roles,
            username: user.username,
            organisation: user.organisation,
            source: source.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn weak_passwords_are_refused_with_the_reason() {
        for (password, reason) in [
            ("            ", "too_short"),
            ("   ten chars!   ", "too_short"),
            ("aaaaaaaaaaaa", "one_character_repeated"),
            ("QWERTY123456", "common_password"),
            (" 1q2w3e4r5t6y ", "common_password"),
        ] {
            let e = password_weakness(password).expect("refused");
            assert_eq!((e.field.as_ref(), e.kind.as_str()), ("password", reason));
        }
        assert_eq!(password_weakness("a phrase of several words"), None);
        assert!(COMMON.len() > 19_000, "the whole list is loaded");
    }

    #[test]
    fn user_names_are_folded_and_ascii() {
        assert_eq!(username_of(" Case-Officer ").unwrap(), "case-officer");
        for bad in ["", "cаse-officer", "ｃase", "a b", "x/y"] {
            let e = username_of(bad).unwrap_err().to_string();
            assert!(e.contains("username"), "{bad:?}: {e}");
        }
    }
}
