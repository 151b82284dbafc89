//! API tokens are verified once and kept for a few seconds (`TOKENS_KEPT_FOR`); these
//! attacks check that keeping them never lets a token that is no longer good through on
//! this server, and that another server's revocation is honoured within those seconds.
use crate::common::{self, demo_app};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use resettle_app::{App, Caller, Security, TOKENS_KEPT_FOR};

const ADMIN_PASSWORD: &str = "a long admin passphrase";

/// `GET /api/v1/cases/{number}` with `token`: its status.
async fn read(app: &App, token: &str, number: &str) -> StatusCode {
    let request = Request::get(format!("/api/v1/cases/{number}"))
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    common::send(app, request).await.status
}

/// The administrator's `POST /admin/users/{username}/{action}` through the page, as a
/// signed-in administrator: its status.
async fn administer(app: &App, username: &str, action: &str) -> StatusCode {
    let cookie = app.login("ana", ADMIN_PASSWORD, "t").await.unwrap().cookie;
    let csrf = app.session(&cookie, "t").await.unwrap().csrf_token;
    let request = Request::post(format!("/admin/users/{username}/{action}"))
        .header("cookie", format!("__Host-resettle={cookie}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={csrf}")))
        .unwrap();
    common::send(app, request).await.status
}

/// A case of the demo, and a new case officer's token valid for a day.
async fn case_and_token(app: &App, username: &str) -> (String, String) {
    let op = Caller::operator();
    if !app
        .users(&op)
        .await
        .unwrap()
        .iter()
        .any(|u| u.username == username)
    {
        app.add_user(&op, username, "case-officer", None, ADMIN_PASSWORD)
            .await
            .unwrap();
    }
    let token = app
        .create_token(&op, username, None, Some(1))
        .await
        .unwrap();
    let number = app
        .list_cases(&op, &Default::default())
        .await
        .unwrap()
        .items[0]
        .case_number
        .clone();
    (number, token)
}

/// Attack: a token leaks; the administrator revokes it, or disables its user, and the
/// thief sends the very next request at once. The token was verified a moment before and
/// is kept, yet this server refuses it on that next request: the change forgot it. A token
/// that expires is refused from its expiry on, kept or not.
#[tokio::test]
async fn a_revoked_or_expired_token_or_disabled_user_is_refused_on_the_very_next_request() {
    for db in resettle_testkit::databases() {
        let (app, clock) = demo_app(&db.url).await;
        let app = app.with_security(Security {
            second_factor_roles: Vec::new(),
            ..Security::default()
        });
        app.add_user(&Caller::operator(), "ana", "admin", None, ADMIN_PASSWORD)
            .await
            .unwrap();
        let backend = db.backend;

        let (number, token) = case_and_token(&app, "bo").await;
        for _ in 0..2 {
            assert_eq!(
                read(&app, &token, &number).await,
                StatusCode::OK,
                "{backend}"
            );
        }
        assert_eq!(
            administer(&app, "bo", "tokens").await,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            read(&app, &token, &number).await,
            StatusCode::UNAUTHORIZED,
            "{backend}: a revoked token was let through"
        );

        let (number, token) = case_and_token(&app, "bo").await;
        assert_eq!(
            read(&app, &token, &number).await,
            StatusCode::OK,
            "{backend}"
        );
        assert_eq!(
            administer(&app, "bo", "disable").await,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            read(&app, &token, &number).await,
            StatusCode::UNAUTHORIZED,
            "{backend}: a disabled user's token was let through"
        );

        let (number, token) = case_and_token(&app, "cy").await;
        assert_eq!(
            read(&app, &token, &number).await,
            StatusCode::OK,
            "{backend}"
        );
        clock.advance(time::Duration::days(1));
        assert_eq!(
            read(&app, &token, &number).await,
            StatusCode::UNAUTHORIZED,
            "{backend}: an expired token was let through"
        );
    }
}

/// Two servers on one database: one revokes a token the other verified a moment before.
/// The other cannot hear of it, so it may go on believing the token for up to
/// `TOKENS_KEPT_FOR`, and no longer: after that it refuses it.
#[tokio::test]
async fn another_server_s_revocation_is_honoured_once_the_kept_seconds_are_over() {
    for db in resettle_testkit::databases() {
        let (first, clock) = demo_app(&db.url).await;
        let second = common::open(&db.url).await;
        let (number, token) = case_and_token(&first, "bo").await;
        assert_eq!(read(&first, &token, &number).await, StatusCode::OK);
        second
            .revoke_tokens(&Caller::operator(), "bo")
            .await
            .unwrap();
        assert_eq!(
            read(&second, &token, &number).await,
            StatusCode::UNAUTHORIZED,
            "{}: the revoking server refuses it at once",
            db.backend
        );
        assert_eq!(
            read(&first, &token, &number).await,
            StatusCode::OK,
            "{}: within the kept seconds the other server may still believe it",
            db.backend
        );
        clock.advance(TOKENS_KEPT_FOR);
        assert_eq!(
            read(&first, &token, &number).await,
            StatusCode::UNAUTHORIZED,
            "{}: the other server still believed a revoked token after {TOKENS_KEPT_FOR:?}",
            db.backend
        );
    }
}
