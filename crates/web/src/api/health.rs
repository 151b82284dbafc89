//! `GET /api/v1/health`: is the server up and its database reachable.
use axum::Json;
use axum::extract::State;
use resettle_app::{App, Health};

use crate::ApiError;

/// Liveness and readiness in one: answers only when the database does, with its kind and
/// schema version so an operator sees what the server runs on.
#[utoipa::path(
    get,
    path = "/api/v1/health",
    tag = "system",
    responses((status = 200, description = "The server and its database are up", body = Health))
)]
pub(crate) async fn get(State(app): State<App>) -> Result<Json<Health>, ApiError> {
    Ok(Json(app.health().await?))
}
