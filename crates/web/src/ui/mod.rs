//! The server-rendered web UI: pages from embedded templates, charts drawn as SVG on the
//! server, no JavaScript build.
mod account;
mod admin;
mod audit;
mod cases;
mod claims;
mod dashboard;
mod exports;
mod fair_share;
mod families;
mod family_letter;
mod family_status;
mod fan_chart;
mod fonts;
mod forecast;
mod holds;
mod i18n;
mod import;
mod inform;
mod language;
mod medical;
mod names;
mod placement;
mod pledges;
mod quota;
mod refusals;
mod report;
mod submission;
mod support;

use std::sync::LazyLock;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::Environment;
use resettle_app::App;
use resettle_reports::charts;

pub(crate) use i18n::Lang;
pub(crate) use language::of_request as request_language;

/// Templates compiled into the binary, so a release runs from one file.
static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    i18n::register(&mut env);
    for (name, source) in TEMPLATE_SOURCES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e}"));
    }
    env
});

/// Every template with its source, for the environment and for the test that finds each
/// message a template names in every language.
const TEMPLATE_SOURCES: &[(&str, &str)] = &[
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
    ("login.html", include_str!("../../templates/login.html")),
    ("code.html", include_str!("../../templates/code.html")),
    ("cases.html", include_str!("../../templates/cases.html")),
    ("pledges.html", include_str!("../../templates/pledges.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("claims.html", include_str!("../../templates/claims.html")),
    ("import.html", include_str!("../../templates/import.html")),
    ("quota.html", include_str!("../../templates/quota.html")),
    (
        "forecast.html",
        include_str!("../../templates/forecast.html"),
    ),
    (
        "case_new.html",
        include_str!("../../templates/case_new.html"),
    ),
    (
        "reception.html",
        include_str!("../../templates/reception.html"),
    ),
    (
        "families.html",
        include_str!("../../templates/families.html"),
    ),
    (
        "_timeline.html",
        include_str!("../../templates/_timeline.html"),
    ),
    ("_stay.html", include_str!("../../templates/_stay.html")),
    (
        "_refusal.html",
        include_str!("../../templates/_refusal.html"),
    ),
    ("case.html", include_str!("../../templates/case.html")),
    (
        "case_medical.html",
        include_str!("../../templates/case_medical.html"),
    ),
    ("audit.html", include_str!("../../templates/audit.html")),
    (
        "placement.html",
        include_str!("../../templates/placement.html"),
    ),
    ("inform.html", include_str!("../../templates/inform.html")),
    ("error.html", include_str!("../../templates/error.html")),
    (
        "_admin_nav.html",
        include_str!("../../templates/_admin_nav.html"),
    ),
    (
        "_admin_problem.html",
        include_str!("../../templates/_admin_problem.html"),
    ),
    (
        "admin_users.html",
        include_str!("../../templates/admin_users.html"),
    ),
    (
        "admin_user.html",
        include_str!("../../templates/admin_user.html"),
    ),
    (
        "admin_second_factor.html",
        include_str!("../../templates/admin_second_factor.html"),
    ),
    (
        "admin_organisations.html",
        include_str!("../../templates/admin_organisations.html"),
    ),
    (
        "admin_policy.html",
        include_str!("../../templates/admin_policy.html"),
    ),
    ("holds.html", include_str!("../../templates/holds.html")),
    ("support.html", include_str!("../../templates/support.html")),
    (
        "support_family.html",
        include_str!("../../templates/support_family.html"),
    ),
    (
        "family_base.html",
        include_str!("../../templates/family_base.html"),
    ),
    ("family.html", include_str!("../../templates/family.html")),
    (
        "family_letter.html",
        include_str!("../../templates/family_letter.html"),
    ),
];

/// The templates of the family's pages, rendered in the family's catalogue
/// (`family.ftl`) and its languages (the message tests render each in each).
#[cfg(test)]
const FAMILY_TEMPLATES: &[&str] = &["family_base.html", "family.html", "family_letter.html"];

/// The partials both the staff's and the family's pages include, so rendered in both
/// catalogues: the one timeline renderer.
#[cfg(test)]
const SHARED_TEMPLATES: &[&str] = &["_timeline.html"];

const STYLESHEET: &str = include_str!("../../static/style.css");

/// htmx 2.0.11 (BSD Zero Clause), vendored from the npm registry: nothing loads from a CDN.
const HTMX: &str = include_str!("../../static/htmx.min.js");

/// The UI routes.
pub(crate) fn router(app: &App) -> Router<App> {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/fair-share", get(fair_share::page))
        .route("/fair-share/outcome", get(fair_share::outcome))
        .route(
            "/fair-share/scenarios",
            get(fair_share::compare).post(fair_share::save),
        )
        .route("/fair-share/scenarios/delete", post(fair_share::delete))
        .route("/login", get(account::page).post(account::login))
        .route("/login/code", get(account::code_page).post(account::code))
        .route("/logout", post(account::logout))
        .route("/cases", get(cases::list))
        .route("/cases/new", get(submission::page).post(submission::post))
        .route("/cases/{number}", get(cases::show))
        .route("/cases/{number}/export.{format}", get(cases::export))
        .route("/cases/{number}/step", post(cases::step))
        .route("/cases/{number}/promise", post(cases::promise))
        .route("/cases/{number}/contact", post(cases::contact))
        .route("/cases/{number}/reunification-ties", post(cases::ties))
        .route("/cases/{number}/after-arrival", post(cases::after_arrival))
        .route("/cases/{number}/move", post(cases::relocate))
        .route("/inform", get(inform::page))
        .route(
            "/cases/{number}/medical/{member_no}",
            get(medical::page).post(medical::save),
        )
        .route("/audit", get(audit::page))
        .route("/audit.csv", get(audit::csv))
        .route("/placement", get(placement::page).post(placement::propose))
        .route("/placement/{number}", post(placement::decide))
        .route("/reception", get(placement::reception))
        .route("/families", get(families::page))
        .route("/support", get(support::work_list))
        .route("/support/{number}", get(support::family))
        .route("/support/{number}/contacts", post(support::contact))
        .route("/support/{number}/checkins", post(support::checkin))
        .route("/support/{number}/goals/{goal_no}", post(support::goal))
        .route(
            "/support/{number}/tasks/{task_id}",
            post(support::close_task),
        )
        .route("/pledges", get(pledges::page).post(pledges::save))
        .route("/quota", get(quota::page))
        .route("/quota/decisions", post(quota::decide))
        .route("/holds", get(holds::page).post(holds::save))
        .route("/cases/{number}/family-code", post(family_letter::issue))
        .route("/forecast", get(forecast::page).post(forecast::run))
        .route("/report", get(report::page))
        .route("/report/annual", get(report::build))
        .route("/report/funding", get(report::claim))
        .route(claims::PATH, get(claims::page).post(claims::file))
        .route(import::PATH, get(import::page).post(import::post))
        .route("/export/{list}", get(exports::get))
        .merge(admin::router())
        .route("/static/style.css", get(stylesheet))
        .route(report::STYLESHEET_PATH, get(report::stylesheet))
        .route("/static/htmx.min.js", get(htmx))
        .route("/static/fonts/{file}", get(fonts::font))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            language::choose,
        ))
        .merge(
            // The family's page chooses among the families' languages, not the staff's.
            Router::new()
                .route(
                    "/family",
                    get(family_status::page).post(family_status::sign_in),
                )
                .route("/family/sign-out", post(family_status::sign_out))
                .route("/family/checkin", post(family_status::checkin))
                .layer(axum::middleware::from_fn(language::choose_family)),
        )
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

/// A form's fields as posted: repeated names (a group of checkboxes) keep every value.
#[derive(Debug, Default)]
pub(crate) struct Fields(pub(crate) Vec<(String, String)>);

impl Fields {
    /// The first value posted under `name`, or nothing.
    pub(crate) fn one(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value posted under `name`, in the order posted (the checked boxes of a group).
    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Where a user lands after signing in: the case list for those who work on cases, the
/// administration for an administrator who does not (an administrator used to land on a
/// case list they may not read).
pub(crate) fn landing(caller: &resettle_app::Caller) -> &'static str {
    use resettle_app::Permission;
    if caller.may(Permission::ManageUsers) && !caller.may(Permission::ReadCases) {
        "/admin"
    } else {
        "/cases"
    }
}

/// Who is signed in, for the header of every page: name, roles, and the CSRF token of the
/// sign-out form.
pub(crate) fn user_context(session: Option<&resettle_app::Session>) -> minijinja::Value {
    match session {
        None => minijinja::Value::from(()),
        Some(s) => {
            let roles: Vec<&str> = s.caller.roles.iter().map(|r| r.as_str()).collect();
            minijinja::context! {
                username => s.caller.username.clone(),
                roles => roles,
                organisation => s.caller.organisation.clone(),
                csrf => s.csrf_token.clone(),
                cases => s.caller.may(resettle_app::Permission::ReadCases),
                submit => s.caller.may(resettle_app::Permission::SubmitCase),
                audit => s.caller.may(resettle_app::Permission::ReadAudit),
                place => s.caller.may(resettle_app::Permission::Place),
                // "Our families" is the home of those who support families where they
                // live (municipalities, sponsors); reception officers, who see every case,
                // reach it by municipality from the reception page.
                families => s.caller.may(resettle_app::Permission::ReadCases)
                    && resettle_app::access::visibility::sees(&s.caller, "address")
                    && matches!(
                        s.caller.scope(),
                        resettle_app::access::permission::Scope::Limited(_)
                    ),
                // The support work list is the home of those who follow families after
                // arrival: support providers, municipalities, sponsors and reception.
                support => s.caller.may(resettle_app::Permission::ReadSupport),
                admin => s.caller.may(resettle_app::Permission::ManageUsers),
                plan => s.caller.may(resettle_app::Permission::PlanQuotas),
                // The work list of families to inform is a case officer's; reception
                // officers, whose header holds reception and placement, reach it from the
                // reception page.
                inform => s.caller.may(resettle_app::Permission::InformFamilies)
                    && !s.caller.may(resettle_app::Permission::Place),
                report => s.caller.may(resettle_app::Permission::BuildReports),
            }
        }
    }
}

/// Percent-encodes a value for a query string of an answer's address (a status line's
/// name, a programme code).
fn q(value: &str) -> String {
    serde_urlencoded::to_string([("", value)])
        .map(|s| s.trim_start_matches('=').to_string())
        .unwrap_or_default()
}

/// The page a person gets when the server sheds their request (503, see `shedding`): in
/// their language, saying nothing was changed, with its `Retry-After`.
pub(crate) fn busy(lang: Lang, retry_after: u64) -> Response {
    let detail = lang.message("error-busy", None).unwrap_or_else(|e| e);
    let page = render(
        "error.html",
        lang,
        minijinja::context! {
            user => user_context(None),
            status => 503,
            detail,
        },
    );
    crate::ApiError::from(resettle_app::AppError::Busy {
        detail: String::new(),
        retry_after,
    })
    .status_of(page)
}

/// An error as a page in the reader's language, for people in a browser; the API answers
/// the same errors as problem+json. The detail is the use case's own sentence.
fn failed(
    lang: Lang,
    session: Option<&resettle_app::Session>,
    error: impl Into<crate::ApiError>,
) -> Response {
    let error = error.into();
    let status = error.status();
    if status.is_server_error() {
        tracing::error!(status = %status, detail = error.detail(), "page failed");
    }
    let detail = match (error.lacking(), error.refusal(), session) {
        (Some(lacking), _, Some(s)) => not_allowed(lang, &s.caller, lacking),
        (_, Some(r), _) => refusals::reason(lang, &r.kind, None),
        _ => error.detail().to_string(),
    };
    let page = render(
        "error.html",
        lang,
        minijinja::context! {
            user => user_context(session),
            status => status.as_u16(),
            detail,
        },
    );
    error.status_of(page)
}

/// Why a role was refused, in the reader's words: the caller's roles and what they do not
/// allow (`move a case to "arrived"`), never the permission's internal name.
fn not_allowed(
    lang: Lang,
    caller: &resettle_app::Caller,
    lacking: resettle_app::Permission,
) -> String {
    let word = |kind: &str, code: &str| lang.word(kind, code).unwrap_or_else(|_| code.into());
    let roles: Vec<String> = caller
        .roles
        .iter()
        .map(|r| word("role", r.as_str()))
        .collect();
    let mut args = fluent_bundle::FluentArgs::new();
    if let resettle_app::Permission::MoveCase(state) = lacking {
        args.set("state", word("state", state.as_str()));
    }
    let what = lang
        .message(&format!("permission-{}", lacking.code()), Some(&args))
        .unwrap_or_else(|e| e);
    args.set("roles", roles.join(", "));
    args.set("what", what);
    lang.message("not-allowed", Some(&args))
        .unwrap_or_else(|e| e)
}

/// Renders a family's page (`family.ftl`) in the family's language, written in its
/// direction, with the language switcher when `switcher` (not on the printed letter).
fn render_family(name: &str, lang: Lang, switcher: bool, context: minijinja::Value) -> Response {
    let languages: Vec<minijinja::Value> = if switcher {
        Lang::FAMILY
            .iter()
            .map(|l| {
                minijinja::context! { code => l.code(), name => l.own_name(), dir => l.dir() }
            })
            .collect()
    } else {
        Vec::new()
    };
    render(
        name,
        lang,
        minijinja::context! {
            catalogue => "family",
            dir => lang.dir(),
            languages,
            ..context
        },
    )
}

/// Renders a page in the reader's language; a template error (a message missing from the
/// language among them) is logged and answered as a plain 500.
fn render(name: &str, lang: Lang, context: minijinja::Value) -> Response {
    let context = minijinja::context! { lang => lang.code(), ..context };
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
