//! Placement proposals: run the optimiser, list proposals, decide on one.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::{App, DueHomes, PlacementDecision, PlacementRun, ProposalView};
use serde::Serialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// A run's figures and its proposals, and the families due to move into a home (whose
/// next stay is not a place placement proposes).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Proposals {
    run: Option<PlacementRun>,
    proposals: Vec<ProposalView>,
    due_home: DueHomes,
}

/// Proposes places for every family of the programme awaiting one (reception officers).
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{code}/placement",
    tag = "placement",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code")),
    responses(
        (status = 200, description = "The run", body = PlacementRun),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn propose(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
) -> Result<Json<PlacementRun>, ApiError> {
    Ok(Json(app.propose_placements(&caller, &code).await?))
}

/// The programme's proposals and the run that made them, and the families due a home.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/placement",
    tag = "placement",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code")),
    responses(
        (status = 200, description = "Proposals", body = Proposals),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
) -> Result<Json<Proposals>, ApiError> {
    let (run, proposals) = app.proposals(&caller, &code).await?;
    let due_home = app.due_home(&caller, &code).await?;
    Ok(Json(Proposals {
        run,
        proposals,
        due_home,
    }))
}

/// Confirms (possibly at another place) or rejects a case's proposal.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/placement",
    tag = "placement",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = PlacementDecision,
    responses(
        (status = 200, description = "The proposal after the decision", body = ProposalView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer", content_type = "application/problem+json"),
        (status = 404, description = "No open proposal for a case in scope", content_type = "application/problem+json"),
        (status = 422, description = "Decision refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn decide(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(d): ApiJson<PlacementDecision>,
) -> Result<Json<ProposalView>, ApiError> {
    Ok(Json(app.decide_placement(&caller, &number, &d).await?))
}
