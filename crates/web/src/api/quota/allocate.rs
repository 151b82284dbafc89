//! `GET /api/v1/programmes/{code}/quota/allocation`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::quota::QuotaAllocation;
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// The years to split, and the emergency places per year.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllocationQuery {
    /// First year.
    from: i32,
    /// Last year.
    to: i32,
    /// Emergency places each year (default: the quota decision's, else none).
    emergency: Option<u32>,
}

/// Splits each year's target (the latest quota decision's, else the pledge) over refugee
/// situations in proportion to UNHCR's projected needs, with the profile's floors and caps,
/// and over channels, emergency places on top or within a channel as the profile says;
/// with the selection missions that implies per country of asylum. Planners only.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/quota/allocation",
    tag = "quota",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code, e.g. BE"), AllocationQuery),
    responses(
        (status = 200, description = "The allocation", body = QuotaAllocation),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a planner", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
        (status = 422, description = "A refused input, named", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<AllocationQuery>,
) -> Result<Json<QuotaAllocation>, ApiError> {
    Ok(Json(
        app.quota_allocate(&caller, &code, q.from, q.to, q.emergency)
            .await?,
    ))
}
