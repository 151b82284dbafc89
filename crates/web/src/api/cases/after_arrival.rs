//! `POST /api/v1/cases/{case_number}/after-arrival`.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::cases::{CaseView, NewAfterArrival};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Records a step after arrival the programme's profile lists (Belgium: the asylum
/// registration, the refugee status, the refugee certificate) as done on a day; the case
/// view shows each step with the days it took from arrival.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/after-arrival",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = NewAfterArrival,
    responses(
        (status = 201, description = "Recorded; the case after it", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "A role that does not follow families after arrival", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "A step the profile does not list, a family not arrived, or a day before the arrival or after today", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(s): ApiJson<NewAfterArrival>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.record_after_arrival(&caller, &number, &s).await?),
    ))
}
