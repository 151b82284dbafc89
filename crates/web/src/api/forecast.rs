//! Capacity forecasts: a shipped scenario or a live programme, simulated for planners.
use axum::Json;
use axum::extract::State;
use resettle_app::App;
use resettle_app::forecast::{ForecastAnswer, ForecastRequest};

use crate::ApiError;
use crate::auth::Authenticated;
use crate::extract::ApiJson;

/// Forecasts whether the reception network holds the pledges: per week the bands of
/// arrivals, occupancy per stage against its places and families waiting for a place; the
/// probability each pledge is met; when places first run short; the buffer places that
/// bring every pledge to the target probability; and what each shock costs. Planners only;
/// one forecast at a time on the server (a second is refused as busy), at most 2,000 runs.
#[utoipa::path(
    post,
    path = "/api/v1/forecast",
    tag = "forecast",
    security(("api_token" = [])),
    request_body = ForecastRequest,
    responses(
        (status = 200, description = "The forecast and what it was made from", body = ForecastAnswer),
        (status = 401, description = "No valid token", content_type = "application/problem+json"),
        (status = 403, description = "Not a planner", content_type = "application/problem+json"),
        (status = 404, description = "No such scenario or programme", content_type = "application/problem+json"),
        (status = 422, description = "A refused input, named", content_type = "application/problem+json"),
        (status = 503, description = "Another forecast is running; retry after the seconds given", content_type = "application/problem+json"),
    )
)]
pub(crate) async fn post(
    State(app): State<App>,
    Authenticated(caller): Authenticated,
    ApiJson(request): ApiJson<ForecastRequest>,
) -> Result<Json<ForecastAnswer>, ApiError> {
    Ok(Json(app.forecast(&caller, &request).await?))
}
