//! `GET /api/v1/cases/{case_number}/medical` and
//! `PUT /api/v1/cases/{case_number}/medical/{member_no}`.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_domain::case::{MedicalEntry, MedicalRecord};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// The medical records of a case's members (diagnoses, care needs, consent and fitness to
/// travel): medical officers only, every read audited.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{case_number}/medical",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    responses(
        (status = 200, description = "The records", body = [MedicalRecord]),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a medical officer", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
) -> Result<Json<Vec<MedicalRecord>>, ApiError> {
    Ok(Json(app.medical_records(&caller, &number).await?))
}

/// Writes one member's medical record in place of what was recorded for them (creating
/// it if there was none): medical officers only, the write audited with the fields it
/// holds. A refusal names the field (`condition: is empty; …`) and writes nothing.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{case_number}/medical/{member_no}",
    tag = "cases",
    security(("api_token" = [])),
    params(
        ("case_number" = String, Path, description = "UNHCR case number"),
        ("member_no" = u32, Path, description = "The family member, from 1"),
    ),
    request_body = MedicalEntry,
    responses(
        (status = 200, description = "The record as stored", body = MedicalRecord),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a medical officer", content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's scope", content_type = "application/problem+json"),
        (status = 422, description = "Refused, naming the field: a member not in the family, an empty or over-long condition, an unknown care need", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn put(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path((number, member_no)): Path<(String, String)>,
    ApiJson(entry): ApiJson<MedicalEntry>,
) -> Result<Json<MedicalRecord>, ApiError> {
    let member_no = member_no.parse::<u32>().map_err(|_| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("member_no: {member_no:?} is not a member number"),
        )
    })?;
    let record = app
        .write_medical_record(&caller, &number, member_no, &entry)
        .await?;
    Ok(Json(record))
}
