//! `GET /api/v1/cases/{case_number}/medical`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;

use crate::ApiError;
use crate::auth::Authenticated;

/// The medical records of a case's members (diagnoses and care needs): medical officers
/// only, every read audited.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}/medical",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The records", body = [Object]),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a medical officer", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let records = app.medical_records(&caller, &number).await?;
    Ok(Json(
        serde_json::to_value(records).expect("records serialise"),
    ))
}
