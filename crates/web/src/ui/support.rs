//! The pages of those who support families after arrival (support providers,
//! municipalities, sponsor groups, reception officers): the work list of their families,
//! overdue check-ins and open tasks, and a family's support with the forms to log a
//! contact, record a check-in, mark a goal reached and close a task.
//!
//! The handlers only read the forms and choose the answer: who may see and do what, what
//! a valid entry is, whose health answers are shown and the audit entries are the app
//! layer's. A refused form gives the page back with what was typed and the reason in the
//! reader's language, naming the field; nothing is written.
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::support::{CheckInAnswers, CloseTask, FamilyCheckInForm, NewContact};
use resettle_app::{App, AppError, Permission, Session};
use resettle_domain::support::{ContactKind, HealthAccess, Schooling, Work};
use resettle_domain::{Refusal, RefusalKind};
use serde::Deserialize;
use time::Date;
use time::macros::format_description;

use super::refusals::{FormFields, Worded, worded};
use super::{Fields, Lang, failed, render, user_context};
use crate::session::{SignedIn, check_csrf};

/// Where the contact form's fields are, for a refusal to name them.
const CONTACT_FIELDS: FormFields = &[
    ("on", "on", "support-contact-on"),
    ("kind", "kind", "support-contact-kind"),
    ("note", "note", "support-contact-note"),
];

/// Where the check-in form's fields are.
const CHECKIN_FIELDS: FormFields = &[
    ("months", "months", "support-checkin-months"),
    ("answered_on", "answered_on", "support-checkin-answered-on"),
    ("housing.rooms", "rooms", "support-checkin-rooms"),
    ("rooms", "rooms", "support-checkin-rooms"),
    ("schooling", "schooling", "support-checkin-school"),
    ("work", "work", "support-checkin-work"),
    (
        "relatives_abroad",
        "relatives_abroad",
        "support-checkin-relatives",
    ),
    ("feeling", "feeling", "support-checkin-feeling"),
];

/// Where a goal's form's fields are.
const GOAL_FIELDS: FormFields = &[
    ("reached_on", "reached_on", "support-goal-reached-on"),
    ("goal_no", "reached_on", "support-goal"),
];

/// Where a task's form's fields are.
const TASK_FIELDS: FormFields = &[
    ("note", "note", "support-task-note"),
    ("task_id", "note", "support-task"),
];

/// What a family's page opens on after a form was saved (`?done=checkin`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct After {
    done: String,
}

/// A refused form: which (`contact`, `checkin`, `goal-2`, `task-17`), what was typed and
/// why it was refused.
struct Refused {
    form: String,
    typed: Fields,
    problem: Worded,
}

/// `GET /support`: the caller's families in support, overdue check-ins and open tasks.
pub(crate) async fn work_list(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
) -> Response {
    match app.support_work_list(&session.caller).await {
        Ok(list) => render(
            "support.html",
            lang,
            context! {
                user => user_context(Some(&session)),
                work => Value::from(Serde(&list)),
            },
        ),
        Err(e) => failed(lang, Some(&session), e),
    }
}

/// `GET /support/{number}`: a family's support and the forms the caller may use.
pub(crate) async fn family(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Query(after): Query<After>,
) -> Response {
    let done = DONE
        .iter()
        .find(|(form, _)| *form == after.done)
        .map(|(_, line)| *line);
    family_page(&app, lang, &session, &number, done, None).await
}

/// The forms a family's page says were saved, each with its line.
const DONE: &[(&str, &str)] = &[
    ("contact", "support-done-contact"),
    ("checkin", "support-done-checkin"),
    ("goal", "support-done-goal"),
    ("task", "support-done-task"),
];

async fn family_page(
    app: &App,
    lang: Lang,
    session: &Session,
    number: &str,
    done: Option<&str>,
    refused: Option<Refused>,
) -> Response {
    let caller = &session.caller;
    let view = match app.support(caller, number).await {
        Ok(v) => v,
        Err(e) => return failed(lang, Some(session), e),
    };
    let record = caller.may(Permission::RecordCheckIns);
    let form = if record && view.plan.is_some() {
        match app.checkin_form(caller, number).await {
            Ok(f) => f,
            Err(e) => return failed(lang, Some(session), e),
        }
    } else {
        None
    };
    let (refused_form, typed, problem) = match &refused {
        Some(r) => (
            r.form.as_str(),
            r.typed
                .0
                .iter()
                .filter(|(k, _)| k != "csrf")
                .cloned()
                .collect::<std::collections::BTreeMap<_, _>>(),
            Some(Value::from(Serde(&r.problem))),
        ),
        None => ("", Default::default(), None),
    };
    let page = render(
        "support_family.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            support => Value::from(Serde(&view)),
            asked => form.as_ref().map(|f| Value::from(Serde(f))),
            manage => caller.may(Permission::ManageSupport),
            health => caller.may(Permission::ReadCheckInHealth),
            today => session_today(app),
            contact_kinds => ContactKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            saved_line => done,
            refused => refused_form,
            typed,
            problem,
        },
    );
    match refused {
        Some(_) => (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
        None => page,
    }
}

