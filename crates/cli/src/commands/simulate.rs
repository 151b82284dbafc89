//! `resettle simulate`: a capacity forecast of a scenario file or of a live programme, on
//! every core, with a progress line on a terminal.
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::ArgGroup;
use resettle_app::forecast::{ForecastAnswer, ScenarioSummary, refused};
use resettle_forecast::{Forecast, Options, Progress, Scenario};

use crate::output::{self, Rows};

/// How to print the forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The pledges, when places run short, the buffer and the shocks, for reading.
    Table,
    /// Everything: the weekly bands of arrivals, occupancy and waiting families too.
    Json,
}

/// What to forecast.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("input").required(true).args(["scenario", "programme"])))]
pub struct Args {
    /// A scenario file (TOML, as in data/scenarios/).
    #[arg(long)]
    scenario: Option<PathBuf>,
    /// A programme's code: forecast from its cases, places, pledges and history today.
    #[arg(long)]
    programme: Option<String>,
    /// Runs to simulate: 1,000 give each probability within about ±3 percentage points,
    /// 10,000 within ±1.
    #[arg(long, default_value_t = 1_000)]
    runs: u32,
    /// Seed: the same scenario, runs and seed give the same forecast.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The probability every pledge should reach, for the buffer search.
    #[arg(long, default_value_t = 0.9)]
    target_probability: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// Runs `resettle simulate`.
pub async fn run(database: &str, args: Args) -> anyhow::Result<()> {
    let scenario = match (&args.scenario, &args.programme) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Scenario::parse(&text)
                .map_err(|e| anyhow::anyhow!(e.in_file(&path.display().to_string())))?
        }
        (None, Some(code)) => {
            let app = super::open(database).await?;
            app.programme_scenario(&resettle_app::Caller::operator(), code)
                .await?
        }
        (None, None) => unreachable!("clap requires one of them"),
    };
    let options = Options {
        runs: args.runs,
        seed: args.seed,
        target_probability: args.target_probability,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        buffer: true,
        shock_effects: true,
    };
    let line = ProgressLine::new();
    let summary = ScenarioSummary::of(&scenario);
    let forecast = tokio::task::spawn_blocking(move || {
        resettle_forecast::forecast(&scenario, &options, &|p| line.show(p))
            .inspect(|_| line.clear())
    })
    .await?
    .map_err(refused)?;
    let answer = ForecastAnswer {
        scenario: summary,
        forecast,
    };
    match args.format {
        Format::Json => output::print(output::Format::Json, &answer, || Rows::new(&[])),
        Format::Table => {
            print_table(&answer.forecast);
            Ok(())
        }
    }
}

/// A line on standard error that says how far the forecast has got, rewritten in place at
/// most ten times a second; nothing when standard error is not a terminal.
struct ProgressLine {
    shown: Option<Mutex<Instant>>,
}

impl ProgressLine {
    fn new() -> ProgressLine {
        ProgressLine {
            shown: std::io::stderr()
                .is_terminal()
                .then(|| Mutex::new(Instant::now() - Duration::from_secs(1))),
        }
    }

    fn show(&self, p: Progress) {
        let Some(shown) = &self.shown else { return };
        let Ok(mut last) = shown.lock() else { return };
        if last.elapsed() < Duration::from_millis(100) {
            return;
        }
        *last = Instant::now();
        let text = match p {
            Progress::Runs { done, runs } => format!("forecast: {done} of {runs} runs"),
            Progress::Buffer { tried } => format!("buffer search: {tried} buffers tried"),
            Progress::Shocks { done, shocks } => format!("shocks: {done} of {shocks} priced"),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{text}");
        let _ = err.flush();
    }

    fn clear(&self) {
        if self.shown.is_some() {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

fn percent(p: f64) -> String {
    format!("{:.1} %", p * 100.0)
}

fn print_table(f: &Forecast) {
    println!("{} ({} runs, seed {})\n", f.title, f.runs, f.seed);
    let mut pledges = Rows::new(&[
        "pledge",
        "persons",
        "P(met)",
        "median arrivals",
        "80 % band",
        "95 % band",
    ]);
    for p in &f.pledges {
        pledges.push(vec![
            p.label.clone(),
            p.persons.to_string(),
            percent(p.p_met),
            p.arrivals.median.to_string(),
            format!("{}–{}", p.arrivals.lo80, p.arrivals.hi80),
            format!("{}–{}", p.arrivals.lo95, p.arrivals.hi95),
        ]);
    }
    let _ = output::print(output::Format::Table, &(), || pledges);

    println!();
    let mut short = Rows::new(&["places run short", "median week", "80 % band", "never"]);
    let mut add = |name: String, out: &resettle_forecast::RunsOut| {
        let or_never = |w: &Option<String>| w.clone().unwrap_or_else(|| "never".into());
        short.push(vec![
            name,
            or_never(&out.median),
            format!("{} – {}", or_never(&out.early), or_never(&out.late)),
            percent(out.never),
        ]);
    };
    if let Some(out) = &f.runs_out {
        add("any stage".into(), out);
    }
    for s in &f.stages {
        if let Some(out) = &s.runs_out {
            add(s.name.clone(), out);
        }
    }
    let _ = output::print(output::Format::Table, &(), || short);

    if let Some(b) = &f.buffer {
        println!();
        let split: Vec<String> = b
            .per_stage
            .iter()
            .map(|s| format!("{} {}", s.stage, s.places))
            .collect();
        if b.reached {
            println!(
                "Buffer for {} on every pledge: {} places ({}), giving {}.",
                percent(b.target),
                b.places,
                split.join(", "),
                percent(b.probability)
            );
        } else {
            println!(
                "No buffer of up to {} places per stage brings every pledge to {}: at most {} \
                 (the submissions or a halt, not the places, limit the arrivals).",
                b.limit,
                percent(b.target),
                percent(b.probability)
            );
        }
        if !b.monotone {
            println!(
                "Note: in the search a larger buffer sometimes gave a lower probability (families \
                 arriving a year earlier); the answer is {}.",
                if b.consistent {
                    "still the least: every smaller buffer tried missed the target"
                } else {
                    "not proven the least"
                }
            );
        }
    }

    if !f.shocks.is_empty() {
        println!();
        let mut shocks = Rows::new(&[
            "shock",
            "",
            "pledge",
            "P(met) with",
            "without",
            "median with",
            "without",
        ]);
        for s in &f.shocks {
            for p in &s.pledges {
                shocks.push(vec![
                    s.description.clone(),
                    if s.applied {
                        "happens".into()
                    } else {
                        "what-if".into()
                    },
                    p.label.clone(),
                    percent(p.p_met_with),
                    percent(p.p_met_without),
                    p.median_with.to_string(),
                    p.median_without.to_string(),
                ]);
            }
        }
        let _ = output::print(output::Format::Table, &(), || shocks);
    }
}
