//! `GET /api/v1/dashboard`: the programme at a glance.
use axum::Json;
use axum::extract::State;
use resettle_app::{App, Dashboard};

use crate::ApiError;

/// Cases and persons per lifecycle state and pledges against arrivals per year, for every
/// programme. Aggregates only.
#[utoipa::path(
    get,
    path = "/api/v1/dashboard",
    tag = "statistics",
    responses((status = 200, description = "Counts per state and pledges against arrivals", body = Dashboard))
)]
pub(crate) async fn get(State(app): State<App>) -> Result<Json<Dashboard>, ApiError> {
    Ok(Json(app.dashboard().await?))
}
