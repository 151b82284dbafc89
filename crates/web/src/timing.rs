//! How long the server took over each answer, in the standard `Server-Timing` header, so
//! a browser's developer tools, a proxy's log and `scripts/measure-pages` read the server's
//! own time apart from the network's. It names no route and no data: only a duration.
use std::time::Instant;

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

/// Times the rest of the stack and adds `Server-Timing: app;dur=<milliseconds>`.
pub(crate) async fn server_timing(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let mut response = next.run(request).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(value) = HeaderValue::from_str(&format!("app;dur={ms:.1}")) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}
