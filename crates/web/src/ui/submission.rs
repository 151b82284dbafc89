//! The submission form: a UNHCR liaison types a case and its family in the browser.
//!
//! Members are added and removed by posting the form back (`action=add`, `action=remove-N`)
//! and getting it again with one row more or less, everything typed kept, so the page works
//! without JavaScript. Submitting calls the same use case as `POST /api/v1/cases`; a
//! refusal answers with the form as typed and the reason in the reader's language, the
//! field named and marked.
use resettle_domain::audit::AuditEntity;
use std::collections::BTreeMap;

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::bounds::CASE_MEMBERS;
use resettle_app::cases::{NewCase, NewMember};
use resettle_app::{App, AppError, Permission, Session};
use resettle_domain::case::{Channel, Priority, Relationship, Sex, SubmissionCategory};
use resettle_domain::{Refusal, RefusalKind, typed_word};
use serde::Serialize;
use time::Date;
use time::macros::format_description;

use super::refusals::{FormFields, Worded, refusal};
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

    /// The case as the use case takes it, or the refusal of the date that cannot be read.
    fn new_case(&self) -> Result<NewCase, Refusal> {
        let members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let within = |r: Refusal| r.within(format!("members[{i}]"));
                Ok(NewMember {
                    full_name: m.full_name.clone(),
                    date_of_birth: day("date_of_birth", &m.date_of_birth)
                        .map_err(within)?
                        .ok_or_else(|| {
                            within(Refusal::of("date_of_birth", RefusalKind::Missing))
                        })?,
                    sex: typed_word("sex", &m.sex).map_err(within)?,
                    relationship: typed_word("relationship", &m.relationship).map_err(within)?,
                    languages: m.languages.clone(),
                    education: None,
                    occupation: None,
                })
            })
            .collect::<Result<Vec<_>, Refusal>>()?;
        // The primary category first, each category once.
        let primary = Some(&self.primary_category).filter(|c| !c.is_empty());
        let categories = primary
            .into_iter()
            .chain(self.categories.iter().filter(|c| Some(*c) != primary))
            .map(|c| typed_word("categories", c))
            .collect::<Result<_, _>>()?;
        Ok(NewCase {
            case_number: self.case_number.clone(),
            programme: self.programme.clone(),
            country_of_asylum: self.country_of_asylum.clone(),
            nationality: self.nationality.clone(),
            categories,
            priority: typed_word("priority", &self.priority)?,
            channel: typed_word("channel", &self.channel)?,
            submitted_on: day("submitted_on", &self.submitted_on)?,
            members,
            linked_cases: Vec::new(),
        })
    }
}

/// A day typed as the date input sends it, nothing when left empty, or the refusal of
/// `field`.
fn day(field: &'static str, typed: &str) -> Result<Option<Date>, Refusal> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    Date::parse(typed, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| {
            Refusal::of(
                field,
                RefusalKind::NotADay {
                    given: typed.to_string(),
                },
            )
        })
}

/// Where the form's fields are, for a refusal to name them (a member's by the member's
/// number and the field).
const FIELDS: FormFields = &[
    ("case_number", "case_number", "submit-case-number"),
    ("programme", "programme", "submit-programme"),
    (
        "country_of_asylum",
        "country_of_asylum",
        "submit-country-of-asylum",
    ),
    ("nationality", "nationality", "submit-nationality"),
    ("priority", "priority", "submit-priority"),
    ("channel", "channel", "submit-channel"),
    ("submitted_on", "submitted_on", "submit-submitted-on"),
    ("categories", "categories", "submit-primary-category"),
    (
        "members.full_name",
        "member-{i}-full_name",
        "submit-full-name",
    ),
    (
        "members.date_of_birth",
        "member-{i}-date_of_birth",
        "submit-date-of-birth",
    ),
    ("members.sex", "member-{i}-sex", "submit-sex"),
    (
        "members.relationship",
        "member-{i}-relationship",
        "submit-relationship",
    ),
    (
        "members.languages",
        "member-{i}-languages",
        "submit-languages",
    ),
];

