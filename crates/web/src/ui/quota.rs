//! The planner's quota page: a plan's years split over refugee situations and channels
//! (with a chart), the selection missions that implies, the quota decisions on record and
//! a form to record one, and a year tracked to arrival with the slips behind its gap.
//!
//! Every figure comes from the use cases the CLI and the API call (`resettle_app::quota`);
//! the page only reads the form as typed and words a refusal in the reader's language.
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::quota::{QuotaDecisionInput, QuotaDecisionYear};
use resettle_app::{App, AppError, Session};
use resettle_domain::policy::{NameList, ReasonList};
use serde::{Deserialize, Serialize};

use super::charts::{Series, grouped_bars};
use super::{Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// The fields a refusal may name; each has its rule in the messages (`quota-rule-<field>`).
const FIELDS: &[&str] = &[
    "from",
    "to",
    "years",
    "emergency",
    "proposed_by",
    "consulted",
    "motivation",
    "published_on",
    "year",
];

/// What the page shows: the programme, the years to split, the emergency places, the year
/// to track, and the decision just recorded. Text, so a link with a word in a number's
/// place is only ignored.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct QuotaQuery {
    programme: String,
    from: String,
    to: String,
    emergency: String,
    year: String,
    saved: String,
}

/// A quota decision as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct DecisionForm {
    programme: String,
    proposed_by: String,
    consulted: String,
    motivation: String,
    published_on: String,
    /// `2022=2000, 2023=3000`: a year and its persons per entry.
    years: String,
    emergency: String,
    /// The session's CSRF token; never echoed back into the page.
    #[serde(skip_serializing)]
    csrf: String,
}

impl DecisionForm {
    /// The decision typed, or the field that does not read.
    fn input(&self, lang: Lang) -> Result<QuotaDecisionInput, &'static str> {
        let published_on = time::Date::parse(
            self.published_on.trim(),
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map_err(|_| "published_on")?;
        let emergency = match self.emergency.trim() {
            "" => 0,
            typed => lang
                .whole_number(typed)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or("emergency")?,
        };
        let years = self
            .years
            .split([',', ';', '\n'])
            .filter(|p| !p.trim().is_empty())
            .map(|part| {
                let (y, n) = part.split_once('=').ok_or("years")?;
                Ok(QuotaDecisionYear {
                    year: y.trim().parse().map_err(|_| "years")?,
                    persons: lang
                        .whole_number(n)
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or("years")?,
                    emergency,
                })
            })
            .collect::<Result<Vec<_>, &'static str>>()?;
        Ok(QuotaDecisionInput {
            proposed_by: self.proposed_by.clone(),
            consulted: self.consulted.clone(),
            motivation: self.motivation.clone(),
            published_on,
            years,
        })
    }
}

/// The field a use case's refusal names (`motivation: required …`), if the page has it.
fn field_of(error: &AppError) -> Option<&'static str> {
    let AppError::Invalid(message) = error else {
        return None;
    };
    let named = message.split_once(':')?.0.trim();
    FIELDS.iter().copied().find(|f| *f == named).or(
        // Per-year figures are refused by their own names; the form has them in `years`.
        matches!(named, "persons" | "year").then_some("years"),
    )
}

/// `GET /quota`.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Query(query): Query<QuotaQuery>,
) -> Response {
    quota_page(&app, lang, &session, query, None).await
}

