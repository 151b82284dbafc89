//! The server-rendered web UI: pages from embedded templates, charts drawn as SVG on the
//! server, no JavaScript build.
mod charts;
mod dashboard;

use std::sync::LazyLock;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use minijinja::Environment;
use resettle_app::App;

/// Templates compiled into the binary, so a release runs from one file.
static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("../../templates/base.html")),
        ("dashboard.html", include_str!("../../templates/dashboard.html")),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e}"));
    }
    env
});

const STYLESHEET: &str = include_str!("../../static/style.css");

/// The UI routes.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/static/style.css", get(stylesheet))
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

/// Renders a page; a template error is logged and answered as a plain 500.
fn render(name: &str, context: minijinja::Value) -> Response {
    match TEMPLATES.get_template(name).and_then(|t| t.render(context)) {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(template = name, error = %e, "render failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be rendered").into_response()
        }
    }
}
