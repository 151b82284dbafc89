//! Capacity forecasting: will the reception network hold the pledge, and how many buffer
//! places does it take?
//!
//! A [`Scenario`] describes a resettlement programme's pipeline: submissions (selection
//! missions whose families travel together, and dossiers one by one), the decision and its
//! acceptance rate, the preparation before departure, the reception stages with their
//! places and lengths of stay (Belgium: a centre for about six weeks, a local reception
//! initiative for at most six months while a home is sought, then integration support; the
//! Netherlands: a municipality with a home ready), the pledges, and shocks (a halt, a
//! cancelled mission, places closed). [`forecast`] simulates it many times (Monte Carlo,
//! family by family, week by week, seeded and reproducible, on as many threads as asked)
//! and answers with the fan-chart bands of arrivals, occupancy and waiting families per
//! week, the probability that each pledge is met, the week places first run short, the
//! smallest buffer that brings every pledge to a target probability, and each shock's cost.
//!
//! The model and why it is built so: `docs/decisions/0016-capacity-forecast.md`. The crate
//! is pure: no I/O, no clock, nothing else of `resettle`; the application builds scenarios
//! from the live programme.
mod buffer;
mod model;
mod outcome;
mod rng;
mod scenario;
mod weeks;

pub use outcome::{
    Band, BufferAdvice, BufferTry, Forecast, PledgeForecast, RunsOut, ShockEffect, ShockOnPledge,
    StageBuffer, StageForecast,
};
pub use scenario::{
    CapacityChange, CaseInPipeline, DossierFlow, Location, MAX_HORIZON_WEEKS, MAX_PERSONS,
    MAX_STAGES, MAX_TOTAL_PERSONS, Mission, Pledge, Position, Scenario, ScenarioError, Shock,
    Sourced, Stage,
};
pub use weeks::{MAX_WEEKS, Weeks};

use model::parallel::simulate;
use model::plan::{Plan, Variant};
use outcome::{p_met, pledged, progress_bands, runs_out, series_bands, short_share};

/// The most runs one forecast may ask for: a million runs of a three-year programme take
/// about a minute on two cores and a few gigabytes; the server caps far lower.
pub const MAX_RUNS: u32 = 1_000_000;

/// How to forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Runs to simulate (1 to [`MAX_RUNS`]); 1,000 give probabilities within about ±3
    /// percentage points (95 %), 10,000 within ±1.
    pub runs: u32,
    /// The seed: the same scenario, runs and seed give the same forecast on any machine and
    /// any number of threads.
    pub seed: u64,
    /// The probability every pledge should reach, for the buffer search (default 0.9).
    pub target_probability: f64,
    /// Threads to run on (at least 1).
    pub threads: usize,
    /// Whether to search the buffer that reaches the target.
    pub buffer: bool,
    /// Whether to price each shock by running without it (and each what-if by running
    /// with it).
    pub shock_effects: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: 1_000,
            seed: 1,
            target_probability: 0.9,
            threads: 1,
            buffer: true,
            shock_effects: true,
        }
    }
}

/// How far a forecast has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The forecast's own runs: `done` of `runs`.
    Runs {
        /// Runs done.
        done: u32,
        /// Runs in all.
        runs: u32,
    },
    /// The buffer search has tried `tried` buffers (about log2 of its limit in all).
    Buffer {
        /// Buffers tried.
        tried: u32,
    },
    /// Shock `done` of `shocks` priced.
    Shocks {
        /// Shocks done.
        done: u32,
        /// Shocks in all.
        shocks: u32,
    },
}

