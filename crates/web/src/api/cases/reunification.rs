//! `POST /api/v1/cases/{case_number}/reunification`, a request's status and its ties.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::cases::{CaseView, NewReunification, ReunificationTies};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Records a request to bring a relative left behind; the case view shows how long each
/// request has waited.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/reunification",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewReunification,
    responses(
        (status = 201, description = "Recorded; the case after it", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(r): ApiJson<NewReunification>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.add_reunification(&caller, &number, &r).await?),
    ))
}

/// A reunification request's new status.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub(crate) struct ReunificationStatusChange {
    /// The status to move to.
    status: resettle_domain::reunification::ReunificationStatus,
    /// Day decided or completed; default today.
    #[schema(value_type = Option<String>, format = Date)]
    resolved_on: Option<time::Date>,
    /// Why it was decided so; required to approve or refuse, kept from the approval when a
    /// reunion gives none.
    reason: Option<String>,
}

/// Moves a case's reunification request (numbered from 1, in the order made) to a new
/// status: requested → approved or refused, approved → reunited or refused; a decision
/// says why. A move the status does not allow is refused and changes nothing.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/reunification/{request_no}/status",
    tag = "cases",
    security(("api_token" = [])),
    params(
        ("case_number" = String, Path, description = "UNHCR case number"),
        ("request_no" = u32, Path, description = "The request, from 1"),
    ),
    request_body = ReunificationStatusChange,
    responses(
        (status = 200, description = "The case after the change", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case or request", content_type = "application/problem+json"),
        (status = 422, description = "Unknown status, a move the status does not allow, no reason, or an impossible day", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn status(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path((number, request_no)): Path<(String, u32)>,
    ApiJson(c): ApiJson<ReunificationStatusChange>,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(
        app.set_reunification_status(
            &caller,
            &number,
            request_no,
            c.status,
            c.resolved_on,
            c.reason.as_deref(),
        )
        .await?,
    ))
}

/// Records how the relative of a case's reunification request (numbered from 1) depends on
/// the family and the proof of family ties offered, in place of what was recorded. A list
/// naming a value twice, or `none` beside a dependency, is refused and changes nothing.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{case_number}/reunification/{request_no}/ties",
    tag = "cases",
    security(("api_token" = [])),
    params(
        ("case_number" = String, Path, description = "UNHCR case number"),
        ("request_no" = u32, Path, description = "The request, from 1"),
    ),
    request_body = ReunificationTies,
    responses(
        (status = 200, description = "The case after the change", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case or request", content_type = "application/problem+json"),
        (status = 422, description = "An unknown dependency or evidence, one listed twice, or none beside a dependency", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn ties(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path((number, request_no)): Path<(String, u32)>,
    ApiJson(t): ApiJson<ReunificationTies>,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(
        app.set_reunification_ties(&caller, &number, request_no, &t)
            .await?,
    ))
}
