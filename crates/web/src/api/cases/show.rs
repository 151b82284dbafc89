//! `GET /api/v1/cases/{case_number}`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::cases::CaseView;

use crate::ApiError;
use crate::auth::Authenticated;

/// One case: state, version, family, promises with slips, waiting time per state, overdue
/// limits and the steps allowed next. Fields the caller's roles may not see are absent
/// (`docs/security.md`); a case outside the caller's scope is not found.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The case, as the caller's roles see it", body = CaseView),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(app.case(&caller, &number).await?))
}
