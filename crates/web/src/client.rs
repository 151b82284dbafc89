//! Who is at the other end: the client's address for the audit trail and the scheme it
//! used, read through the reverse proxies the deployment trusts and no others.
//!
//! Behind a proxy every connection comes from the proxy, so the audit trail would name
//! the proxy for everyone. A proxy listed in `--trusted-proxy` tells the client's address
//! in `Forwarded` (RFC 7239) or `X-Forwarded-For`, and the scheme in `proto=` or
//! `X-Forwarded-Proto`; from any other peer those headers are the client's own words and
//! are ignored, so nobody can put another address in the trail by sending them.
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use resettle_app::App;

/// The client of a request, as far as the connection and the trusted proxies tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Client {
    /// The client's address, or `unknown` without a connection (tests in process).
    pub ip: String,
    /// `https` when a trusted proxy says the client used it; otherwise `http`, the only
    /// scheme `resettle` serves itself.
    pub scheme: &'static str,
}

/// Puts the [`Client`] of each request in its extensions, for the audit trail and the
/// cross-site check.
pub(crate) async fn identify(State(app): State<App>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = client_of(peer, request.headers(), &app.security().trusted_proxies);
    request.extensions_mut().insert(client);
    next.run(request).await
}

/// The client behind `peer`: `peer` itself unless it is a trusted proxy, else the nearest
/// address in the forwarding chain that is not a trusted proxy.
fn client_of(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> Client {
    let Some(peer) = peer else {
        return Client {
            ip: "unknown".into(),
            scheme: "http",
        };
    };
    if !trusted.contains(&peer) {
        return Client {
            ip: peer.to_string(),
            scheme: "http",
        };
    }
    let (chain, proto) = forwarded(headers);
    let ip = chain
        .iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .or(chain.first())
        .copied()
        .unwrap_or(peer);
    Client {
        ip: ip.to_string(),
        scheme: if proto.as_deref() == Some("https") {
            "https"
        } else {
            "http"
        },
    }
}

/// The forwarding chain (client first) and the scheme the last proxy was reached with:
/// from `Forwarded` when present, else `X-Forwarded-For` and `X-Forwarded-Proto`.
fn forwarded(headers: &HeaderMap) -> (Vec<IpAddr>, Option<String>) {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let elements = values("forwarded");
    if !elements.is_empty() {
        let mut chain = Vec::new();
        let mut proto = None;
        for element in &elements {
            for pair in element.split(';') {
                let Some((key, value)) = pair.trim().split_once('=') else {
                    continue;
                };
                let value = value.trim().trim_matches('"');
                match key.trim().to_ascii_lowercase().as_str() {
                    "for" => chain.extend(address(value)),
                    "proto" => proto = Some(value.to_ascii_lowercase()),
                    _ => {}
                }
            }
        }
        return (chain, proto);
    }
    let chain = values("x-forwarded-for")
        .iter()
        .filter_map(|v| address(v))
        .collect();
    let proto = values("x-forwarded-proto")
        .last()
        .map(|p| p.to_ascii_lowercase());
    (chain, proto)
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711`.
fn address(v: &str) -> Option<IpAddr> {
    v.parse::<IpAddr>()
        .ok()
        .or_else(|| v.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            v.strip_prefix('[')
                .and_then(|r| r.split(']').next())
                .and_then(|s| s.parse().ok())
        })
}

/// Whether a browser's `Origin` is this site: the same scheme, host and port as the
/// request reached (`Host`, with the scheme's default port when it names none). `null`,
/// which browsers send when they hide the origin, is never this site.
pub(crate) fn same_origin(origin: &str, host: &str, scheme: &str) -> bool {
    let Some((origin_scheme, origin_host)) = origin.split_once("://") else {
        return false;
    };
    let default_port = |s: &str| match s {
        "https" => Some(443),
        "http" => Some(80),
        _ => None,
    };
    let authority = |h: &str, s: &str| -> Option<(String, u16)> {
        let (name, port) = match h.rsplit_once(':') {
            Some((name, _)) if !name.ends_with(']') && name.contains(':') => (h, None),
            Some((name, port)) => (name, Some(port.parse::<u16>().ok()?)),
            None => (h, None),
        };
        Some((name.to_ascii_lowercase(), port.or(default_port(s))?))
    };
    origin_scheme.eq_ignore_ascii_case(scheme)
        && authority(origin_host, origin_scheme).is_some()
        && authority(origin_host, origin_scheme) == authority(host, scheme)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    const PROXY: &str = "10.0.0.2";

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_cannot_name_another_address() {
        let h = headers(&[("x-forwarded-for", "6.6.6.6"), ("forwarded", "for=7.7.7.7")]);
        let c = client_of(Some(ip("192.0.2.9")), &h, &[ip(PROXY)]);
        assert_eq!(c.ip, "192.0.2.9");
        assert_eq!(c.scheme, "http", "nor claim https");
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_its_scheme() {
        let h = headers(&[
            ("x-forwarded-for", "6.6.6.6, 198.51.100.7"),
            ("x-forwarded-proto", "https"),
        ]);
        let c = client_of(Some(ip(PROXY)), &h, &[ip(PROXY)]);
        assert_eq!(
            c.ip, "198.51.100.7",
            "the nearest untrusted hop, not a spoofed first"
        );
        assert_eq!(c.scheme, "https");
        let h = headers(&[(
            "forwarded",
            "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.3",
        )]);
        let c = client_of(Some(ip(PROXY)), &h, &[ip(PROXY), ip("10.0.0.3")]);
        assert_eq!(c.ip, "2001:db8::1");
        assert_eq!(c.scheme, "https");
        let c = client_of(Some(ip(PROXY)), &HeaderMap::new(), &[ip(PROXY)]);
        assert_eq!(c.ip, PROXY, "a proxy that says nothing is the client");
    }

    #[test]
    fn the_origin_must_match_scheme_host_and_port() {
        assert!(same_origin("http://resettle.test", "resettle.test", "http"));
        assert!(same_origin(
            "http://resettle.test:80",
            "resettle.test",
            "http"
        ));
        assert!(same_origin(
            "https://Resettle.test",
            "resettle.test:443",
            "https"
        ));
        assert!(same_origin(
            "http://127.0.0.1:8080",
            "127.0.0.1:8080",
            "http"
        ));
        assert!(same_origin("http://[::1]:8080", "[::1]:8080", "http"));
        assert!(!same_origin("null", "resettle.test", "http"));
        assert!(!same_origin(
            "https://resettle.test",
            "resettle.test",
            "http"
        ));
        assert!(!same_origin(
            "http://resettle.test:8080",
            "resettle.test",
            "http"
        ));
        assert!(!same_origin("http://evil.test", "resettle.test", "http"));
        assert!(!same_origin(
            "http://resettle.test.evil.test",
            "resettle.test",
            "http"
        ));
        assert!(!same_origin(
            "http://resettle.test:x",
            "resettle.test",
            "http"
        ));
    }
}
