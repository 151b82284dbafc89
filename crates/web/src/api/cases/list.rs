//! `GET /api/v1/cases`.
use axum::Json;
use axum::extract::State;
use resettle_app::App;
use resettle_app::cases::{CaseList, CaseQuery};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// Cases matching the filters, a page at a time; with `overdue=true`, the cases past a
/// time limit of their policy profile, most overdue first.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    tag = "cases",
    security(("api_token" = [])),
    params(CaseQuery),
    responses(
        (status = 200, description = "A page of cases", body = CaseList),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 422, description = "A filter was refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiQuery(q): ApiQuery<CaseQuery>,
) -> Result<Json<CaseList>, ApiError> {
    Ok(Json(app.list_cases(&caller, &q).await?))
}
