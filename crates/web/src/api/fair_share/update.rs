//! `POST /api/v1/fair-share/update`.
use axum::Json;
use resettle_app::fair_share::{self, UpdatedKey};
use serde::Deserialize;

use crate::ApiError;
use crate::extract::ApiJson;

/// An old key and the population and GDP figures to update it from and to.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct UpdateRequest {
    /// CSV `state,share`.
    key: String,
    /// CSV with `state,population,gdp` (extra columns ignored) or a shipped set name.
    from: String,
    /// The same, for the new figures.
    to: String,
}

/// The NGO method: the old key plus 0.4 × the change in population share plus 0.4 × the
/// change in GDP share, effort and unemployment held as they were.
#[utoipa::path(
    post,
    path = "/api/v1/fair-share/update",
    tag = "fair-share",
    request_body = UpdateRequest,
    responses(
        (status = 200, description = "The updated key", body = UpdatedKey),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    ApiJson(req): ApiJson<UpdateRequest>,
) -> Result<Json<UpdatedKey>, ApiError> {
    Ok(Json(fair_share::update(&req.key, &req.from, &req.to)?))
}
