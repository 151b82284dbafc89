//! The planner's pledges: each programme's pledges by year against arrivals (the
//! dashboard's figures) and a form to record or correct a year's pledge.
//!
//! The use case decides who may and what is valid, and audits the change, exactly as for
//! `PUT /api/v1/programmes/{code}/pledges/{year}`. The page reads the numbers as the reader
//! types them in their language (`1,500`, `1.500`, `1 500`), and a refusal gives the form
//! back as typed with the rule of the refused field in the reader's language.
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::bounds::PERSONS;
use resettle_app::{App, AppError, ProgrammeSummary, Session};
use resettle_domain::programme::Pledge;
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};

use super::refusals::{FormFields, Worded, refusal};
use super::{Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// Where the form's fields are, for a refusal to name them.
const FIELDS: FormFields = &[
    ("year", "year", "dashboard-col-year"),
    ("pledged", "pledged", "pledges-field-pledged"),
    (
        "arrived_before_resettle",
        "arrived_before_resettle",
        "pledges-field-arrived",
    ),
    ("source", "source", "dashboard-col-source"),
];

/// What the page opens on: the year the form is filled with (`?programme=BE&year=2026`, a
/// row's "change" link) and the year just saved (`?saved=2027`). Text, since a link that
/// names no year is only ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct PledgeQuery {
    programme: String,
    year: String,
    saved: String,
}

/// The form as typed, every field text, so that a refusal gives it back unchanged.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct PledgeForm {
    programme: String,
    year: String,
    pledged: String,
    arrived_before_resettle: String,
    source: String,
    /// The session's CSRF token; never echoed back into the page.
    #[serde(skip_serializing)]
    csrf: String,
}

impl PledgeForm {
    /// The form filled with a year's pledge as stored (numbers without grouping, so the
    /// form sends back what it shows in every language), or with only the year.
    fn of_year(programme: &ProgrammeSummary, year: i32) -> PledgeForm {
        let stored = programme.pledges.iter().find(|y| y.year == year);
        PledgeForm {
            programme: programme.code.clone(),
            year: year.to_string(),
            pledged: stored.map(|y| y.pledged.to_string()).unwrap_or_default(),
            arrived_before_resettle: stored
                .and_then(|y| y.arrived_before_resettle)
                .map(|a| a.to_string())
                .unwrap_or_default(),
            source: stored.map(|y| y.source.clone()).unwrap_or_default(),
            csrf: String::new(),
        }
    }

    /// The pledge typed, or the refusal of the field that holds no whole number of its
    /// kind (a year, a count of persons). Bounds are the use case's to check.
    fn pledge(&self, lang: Lang) -> Result<Pledge, Refusal> {
        let not_a_number = |field: &'static str, text: &str| {
            Refusal::of(
                field,
                RefusalKind::NotANumber {
                    given: text.trim().to_string(),
                },
            )
        };
        let year = lang
            .whole_number(&self.year)
            .and_then(|y| i32::try_from(y).ok())
            .ok_or_else(|| not_a_number("year", &self.year))?;
        // A whole number below nothing or beyond any count is out of the bound the use
        // case checks, not "not a number".
        let persons = |field: &'static str, text: &str| {
            let n = lang
                .whole_number(text)
                .ok_or_else(|| not_a_number(field, text))?;
            u32::try_from(n).map_err(|_| {
                Refusal::of(
                    field,
                    RefusalKind::OutOfRange {
                        min: PERSONS.start().to_string(),
                        max: PERSONS.end().to_string(),
                        got: n.to_string(),
                    },
                )
            })
        };
        let pledged = persons("pledged", &self.pledged)?;
        let arrived_before_resettle = match self.arrived_before_resettle.trim() {
            "" => None,
            typed => Some(persons("arrived_before_resettle", typed)?),
        };
        Ok(Pledge {
            year,
            pledged,
            arrived_before_resettle,
            source: self.source.clone(),
        })
    }
}

/// `GET /pledges`.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(query): Query<PledgeQuery>,
) -> Response {
    let year = query.year.trim().parse().ok();
    let saved = query.saved.trim().parse().ok();
    let shown = Shown {
        programme: &query.programme,
        year,
        typed: None,
        saved,
    };
    pledges_page(&app, lang, &session, shown).await
}

/// What the page shows besides the pledges: which programme's form is filled with which
/// year or with what was typed (and why it was refused), and the year just saved.
struct Shown<'a> {
    programme: &'a str,
    year: Option<i32>,
    typed: Option<(&'a PledgeForm, Worded)>,
    saved: Option<i32>,
}

