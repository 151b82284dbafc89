//! `GET /api/v1/openapi.json`: the API described, generated from the handlers.
use axum::Json;

/// The OpenAPI 3.1 document, generated from the code so it cannot drift from it.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "system",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json"))
)]
pub(crate) async fn get() -> Json<utoipa::openapi::OpenApi> {
    Json(crate::openapi())
}
