//! `GET /api/v1/cases/{case_number}/export`: the subject-access export.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;

use crate::ApiError;
use crate::auth::Authenticated;

/// Everything held on a case's family (GDPR art. 15), as JSON; the web page offers it as
/// PDF too. Case officers only; the export is audited.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}/export",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The export", body = Object),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a case officer", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn export(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let x = app.subject_export(&caller, &number).await?;
    Ok(Json(serde_json::to_value(x).expect("an export serialises")))
}
