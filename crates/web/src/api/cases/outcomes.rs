//! `POST /api/v1/cases/{case_number}/outcomes`.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::cases::{CaseView, NewOutcomeRecord};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Records whether an adult of an arrived family has work 12 or 18 months after arrival
/// (integration follow-up, by reception officers); the programme's placement model is
/// fitted on these once there are enough.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/outcomes",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewOutcomeRecord,
    responses(
        (status = 201, description = "Recorded; the case after it", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer", content_type = "application/problem+json"),
        (status = 404, description = "No such case or member in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "Not a follow-up, or the family has not arrived", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(o): ApiJson<NewOutcomeRecord>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.record_outcome(&caller, &number, &o).await?),
    ))
}
