//! The report to Parliament in the browser: a form (year, language, format, rounding) for
//! planners and auditors, and the report it builds, as the CLI's `report annual` builds it.
//! HTML opens in the browser; PDF, XLSX and CSV download.
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::annual::AnnualRequest;
use resettle_app::bounds::CALENDAR_YEARS;
use resettle_app::{App, AppError, Permission, Session};
use resettle_reports::{DocLang, Format};
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

/// `GET /report`: the form, opening on last year (the last whole one) in the reader's
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
            "annual_report",
            "",
        )
        .await
    {
        return failed(lang, Some(&session), e);
    }
    let form = ReportForm {
        year: (app.today().year() - 1).to_string(),
        language: lang.code().into(),
        format: "html".into(),
        round: String::new(),
    };
    form_page(lang, &session, &form, false)
}

fn form_page(lang: Lang, session: &Session, form: &ReportForm, refused: bool) -> Response {
    let page = render(
        "report.html",
        lang,
        context! {
            user => user_context(Some(session)),
            form => Value::from(Serde(form)),
            refused,
            // Years are names: given as text so they are not grouped as 1,950.
            bounds => context! {
                min => CALENDAR_YEARS.start().to_string(),
                max => CALENDAR_YEARS.end().to_string(),
            },
        },
    );
    if refused {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "year refused").status_of(page)
    } else {
        page
    }
}

/// `GET /report/annual?year=…&language=…&format=…&round=5`: builds the report. A year that
/// is no year, or one not begun, gives the form back naming it.
pub(crate) async fn build(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(form): Query<ReportForm>,
) -> Response {
    let refused = |e: AppError| match &e {
        AppError::Invalid(m) if m.starts_with("year:") => form_page(lang, &session, &form, true),
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
                "annual_report",
                "",
            )
            .await
        {
            return failed(lang, Some(&session), e);
        }
        return form_page(lang, &session, &form, true);
    };
    let format = Format::parse(&form.format).unwrap_or(Format::Html);
    let language = DocLang::parse(&form.language)
        .filter(|l| l.writes_reports())
        .unwrap_or(match lang {
            Lang::En => DocLang::En,
            Lang::Nl => DocLang::Nl,
            Lang::Fr => DocLang::Fr,
        });
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
    let code = report.programme.code.clone();
    let rendered = app
        .run_document(move || {
            let doc = resettle_reports::annual::document(&report, language, created);
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
                Some(&session),
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            );
        }
        Err(e) => return failed(lang, Some(&session), e),
    };
    let file = format!(
        "report-{code}-{year}-{}.{}",
        language.code(),
        format.extension()
    );
    // The web page opens in the browser; the other formats are files to keep.
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
