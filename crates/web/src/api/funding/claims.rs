//! `/api/v1/programmes/{code}/funding/claims`: the claims filed, and filing one.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use resettle_app::App;
use resettle_app::filed_claims::FiledClaim;
use resettle_app::funding::{ClaimRequest, Instrument};
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// The claim to file.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimToFile {
    /// `amif` or `allowance`.
    instrument: Instrument,
    /// The calendar year of arrival.
    year: i32,
}

/// The claims filed for a programme, by instrument, year and number, each with its lines.
/// Planners and auditors; the reading is recorded in the audit trail.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/funding/claims",
    tag = "funding",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code, e.g. BE")),
    responses(
        (status = 200, description = "The claims filed", body = [FiledClaim]),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a planner or an auditor", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
) -> Result<Json<Vec<FiledClaim>>, ApiError> {
    Ok(Json(app.filed_funding_claims(&caller, Some(&code)).await?))
}

/// Files the claim of a year under an instrument as it stands today, frozen: the persons
/// no earlier claim of the instrument and year named, and a correction line (with its
/// reason) for each person claimed before whose amount changed. Planners only; audited.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{code}/funding/claims",
    tag = "funding",
    security(("api_token" = [])),
    params(("code" = String, Path, description = "Programme code, e.g. BE")),
    request_body = ClaimToFile,
    responses(
        (status = 201, description = "Filed", body = FiledClaim),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a planner", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
        (status = 409, description = "Nothing to file, or another claim filed meanwhile", content_type = "application/problem+json"),
        (status = 422, description = "A refused input, named", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(code): Path<String>,
    ApiJson(input): ApiJson<ClaimToFile>,
) -> Result<(StatusCode, Json<FiledClaim>), ApiError> {
    let request = ClaimRequest {
        programme: Some(code),
        instrument: input.instrument,
        year: input.year,
    };
    let filed = app.file_funding_claim(&caller, &request).await?;
    Ok((StatusCode::CREATED, Json(filed)))
}
