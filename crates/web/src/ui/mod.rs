//! The server-rendered web UI: pages from embedded templates, charts drawn as SVG on the
//! server, no JavaScript build.
mod charts;
mod dashboard;
mod fair_share;

use std::sync::LazyLock;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::Environment;
use resettle_app::App;

/// Templates compiled into the binary, so a release runs from one file.
static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("../../templates/base.html")),
        (
            "dashboard.html",
            include_str!("../../templates/dashboard.html"),
        ),
        (
            "fair_share.html",
            include_str!("../../templates/fair_share.html"),
        ),
        (
            "fair_share_outcome.html",
            include_str!("../../templates/fair_share_outcome.html"),
        ),
        (
            "scenarios.html",
            include_str!("../../templates/scenarios.html"),
        ),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e}"));
    }
    env
});

const STYLESHEET: &str = include_str!("../../static/style.css");

/// htmx 2.0.11 (BSD Zero Clause), vendored from the npm registry: nothing loads from a CDN.
const HTMX: &str = include_str!("../../static/htmx.min.js");

/// The UI routes.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/fair-share", get(fair_share::page))
        .route("/fair-share/outcome", get(fair_share::outcome))
        .route(
            "/fair-share/scenarios",
            get(fair_share::compare).post(fair_share::save),
        )
        .route("/fair-share/scenarios/delete", post(fair_share::delete))
        .route("/static/style.css", get(stylesheet))
        .route("/static/htmx.min.js", get(htmx))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn htmx() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        HTMX,
    )
}

/// Renders a page; a template error is logged and answered as a plain 500.
fn render(name: &str, context: minijinja::Value) -> Response {
    match TEMPLATES.get_template(name).and_then(|t| t.render(context)) {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(template = name, error = %e, "render failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be rendered",
            )
                .into_response()
        }
    }
}
