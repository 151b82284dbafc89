//! Telling families when something changes. A step the family should know of, or a date
//! set or slipped, queues a notice in the same transaction ([`App::notice_to_family`]);
//! a worker delivers it by e-mail and SMS with retries ([`delivery`]); officers see each
//! notice on the case page and a work list of families still to tell ([`worklist`]).
//!
//! A notice carries no personal data: that there is news, the case number and the address
//! of the family's page, where the family reads the news with its access code. How to
//! reach the family (e-mail, phone) is personal data, seen and changed only by the roles
//! that inform families.
mod delivery;
mod wording;
mod worklist;

pub use delivery::Delivered;
pub use worklist::{FamiliesToInform, FamilyToInformView, InformQuery};

use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{CaseFile, News, NoticeState, Relationship};
use resettle_domain::{Refusal, RefusalKind};
use resettle_notify::Courier;
use resettle_storage::{FamilyContact, NewNotice, NoticeChannels, StoredNotice};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::access::audit::succeeded;
use crate::cases::case_number;
use crate::{App, AppError, Caller, Permission};

/// Where notices go and what they point to.
#[derive(Debug, Clone)]
pub struct NoticeSettings {
    /// The public address the family's page is served under, without `/family`
    /// (`https://resettle.fedasil.be`).
    pub public_url: String,
    /// The mail server and SMS gateway configured (either, both or none).
    pub courier: Courier,
}

impl NoticeSettings {
    /// Settings whose public address is an `http(s)://` URL without query or fragment
    /// (a trailing `/` is dropped); refused naming `--public-url` otherwise.
    pub fn new(public_url: &str, courier: Courier) -> Result<NoticeSettings, AppError> {
        let url = public_url.trim().trim_end_matches('/');
        let ok = (url.starts_with("https://") || url.starts_with("http://"))
            && url
                .split_once("://")
                .is_some_and(|(_, rest)| !rest.is_empty())
            && !url.contains(['?', '#', ' ']);
        if !ok {
            return Err(Refusal::of(
                "public_url",
                RefusalKind::NotAWebAddress {
                    given: public_url.to_string(),
                },
            )
            .into());
        }
        Ok(NoticeSettings {
            public_url: url.to_string(),
            courier,
        })
    }

    /// The address every notice gives: the family's status page.
    pub fn family_page(&self) -> String {
        format!("{}/family", self.public_url)
    }
}

/// How to reach the family, as typed: both optional, blank for none.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewContact {
    /// The principal applicant's e-mail address.
    pub email: Option<String>,
    /// The principal applicant's mobile number, in international form (`+961 3 123 456`).
    pub phone: Option<String>,
}

/// A notice as officers see it on the case: what it told of and where it stands, never
/// its text (which is the same for every notice).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NoticeView {
    /// What happened (`departure_date_slipped`, `accepted`, …).
    pub news: News,
    /// queued, sent or failed.
    pub state: NoticeState,
    /// When it was queued (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub queued_at: OffsetDateTime,
    /// Attempts made.
    pub attempts: u32,
    /// Why the last attempt failed (without the family's address or number).
    pub last_error: Option<String>,
    /// When it is tried next; absent once sent or given up.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_attempt_at: Option<OffsetDateTime>,
    /// When it was sent.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub sent_at: Option<OffsetDateTime>,
    /// The channels it went out by: `email`, `sms`.
    pub sent_by: Vec<String>,
}

impl From<StoredNotice> for NoticeView {
    fn from(n: StoredNotice) -> NoticeView {
        let mut sent_by = Vec::new();
        if n.email_sent_at.is_some() {
            sent_by.push("email".into());
        }
        if n.sms_sent_at.is_some() {
            sent_by.push("sms".into());
        }
        NoticeView {
            news: n.news,
            state: n.state,
            queued_at: n.queued_at,
            attempts: n.attempts,
            last_error: n.last_error,
            next_attempt_at: n.next_attempt_at,
            sent_at: n.sent_at,
            sent_by,
        }
    }
}

/// An e-mail address, trimmed; refused naming the field unless it has one `@` between a
/// name and a domain with a dot, and no spaces. Deliverability is the mail server's to say.
fn email(typed: Option<&str>) -> Result<Option<String>, AppError> {
    let Some(e) = typed.map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    let ok = e.len() <= 254
        && !e.chars().any(char::is_whitespace)
        && e.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if ok {
        Ok(Some(e.to_string()))
    } else {
        Err(Refusal::of(
            "email",
            RefusalKind::NotAnEmail {
                given: e.to_string(),
            },
        )
        .into())
    }
}

