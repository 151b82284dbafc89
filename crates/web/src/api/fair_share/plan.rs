//! `POST /api/v1/fair-share/plan`.
use axum::Json;
use axum::extract::State;
use resettle_app::App;
use resettle_app::fair_share::{self, PlanRequest, PlanResult};

use crate::ApiError;
use crate::extract::ApiJson;

/// A multi-year plan: global need → regional target → the state's total → a growth path,
/// with where each input came from.
#[utoipa::path(
    post,
    path = "/api/v1/fair-share/plan",
    tag = "fair-share",
    request_body = PlanRequest,
    responses(
        (status = 200, description = "The plan", body = PlanResult),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    ApiJson(req): ApiJson<PlanRequest>,
) -> Result<Json<PlanResult>, ApiError> {
    Ok(Json(fair_share::plan(&req, app.today())?))
}
