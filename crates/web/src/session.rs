//! Browser sessions: the cookie, the signed-in extractor, CSRF checks and the security
//! headers every answer carries.
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use resettle_app::{App, AppError, Session};

use crate::ApiError;
use crate::client::{Client, same_origin};

/// The session cookie. `__Host-` makes browsers refuse it unless it is Secure, has no
/// Domain and has Path=/, so a sibling host cannot plant or read it.
pub(crate) const COOKIE: &str = "__Host-resettle";

/// The `Set-Cookie` value that starts a session: HttpOnly (no script reads it), Secure,
/// SameSite=Strict (no cross-site request carries it).
pub(crate) fn set_cookie(value: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=43200"
    ))
    .expect("a hex cookie is a valid header")
}

/// The `Set-Cookie` value that removes the cookie.
pub(crate) fn clear_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"
    ))
    .expect("a static cookie is a valid header")
}

/// A family's session cookie on its status page: apart from staff's, so a family's phone
/// never holds a staff session nor the reverse; it opens one case for half an hour.
pub(crate) const FAMILY_COOKIE: &str = "__Host-resettle-family";

/// The `Set-Cookie` value that starts a family's session: HttpOnly, Secure,
/// SameSite=Strict, gone after [`resettle_app::family::FAMILY_SESSION`].
pub(crate) fn set_family_cookie(value: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{FAMILY_COOKIE}={value}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age={}",
        resettle_app::family::FAMILY_SESSION.whole_seconds()
    ))
    .expect("a hex cookie is a valid header")
}

/// The `Set-Cookie` value that removes a family's cookie.
pub(crate) fn clear_family_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{FAMILY_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"
    ))
    .expect("a static cookie is a valid header")
}

/// The family's session cookie, if the request carries one.
pub(crate) fn family_cookie(headers: &HeaderMap) -> Option<String> {
    cookie_named(headers, FAMILY_COOKIE).filter(|v| !v.is_empty())
}

/// The session cookie's value, if the request carries one.
pub(crate) fn cookie(headers: &HeaderMap) -> Option<String> {
    cookie_named(headers, COOKIE).filter(|v| !v.is_empty())
}

/// The value of the cookie `name`, if the request carries one.
pub(crate) fn cookie_named(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Whether a request's `Origin` names another site than the one it reached (an origin
/// that is not text counts as another site).
fn cross_site(request: &Request) -> bool {
    let scheme = request
        .extensions()
        .get::<Client>()
        .map_or("http", |c| c.scheme);
    let header = |name| {
        request
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap_or("\u{fffd}"))
    };
    header(header::ORIGIN)
        .is_some_and(|origin| !same_origin(origin, header(header::HOST).unwrap_or(""), scheme))
}

/// The client address, for the audit trail.
pub(crate) fn source(parts: &Parts) -> String {
    parts
        .extensions
        .get::<Client>()
        .map_or_else(|| "unknown".into(), |c| c.ip.clone())
}

/// A fully signed-in browser user (password and, where required, second factor). A page
/// that takes it sends everyone else to the sign-in page.
pub(crate) struct SignedIn {
    pub session: Session,
    pub cookie: String,
}

/// A session that still owes its second factor (or has given it).
pub(crate) struct HalfSignedIn {
    pub session: Session,
    pub cookie: String,
}

async fn session_of(parts: &Parts, app: &App) -> Result<(Session, String), Response> {
    let to_login = || Redirect::to("/login").into_response();
    let cookie = cookie(&parts.headers).ok_or_else(to_login)?;
    match app.session(&cookie, &source(parts)).await {
        Ok(s) => Ok((s, cookie)),
        Err(AppError::Unauthorized(_)) => Err(to_login()),
        Err(e) => Err(ApiError::from(e).into_response()),
    }
}

impl FromRequestParts<App> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Response> {
        let (session, cookie) = session_of(parts, app).await?;
        if session.needs_second_factor {
            return Err(Redirect::to("/login/code").into_response());
        }
        Ok(SignedIn { session, cookie })
    }
}

impl FromRequestParts<App> for HalfSignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Response> {
        let (session, cookie) = session_of(parts, app).await?;
        Ok(HalfSignedIn { session, cookie })
    }
}

/// The session if there is a full one; pages open to everyone use it to show who is
/// signed in.
pub(crate) struct MaybeSignedIn(pub Option<Session>);

impl FromRequestParts<App> for MaybeSignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        Ok(MaybeSignedIn(
            session_of(parts, app)
                .await
                .ok()
                .map(|(s, _)| s)
                .filter(|s| !s.needs_second_factor),
        ))
    }
}

/// Refuses a form whose CSRF token is not the session's (compared in constant time).
pub(crate) fn check_csrf(session: &Session, token: &str) -> Result<(), ApiError> {
    let expected = session.csrf_token.as_bytes();
    let given = token.as_bytes();
    let same = expected.len() == given.len()
        && expected
            .iter()
            .zip(given)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same {
        Ok(())
    } else {
        Err(ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            "the form's CSRF token is missing or wrong; reload the page and try again",
        ))
    }
}

/// Content Security Policy: everything from this origin, no inline scripts, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                   img-src 'self' data:; object-src 'none'; base-uri 'none'; \
                   form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers to every answer, and refuses a state-changing browser
/// request that another site sent (its `Origin` is not this scheme, host and port): the second
/// CSRF defence, which also covers the sign-in form.
pub(crate) async fn security_headers(request: Request, next: Next) -> Response {
    let cross_site =
        request.method() != Method::GET && request.method() != Method::HEAD && cross_site(&request);
    let mut response = if cross_site {
        ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            "cross-site request refused (its Origin is another site)",
        )
        .into_response()
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // `same-origin`: the browser keeps the referrer within this site and, unlike
    // `no-referrer`, still names this origin in `Origin` on form posts; with `no-referrer`
    // it sends `Origin: null`, which the cross-site check above rightly refuses.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Ignored over plain HTTP (localhost); behind the TLS proxy it keeps browsers on HTTPS.
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The client's address, for the audit trail of requests without a session yet.
pub(crate) struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(source(parts)))
    }
}
