//! The placement page: run the optimiser over the waiting families, see why each family is
//! proposed where, and confirm (possibly elsewhere) or reject case by case.
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::{App, AppError, PlacementDecision};
use serde::{Deserialize, Serialize};

use super::{Lang, failed, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// Which programme (and, on the reception page, which page of its arrivals).
#[derive(Debug, Deserialize)]
pub(crate) struct ProgrammeQuery {
    #[serde(default)]
    programme: Option<String>,
    #[serde(default)]
    page: Option<u32>,
}

/// The propose form.
#[derive(Debug, Deserialize)]
pub(crate) struct ProposeForm {
    programme: String,
    #[serde(default)]
    csrf: String,
}

/// The decision form of one proposal.
#[derive(Debug, Deserialize)]
pub(crate) struct DecideForm {
    programme: String,
    decision: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    over_capacity_reason: String,
    #[serde(default)]
    csrf: String,
}

async fn default_programme(app: &App, asked: Option<String>) -> Result<String, ApiError> {
    if let Some(p) = asked.filter(|p| !p.is_empty()) {
        return Ok(p);
    }
    Ok(app
        .programmes()
        .await?
        .first()
        .map(|p| p.code.clone())
        .unwrap_or_default())
}

/// `GET /placement`.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(q): Query<ProgrammeQuery>,
) -> Response {
    let programme = match default_programme(&app, q.programme).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(&session), e),
    };
    plan_page(&app, lang, &session, &programme, None).await
}

/// A decision refused: which case, why (the rule's words, without the field name the form
/// shows as a label), and what was typed, kept.
#[derive(Debug, Serialize)]
struct Refused {
    case: String,
    why: String,
    place: String,
    over_capacity_reason: String,
}

/// The plan of `programme`, with the refusal of the last decision at its row, if any.
async fn plan_page(
    app: &App,
    lang: Lang,
    session: &resettle_app::Session,
    programme: &str,
    refused: Option<Refused>,
) -> Response {
    let due_home = match app.due_home(&session.caller, programme).await {
        Ok(d) => d,
        Err(e) => return failed(lang, Some(session), e),
    };
    match app.proposals(&session.caller, programme).await {
        Ok((run, proposals)) => render(
            "placement.html",
            lang,
            context! {
                user => user_context(Some(session)),
                csrf => session.csrf_token.clone(),
                programme => programme,
                run => Value::from(Serde(&run)),
                proposals => Value::from(Serde(&proposals)),
                due_home => Value::from(Serde(&due_home)),
                refused => Value::from(Serde(&refused)),
            },
        ),
        Err(e) => failed(lang, Some(session), e),
    }
}

/// `GET /reception`: the families arriving, soonest first, a page at a time, and every
/// reception place's occupancy against its capacity now.
pub(crate) async fn reception(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(q): Query<ProgrammeQuery>,
) -> Response {
    let programme = match default_programme(&app, q.programme).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(&session), e),
    };
    match app
        .reception_day(&session.caller, &programme, q.page, None)
        .await
    {
        Ok(day) => {
            let pages =
                (day.arriving_families + i64::from(day.per_page) - 1) / i64::from(day.per_page);
            let page = i64::from(day.page);
            let link = |p: i64| format!("/reception?programme={}&page={p}", super::q(&programme));
            render(
                "reception.html",
                lang,
                context! {
                    user => user_context(Some(&session)),
                    programme => programme.clone(),
                    pages => pages.max(1),
                    previous => (page > 1).then(|| link(page - 1)),
                    next => (page < pages).then(|| link(page + 1)),
                    day => Value::from(Serde(&day)),
                },
            )
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}

/// `POST /placement`: a new run.
pub(crate) async fn propose(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<ProposeForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    match app
        .propose_placements(&session.caller, &form.programme)
        .await
    {
        Ok(_) => Redirect::to(&format!("/placement?programme={}", form.programme)).into_response(),
        Err(e) => failed(lang, Some(&session), e),
    }
}

/// `POST /placement/{number}`: confirm or reject one proposal.
pub(crate) async fn decide(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(form): Form<DecideForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let verdict = match resettle_domain::typed_word("decision", &form.decision) {
        Ok(verdict) => verdict,
        Err(refused) => return failed(lang, Some(&session), AppError::Refused(refused)),
    };
    let decision = PlacementDecision {
        decision: verdict,
        place: Some(form.place.clone()).filter(|p| !p.trim().is_empty()),
        over_capacity_reason: Some(form.over_capacity_reason.clone())
            .filter(|r| !r.trim().is_empty()),
    };
    match app
        .decide_placement(&session.caller, &number, &decision)
        .await
    {
        Ok(_) => Redirect::to(&format!("/placement?programme={}#{number}", form.programme))
            .into_response(),
        // A decision refused by a rule (a full place, a lapsed proposal) shows the plan
        // again with the reason at the family's row and what was typed kept.
        Err(e @ (AppError::Refused(_) | AppError::Conflict(_))) => {
            let message = e.to_string();
            let why = ["place: ", "over_capacity_reason: ", "decision: "]
                .iter()
                .find_map(|field| message.strip_prefix(field))
                .unwrap_or(&message)
                .to_string();
            let refused = Refused {
                case: number,
                why,
                place: form.place,
                over_capacity_reason: form.over_capacity_reason,
            };
            plan_page(&app, lang, &session, &form.programme, Some(refused)).await
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}
