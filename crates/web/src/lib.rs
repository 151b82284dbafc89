//! The HTTP face of resettle: the JSON API under `/api/v1` (described by an OpenAPI
//! document generated from the handlers) and the server-rendered web UI.
//!
//! Handlers stay thin: they parse the request, call one use case on [`App`], and render.
mod api;
mod auth;
mod client;
mod error;
mod extract;
mod metrics;
mod request_id;
mod session;
mod shedding;
mod timing;
mod ui;

use std::net::SocketAddr;

use axum::Router;
use resettle_app::App;

pub use error::ApiError;
pub use metrics::{Metrics, router as metrics_router};
pub use shedding::DEFAULT_MAX_IN_FLIGHT;

/// The whole web application, ready to test in process (it sheds no load, and its
/// metrics are kept by nobody).
pub fn router(app: App) -> Router {
    build(app, None, Metrics::new())
}

/// The web application as served: [`router`], shedding the requests that come past
/// `max_in_flight` at once with 503 and `Retry-After`, counting every request in
/// `metrics`.
pub fn served_router(app: App, max_in_flight: usize, metrics: &Metrics) -> Router {
    build(app, Some(max_in_flight), metrics.clone())
}

/// The routes, shedding past a limit if one is given, inside the layers every answer
/// passes (metrics, security headers, timing, the client's address, the request id), so a
/// shed answer carries them too and is counted.
fn build(app: App, max_in_flight: Option<usize>, metrics: Metrics) -> Router {
    let (api, _openapi) = api::router().split_for_parts();
    let routes = Router::new().merge(api).merge(ui::router(&app));
    let routes = match max_in_flight {
        Some(max) => shedding::shedding(routes, max),
        None => routes,
    };
    routes
        .route_layer(axum::middleware::from_fn(metrics::name_route))
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            metrics::observe,
        ))
        .layer(axum::middleware::from_fn(session::security_headers))
        .layer(axum::middleware::from_fn(timing::server_timing))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            client::identify,
        ))
        .layer(axum::middleware::from_fn(request_id::request_id))
        .with_state(app)
}

/// The OpenAPI document of the JSON API, as served at `/api/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::router().split_for_parts().1
}

/// Serves until Ctrl-C or SIGTERM, then finishes the requests under way; past
/// `max_in_flight` requests at once, sheds the next with 503. With `metrics_addr`, serves
/// `GET /metrics` for Prometheus there, apart from the public listener.
pub async fn serve(
    app: App,
    addr: SocketAddr,
    max_in_flight: usize,
    metrics_addr: Option<SocketAddr>,
) -> std::io::Result<()> {
    let metrics = Metrics::new();
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("serving on http://{}", listener.local_addr()?);
    let scraped = match metrics_addr {
        Some(at) => {
            let listener = tokio::net::TcpListener::bind(at).await?;
            tracing::info!("metrics on http://{}/metrics", listener.local_addr()?);
            let router = metrics_router(metrics.clone());
            Some(tokio::spawn(async move {
                axum::serve(listener, router)
                    .with_graceful_shutdown(shutdown_signal())
                    .await
            }))
        }
        None => None,
    };
    let served = axum::serve(
        listener,
        served_router(app, max_in_flight, &metrics)
            .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    if let Some(task) = scraped {
        task.abort();
    }
    served
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
