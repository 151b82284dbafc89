//! Case pages: the list of cases the user may know exist, and one case as their role sees
//! it (with the medical record of each member for medical officers, and the subject-access
//! export for case officers).
use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::access::visibility::CASE_FIELDS;
use resettle_app::cases::NewPromise;
use resettle_app::cases::{CaseQuery, TransitionRequest};
use resettle_app::{App, AppError, Permission};
use resettle_domain::case::{CaseState, MedicalRecord, PromiseKind};
use resettle_domain::{Refusal, RefusalKind};
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
    ApiQuery(q): ApiQuery<CaseQuery>,
) -> Response {
    let user = user_context(Some(&session));
    if !session.caller.may(Permission::ReadCases) {
        return render("cases.html", lang, context! { user, no_access => true });
    }
    match app.list_cases(&session.caller, &q).await {
        Ok(list) => {
            let pages = (list.total + i64::from(list.per_page) - 1) / i64::from(list.per_page);
            let page = i64::from(list.page);
            render(
                "cases.html",
                lang,
                context! {
                    user,
                    filters => list_filters(&session.caller, &q),
                    states => CaseState::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                    list => Value::from(Serde(&list)),
                    ours => q.ours == Some(true),
                    pages => pages.max(1),
                    previous => (page > 1).then(|| page_link(&q, page - 1)),
                    next => (page < pages).then(|| page_link(&q, page + 1)),
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
    let given = |v: &Option<String>| v.clone().unwrap_or_default();
    context! {
        q => given(&q.q),
        state => given(&q.state),
        priority => sees(caller, "priority").then(|| given(&q.priority)),
        priorities => Priority::ALL.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        category => sees(caller, "categories").then(|| given(&q.category)),
        categories => SubmissionCategory::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        overdue => (sees(caller, "overdue") && caller.scope() == resettle_app::access::permission::Scope::All)
            .then_some(q.overdue == Some(true)),
    }
}

/// The address of another page of the same list, every filter kept.
fn page_link(q: &CaseQuery, page: i64) -> String {
    let mut pairs: Vec<(&str, String)> = [
        ("q", &q.q),
        ("state", &q.state),
        ("priority", &q.priority),
        ("category", &q.category),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.clone().filter(|v| !v.is_empty()).map(|v| (k, v)))
    .collect();
    for (name, on) in [("overdue", q.overdue), ("ours", q.ours)] {
        if on == Some(true) {
            pairs.push((name, "true".into()));
        }
    }
    if let Some(n) = q.per_page {
        pairs.push(("per_page", n.to_string()));
    }
    pairs.push(("page", page.to_string()));
    format!(
        "/cases?{}",
        serde_urlencoded::to_string(&pairs).expect("query pairs encode")
    )
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
    } else if let Some(member_no) = moved.saved.and_then(|m| m.parse::<u32>().ok()) {
        Answer::Saved(member_no)
    } else if let Some(kind) = moved.promised.and_then(|k| k.parse::<PromiseKind>().ok()) {
        Answer::Promised(kind)
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
    /// A date of this kind was promised.
    Promised(PromiseKind),
    /// The promise was refused, for this reason; the form keeps what was typed.
    PromiseRefused(AppError, &'a PromiseForm),
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

/// `?moved=STATE` after a step was taken, `?submitted=true` after the case was submitted,
/// `?saved=MEMBER` after a medical record was saved and `?promised=KIND` after a date was
/// promised, so the page says so.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Moved {
    moved: Option<String>,
    submitted: Option<bool>,
    saved: Option<String>,
    promised: Option<String>,
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
            kind: self.kind.clone(),
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
            to: self.to.clone(),
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
        })
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

/// `POST /cases/{number}/promise`: records a date told to the family, or a new one that
/// replaces it (a slip, with its reason from the profile's list); a refused promise changes
/// nothing and the page says why.
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

async fn render_case(
    app: &App,
    lang: Lang,
    session: &resettle_app::Session,
    number: &str,
    answer: Answer<'_>,
) -> Response {
    let submitted = matches!(answer, Answer::Submitted);
    let promised = match answer {
        Answer::Promised(kind) => Some(kind.as_str()),
        _ => None,
    };
    let promising = matches!(answer, Answer::PromiseRefused(..));
    let (moved, refused, typed, saved) = match answer {
        Answer::Submitted | Answer::Promised(_) => (None, None, None, None),
        Answer::Moved(state) => (state.map(|s| s.as_str()), None, None, None),
        Answer::Refused(why, form) => (
            None,
            Some((why, STEP_FIELDS)),
            Some(Value::from(Serde(form))),
            None,
        ),
        Answer::PromiseRefused(why, form) => (
            None,
            Some((why, PROMISE_FIELDS)),
            Some(Value::from(Serde(form))),
            None,
        ),
        Answer::Saved(member_no) => (None, None, None, Some(member_no)),
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
    // The history, for the roles that see it (filtered by the field matrix in the app).
    let events = if resettle_app::access::visibility::sees(caller, "waiting") {
        match app.case_events(caller, &number).await {
            Ok(events) => names::timeline(&events),
            Err(e) => return failed(lang, Some(session), e),
        }
    } else {
        Value::from(())
    };
    // The words of the profile's checks, grounds and reasons, and the lists the forms offer.
    let programme = case["programme"].as_str().unwrap_or_default();
    let policy = match app.programme_policy(programme).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    // A refusal, worded with the words of the case's profile, is the step form's or the
    // promise form's, which keeps what was typed.
    let refused = refused.map(|(why, fields)| worded(lang, &why, caller, fields, Some(&policy)));
    let (step_error, promise_error) = if promising {
        (None, refused)
    } else {
        (refused, None)
    };
    let (promise_typed, typed) = if promising {
        (typed, None)
    } else {
        (None, typed)
    };
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
            step_error => step_error.map(|w| Value::from(Serde(w))),
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
            placement => placement,
            events => events,
            names => names::names(&policy),
            reasons => Value::from(Serde(policy.reasons())),
            step_lists => step_lists,
            may_promise => caller.may(Permission::RecordPromises),
            promise_kinds => PromiseKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            promised => promised,
            promise_error => promise_error.map(|w| Value::from(Serde(w))),
            promise_typed => promise_typed,
        },
    )
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

/// `GET /cases/{number}/export.json` and `.pdf`: the subject-access export.
pub(crate) async fn export(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, format)): Path<(String, String)>,
) -> Response {
    let pdf = match format.as_str() {
        "pdf" => true,
        "json" => false,
        other => {
            return failed(
                lang,
                Some(&session),
                AppError::Invalid(format!("format: {other:?} is not json or pdf")),
            );
        }
    };
    match app.subject_export(&session.caller, &number).await {
        Ok(x) => {
            let disposition = format!("attachment; filename=\"{number}.{format}\"");
            if pdf {
                (
                    [
                        (header::CONTENT_TYPE, "application/pdf".to_string()),
                        (header::CONTENT_DISPOSITION, disposition),
                    ],
                    x.to_pdf(),
                )
                    .into_response()
            } else {
                (
                    [
                        (header::CONTENT_TYPE, "application/json".to_string()),
                        (header::CONTENT_DISPOSITION, disposition),
                    ],
                    serde_json::to_string_pretty(&x).unwrap_or_default(),
                )
                    .into_response()
            }
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::Lang;

    #[test]
    fn every_field_of_the_forms_is_labelled_in_every_language() {
        for (_, _, id) in STEP_FIELDS.iter().chain(PROMISE_FIELDS) {
            for lang in Lang::ALL {
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
        let form = PromiseForm::default();
        assert_eq!(
            form.request().unwrap_err(),
            Refusal::of("promised_date", RefusalKind::Missing)
        );
    }
}
