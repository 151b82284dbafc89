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
