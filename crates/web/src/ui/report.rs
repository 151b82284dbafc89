//! The report to Parliament in the browser: a form (year, language, format, rounding) for
//! planners and auditors, and the report it builds, as the CLI's `report annual` builds it;
//! and a second form for a funding claim (AMIF or the municipal allowance), as the CLI's
//! `funding claim` builds it. HTML opens in the browser; PDF, XLSX and CSV download.
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::annual::AnnualRequest;
use resettle_app::bounds::CALENDAR_YEARS;
use resettle_app::funding::{ClaimRequest, Instrument};
use resettle_app::{App, AppError, Permission, Session};
use resettle_domain::audit::AuditEntity;
use resettle_reports::{DocLang, Document, Format};
use serde::{Deserialize, Serialize};

use super::{Lang, failed, render, user_context};
use crate::ApiError;
use crate::session::SignedIn;

/// Where the report's stylesheet is served.
pub(crate) const STYLESHEET_PATH: &str = "/static/report.css";

/// `GET /static/report.css`: the stylesheet of the report as a web page.
pub(crate) async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        resettle_reports::html::STYLESHEET,
    )
}

/// The form as typed: every field text, so a refusal gives it back unchanged.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct ReportForm {
    year: String,
    language: String,
    format: String,
    /// `5` when the counts are to be rounded to 5.
    round: String,
}

/// The claim form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct ClaimForm {
    year: String,
    /// `amif` or `allowance`.
    instrument: String,
    language: String,
    format: String,
}

/// Which form was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Refused {
    /// Nothing: the forms as they open.
    None,
    /// The report's year.
    AnnualYear,
    /// The claim's year.
    ClaimYear,
    /// The claim's instrument: none chosen, or one the programme's profile does not have.
    ClaimInstrument,
}

/// The page's language as a document language.
fn doc_lang(lang: Lang, asked: &str) -> DocLang {
    DocLang::parse(asked)
        .filter(|l| l.writes_reports())
        .unwrap_or(match lang {
            Lang::En => DocLang::En,
            Lang::Nl => DocLang::Nl,
            Lang::Fr => DocLang::Fr,
            // Staff pages are never in these; the report to Parliament is written in the
            // national languages and English.
            Lang::Ar | Lang::Fa => DocLang::En,
        })
}

/// `GET /report`: the forms, opening on last year (the last whole one) in the reader's
/// language as a web page.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
) -> Response {
    if let Err(e) = app
        .require(
            &session.caller,
            Permission::BuildReports,
            AuditEntity::AnnualReport,
            "",
        )
        .await
    {
        return failed(lang, Some(&session), e);
    }
    let year = (app.today().year() - 1).to_string();
    let form = ReportForm {
        year: year.clone(),
        language: lang.code().into(),
        format: "html".into(),
        round: String::new(),
    };
    let claim = ClaimForm {
        year,
        instrument: "amif".into(),
        language: lang.code().into(),
        format: "html".into(),
    };
    form_page(lang, &session, &form, &claim, Refused::None)
}

fn form_page(
    lang: Lang,
    session: &Session,
    form: &ReportForm,
    claim: &ClaimForm,
    refused: Refused,
) -> Response {
    let page = render(
        "report.html",
        lang,
        context! {
            user => user_context(Some(session)),
            form => Value::from(Serde(form)),
            claim => Value::from(Serde(claim)),
            refused => Value::from(Serde(refused)),
            // Years are names: given as text so they are not grouped as 1,950.
            bounds => context! {
                min => CALENDAR_YEARS.start().to_string(),
                max => CALENDAR_YEARS.end().to_string(),
            },
        },
    );
    if refused == Refused::None {
        page
    } else {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "form refused").status_of(page)
    }
}

