//! Capacity forecasts for planners: will the reception network hold the pledges, and how
//! many buffer places does it take? The scenarios shipped in `data/scenarios/` or the live
//! programme (`live`), simulated by `resettle-forecast`.
//!
//! On the server a forecast runs on a blocking thread, one at a time (a second one asked
//! for meanwhile is refused as busy), with at most [`FORECAST_RUNS`] runs; the CLI runs the
//! same scenarios on every core and as many runs as its operator asks.
mod live;

use resettle_domain::audit::{AuditAction, AuditEntity};
use std::sync::LazyLock;

use resettle_forecast::{Forecast, Options, Scenario, ScenarioError};
use serde::{Deserialize, Serialize};

use crate::bounds::{FORECAST_RUNS, TARGET_PROBABILITY, within};
use crate::{App, AppError, Caller, Permission};

pub use live::{ENOUGH_SPELLS, HISTORY_YEARS};

/// The shipped scenarios as (file, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "data/scenarios/belgium-growth-path.toml",
        include_str!("../../../../data/scenarios/belgium-growth-path.toml"),
    ),
    (
        "data/scenarios/belgium-2018-2019.toml",
        include_str!("../../../../data/scenarios/belgium-2018-2019.toml"),
    ),
];

static SCENARIOS: LazyLock<Vec<Scenario>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|(file, text)| Scenario::parse(text).unwrap_or_else(|e| panic!("{}", e.in_file(file))))
        .collect()
});

/// Every shipped scenario, checked.
pub fn shipped() -> &'static [Scenario] {
    &SCENARIOS
}

/// Runs when the caller names none: about ±3 percentage points on a probability (95 %).
pub const DEFAULT_RUNS: u32 = 1_000;

/// What to forecast and how.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, utoipa::ToSchema)]
pub struct ForecastRequest {
    /// A shipped scenario by name (`belgium-growth-path`, `belgium-2018-2019`); give this
    /// or `programme`.
    pub scenario: Option<String>,
    /// A programme's code, to forecast from its cases, places and history today.
    pub programme: Option<String>,
    /// Runs (default 1,000; at most 2,000 on the server).
    pub runs: Option<u32>,
    /// Seed (default 1): the same request gives the same forecast.
    pub seed: Option<u64>,
    /// The probability every pledge should reach, for the buffer search (default 0.9).
    pub target_probability: Option<f64>,
}

/// A forecast with what it was made from.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ForecastAnswer {
    /// The scenario simulated.
    pub scenario: ScenarioSummary,
    /// The forecast.
    pub forecast: Forecast,
}

/// A scenario in words: what it is and where each input comes from.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ScenarioSummary {
    /// Its name.
    pub name: String,
    /// Its title.
    pub title: String,
    /// What it asks and assumes.
    pub description: String,
    /// Its sources.
    pub sources: Vec<String>,
    /// Each input with its source (fitted from the programme's history, or the scenario's
    /// default, for a live programme).
    pub inputs: Vec<InputSource>,
}

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct InputSource {
    /// The input: `family_sizes`, `acceptance_rate`, `decision_weeks`,
    /// `pre_departure_weeks`, `stage`, `submissions` or `pledge`.
    pub input: String,
    /// Which one, for a stage (its name) or a pledge (its years).
    pub about: Option<String>,
    /// Its source.
    pub source: String,
}

impl ScenarioSummary {
    /// The summary of `s`.
    pub fn of(s: &Scenario) -> ScenarioSummary {
        let mut inputs = vec![
            input("family_sizes", None, &s.family_sizes.source),
            input("acceptance_rate", None, &s.acceptance_rate.source),
            input("decision_weeks", None, &s.decision_weeks.source),
            input("pre_departure_weeks", None, &s.pre_departure_weeks.source),
        ];
        for stage in &s.stages {
            inputs.push(input("stage", Some(&stage.name), &stage.source));
        }
        for d in &s.dossiers {
            inputs.push(input("submissions", None, &d.source));
        }
        for p in &s.pledges {
            inputs.push(input("pledge", Some(&p.label()), &p.source));
        }
        ScenarioSummary {
            name: s.name.clone(),
            title: s.title.clone(),
            description: s.description.clone(),
            sources: s.sources.clone(),
            inputs,
        }
    }
}

