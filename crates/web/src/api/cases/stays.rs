//! `POST /api/v1/cases/{case_number}/stays`.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::cases::{MoveRequest, Moved};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Records a family's move to another reception place without a lifecycle step (a centre
/// to an LOI): its current stay ends and the next begins on the day of the move (reception
/// officers). A move over the place's capacity without `over_capacity_reason`, to a place
/// the programme does not have, or one that would change where the case stands answers
/// 422 naming the field; a stale `expected_version` answers 409. Either way nothing
/// changes.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{case_number}/stays",
    tag = "cases",
    security(("api_token" = [])),
    params(("case_number" = String, Path, description = "UNHCR case number")),
    request_body = MoveRequest,
    responses(
        (status = 200, description = "Moved: the family's stays, oldest first", body = Moved),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a reception officer", content_type = "application/problem+json"),
        (status = 404, description = "No such case", content_type = "application/problem+json"),
        (status = 409, description = "The case changed since expected_version", content_type = "application/problem+json"),
        (status = 422, description = "The move is refused; the detail names the field", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    Path(number): Path<String>,
    ApiJson(req): ApiJson<MoveRequest>,
) -> Result<Json<Moved>, ApiError> {
    Ok(Json(app.move_family(&caller, &number, &req).await?))
}
