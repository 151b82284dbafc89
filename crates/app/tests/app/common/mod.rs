//! What the app's integration tests share: the app on a test database with the test data
//! key and a clock at the fixed test day, on a demo caseload; a pool under the app to look
//! at what it stored; and callers of a role or of a demo user.
// Each test binary uses some of these.
#![allow(dead_code)]

use std::sync::Arc;

use resettle_app::{App, Caller, DemoConfig, FixedClock, Keyring, Role};

/// The test data key.
pub fn keys() -> Keyring {
    Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap()
}

/// The app on `url` with the test data key, reading `clock`.
pub async fn open_with(url: &str, clock: &Arc<FixedClock>) -> App {
    App::open(url)
        .await
        .unwrap()
        .with_keys(keys())
        .with_clock(clock.clone())
}

/// The app on `url` with the test data key, at the fixed test day.
pub async fn open(url: &str) -> App {
    open_with(url, &Arc::new(FixedClock::on(resettle_testkit::TODAY))).await
}

/// A demo caseload of `cases` families drawn from `seed`, as of the fixed test day.
pub fn demo(seed: u64, cases: usize) -> DemoConfig {
    DemoConfig {
        seed,
        cases,
        as_of: resettle_testkit::TODAY,
    }
}

/// The app on `url` at the fixed test day with that demo caseload loaded.
pub async fn demo_app(url: &str, seed: u64, cases: usize) -> App {
    let app = open(url).await;
    app.load_demo(&demo(seed, cases), false).await.unwrap();
    app
}

/// A pool on the app's database, to read what it stored.
pub async fn raw(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(url).await.unwrap()
}

/// Someone holding `role` alone, named after it, of no organisation.
pub fn caller(role: Role) -> Caller {
    Caller {
        username: role.as_str().into(),
        roles: vec![role],
        organisation: None,
        source: "test".into(),
    }
}

/// The demo user `username` as the app knows them, through a token.
pub async fn caller_of(app: &App, username: &str) -> Caller {
    let token = app
        .create_token(&Caller::operator(), username, None, None)
        .await
        .unwrap();
    app.authenticate_token(&token, "t").await.unwrap()
}