async fn pledges_page(app: &App, lang: Lang, session: &Session, shown: Shown<'_>) -> Response {
    let programmes = match app.pledge_book(&session.caller).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    // The form opens on next year: the pledge a planner records before the year begins.
    let next_year = app.today().year() + 1;
    let mut done = Value::from(());
    let sections: Vec<Value> = programmes
        .iter()
        .map(|p| {
            let here = p.code == shown.programme;
            let (form, problem) = match &shown.typed {
                Some((typed, problem)) if here => ((*typed).clone(), Some(problem)),
                _ => (
                    PledgeForm::of_year(p, shown.year.filter(|_| here).unwrap_or(next_year)),
                    None,
                ),
            };
            if let Some(y) = shown
                .saved
                .filter(|_| here)
                .and_then(|s| p.pledges.iter().find(|y| y.year == s))
            {
                done = context! {
                    programme => p.name.clone(),
                    year => y.year.to_string(),
                    pledged => y.pledged,
                };
            }
            context! {
                programme => Value::from(Serde(p)),
                form => Value::from(Serde(&form)),
                problem => problem.map(|p| Value::from(Serde(p))),
            }
        })
        .collect();
    let page = render(
        "pledges.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            programmes => sections,
            done,
        },
    );
    match shown.typed {
        Some(_) => {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "pledge refused").status_of(page)
        }
        None => page,
    }
}

/// `POST /pledges`: records or corrects a year's pledge, then shows the pledges with a
/// line saying what was saved.
pub(crate) async fn save(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<PledgeForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let refused = |problem: Worded| Shown {
        programme: &form.programme,
        year: None,
        typed: Some((&form, problem)),
        saved: None,
    };
    let pledge = match form.pledge(lang) {
        Ok(p) => p,
        // Not a number of its kind: the page says so, once the use case has let the caller
        // read the pledges (a role without the right gets the refusal, not the form).
        Err(r) => {
            let problem = refusal(lang, &r, FIELDS, None);
            return pledges_page(&app, lang, &session, refused(problem)).await;
        }
    };
    match app
        .set_pledge(&session.caller, &form.programme, &pledge)
        .await
    {
        // To the line that says what was saved (named, or the form's `#set-…` would be
        // kept across the redirect and open the page on the form again).
        Ok(()) => Redirect::to(&format!(
            "/pledges?programme={}&saved={}#done",
            q(&form.programme),
            pledge.year,
        ))
        .into_response(),
        // A refusal of what was typed shows the form again; anything else (not allowed, no
        // such programme) is an error page.
        Err(AppError::Refused(r)) if r.kind.status() == 422 => {
            let problem = refusal(lang, &r, FIELDS, None);
            pledges_page(&app, lang, &session, refused(problem)).await
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(year: &str, pledged: &str, arrived: &str) -> PledgeForm {
        PledgeForm {
            programme: "BE".into(),
            year: year.into(),
            pledged: pledged.into(),
            arrived_before_resettle: arrived.into(),
            source: "a decision".into(),
            csrf: String::new(),
        }
    }

    #[test]
    fn numbers_are_read_as_each_language_groups_them() {
        let p = typed("2027", "1,500", "").pledge(Lang::En).unwrap();
        assert_eq!(
            (p.year, p.pledged, p.arrived_before_resettle),
            (2027, 1500, None)
        );
        assert_eq!(
            typed("2027", "1.500", "").pledge(Lang::Nl).unwrap().pledged,
            1500
        );
        assert_eq!(
            typed("2027", "1\u{202f}500", "20")
                .pledge(Lang::Fr)
                .unwrap()
                .arrived_before_resettle,
            Some(20)
        );
    }

    #[test]
    fn a_field_holding_no_whole_number_of_its_kind_is_named() {
        let field = |f: PledgeForm| f.pledge(Lang::En).unwrap_err().field;
        let negative = typed("2027", "-5", "").pledge(Lang::En).unwrap_err();
        assert_eq!(
            (negative.field.as_ref(), negative.kind.as_str()),
            ("pledged", "out_of_range")
        );
        assert_eq!(field(typed("2027", "1.5", "")), "pledged");
        assert_eq!(field(typed("next", "5", "")), "year");
        assert_eq!(field(typed("2027", "5", "many")), "arrived_before_resettle");
    }

    /// A refusal of each field reads with the field's label and the reason in every
    /// language, and the saved line with its number grouped.
    #[test]
    fn every_refused_field_and_the_saved_line_read_in_every_language() {
        let programme = ProgrammeSummary {
            code: "BE".into(),
            name: "Belgian programme".into(),
            policy_profile: "belgium".into(),
            pledges: Vec::new(),
        };
        for lang in Lang::STAFF {
            for (field, _, label) in FIELDS {
                let r = resettle_app::bounds::within(field, 20_000_000, &PERSONS).unwrap_err();
                let AppError::Refused(r) = r else {
                    panic!("{r}")
                };
                let problem = refusal(lang, &r, FIELDS, None);
                let html = super::super::TEMPLATES
                    .get_template("pledges.html")
                    .and_then(|t| {
                        t.render(context! {
                            lang => lang.code(),
                            programmes => vec![context! {
                                programme => Value::from(Serde(&programme)),
                                form => Value::from(Serde(&PledgeForm::default())),
                                problem => Value::from(Serde(&problem)),
                            }],
                            done => context! { programme => "BE", year => "2027", pledged => 4321 },
                        })
                    })
                    .unwrap_or_else(|e| panic!("{field} in {}: {e:#}", lang.code()));
                let label = lang.message(label, None).unwrap();
                assert!(
                    html.contains(&label)
                        && html.contains(&lang.number(10_000_000.0, 0))
                        && html.contains(&lang.number(4321.0, 0))
                        && html.contains("id=\"refused-field\""),
                    "{field} in {}: {html}",
                    lang.code()
                );
            }
        }
    }
}
