//! The HTTP face of resettle: the JSON API under `/api/v1` (described by an OpenAPI
//! document generated from the handlers) and the server-rendered web UI.
//!
//! Handlers stay thin: they parse the request, call one use case on [`App`], and render.
mod api;
mod auth;
mod client;
mod error;
mod extract;
mod request_id;
mod session;
mod shedding;
mod timing;
mod ui;

use std::net::SocketAddr;

use axum::Router;
use resettle_app::App;

pub use error::ApiError;
pub use shedding::DEFAULT_MAX_IN_FLIGHT;

/// The whole web application, ready to test in process (it sheds no load).
pub fn router(app: App) -> Router {
    build(app, None)
}

/// The web application as served: [`router`], shedding the requests that come past
/// `max_in_flight` at once with 503 and `Retry-After`.
pub fn served_router(app: App, max_in_flight: usize) -> Router {
    build(app, Some(max_in_flight))
}

/// The routes, shedding past a limit if one is given, inside the layers every answer
/// passes (security headers, timing, the client's address, the request id), so a shed
/// answer carries them too.
fn build(app: App, max_in_flight: Option<usize>) -> Router {
    let (api, _openapi) = api::router().split_for_parts();
    let routes = Router::new().merge(api).merge(ui::router(&app));
    let routes = match max_in_flight {
        Some(max) => shedding::shedding(routes, max),
        None => routes,
    };
    routes
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
/// `max_in_flight` requests at once, sheds the next with 503.
pub async fn serve(app: App, addr: SocketAddr, max_in_flight: usize) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("serving on http://{}", listener.local_addr()?);
    axum::serve(
        listener,
        served_router(app, max_in_flight).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
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
