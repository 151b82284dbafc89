//! Shedding load. Past a number of requests in flight, the server answers at once with
//! 503 and `Retry-After` instead of queueing them: a queue that grows past what the
//! database can serve makes every request slow, then every request time out (a request
//! waiting for one of SQLite's few connections fails after 30 s with a 500), while an
//! early 503 keeps the requests it takes fast and tells the rest when to come back.
//! `tower`'s concurrency limit counts the requests (one count for every route: axum
//! layers each route apart, so the limit must be the global one); its load shedder
//! refuses the one that would wait.
use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::http::{HeaderMap, Uri, header};
use axum::response::{IntoResponse, Response};
use resettle_app::AppError;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;

use crate::ApiError;

/// Requests in flight a server takes by default before it sheds: far above what four
/// SQLite connections serve in a second's queue (docs/reliability.md).
pub const DEFAULT_MAX_IN_FLIGHT: usize = 512;

/// Seconds a shed client is told to wait.
const RETRY_AFTER: u64 = 1;

/// `router` shedding what comes past `max_in_flight` requests at once.
pub(crate) fn shedding<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    max_in_flight: usize,
) -> Router<S> {
    router.layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(shed))
            .load_shed()
            .layer(GlobalConcurrencyLimitLayer::new(max_in_flight)),
    )
}

/// The answer to a shed request: a page in the person's language for a browser, a
/// problem document for the API and every other client.
async fn shed(uri: Uri, headers: HeaderMap, _: tower::BoxError) -> Response {
    tracing::warn!("request shed: the server is at its limit of requests in flight");
    let wants_page = !uri.path().starts_with("/api/")
        && headers
            .get(header::ACCEPT)
            .and_then(|a| a.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    if wants_page {
        crate::ui::busy(crate::ui::request_language(&uri, &headers), RETRY_AFTER)
    } else {
        ApiError::from(AppError::Busy {
            detail: "the server is taking as many requests as it can; nothing was changed".into(),
            retry_after: RETRY_AFTER,
        })
        .into_response()
    }
}
