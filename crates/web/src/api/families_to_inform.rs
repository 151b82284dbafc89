//! `GET /api/v1/families-to-inform`: the officers' work list.
use axum::Json;
use axum::extract::State;
use resettle_app::{App, FamiliesToInform, InformQuery};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiQuery;

/// Families to inform, a page at a time: promised dates that passed while the case still
/// waits for them (longest passed first), then dates that changed without the family being
/// told since. For case and reception officers; the read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/families-to-inform",
    tag = "cases",
    security(("api_token" = [])),
    params(InformQuery),
    responses(
        (status = 200, description = "A page of the work list", body = FamiliesToInform),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a role that informs families", content_type = "application/problem+json"),
        (status = 422, description = "A page or page size out of bounds", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiQuery(q): ApiQuery<InformQuery>,
) -> Result<Json<FamiliesToInform>, ApiError> {
    Ok(Json(app.families_to_inform(&caller, &q).await?))
}
