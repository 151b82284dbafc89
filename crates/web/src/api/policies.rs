//! `/api/v1/policies`: the policy profiles programmes run under.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use serde::Serialize;

use crate::ApiError;

/// A profile as listed.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct PolicySummary {
    /// Name programmes refer to.
    name: String,
    /// Title.
    title: String,
    /// The resettlement state.
    country: String,
}

/// Every profile: shipped, then added to this database.
#[utoipa::path(
    get,
    path = "/api/v1/policies",
    tag = "cases",
    responses((status = 200, description = "Profiles", body = [PolicySummary]))
)]
pub(crate) async fn list(State(app): State<App>) -> Result<Json<Vec<PolicySummary>>, ApiError> {
    Ok(Json(
        app.policies()
            .await?
            .iter()
            .map(|p| PolicySummary {
                name: p.name().to_string(),
                title: p.identity().title.clone(),
                country: p.identity().country.to_string(),
            })
            .collect(),
    ))
}

/// One profile in full: steps, assessment and refusal grounds, pre-departure checks, time
/// limits, reception, support, money, planning, data protection.
#[utoipa::path(
    get,
    path = "/api/v1/policies/{name}",
    tag = "cases",
    params(("name" = String, Path, description = "Profile name, e.g. belgium")),
    responses(
        (status = 200, description = "The profile", body = Object),
        (status = 404, description = "No such profile", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn show(
    State(app): State<App>,
    Path(name): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = app.policy(&name).await?;
    Ok(Json(
        serde_json::to_value(&*p).expect("a profile serialises"),
    ))
}
