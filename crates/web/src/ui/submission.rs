//! The submission form: a UNHCR liaison types a case and its family in the browser.
//!
//! Members are added and removed by posting the form back (`action=add`, `action=remove-N`)
//! and getting it again with one row more or less, everything typed kept, so the page works
//! without JavaScript. Submitting calls the same use case as `POST /api/v1/cases`; a
//! refusal answers with the form as typed and the reason in the reader's language, the
//! field named and marked.
use std::collections::BTreeMap;

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::bounds::CASE_MEMBERS;
use resettle_app::cases::{NewCase, NewMember};
use resettle_app::{App, AppError, Permission, Session};
use resettle_domain::RefusalKind;
use resettle_domain::case::{Channel, Priority, Relationship, Sex, SubmissionCategory};
use serde::Serialize;
use time::Date;
use time::macros::format_description;

use super::{Lang, failed, i18n, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// One family member as typed.
#[derive(Debug, Default, Clone, Serialize)]
struct MemberForm {
    full_name: String,
    date_of_birth: String,
    sex: String,
    relationship: String,
    languages: Vec<String>,
}

/// The form as typed: every field a string, so what was typed comes back as it was.
#[derive(Debug, Default, Serialize)]
struct SubmissionForm {
    case_number: String,
    programme: String,
    country_of_asylum: String,
    nationality: String,
    /// The primary category; `categories` are the further ones.
    primary_category: String,
    categories: Vec<String>,
    priority: String,
    channel: String,
    submitted_on: String,
    members: Vec<MemberForm>,
}

/// A member's input name, `member-<i>-<field>`, read as the row and the field.
fn member_input(name: &str) -> Option<(usize, &str)> {
    let (i, field) = name.strip_prefix("member-")?.split_once('-')?;
    Some((i.parse().ok()?, field))
}

/// What the page was asked to do with the form.
#[derive(Debug, PartialEq)]
enum Action {
    Submit,
    Add,
    Remove(usize),
}

impl SubmissionForm {
    /// A new form: submitted today, one member, the principal applicant (the programme
    /// is the first offered until another is chosen).
    fn blank(today: Date) -> SubmissionForm {
        SubmissionForm {
            submitted_on: today.to_string(),
            members: vec![MemberForm {
                relationship: Relationship::PrincipalApplicant.as_str().into(),
                ..MemberForm::default()
            }],
            ..SubmissionForm::default()
        }
    }

    /// The form as posted (`member-<i>-<field>` for the members, in the order of `i`),
    /// with the button pressed and the CSRF token.
    fn posted(fields: Vec<(String, String)>) -> (SubmissionForm, Action, String) {
        let mut form = SubmissionForm::default();
        let mut members: BTreeMap<usize, MemberForm> = BTreeMap::new();
        let mut action = Action::Submit;
        let mut csrf = String::new();
        for (name, value) in fields {
            if let Some((i, field)) = member_input(&name) {
                let m = members.entry(i).or_default();
                match field {
                    "full_name" => m.full_name = value,
                    "date_of_birth" => m.date_of_birth = value,
                    "sex" => m.sex = value,
                    "relationship" => m.relationship = value,
                    "languages" => m.languages.push(value),
                    _ => {}
                }
                continue;
            }
            match name.as_str() {
                "case_number" => form.case_number = value,
                "programme" => form.programme = value,
                "country_of_asylum" => form.country_of_asylum = value,
                "nationality" => form.nationality = value,
                "primary_category" => form.primary_category = value,
                "categories" => form.categories.push(value),
                "priority" => form.priority = value,
                "channel" => form.channel = value,
                "submitted_on" => form.submitted_on = value,
                "csrf" => csrf = value,
                "action" => {
                    action = match value.as_str() {
                        "add" => Action::Add,
                        other => other
                            .strip_prefix("remove-")
                            .and_then(|i| i.parse().ok())
                            .map_or(Action::Submit, Action::Remove),
                    }
                }
                _ => {}
            }
        }
        form.members = members.into_values().collect();
        (form, action, csrf)
    }

    /// The case as the use case takes it, or the date that cannot be read.
    fn new_case(&self) -> Result<NewCase, Problem> {
        let members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let input = format!("member-{i}-date_of_birth");
                Ok(NewMember {
                    full_name: m.full_name.clone(),
                    date_of_birth: day(&m.date_of_birth)
                        .map_err(|why| Problem::typed(&input, why))?
                        .ok_or_else(|| Problem::typed(&input, "submit-why-missing"))?,
                    sex: m.sex.clone(),
                    relationship: m.relationship.clone(),
                    languages: m.languages.clone(),
                    education: None,
                    occupation: None,
                })
            })
            .collect::<Result<Vec<_>, Problem>>()?;
        // The primary category first, each category once.
        let primary = Some(&self.primary_category).filter(|c| !c.is_empty());
        let categories = primary
            .into_iter()
            .chain(self.categories.iter().filter(|c| Some(*c) != primary))
            .cloned()
            .collect();
        Ok(NewCase {
            case_number: self.case_number.clone(),
            programme: self.programme.clone(),
            country_of_asylum: self.country_of_asylum.clone(),
            nationality: self.nationality.clone(),
            categories,
            priority: self.priority.clone(),
            channel: self.channel.clone(),
            submitted_on: day(&self.submitted_on)
                .map_err(|why| Problem::typed("submitted_on", why))?,
            members,
            linked_cases: Vec::new(),
        })
    }

    /// What was typed into the text or choice `name`, to tell an empty field from a
    /// wrong one; `None` for anything else.
    fn typed(&self, name: &str) -> Option<&str> {
        if let Some((i, field)) = member_input(name) {
            let m = self.members.get(i)?;
            return match field {
                "full_name" => Some(&m.full_name),
                "date_of_birth" => Some(&m.date_of_birth),
                "sex" => Some(&m.sex),
                "relationship" => Some(&m.relationship),
                _ => None,
            };
        }
        match name {
            "case_number" => Some(&self.case_number),
            "programme" => Some(&self.programme),
            "country_of_asylum" => Some(&self.country_of_asylum),
            "nationality" => Some(&self.nationality),
            "priority" => Some(&self.priority),
            "channel" => Some(&self.channel),
            "submitted_on" => Some(&self.submitted_on),
            _ => None,
        }
    }
}

