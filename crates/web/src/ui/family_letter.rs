//! The letter that carries a family's access code: an officer issues a new code from the
//! case page and prints it, in the family's language, with the page's address and whom to
//! contact. The code is on this page only (never stored, never shown again), so the page
//! is not cached and a new code replaces the old one at once.
use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::http::header;
use axum::response::Response;
use minijinja::context;
use resettle_app::App;
use serde::Deserialize;

use super::i18n::{Catalogue, Lang};
use super::{failed, render_family};
use crate::client::Client;
use crate::session::{SignedIn, check_csrf};

/// The case page's form: the language the letter is printed in.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct LetterForm {
    language: String,
    csrf: String,
}

/// The language a family's letter opens in: the principal applicant's first language the
/// family pages are written in, else English.
pub(crate) fn letter_language(languages: &[String]) -> Lang {
    languages
        .iter()
        .find_map(|l| Lang::parse_in(Catalogue::Family, l))
        .unwrap_or_default()
}

/// `POST /cases/{number}/family-code`: issues a new code and shows the letter.
pub(crate) async fn issue(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    client: Option<axum::Extension<Client>>,
    headers: HeaderMap,
    Form(form): Form<LetterForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let issued = match app.issue_family_code(&session.caller, &number).await {
        Ok(i) => i,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let letter_lang = Lang::parse_in(Catalogue::Family, &form.language)
        .unwrap_or_else(|| letter_language(&issued.languages));
    // The page's public address (`--public-url`), as the notices give it; else as the
    // officer's browser reached this server (behind a proxy, the scheme it names).
    let address = app.family_page_address().unwrap_or_else(|| {
        let scheme = client.map_or("http", |c| c.0.scheme);
        headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map_or_else(
                || "/family".to_string(),
                |host| format!("{scheme}://{host}/family"),
            )
    });
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("number", issued.case_number.clone());
    let staff = |id: &str, args: Option<&fluent_bundle::FluentArgs>| {
        lang.message(id, args).unwrap_or_else(|e| e)
    };
    render_family(
        "family_letter.html",
        letter_lang,
        false,
        context! {
            letter => context! {
                case_number => issued.case_number.clone(),
                code => issued.code.clone(),
                issued_on => issued.issued_at.date().to_string(),
                address,
                contact => issued.texts.as_ref().map(|t| t.contact.get(letter_lang.code())),
            },
            staff_note => context! {
                lang => lang.code(),
                once => staff("letter-note-once", Some(&args)),
                print => staff("letter-note-print", None),
                back => staff("letter-note-back", None),
            },
        },
    )
}
