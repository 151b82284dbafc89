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
use resettle_app::bounds::{CALENDAR_YEARS, PERSONS};
use resettle_app::{App, AppError, ProgrammeSummary, Session};
use resettle_domain::programme::Pledge;
use serde::{Deserialize, Serialize};

use super::{Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// The fields a refusal may name, as the app names them (`pledged: must be …`); each has
/// its rule in the messages (`pledges-rule-<field>`).
const FIELDS: &[&str] = &["year", "pledged", "arrived_before_resettle", "source"];

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

    /// The pledge typed, or the field that holds no whole number of its kind (a year, a
    /// count of persons). Bounds are the use case's to check.
    fn pledge(&self, lang: Lang) -> Result<Pledge, &'static str> {
        let year = lang
            .whole_number(&self.year)
            .and_then(|y| i32::try_from(y).ok())
            .ok_or("year")?;
        let persons = |field: &'static str, text: &str| {
            lang.whole_number(text)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or(field)
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

/// A refused form: the field whose rule the page states, or the use case's own words when
/// the refusal names no field of the form.
#[derive(Debug, Serialize)]
struct Problem {
    field: Option<&'static str>,
    detail: String,
}

impl Problem {
    /// The problem of a refusal about the input; `None` for any other refusal (forbidden,
    /// no such programme, storage), answered as an error page.
    fn of(error: &AppError) -> Option<Problem> {
        let message = match error {
            AppError::Invalid(m) => m.clone(),
            AppError::Refused(r) => r.to_string(),
            _ => return None,
        };
        let field = message
            .split_once(':')
            .and_then(|(f, _)| FIELDS.iter().copied().find(|known| *known == f.trim()));
        Some(Problem {
            field,
            detail: message,
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
    typed: Option<(&'a PledgeForm, Problem)>,
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
            // Years are names, not quantities: given as text so they are not grouped.
            bounds => context! {
                year_min => CALENDAR_YEARS.start().to_string(),
                year_max => CALENDAR_YEARS.end().to_string(),
                persons_min => *PERSONS.start(),
                persons_max => *PERSONS.end(),
            },
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
    let refused = |problem: Problem| Shown {
        programme: &form.programme,
        year: None,
        typed: Some((&form, problem)),
        saved: None,
    };
    let pledge = match form.pledge(lang) {
        Ok(p) => p,
        // Not a number of its kind: the page says so, once the use case has let the caller
        // read the pledges (a role without the right gets the refusal, not the form).
        Err(field) => {
            let problem = Problem {
                field: Some(field),
                detail: String::new(),
            };
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
        Err(e) => match Problem::of(&e) {
            Some(problem) => pledges_page(&app, lang, &session, refused(problem)).await,
            None => failed(lang, Some(&session), e),
        },
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
        assert_eq!(
            typed("2027", "-5", "").pledge(Lang::En).unwrap_err(),
            "pledged"
        );
        assert_eq!(
            typed("2027", "1.5", "").pledge(Lang::En).unwrap_err(),
            "pledged"
        );
        assert_eq!(typed("next", "5", "").pledge(Lang::En).unwrap_err(), "year");
        assert_eq!(
            typed("2027", "5", "many").pledge(Lang::En).unwrap_err(),
            "arrived_before_resettle"
        );
    }

    /// Each rule and the status line, with the numbers they carry, in every language: the
    /// page shows them only after a save or a refusal.
    #[test]
    fn every_rule_and_the_saved_line_read_in_every_language() {
        let programme = ProgrammeSummary {
            code: "BE".into(),
            name: "Belgian programme".into(),
            policy_profile: "belgium".into(),
            pledges: Vec::new(),
        };
        for lang in Lang::ALL {
            for field in FIELDS {
                let html = super::super::TEMPLATES
                    .get_template("pledges.html")
                    .and_then(|t| {
                        t.render(context! {
                            lang => lang.code(),
                            programmes => vec![context! {
                                programme => Value::from(Serde(&programme)),
                                form => Value::from(Serde(&PledgeForm::default())),
                                problem => Value::from(Serde(&Problem { field: Some(field), detail: String::new() })),
                            }],
                            done => context! { programme => "BE", year => "2027", pledged => 4321 },
                            bounds => context! {
                                year_min => "1950", year_max => "2100",
                                persons_min => 0, persons_max => 10_000_000,
                            },
                        })
                    })
                    .unwrap_or_else(|e| panic!("{field} in {}: {e:#}", lang.code()));
                // The bound the rule states: a year as a name, persons grouped.
                let bound = match *field {
                    "year" => "1950 ".to_string(),
                    "source" => String::new(),
                    _ => lang.number(10_000_000.0, 0),
                };
                assert!(
                    html.contains(&bound) && html.contains(&lang.number(4321.0, 0)),
                    "{field} in {}: {html}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn a_refusal_names_the_field_the_use_case_names() {
        let e = resettle_app::bounds::within("pledged", 20_000_000, &PERSONS).unwrap_err();
        assert_eq!(Problem::of(&e).unwrap().field, Some("pledged"));
        let other = AppError::Invalid("storage: something else".into());
        assert_eq!(Problem::of(&other).unwrap().field, None);
        assert!(
            Problem::of(&AppError::Forbidden {
                detail: "no".into(),
                lacking: None
            })
            .is_none()
        );
    }
}
