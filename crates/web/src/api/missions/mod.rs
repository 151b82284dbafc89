//! `/api/v1/missions` and `/api/v1/sponsor-groups`.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::{App, MissionList, NewMission, NewSponsorGroup, SponsorGroupView};
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Every selection mission with its outcome, and the missions planned, completed and
/// cancelled per year.
#[utoipa::path(
    get,
    path = "/api/v1/missions",
    tag = "missions",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Missions", body = MissionList),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    _caller: Authenticated,
) -> Result<Json<MissionList>, ApiError> {
    Ok(Json(app.missions().await?))
}

/// Plans a mission.
#[utoipa::path(
    post,
    path = "/api/v1/missions",
    tag = "missions",
    security(("api_token" = [])),
    request_body = NewMission,
    responses(
        (status = 201, description = "Planned"),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn plan(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiJson(m): ApiJson<NewMission>,
) -> Result<StatusCode, ApiError> {
    app.plan_mission(&caller, &m).await?;
    Ok(StatusCode::CREATED)
}

/// A mission's new status.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct StatusChange {
    /// What became of the mission.
    status: resettle_domain::mission::MissionStatus,
}

/// Records that a mission took place or was called off.
#[utoipa::path(
    post,
    path = "/api/v1/missions/{code}/status",
    tag = "missions",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Mission code")),
    request_body = StatusChange,
    responses(
        (status = 204, description = "Recorded"),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such mission", content_type = "application/problem+json"),
        (status = 422, description = "Unknown status", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn status(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
    ApiJson(s): ApiJson<StatusChange>,
) -> Result<StatusCode, ApiError> {
    app.set_mission_status(&caller, &code, s.status).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every community sponsor group with the cases it receives.
#[utoipa::path(
    get,
    path = "/api/v1/sponsor-groups",
    tag = "missions",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Sponsor groups", body = [SponsorGroupView]),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn sponsors(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
) -> Result<Json<Vec<SponsorGroupView>>, ApiError> {
    Ok(Json(app.sponsor_groups(&caller).await?))
}

/// Adds a sponsor group.
#[utoipa::path(
    post,
    path = "/api/v1/sponsor-groups",
    tag = "missions",
    security(("api_token" = [])),
    request_body = NewSponsorGroup,
    responses(
        (status = 201, description = "Added"),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 409, description = "The name is taken", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn add_sponsor(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiJson(s): ApiJson<NewSponsorGroup>,
) -> Result<StatusCode, ApiError> {
    app.add_sponsor_group(&caller, &s).await?;
    Ok(StatusCode::CREATED)
}
