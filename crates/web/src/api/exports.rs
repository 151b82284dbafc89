//! `GET /api/v1/exports/{list}`: a list the caller may see, as CSV or XLSX.
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use resettle_app::cases::CaseQuery;
use resettle_app::exports::{ExportFile, ExportRequest, ListName, SheetFormat};
use resettle_app::{App, AppError, AuditQuery};
use resettle_domain::refusal::Vocabulary;
use resettle_domain::{Refusal, RefusalKind};
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// The format, and the case whose history to export; the case list's and the audit
/// trail's filters come beside it, as their own lists take them.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(crate) struct ExportQuery {
    /// `csv` (the default) or `xlsx`.
    format: Option<String>,
    /// events: the case number.
    case: Option<String>,
}

/// The request a list's name and query stand for, or the field refused.
pub(crate) fn export_request(
    list: &str,
    format: Option<&str>,
    case: Option<String>,
    cases: CaseQuery,
    audit: AuditQuery,
) -> Result<ExportRequest, AppError> {
    let not_in = |field: &'static str, given: &str, allowed: Vec<String>| {
        AppError::from(Refusal::of(
            field,
            RefusalKind::NotInList {
                given: given.to_string(),
                allowed,
                of: Vocabulary::Plain,
            },
        ))
    };
    let list_name = ListName::parse(list).ok_or_else(|| {
        not_in(
            "list",
            list,
            ListName::ALL.iter().map(|l| l.as_str().into()).collect(),
        )
    })?;
    let format = format.unwrap_or("csv");
    let format = SheetFormat::parse(format)
        .ok_or_else(|| not_in("format", format, vec!["csv".into(), "xlsx".into()]))?;
    Ok(ExportRequest {
        list: list_name,
        format,
        cases,
        case_number: case,
        audit,
    })
}

/// An exported file as a download.
pub(crate) fn download(file: ExportFile) -> Response {
    (
        [
            (header::CONTENT_TYPE, file.content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.name),
            ),
        ],
        file.bytes,
    )
        .into_response()
}

/// A list as the caller may see it — `cases` (in the caller's scope, with the fields they
/// see), `missions`, `events` (one case's history; `case` names it) or `audit` (auditors)
/// — as CSV or XLSX, every cell spreadsheet-safe. Refused as the list is; audited.
#[utoipa::path(
    get,
    path = "/api/v1/exports/{list}",
    tag = "exports",
    security(("api_token" = [])),
    params(("list" = String, Path, description = "cases, missions, events or audit"), ExportQuery, CaseQuery, AuditQuery),
    responses(
        (status = 200, description = "The file", content_type = "text/csv"),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "The list is not the caller's to see", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
        (status = 422, description = "A refused input, named", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(list): Path<String>,
    ApiQuery(q): ApiQuery<ExportQuery>,
    ApiQuery(cases): ApiQuery<CaseQuery>,
    ApiQuery(audit): ApiQuery<AuditQuery>,
) -> Result<Response, ApiError> {
    let request = export_request(&list, q.format.as_deref(), q.case, cases, audit)?;
    Ok(download(app.export_list(&caller, &request).await?))
}