/// A day typed as the date input sends it, nothing when left empty, or why not.
fn day(typed: &str) -> Result<Option<Date>, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    Date::parse(typed, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| "submit-why-not-a-date")
}

/// Why the form was refused: the input it is about and the reason, as the page words it.
#[derive(Debug, Default, Serialize)]
struct Problem {
    /// The input the reason is about (`case_number`, `member-1-full_name`), marked and
    /// focused on the page; empty when the reason is about the whole family.
    input: String,
    /// The field's word (`field-<field>`): `case_number`, `members.full_name`.
    field: String,
    /// The member's number from 1, when the field is a member's.
    member: Option<usize>,
    /// The reason's message (`submit-why-…`), when the page words it.
    why: Option<&'static str>,
    /// The use case's own words, shown when the page has none for the reason.
    detail: String,
}

impl Problem {
    /// A refusal about the input `input`, its reason yet to be said.
    fn at(input: &str) -> Problem {
        let (field, member) = match member_input(input) {
            Some((i, f)) => (format!("members.{f}"), Some(i + 1)),
            None => (input.to_string(), None),
        };
        Problem {
            input: input.to_string(),
            field,
            member,
            ..Problem::default()
        }
    }

    /// A refusal of the input `input` for the reason `why`.
    fn typed(input: &str, why: &'static str) -> Problem {
        Problem {
            why: Some(why),
            ..Problem::at(input)
        }
    }