/// Today as a date input writes it, for the forms' default day.
fn session_today(app: &App) -> String {
    app.today().to_string()
}

/// A day typed into a date input, nothing when left empty, or the refusal of `field`.
fn day(field: &'static str, text: &str) -> Result<Option<Date>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| {
            Refusal::of(
                field,
                RefusalKind::NotADay {
                    given: text.to_string(),
                },
            )
        })
}

/// A whole number typed in the reader's language, or the refusal of `field`. Its bounds
/// are the use case's to check.
fn count(lang: Lang, field: &'static str, text: &str) -> Result<u32, Refusal> {
    let not_a_number = || {
        Refusal::of(
            field,
            RefusalKind::NotANumber {
                given: text.trim().to_string(),
            },
        )
    };
    let n = lang.whole_number(text).ok_or_else(not_a_number)?;
    u32::try_from(n).map_err(|_| {
        Refusal::of(
            field,
            RefusalKind::OutOfRange {
                min: "0".into(),
                max: u32::MAX.to_string(),
                got: n.to_string(),
            },
        )
    })
}

/// The check-in as typed: checkboxes post `name=on`; `school_N`, `work_N`, `training_N`
/// and `match_N` name member N of the family's children and adults the form asked about.
fn answers(
    lang: Lang,
    fields: &Fields,
    form: &FamilyCheckInForm,
) -> Result<CheckInAnswers, Refusal> {
    let on = |name: &str| fields.one(name) == "on";
    let months = match fields.one("months").trim() {
        "" => form.months,
        typed => count(lang, "months", typed)?,
    };
    let feeling = count(lang, "feeling", fields.one("feeling"))?;
    Ok(CheckInAnswers {
        months,
        answered_on: day("answered_on", fields.one("answered_on"))?,
        own_home: on("own_home"),
        own_kitchen: on("own_kitchen"),
        own_shower: on("own_shower"),
        rooms: count(lang, "housing.rooms", fields.one("rooms"))?,
        language_course: on("language_course"),
        schooling: schooling(form, &on),
        work: work(form, &on, Training::Asked),
        health: (!on("health_skip")).then(|| HealthAccess {
            registered_with_doctor: on("doctor"),
            care_when_needed: on("care"),
        }),
        relatives_abroad: count(lang, "relatives_abroad", fields.one("relatives_abroad"))?,
        // A number beyond the scale is the use case's to refuse, as any out of 1 to 5.
        feeling: u8::try_from(feeling).unwrap_or(u8::MAX),
    })
}

/// Each child's answer of a check-in form (`school_N`), as ticked (`on`); the staff's
/// form and the family's own ask it alike.
pub(super) fn schooling(form: &FamilyCheckInForm, on: &impl Fn(&str) -> bool) -> Vec<Schooling> {
    form.children
        .iter()
        .map(|&(member_no, _)| Schooling {
            member_no,
            in_school: on(&format!("school_{member_no}")),
        })
        .collect()
}

/// Whether a check-in form asks each adult about training (`training_N`): the staff's
/// form does, the family's own does not.
pub(super) enum Training {
    Asked,
    NotAsked,
}

/// Each adult's answer of a check-in form (`work_N`, `match_N`, and `training_N` where
/// asked), as ticked (`on`); a qualification matches only work there is.
pub(super) fn work(
    form: &FamilyCheckInForm,
    on: &impl Fn(&str) -> bool,
    training: Training,
) -> Vec<Work> {
    form.adults
        .iter()
        .map(|&(member_no, _)| {
            let working = on(&format!("work_{member_no}"));
            Work {
                member_no,
                working,
                training: matches!(training, Training::Asked)
                    && on(&format!("training_{member_no}")),
                matches_qualification: working && on(&format!("match_{member_no}")),
            }
        })
        .collect()
}

/// A form posted on a family's page: the family, what the page says once it is saved
/// (`contact`), which form it was (`goal-2`), what was typed and where its fields are.
struct Posted<'a> {
    number: &'a str,
    saved: &'static str,
    form: String,
    fields: Fields,
    names: FormFields,
}

/// What a form post does with its outcome: back to the family's page saying what was
/// saved, or the page again with the refusal of what was typed; anything else (not
/// allowed, not found) is an error page.
async fn answer(
    app: &App,
    lang: Lang,
    session: &Session,
    posted: Posted<'_>,
    outcome: Result<(), AppError>,
) -> Response {
    match outcome {
        Ok(()) => Redirect::to(&format!(
            "/support/{}?done={}#done",
            super::q(posted.number),
            posted.saved
        ))
        .into_response(),
        Err(e) if matches!(&e, AppError::Refused(r) if r.kind.status() == 422) => {
            let problem = worded(lang, &e, &session.caller, posted.names, None);
            let refused = Refused {
                form: posted.form,
                typed: posted.fields,
                problem,
            };
            family_page(app, lang, session, posted.number, None, Some(refused)).await
        }
        Err(e) => failed(lang, Some(session), e),
    }
}

