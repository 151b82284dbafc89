//! `POST /api/v1/fair-share/distribute`.
use axum::Json;
use resettle_app::fair_share::{self, Distribution, KeyRequest};
use serde::Deserialize;

use crate::ApiError;
use crate::extract::ApiJson;

/// A total and the key to split it by.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct DistributeRequest {
    /// Persons to distribute.
    #[schema(example = 20000)]
    total: u64,
    /// The key.
    #[serde(flatten)]
    key: KeyRequest,
}

/// Whole persons per state by the largest-remainder method: the parts sum exactly to the
/// total and each is its exact quota rounded down or up.
#[utoipa::path(
    post,
    path = "/api/v1/fair-share/distribute",
    tag = "fair-share",
    request_body = DistributeRequest,
    responses(
        (status = 200, description = "Persons per state", body = Distribution),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    ApiJson(req): ApiJson<DistributeRequest>,
) -> Result<Json<Distribution>, ApiError> {
    Ok(Json(fair_share::distribute(req.total, &req.key)?))
}
