//! `/api/v1/fair-share/scenarios`: saved plans to compare.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::fair_share::PlanRequest;
use resettle_app::{App, Scenario};
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// A plan to compute and save under a name.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct SaveScenario {
    /// Unique name.
    #[schema(example = "NGO path 2022-2024")]
    name: String,
    /// The plan inputs.
    inputs: PlanRequest,
}

/// Every saved scenario, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/fair-share/scenarios",
    tag = "fair-share",
    responses((status = 200, description = "Saved scenarios", body = [Scenario]))
)]
pub(crate) async fn list(State(app): State<App>) -> Result<Json<Vec<Scenario>>, ApiError> {
    Ok(Json(app.scenarios().await?))
}

/// Computes a plan and saves it.
#[utoipa::path(
    post,
    path = "/api/v1/fair-share/scenarios",
    tag = "fair-share",
    request_body = SaveScenario,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Saved", body = Scenario),
        (status = 409, description = "The name is taken", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn save(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiJson(req): ApiJson<SaveScenario>,
) -> Result<(StatusCode, Json<Scenario>), ApiError> {
    let s = app.save_scenario(&caller, &req.name, &req.inputs).await?;
    Ok((StatusCode::CREATED, Json(s)))
}

/// Deletes a saved scenario.
#[utoipa::path(
    delete,
    path = "/api/v1/fair-share/scenarios/{name}",
    tag = "fair-share",
    params(("name" = String, Path, description = "Scenario name")),
    security(("api_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such scenario", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn delete(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    app.delete_scenario(&caller, &name).await?;
    Ok(StatusCode::NO_CONTENT)
}
