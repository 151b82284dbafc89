//! `/api/v1/programmes`: the programmes in the database.
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use resettle_app::App;
use serde::{Deserialize, Serialize};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// A programme.
#[derive(Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub(crate) struct ProgrammeBody {
    /// Short code, e.g. `NL`.
    code: String,
    /// Display name.
    name: String,
    /// The resettlement state (ISO alpha-2).
    state: String,
    /// The policy profile it runs under (`GET /api/v1/policies`).
    policy_profile: String,
}

/// Every programme with its policy profile.
#[utoipa::path(
    get,
    path = "/api/v1/programmes",
    tag = "pledges",
    responses((status = 200, description = "Programmes", body = [ProgrammeBody]))
)]
pub(crate) async fn list(State(app): State<App>) -> Result<Json<Vec<ProgrammeBody>>, ApiError> {
    Ok(Json(
        app.programmes()
            .await?
            .into_iter()
            .map(|p| ProgrammeBody {
                code: p.code,
                name: p.name,
                state: p.state_code,
                policy_profile: p.policy_profile,
            })
            .collect(),
    ))
}

/// Adds a programme under a shipped or stored policy profile.
#[utoipa::path(
    post,
    path = "/api/v1/programmes",
    tag = "pledges",
    security(("api_token" = [])),
    request_body = ProgrammeBody,
    responses(
        (status = 201, description = "Added"),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", content_type = "application/problem+json"),
        (status = 422, description = "Input refused (unknown policy profile, bad code)", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn add(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiJson(p): ApiJson<ProgrammeBody>,
) -> Result<StatusCode, ApiError> {
    app.add_programme(&caller, &p.code, &p.name, &p.state, &p.policy_profile)
        .await?;
    Ok(StatusCode::CREATED)
}
