//! Request extractors whose refusals are problems (`application/problem+json`) naming what
//! was wrong, like every other error of the API, instead of axum's plain-text rejections.
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// A JSON body; a malformed one answers 400 or 422 with serde's message, which names the
/// field (`missing field \`to\``, `invalid type: string "x", expected u32 at line 1 …`).
pub(crate) struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        axum::Json::<T>::from_request(req, state)
            .await
            .map(|axum::Json(v)| ApiJson(v))
            .map_err(|r| ApiError::new(status(r.status()), r.body_text()))
    }
}

/// Query parameters; a malformed one answers 400 naming the parameter.
pub(crate) struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| ApiQuery(v))
            .map_err(|r| ApiError::new(status(r.status()), r.body_text()))
    }
}

fn status(s: StatusCode) -> StatusCode {
    if s.is_client_error() {
        s
    } else {
        StatusCode::BAD_REQUEST
    }
}
