//! An id for every request: in the answer's `X-Request-Id` header, in a tracing span
//! around the request's log lines (with its method, and its status and time when it is
//! answered, at debug level), and in every audit entry the request makes, so an entry,
//! a log line and a client's report of an answer can be matched. The span holds no path
//! or query: those can name a person (a searched name), and the log is not the place.
use std::time::Instant;

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// Gives the request a new id and serves it inside the id's span and audit scope.
pub(crate) async fn request_id(request: Request, next: Next) -> Response {
    let id = resettle_app::new_request_id();
    let span = tracing::info_span!("request", id = %id, method = %request.method());
    let started = Instant::now();
    let mut response = resettle_app::in_request(id.clone(), next.run(request))
        .instrument(span.clone())
        .await;
    span.in_scope(|| {
        tracing::debug!(
            status = response.status().as_u16(),
            ms = started.elapsed().as_secs_f64() * 1000.0,
            "answered"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
