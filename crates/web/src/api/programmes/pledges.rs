//! `/api/v1/programmes/{code}/pledges`: pledges against arrivals.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use resettle_app::{App, AppError, PledgeYear};
use resettle_domain::programme::Pledge;
use serde::Deserialize;

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Pledged and arrived persons per year, with the gap.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/pledges",
    tag = "pledges",
    params(("code" = String, Path, description = "Programme code, e.g. BE")),
    responses(
        (status = 200, description = "Pledges by year", body = [PledgeYear]),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    Path(code): Path<String>,
) -> Result<Json<Vec<PledgeYear>>, ApiError> {
    if !app.programme_exists(&code).await? {
        return Err(AppError::NotFound(format!("programme {code} does not exist")).into());
    }
    Ok(Json(app.pledges(&code).await?))
}

/// The same as CSV (`year,pledged,arrived,gap,source`).
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/pledges.csv",
    tag = "pledges",
    params(("code" = String, Path, description = "Programme code")),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn csv(
    State(app): State<App>,
    Path(code): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let body = app.pledges_csv(&code).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"pledges-{code}.csv\""),
            ),
        ],
        body,
    ))
}

/// A year's pledge as entered.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct PledgeInput {
    /// Persons pledged.
    pledged: u32,
    /// Published arrivals, for years before the programme ran in resettle.
    arrived_before_resettle: Option<u32>,
    /// Where the pledge is published.
    source: String,
}

/// Records or corrects the pledge of a year.
#[utoipa::path(
    put,
    path = "/api/v1/programmes/{code}/pledges/{year}",
    tag = "pledges",
    params(
        ("code" = String, Path, description = "Programme code"),
        ("year" = i32, Path, description = "Calendar year"),
    ),
    request_body = PledgeInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The programme's pledges after the change", body = [PledgeYear]),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn put(
    State(app): State<App>,
    Path((code, year)): Path<(String, i32)>,
    Authenticated(caller): Authenticated,
    ApiJson(input): ApiJson<PledgeInput>,
) -> Result<Json<Vec<PledgeYear>>, ApiError> {
    let pledge = Pledge {
        year,
        pledged: input.pledged,
        arrived_before_resettle: input.arrived_before_resettle,
        source: input.source,
    };
    app.set_pledge(&caller, &code, &pledge).await?;
    Ok(Json(app.pledges(&code).await?))
}
