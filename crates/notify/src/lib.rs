//! Delivering notices to families: e-mail over SMTP ([`mail`]) and SMS through an HTTP
//! gateway configured by a URL template ([`sms`]).
//!
//! This crate only carries a text to an address; what the text says, whom it goes to and
//! when is decided by the application (`resettle-app`'s notices), which keeps every
//! notice free of personal data.
pub mod mail;
pub mod sms;

use std::time::Duration;

pub use mail::{MailSecurity, MailSettings};
pub use sms::SmsSettings;

/// How long one delivery may take before it counts as failed: long enough for a slow
/// server, short enough that a claim on the notice never runs out while it is being sent.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(30);

/// A setting that cannot work, named with the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {reason}")]
pub struct SettingsError {
    /// The setting, as the command line names it (`--smtp-from`).
    pub setting: &'static str,
    /// Why it cannot work.
    pub reason: String,
}

impl SettingsError {
    pub(crate) fn new(setting: &'static str, reason: impl Into<String>) -> SettingsError {
        SettingsError {
            setting,
            reason: reason.into(),
        }
    }
}

/// A delivery that did not happen, in words an officer can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DeliveryError(pub String);

/// Everything configured to carry notices: a mail server, an SMS gateway, both or none.
#[derive(Clone, Default)]
pub struct Courier {
    mail: Option<mail::Mailer>,
    sms: Option<sms::Gateway>,
}

impl std::fmt::Debug for Courier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Courier")
            .field("email", &self.mail.is_some())
            .field("sms", &self.sms.is_some())
            .finish()
    }
}

impl Courier {
    /// A courier for the channels configured; refused naming the first setting that
    /// cannot work, so a server never starts with a mail or SMS setting it would only find
    /// wrong at its first notice.
    pub fn new(
        mail: Option<MailSettings>,
        sms: Option<SmsSettings>,
    ) -> Result<Courier, SettingsError> {
        Ok(Courier {
            mail: mail.map(mail::Mailer::new).transpose()?,
            sms: sms.map(sms::Gateway::new).transpose()?,
        })
    }

    /// Whether notices can go out by e-mail.
    pub fn sends_email(&self) -> bool {
        self.mail.is_some()
    }

    /// Whether notices can go out by SMS.
    pub fn sends_sms(&self) -> bool {
        self.sms.is_some()
    }

    /// Sends a plain-text e-mail.
    pub async fn email(&self, to: &str, subject: &str, body: &str) -> Result<(), DeliveryError> {
        match &self.mail {
            Some(m) => m.send(to, subject, body).await,
            None => Err(DeliveryError("no mail server is configured".into())),
        }
    }

    /// Sends a text message.
    pub async fn sms(&self, to: &str, text: &str) -> Result<(), DeliveryError> {
        match &self.sms {
            Some(g) => g.send(to, text).await,
            None => Err(DeliveryError("no SMS gateway is configured".into())),
        }
    }
}
