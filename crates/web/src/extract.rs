//! Request extractors whose refusals are problems (`application/problem+json`) naming what
//! was wrong, like every other error of the API, instead of axum's plain-text rejections.
use std::error::Error as _;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// A JSON body. A value of the wrong type, or a number no field can hold (`"years": -1`,
/// `1e20`, `1e400`), answers 422 naming the field (`years: invalid value: integer \`-1\`,
/// expected a whole number from 0 to 4294967295`); a body that is not JSON at all answers
/// 400.
pub(crate) struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        axum::Json::<T>::from_request(req, state)
            .await
            .map(|axum::Json(v)| ApiJson(v))
            .map_err(json_refusal)
    }
}

/// Query parameters; a malformed one (`per_page=abc`, `limit=-1`) answers 422 naming the
/// parameter.
pub(crate) struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| ApiQuery(v))
            .map_err(|r| match &r {
                QueryRejection::FailedToDeserializeQueryString(e) => field_refusal(e.source())
                    .unwrap_or_else(|| ApiError::new(StatusCode::BAD_REQUEST, r.body_text())),
                _ => ApiError::new(status(r.status()), r.body_text()),
            })
    }
}

/// A field that could not be read is the field's fault (422); JSON that cannot be read
/// outside any field is malformed (400), and so are the other rejections (a missing
/// content type answers 415).
fn json_refusal(r: JsonRejection) -> ApiError {
    let in_field = match &r {
        JsonRejection::JsonDataError(e) => field_refusal(e.source()),
        JsonRejection::JsonSyntaxError(e) => field_refusal(e.source()),
        _ => None,
    };
    in_field.unwrap_or_else(|| ApiError::new(status(r.status()), r.body_text()))
}

/// The 422 for a deserialisation error inside a named field: serde's message (which
/// `serde_path_to_error` starts with the field's path), without the line and column and
/// with Rust's integer types in words. `None` when the error names no field.
fn field_refusal(source: Option<&(dyn std::error::Error + 'static)>) -> Option<ApiError> {
    let message = source?.to_string();
    let (path, _) = message.split_once(": ")?;
    let is_path = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-' | '?'));
    is_path.then(|| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, in_words(&message)))
}

/// `message` without serde_json's `at line 1 column 30`, its `expected u32` in words.
fn in_words(message: &str) -> String {
    let message = message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at]);
    [
        ("expected u8", format!("from 0 to {}", u8::MAX)),
        ("expected u16", format!("from 0 to {}", u16::MAX)),
        ("expected u32", format!("from 0 to {}", u32::MAX)),
        ("expected u64", format!("from 0 to {}", u64::MAX)),
        ("expected i32", format!("from {} to {}", i32::MIN, i32::MAX)),
        ("expected i64", format!("from {} to {}", i64::MIN, i64::MAX)),
    ]
    .iter()
    .find(|(rust, _)| message.ends_with(rust))
    .map_or_else(
        || message.to_string(),
        |(rust, range)| {
            format!(
                "{}expected a whole number {range}",
                &message[..message.len() - rust.len()]
            )
        },
    )
}

fn status(s: StatusCode) -> StatusCode {
    if s.is_client_error() {
        s
    } else {
        StatusCode::BAD_REQUEST
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_types_read_as_words_without_the_position() {
        assert_eq!(
            in_words("years: invalid value: integer `-1`, expected u32 at line 1 column 12"),
            "years: invalid value: integer `-1`, expected a whole number from 0 to 4294967295"
        );
        assert_eq!(
            in_words("per_page: invalid digit found in string"),
            "per_page: invalid digit found in string"
        );
    }
}
