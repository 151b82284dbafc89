//! What the server is doing, for Prometheus: requests by route, method and status, their
//! durations, and the requests in flight against the limit past which it sheds.
//!
//! Served on a listener of its own (`serve --metrics-addr`), never on the public one: the
//! figures name no person, but route timings tell an outsider which pages are slow to
//! load, and an operator's scraper is the only reader that needs them.
//!
//! A route is labelled by its template (`/api/v1/cases/{number}`), never by its path: a
//! path holds case numbers, and one series per case would both leak them and grow without
//! bound. The template is known only once the router has matched the request, so an inner
//! layer on every route writes it into a slot the outer layer put in the request; a request
//! no route matched is counted as `unmatched`.
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Labels of a request: route template, method and status code.
type RequestLabels = Vec<(&'static str, String)>;

/// The durations' buckets: 1 ms doubling to about 16 s, around the 50 ms and 100 ms goals
/// of docs/performance.md.
fn duration_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The server's metrics; cloning shares them.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RequestLabels, Histogram, fn() -> Histogram>,
    in_flight: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// Empty metrics, registered under the `resettle_` prefix.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("resettle");
        let requests = Family::<RequestLabels, Counter>::default();
        let durations = Family::<RequestLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            duration_histogram,
        );
        let in_flight = Gauge::default();
        registry.register(
            "http_requests",
            "Requests answered, by route template, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from receiving a request to its answer, by route template and method",
            durations.clone(),
        );
        registry.register(
            "http_requests_in_flight",
            "Requests being answered now (the server sheds past --max-in-flight)",
            in_flight.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            requests,
            durations,
            in_flight,
        }
    }

    /// The metrics in Prometheus' text format.
    pub fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut text, &self.registry);
        text
    }
}

/// Where the inner layer writes the matched route's template for the outer layer.
#[derive(Clone, Default)]
struct RouteSlot(Arc<OnceLock<String>>);

/// The outer layer: counts and times every request, shed and unmatched ones included.
pub(crate) async fn observe(
    State(metrics): State<Metrics>,
    mut request: Request,
    next: Next,
) -> Response {
    let slot = RouteSlot::default();
    request.extensions_mut().insert(slot.clone());
    let method = request.method().as_str().to_string();
    metrics.in_flight.inc();
    let started = Instant::now();
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    metrics.in_flight.dec();
    let route = slot.0.get().cloned().unwrap_or_else(|| "unmatched".into());
    let timed = vec![("route", route), ("method", method)];
    metrics.durations.get_or_create(&timed).observe(seconds);
    let mut counted = timed;
    counted.push(("status", response.status().as_u16().to_string()));
    metrics.requests.get_or_create(&counted).inc();
    response
}

/// The inner layer, on every route: names the route the request matched.
pub(crate) async fn name_route(request: Request, next: Next) -> Response {
    if let (Some(path), Some(slot)) = (
        request.extensions().get::<MatchedPath>(),
        request.extensions().get::<RouteSlot>(),
    ) {
        let _ = slot.0.set(path.as_str().to_string());
    }
    next.run(request).await
}

/// The router of the metrics listener: `GET /metrics`.
pub fn router(metrics: Metrics) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(metrics)
}

async fn scrape(State(metrics): State<Metrics>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics.render(),
    )
        .into_response()
}