/// A mobile number in international form: `+` and 8 to 15 digits (E.164), spaces, dots,
/// dashes and brackets between them dropped; refused naming the field otherwise.
fn phone(typed: Option<&str>) -> Result<Option<String>, AppError> {
    let Some(p) = typed.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let digits: String = p
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let ok = digits.strip_prefix('+').is_some_and(|d| {
        (8..=15).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()) && !d.starts_with('0')
    });
    if ok {
        Ok(Some(digits))
    } else {
        Err(Refusal::of(
            "phone",
            RefusalKind::NotAPhone {
                given: p.to_string(),
            },
        )
        .into())
    }
}

impl App {
    /// The same application delivering notices with these settings.
    pub fn with_notices(mut self, settings: NoticeSettings) -> App {
        self.notices = Some(std::sync::Arc::new(settings));
        self
    }

    /// The channels notices can go out by; none when delivery is not configured, and
    /// then notices wait in the outbox.
    pub fn notice_channels(&self) -> NoticeChannels {
        self.notices
            .as_deref()
            .map_or_else(NoticeChannels::default, |n| NoticeChannels {
                email: n.courier.sends_email(),
                sms: n.courier.sends_sms(),
            })
    }

    /// The notice telling the family of a case that `news` happened, for the write that
    /// makes it happen to queue in its own transaction: a lifecycle step carries it in its
    /// [`resettle_storage::Assignment`], a promise passes it to the store beside its audit
    /// entry, and any other write that families must hear of (a programme hold breaking
    /// its promises) does the same, one notice per case. Worded at delivery in the
    /// principal applicant's language when notices are written in it.
    pub fn notice_to_family(&self, file: &CaseFile, news: News) -> NewNotice {
        let languages = file
            .case
            .members
            .iter()
            .find(|m| m.relationship == Relationship::PrincipalApplicant)
            .map(|m| m.languages.as_slice())
            .unwrap_or_default();
        NewNotice {
            case_number: file.case.case_number.clone(),
            news,
            language: wording::language_for(languages).to_string(),
        }
    }

    /// Records how to reach a case's family, for the roles that inform families; the
    /// change is audited in its own transaction (naming which fields changed, not their
    /// values). Blank fields remove what was there.
    pub async fn set_contact(
        &self,
        caller: &Caller,
        number: &str,
        typed: &NewContact,
    ) -> Result<FamilyContact, AppError> {
        self.stored_case_for(
            caller,
            number,
            Permission::InformFamilies,
            AuditEntity::FamilyContact,
        )
        .await?;
        let contact = FamilyContact {
            email: email(typed.email.as_deref())?,
            phone: phone(typed.phone.as_deref())?,
        };
        let audit = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::FamilyContact,
            number,
            "",
            &format!(
                "e-mail {}, phone {}",
                if contact.email.is_some() {
                    "set"
                } else {
                    "none"
                },
                if contact.phone.is_some() {
                    "set"
                } else {
                    "none"
                }
            ),
        );
        self.store
            .set_contact(&case_number(number)?, &contact, &[audit])
            .await?;
        Ok(contact)
    }

    /// How to reach the family and the notices sent to it, for a caller who sees them
    /// (`contact`, `notices` in the field matrix); `None` for a field the caller may not see.
    pub(crate) async fn contact_and_notices(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<(Option<FamilyContact>, Option<Vec<NoticeView>>), AppError> {
        use crate::access::visibility::sees;
        let n = case_number(number)?;
        let (sees_contact, sees_notices) = (sees(caller, "contact"), sees(caller, "notices"));
        if !sees_contact && !sees_notices {
            return Ok((None, None));
        }
        let (contact, notices) = self.store.contact_and_notices(&n).await?;
        let contact = sees_contact.then(|| contact.unwrap_or_default());
        let notices = sees_notices.then(|| notices.into_iter().map(NoticeView::from).collect());
        Ok((contact, notices))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_are_read_or_refused_by_field() {
        assert_eq!(
            email(Some(" a.b@x.org ")).unwrap().as_deref(),
            Some("a.b@x.org")
        );
        assert_eq!(email(Some("  ")).unwrap(), None);
        for bad in ["ab", "a@b", "a @b.org", "@b.org", "a@b@c.org", "a@.org"] {
            let e = email(Some(bad)).unwrap_err().to_string();
            assert!(e.starts_with("email: "), "{bad}: {e}");
        }
        assert_eq!(
            phone(Some("+961 3-123 456")).unwrap().as_deref(),
            Some("+9613123456")
        );
        for bad in ["03 123 456", "+12", "+961 3 12a 456", "+0961312345"] {
            let e = phone(Some(bad)).unwrap_err().to_string();
            assert!(e.starts_with("phone: "), "{bad}: {e}");
        }
    }

    #[test]
    fn the_public_address_is_an_http_url() {
        let s = NoticeSettings::new("https://resettle.example/", Courier::default()).unwrap();
        assert_eq!(s.family_page(), "https://resettle.example/family");
        for bad in ["resettle.example", "https://", "https://x/?a=1", "ftp://x"] {
            assert!(
                NoticeSettings::new(bad, Courier::default()).is_err(),
                "{bad}"
            );
        }
    }
}
