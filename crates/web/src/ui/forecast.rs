//! The planner's capacity forecast: choose a shipped scenario or a live programme, run it,
//! and read the chance each pledge is met, the buffer places that make the pledges hold,
//! when places run short, and the fan charts of arrivals, occupancy against places and
//! families waiting, each chart with its figures as a table.
//!
//! The use case decides who may (planners), bounds the runs and runs the forecast on a
//! blocking thread, one at a time, exactly as `POST /api/v1/forecast`. The page reads the
//! numbers as the reader types them and names a refused field's rule in their language.
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::bounds::{FORECAST_RUNS, TARGET_PROBABILITY};
use resettle_app::forecast::{DEFAULT_RUNS, ForecastAnswer, ForecastRequest};
use resettle_app::{App, AppError, Session};
use resettle_forecast::{Band, Shock};
use serde::{Deserialize, Serialize};

use super::fan_chart::{Segment, Words, fan_chart};
use super::{Lang, failed, render, user_context};
use crate::session::{SignedIn, check_csrf};

/// The form as typed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default)]
pub(crate) struct ForecastForm {
    /// `scenario:NAME` or `programme:CODE`.
    input: String,
    runs: String,
    seed: String,
    /// Percent.
    target: String,
    #[serde(skip_serializing)]
    csrf: String,
}

impl Default for ForecastForm {
    fn default() -> Self {
        ForecastForm {
            input: String::new(),
            runs: DEFAULT_RUNS.to_string(),
            seed: "1".into(),
            target: "90".into(),
            csrf: String::new(),
        }
    }
}

/// Fields whose rule the page can state.
const FIELDS: &[&str] = &["runs", "seed", "target_probability"];

impl ForecastForm {
    /// The request typed, or the field that is not a whole number.
    fn request(&self, lang: Lang) -> Result<ForecastRequest, &'static str> {
        let number = |field: &'static str, text: &str| lang.whole_number(text).ok_or(field);
        let runs = u32::try_from(number("runs", &self.runs)?).map_err(|_| "runs")?;
        let seed = u64::try_from(number("seed", &self.seed)?).map_err(|_| "seed")?;
        let target = number("target_probability", &self.target)? as f64 / 100.0;
        let (scenario, programme) = match self.input.split_once(':') {
            Some(("programme", code)) => (None, Some(code.to_string())),
            Some(("scenario", name)) => (Some(name.to_string()), None),
            _ => (Some(self.input.clone()), None),
        };
        Ok(ForecastRequest {
            scenario,
            programme,
            runs: Some(runs),
            seed: Some(seed),
            target_probability: Some(target),
        })
    }
}

/// `GET /forecast`.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
) -> Response {
    forecast_page(&app, lang, &session, &ForecastForm::default(), None, None).await
}

/// `POST /forecast`: run and show.
pub(crate) async fn run(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    Form(form): Form<ForecastForm>,
) -> Response {
    if let Err(refused) = check_csrf(&session, &form.csrf) {
        return failed(lang, Some(&session), refused);
    }
    let answer = match form.request(lang) {
        Err(field) => Err(Problem {
            field: Some(field),
            reason: String::new(),
        }),
        Ok(request) => match app.forecast(&session.caller, &request).await {
            Ok(answer) => Ok(answer),
            // A bound refused: the page states the field's rule in the reader's words;
            // any other refusal is worded by its kind.
            Err(e @ AppError::Refused(_)) => Err(Problem {
                field: match &e {
                    AppError::Refused(r) => FIELDS.iter().copied().find(|k| *k == r.field),
                    _ => None,
                },
                reason: super::refusals::worded(lang, &e, &session.caller, &[], None).reason,
            }),
            Err(e) => return failed(lang, Some(&session), e),
        },
    };
    match answer {
        Ok(answer) => forecast_page(&app, lang, &session, &form, Some(&answer), None).await,
        Err(problem) => forecast_page(&app, lang, &session, &form, None, Some(problem)).await,
    }
}

