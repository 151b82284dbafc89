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
use resettle_app::cases::{CaseQuery, TransitionRequest};
use resettle_app::{App, AppError, Permission};
use resettle_domain::case::{CaseState, MedicalRecord};
use resettle_reports::{DocLang, subject_access};
use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use super::{Lang, failed, render, user_context};
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
    Refused(String, &'a StepForm),
    /// The medical record of this member was saved.
    Saved(u32),
}

/// The fields of the step form: every step's data as typed, lists comma-separated. A
/// refused step shows the form again with what was typed (the token excepted).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct StepForm {
    to: String,
    reason: String,
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

/// Each field of the step form with the message id of its label: a refusal naming a field
/// (`arrived_on: … is in the future`) names it as the form's label does, in the reader's
/// language, not by its API name.
const STEP_LABELS: &[(&str, &str)] = &[
    ("to", "step-to"),
    ("reason", "step-reason"),
    ("grounds", "step-grounds"),
    ("members", "step-members"),
    ("mission", "step-mission"),
    ("reception_place", "step-reception-place"),
    ("sponsor_group", "step-sponsor-group"),
    ("municipality", "step-municipality"),
    ("address", "step-address"),
    ("provider", "step-provider"),
    ("departure_date", "step-departure-date"),
    ("family_notified_on", "step-family-notified-on"),
    ("arrived_on", "step-arrived-on"),
    ("checks", "step-checks"),
];

/// A refusal split into the label id of the field it names, if it names one of the
/// form's, and the reason.
fn labelled(why: String) -> (Option<&'static str>, String) {
    let named = why.split_once(": ").and_then(|(field, reason)| {
        STEP_LABELS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, id)| (*id, reason.to_string()))
    });
    match named {
        Some((id, reason)) => (Some(id), reason),
        None => (None, why),
    }
}

/// `?moved=STATE` after a step was taken, `?submitted=true` after the case was submitted
/// and `?saved=MEMBER` after a medical record was saved, so the page says so.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Moved {
    moved: Option<String>,
    submitted: Option<bool>,
    saved: Option<String>,
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

fn day(field: &str, s: &str) -> Result<Option<Date>, String> {
    text(s)
        .map(|d| {
            Date::parse(&d, format_description!("[year]-[month]-[day]"))
                .map_err(|e| format!("{field}: {d:?} is not a YYYY-MM-DD day ({e})"))
        })
        .transpose()
}

impl StepForm {
    /// The step as the use case takes it, or the first field that cannot be read.
    fn request(&self) -> Result<TransitionRequest, String> {
        let members = words(&self.members)
            .map(|m| {
                m.iter()
                    .map(|n| {
                        n.parse::<u32>()
                            .map_err(|_| format!("members: {n:?} is not a member number"))
                    })
                    .collect::<Result<Vec<u32>, String>>()
            })
            .transpose()?;
        let checks = words(&self.checks)
            .map(|c| {
                c.iter()
                    .map(|pair| {
                        let (name, on) = pair
                            .split_once('=')
                            .ok_or_else(|| format!("checks: {pair:?} is not name=YYYY-MM-DD"))?;
                        let on = day("checks", on)?
                            .ok_or_else(|| format!("checks: {name} needs a date"))?;
                        Ok((name.trim().to_string(), on))
                    })
                    .collect::<Result<BTreeMap<String, Date>, String>>()
            })
            .transpose()?;
        Ok(TransitionRequest {
            to: self.to.clone(),
            reason: self.reason.clone(),
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
        Ok(req) => app
            .transition(&session.caller, &number, &req)
            .await
            .map_err(|e| match e {
                AppError::Storage(_) => "the step could not be saved; it has been logged".into(),
                other => other.to_string(),
            }),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(moved) => {
            Redirect::to(&format!("/cases/{number}?moved={}", moved.state.as_str())).into_response()
        }
        Err(e) => render_case(&app, lang, &session, &number, Answer::Refused(e, &form)).await,
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
    let (moved, step_error, typed, saved) = match answer {
        Answer::Submitted => (None, None, None, None),
        Answer::Moved(state) => (state.map(|s| s.as_str()), None, None, None),
        Answer::Refused(why, form) => (None, Some(why), Some(Value::from(Serde(form))), None),
        Answer::Saved(member_no) => (None, None, None, Some(member_no)),
    };
    let (step_field, step_error) = match step_error.map(labelled) {
        Some((field, why)) => (field, Some(why)),
        None => (None, None),
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
            Ok(events) => Value::from(Serde(&events)),
            Err(e) => return failed(lang, Some(session), e),
        }
    } else {
        Value::from(())
    };
    render(
        "case.html",
        lang,
        context! {
            step_field => step_field,
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
            placement => placement,
            events => events,
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
    let refused = |detail: String| failed(lang, Some(&session), AppError::Invalid(detail));
    let pdf = match format.as_str() {
        "pdf" => true,
        "json" => false,
        other => return refused(format!("format: {other:?} is not json or pdf")),
    };
    let language = match query.language.trim() {
        "" => None,
        code => match DocLang::parse(code) {
            Some(l) => Some(l),
            None => {
                return refused(format!(
                    "language: {code:?} is not one of ar, fa, fr, en, nl"
                ));
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
    fn a_refusal_names_the_field_by_its_label_in_every_language() {
        for (_, id) in STEP_LABELS {
            for lang in Lang::ALL {
                lang.message(id, None).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        assert_eq!(
            labelled("arrived_on: 2026-11-24 is in the future".into()),
            (
                Some("step-arrived-on"),
                "2026-11-24 is in the future".into()
            )
        );
        assert_eq!(
            labelled("case X is at version 3, not 2".into()),
            (None, "case X is at version 3, not 2".into())
        );
    }
}
