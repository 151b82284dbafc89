//! `GET /api/v1/cases/{case_number}/events`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_domain::case::CaseEvent;

use crate::ApiError;
use crate::auth::Authenticated;

/// The case's timeline, oldest first: who moved it, when, from where to where, and why.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}/events",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The timeline", body = [Object]),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
) -> Result<Json<Vec<CaseEvent>>, ApiError> {
    Ok(Json(app.case_events(&caller, &number).await?))
}
