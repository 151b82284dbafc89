//! `GET /api/v1/fair-share/needs`.
use axum::Json;
use resettle_app::reference::{self, NeedsFigure};

use crate::ApiError;

/// UNHCR's Projected Global Resettlement Needs by year as shipped, each with its source and
/// whether the published figure is exact or rounded.
#[utoipa::path(
    get,
    path = "/api/v1/fair-share/needs",
    tag = "fair-share",
    responses((status = 200, description = "Needs by year", body = [NeedsFigure]))
)]
pub(crate) async fn get() -> Result<Json<Vec<NeedsFigure>>, ApiError> {
    Ok(Json(reference::unhcr_needs()?))
}