async fn quota_page(
    app: &App,
    lang: Lang,
    session: &Session,
    query: QuotaQuery,
    typed: Option<(&DecisionForm, Option<&'static str>)>,
) -> Response {
    // The pledge book is the planner's: a role without the right is refused here.
    let programmes = match app.pledge_book(&session.caller).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    let programme = programmes
        .iter()
        .find(|p| p.code == query.programme)
        .or(programmes.first())
        .map(|p| p.code.clone())
        .unwrap_or_default();
    let this_year = app.today().year();
    let year_of = |text: &str, default: i32| text.trim().parse().unwrap_or(default);
    // The page opens on the three years up to this one: years with pledges to split.
    let from = year_of(&query.from, this_year - 2);
    let to = year_of(&query.to, from + 2);
    let emergency = match query.emergency.trim() {
        "" => None,
        typed => lang.whole_number(typed).and_then(|n| u32::try_from(n).ok()),
    };
    let track_year = year_of(&query.year, this_year - 1);

    let mut problems: Vec<Value> = Vec::new();
    let mut refusal = |e: AppError, section: &str| -> Option<Response> {
        let e = e.into_sentence();
        match field_of(&e) {
            Some(field) => {
                problems.push(context! { section, field, detail => e.to_string() });
                None
            }
            None if matches!(e, AppError::Invalid(_)) => {
                problems.push(context! { section, detail => e.to_string() });
                None
            }
            None => Some(failed(lang, Some(session), e)),
        }
    };
    let allocation = match app
        .quota_allocate(&session.caller, &programme, from, to, emergency)
        .await
    {
        Ok(a) => Some(a),
        Err(e) => {
            if let Some(r) = refusal(e, "allocation") {
                return r;
            }
            None
        }
    };
    let track = match app
        .quota_track(&session.caller, &programme, track_year)
        .await
    {
        Ok(t) => Some(t),
        Err(e) => {
            if let Some(r) = refusal(e, "track") {
                return r;
            }
            None
        }
    };
    let decisions = match app.quota_decisions(&programme).await {
        Ok(d) => d,
        Err(e) => return failed(lang, Some(session), e),
    };
    let policy = match app.programme_policy(&programme).await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    if let Some((_, field)) = typed {
        problems.push(context! { section => "decision", field });
    }
    // Each refusal's rule in the reader's words (`quota-rule-<field>`).
    let problems: Vec<Value> = problems
        .into_iter()
        .map(|p| {
            let rule = p
                .get_attr("field")
                .ok()
                .and_then(|f| f.as_str().map(str::to_string))
                .and_then(|f| lang.message(&format!("quota-rule-{f}"), None).ok());
            context! { rule, ..p }
        })
        .collect();
    // The situations' names in the reader's words (`quota-situation-<code>`); a situation
    // the needs data adds without a name shows its code.
    let situations: std::collections::BTreeMap<String, String> =
        resettle_domain::reference::resettlement_needs()
            .rows()
            .iter()
            .map(|r| {
                let name = lang
                    .message(&format!("quota-situation-{}", r.situation), None)
                    .unwrap_or_else(|_| r.situation.clone());
                (r.situation.clone(), name)
            })
            .collect();

    let names_of = &situations;
    let chart = allocation.as_ref().map(|a| {
        let years: Vec<String> = a.years.iter().map(|y| y.year.to_string()).collect();
        let situations: Vec<String> =
            a.needs
                .iter()
                .map(|n| n.situation.clone())
                .fold(Vec::new(), |mut all, s| {
                    if !all.contains(&s) {
                        all.push(s);
                    }
                    all
                });
        let names: Vec<String> = situations
            .iter()
            .map(|s| names_of.get(s).cloned().unwrap_or_else(|| s.clone()))
            .collect();
        let classes: Vec<String> = situations.iter().map(|s| format!("sit-{s}")).collect();
        let series: Vec<Series> = situations
            .iter()
            .enumerate()
            .map(|(k, s)| Series {
                name: &names[k],
                class: &classes[k],
                values: a
                    .years
                    .iter()
                    .map(|y| {
                        y.lines
                            .iter()
                            .filter(|l| &l.situation == s)
                            .map(|l| l.persons as i64)
                            .sum()
                    })
                    .collect(),
            })
            .collect();
        let title = lang.message("quota-chart-title", None).unwrap_or_default();
        let legend: Vec<Value> = situations
            .iter()
            .zip(&names)
            .map(|(s, n)| context! { class => format!("sit-{s}"), name => n.clone() })
            .collect();
        context! {
            svg => grouped_bars("quota-chart", &title, &years, &series, &[]),
            legend,
        }
    });
    // Each year as a table: a row per situation, a column per channel.
    let years: Vec<Value> = allocation
        .iter()
        .flat_map(|a| &a.years)
        .map(|y| {
            let mut channels: Vec<String> = Vec::new();
            let mut situations: Vec<String> = Vec::new();
            for l in &y.lines {
                if !channels.contains(&l.channel) {
                    channels.push(l.channel.clone());
                }
                if !situations.contains(&l.situation) {
                    situations.push(l.situation.clone());
                }
            }
            let rows: Vec<Value> = situations
                .iter()
                .map(|s| {
                    let cells: Vec<u64> = channels
                        .iter()
                        .map(|c| {
                            y.lines
                                .iter()
                                .filter(|l| &l.situation == s && &l.channel == c)
                                .map(|l| l.persons)
                                .sum()
                        })
                        .collect();
                    let total: u64 = cells.iter().sum();
                    context! { situation => s.clone(), cells, total }
                })
                .collect();
            context! {
                year => Value::from(Serde(y)),
                channels,
                rows,
            }
        })
        .collect();
    let delays: Vec<Value> = track
        .iter()
        .flat_map(|t| &t.delays)
        .map(|d| {
            let reason = policy
                .label(NameList::Reason(ReasonList::Slip), &d.reason, lang.code())
                .unwrap_or(&d.reason)
                .to_string();
            context! { delay => Value::from(Serde(d)), reason }
        })
        .collect();
    let saved: Option<i64> = query.saved.trim().parse().ok();
    let form = typed
        .map(|(f, _)| f.clone())
        .unwrap_or_else(|| DecisionForm {
            programme: programme.clone(),
            ..DecisionForm::default()
        });
    let names: Vec<Value> = programmes
        .iter()
        .map(|p| context! { code => p.code.clone(), name => p.name.clone() })
        .collect();
    let page = render(
        "quota.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            programmes => names,
            programme,
            // Years are names, not quantities: given as text so they are not grouped.
            q => context! {
                from => from.to_string(),
                to => to.to_string(),
                emergency => query.emergency.clone(),
                year => track_year.to_string(),
            },
            allocation => allocation.as_ref().map(|a| Value::from(Serde(a))),
            chart,
            years,
            track => track.as_ref().map(|t| Value::from(Serde(t))),
            delays,
            decisions => Value::from(Serde(&decisions)),
            saved,
            form => Value::from(Serde(&form)),
            problems,
            situations,
        },
    );
    match typed {
        Some(_) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "quota decision refused")
            .status_of(page),
        None => page,
    }
}

