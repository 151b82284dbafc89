//! `POST /api/v1/cases`.
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::cases::{CaseView, NewCase};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Registers a case submitted by UNHCR, with its family. Refused whole, naming the field,
/// on any invalid value.
#[utoipa::path(
    post,
    path = "/api/v1/cases",
    tag = "cases",
    security(("api_token" = [])),
    request_body = NewCase,
    responses(
        (status = 201, description = "Registered", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 409, description = "The case number is registered already", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiJson(new): ApiJson<NewCase>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.create_case(&caller, new).await?),
    ))
}
