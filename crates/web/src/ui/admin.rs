//! The administrator's pages: users (add, disable and re-enable, roles, password, second
//! factor, tokens), organisations, and the policy profiles in force, read-only.
//!
//! The handlers only read forms and choose the answer: every decision (who may, what a
//! valid password or role list is) and every audit entry is the app layer's. A change
//! answers with a redirect to `/admin` and a status line (`?done=<id>`), or with the form
//! again, what was typed kept (never a password), and the error next to its field.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::{App, AppError, Role, Session};
use resettle_domain::access::OrganisationKind;
use serde::{Deserialize, Serialize};

use super::{Fields, Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// The status lines a change may end on, each the message `admin-done-<id>` (with
/// `$user`, `$name` and `$n` where it names them). An id not listed is ignored, so a
/// crafted link cannot make the page fail or say anything else.
pub(crate) const DONE: &[&str] = &[
    "user-added",
    "user-disabled",
    "user-enabled",
    "roles-changed",
    "password-reset",
    "tokens-revoked",
    "organisation-added",
];

/// The routes under `/admin`.
pub(crate) fn router() -> Router<App> {
    use axum::routing::{get, post};
    Router::new()
        .route("/admin", get(users))
        .route("/admin/users", post(add_user))
        .route("/admin/users/{username}", get(user))
        .route("/admin/users/{username}/{action}", post(act))
        .route(
            "/admin/organisations",
            get(organisations).post(add_organisation),
        )
        .route("/admin/policy", get(policy))
}

/// The status line of `/admin` after a change.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DoneQuery {
    done: String,
    user: String,
    name: String,
    n: u64,
}

impl DoneQuery {
    /// The message to show, if the id is one of [`DONE`].
    fn status(&self) -> Value {
        match DONE.iter().find(|d| **d == self.done) {
            Some(id) => context! {
                id => format!("admin-done-{id}"),
                user => self.user.clone(),
                name => self.name.clone(),
                n => self.n,
            },
            None => Value::from(()),
        }
    }
}

impl Fields {
    /// The checked roles, as the app's comma-separated list.
    fn roles(&self) -> String {
        self.all("roles").collect::<Vec<_>>().join(",")
    }
}

/// A refused form: which field, the app's reason, and what was typed (no password).
#[derive(Debug, Default, Serialize)]
struct Problem {
    /// The form: `add`, `roles`, `password`, `organisation`.
    form: &'static str,
    /// The field the reason names (its message is `admin-field-<field>`), if known.
    field: Option<String>,
    /// The reason, as the app layer words it.
    detail: String,
    /// Username typed in the add form.
    username: String,
    /// Roles checked.
    roles: Vec<String>,
    /// Organisation chosen, or typed for a new one.
    organisation: String,
    /// Kind chosen for a new organisation.
    kind: String,
}

/// The fields a reason may name, as the app writes them (`password: …`).
const FIELDS: &[&str] = &[
    "username",
    "password",
    "role",
    "roles",
    "organisation",
    "name",
    "kind",
];

impl Problem {
    /// The problem of a refused form, or `None` when the refusal is not about the input
    /// (forbidden, storage failure): that one is answered as an error page.
    /// `conflict_field` is the field a duplicate or missing record is about.
    fn of(
        lang: Lang,
        form: &'static str,
        error: &AppError,
        conflict_field: &str,
        fields: &Fields,
    ) -> Option<Problem> {
        let message = error.to_string();
        // The field is named by the page in the reader's language: a typed refusal gives
        // it with a reason worded in that language.
        let named = match error {
            AppError::Refused(r) => FIELDS
                .iter()
                .find(|f| **f == r.field)
                .map(|f| (*f, super::refusals::reason(lang, &r.kind, None))),
            AppError::Conflict(_) | AppError::NotFound(_) => None,
            _ => return None,
        };
        let (field, detail) = match named {
            Some((f, rest)) => (
                Some(if f == "role" { "roles" } else { f }.to_string()),
                rest,
            ),
            None if matches!(error, AppError::Refused(_)) => (None, message),
            None => (Some(conflict_field.to_string()), message),
        };
        Some(Problem {
            form,
            field,
            detail,
            username: fields.one("username").to_string(),
            roles: fields
                .roles()
                .split(',')
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect(),
            organisation: fields.one("organisation").to_string(),
            kind: fields.one("kind").to_string(),
        })
    }

