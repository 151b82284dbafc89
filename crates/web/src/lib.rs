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
mod timing;
mod ui;

use std::net::SocketAddr;

use axum::Router;
use resettle_app::App;

pub use error::ApiError;

/// The whole web application, ready to serve or to test in process.
pub fn router(app: App) -> Router {
    let (api, _openapi) = api::router().split_for_parts();
    Router::new()
        .merge(api)
        .merge(ui::router(&app))
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

/// Serves until Ctrl-C or SIGTERM, then finishes the requests under way.
pub async fn serve(app: App, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("serving on http://{}", listener.local_addr()?);
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
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
