//! `GET /api/v1/cases/{case_number}`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::cases::CaseView;

use crate::ApiError;
use crate::auth::Authenticated;

/// One case: state, version, family, promises with slips, waiting time per state, overdue
/// limits and the steps allowed next.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The case", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    _caller: Authenticated,
    Path(number): Path<String>,
) -> Result<Json<CaseView>, ApiError> {
    Ok(Json(app.case(&number).await?))
}