    /// The problem of a refused submission, or `None` when the refusal is not about what
    /// was typed (forbidden, storage failure): that one is answered as an error page.
    fn of(error: &AppError, form: &SubmissionForm) -> Option<Problem> {
        let message = match error {
            AppError::Invalid(m) => m.clone(),
            AppError::Refused(r) => r.to_string(),
            // A duplicate number is the only conflict a new case meets.
            AppError::Conflict(_) => {
                return Some(Problem::typed("case_number", "submit-why-duplicate"));
            }
            AppError::NotFound(_) => {
                return Some(Problem::typed("programme", "submit-why-not-a-choice"));
            }
            _ => return None,
        };
        // `members[1].full_name: is empty`, `channel: profile … does not take …`.
        let (path, reason) = message
            .split_once(':')
            .map_or(("", message.as_str()), |(f, r)| (f.trim(), r.trim()));
        let input = match path
            .strip_prefix("members[")
            .and_then(|rest| rest.split_once("]."))
        {
            Some((i, field)) => format!("member-{i}-{field}"),
            None => path.to_string(),
        };
        let why = if path == "members" {
            if reason.contains("principal_applicant") {
                Some("submit-why-principal")
            } else if reason.starts_with("at most") {
                Some("submit-why-too-many")
            } else {
                None
            }
        } else if form.typed(&input).is_some_and(|t| t.trim().is_empty())
            || matches!(error, AppError::Refused(r) if r.kind == RefusalKind::Missing)
        {
            Some("submit-why-missing")
        } else if reason.contains(" is after today (") {
            Some("submit-why-future")
        } else if path == "case_number" {
            Some("submit-why-case-number")
        } else if path == "channel" && reason.contains("does not take") {
            Some("submit-why-channel")
        } else if reason.contains("unknown value") || reason.contains("country code") {
            Some("submit-why-not-a-choice")
        } else {
            None
        };
        // A reason about the whole family marks no one input.
        let mut problem = if path == "members" {
            Problem {
                field: path.into(),
                ..Problem::default()
            }
        } else {
            Problem::at(&input)
        };
        problem.why = why;
        if why.is_none() {
            // The field is named by the page; the reason stays in the use case's words.
            problem.detail = reason.to_string();
        }
        Some(problem)
    }
}

/// Refuses, audited by the app layer, a caller whose roles may not submit cases: the
/// error page says so in the reader's words, their roles named.
async fn may_submit(app: &App, lang: Lang, session: &Session) -> Result<(), Response> {
    app.require(&session.caller, Permission::SubmitCase, "case", "")
        .await
        .map_err(|e| failed(lang, Some(session), e))
}

/// `GET /cases/new`: an empty form.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
) -> Response {
    if let Err(refused) = may_submit(&app, lang, &session).await {
        return refused;
    }
    let form = SubmissionForm::blank(app.today());
    form_page(&app, lang, &session, &form, None, false).await
}

/// `POST /cases/new`: a member added or removed, or the case submitted.
pub(crate) async fn post(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let (mut form, action, csrf) = SubmissionForm::posted(fields);
    if let Err(refused) = check_csrf(&session, &csrf) {
        return failed(lang, Some(&session), refused);
    }
    if let Err(refused) = may_submit(&app, lang, &session).await {
        return refused;
    }
    match action {
        Action::Add => {
            if form.members.len() < *CASE_MEMBERS.end() as usize {
                form.members.push(MemberForm::default());
            }
            form_page(&app, lang, &session, &form, None, true).await
        }
        Action::Remove(i) => {
            if form.members.len() > 1 && i < form.members.len() {
                form.members.remove(i);
            }
            form_page(&app, lang, &session, &form, None, false).await
        }
        Action::Submit => {
            let outcome = match form.new_case() {
                Ok(new) => app
                    .create_case(&session.caller, new)
                    .await
                    .map_err(|e| (Problem::of(&e, &form), e.into())),
                Err(p) => Err((
                    Some(p),
                    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "a date cannot be read"),
                )),
            };
            match outcome {
                Ok(case) => {
                    let number = case["case_number"].as_str().unwrap_or(&form.case_number);
                    Redirect::to(&format!("/cases/{number}?submitted=true")).into_response()
                }
                Err((Some(problem), status)) => {
                    let page = form_page(&app, lang, &session, &form, Some(&problem), false).await;
                    status.status_of(page)
                }
                Err((None, e)) => failed(lang, Some(&session), e),
            }
        }
    }
}

/// The codes of `kind` with their words in the reader's language, in alphabetical order
/// of the words (accents folded, so `Égypte` sorts among the E), one code per word.
fn choices(lang: Lang, kind: &str) -> Vec<(String, String)> {
    let mut words: Vec<(String, String)> = i18n::codes(kind)
        .into_iter()
        .filter_map(|code| Some((lang.word(kind, &code).ok()?, code)))
        .collect();
    words.sort_by_cached_key(|(word, code)| (i18n::sort_key(word), code.clone()));
    words.dedup_by(|a, b| a.0 == b.0);
    words.into_iter().map(|(word, code)| (code, word)).collect()
}