/// `POST /support/{number}/contacts`: logs a contact with the family.
pub(crate) async fn contact(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let typed = (|| {
        Ok::<_, Refusal>(NewContact {
            on: day("on", fields.one("on"))?,
            kind: fields.one("kind").parse::<ContactKind>()?,
            note: fields.one("note").to_string(),
        })
    })();
    let outcome = match typed {
        Ok(req) => app
            .log_support_contact(&session.caller, &number, &req)
            .await
            .map(drop),
        Err(r) => Err(r.into()),
    };
    let posted = Posted {
        number: &number,
        saved: "contact",
        form: "contact".into(),
        fields,
        names: CONTACT_FIELDS,
    };
    answer(&app, lang, &session, posted, outcome).await
}

/// `POST /support/{number}/checkins`: records the family's check-in; a problem it flags
/// opens a task.
pub(crate) async fn checkin(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path(number): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let form = match app.checkin_form(&session.caller, &number).await {
        Ok(Some(form)) => form,
        // Nothing due any more (answered meanwhile): the page says what there is.
        Ok(None) => {
            return Redirect::to(&format!("/support/{}", super::q(&number))).into_response();
        }
        Err(e) => return failed(lang, Some(&session), e),
    };
    let outcome = match answers(lang, &fields, &form) {
        Ok(a) => app
            .record_checkin(&session.caller, &number, &a)
            .await
            .map(drop),
        Err(r) => Err(r.into()),
    };
    let posted = Posted {
        number: &number,
        saved: "checkin",
        form: "checkin".into(),
        fields,
        names: CHECKIN_FIELDS,
    };
    answer(&app, lang, &session, posted, outcome).await
}

/// `POST /support/{number}/goals/{goal_no}`: marks a goal reached.
pub(crate) async fn goal(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, goal_no)): Path<(String, u32)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let outcome = match day("reached_on", fields.one("reached_on")) {
        Ok(on) => app
            .reach_goal(&session.caller, &number, goal_no, on)
            .await
            .map(drop),
        Err(r) => Err(r.into()),
    };
    let posted = Posted {
        number: &number,
        saved: "goal",
        form: format!("goal-{goal_no}"),
        fields,
        names: GOAL_FIELDS,
    };
    answer(&app, lang, &session, posted, outcome).await
}

/// `POST /support/{number}/tasks/{task_id}`: closes a task with a note of what was done.
pub(crate) async fn close_task(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Path((number, task_id)): Path<(String, i64)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Err(refused) = check_csrf(&session, fields.one("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let req = CloseTask {
        note: fields.one("note").to_string(),
    };
    let outcome = app
        .close_support_task(&session.caller, &number, task_id, &req)
        .await
        .map(drop);
    let posted = Posted {
        number: &number,
        saved: "task",
        form: format!("task-{task_id}"),
        fields,
        names: TASK_FIELDS,
    };
    answer(&app, lang, &session, posted, outcome).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_saved_line_exists_in_every_language() {
        for lang in Lang::STAFF {
            for (_, line) in DONE {
                lang.message(line, None)
                    .unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
            }
        }
    }

    /// A count that is no whole number is refused naming the check-in's field, so the
    /// page marks that input; a blank check-in month takes the one due.
    #[test]
    fn a_count_that_is_no_number_is_refused_naming_its_field() {
        let form = FamilyCheckInForm {
            months: 6,
            fallen_due: vec![3, 6],
            children: vec![(3, 9)],
            adults: vec![(1, 40)],
        };
        let fields = |rooms: &str, feeling: &str| {
            Fields(vec![
                ("rooms".into(), rooms.into()),
                ("feeling".into(), feeling.into()),
                ("relatives_abroad".into(), "0".into()),
                ("school_3".into(), "on".into()),
                ("work_1".into(), "on".into()),
            ])
        };
        let refused = answers(Lang::Nl, &fields("drie", "3"), &form).unwrap_err();
        assert_eq!(
            (refused.field.as_ref(), refused.kind.as_str()),
            ("housing.rooms", "not_a_number")
        );
        let refused = answers(Lang::Fr, &fields("3", ""), &form).unwrap_err();
        assert_eq!(refused.field, "feeling");
        let a = answers(Lang::En, &fields("3", "4"), &form).unwrap();
        assert_eq!((a.months, a.rooms, a.feeling), (6, 3, 4));
        assert!(a.schooling[0].in_school && a.work[0].working);
        let worded = super::super::refusals::refusal(
            Lang::Nl,
            &answers(Lang::Nl, &fields("drie", "3"), &form).unwrap_err(),
            CHECKIN_FIELDS,
            None,
        );
        assert_eq!(worded.input.as_deref(), Some("rooms"));
        assert_eq!(
            worded.label.as_deref(),
            Some("Kamers (zonder keuken en badkamer)")
        );
    }
}
