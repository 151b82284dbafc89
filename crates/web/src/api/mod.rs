//! The JSON API under `/api/v1`, one file per resource and verb, each handler carrying its
//! own OpenAPI description.
mod dashboard;
mod health;
mod openapi;

use resettle_app::App;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "resettle API",
        description = "Runs a refugee resettlement programme: quotas, cases, placement, reporting."
    ),
    tags(
        (name = "system", description = "Health and the API description"),
        (name = "statistics", description = "Aggregates without personal data"),
    )
)]
struct ApiDoc;

/// Every API route with its OpenAPI description.
pub(crate) fn router() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::get))
        .routes(routes!(openapi::get))
        .routes(routes!(dashboard::get))
}