    /// The two password fields differ: said in the reader's language (`admin-passwords-differ`).
    fn passwords_differ(form: &'static str, fields: &Fields) -> Problem {
        Problem {
            form,
            field: Some("password".into()),
            detail: String::new(),
            username: fields.one("username").to_string(),
            roles: fields
                .roles()
                .split(',')
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect(),
            organisation: fields.one("organisation").to_string(),
            ..Problem::default()
        }
    }
}

/// The new password if both fields match; `None` sends the form back.
fn typed_twice(fields: &Fields) -> Option<&str> {
    let password = fields.one("password");
    (password == fields.one("password_again")).then_some(password)
}

/// A user's roles as the codes the template words one by one.
fn roles_of(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|r| r.as_str()).collect()
}

fn role_codes() -> Vec<&'static str> {
    roles_of(Role::ALL)
}

fn to_admin(query: &str) -> Response {
    Redirect::to(&format!("/admin?{query}")).into_response()
}

/// `GET /admin`: every user, and the form to add one.
pub(crate) async fn users(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(done): Query<DoneQuery>,
) -> Response {
    users_page(&app, lang, &session, done.status(), None).await
}

async fn users_page(
    app: &App,
    lang: Lang,
    session: &Session,
    done: Value,
    problem: Option<(Problem, ApiError)>,
) -> Response {
    let caller = &session.caller;
    let (users, organisations) = match (app.users(caller).await, app.organisations(caller).await) {
        (Ok(u), Ok(o)) => (u, o),
        (Err(e), _) | (_, Err(e)) => return failed(lang, Some(session), e),
    };
    let page = render(
        "admin_users.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            users => users.iter().map(|u| context! {
                username => u.username.clone(),
                organisation => u.organisation.clone(),
                roles => roles_of(&u.roles),
                disabled => u.disabled,
            }).collect::<Vec<_>>(),
            organisations => Value::from(Serde(&organisations)),
            roles => role_codes(),
            done,
            problem => problem.as_ref().map(|(p, _)| Value::from(Serde(p))),
        },
    );
    match problem {
        Some((_, status)) => status.status_of(page),
        None => page,
    }
}

/// `POST /admin/users`: adds a user.
pub(crate) async fn add_user(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let Some(password) = typed_twice(&fields) else {
        let problem = Problem::passwords_differ("add", &fields);
        return users_page(
            &app,
            lang,
            &session,
            Value::from(()),
            Some((problem, unprocessable())),
        )
        .await;
    };
    let username = fields.one("username");
    let organisation = Some(fields.one("organisation")).filter(|o| !o.is_empty());
    match app
        .add_user(
            &session.caller,
            username,
            &fields.roles(),
            organisation,
            password,
        )
        .await
    {
        Ok(stored) => to_admin(&format!("done=user-added&user={}", q(&stored))),
        Err(e) => match Problem::of(lang, "add", &e, "username", &fields) {
            Some(p) => {
                let organisation_missing = matches!(e, AppError::NotFound(_));
                let p = if organisation_missing {
                    Problem {
                        field: Some("organisation".into()),
                        ..p
                    }
                } else {
                    p
                };
                users_page(&app, lang, &session, Value::from(()), Some((p, e.into()))).await
            }
            None => failed(lang, Some(&session), e),
        },
    }
}

fn unprocessable() -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "the two passwords differ")
}

/// `GET /admin/users/{username}`: one user's forms.
pub(crate) async fn user(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(username): Path<String>,
) -> Response {
    user_page(&app, lang, &session, &username, None).await
}

async fn user_page(
    app: &App,
    lang: Lang,
    session: &Session,
    username: &str,
    problem: Option<(Problem, ApiError)>,
) -> Response {
    let users = match app.users(&session.caller).await {
        Ok(u) => u,
        Err(e) => return failed(lang, Some(session), e),
    };
    let Some(one) = users.into_iter().find(|u| u.username == username) else {
        return failed(
            lang,
            Some(session),
            AppError::NotFound(format!("user {username} does not exist")),
        );
    };
    let page = render(
        "admin_user.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            account => Value::from(Serde(&one)),
            held => roles_of(&one.roles),
            roles => role_codes(),
            problem => problem.as_ref().map(|(p, _)| Value::from(Serde(p))),
        },
    );
    match problem {
        Some((_, status)) => status.status_of(page),
        None => page,
    }
}