/// Typesets `doc` on a document thread and sends it: HTML to open in the browser, the
/// other formats as a file named `file` (without its extension) to keep.
async fn deliver(
    app: &App,
    lang: Lang,
    session: &Session,
    doc: impl FnOnce() -> Document + Send + 'static,
    format: Format,
    file: String,
) -> Response {
    let rendered = app
        .run_document(move || {
            let doc = doc();
            match format {
                // The pages' Content Security Policy refuses inline styles: the report's
                // stylesheet is served beside it.
                Format::Html => {
                    Ok(resettle_reports::html::render_linked(&doc, STYLESHEET_PATH).into_bytes())
                }
                _ => resettle_reports::render(&doc, format),
            }
        })
        .await;
    let bytes = match rendered {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) => {
            return failed(
                lang,
                Some(session),
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            );
        }
        Err(e) => return failed(lang, Some(session), e),
    };
    let file = format!("{file}.{}", format.extension());
    let disposition = if format == Format::Html {
        format!("inline; filename=\"{file}\"")
    } else {
        format!("attachment; filename=\"{file}\"")
    };
    (
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /report/funding?year=…&instrument=…&language=…&format=…`: builds a funding claim.
/// A year that is no year, or an instrument the programme's profile does not have, gives
/// the forms back naming it.
pub(crate) async fn claim(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(claim): Query<ClaimForm>,
) -> Response {
    let form = ReportForm {
        year: claim.year.clone(),
        language: lang.code().into(),
        format: "html".into(),
        round: String::new(),
    };
    let back = |why| form_page(lang, &session, &form, &claim, why);
    // Asked of the use case first, so a role without the right is refused as such.
    if let Err(e) = app
        .require(
            &session.caller,
            Permission::BuildReports,
            AuditEntity::FundingClaim,
            "",
        )
        .await
    {
        return failed(lang, Some(&session), e);
    }
    let Some(year) = lang
        .whole_number(&claim.year)
        .and_then(|y| i32::try_from(y).ok())
    else {
        return back(Refused::ClaimYear);
    };
    let Some(instrument) = Instrument::parse(&claim.instrument) else {
        return back(Refused::ClaimInstrument);
    };
    let request = ClaimRequest {
        programme: None,
        instrument,
        year,
    };
    let built = match app.funding_claim(&session.caller, &request).await {
        Ok(c) => c,
        Err(AppError::Refused(r)) if r.field == "year" => return back(Refused::ClaimYear),
        Err(AppError::Refused(r)) if r.field == "instrument" => {
            return back(Refused::ClaimInstrument);
        }
        Err(e) => return failed(lang, Some(&session), e),
    };
    let format = Format::parse(&claim.format).unwrap_or(Format::Html);
    let language = doc_lang(lang, &claim.language);
    let created = app.now();
    let file = format!(
        "claim-{}-{}-{year}-{}",
        built.programme.code,
        instrument.as_str(),
        language.code()
    );
    deliver(
        &app,
        lang,
        &session,
        move || resettle_reports::funding::document(&built, language, created),
        format,
        file,
    )
    .await
}

/// `GET /report/annual?year=…&language=…&format=…&round=5`: builds the report. A year that
/// is no year, or one not begun, gives the form back naming it.
pub(crate) async fn build(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(form): Query<ReportForm>,
) -> Response {
    let claim = ClaimForm {
        year: form.year.clone(),
        instrument: "amif".into(),
        language: lang.code().into(),
        format: "html".into(),
    };
    let refused = |e: AppError| match &e {
        AppError::Refused(r) if r.field == "year" => {
            form_page(lang, &session, &form, &claim, Refused::AnnualYear)
        }
        _ => failed(lang, Some(&session), e),
    };
    let Some(year) = lang
        .whole_number(&form.year)
        .and_then(|y| i32::try_from(y).ok())
    else {
        // Asked of the use case first, so a role without the right is refused as such.
        if let Err(e) = app
            .require(
                &session.caller,
                Permission::BuildReports,
                AuditEntity::AnnualReport,
                "",
            )
            .await
        {
            return failed(lang, Some(&session), e);
        }
        return form_page(lang, &session, &form, &claim, Refused::AnnualYear);
    };
    let format = Format::parse(&form.format).unwrap_or(Format::Html);
    let language = doc_lang(lang, &form.language);
    let request = AnnualRequest {
        programme: None,
        year,
        round_to_five: form.round == "5",
    };
    let report = match app.annual_report(&session.caller, &request).await {
        Ok(r) => r,
        Err(e) => return refused(e),
    };
    let created = app.now();
    let file = format!(
        "report-{}-{year}-{}",
        report.programme.code,
        language.code()
    );
    deliver(
        &app,
        lang,
        &session,
        move || resettle_reports::annual::document(&report, language, created),
        format,
        file,
    )
    .await
}
