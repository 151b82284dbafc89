//! `/api/v1/programmes/{code}/quota/decisions`: the quota decisions on record.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::quota::{QuotaDecision, QuotaDecisionInput};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// A programme's quota decisions, the latest first: who proposed each, whom they
/// consulted, the motivation, the day published and the persons per year. Published
/// figures, open to anyone.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/quota/decisions",
    tag = "quota",
    params(("code" = String, Path, description = "Programme code, e.g. BE")),
    responses(
        (status = 200, description = "The decisions", body = [QuotaDecision]),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    Path(code): Path<String>,
) -> Result<Json<Vec<QuotaDecision>>, ApiError> {
    Ok(Json(app.quota_decisions(&code).await?))
}

/// Records a quota decision. Planners only; audited.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{code}/quota/decisions",
    tag = "quota",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code, e.g. BE")),
    request_body = QuotaDecisionInput,
    responses(
        (status = 201, description = "Recorded; the body is the decision's number", body = i64),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a planner", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
        (status = 422, description = "A refused input, named", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
    ApiJson(input): ApiJson<QuotaDecisionInput>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let id = app.record_quota_decision(&caller, &code, &input).await?;
    Ok((StatusCode::CREATED, Json(id)))
}