/// A refused form: the field whose rule to state, or else the refusal's reason in the
/// reader's words.
#[derive(Debug, Serialize)]
struct Problem {
    field: Option<&'static str>,
    reason: String,
}

/// One choice of what to forecast.
#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
}

async fn forecast_page(
    app: &App,
    lang: Lang,
    session: &Session,
    form: &ForecastForm,
    answer: Option<&ForecastAnswer>,
    problem: Option<Problem>,
) -> Response {
    let choices = match app.forecast_choices(&session.caller).await {
        Ok(c) => c,
        Err(e) => return failed(lang, Some(session), e),
    };
    let mut options: Vec<Choice> = choices
        .scenarios
        .iter()
        .map(|(name, title)| Choice {
            value: format!("scenario:{name}"),
            label: title.clone(),
        })
        .collect();
    for (code, name) in &choices.programmes {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("programme", name.clone());
        options.push(Choice {
            value: format!("programme:{code}"),
            label: lang
                .message("forecast-live", Some(&args))
                .unwrap_or_else(|e| e),
        });
    }
    let chosen = if options.iter().any(|o| o.value == form.input) {
        form.input.clone()
    } else {
        options.first().map(|o| o.value.clone()).unwrap_or_default()
    };
    let result = answer.map(|a| {
        let mut v = view(lang, a);
        // A live programme's title and description in the reader's words.
        if let Some(code) = chosen.strip_prefix("programme:")
            && let Some(label) = options.iter().find(|o| o.value == chosen)
        {
            v.title = label.label.clone();
            v.description = message(
                lang,
                "forecast-live-description",
                &[
                    ("programme", code.to_string().into()),
                    ("today", lang.date(app.today()).unwrap_or_default().into()),
                ],
            );
        }
        Value::from(Serde(v))
    });
    render(
        "forecast.html",
        lang,
        context! {
            user => user_context(Some(session)),
            csrf => session.csrf_token.clone(),
            options => Value::from(Serde(&options)),
            chosen,
            form => Value::from(Serde(form)),
            problem => Value::from(Serde(&problem)),
            bounds => context! {
                runs_min => *FORECAST_RUNS.start(),
                runs_max => *FORECAST_RUNS.end(),
                target_min => (TARGET_PROBABILITY.start() * 100.0).round() as i64,
                target_max => (TARGET_PROBABILITY.end() * 100.0).round() as i64,
            },
            result,
        },
    )
}

/// A stage's name in the reader's words (`forecast-stage-loi`); a stage of a custom
/// scenario without words is shown with spaces for underscores.
fn stage_word(lang: Lang, name: &str) -> String {
    lang.message(&format!("forecast-stage-{name}"), None)
        .unwrap_or_else(|_| name.replace('_', " "))
}