/// Refuses, audited by the app layer, a caller whose roles may not submit cases: the
/// error page says so in the reader's words, their roles named.
async fn may_submit(app: &App, lang: Lang, session: &Session) -> Result<(), Response> {
    app.require(
        &session.caller,
        Permission::SubmitCase,
        AuditEntity::Case,
        "",
    )
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
                Ok(new) => app.create_case(&session.caller, new).await,
                Err(r) => Err(r.into()),
            };
            match outcome {
                Ok(case) => {
                    let number = case["case_number"].as_str().unwrap_or(&form.case_number);
                    Redirect::to(&format!("/cases/{number}?submitted=true")).into_response()
                }
                // A refusal of what was typed gives the form back, as typed, with why.
                Err(AppError::Refused(r)) => {
                    let problem = refusal(lang, &r, FIELDS, None);
                    let page = form_page(&app, lang, &session, &form, Some(&problem), false).await;
                    ApiError::from(AppError::Refused(r)).status_of(page)
                }
                Err(e) => failed(lang, Some(&session), e),
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
    problem: Option<&Worded>,
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
        assert_eq!(
            new.categories,
            [
                SubmissionCategory::MedicalNeeds,
                SubmissionCategory::ChildrenAtRisk
            ]
        );
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
            (typed("TST-26C00001"), "case_number", "duplicate"),
            (
                change(|f| f.case_number = "AB".into()),
                "case_number",
                "not_a_case_number",
            ),
            (
                change(|f| f.case_number = String::new()),
                "case_number",
                "missing",
            ),
            (
                change(|f| f.country_of_asylum = String::new()),
                "country_of_asylum",
                "missing",
            ),
            (
                change(|f| f.nationality = "S1".into()),
                "nationality",
                "not_a_country",
            ),
            (
                change(|f| f.priority = String::new()),
                "priority",
                "missing",
            ),
            (
                change(|f| f.priority = "emergency".into()),
                "channel",
                "channel_refuses",
            ),
            (
                change(|f| f.submitted_on = "2026-12-01".into()),
                "submitted_on",
                "in_future",
            ),
            (
                change(|f| f.programme = "XX".into()),
                "programme",
                "not_defined",
            ),
            (
                change(|f| {
                    f.primary_category = String::new();
                    f.categories.clear();
                }),
                "categories",
                "missing",
            ),
            (
                second(|m| m.full_name = " ".into()),
                "member-1-full_name",
                "missing",
            ),
            (second(|m| m.sex = String::new()), "member-1-sex", "missing"),
            (
                second(|m| m.date_of_birth = "2027-01-01".into()),
                "member-1-date_of_birth",
                "in_future",
            ),
            (
                second(|m| m.relationship = "principal_applicant".into()),
                "",
                "principal_applicants",
            ),
        ];
        for (form, input, kind) in cases {
            // A word left unchosen is refused by the page as it reads the form; the rest
            // by the use case.
            let r = match form.new_case() {
                Err(r) => r,
                Ok(new) => match app.create_case(&op, new).await.expect_err(input) {
                    AppError::Refused(r) => r,
                    e => panic!("{input}: {e}"),
                },
            };
            let w = refusal(Lang::Fr, &r, FIELDS, None);
            assert_eq!(
                (w.input.as_deref().unwrap_or_default(), r.kind.as_str()),
                (input, kind),
                "{r}"
            );
            assert!(!w.reason.contains('_'), "{input}: {}", w.reason);
        }
        // Dates are read by the page, which refuses them on the member's field.
        let r = second(|m| m.date_of_birth = "3 March".into())
            .new_case()
            .unwrap_err();
        let w = refusal(Lang::En, &r, FIELDS, None);
        assert_eq!(
            (w.input.as_deref(), w.label.as_deref(), r.kind.as_str()),
            (
                Some("member-1-date_of_birth"),
                Some("member 2, Date of birth"),
                "not_a_day"
            )
        );
        let r = second(|m| m.date_of_birth = String::new())
            .new_case()
            .unwrap_err();
        assert_eq!(r.kind, RefusalKind::Missing);
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