async fn form_page(
    app: &App,
    lang: Lang,
    session: &Session,
    form: &SubmissionForm,
    problem: Option<&Problem>,
    added: bool,
) -> Response {
    let programmes = match app.programmes().await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    render(
        "case_new.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            form => Value::from(Serde(form)),
            problem => problem.map(|p| Value::from(Serde(p))),
            programmes => programmes.iter().map(|p| (p.code.clone(), p.name.clone())).collect::<Vec<_>>(),
            countries => choices(lang, "country"),
            languages => choices(lang, "language"),
            categories => SubmissionCategory::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            priorities => Priority::ALL.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
            channels => Channel::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            sexes => Sex::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            relationships => Relationship::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            added,
            may_add => form.members.len() < *CASE_MEMBERS.end() as usize,
            today => app.today().to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use resettle_app::{Caller, DemoConfig, FixedClock, Keyring};

    use super::*;

    /// The reasons the page words itself, each a message (with `$priority` and `$channel`
    /// where it names them); any other refusal is shown in the use case's own words.
    const WHY: &[&str] = &[
        "submit-why-missing",
        "submit-why-not-a-date",
        "submit-why-future",
        "submit-why-case-number",
        "submit-why-duplicate",
        "submit-why-principal",
        "submit-why-too-many",
        "submit-why-channel",
        "submit-why-not-a-choice",
    ];

    /// Every reason the page words exists in every language with the words it names.
    #[test]
    fn every_reason_is_worded_in_every_language() {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("priority", "urgent");
        args.set("channel", "mission");
        for lang in Lang::ALL {
            for id in WHY {
                lang.message(id, Some(&args))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    /// A form a liaison could type: one principal applicant, everything chosen.
    fn typed(number: &str) -> SubmissionForm {
        SubmissionForm {
            case_number: number.into(),
            programme: "BE".into(),
            country_of_asylum: "LB".into(),
            nationality: "SY".into(),
            primary_category: "medical_needs".into(),
            categories: vec!["medical_needs".into(), "children_at_risk".into()],
            priority: "normal".into(),
            channel: "mission".into(),
            submitted_on: "2026-11-20".into(),
            members: vec![MemberForm {
                full_name: "Amal Test".into(),
                date_of_birth: "1985-03-03".into(),
                sex: "female".into(),
                relationship: "principal_applicant".into(),
                languages: vec!["ar".into()],
            }],
        }
    }

    /// The use case's refusals reach the reader as the page's own words about the right
    /// input: were the app to reword a reason, this fails rather than the page falling
    /// back to English.
    #[tokio::test]
    async fn the_use_case_s_refusals_are_worded_and_placed() {
        let db = resettle_testkit::sqlite();
        let app = App::open(&db.url)
            .await
            .unwrap()
            .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
            .with_clock(std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY)));
        let config = DemoConfig {
            seed: 1,
            cases: 3,
            as_of: resettle_testkit::TODAY,
        };
        app.load_demo(&config, false).await.unwrap();
        let op = Caller::operator();
        let first = typed("TST-26C00001");
        let new = first.new_case().unwrap();
        assert_eq!(new.categories, ["medical_needs", "children_at_risk"]);
        app.create_case(&op, new).await.unwrap();
        let change = |f: fn(&mut SubmissionForm)| {
            let mut form = typed("TST-26C00002");
            f(&mut form);
            form
        };
        let second = |f: fn(&mut MemberForm)| {
            let mut form = typed("TST-26C00002");
            let mut m = form.members[0].clone();
            m.relationship = "child".into();
            f(&mut m);
            form.members.push(m);
            form
        };
        let cases: Vec<(SubmissionForm, &str, &str)> = vec![
            (typed("TST-26C00001"), "case_number", "submit-why-duplicate"),
            (
                change(|f| f.case_number = "AB".into()),
                "case_number",
                "submit-why-case-number",
            ),
            (
                change(|f| f.case_number = String::new()),
                "case_number",
                "submit-why-missing",
            ),
            (
                change(|f| f.country_of_asylum = String::new()),
                "country_of_asylum",
                "submit-why-missing",
            ),
            (
                change(|f| f.nationality = "S1".into()),
                "nationality",
                "submit-why-not-a-choice",
            ),
            (
                change(|f| f.priority = String::new()),
                "priority",
                "submit-why-missing",
            ),
            (
                change(|f| f.priority = "emergency".into()),
                "channel",
                "submit-why-channel",
            ),
            (
                change(|f| f.submitted_on = "2026-12-01".into()),
                "submitted_on",
                "submit-why-future",
            ),
            (
                change(|f| f.programme = "XX".into()),
                "programme",
                "submit-why-not-a-choice",
            ),
            (
                change(|f| {
                    f.primary_category = String::new();
                    f.categories.clear();
                }),
                "categories",
                "submit-why-missing",
            ),
            (
                second(|m| m.full_name = " ".into()),
                "member-1-full_name",
                "submit-why-missing",
            ),
            (
                second(|m| m.sex = String::new()),
                "member-1-sex",
                "submit-why-missing",
            ),
            (
                second(|m| m.date_of_birth = "2027-01-01".into()),
                "member-1-date_of_birth",
                "submit-why-future",
            ),
            (
                second(|m| m.relationship = "principal_applicant".into()),
                "",
                "submit-why-principal",
            ),
        ];
        for (form, input, why) in cases {
            let e = app
                .create_case(&op, form.new_case().unwrap())
                .await
                .expect_err(input);
            let p = Problem::of(&e, &form).unwrap_or_else(|| panic!("{input}: {e}"));
            assert_eq!((p.input.as_str(), p.why), (input, Some(why)), "{e}");
        }
        // Dates are read by the page, which words its own refusals.
        let p = second(|m| m.date_of_birth = "3 March".into())
            .new_case()
            .unwrap_err();
        assert_eq!(
            (p.input.as_str(), p.field.as_str(), p.member, p.why),
            (
                "member-1-date_of_birth",
                "members.date_of_birth",
                Some(2),
                Some("submit-why-not-a-date")
            )
        );
        let p = second(|m| m.date_of_birth = String::new())
            .new_case()
            .unwrap_err();
        assert_eq!(p.why, Some("submit-why-missing"));
    }

    #[test]
    fn a_posted_form_reads_back_as_typed_with_the_button_pressed() {
        let pairs = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        let (form, action, csrf) = SubmissionForm::posted(pairs(&[
            ("csrf", "t"),
            ("case_number", "LEB-26C00009"),
            ("categories", "medical_needs"),
            ("categories", "children_at_risk"),
            ("member-0-full_name", "Amal"),
            ("member-0-languages", "ar"),
            ("member-0-languages", "fr"),
            ("member-7-full_name", "Omar"),
            ("member-x-full_name", "ignored"),
            ("action", "remove-1"),
        ]));
        assert_eq!(csrf, "t");
        assert_eq!(action, Action::Remove(1));
        assert_eq!(form.categories, ["medical_needs", "children_at_risk"]);
        let names: Vec<&str> = form.members.iter().map(|m| m.full_name.as_str()).collect();
        assert_eq!(names, ["Amal", "Omar"]);
        assert_eq!(form.members[0].languages, ["ar", "fr"]);
        for (button, expected) in [
            ("add", Action::Add),
            ("submit", Action::Submit),
            ("remove-x", Action::Submit),
        ] {
            let (_, action, _) = SubmissionForm::posted(pairs(&[("action", button)]));
            assert_eq!(action, expected, "{button}");
        }
    }

    #[test]
    fn countries_are_offered_by_name_in_the_reader_s_order() {
        let french = choices(Lang::Fr, "country");
        let names: Vec<&str> = french.iter().map(|(_, n)| n.as_str()).collect();
        let egypt = names.iter().position(|n| *n == "Égypte").unwrap();
        assert_eq!(names[egypt + 1], "Érythrée", "{names:?}");
        assert!(names[egypt - 1] < "E", "{names:?}");
        // One entry per name: the data files' UK is the ISO GB.
        let uk: Vec<&str> = french
            .iter()
            .filter(|(_, n)| n == "Royaume-Uni")
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(uk, ["GB"]);
        assert!(
            choices(Lang::En, "language")
                .iter()
                .any(|(c, n)| c == "ar" && n == "Arabic")
        );
    }
}
