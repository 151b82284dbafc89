//! Case pages: the list of cases the user may know exist, and one case as their role sees
//! it (with the medical record of each member for medical officers, and the subject-access
//! export for case officers).
use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::access::visibility::CASE_FIELDS;
use resettle_app::cases::{
    CaseQuery, MoveRequest, NewAfterArrival, NewPromise, ReunificationTies, TransitionRequest,
};
use resettle_app::{App, AppError, NewContact, Permission};
use resettle_domain::case::{CaseState, MedicalRecord, PromiseKind};
use resettle_domain::refusal::Vocabulary;
use resettle_domain::reunification::{Dependency, Evidence};
use resettle_domain::{Refusal, RefusalKind};
use resettle_reports::{DocLang, subject_access};
use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use super::refusals::{FormFields, worded};
use super::{Lang, failed, names, render, user_context};
use crate::extract::ApiQuery;
use crate::session::{SignedIn, check_csrf};

/// `GET /cases`: the cases in the user's scope, filtered and paged; with `ours=true`, the
/// submissions of the user's own office (a UNHCR liaison's "Our submissions").
pub(crate) async fn list(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    q: Result<ApiQuery<CaseQuery>, crate::ApiError>,
) -> Response {
    let q = match q {
        Ok(ApiQuery(q)) => q,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let user = user_context(Some(&session));
    if !session.caller.may(Permission::ReadCases) {
        return render("cases.html", lang, context! { user, no_access => true });
    }
    match app.list_cases(&session.caller, &q).await {
        Ok(list) => {
            // The number of pages only when every match was counted.
            let pages = list
                .total_exact
                .then(|| (list.total + i64::from(list.per_page) - 1) / i64::from(list.per_page))
                .map(|p| p.max(1));
            let page = i64::from(list.page);
            // Each next page starts after the last case of this one; the overdue list,
            // in another order, goes by page number. Back from a page reached by key is
            // back to the first: the browser's own back button goes one page back.
            let next = match &list.next {
                Some(after) => Some(page_link(&q, page + 1, Some(after))),
                None => pages
                    .filter(|pages| q.overdue == Some(true) && page < *pages)
                    .map(|_| page_link(&q, page + 1, None)),
            };
            let previous = match q.after.as_deref().filter(|a| !a.is_empty()) {
                Some(_) => Some(page_link(&q, 1, None)),
                None => (page > 1).then(|| page_link(&q, page - 1, None)),
            };
            render(
                "cases.html",
                lang,
                context! {
                    user,
                    filters => list_filters(&session.caller, &q),
                    states => CaseState::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                    list => Value::from(Serde(&list)),
                    ours => q.ours == Some(true),
                    pages,
                    first => q.after.as_deref().is_some_and(|a| !a.is_empty()),
                    previous,
                    next,
                    export_query => filter_query(&q),
                },
            )
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}

/// The filters the page offers the caller (only on fields its roles see, as the app
/// layer enforces), with the values given.
fn list_filters(caller: &resettle_app::Caller, q: &CaseQuery) -> minijinja::Value {
    use resettle_app::access::visibility::sees;
    use resettle_domain::case::{Priority, SubmissionCategory};
    let given = |v: Option<&str>| v.unwrap_or_default().to_string();
    context! {
        q => given(q.q.as_deref()),
        state => given(q.state.map(CaseState::as_str)),
        priority => sees(caller, "priority").then(|| given(q.priority.map(Priority::as_str))),
        priorities => Priority::ALL.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        category => sees(caller, "categories").then(|| given(q.category.map(SubmissionCategory::as_str))),
        categories => SubmissionCategory::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        overdue => (sees(caller, "overdue") && caller.scope() == resettle_app::access::permission::Scope::All)
            .then_some(q.overdue == Some(true)),
    }
}

/// The address of another page of the same list, every filter kept: page `page`, or,
/// `after` a case, the page that starts after it (`page` then only numbers it).
fn page_link(q: &CaseQuery, page: i64, after: Option<&str>) -> String {
    let mut pairs = filter_pairs(q);
    if let Some(n) = q.per_page {
        pairs.push(("per_page", n.to_string()));
    }
    pairs.push(("page", page.to_string()));
    if let Some(after) = after {
        pairs.push(("after", after.to_string()));
    }
    format!(
        "/cases?{}",
        serde_urlencoded::to_string(&pairs).expect("query pairs encode")
    )
}

/// The list's filters as a query string, for the export links: the file holds every case
/// the filters match, not the page shown.
fn filter_query(q: &CaseQuery) -> String {
    serde_urlencoded::to_string(filter_pairs(q)).expect("query pairs encode")
}

/// The filters given, as query pairs (empty ones left out).
fn filter_pairs(q: &CaseQuery) -> Vec<(&'static str, String)> {
    let mut pairs: Vec<(&str, String)> = [
        ("q", q.q.clone()),
        ("state", q.state.map(|s| s.to_string())),
        ("priority", q.priority.map(|p| p.to_string())),
        ("category", q.category.map(|c| c.to_string())),
        ("nationality", q.nationality.clone()),
        ("country_of_asylum", q.country_of_asylum.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)))
    .collect();
    for (name, on) in [("overdue", q.overdue), ("ours", q.ours)] {
        if on == Some(true) {
            pairs.push((name, "true".into()));
        }
    }
    pairs
}

/// `GET /cases/{number}`: the case as the user's role sees it.
pub(crate) async fn show(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    ApiQuery(moved): ApiQuery<Moved>,
) -> Response {
    // Only a real state is echoed, as words: the page says nothing it was not told by
    // the lifecycle (nor fails on a crafted link).
    let answer = if moved.submitted == Some(true) {
        Answer::Submitted
    } else if moved.relocated == Some(true) {
        Answer::Relocated
    } else if let Some(member_no) = moved.saved.and_then(|m| m.parse::<u32>().ok()) {
        Answer::Saved(member_no)
    } else if let Some(kind) = moved.promised.and_then(|k| k.parse::<PromiseKind>().ok()) {
        Answer::Promised(kind)
    } else if moved.contact == Some(true) {
        Answer::ContactSaved
    } else if let Some(step) = moved.after_arrival {
        Answer::AfterArrivalSaved(step)
    } else if let Some(request) = moved.ties {
        Answer::TiesSaved(request)
    } else {
        Answer::Moved(moved.moved.and_then(|s| s.parse::<CaseState>().ok()))
    };
    render_case(&app, lang, &session, &number, answer).await
}

/// What the case page says about the step form's last use, or the submission form's.
enum Answer<'a> {
    /// The case was just submitted.
    Submitted,
    /// A step was taken and the case is now in this state (or nothing happened).
    Moved(Option<CaseState>),
    /// The step was refused, for this reason; the form keeps what was typed.
    Refused(AppError, &'a StepForm),
    /// The medical record of this member was saved.
    Saved(u32),
    /// The family's move to another place was recorded.
    Relocated,
    /// The move was refused, for this reason; the form keeps what was typed.
    MoveRefused(AppError, &'a MoveForm),
    /// A date of this kind was recorded (and the family's notice queued).
    Promised(PromiseKind),
    /// The date was refused, for this reason; the form keeps what was typed.
    PromiseRefused(AppError, &'a PromiseForm),
    /// How to reach the family was saved.
    ContactSaved,
    /// The contact was refused, for this reason; the form keeps what was typed.
    ContactRefused(AppError, &'a ContactForm),
    /// This step after arrival was recorded.
    AfterArrivalSaved(String),
    /// It was refused, for this reason; the form keeps what was typed.
    AfterArrivalRefused(AppError, &'a AfterArrivalForm),
    /// The dependency and evidence of this reunification request (from 1) were saved.
    TiesSaved(u32),
    /// They were refused, for this reason; the request's form keeps what was ticked.
    TiesRefused(AppError, &'a TiesForm),
}

/// The forms of the case page, for a refusal to go to the one it refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseForm {
    Step,
    Promise,
    Contact,
    Move,
    Ties,
    AfterArrival,
}

/// The fields of the form recording a step after arrival, as typed.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct AfterArrivalForm {
    name: String,
    done_on: String,
    #[serde(skip_serializing)]
    csrf: String,
}

/// Where the form's fields are.
const AFTER_ARRIVAL_FIELDS: FormFields = &[
    ("name", "name", "after-arrival-col-step"),
    ("done_on", "done_on", "after-arrival-col-done"),
];

/// What was ticked on a reunification request's form, shown again when it is refused.
#[derive(Debug, Default, Serialize)]
pub(crate) struct TiesForm {
    request: u32,
    dependency: Vec<String>,
    evidence: Vec<String>,
}

impl TiesForm {
    fn posted(fields: &super::Fields) -> TiesForm {
        TiesForm {
            request: fields.one("request").parse().unwrap_or_default(),
            dependency: fields.all("dependency").map(str::to_string).collect(),
            evidence: fields.all("evidence").map(str::to_string).collect(),
        }
    }

    /// The ties as the use case takes them, or the first word that is none of its list.
    fn ties(&self) -> Result<ReunificationTies, Refusal> {
        Ok(ReunificationTies {
            dependency: self
                .dependency
                .iter()
                .map(|w| w.parse())
                .collect::<Result<_, _>>()?,
            evidence: self
                .evidence
                .iter()
                .map(|w| w.parse())
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Where a reunification request's form fields are.
const TIES_FIELDS: FormFields = &[
    ("dependency", "dependency", "ties-dependency"),
    ("evidence", "evidence", "ties-evidence"),
];

/// The fields of the form that records how to reach the family.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct ContactForm {
    email: String,
    phone: String,
    #[serde(skip_serializing)]
    csrf: String,
}

/// The fields of the step form: every step's data as typed, lists comma-separated. A
/// refused step shows the form again with what was typed (the token excepted).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct StepForm {
    to: String,
    reason: String,
    reason_code: String,
    expected_version: i64,
    grounds: String,
    members: String,
    mission: String,
    reception_place: String,
    sponsor_group: String,
    municipality: String,
    address: String,
    provider: String,
    departure_date: String,
    family_notified_on: String,
    arrived_on: String,
    checks: String,
    over_capacity_reason: String,
    #[serde(skip_serializing)]
    csrf: String,
}

/// The fields of the form that moves a family to another reception place.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct MoveForm {
    place: String,
    on: String,
    reason: String,
    over_capacity_reason: String,
    expected_version: i64,
    #[serde(skip_serializing)]
    csrf: String,
}

/// Where the step form's fields are, for a refusal to name them by their labels.
const STEP_FIELDS: FormFields = &[
    ("to", "to", "step-to"),
    ("reason", "reason", "step-reason"),
    ("reason_code", "reason_code", "step-reason-code"),
    ("grounds", "grounds", "step-grounds"),
    ("members", "members", "step-members"),
    ("mission", "mission", "step-mission"),
    ("reception_place", "reception_place", "step-reception-place"),
    ("sponsor_group", "sponsor_group", "step-sponsor-group"),
    ("municipality", "municipality", "step-municipality"),
    ("address", "address", "step-address"),
    ("provider", "provider", "step-provider"),
    ("departure_date", "departure_date", "step-departure-date"),
    (
        "family_notified_on",
        "family_notified_on",
        "step-family-notified-on",
    ),
    ("arrived_on", "arrived_on", "step-arrived-on"),
    ("checks", "checks", "step-checks"),
    (
        "over_capacity_reason",
        "over_capacity_reason",
        "step-over-capacity-reason",
    ),
];

/// Where the promise form's fields are.
const PROMISE_FIELDS: FormFields = &[
    ("kind", "kind", "promised-kind"),
    ("promised_date", "promised_date", "promised-date"),
    ("reason_code", "reason_code", "promised-reason-code"),
    ("reason", "reason", "promised-reason"),
    (
        "family_notified_on",
        "family_notified_on",
        "promised-notified-on",
    ),
];

/// Where the contact form's fields are.
const CONTACT_FIELDS: FormFields = &[
    ("email", "email", "contact-email"),
    ("phone", "phone", "contact-phone"),
];

/// Where the move form's fields are.
const MOVE_FIELDS: FormFields = &[
    ("place", "place", "move-place"),
    ("on", "on", "move-on"),
    ("reason", "reason", "move-reason"),
    (
        "over_capacity_reason",
        "over_capacity_reason",
        "move-over-capacity-reason",
    ),
];

/// `?moved=STATE` after a step was taken, `?submitted=true` after the case was submitted,
/// `?saved=MEMBER` after a medical record was saved, `?promised=KIND` after a date was
/// recorded and `?contact=true` after the family's contact was saved, so the page says so.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Moved {
    moved: Option<String>,
    submitted: Option<bool>,
    saved: Option<String>,
    promised: Option<String>,
    contact: Option<bool>,
    relocated: Option<bool>,
    ties: Option<u32>,
    after_arrival: Option<String>,
}

/// The fields of the promise form, as typed; a refused promise shows them again.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct PromiseForm {
    kind: String,
    promised_date: String,
    reason_code: String,
    reason: String,
    family_notified_on: String,
    #[serde(skip_serializing)]
    csrf: String,
}

impl PromiseForm {
    /// The promise as the use case takes it, or the first field that cannot be read.
    fn request(&self) -> Result<NewPromise, Refusal> {
        Ok(NewPromise {
            kind: resettle_domain::typed_word("kind", &self.kind)?,
            promised_date: day("promised_date", &self.promised_date)?
                .ok_or_else(|| Refusal::of("promised_date", RefusalKind::Missing))?,
            reason: text(&self.reason),
            reason_code: text(&self.reason_code),
            family_notified_on: day("family_notified_on", &self.family_notified_on)?,
        })
    }
}

fn words(s: &str) -> Option<Vec<String>> {
    let v: Vec<String> = s
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    (!v.is_empty()).then_some(v)
}

fn text(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A day typed as the date input sends it, nothing when left empty, or the refusal of
/// `field`.
fn day(field: &'static str, s: &str) -> Result<Option<Date>, Refusal> {
    text(s)
        .map(|d| {
            Date::parse(&d, format_description!("[year]-[month]-[day]"))
                .map_err(|_| Refusal::of(field, RefusalKind::NotADay { given: d }))
        })
        .transpose()
}

impl StepForm {
    /// The step as the use case takes it, or the first field that cannot be read.
    fn request(&self) -> Result<TransitionRequest, Refusal> {
        let members = words(&self.members)
            .map(|m| {
                m.iter()
                    .map(|n| {
                        n.parse::<u32>().map_err(|_| {
                            Refusal::of("members", RefusalKind::NotANumber { given: n.clone() })
                        })
                    })
                    .collect::<Result<Vec<u32>, Refusal>>()
            })
            .transpose()?;
        let checks = words(&self.checks)
            .map(|c| {
                c.iter()
                    .map(|pair| {
                        let not_a_pair = || {
                            Refusal::of(
                                "checks",
                                RefusalKind::NotNameAndDay {
                                    given: pair.clone(),
                                },
                            )
                        };
                        let (name, on) = pair.split_once('=').ok_or_else(not_a_pair)?;
                        let on = day("checks", on)?.ok_or_else(not_a_pair)?;
                        Ok((name.trim().to_string(), on))
                    })
                    .collect::<Result<BTreeMap<String, Date>, Refusal>>()
            })
            .transpose()?;
        Ok(TransitionRequest {
            to: resettle_domain::typed_word("to", &self.to)?,
            reason: self.reason.clone(),
            reason_code: text(&self.reason_code),
            expected_version: self.expected_version,
            grounds: words(&self.grounds),
            members,
            mission: text(&self.mission),
            reception_place: text(&self.reception_place),
            sponsor_group: text(&self.sponsor_group),
            municipality: text(&self.municipality),
            address: text(&self.address),
            provider: text(&self.provider),
            departure_date: day("departure_date", &self.departure_date)?,
            family_notified_on: day("family_notified_on", &self.family_notified_on)?,
            arrived_on: day("arrived_on", &self.arrived_on)?,
            checks,
            over_capacity_reason: text(&self.over_capacity_reason),
        })
    }
}

impl MoveForm {
    /// The move as the use case takes it, or the first field that cannot be read.
    fn request(&self) -> Result<MoveRequest, Refusal> {
        Ok(MoveRequest {
            place: self.place.trim().to_string(),
            on: day("on", &self.on)?,
            reason: self.reason.clone(),
            over_capacity_reason: text(&self.over_capacity_reason),
            expected_version: self.expected_version,
        })
    }
}

/// `POST /cases/{number}/move`: moves the family to another reception place (a centre to
/// an LOI); a refused move changes nothing and the page says why, naming the field.
pub(crate) async fn relocate(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(form): Form<MoveForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let outcome = match form.request() {
        Err(e) => Err(e.into()),
        Ok(req) => app.move_family(&session.caller, &number, &req).await,
    };
    match outcome {
        Ok(_) => Redirect::to(&format!("/cases/{number}?relocated=true#stays")).into_response(),
        Err(e) => {
            refused_on_case(&app, lang, &session, &number, e, |e| {
                Answer::MoveRefused(e, &form)
            })
            .await
        }
    }
}

/// `POST /cases/{number}/step`: moves the case one step; a refused step changes nothing and
/// the page says why, naming the field.
pub(crate) async fn step(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(form): Form<StepForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let outcome = match form.request() {
        Ok(req) => app.transition(&session.caller, &number, &req).await,
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(moved) => {
            // To the line that says so (the form's `#step-title` would otherwise be kept).
            Redirect::to(&format!(
                "/cases/{number}?moved={}#step-done",
                moved.state.as_str()
            ))
            .into_response()
        }
        Err(e) => render_case(&app, lang, &session, &number, Answer::Refused(e, &form)).await,
    }
}

/// `POST /cases/{number}/promise`: records a date told to the family (a slip needs its
/// reason); the family's notice is queued with it. A refusal changes nothing and the page
/// says why, keeping what was typed.
pub(crate) async fn promise(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(form): Form<PromiseForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let outcome = match form.request() {
        Ok(p) => app
            .add_promise(&session.caller, &number, &p)
            .await
            .map(|_| p.kind),
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(kind) => {
            Redirect::to(&format!("/cases/{number}?promised={kind}#promises")).into_response()
        }
        Err(e) => {
            render_case(
                &app,
                lang,
                &session,
                &number,
                Answer::PromiseRefused(e, &form),
            )
            .await
        }
    }
}

/// `POST /cases/{number}/contact`: records how to reach the family, for the roles that
/// inform families; a refusal names the field and keeps what was typed.
pub(crate) async fn contact(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(form): Form<ContactForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let typed = NewContact {
        email: text(&form.email),
        phone: text(&form.phone),
    };
    match app.set_contact(&session.caller, &number, &typed).await {
        Ok(_) => {
            Redirect::to(&format!("/cases/{number}?contact=true#contact-title")).into_response()
        }
        Err(e) => {
            refused_on_case(&app, lang, &session, &number, e, |e| {
                Answer::ContactRefused(e, &form)
            })
            .await
        }
    }
}

/// `POST /cases/{number}/after-arrival`: records a step after arrival as done on a day; a
/// refusal changes nothing and the form says why, keeping what was typed.
pub(crate) async fn after_arrival(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(form): Form<AfterArrivalForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let outcome = match day("done_on", &form.done_on) {
        Ok(done_on) => {
            let step = NewAfterArrival {
                name: form.name.clone(),
                done_on,
            };
            app.record_after_arrival(&session.caller, &number, &step)
                .await
        }
        Err(e) => Err(e.into()),
    };
    match outcome {
        // Only a name the profile lists comes back in the link, so the page names it.
        Ok(_) => Redirect::to(&format!(
            "/cases/{number}?after_arrival={}#after-arrival",
            form.name.trim()
        ))
        .into_response(),
        Err(e) => {
            refused_on_case(&app, lang, &session, &number, e, |e| {
                Answer::AfterArrivalRefused(e, &form)
            })
            .await
        }
    }
}

/// `POST /cases/{number}/reunification-ties`: records how the relative of a reunification
/// request depends on the family and the proof of family ties offered; a refusal changes
/// nothing and the request's form says why, keeping what was ticked.
pub(crate) async fn ties(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = super::Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let form = TiesForm::posted(&fields);
    let outcome = match form.ties() {
        Ok(t) => {
            app.set_reunification_ties(&session.caller, &number, form.request, &t)
                .await
        }
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok(_) => Redirect::to(&format!(
            "/cases/{number}?ties={}#reunification",
            form.request
        ))
        .into_response(),
        Err(e) => {
            refused_on_case(&app, lang, &session, &number, e, |e| {
                Answer::TiesRefused(e, &form)
            })
            .await
        }
    }
}

/// A form on the case page refused: a refusal by role or scope is a page of its own in the
/// reader's words (the case page itself may not be shown to them); any other refusal shows
/// the case again with the form, what was typed and why.
async fn refused_on_case<'a>(
    app: &App,
    lang: Lang,
    session: &resettle_app::Session,
    number: &str,
    refused: AppError,
    answer: impl FnOnce(AppError) -> Answer<'a>,
) -> Response {
    match refused {
        e @ (AppError::Forbidden { .. } | AppError::NotFound(_)) => failed(lang, Some(session), e),
        e => render_case(app, lang, session, number, answer(e)).await,
    }
}

async fn render_case(
    app: &App,
    lang: Lang,
    session: &resettle_app::Session,
    number: &str,
    answer: Answer<'_>,
) -> Response {
    let submitted = matches!(answer, Answer::Submitted);
    let relocated = matches!(answer, Answer::Relocated);
    let promised = match answer {
        Answer::Promised(kind) => Some(kind.as_str()),
        _ => None,
    };
    let contact_saved = matches!(answer, Answer::ContactSaved);
    let after_arrival_saved = match &answer {
        Answer::AfterArrivalSaved(step) => Some(step.clone()),
        _ => None,
    };
    let ties_saved = match answer {
        Answer::TiesSaved(request) => Some(request),
        _ => None,
    };
    // The refused form (which keeps what was typed), the refusal and where its fields are.
    let (moved, saved, refused) = match answer {
        Answer::Submitted
        | Answer::Promised(_)
        | Answer::Relocated
        | Answer::ContactSaved
        | Answer::TiesSaved(_)
        | Answer::AfterArrivalSaved(_) => (None, None, None),
        Answer::Moved(state) => (state.map(|s| s.as_str()), None, None),
        Answer::Saved(member_no) => (None, Some(member_no), None),
        Answer::Refused(why, form) => (
            None,
            None,
            Some((CaseForm::Step, why, STEP_FIELDS, Value::from(Serde(form)))),
        ),
        Answer::PromiseRefused(why, form) => (
            None,
            None,
            Some((
                CaseForm::Promise,
                why,
                PROMISE_FIELDS,
                Value::from(Serde(form)),
            )),
        ),
        Answer::ContactRefused(why, form) => (
            None,
            None,
            Some((
                CaseForm::Contact,
                why,
                CONTACT_FIELDS,
                Value::from(Serde(form)),
            )),
        ),
        Answer::MoveRefused(why, form) => (
            None,
            None,
            Some((CaseForm::Move, why, MOVE_FIELDS, Value::from(Serde(form)))),
        ),
        Answer::AfterArrivalRefused(why, form) => (
            None,
            None,
            Some((
                CaseForm::AfterArrival,
                why,
                AFTER_ARRIVAL_FIELDS,
                Value::from(Serde(form)),
            )),
        ),
        Answer::TiesRefused(why, form) => (
            None,
            None,
            Some((CaseForm::Ties, why, TIES_FIELDS, Value::from(Serde(form)))),
        ),
    };
    let caller = &session.caller;
    let number = number.to_string();
    let case = match app.case(caller, &number).await {
        Ok(c) => c,
        Err(e) => return failed(lang, Some(session), e),
    };
    let medical = if caller.may(Permission::ReadMedical) {
        match app.medical_records(caller, &number).await {
            Ok(m) => Some(medical_rows(&case, &m)),
            Err(e) => return failed(lang, Some(session), e),
        }
    } else {
        None
    };
    // Only a member of the family is named as saved: the line says nothing it was not told.
    let saved = saved.and_then(|n| {
        medical
            .iter()
            .flatten()
            .find(|row| row.member_no == n)
            .map(|row| row.full_name.clone())
    });
    // In the order of the fields table, without empty values; the template words them.
    let scalars: Vec<(String, String)> = CASE_FIELDS
        .iter()
        .filter_map(|(field, _)| {
            let v = case.get(field)?;
            (!v.is_null() && !v.is_array() && !v.is_object()).then(|| {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                (field.to_string(), text)
            })
        })
        .collect();
    let member_columns: Vec<&str> = CASE_FIELDS
        .iter()
        .filter_map(|(f, _)| f.strip_prefix("members."))
        .filter(|f| case["members"][0].get(f).is_some())
        .collect();
    let placement = placement_context(app, caller, &number).await;
    // The history, for the roles that see it (filtered by the field matrix in the app),
    // with the family's stays among its steps.
    let events = if resettle_app::access::visibility::sees(caller, "waiting") {
        match app.case_events(caller, &number).await {
            Ok(events) => names::timeline(&events),
            Err(e) => return failed(lang, Some(session), e),
        }
    } else {
        Vec::new()
    };
    let timeline = with_stays(events, &case["stays"]);
    // A reception officer moves a family on from a stay at a reception place or a sponsor
    // group's home; the places the form offers are the programme's.
    let current = case["stays"]
        .as_array()
        .and_then(|s| s.last())
        .filter(|s| s["until"].is_null() && s["kind"] != "home");
    let places = match current {
        Some(_) if caller.may(Permission::Place) => {
            let programme = case["programme"].as_str().unwrap_or_default();
            match app.place_choices(caller, programme).await {
                Ok(p) => Some(p),
                Err(e) => return failed(lang, Some(session), e),
            }
        }
        _ => None,
    };
    // The words of the profile's checks, grounds and reasons, and the lists the forms offer.
    let programme = case["programme"].as_str().unwrap_or_default();
    let policy = match app.programme_policy(programme).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    // A refusal, worded with the words of the case's profile, goes to the form it refused,
    // which shows again what was typed.
    let refused = refused.map(|(form, why, fields, typed)| {
        let worded = worded(lang, &why, caller, fields, Some(&policy));
        (form, Value::from(Serde(worded)), typed)
    });
    let of = |which: CaseForm| {
        refused
            .as_ref()
            .filter(|(form, ..)| *form == which)
            .map(|(_, error, typed)| (error.clone(), typed.clone()))
            .unzip()
    };
    let (step_error, typed) = of(CaseForm::Step);
    let (promise_error, promise_typed) = of(CaseForm::Promise);
    let (contact_error, contact_typed) = of(CaseForm::Contact);
    let (move_error, move_typed) = of(CaseForm::Move);
    let (ties_error, ties_typed) = of(CaseForm::Ties);
    let (after_arrival_error, after_arrival_typed) = of(CaseForm::AfterArrival);
    // Only a step the profile lists is named as saved.
    let after_arrival_saved =
        after_arrival_saved.filter(|s| policy.post_arrival_checks().iter().any(|c| &c.name == s));
    let state: Option<CaseState> = case["state"].as_str().and_then(|s| s.parse().ok());
    let allowed: Vec<CaseState> = case["allowed_transitions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str()?.parse().ok())
        .collect();
    let departure_promised = case["promises"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|p| p["kind"] == PromiseKind::Departure.as_str());
    let step_lists = state
        .map(|s| names::step_lists(s, &allowed, departure_promised))
        .unwrap_or_default();
    render(
        "case.html",
        lang,
        context! {
            step_error => step_error,
            moved => moved,
            submitted,
            saved => saved,
            typed => typed,
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            case => Value::from(Serde(&case)),
            scalars => scalars,
            member_columns => member_columns,
            medical => Value::from(Serde(&medical)),
            may_export => caller.may(Permission::ExportSubject),
            letter_languages => caller.may(Permission::InformFamilies).then(|| {
                Lang::FAMILY
                    .iter()
                    .map(|l| context! { code => l.code(), name => l.own_name() })
                    .collect::<Vec<_>>()
            }),
            letter_language => super::family_letter::letter_language(&principal_languages(&case)).code(),
            placement => placement,
            events => Value::from(Serde(&timeline)),
            places => Value::from(Serde(&places)),
            relocated,
            move_error => move_error,
            move_typed => move_typed,
            names => names::names(&policy),
            reasons => Value::from(Serde(policy.reasons())),
            step_lists => step_lists,
            may_promise => caller.may(Permission::RecordPromises),
            promise_kinds => PromiseKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            may_inform => caller.may(Permission::InformFamilies),
            channels => context! {
                email => app.notice_channels().email,
                sms => app.notice_channels().sms,
            },
            promised => promised,
            promise_error => promise_error,
            promise_typed => promise_typed,
            contact_saved,
            contact_error => contact_error,
            contact_typed => contact_typed,
            ties_saved => ties_saved,
            may_follow_up => caller.may(Permission::RecordOutcomes),
            after_arrival_saved => after_arrival_saved,
            after_arrival_error => after_arrival_error,
            after_arrival_typed => after_arrival_typed,
            ties_error => ties_error,
            ties_typed => ties_typed,
            dependencies => Dependency::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
            evidences => Evidence::ALL.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
        },
    )
}

/// The languages of the principal applicant as the caller sees them (none where the role
/// does not see languages), for the language a family's letter opens in.
fn principal_languages(case: &serde_json::Value) -> Vec<String> {
    case["members"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["relationship"] == "principal_applicant")
        .and_then(|m| m["languages"].as_array())
        .into_iter()
        .flatten()
        .filter_map(|l| l.as_str().map(str::to_string))
        .collect()
}

/// The events of a case with its stays among them, in the order they happened: a stay
/// begun by a step (into reception, into a home) right after that step, a move between
/// places right after the stay it ended.
fn with_stays(events: Vec<serde_json::Value>, stays: &serde_json::Value) -> Vec<serde_json::Value> {
    let day = |v: &serde_json::Value, key: &str| {
        v[key]
            .as_str()
            .map(|s| s.chars().take(10).collect::<String>())
            .unwrap_or_default()
    };
    // The step that begins a stay of this kind: into reception for a centre or an LOI,
    // into a home for the rest.
    let begins = |event: &serde_json::Value, stay: &serde_json::Value| {
        let reception = matches!(stay["kind"].as_str(), Some("centre" | "loi"));
        event["to"] == if reception { "in_reception" } else { "housed" }
    };
    // For each event, the stays placed right after it.
    let mut after: Vec<Vec<serde_json::Value>> = vec![Vec::new(); events.len()];
    let mut unplaced = Vec::new();
    let mut last: Option<usize> = None;
    for stay in stays.as_array().into_iter().flatten() {
        let from = day(stay, "from");
        let step = (last.map_or(0, |l| l + 1)..events.len())
            .find(|&i| day(&events[i], "at") == from && begins(&events[i], stay))
            .or_else(|| {
                // A move: after the stay it ended (that is, after the same event), or
                // after the last step on or before its day.
                last.or_else(|| events.iter().rposition(|e| day(e, "at") <= from))
            });
        let entry = serde_json::json!({ "at": stay["from"], "stay": stay });
        match step {
            Some(i) => {
                after[i].push(entry);
                last = Some(i);
            }
            None => unplaced.push(entry),
        }
    }
    let mut timeline = unplaced;
    for (event, stays) in events.into_iter().zip(after) {
        timeline.push(event);
        timeline.extend(stays);
    }
    timeline
}

/// One member's line of the medical record: every member has one, with their record if
/// there is one, so a medical officer can write the first.
#[derive(Debug, Serialize)]
struct MedicalRow {
    member_no: u32,
    full_name: String,
    record: Option<MedicalRecord>,
}

fn medical_rows(case: &serde_json::Value, records: &[MedicalRecord]) -> Vec<MedicalRow> {
    case["members"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let member_no = u32::try_from(m["member_no"].as_u64()?).ok()?;
            Some(MedicalRow {
                member_no,
                full_name: m["full_name"].as_str().unwrap_or_default().to_string(),
                record: records.iter().find(|r| r.member_no == member_no).cloned(),
            })
        })
        .collect()
}

/// The open placement proposal of the case, for reception officers.
async fn placement_context(app: &App, caller: &resettle_app::Caller, number: &str) -> Value {
    if !caller.may(Permission::Place) {
        return Value::from(());
    }
    match app.proposal(caller, number).await {
        Ok(p) => Value::from(Serde(&p)),
        Err(e) => {
            // The case page still shows; the proposal is an extra, not worth a 500.
            tracing::warn!(case = number, error = %e, "placement proposal unreadable");
            Value::from(())
        }
    }
}

/// The language a family's printed export is asked for in (`?language=ar`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ExportQuery {
    language: String,
}

/// `GET /cases/{number}/export.json` and `.pdf`: the subject-access export; the PDF in the
/// language asked for, else in the family's own.
pub(crate) async fn export(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, format)): Path<(String, String)>,
    Query(query): Query<ExportQuery>,
) -> Response {
    let refused = |field: &'static str, given: &str, allowed: Vec<&str>| {
        let refusal = Refusal::not_in_list(field, given, allowed, Vocabulary::Plain);
        failed(lang, Some(&session), AppError::Refused(refusal))
    };
    let pdf = match format.as_str() {
        "pdf" => true,
        "json" => false,
        other => return refused("format", other, vec!["json", "pdf"]),
    };
    let language = match query.language.trim() {
        "" => None,
        code => match DocLang::parse(code) {
            Some(l) => Some(l),
            None => {
                let codes = DocLang::ALL.iter().map(|l| l.code()).collect();
                return refused("language", code, codes);
            }
        },
    };
    let x = match app.subject_export(&session.caller, &number).await {
        Ok(x) => x,
        Err(e) => return failed(lang, Some(&session), e),
    };
    let disposition = format!("attachment; filename=\"{number}.{format}\"");
    let (content_type, body) = if pdf {
        let language = language.unwrap_or_else(|| subject_access::family_language(&x.case));
        let typeset = app
            .run_document(move || {
                resettle_reports::pdf::render(&subject_access::document(&x, language))
            })
            .await;
        match typeset {
            Ok(Ok(bytes)) => ("application/pdf", bytes),
            Ok(Err(e)) => {
                return failed(
                    lang,
                    Some(&session),
                    crate::ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
                );
            }
            Err(e) => return failed(lang, Some(&session), e),
        }
    } else {
        (
            "application/json",
            serde_json::to_vec_pretty(&x).unwrap_or_default(),
        )
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::Lang;

    #[test]
    fn stays_follow_the_step_that_began_them_and_moves_the_stay_they_ended() {
        let event = |at: &str, to: &str| serde_json::json!({ "at": at, "to": to });
        let stay = |kind: &str, from: &str| serde_json::json!({ "kind": kind, "from": from });
        let events = vec![
            event("2026-11-20T09:00:00Z", "arrived"),
            event("2026-11-23T09:00:00Z", "in_reception"),
            event("2026-11-23T12:00:00Z", "housed"),
        ];
        let stays = serde_json::json!([
            stay("centre", "2026-11-23"),
            stay("loi", "2026-11-23"),
            stay("home", "2026-11-23"),
        ]);
        let order: Vec<String> = with_stays(events.clone(), &stays)
            .iter()
            .map(|e| {
                e["stay"]["kind"]
                    .as_str()
                    .or(e["to"].as_str())
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            order,
            ["arrived", "in_reception", "centre", "loi", "housed", "home"]
        );
        // A role that sees no events still sees the stays, in order.
        assert_eq!(with_stays(Vec::new(), &stays).len(), 3);
    }

    #[test]
    fn every_field_of_the_forms_is_labelled_in_every_language() {
        for (_, _, id) in STEP_FIELDS
            .iter()
            .chain(PROMISE_FIELDS)
            .chain(CONTACT_FIELDS)
            .chain(MOVE_FIELDS)
        {
            for lang in Lang::STAFF {
                lang.message(id, None).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    #[test]
    fn what_the_page_cannot_read_is_refused_with_its_field() {
        let form = StepForm {
            members: "1, two".into(),
            ..StepForm::default()
        };
        let e = form.request().unwrap_err();
        assert_eq!(
            (e.field.as_ref(), e.kind),
            (
                "members",
                RefusalKind::NotANumber {
                    given: "two".into()
                }
            )
        );
        let form = StepForm {
            checks: "humanitarian_visa".into(),
            ..StepForm::default()
        };
        assert_eq!(
            form.request().unwrap_err().kind.as_str(),
            "not_name_and_day"
        );
        let form = PromiseForm {
            kind: "departure".into(),
            ..PromiseForm::default()
        };
        assert_eq!(
            form.request().unwrap_err(),
            Refusal::of("promised_date", RefusalKind::Missing)
        );
        // The words of a fixed list are read here too: none chosen, or one not listed.
        assert_eq!(
            PromiseForm::default().request().unwrap_err(),
            Refusal::of("kind", RefusalKind::Missing)
        );
        let form = StepForm {
            to: "flying".into(),
            ..StepForm::default()
        };
        let e = form.request().unwrap_err();
        assert_eq!((e.field.as_ref(), e.kind.as_str()), ("to", "not_in_list"));
    }
}
