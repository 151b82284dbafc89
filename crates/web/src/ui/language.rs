//! Which language a page is written in: `?lang=` (a link of the switcher in the page
//! header, remembered in the `lang` cookie and, for a signed-in user, kept with the user),
//! else that cookie, else the language the signed-in user chose before (on another device),
//! else the first of the browser's `Accept-Language` the pages are written in, else
//! English. The family's pages choose the same way among the families' languages (the
//! cookie is shared: Arabic chosen there is no staff language, and staff pages pass it
//! by). Links and a cookie work without JavaScript.
use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use resettle_app::App;

use super::i18n::{Catalogue, Lang};

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
        remember(&mut response, lang);
    }
    response
}

/// The language of a request read from the request alone (`?lang=`, the `lang` cookie,
/// the browser's `Accept-Language`), asking the database nothing: for answers given
/// before any work is done, as to a request the server sheds.
pub(crate) fn of_request(uri: &axum::http::Uri, headers: &HeaderMap) -> Lang {
    asked(uri)
        .or_else(|| remembered(headers))
        .unwrap_or_else(|| accepted(headers))
}

/// Chooses the language of a family's page among the families' languages: `?lang=`, the
/// `lang` cookie, the browser's `Accept-Language`, English; a choice made with `?lang=` is
/// remembered for a year.
pub(crate) async fn choose_family(mut request: Request, next: Next) -> Response {
    let family = Catalogue::Family;
    let asked = asked_in(family, request.uri());
    let lang = asked
        .or_else(|| remembered_in(family, request.headers()))
        .unwrap_or_else(|| accepted_in(family, request.headers()));
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    if let Some(lang) = asked {
        remember(&mut response, lang);
    }
    response
}

/// Keeps the reader's choice in the `lang` cookie. HttpOnly: no script needs it. Lax: a
/// link from another site (a notice, a letter's address) still opens the page in it.
fn remember(response: &mut Response, lang: Lang) {
    let cookie = format!(
        "{COOKIE}={}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("a language code is a valid header"),
    );
}

/// `?lang=nl` on any staff page.
fn asked(uri: &Uri) -> Option<Lang> {
    asked_in(Catalogue::Staff, uri)
}

/// `?lang=…` naming a language of `catalogue`.
fn asked_in(catalogue: Catalogue, uri: &Uri) -> Option<Lang> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query()?).ok()?;
    pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse_in(catalogue, v))
}

/// The `lang` cookie, if it names a staff language.
fn remembered(headers: &HeaderMap) -> Option<Lang> {
    remembered_in(Catalogue::Staff, headers)
}

/// The `lang` cookie, if it names a language of `catalogue`.
fn remembered_in(catalogue: Catalogue, headers: &HeaderMap) -> Option<Lang> {
    crate::session::cookie_named(headers, COOKIE).and_then(|v| Lang::parse_in(catalogue, &v))
}

/// The best of the browser's staff languages.
fn accepted(headers: &HeaderMap) -> Lang {
    accepted_in(Catalogue::Staff, headers)
}

/// The best of the browser's languages that `catalogue` is written in
/// (`nl-BE,nl;q=0.9,en;q=0.8` is Dutch; `fa-AF` is Persian for the families), by Fluent's
/// own negotiation; English where none fits.
fn accepted_in(catalogue: Catalogue, headers: &HeaderMap) -> Lang {
    let Some(header) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::default();
    };
    let requested = fluent_langneg::accepted_languages::parse(header);
    let available: Vec<_> = catalogue
        .languages()
        .iter()
        .map(|l| l.identifier())
        .collect();
    let default = Lang::default().identifier();
    negotiate_languages(
        &requested,
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|id| Lang::parse_in(catalogue, id.language.as_str()))
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
    fn a_family_browser_in_arabic_or_dari_reads_its_language() {
        let al = |v| accepted_in(Catalogue::Family, &headers(header::ACCEPT_LANGUAGE, v));
        assert_eq!(al("ar-LB,ar;q=0.9,fr;q=0.5"), Lang::Ar);
        assert_eq!(al("fa-AF,en;q=0.5"), Lang::Fa);
        assert_eq!(al("de-DE,nl;q=0.5"), Lang::Nl);
        assert_eq!(al("ti-ER"), Lang::En);
        let uri = "/family?lang=ar".parse().unwrap();
        assert_eq!(asked_in(Catalogue::Family, &uri), Some(Lang::Ar));
        assert_eq!(asked(&uri), None, "Arabic is no staff language");
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
