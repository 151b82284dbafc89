//! `POST /api/v1/imports/cases`: UNHCR submissions from a CSV or XLSX body, as
//! `resettle import cases` reads them (all or nothing, every bad row listed).
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use resettle_app::bounds::IMPORT_BYTES;
use resettle_app::import::{FileKind, ImportOutcome, RowProblem};
use resettle_app::{App, Permission};
use resettle_domain::audit::AuditEntity;
use resettle_domain::refusal::Vocabulary;
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// The content type of an XLSX workbook.
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The programme, and whether only to check.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(crate) struct ImportQuery {
    /// The programme's code, e.g. BE.
    programme: String,
    /// `true`: check the file and say what would be registered, writing nothing.
    dry_run: Option<bool>,
}

/// A refused file (RFC 9457): every bad row, nothing written.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ImportProblem {
    /// `about:blank`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// `Unprocessable Entity`.
    title: &'static str,
    /// 422.
    status: u16,
    /// How many problems, in English.
    #[schema(example = "2 problems; nothing was imported")]
    detail: String,
    /// Each problem: the row as the spreadsheet numbers it (header = 1; 0 for the whole
    /// file), the column, the value and the reason.
    rows: Vec<RowProblem>,
}

/// The kind of file the body's content type names, or the refusal naming it.
pub(crate) fn file_kind(headers: &HeaderMap) -> Result<FileKind, Refusal> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = given.split(';').next().unwrap_or("").trim();
    match essence.to_ascii_lowercase().as_str() {
        "text/csv" => Ok(FileKind::Csv),
        XLSX => Ok(FileKind::Xlsx),
        _ => Err(Refusal::of(
            "content-type",
            RefusalKind::NotInList {
                given: given.to_string(),
                allowed: vec!["text/csv".into(), XLSX.into()],
                of: Vocabulary::Plain,
            },
        )),
    }
}

/// Registers the cases of a CSV (`text/csv`, UTF-8) or XLSX body, one row per person in
/// the layout of `resettle import cases`, in `programme`: every case not yet registered, in
/// one transaction, or nothing. A file with any bad row answers 422 listing every one
/// (row, column, value, reason). Cases already registered are left as they are, so
/// sending the same file again changes nothing. At most 32 MiB. Those who submit cases
/// (case officers, UNHCR liaisons); each case is audited with its write.
#[utoipa::path(
    post,
    path = "/api/v1/imports/cases",
    tag = "cases",
    security(("api_token" = [])),
    params(ImportQuery),
    request_body(content = String, description = "The file", content_type = "text/csv"),
    responses(
        (status = 200, description = "Imported, or checked on a dry run: the counts", body = ImportOutcome),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a role that submits cases", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than 32 MiB", content_type = "application/problem+json"),
        (status = 422, description = "Bad rows, every one listed, nothing written; or a content type that is neither CSV nor XLSX", body = ImportProblem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiQuery(q): ApiQuery<ImportQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let kind = match file_kind(&headers) {
        Ok(kind) => kind,
        Err(refused) => {
            // A caller who may not import hears that first, whatever they sent.
            app.require(
                &caller,
                Permission::SubmitCase,
                AuditEntity::ImportCases,
                &q.programme,
            )
            .await?;
            return Err(resettle_app::AppError::from(refused).into());
        }
    };
    let bytes = axum::body::to_bytes(body, IMPORT_BYTES)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the file is larger than {} MiB; split it",
                    IMPORT_BYTES / (1024 * 1024)
                ),
            )
        })?;
    let dry_run = q.dry_run.unwrap_or(false);
    match app
        .import_cases(&caller, &q.programme, kind, &bytes, None, dry_run)
        .await?
    {
        Ok(outcome) => Ok(Json(outcome).into_response()),
        Err(rows) => Ok(refused(rows)),
    }
}

/// The 422 problem listing every bad row.
fn refused(rows: Vec<RowProblem>) -> Response {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let body = ImportProblem {
        kind: "about:blank",
        title: status.canonical_reason().unwrap_or("Error"),
        status: status.as_u16(),
        detail: match rows.len() {
            1 => "1 problem; nothing was imported".to_string(),
            n => format!("{n} problems; nothing was imported"),
        },
        rows,
    };
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        serde_json::to_string(&body).expect("a problem always serialises"),
    )
        .into_response()
}
