//! What the web's in-process tests share: the app on a test database with the test data
//! key and a clock at the fixed test day, the small demo caseload the page tests sign in
//! to, and a GET request carrying a cookie.
// Each test binary uses some of these.
#![allow(dead_code)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, header};
use resettle_app::{App, DemoConfig, FixedClock, Keyring};

/// The app on `url` with the test data key, reading `clock`.
pub async fn open_with(url: &str, clock: &Arc<FixedClock>) -> App {
    App::open(url)
        .await
        .unwrap()
        .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
        .with_clock(clock.clone())
}

/// The app on `url` with the test data key, at the fixed test day.
pub async fn open(url: &str) -> App {
    open_with(url, &Arc::new(FixedClock::on(resettle_testkit::TODAY))).await
}

/// The app on `url` with a small demo programme on the fixed test day, and the clock to
/// move.
pub async fn demo_app(url: &str) -> (App, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
    let app = open_with(url, &clock).await;
    app.load_demo(
        &DemoConfig {
            seed: 3,
            cases: 120,
            as_of: resettle_testkit::TODAY,
        },
        false,
    )
    .await
    .unwrap();
    (app, clock)
}

/// `GET path`, with `cookie` when given.
pub fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::get(path);
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::empty()).unwrap()
}

/// An answer of the router, read whole: its status, redirect target, every cookie it sets
/// and its body.
pub struct Answer {
    pub status: axum::http::StatusCode,
    pub location: String,
    pub cookies: Vec<String>,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Answer {
    /// The first cookie set whose text starts with `prefix` (its name and `=`).
    pub fn cookie(&self, prefix: &str) -> Option<String> {
        self.cookies.iter().find(|c| c.starts_with(prefix)).cloned()
    }
}

/// Sends `request` to a fresh router over `app` and reads the whole answer.
pub async fn send(app: &App, request: axum::http::Request<axum::body::Body>) -> Answer {
    use tower::ServiceExt;
    let response = resettle_web::router(app.clone())
        .oneshot(request)
        .await
        .unwrap();
    let headers = response.headers().clone();
    let location = headers
        .get(axum::http::header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let cookies = headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        location,
        cookies,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}
