//! The one error type of the HTTP layer, answered as `application/problem+json` (RFC 9457).
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use resettle_app::AppError;
use serde::Serialize;

/// An error answer. Internal faults are logged and answered without detail, so nothing of
/// the database leaks to a client.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    detail: String,
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    status: u16,
    detail: &'a str,
}

impl ApiError {
    /// An error with a status and a message for the client.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            detail: detail.into(),
        }
    }

    /// The HTTP status, for the UI's error page.
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    /// The message for the client, for the UI's error page.
    pub(crate) fn detail(&self) -> &str {
        &self.detail
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Unauthorized(m) => ApiError::new(StatusCode::UNAUTHORIZED, m),
            AppError::Forbidden(m) => ApiError::new(StatusCode::FORBIDDEN, m),
            AppError::NotFound(m) => ApiError::new(StatusCode::NOT_FOUND, m),
            AppError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, m),
            AppError::Invalid(m) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, m),
            AppError::Storage(e) => {
                tracing::error!(error = %e, "storage failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "an internal error occurred; it has been logged",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Problem {
            kind: "about:blank",
            title: self.status.canonical_reason().unwrap_or("Error"),
            status: self.status.as_u16(),
            detail: &self.detail,
        };
        let json = serde_json::to_string(&body).expect("a problem always serialises");
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            json,
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
