//! `POST /api/v1/fair-share/key`.
use axum::Json;
use resettle_app::fair_share::{self, KeyRequest, KeyResult};

use crate::ApiError;
use crate::extract::ApiJson;

/// Each state's fair share under a named key (the Commission's 2015 key, its capped
/// variant, the 2016 Dublin key, population, GDP, or custom weights), with the component
/// shares it is made of.
#[utoipa::path(
    post,
    path = "/api/v1/fair-share/key",
    tag = "fair-share",
    request_body = KeyRequest,
    responses(
        (status = 200, description = "Shares summing to 1", body = KeyResult),
        (status = 422, description = "Input refused; the detail names the field and state", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(ApiJson(req): ApiJson<KeyRequest>) -> Result<Json<KeyResult>, ApiError> {
    Ok(Json(fair_share::key(&req)?))
}
