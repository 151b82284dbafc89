//! Recognising the caller of an API request from `Authorization: Bearer TOKEN`.
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use resettle_app::{App, AppError, Caller};

use crate::ApiError;

/// The authenticated caller. Handlers that take it answer 401 without a valid token, and
/// record the caller as the actor of what they change.
pub(crate) struct Authenticated(pub Caller);

impl FromRequestParts<App> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(|| {
                ApiError::from(AppError::Unauthorized(
                    "send Authorization: Bearer TOKEN (create one with `resettle user token`)"
                        .into(),
                ))
            })?;
        Ok(Authenticated(
            app.authenticate_token(token, &crate::session::source(parts))
                .await?,
        ))
    }
}
