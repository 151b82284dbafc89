//! Signing in and out: password, then the one-time password where the role requires it.
use axum::Form;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use resettle_app::{App, AppError};
use serde::Deserialize;

use super::{Lang, failed, render, user_context};
use crate::session::{
    ClientAddr, HalfSignedIn, MaybeSignedIn, SignedIn, check_csrf, clear_cookie, set_cookie,
};

/// Fields of the sign-in form.
#[derive(Debug, Deserialize)]
pub(crate) struct LoginForm {
    username: String,
    password: String,
}

/// Fields of the one-time-password form.
#[derive(Debug, Deserialize)]
pub(crate) struct CodeForm {
    code: String,
    #[serde(default)]
    csrf: String,
}

/// Fields of the sign-out form.
#[derive(Debug, Deserialize)]
pub(crate) struct LogoutForm {
    #[serde(default)]
    csrf: String,
}

/// A redirect that hands the browser a new session cookie.
fn redirect_with_cookie(to: &str, cookie: &str) -> Response {
    let mut r = Redirect::to(to).into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, set_cookie(cookie));
    r
}

/// `GET /login`.
pub(crate) async fn page(lang: Lang, MaybeSignedIn(session): MaybeSignedIn) -> Response {
    render(
        "login.html",
        lang,
        context! { user => user_context(session.as_ref()) },
    )
}

/// `POST /login`: a new session on every sign-in (never the old cookie), so a cookie
/// planted before sign-in is worthless.
pub(crate) async fn login(
    lang: Lang,
    State(app): State<App>,
    ClientAddr(source): ClientAddr,
    Form(form): Form<LoginForm>,
) -> Response {
    match app
        .login(form.username.trim(), &form.password, &source)
        .await
    {
        Ok(s) => {
            let to = if s.needs_second_factor {
                "/login/code"
            } else {
                "/cases"
            };
            redirect_with_cookie(to, &s.cookie)
        }
        Err(
            e @ (AppError::Unauthorized(_)
            | AppError::TooManyRequests { .. }
            | AppError::Busy { .. }),
        ) => {
            // The sign-in page again, saying why, with the refusal's status and its
            // Retry-After: a person reads a page, not a problem document.
            let message = e.to_string();
            let problem = crate::ApiError::from(e);
            let r = render(
                "login.html",
                lang,
                context! { error => message, username => form.username },
            );
            problem.status_of(r)
        }
        Err(e) => failed(lang, None, e),
    }
}

/// `GET /login/code`.
pub(crate) async fn code_page(lang: Lang, half: HalfSignedIn) -> Response {
    if !half.session.needs_second_factor {
        return Redirect::to(super::landing(&half.session.caller)).into_response();
    }
    render(
        "code.html",
        lang,
        context! { csrf => half.session.csrf_token.clone(), username => half.session.caller.username.clone() },
    )
}

/// `POST /login/code`: a right code moves the session to a new cookie, sent here in
/// place of the half-signed-in one (which stops working).
pub(crate) async fn code(
    lang: Lang,
    State(app): State<App>,
    half: HalfSignedIn,
    Form(form): Form<CodeForm>,
) -> Response {
    if let Err(refused) = check_csrf(&half.session, &form.csrf) {
        return failed(lang, None, refused);
    }
    match app
        .second_factor(&half.cookie, &form.code, &half.session.caller.source)
        .await
    {
        Ok(cookie) => redirect_with_cookie(super::landing(&half.session.caller), &cookie),
        Err(AppError::Unauthorized(m)) => {
            let mut r = render(
                "code.html",
                lang,
                context! { csrf => half.session.csrf_token.clone(), username => half.session.caller.username.clone(), error => m },
            );
            *r.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
            r
        }
        Err(e) => failed(lang, None, e),
    }
}

/// `POST /logout`: ends the session in the database and removes the cookie.
pub(crate) async fn logout(
    lang: Lang,
    State(app): State<App>,
    signed_in: SignedIn,
    Form(form): Form<LogoutForm>,
) -> Response {
    if let Err(refused) = check_csrf(&signed_in.session, &form.csrf) {
        return failed(lang, Some(&signed_in.session), refused);
    }
    if let Err(e) = app
        .logout(&signed_in.cookie, &signed_in.session.caller)
        .await
    {
        return failed(lang, Some(&signed_in.session), e);
    }
    let mut r = Redirect::to("/login").into_response();
    r.headers_mut().insert(header::SET_COOKIE, clear_cookie());
    r
}
