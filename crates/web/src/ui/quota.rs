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
use resettle_app::{App, AppError, Caller, Session};
use resettle_domain::policy::{NameList, ReasonList};
use serde::{Deserialize, Serialize};

use super::charts::{Series, grouped_bars};
use super::refusals::{self, FormFields};
use super::{Lang, failed, q, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// Where the fields each form may be refused on are (see [`refusals::FormFields`]); each
/// input has its rule in the messages (`quota-rule-<input>`). A plan's length (`years`)
/// is set by its last year; a decision's per-year figures are typed in `years`.
const ALLOCATION_FIELDS: FormFields = &[
    ("from", "from", "quota-from"),
    ("to", "to", "quota-to"),
    ("years", "to", "quota-to"),
    ("emergency", "emergency", "quota-emergency"),
];
const TRACK_FIELDS: FormFields = &[("year", "year", "quota-track-year")];
const DECISION_FIELDS: FormFields = &[
    ("proposed_by", "proposed_by", "quota-field-proposed_by"),
    ("consulted", "consulted", "quota-field-consulted"),
    ("motivation", "motivation", "quota-field-motivation"),
    ("published_on", "published_on", "quota-field-published_on"),
    ("years", "years", "quota-field-years"),
    ("year", "years", "quota-field-years"),
    ("persons", "years", "quota-field-years"),
    ("emergency", "emergency", "quota-field-emergency"),
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

/// A refusal of the form `section` in the reader's words: the input's rule
/// (`quota-rule-<input>`), which names the field and says what the form wants in its own
/// terms, or else the field by its label and the refusal's reason. `None` for an error that is not a refusal of the input.
fn problem(lang: Lang, e: &AppError, caller: &Caller, section: &str) -> Option<Value> {
    let fields = match section {
        "allocation" => ALLOCATION_FIELDS,
        "track" => TRACK_FIELDS,
        _ => DECISION_FIELDS,
    };
    if !matches!(e, AppError::Refused(_)) {
        return None;
    }
    let w = refusals::worded(lang, e, caller, fields, None);
    // The rule names its field itself; a reason worded by kind is led by the label.
    let (label, reason) = match w.input.as_deref().and_then(|input| rule(lang, input)) {
        Some(rule) => (None, rule),
        None => (w.label, w.reason),
    };
    Some(context! { section, field => w.input, label, reason })
}

/// The rule of the form's input `input`, in the reader's words.
fn rule(lang: Lang, input: &str) -> Option<String> {
    lang.message(&format!("quota-rule-{input}"), None).ok()
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
    typed: Option<(&DecisionForm, Value)>,
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
        match problem(lang, &e, &session.caller, section) {
            Some(p) => {
                problems.push(p);
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
    if let Some((_, p)) = &typed {
        problems.push(p.clone());
    }
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
        .as_ref()
        .map(|(f, _)| (*f).clone())
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
            // The form's own reading refused the input: its rule says what it wants.
            let p = context! { section => "decision", field, reason => rule(lang, field) };
            return quota_page(&app, lang, &session, query, Some((&form, p))).await;
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
        Err(e) => match problem(lang, &e, &session.caller, "decision") {
            Some(p) => quota_page(&app, lang, &session, query, Some((&form, p))).await,
            None => failed(lang, Some(&session), e),
        },
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
    fn a_refusal_names_the_forms_field_by_its_label_and_rule() {
        let caller = Caller::anonymous("test");
        let e = AppError::from(resettle_domain::Refusal::of(
            "persons",
            resettle_domain::RefusalKind::OutOfRange {
                min: "0".into(),
                max: "10000000".into(),
                got: "20000000".into(),
            },
        ));
        let p = problem(Lang::Nl, &e, &caller, "decision").unwrap();
        assert_eq!(p.get_attr("field").unwrap().as_str(), Some("years"));
        assert_eq!(
            p.get_attr("reason").unwrap().as_str().map(str::to_string),
            rule(Lang::Nl, "years")
        );
        let p = problem(Lang::Fr, &e, &caller, "allocation").unwrap();
        assert!(p.get_attr("field").unwrap().is_none());
        assert!(
            p.get_attr("reason")
                .unwrap()
                .to_string()
                .contains("est hors de ces limites"),
            "{p}"
        );
        assert!(problem(Lang::En, &AppError::NotFound("x".into()), &caller, "track").is_none());
    }
}
