//! Which language a page is written in: `?lang=` (a link of the switcher in the page
//! header, remembered in the `lang` cookie and, for a signed-in user, kept with the user),
//! else that cookie, else the language the signed-in user chose before (on another device),
//! else the first of the browser's `Accept-Language` the pages are written in, else
//! English. Links and a cookie work without JavaScript.
use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use resettle_app::App;

use super::i18n::Lang;

/// The cookie that keeps the reader's choice.
pub(crate) const COOKIE: &str = "lang";

/// Chooses the language of the request for the handlers ([`Lang`] as an extractor), and
/// remembers a choice made with `?lang=` for a year.
pub(crate) async fn choose(State(app): State<App>, mut request: Request, next: Next) -> Response {
    let asked = asked(request.uri());
    let signed_in = crate::session::cookie(request.headers());
    if let (Some(lang), Some(cookie)) = (asked, &signed_in)
        && let Err(e) = app.choose_language(cookie, lang.code()).await
    {
        // The page still shows in the language asked for; only keeping it failed.
        tracing::warn!(error = %e, "the chosen language could not be kept");
    }
    // A signed-in browser without the cookie reads the user's language once, and gets the
    // cookie (the saved language, or the browser's own), so no later request asks again.
    let mut kept = None;
    if asked.is_none()
        && remembered(request.headers()).is_none()
        && let Some(cookie) = &signed_in
    {
        kept = Some(
            app.language_of(cookie)
                .await
                .ok()
                .flatten()
                .and_then(|l| Lang::parse(&l))
                .unwrap_or_else(|| accepted(request.headers())),
        );
    }
    let lang = asked
        .or_else(|| remembered(request.headers()))
        .or(kept)
        .unwrap_or_else(|| accepted(request.headers()));
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    if let Some(lang) = asked.or(kept) {
        // HttpOnly: no script needs it. Lax: a link from another site still opens the page
        // in the chosen language.
        let cookie = format!(
            "{COOKIE}={}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=31536000",
            lang.code()
        );
        response.headers_mut().append(
            header::SET_COOKIE,
            HeaderValue::from_str(&cookie).expect("a language code is a valid header"),
        );
    }
    response
}

/// `?lang=nl` on any page.
fn asked(uri: &Uri) -> Option<Lang> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query()?).ok()?;
    pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

/// The `lang` cookie.
fn remembered(headers: &HeaderMap) -> Option<Lang> {
    crate::session::cookie_named(headers, COOKIE).and_then(|v| Lang::parse(&v))
}

/// The best of the browser's languages (`nl-BE,nl;q=0.9,en;q=0.8` is Dutch), by Fluent's
/// own negotiation; English where none fits.
fn accepted(headers: &HeaderMap) -> Lang {
    let Some(header) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::default();
    };
    let requested = fluent_langneg::accepted_languages::parse(header);
    let available: Vec<_> = Lang::ALL.iter().map(|l| l.identifier()).collect();
    let default = Lang::default().identifier();
    negotiate_languages(
        &requested,
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|id| Lang::parse(id.language.as_str()))
    .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(parts.extensions.get::<Lang>().copied().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn the_browsers_first_language_we_write_wins() {
        let al = |v| accepted(&headers(header::ACCEPT_LANGUAGE, v));
        assert_eq!(al("nl-BE,nl;q=0.9,en;q=0.8"), Lang::Nl);
        assert_eq!(al("fr-FR"), Lang::Fr);
        assert_eq!(al("de-DE,fr;q=0.5"), Lang::Fr);
        assert_eq!(al("de-DE,ar"), Lang::En);
        assert_eq!(accepted(&HeaderMap::new()), Lang::En);
    }

    #[test]
    fn the_query_then_the_cookie_choose() {
        assert_eq!(
            asked(&"/cases?q=x&lang=fr".parse().unwrap()),
            Some(Lang::Fr)
        );
        assert_eq!(asked(&"/cases?lang=de".parse().unwrap()), None);
        assert_eq!(
            remembered(&headers(header::COOKIE, "__Host-resettle=ab; lang=nl")),
            Some(Lang::Nl)
        );
    }
}
