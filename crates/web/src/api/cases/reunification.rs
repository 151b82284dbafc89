//! `POST /api/v1/cases/{case_number}/reunification`.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::cases::{CaseView, NewReunification};

use crate::ApiError;
use crate::auth::Authenticated;

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
    _caller: Authenticated,
    Path(number): Path<String>,
    Json(r): Json<NewReunification>,
) -> Result<(StatusCode, Json<CaseView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(app.add_reunification(&number, &r).await?),
    ))
}
