//! `POST /api/v1/fair-share/distribute`.
use axum::Json;
use resettle_app::fair_share::{self, Distribution, KeyRequest};
use resettle_domain::quota::KeyMethod;
use serde::Deserialize;

use crate::ApiError;
use crate::extract::ApiJson;

/// A total and the key to split it by (the fields of [`KeyRequest`], spelt out: serde's
/// `flatten` would lose the name of a field refused for its type).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct DistributeRequest {
    /// Persons to distribute, 0 to 10,000,000.
    #[schema(example = 20000)]
    total: u64,
    /// The key's method, as in [`KeyRequest`].
    #[schema(example = "ec2015")]
    method: KeyMethod,
    /// With `custom`: the weights.
    weights: Option<String>,
    /// With `custom`: the cap, 0 to 1.
    cap: Option<f64>,
    /// Indicators: a shipped set name or CSV text; default `ec2015`.
    indicators: Option<String>,
}

impl DistributeRequest {
    fn key(self) -> KeyRequest {
        KeyRequest {
            method: self.method,
            weights: self.weights,
            cap: self.cap,
            indicators: self.indicators,
        }
    }
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
    let total = req.total;
    Ok(Json(fair_share::distribute(total, &req.key())?))
}
