//! The planner's programme holds: each programme's holds (when, why, what staff know, and
//! how many families' promised dates fall inside), and a form to record one. The use case
//! decides who may and what is valid and audits it, as for
//! `POST /api/v1/programmes/{code}/holds`; a refusal gives the form back as typed with the
//! reason in the reader's language.
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::family::{NewHold, hold_reasons};
use resettle_app::{App, AppError, Session};
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use super::refusals::Worded;
use super::{Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// The form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct HoldForm {
    programme: String,
    from: String,
    until: String,
    reason: String,
    note: String,
    /// The session's CSRF token; never echoed back into the page.
    #[serde(skip_serializing)]
    csrf: String,
}

/// `?recorded=ID` after a hold was recorded, so the page says so.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct HoldQuery {
    recorded: String,
}

fn day(field: &'static str, typed: &str) -> Result<Date, Refusal> {
    Date::parse(typed.trim(), format_description!("[year]-[month]-[day]")).map_err(|_| {
        Refusal::of(
            field,
            RefusalKind::NotADay {
                given: typed.to_string(),
            },
        )
    })
}

impl HoldForm {
    fn hold(&self) -> Result<NewHold, Refusal> {
        Ok(NewHold {
            from: day("from", &self.from)?,
            until: day("until", &self.until)?,
            reason: self.reason.clone(),
            note: self.note.clone(),
        })
    }
}

/// `GET /holds`.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(query): Query<HoldQuery>,
) -> Response {
    let recorded = query.recorded.trim().parse::<i64>().ok();
    holds_page(&app, lang, &session, None, recorded).await
}

/// Where the hold form's fields are, for a refusal to name them by their labels.
const HOLD_FIELDS: super::refusals::FormFields = &[
    ("from", "from", "holds-col-from"),
    ("until", "until", "holds-col-until"),
    ("reason", "reason", "holds-col-reason"),
    ("note", "note", "holds-col-note"),
];

/// `POST /holds`: records a hold, then shows the holds with a line saying what it
/// concerns.
pub(crate) async fn save(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<HoldForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    // A refusal of the input, worded in the reader's language with the field's label.
    let outcome = match form.hold() {
        Ok(hold) => app
            .record_hold(&session.caller, &form.programme, &hold)
            .await
            .map_err(|e| match e {
                AppError::Refused(_) => Ok(super::refusals::worded(
                    lang,
                    &e,
                    &session.caller,
                    HOLD_FIELDS,
                    None,
                )),
                other => Err(other),
            }),
        Err(r) => Err(Ok(super::refusals::refusal(lang, &r, HOLD_FIELDS, None))),
    };
    match outcome {
        Ok(recorded) => Redirect::to(&format!(
            "/holds?recorded={}#done",
            q(&recorded.record.hold.id.to_string())
        ))
        .into_response(),
        Err(Ok(why)) => holds_page(&app, lang, &session, Some((&form, why)), None).await,
        Err(Err(e)) => failed(lang, Some(&session), e),
    }
}

async fn holds_page(
    app: &App,
    lang: Lang,
    session: &Session,
    typed: Option<(&HoldForm, Worded)>,
    recorded: Option<i64>,
) -> Response {
    let book = match app.hold_book(&session.caller).await {
        Ok(b) => b,
        Err(e) => return failed(lang, Some(session), e),
    };
    let done = recorded.and_then(|id| {
        book.iter()
            .flat_map(|p| &p.holds)
            .find(|h| h.hold.id == id)
            .map(|h| Value::from(Serde(h)))
    });
    let refused = typed.is_some();
    let (form, problem) = match typed {
        Some((form, why)) => (form.clone(), Some(why)),
        None => (HoldForm::default(), None),
    };
    let page = render(
        "holds.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            // Each programme with its holds and the reasons its profile words, in its own
            // form: the reasons are the programme's.
            programmes => book.iter().map(|p| context! {
                code => p.programme.clone(),
                holds => Value::from(Serde(&p.holds)),
                reasons => Value::from(Serde(hold_reasons(&p.policy))),
                names => super::names::names(&p.policy),
            }).collect::<Vec<_>>(),
            form => Value::from(Serde(&form)),
            problem => problem.map(|w| Value::from(Serde(w))),
            done,
        },
    );
    if refused {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "hold refused").status_of(page)
    } else {
        page
    }
}