/// `POST /admin/users/{username}/{action}`: one change to one user, `action` being
/// `disable`, `enable`, `roles`, `password`, `second-factor` or `tokens`.
pub(crate) async fn act(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((username, action)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let caller = &session.caller;
    let user = q(&username);
    let (form, outcome) = match action.as_str() {
        "disable" => (
            "disable",
            app.disable_user(caller, &username)
                .await
                .map(|()| format!("done=user-disabled&user={user}")),
        ),
        "enable" => (
            "enable",
            app.enable_user(caller, &username)
                .await
                .map(|()| format!("done=user-enabled&user={user}")),
        ),
        "roles" => (
            "roles",
            app.change_roles(caller, &username, &fields.roles())
                .await
                .map(|()| format!("done=roles-changed&user={user}")),
        ),
        "password" => {
            let Some(password) = typed_twice(&fields) else {
                let problem = Problem::passwords_differ("password", &fields);
                return user_page(
                    &app,
                    lang,
                    &session,
                    &username,
                    Some((problem, unprocessable())),
                )
                .await;
            };
            (
                "password",
                app.reset_password(caller, &username, password)
                    .await
                    .map(|()| format!("done=password-reset&user={user}")),
            )
        }
        "tokens" => (
            "tokens",
            app.revoke_tokens(caller, &username)
                .await
                .map(|n| format!("done=tokens-revoked&user={user}&n={n}")),
        ),
        "second-factor" => {
            // The secret is shown on this answer only, never stored in a page to come back
            // to: the answer is not cached (`no-store`) and the app keeps it encrypted.
            return match app.enrol_totp(caller, &username).await {
                Ok((uri, secret)) => render(
                    "admin_second_factor.html",
                    lang,
                    context! {
                        user => user_context(Some(&session)),
                        username,
                        uri,
                        secret,
                    },
                ),
                Err(e) => failed(lang, Some(&session), e),
            };
        }
        _ => {
            return failed(
                lang,
                Some(&session),
                AppError::NotFound(format!("no such change: {action}")),
            );
        }
    };
    match outcome {
        Ok(query) => to_admin(&query),
        Err(e) => match Problem::of(lang, form, &e, "username", &fields) {
            Some(p) if !matches!(e, AppError::NotFound(_)) => {
                user_page(&app, lang, &session, &username, Some((p, e.into()))).await
            }
            _ => failed(lang, Some(&session), e),
        },
    }
}

/// `GET /admin/organisations`.
pub(crate) async fn organisations(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(done): Query<DoneQuery>,
) -> Response {
    organisations_page(&app, lang, &session, done.status(), None).await
}

async fn organisations_page(
    app: &App,
    lang: Lang,
    session: &Session,
    done: Value,
    problem: Option<(Problem, ApiError)>,
) -> Response {
    let organisations = match app.organisations(&session.caller).await {
        Ok(o) => o,
        Err(e) => return failed(lang, Some(session), e),
    };
    let kinds: Vec<&str> = OrganisationKind::ALL.iter().map(|k| k.as_str()).collect();
    let page = render(
        "admin_organisations.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            organisations => Value::from(Serde(&organisations)),
            kinds,
            done,
            problem => problem.as_ref().map(|(p, _)| Value::from(Serde(p))),
        },
    );
    match problem {
        Some((_, status)) => status.status_of(page),
        None => page,
    }
}

/// `POST /admin/organisations`: adds one.
pub(crate) async fn add_organisation(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let name = fields.one("organisation");
    match app
        .add_organisation(&session.caller, name, fields.one("kind"))
        .await
    {
        Ok(()) => Redirect::to(&format!(
            "/admin/organisations?done=organisation-added&name={}",
            q(name.trim())
        ))
        .into_response(),
        Err(e) => match Problem::of(lang, "organisation", &e, "organisation", &fields) {
            Some(p) => {
                // The app names the organisation's name `name`; on this form it is the
                // field `organisation`.
                let p = Problem {
                    field: p.field.map(|f| {
                        if f == "name" {
                            "organisation".into()
                        } else {
                            f
                        }
                    }),
                    ..p
                };
                organisations_page(&app, lang, &session, Value::from(()), Some((p, e.into()))).await
            }
            None => failed(lang, Some(&session), e),
        },
    }
}

/// `GET /admin/policy`: each programme's policy profile, read-only.
pub(crate) async fn policy(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
) -> Response {
    match app.policies_in_force(&session.caller).await {
        Ok(in_force) => {
            let programmes: Vec<Value> = in_force
                .iter()
                .map(|p| {
                    context! {
                        code => p.programme.clone(),
                        name => p.programme_name.clone(),
                        profile => Value::from(Serde(&*p.profile)),
                    }
                })
                .collect();
            render(
                "admin_policy.html",
                lang,
                context! { user => user_context(Some(&session)), programmes },
            )
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}
