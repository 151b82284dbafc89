//! `GET /export/{list}?format=csv|xlsx[&case=N]`: the download links of the list pages
//! (cases, a case's history, the audit trail), through the API's own export; a refusal is
//! a page in the reader's language.
use axum::extract::{Path, Query, State};
use axum::response::Response;
use resettle_app::cases::CaseQuery;
use resettle_app::{App, AuditQuery};
use serde::Deserialize;

use super::{Lang, failed};
use crate::ApiError;
use crate::api::exports::{download, export_request};
use crate::extract::ApiQuery;
use crate::session::SignedIn;

/// The format, and the case whose history to export.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ExportLink {
    format: Option<String>,
    case: Option<String>,
}

/// Sends the list as a file, or the refusal as a page.
pub(crate) async fn get(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(list): Path<String>,
    Query(link): Query<ExportLink>,
    cases: Result<ApiQuery<CaseQuery>, ApiError>,
    audit: Result<ApiQuery<AuditQuery>, ApiError>,
) -> Response {
    let (cases, audit) = match (cases, audit) {
        (Ok(ApiQuery(cases)), Ok(ApiQuery(audit))) => (cases, audit),
        (Err(e), _) | (_, Err(e)) => return failed(lang, Some(&session), e),
    };
    let exported = match export_request(&list, link.format.as_deref(), link.case, cases, audit) {
        Ok(request) => app.export_list(&session.caller, &request).await,
        Err(e) => Err(e),
    };
    match exported {
        Ok(file) => download(file),
        Err(e) => failed(lang, Some(&session), e),
    }
}
