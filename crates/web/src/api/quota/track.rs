//! `GET /api/v1/programmes/{code}/quota/track`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::quota::QuotaTrack;
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// The year to track.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub(crate) struct TrackQuery {
    /// The year.
    year: i32,
}

/// A year's targets per situation and channel against the persons submitted, accepted,
/// departed and arrived, the gap, and the slips behind it by reason. Planners only.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/quota/track",
    tag = "quota",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code, e.g. BE"), TrackQuery),
    responses(
        (status = 200, description = "The year tracked", body = QuotaTrack),
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
    ApiQuery(q): ApiQuery<TrackQuery>,
) -> Result<Json<QuotaTrack>, ApiError> {
    Ok(Json(app.quota_track(&caller, &code, q.year).await?))
}
