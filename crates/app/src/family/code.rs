//! A family's way in to its status page: an access code per case, issued by an officer
//! (on the case page, as a printed letter, or with `resettle case family-code`), and the
//! short session it opens for that one case.
//!
//! A code is 12 characters from 32 letters and digits nobody confuses when reading a
//! letter aloud or typing it on a phone (no 0, O, 1 or I), so 60 bits of randomness,
//! written in groups of four. Only its argon2id hash is stored, and issuing a new one
//! replaces it, ending the old code's sessions. Wrong codes are counted per case and per
//! address in windows that end ([`Limited::FamilyCodeCase`], [`Limited::FamilyCodeClient`]):
//! ten a quarter of an hour per case leave a guesser some 10^12 years for half the codes,
//! and never lock a family out for good. Every refusal says the same thing after the same
//! work, whether the case exists, has no code, or the code is wrong.
use resettle_domain::audit::{AuditAction, AuditEntity};
use time::{Duration, OffsetDateTime};

use crate::access::audit::succeeded;
use crate::access::limits::Limited;
use crate::access::users::{DUMMY_HASH, digest, hash_secret, random_hex};
use crate::cases::case_number;
use crate::{App, AppError, Caller, Permission};

/// The letters and digits of a code: 32, none that reads as another.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Characters in a code: 12 × 5 bits = 60 bits of randomness.
pub const CODE_LENGTH: usize = 12;

/// How long a family stays signed in to its page: long enough to read it, short enough
/// that a phone left behind does not stay open.
pub const FAMILY_SESSION: Duration = Duration::minutes(30);

/// The one refusal of a sign-in, whatever went wrong.
const REFUSED: &str = "the case number or the access code is wrong";

/// A code just issued: shown once (the letter, the command's output), never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCode {
    /// The case it opens.
    pub case_number: String,
    /// The code, in groups of four (`K7QM-2XHD-9RFT`).
    pub code: String,
    /// What the programme tells every family (its contact goes on the letter).
    pub texts: Option<resettle_domain::policy::FamilyInformation>,
    /// The languages of the principal applicant (ISO 639-1, as registered), so the
    /// letter can be printed in one the family reads.
    pub languages: Vec<String>,
    /// When it was issued.
    pub issued_at: OffsetDateTime,
}

/// A family signed in to its status page: the one case its code opened. Only
/// [`App::family_session`] and [`App::family_sign_in`] make one, so a status page can only
/// be read for a case whose code was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilySession {
    case_number: String,
    caller: Caller,
}

impl FamilySession {
    /// The case the family's code opened.
    pub fn case_number(&self) -> &str {
        &self.case_number
    }

    /// The family as the trail names it (`family:CASE`, from its address).
    pub fn caller(&self) -> &Caller {
        &self.caller
    }
}

/// A new code, in groups of four.
fn new_code() -> Result<String, AppError> {
    let mut bytes = [0u8; CODE_LENGTH];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal("no randomness available", e))?;
    // 256 is a multiple of 32: the low five bits of a random byte are uniform.
    let code: String = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect();
    Ok(grouped(&code))
}

/// A code in groups of four, joined by dashes.
fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The code as typed, in the form that is hashed: upper case, spaces and dashes dropped,
/// digits typed on an Arabic or Persian keyboard read as the digits they are; `None` if
/// that is not twelve characters of the alphabet.
pub fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}'..='\u{2015}'))
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other.to_ascii_uppercase(),
        })
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

impl App {
    /// The family page's public address (`serve --public-url` and `/family`), when the
    /// server was given one: the address a letter prints and every notice gives.
    pub fn family_page_address(&self) -> Option<String> {
        self.notices
            .as_deref()
            .map(crate::notices::NoticeSettings::family_page)
    }