/// `POST /quota/decisions`: records a quota decision, then shows the plan it sets.
pub(crate) async fn decide(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<DecisionForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let query = QuotaQuery {
        programme: form.programme.clone(),
        ..QuotaQuery::default()
    };
    let input = match form.input(lang) {
        Ok(i) => i,
        Err(field) => {
            return quota_page(&app, lang, &session, query, Some((&form, Some(field)))).await;
        }
    };
    match app
        .record_quota_decision(&session.caller, &form.programme, &input)
        .await
    {
        Ok(id) => {
            let from = input.years.iter().map(|y| y.year).min().unwrap_or_default();
            let to = input.years.iter().map(|y| y.year).max().unwrap_or_default();
            Redirect::to(&format!(
                "/quota?programme={}&from={from}&to={to}&saved={id}#allocation",
                q(&form.programme)
            ))
            .into_response()
        }
        Err(e) if matches!(e, AppError::Invalid(_) | AppError::Refused(_)) => {
            let e = e.into_sentence();
            let field = field_of(&e);
            quota_page(&app, lang, &session, query, Some((&form, field))).await
        }
        Err(e) => failed(lang, Some(&session), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_reads_as_each_language_groups_its_numbers() {
        let form = DecisionForm {
            published_on: "2021-10-01".into(),
            years: "2022=2.000, 2023=3.000; 2024=3.821".into(),
            emergency: "100".into(),
            ..DecisionForm::default()
        };
        let input = form.input(Lang::Nl).unwrap();
        let persons: Vec<u32> = input.years.iter().map(|y| y.persons).collect();
        assert_eq!(persons, [2_000, 3_000, 3_821]);
        assert!(input.years.iter().all(|y| y.emergency == 100));
        let bad = DecisionForm {
            years: "2022 is 2000".into(),
            ..form.clone()
        };
        assert_eq!(bad.input(Lang::En).unwrap_err(), "years");
        let bad = DecisionForm {
            published_on: "1 October".into(),
            ..form
        };
        assert_eq!(bad.input(Lang::En).unwrap_err(), "published_on");
    }

    #[test]
    fn a_refusal_names_the_forms_field() {
        let e = AppError::Invalid("motivation: required".into());
        assert_eq!(field_of(&e), Some("motivation"));
        let e = AppError::Invalid("persons: must be from 0 to 10000000, got 20000000".into());
        assert_eq!(field_of(&e), Some("years"));
        assert_eq!(field_of(&AppError::NotFound("x".into())), None);
    }
}
