//! `POST /api/v1/cases/{case_number}/transitions`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::cases::{TransitionRequest, Transitioned};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Moves the case one step under its policy profile. An illegal step answers 422 naming
/// the current state and the allowed ones; a stale `expected_version` answers 409. Either
/// way nothing changes.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/transitions",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "Moved", body = Transitioned),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
        (status = 409, description = "The case changed since expected_version", content_type = "application/problem+json"),
        (status = 422, description = "The step is not allowed or its data is missing", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(req): ApiJson<TransitionRequest>,
) -> Result<Json<Transitioned>, ApiError> {
    Ok(Json(app.transition(&caller, &number, &req).await?))
}