    /// Issues a new access code for a case's family; the old code and every session it
    /// opened stop working at once. For officers who tell families their dates (case and
    /// reception officers, and the operator); audited.
    pub async fn issue_family_code(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<IssuedCode, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::InformFamilies,
                AuditEntity::FamilyCode,
            )
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let code = new_code()?;
        let plain = normalise(&code).expect("a new code is a code");
        let hash = tokio::task::spawn_blocking(move || hash_secret("code", &plain))
            .await
            .map_err(|e| AppError::internal("hashing the code", e))??;
        let issued_at = self.now();
        let n = case_number(number)?;
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::FamilyCode,
            n.as_str(),
            "",
            "access code issued; the previous code and its sessions no longer work",
        );
        self.store
            .set_family_code(&n, &hash, &caller.username, issued_at, &[entry])
            .await?;
        let languages = stored
            .file
            .case
            .members
            .iter()
            .find(|m| m.relationship == resettle_domain::case::Relationship::PrincipalApplicant)
            .map(|m| m.languages.clone())
            .unwrap_or_default();
        Ok(IssuedCode {
            case_number: n.to_string(),
            code,
            texts: policy.family().cloned(),
            languages,
            issued_at,
        })
    }

    /// Signs a family in with its case number and code, as typed, and starts a session
    /// for that case alone (the cookie is returned, to send once). Refused alike, after
    /// the same password-hash work, whether the case exists, has a code, or the code is
    /// wrong; a wrong one counts against the case and the address, and past either
    /// allowance the answer is 429 until the window ends. Every attempt is in the trail.
    pub async fn family_sign_in(
        &self,
        number: &str,
        code: &str,
        source: &str,
    ) -> Result<(String, FamilySession), AppError> {
        self.check_not_over(Limited::FamilyCodeClient, source)?;
        let number = case_number(number.trim()).ok();
        if let Some(n) = &number {
            self.check_not_over(Limited::FamilyCodeCase, n.as_str())?;
        }
        let hash = match &number {
            Some(n) => self.store.family_code_hash(n).await?,
            None => None,
        };
        let typed = normalise(code);
        let matched = match (&hash, &typed) {
            (Some(hash), Some(typed)) => self.check_password(typed, hash).await?,
            _ => {
                // The same work as a real check, so timing does not tell which it was.
                self.check_password(code, &DUMMY_HASH).await?;
                false
            }
        };
        if !matched {
            let why = match (&number, &hash, &typed) {
                (None, _, _) => "not a case number",
                (Some(_), None, _) => "no such case, or no code issued",
                (Some(_), Some(_), None) => "not a code",
                (Some(_), Some(_), Some(_)) => "wrong code",
            };
            let case = number.as_ref().map_or("", |n| n.as_str());
            self.record(&Caller::anonymous(source), family_sign_in_failed(case, why))
                .await?;
            self.count(Limited::FamilyCodeClient, source, source)
                .await?;
            // Counted for any case number, issued a code or not, so that when refusals
            // begin does not tell which cases exist.
            if let Some(n) = &number {
                self.count(Limited::FamilyCodeCase, n.as_str(), source)
                    .await?;
            }
            return Err(AppError::Unauthorized(REFUSED.into()));
        }
        let number = number.expect("a code matched the hash of a case");
        let cookie = random_hex()?;
        let family = Caller::family(number.as_str(), source);
        let entry = succeeded(
            &family,
            AuditAction::Login,
            AuditEntity::FamilyCode,
            number.as_str(),
            "",
            "signed in to the family status page",
        );
        self.store
            .create_family_session(&digest(&cookie), &number, self.now(), &[entry])
            .await?;
        Ok((
            cookie,
            FamilySession {
                case_number: number.to_string(),
                caller: family,
            },
        ))
    }

    /// The family session behind a cookie, if it is live and younger than
    /// [`FAMILY_SESSION`]; an old one is ended on the spot.
    pub async fn family_session(
        &self,
        cookie: &str,
        source: &str,
    ) -> Result<FamilySession, AppError> {
        let ended = || AppError::Unauthorized("the family session has ended".into());
        let id = digest(cookie);
        let row = self.store.family_session(&id).await?.ok_or_else(ended)?;
        let created = row.created_at;
        if self.now() - created > FAMILY_SESSION || self.now() < created {
            self.store.end_family_session(&id, self.now(), &[]).await?;
            return Err(ended());
        }
        Ok(FamilySession {
            caller: Caller::family(&row.case_number, source),
            case_number: row.case_number,
        })
    }

    /// Ends a family session (the page's sign-out button).
    pub async fn family_sign_out(
        &self,
        cookie: &str,
        family: &FamilySession,
    ) -> Result<(), AppError> {
        let entry = succeeded(
            family.caller(),
            AuditAction::Logout,
            AuditEntity::FamilyCode,
            family.case_number(),
            "",
            "",
        );
        self.store
            .end_family_session(&digest(cookie), self.now(), &[entry])
            .await?;
        Ok(())
    }
}

/// The trail's entry for a refused family sign-in: the case as typed (or that it was no
/// case number), and why, which the family is not told.
fn family_sign_in_failed(case: &str, why: &str) -> resettle_storage::NewAuditEntry {
    resettle_storage::NewAuditEntry {
        action: AuditAction::Login.as_str().into(),
        entity: AuditEntity::FamilyCode.as_str().into(),
        entity_id: case.chars().take(64).collect(),
        outcome: "failed".into(),
        detail: why.into(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_twelve_unambiguous_characters_in_groups_of_four() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 14, "{code}");
        assert_eq!(code.matches('-').count(), 2, "{code}");
        let plain = normalise(&code).unwrap();
        assert_eq!(plain.len(), CODE_LENGTH);
        for c in ['0', 'O', '1', 'I'] {
            assert!(!ALPHABET.contains(&(c as u8)), "{c}");
        }
        assert_ne!(new_code().unwrap(), code, "60 random bits do not repeat");
    }

    #[test]
    fn a_code_is_read_as_typed_on_any_keyboard() {
        assert_eq!(
            normalise(" k7qm 2xhd-9rft "),
            Some("K7QM2XHD9RFT".to_string())
        );
        // Digits typed on an Arabic (٢) or a Persian (۷) keyboard.
        assert_eq!(
            normalise("K\u{0667}QM-\u{0662}XHD-\u{06F9}RFT"),
            Some("K7QM2XHD9RFT".to_string())
        );
        assert_eq!(normalise("K7QM-2XHD-9RF"), None, "too short");
        assert_eq!(
            normalise("K7QM-2XHD-9RF0"),
            None,
            "0 is not in the alphabet"
        );
        assert_eq!(normalise(""), None);
    }

    proptest! {
        /// Every code the alphabet can make survives grouping and reading back.
        #[test]
        fn grouping_and_reading_back_give_the_code(indices in proptest::collection::vec(0usize..32, CODE_LENGTH)) {
            let code: String = indices.iter().map(|&i| char::from(ALPHABET[i])).collect();
            prop_assert_eq!(normalise(&grouped(&code)), Some(code.clone()));
            prop_assert_eq!(normalise(&code.to_lowercase()), Some(code));
        }
    }
}