fn input(what: &str, about: Option<&str>, source: &str) -> InputSource {
    InputSource {
        input: what.into(),
        about: about.map(str::to_string),
        source: source.into(),
    }
}

/// A refused scenario or option as the app's refusal of a file that does not read as a
/// scenario, naming the key as its field (`scenario` when the text itself does not read).
/// The forecast crate states its reasons in English, with the line and the column, and
/// the refusal keeps them as the detail.
pub fn refused(mut e: ScenarioError) -> AppError {
    let field = e.key.take().unwrap_or_else(|| "scenario".into());
    let detail = e.to_string();
    resettle_domain::Refusal::of(field, resettle_domain::RefusalKind::Unreadable { detail }).into()
}

/// What a planner may forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForecastChoices {
    /// The shipped scenarios as (name, title).
    pub scenarios: Vec<(String, String)>,
    /// The programmes as (code, name).
    pub programmes: Vec<(String, String)>,
}

impl App {
    /// The shipped scenarios and the programmes a planner may forecast.
    pub async fn forecast_choices(&self, caller: &Caller) -> Result<ForecastChoices, AppError> {
        self.require(caller, Permission::PlanQuotas, AuditEntity::Forecast, "")
            .await?;
        Ok(ForecastChoices {
            scenarios: shipped()
                .iter()
                .map(|s| (s.name.clone(), s.title.clone()))
                .collect(),
            programmes: self
                .store
                .programmes()
                .await?
                .into_iter()
                .map(|p| (p.code, p.name))
                .collect(),
        })
    }

    /// A shipped scenario by name, or a refusal listing those there are.
    pub fn shipped_scenario(name: &str) -> Result<&'static Scenario, AppError> {
        shipped().iter().find(|s| s.name == name).ok_or_else(|| {
            AppError::NotFound(format!(
                "scenario: no shipped scenario {name:?}; shipped: {}",
                shipped()
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
    }

    /// The live programme as a scenario, for planners: its cases where they stand today,
    /// its places and their occupancy, its pledges, and durations fitted from its history
    /// where there is enough of it. The read is audited.
    pub async fn programme_scenario(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<Scenario, AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::Forecast,
            programme,
        )
        .await?;
        let scenario = self.live_scenario(programme).await?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Forecast,
            programme,
            "",
            "the programme's cases, places and history as a forecast scenario",
        )
        .await?;
        Ok(scenario)
    }

    /// Forecasts a shipped scenario or a live programme on the server, for planners: at
    /// most [`FORECAST_RUNS`] runs, on a blocking thread, one forecast at a time. Audited.
    pub async fn forecast(
        &self,
        caller: &Caller,
        request: &ForecastRequest,
    ) -> Result<ForecastAnswer, AppError> {
        let what = request
            .programme
            .as_deref()
            .or(request.scenario.as_deref())
            .unwrap_or("");
        self.require(caller, Permission::PlanQuotas, AuditEntity::Forecast, what)
            .await?;
        let runs = within("runs", request.runs.unwrap_or(DEFAULT_RUNS), &FORECAST_RUNS)?;
        let target = within(
            "target_probability",
            request.target_probability.unwrap_or(0.9),
            &TARGET_PROBABILITY,
        )?;
        let scenario = match (&request.scenario, &request.programme) {
            (Some(name), None) => App::shipped_scenario(name)?.clone(),
            (None, Some(code)) => self.live_scenario(code).await?,
            _ => {
                return Err(resettle_domain::Refusal::of(
                    "scenario",
                    resettle_domain::RefusalKind::OneOf {
                        fields: vec!["scenario".into(), "programme".into()],
                    },
                )
                .into());
            }
        };
        let options = Options {
            runs,
            seed: request.seed.unwrap_or(1),
            target_probability: target,
            // One core stays free for everyone else's requests.
            threads: std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .saturating_sub(1)
                .max(1),
            buffer: true,
            shock_effects: true,
        };
        let summary = ScenarioSummary::of(&scenario);
        let seed = options.seed;
        let forecast = self
            .run_forecast(move || resettle_forecast::forecast(&scenario, &options, &|_| {}))
            .await?
            .map_err(refused)?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Forecast,
            what,
            "",
            &format!("{runs} runs, seed {seed}"),
        )
        .await?;
        Ok(ForecastAnswer {
            scenario: summary,
            forecast,
        })
    }
}