/// Forecasts `scenario`: checks it and the options, simulates, summarises, searches the
/// buffer and prices the shocks. `progress` is called now and then from the calling thread
/// or a worker.
pub fn forecast(
    scenario: &Scenario,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Forecast, ScenarioError> {
    scenario.check()?;
    if !(1..=MAX_RUNS).contains(&options.runs) {
        return Err(ScenarioError::key(
            "runs",
            format!("must be from 1 to {MAX_RUNS}, got {}", options.runs),
        ));
    }
    let target = options.target_probability;
    if !(target > 0.0 && target <= 1.0) {
        return Err(ScenarioError::key(
            "target_probability",
            format!("must be more than 0 and at most 1, got {target}"),
        ));
    }
    let runs = options.runs as usize;
    let threads = options.threads.max(1);
    let plan = Plan::compile(scenario, &[], Variant::AsWritten);
    let total = options.runs;
    let all = simulate(&plan, runs, options.seed, threads, true, &|done| {
        progress(Progress::Runs { done, runs: total })
    });

    let week_names: Vec<String> = (0..plan.weeks)
        .map(|w| (scenario.start + time::Duration::weeks(w as i64)).to_string())
        .collect();
    let stages = scenario
        .stages
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let has_places = s.capacity.is_some();
            StageForecast {
                name: s.name.clone(),
                capacity: has_places.then(|| (0..plan.weeks).map(|w| plan.places(k, w)).collect()),
                occupancy: series_bands(&all, 2 + k, false),
                p_over_capacity: if has_places {
                    short_share(&all, k)
                } else {
                    vec![0.0; plan.weeks]
                },
                runs_out: has_places.then(|| runs_out(&all, 1 << k, &week_names)),
            }
        })
        .collect();
    let mask: u8 = scenario
        .stages
        .iter()
        .enumerate()
        .filter(|(_, s)| s.capacity.is_some())
        .fold(0, |m, (k, _)| m | 1 << k);
    let n_pledges = scenario.pledges.len();
    let pledges: Vec<PledgeForecast> = scenario
        .pledges
        .iter()
        .enumerate()
        .map(|(p, pl)| PledgeForecast {
            label: pl.label(),
            first_year: pl.first_year,
            last_year: pl.last_year,
            persons: pl.persons,
            arrivals: Band::of(&mut pledged(&all, n_pledges, p)),
            p_met: p_met(&all, n_pledges, p, pl.persons),
            first_week: plan.pledges[p].first,
            progress: progress_bands(
                &all,
                plan.pledges[p].first,
                plan.pledges[p].end,
                pl.arrived_before_start,
            ),
        })
        .collect();

    let buffer = (options.buffer && mask != 0 && n_pledges > 0).then(|| {
        buffer::Search {
            scenario,
            runs,
            seed: options.seed,
            threads,
            target,
        }
        .run(&|tried| progress(Progress::Buffer { tried }))
    });

    let mut shocks = Vec::new();
    if options.shock_effects {
        let variants = (0..scenario.shocks.len())
            .map(|i| (&scenario.shocks[i], Variant::Without(i)))
            .chain((0..scenario.what_if.len()).map(|i| (&scenario.what_if[i], Variant::With(i))));
        let count = (scenario.shocks.len() + scenario.what_if.len()) as u32;
        for (done, (shock, variant)) in variants.enumerate() {
            let other = simulate(
                &Plan::compile(scenario, &[], variant),
                runs,
                options.seed,
                threads,
                false,
                &|_| {},
            );
            let applied = matches!(variant, Variant::Without(_));
            shocks.push(ShockEffect {
                shock: shock.clone(),
                description: shock.describe(),
                applied,
                pledges: scenario
                    .pledges
                    .iter()
                    .enumerate()
                    .map(|(p, pl)| {
                        let (p_other, median_other) = (
                            p_met(&other, n_pledges, p, pl.persons),
                            Band::of(&mut pledged(&other, n_pledges, p)).median,
                        );
                        let (p_here, median_here) = (pledges[p].p_met, pledges[p].arrivals.median);
                        let ((p_met_with, median_with), (p_met_without, median_without)) =
                            if applied {
                                ((p_here, median_here), (p_other, median_other))
                            } else {
                                ((p_other, median_other), (p_here, median_here))
                            };
                        ShockOnPledge {
                            label: pl.label(),
                            p_met_with,
                            p_met_without,
                            median_with,
                            median_without,
                        }
                    })
                    .collect(),
            });
            progress(Progress::Shocks {
                done: done as u32 + 1,
                shocks: count,
            });
        }
    }

    Ok(Forecast {
        scenario: scenario.name.clone(),
        title: scenario.title.clone(),
        runs: options.runs,
        seed: options.seed,
        arrivals: series_bands(&all, 0, false),
        arrived: series_bands(&all, 0, true),
        waiting: series_bands(&all, 1, false),
        runs_out: (mask != 0).then(|| runs_out(&all, mask, &week_names)),
        weeks: week_names,
        stages,
        pledges,
        buffer,
        shocks,
    })
}
