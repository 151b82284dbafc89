//! `POST /api/v1/cases/{case_number}/promises`.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::cases::{CaseView, NewPromise};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Records a date told to the family (interview or departure). A new date of a kind
/// already promised is a slip: its reason is required.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/promises",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewPromise,
    responses(
        (status = 201, description = "Recorded; the case after it", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(p): ApiJson<NewPromise>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.add_promise(&caller, &number, &p).await?),
    ))
}
