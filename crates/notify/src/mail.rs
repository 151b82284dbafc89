//! E-mail over SMTP with lettre: STARTTLS (the default, on port 587), TLS from the first
//! byte (465) or, for a relay on the same host, none (25); optional login; rustls with
//! Mozilla's roots, plus a private certificate authority if one is given.
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::{DELIVERY_TIMEOUT, DeliveryError, SettingsError};

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MailSecurity {
    /// Plain connection upgraded with STARTTLS, which the server must offer.
    #[default]
    StartTls,
    /// TLS from the first byte (SMTPS).
    Tls,
    /// No encryption: only for a relay on the same host or a test server.
    None,
}

impl std::str::FromStr for MailSecurity {
    type Err = SettingsError;

    fn from_str(s: &str) -> Result<Self, SettingsError> {
        match s {
            "starttls" => Ok(MailSecurity::StartTls),
            "tls" => Ok(MailSecurity::Tls),
            "none" => Ok(MailSecurity::None),
            other => Err(SettingsError::new(
                "--smtp-security",
                format!("{other:?} is not starttls, tls or none"),
            )),
        }
    }
}

impl MailSecurity {
    /// The usual port for this kind of connection.
    pub fn default_port(self) -> u16 {
        match self {
            MailSecurity::StartTls => 587,
            MailSecurity::Tls => 465,
            MailSecurity::None => 25,
        }
    }
}

/// The mail server notices go through.
#[derive(Clone, PartialEq, Eq)]
pub struct MailSettings {
    /// Host name of the server (also the name its certificate must carry).
    pub host: String,
    /// Port; the usual one for `security` when not given.
    pub port: Option<u16>,
    /// How the connection is protected.
    pub security: MailSecurity,
    /// Login name, if the server wants one.
    pub username: Option<String>,
    /// Password for the login.
    pub password: Option<String>,
    /// The sender (`Fedasil <resettlement@fedasil.be>`).
    pub from: String,
    /// A private certificate authority (PEM) to trust besides the public ones.
    pub ca_pem: Option<Vec<u8>>,
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("from", &self.from)
            .finish()
    }
}

/// A configured SMTP transport and sender.
#[derive(Clone)]
pub(crate) struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub(crate) fn new(s: MailSettings) -> Result<Mailer, SettingsError> {
        let from: Mailbox = s
            .from
            .parse()
            .map_err(|e| SettingsError::new("--smtp-from", format!("{:?}: {e}", s.from)))?;
        if s.host.trim().is_empty() {
            return Err(SettingsError::new(
                "--smtp-host",
                "give the mail server's host name",
            ));
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(s.host.clone())
            .port(s.port.unwrap_or(s.security.default_port()))
            .timeout(Some(DELIVERY_TIMEOUT))
            // The sender's domain names this client in EHLO: without it lettre would say
            // `[127.0.0.1]`, which some servers refuse.
            .hello_name(ClientId::Domain(from.email.domain().to_string()));
        if s.security != MailSecurity::None {
            let mut tls = TlsParameters::builder(s.host.clone());
            if let Some(pem) = &s.ca_pem {
                let ca = Certificate::from_pem(pem)
                    .map_err(|e| SettingsError::new("--smtp-ca-file", e.to_string()))?;
                tls = tls.add_root_certificate(ca);
            }
            let tls = tls
                .build_rustls()
                .map_err(|e| SettingsError::new("--smtp-security", e.to_string()))?;
            builder = builder.tls(match s.security {
                MailSecurity::Tls => Tls::Wrapper(tls),
                _ => Tls::Required(tls),
            });
        }
        match (s.username, s.password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user, password));
            }
            (None, None) => {}
            (Some(_), None) => {
                return Err(SettingsError::new(
                    "--smtp-password",
                    "a login name was given without its password",
                ));
            }
            (None, Some(_)) => {
                return Err(SettingsError::new(
                    "--smtp-user",
                    "a password was given without its login name",
                ));
            }
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    pub(crate) async fn send(
        &self,
        to: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), DeliveryError> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| DeliveryError(format!("the e-mail address is not valid ({e})")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| DeliveryError(format!("the message cannot be built ({e})")))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| DeliveryError(format!("the mail server did not take it ({e})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> MailSettings {
        MailSettings {
            host: "mail.example".into(),
            port: None,
            security: MailSecurity::StartTls,
            username: None,
            password: None,
            from: "Resettlement <resettlement@agency.example>".into(),
            ca_pem: None,
        }
    }

    #[test]
    fn a_setting_that_cannot_work_is_named() {
        assert!(Mailer::new(settings()).is_ok());
        let e = Mailer::new(MailSettings {
            from: "not an address".into(),
            ..settings()
        })
        .err()
        .unwrap();
        assert_eq!(e.setting, "--smtp-from");
        let e = Mailer::new(MailSettings {
            username: Some("ana".into()),
            ..settings()
        })
        .err()
        .unwrap();
        assert_eq!(e.setting, "--smtp-password");
        assert_eq!(
            "bogus".parse::<MailSecurity>().unwrap_err().setting,
            "--smtp-security"
        );
    }

    #[test]
    fn the_password_never_reaches_a_log() {
        let shown = format!(
            "{:?}",
            MailSettings {
                username: Some("ana".into()),
                password: Some("s3cret-pass".into()),
                ..settings()
            }
        );
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
