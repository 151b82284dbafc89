//! SMS through an HTTP gateway: a GET to a URL template such as
//! `https://gw.example/send?to={phone}&text={text}`, with the number and the text
//! percent-encoded into their places; any 2xx answer means the gateway took the message.
use http_body_util::Empty;
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::{DELIVERY_TIMEOUT, DeliveryError, SettingsError};

/// Every character but the unreserved ones of RFC 3986 is encoded, so a value is safe in a
/// path as in a query.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The SMS gateway notices go through.
#[derive(Clone, PartialEq, Eq)]
pub struct SmsSettings {
    /// The URL to GET, with `{phone}` and `{text}` where the number and the text go (an
    /// API key, if the gateway wants one, is part of it).
    pub url_template: String,
}

impl std::fmt::Debug for SmsSettings {
    /// The template may hold the gateway's API key: only its scheme and host are shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = self
            .url_template
            .parse::<hyper::Uri>()
            .ok()
            .and_then(|u| Some(format!("{}://{}/…", u.scheme_str()?, u.authority()?)))
            .unwrap_or_else(|| "(unreadable)".into());
        f.debug_struct("SmsSettings")
            .field("url_template", &shown)
            .finish()
    }
}

/// A configured gateway.
#[derive(Clone)]
pub(crate) struct Gateway {
    template: String,
    client: Client<hyper_rustls::HttpsConnector<HttpConnector>, Empty<Bytes>>,
}

impl Gateway {
    pub(crate) fn new(s: SmsSettings) -> Result<Gateway, SettingsError> {
        let setting = "--sms-url";
        for placeholder in ["{phone}", "{text}"] {
            if !s.url_template.contains(placeholder) {
                return Err(SettingsError::new(
                    setting,
                    format!("the template has no {placeholder}"),
                ));
            }
        }
        let example = fill(&s.url_template, "+32000", "x");
        let uri: hyper::Uri = example
            .parse()
            .map_err(|e| SettingsError::new(setting, format!("not a URL ({e})")))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
            return Err(SettingsError::new(
                setting,
                "give an http:// or https:// URL with a host",
            ));
        }
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .build();
        Ok(Gateway {
            template: s.url_template,
            client: Client::builder(TokioExecutor::new()).build(https),
        })
    }

    pub(crate) async fn send(&self, to: &str, text: &str) -> Result<(), DeliveryError> {
        let uri: hyper::Uri = fill(&self.template, to, text)
            .parse()
            .map_err(|e| DeliveryError(format!("the gateway address cannot be formed ({e})")))?;
        let answer = tokio::time::timeout(DELIVERY_TIMEOUT, self.client.get(uri))
            .await
            .map_err(|_| {
                DeliveryError(format!(
                    "the SMS gateway did not answer within {} s",
                    DELIVERY_TIMEOUT.as_secs()
                ))
            })?
            // hyper's error names the failure (connect, closed), never the address.
            .map_err(|e| DeliveryError(format!("the SMS gateway cannot be reached ({e})")))?;
        let status = answer.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(DeliveryError(format!("the SMS gateway answered {status}")))
        }
    }
}

/// The template with the number and the text in their places.
fn fill(template: &str, phone: &str, text: &str) -> String {
    template
        .replace("{phone}", &utf8_percent_encode(phone, VALUE).to_string())
        .replace("{text}", &utf8_percent_encode(text, VALUE).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_and_text_are_encoded_into_their_places() {
        assert_eq!(
            fill(
                "https://gw.example/send?key=k&to={phone}&text={text}",
                "+961 3 123",
                "News & more: https://x/family"
            ),
            "https://gw.example/send?key=k&to=%2B961%203%20123\
             &text=News%20%26%20more%3A%20https%3A%2F%2Fx%2Ffamily"
        );
        assert_eq!(
            fill("http://h/{phone}/{text}", "1", "ا"),
            "http://h/1/%D8%A7"
        );
    }

    #[test]
    fn a_template_that_cannot_work_is_refused() {
        let refused = |t: &str| {
            Gateway::new(SmsSettings {
                url_template: t.into(),
            })
            .err()
            .map(|e| e.reason)
        };
        assert_eq!(
            refused("https://gw.example/send?to={phone}&text={text}"),
            None
        );
        assert!(
            refused("https://gw.example/send?to={phone}")
                .unwrap()
                .contains("{text}")
        );
        assert!(refused("ftp://gw.example/{phone}/{text}").is_some());
        assert!(refused("gw.example/{phone}/{text}").is_some());
    }

    #[test]
    fn the_api_key_in_a_template_never_reaches_a_log() {
        let shown = format!(
            "{:?}",
            SmsSettings {
                url_template: "https://gw.example/send?key=SECRETKEY&to={phone}&text={text}".into()
            }
        );
        assert!(
            !shown.contains("SECRETKEY") && shown.contains("gw.example"),
            "{shown}"
        );
    }
}
