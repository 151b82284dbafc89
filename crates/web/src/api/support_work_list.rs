//! `GET /api/v1/support/work-list`: overdue check-ins and open tasks.
use axum::Json;
use axum::extract::State;
use resettle_app::App;
use resettle_app::support::WorkList;

use crate::ApiError;
use crate::auth::Authenticated;

/// The check-ins overdue and the tasks open for the families in the caller's scope.
#[utoipa::path(
    get,
    path = "/api/v1/support/work-list",
    tag = "support",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The work list", body = WorkList),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a role that follows support", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
) -> Result<Json<WorkList>, ApiError> {
    Ok(Json(app.support_work_list(&caller).await?))
}
