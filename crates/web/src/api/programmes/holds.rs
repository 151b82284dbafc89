//! `/api/v1/programmes/{code}/holds`: the days a programme stops, and why.
use axum::Json;
use axum::extract::{Path, State};
use resettle_app::App;
use resettle_app::family::{HoldView, NewHold, RecordedHold};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// A programme's holds, earliest first: when and why (the reason as a code of the
/// reason list); public, as the pledges are. Staff's notes are not listed.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{code}/holds",
    tag = "pledges",
    params(("code" = String, Path, description = "Programme code, e.g. BE")),
    responses(
        (status = 200, description = "Holds, earliest first", body = [HoldView]),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    Path(code): Path<String>,
) -> Result<Json<Vec<HoldView>>, ApiError> {
    Ok(Json(app.holds(&code).await?))
}

/// Records a hold of a programme (planners): every date promised to a family inside it
/// is broken, flagged on the case and told to the family on its status page. The answer
/// says how many families' dates fall inside it.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{code}/holds",
    tag = "pledges",
    params(("code" = String, Path, description = "Programme code")),
    request_body = NewHold,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "The hold recorded", body = RecordedHold),
        (status = 403, description = "Not a planner", content_type = "application/problem+json"),
        (status = 404, description = "No such programme", content_type = "application/problem+json"),
        (status = 422, description = "Input refused", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Path(code): Path<String>,
    Authenticated(caller): Authenticated,
    ApiJson(new): ApiJson<NewHold>,
) -> Result<(axum::http::StatusCode, Json<RecordedHold>), ApiError> {
    let recorded = app.record_hold(&caller, &code, &new).await?;
    Ok((axum::http::StatusCode::CREATED, Json(recorded)))
}
