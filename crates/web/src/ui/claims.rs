//! Funding claims filed, in the browser: the claims of the programme with their lines
//! (planners and auditors), and a form to file the year's claim as it stands (planners),
//! as the CLI's `funding claim --file` and the API's POST do. A filed claim is frozen: the
//! page lists it and never offers to change it.
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::funding::{ClaimRequest, Instrument};
use resettle_app::{App, AppError, Permission, Session};
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};

use super::refusals::{FormFields, Worded, worded};
use super::{Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// Where the claims page is.
pub(crate) const PATH: &str = "/report/claims";

/// The fields a filing may be refused on.
const FIELDS: FormFields = &[
    ("year", "year", "report-page-year"),
    ("instrument", "instrument", "claim-page-instrument"),
];

/// The filing form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct FileForm {
    year: String,
    /// `amif` or `allowance`.
    instrument: String,
    /// The session's CSRF token; never echoed back into the page.
    #[serde(skip_serializing)]
    csrf: String,
}

/// The claim just filed, named in the address the filing redirects to.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct Filed {
    filed: String,
}

/// `GET /report/claims`: the claims filed, and the filing form opening on last year.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(filed): Query<Filed>,
) -> Response {
    let form = FileForm {
        year: (app.today().year() - 1).to_string(),
        instrument: "amif".into(),
        csrf: String::new(),
    };
    claims_page(lang, &app, &session, &form, None, &filed.filed).await
}

async fn claims_page(
    lang: Lang,
    app: &App,
    session: &Session,
    form: &FileForm,
    refused: Option<Worded>,
    filed: &str,
) -> Response {
    let claims = match app.filed_funding_claims(&session.caller, None).await {
        Ok(c) => c,
        Err(e) => return failed(lang, Some(session), e),
    };
    let is_refused = refused.is_some();
    let page = render(
        "claims.html",
        lang,
        context! {
            user => user_context(Some(session)),
            form => Value::from(Serde(form)),
            refused => refused.map(|r| Value::from(Serde(r))),
            may_file => session.caller.may(Permission::FileClaims),
            claims => Value::from(Serde(&claims)),
            filed,
        },
    );
    if is_refused {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "funding claim not filed").status_of(page)
    } else {
        page
    }
}

/// `POST /report/claims`: files the claim of the year and instrument typed, then shows it
/// among the claims filed; a refusal (no year, nothing new to claim) gives the form back
/// naming it in the reader's words, with nothing written.
pub(crate) async fn file(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<FileForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let request = lang
        .whole_number(&form.year)
        .and_then(|y| i32::try_from(y).ok())
        .ok_or_else(|| {
            AppError::from(Refusal::of(
                "year",
                RefusalKind::NotANumber {
                    given: form.year.clone(),
                },
            ))
        })
        .and_then(|year| {
            let instrument = Instrument::parse(&form.instrument).ok_or_else(|| {
                AppError::from(Refusal::of(
                    "instrument",
                    RefusalKind::NotInList {
                        given: form.instrument.clone(),
                        allowed: Instrument::ALL.iter().map(|i| i.as_str().into()).collect(),
                        of: resettle_domain::refusal::Vocabulary::Plain,
                    },
                ))
            })?;
            Ok(ClaimRequest {
                programme: None,
                instrument,
                year,
            })
        });
    let filed = match request {
        Ok(request) => app.file_funding_claim(&session.caller, &request).await,
        Err(e) => Err(e),
    };
    match filed {
        Ok(c) => Redirect::to(&format!(
            "{PATH}?filed={}#claim-{}-{}-{}",
            q(&format!(
                "{} {} {}",
                c.instrument.as_str(),
                c.year,
                c.number
            )),
            c.instrument.as_str(),
            c.year,
            c.number
        ))
        .into_response(),
        Err(e @ AppError::Refused(_)) => {
            let w = worded(lang, &e, &session.caller, FIELDS, None);
            claims_page(lang, &app, &session, &form, Some(w), "").await
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}