fn date(lang: Lang, day: &str) -> String {
    time::Date::parse(
        day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
    .and_then(|d| lang.date(d).ok())
    .unwrap_or_else(|| day.to_string())
}

fn message(lang: Lang, id: &str, args: &[(&str, fluent_bundle::FluentValue<'static>)]) -> String {
    let mut fluent = fluent_bundle::FluentArgs::new();
    for (k, v) in args {
        fluent.set(*k, v.clone());
    }
    lang.message(id, Some(&fluent)).unwrap_or_else(|e| e)
}

/// A shock in the reader's words.
fn shock_words(lang: Lang, shock: &Shock) -> String {
    use fluent_bundle::FluentValue as V;
    match shock {
        Shock::Halt { from, months, .. } => message(
            lang,
            "forecast-shock-halt",
            &[
                ("from", V::from(lang.date(*from).unwrap_or_default())),
                ("months", V::from(*months)),
            ],
        ),
        Shock::MissionCancelled { mission, .. } => message(
            lang,
            "forecast-shock-mission",
            &[("mission", V::from(mission.clone()))],
        ),
        Shock::PlacesClosed {
            stage,
            from,
            places,
            months,
            ..
        } => {
            let mut args = vec![
                ("stage", V::from(stage_word(lang, stage))),
                ("from", V::from(lang.date(*from).unwrap_or_default())),
                ("places", V::from(*places)),
            ];
            match months {
                Some(m) => {
                    args.push(("months", V::from(*m)));
                    message(lang, "forecast-shock-closed-for", &args)
                }
                None => message(lang, "forecast-shock-closed", &args),
            }
        }
    }
}

/// One row of a chart's table: a week every four, and the last.
#[derive(Debug, Serialize)]
struct Row {
    week: String,
    band: Band,
    capacity: Option<u32>,
    p_over: Option<f64>,
}

/// A chart and its table.
#[derive(Debug, Serialize)]
struct Chart {
    id: String,
    title: String,
    svg: String,
    rows: Vec<Row>,
    places: bool,
}

#[derive(Debug, Serialize)]
struct RunsOutView {
    stage: String,
    median: Option<String>,
    early: Option<String>,
    late: Option<String>,
    never: f64,
}

#[derive(Debug, Serialize)]
struct ShockView {
    shock: String,
    applied: bool,
    label: String,
    p_with: f64,
    p_without: f64,
    median_with: u32,
    median_without: u32,
}

#[derive(Debug, Serialize)]
struct BufferView {
    reached: bool,
    places: u32,
    per_stage: String,
    probability: f64,
    target: f64,
    limit: u32,
    monotone: bool,
    consistent: bool,
}

/// The forecast as the page shows it: words for codes, dates written out, charts drawn.
#[derive(Debug, Serialize)]
struct View {
    title: String,
    description: String,
    runs: u32,
    seed: u64,
    pledges: Vec<resettle_forecast::PledgeForecast>,
    buffer: Option<BufferView>,
    runs_out: Vec<RunsOutView>,
    charts: Vec<Chart>,
    shocks: Vec<ShockView>,
    inputs: Vec<InputView>,
    sources: Vec<String>,
}

/// An input of the scenario in the reader's words, with its source.
#[derive(Debug, Serialize)]
struct InputView {
    input: String,
    source: String,
}

fn words(lang: Lang, title: String, description: String, places: bool) -> Words {
    Words {
        title,
        description,
        median: message(lang, "forecast-key-median", &[]),
        bands: message(lang, "forecast-key-bands", &[]),
        places: if places {
            message(lang, "forecast-key-places", &[])
        } else {
            String::new()
        },
        target: message(lang, "forecast-key-pledge", &[]),
    }
}

fn rows(
    lang: Lang,
    weeks: &[String],
    first: usize,
    bands: &[Band],
    capacity: Option<&[u32]>,
    p_over: Option<&[f64]>,
) -> Vec<Row> {
    (0..bands.len())
        .filter(|&i| i % 4 == 0 || i + 1 == bands.len())
        .map(|i| Row {
            week: date(lang, &weeks[first + i]),
            band: bands[i],
            capacity: capacity.map(|c| c[first + i]),
            p_over: p_over.map(|p| p[first + i]),
        })
        .collect()
}

fn view(lang: Lang, answer: &ForecastAnswer) -> View {
    use fluent_bundle::FluentValue as V;
    let f = &answer.forecast;
    let mut charts = Vec::new();
    let segments: Vec<Segment<'_>> = f
        .pledges
        .iter()
        .map(|p| Segment {
            first: p.first_week,
            bands: &p.progress,
            target: Some(p.persons),
        })
        .collect();
    if !segments.is_empty() {
        let title = message(lang, "forecast-chart-arrivals", &[]);
        let description = message(lang, "forecast-chart-arrivals-desc", &[]);
        let mut table = Vec::new();
        for p in &f.pledges {
            table.extend(rows(lang, &f.weeks, p.first_week, &p.progress, None, None));
        }
        charts.push(Chart {
            id: "chart-arrivals".into(),
            svg: fan_chart(
                "chart-arrivals",
                &words(lang, title.clone(), description, false),
                &f.weeks,
                &segments,
                None,
            ),
            title,
            rows: table,
            places: false,
        });
    }
    for (k, s) in f.stages.iter().enumerate() {
        let stage = stage_word(lang, &s.name);
        let title = message(
            lang,
            "forecast-chart-stage",
            &[("stage", V::from(stage.clone()))],
        );
        let description = message(
            lang,
            if s.capacity.is_some() {
                "forecast-chart-stage-desc"
            } else {
                "forecast-chart-stage-unlimited-desc"
            },
            &[("stage", V::from(stage))],
        );
        let id = format!("chart-stage-{k}");
        charts.push(Chart {
            svg: fan_chart(
                &id,
                &words(lang, title.clone(), description, s.capacity.is_some()),
                &f.weeks,
                &[Segment {
                    first: 0,
                    bands: &s.occupancy,
                    target: None,
                }],
                s.capacity.as_deref(),
            ),
            id,
            title,
            rows: rows(
                lang,
                &f.weeks,
                0,
                &s.occupancy,
                s.capacity.as_deref(),
                s.capacity.as_ref().map(|_| s.p_over_capacity.as_slice()),
            ),
            places: s.capacity.is_some(),
        });
    }
    let title = message(lang, "forecast-chart-waiting", &[]);
    let description = message(lang, "forecast-chart-waiting-desc", &[]);
    charts.push(Chart {
        id: "chart-waiting".into(),
        svg: fan_chart(
            "chart-waiting",
            &words(lang, title.clone(), description, false),
            &f.weeks,
            &[Segment {
                first: 0,
                bands: &f.waiting,
                target: None,
            }],
            None,
        ),
        title,
        rows: rows(lang, &f.weeks, 0, &f.waiting, None, None),
        places: false,
    });

    let when = |w: &Option<String>| w.as_deref().map(|d| date(lang, d));
    let mut runs_out = Vec::new();
    if let Some(r) = &f.runs_out {
        runs_out.push(RunsOutView {
            stage: message(lang, "forecast-any-stage", &[]),
            median: when(&r.median),
            early: when(&r.early),
            late: when(&r.late),
            never: r.never,
        });
    }
    for s in &f.stages {
        if let Some(r) = &s.runs_out {
            runs_out.push(RunsOutView {
                stage: stage_word(lang, &s.name),
                median: when(&r.median),
                early: when(&r.early),
                late: when(&r.late),
                never: r.never,
            });
        }
    }
    View {
        title: answer.scenario.title.clone(),
        description: answer.scenario.description.clone(),
        runs: f.runs,
        seed: f.seed,
        pledges: f.pledges.clone(),
        buffer: f.buffer.as_ref().map(|b| BufferView {
            reached: b.reached,
            places: b.places,
            per_stage: b
                .per_stage
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        stage_word(lang, &s.stage),
                        lang.number(f64::from(s.places), 0)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
            probability: b.probability,
            target: b.target,
            limit: b.limit,
            monotone: b.monotone,
            consistent: b.consistent,
        }),
        runs_out,
        charts,
        shocks: f
            .shocks
            .iter()
            .flat_map(|s| {
                s.pledges.iter().map(move |p| ShockView {
                    shock: shock_words(lang, &s.shock),
                    applied: s.applied,
                    label: p.label.clone(),
                    p_with: p.p_met_with,
                    p_without: p.p_met_without,
                    median_with: p.median_with,
                    median_without: p.median_without,
                })
            })
            .collect(),
        inputs: answer
            .scenario
            .inputs
            .iter()
            .map(|i| {
                let about = i.about.clone().unwrap_or_default();
                let about = if i.input == "stage" {
                    stage_word(lang, &about)
                } else {
                    about
                };
                InputView {
                    input: message(
                        lang,
                        &format!("forecast-input-{}", i.input.replace('_', "-")),
                        &[("about", V::from(about))],
                    ),
                    source: i.source.clone(),
                }
            })
            .collect(),
        sources: answer.scenario.sources.clone(),
    }
}
