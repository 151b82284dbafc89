//! The one error type of the HTTP layer, answered as `application/problem+json` (RFC 9457).
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use resettle_app::{AppError, Permission};
use resettle_domain::Refusal;
use serde::Serialize;

/// An error answer. Internal faults are logged and answered without detail, so nothing of
/// the database leaks to a client.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    detail: String,
    /// Seconds after which a refused (429) or shed (503) request may be tried again.
    retry_after: Option<u64>,
    /// The permission a refused (403) caller's roles lack, for a page to word.
    lacking: Option<Permission>,
    /// The rule's refusal, for a page to word and for the problem's `field` and `kind`
    /// (boxed: it is rare, and every handler's `Result` carries the error's size).
    refusal: Option<Box<Refusal>>,
}

/// An error answer (RFC 9457): `detail` in English; a refusal of the input also names the
/// `field` it is about and the `kind` of reason (`missing`, `in_future`,
/// `before_last_step`, `not_in_list`, …), so a client can place and word it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Problem {
    /// `about:blank`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The status's phrase.
    #[schema(example = "Unprocessable Entity")]
    title: &'static str,
    /// The HTTP status.
    #[schema(example = 422)]
    status: u16,
    /// What was refused and why, in English.
    #[schema(example = "arrived_on: 2026-11-24 is after today (2026-11-23)")]
    detail: String,
    /// The field a refusal of the input is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "arrived_on")]
    field: Option<String>,
    /// The kind of reason of a refusal of the input.
    #[serde(rename = "kind", skip_serializing_if = "Option::is_none")]
    #[schema(example = "in_future")]
    reason: Option<&'static str>,
}

impl ApiError {
    /// An error with a status and a message for the client.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            detail: detail.into(),
            retry_after: None,
            lacking: None,
            refusal: None,
        }
    }

    /// The rule's refusal behind this error, if it is one.
    pub(crate) fn refusal(&self) -> Option<&Refusal> {
        self.refusal.as_deref()
    }

    /// The permission a refused caller's roles lack, when that is why.
    pub(crate) fn lacking(&self) -> Option<Permission> {
        self.lacking
    }

    /// The HTTP status, for the UI's error page.
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    /// The message for the client, for the UI's error page.
    pub(crate) fn detail(&self) -> &str {
        &self.detail
    }

    /// A page answering this error: its status and, for a refusal to come back later, its
    /// `Retry-After`, so a person's page tells a browser what the problem document tells a
    /// client.
    pub(crate) fn status_of(&self, mut page: Response) -> Response {
        *page.status_mut() = self.status;
        if let Some(seconds) = self.retry_after {
            page.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        page
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Unauthorized(m) => ApiError::new(StatusCode::UNAUTHORIZED, m),
            AppError::Forbidden { detail, lacking } => ApiError {
                lacking,
                ..ApiError::new(StatusCode::FORBIDDEN, detail)
            },
            AppError::NotFound(m) => ApiError::new(StatusCode::NOT_FOUND, m),
            AppError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, m),
            AppError::Refused(r) => {
                let status = StatusCode::from_u16(r.kind.status())
                    .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
                let detail = r.to_string();
                ApiError {
                    refusal: Some(Box::new(r)),
                    ..ApiError::new(status, detail)
                }
            }
            AppError::TooManyRequests {
                detail,
                retry_after,
            } => ApiError {
                retry_after: Some(retry_after),
                ..ApiError::new(StatusCode::TOO_MANY_REQUESTS, detail)
            },
            AppError::Busy {
                detail,
                retry_after,
            } => ApiError {
                retry_after: Some(retry_after),
                ..ApiError::new(StatusCode::SERVICE_UNAVAILABLE, detail)
            },
            AppError::Storage(e) => {
                tracing::error!(error = %e, "storage failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "an internal error occurred; it has been logged",
                )
            }
            AppError::Internal(e) => {
                tracing::error!(error = %e, "internal failure");
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
            detail: self.detail.clone(),
            field: self.refusal.as_ref().map(|r| r.field.to_string()),
            reason: self.refusal.as_ref().map(|r| r.kind.as_str()),
        };
        let json = serde_json::to_string(&body).expect("a problem always serialises");
        let response = (
            self.status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            json,
        )
            .into_response();
        let mut response = self.status_of(response);
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
