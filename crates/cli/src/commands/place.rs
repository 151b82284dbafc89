//! `resettle place …`: solve a placement instance file, explain a plan, or generate a
//! realistic instance. Pure computations: no database is opened.
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use clap::Subcommand;
use resettle_placement::{self as placement, Instance, Solution, SolveOptions};

/// Output format of `place solve` and `place explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The solution JSON (status, objective, bound, gap, seconds, assignment, unassigned).
    Json,
    /// An aligned table of assignments and a summary, for reading.
    Table,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Propose places for the programme's families awaiting one (accepted, not yet
    /// placed) and store the plan as proposals for reception officers to confirm.
    Propose {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// Also write the instance the run solves (the JSON of docs/placement.md) here,
        /// to re-solve, explain or compare it outside the programme.
        #[arg(long)]
        instance_out: Option<PathBuf>,
    },
    /// Solve an instance file (the JSON format of docs/placement.md): every family placed
    /// if possible, the highest total score, with the bound and gap.
    Solve {
        #[command(flatten)]
        solve: SolveArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Solve, then explain each family's place: score, rank, what excluded better places,
    /// and the cost of the two next-best places.
    Explain {
        #[command(flatten)]
        solve: SolveArgs,
        /// Only this case.
        #[arg(long)]
        case: Option<String>,
    },
    /// Write a realistic synthetic instance (JSON) to stdout or a file.
    Generate {
        /// Families.
        #[arg(long)]
        cases: usize,
        /// Places.
        #[arg(long)]
        places: usize,
        /// Capacity dimensions, 1 to 7: persons, unit_small, unit_medium, unit_large,
        /// school, medical, single_parent.
        #[arg(long, default_value_t = 7)]
        dimensions: usize,
        /// Random seed; the same arguments give the same instance.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Add a distribution plan on persons with this band (0.25: each place within 75 %
        /// to 125 % of its fair share); each place's fair_share is what the generator
        /// planted there, so the band can always be met.
        #[arg(long)]
        fair_band: Option<f64>,
        /// Write here instead of stdout.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

/// The instance and how hard to try.
#[derive(Debug, clap::Args)]
pub struct SolveArgs {
    /// The instance file (JSON).
    #[arg(long)]
    instance: PathBuf,
    /// Stop after this many seconds with the best plan so far (default: no limit; the
    /// work is bounded by iterations, so results are reproducible).
    #[arg(long)]
    time_limit: Option<f64>,
    /// Relative gap at which the plan counts as optimal.
    #[arg(long, default_value_t = 1e-4)]
    gap: f64,
}

/// Runs a `place` subcommand.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Propose {
            programme,
            instance_out,
        } => {
            let app = super::open(database).await?;
            if let Some(path) = instance_out {
                let instance = app
                    .placement_instance(&resettle_app::Caller::operator(), &programme)
                    .await?;
                std::fs::write(&path, instance.to_json() + "\n")
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            let run = app
                .propose_placements(&resettle_app::Caller::operator(), &programme)
                .await?;
            println!("{}", serde_json::to_string_pretty(&run)?);
            Ok(())
        }
        Command::Solve { solve, format } => {
            let (instance, solution) = solve_file(&solve)?;
            match format {
                Format::Json => println!("{}", solution.to_json()),
                Format::Table => print_table(&instance, &solution),
            }
            Ok(())
        }
        Command::Explain { solve, case } => {
            let (instance, solution) = solve_file(&solve)?;
            let mut explanations = placement::explain(&instance, &solution);
            if let Some(case) = case {
                explanations.retain(|e| e.case == case);
                if explanations.is_empty() {
                    bail!("--case {case:?}: no such case in the instance");
                }
            }
            println!("{}", serde_json::to_string_pretty(&explanations)?);
            Ok(())
        }
        Command::Generate {
            cases,
            places,
            dimensions,
            seed,
            fair_band,
            output,
        } => {
            if !(1..=7).contains(&dimensions) {
                bail!("--dimensions must be between 1 and 7, got {dimensions}");
            }
            if let Some(band) = fair_band
                && !(band.is_finite() && band >= 0.0)
            {
                bail!("--fair-band must be a number >= 0, got {band}");
            }
            let json =
                placement::generate_with_band(cases, places, dimensions, seed, fair_band).to_json();
            match output {
                Some(path) => std::fs::write(&path, json + "\n")
                    .with_context(|| format!("writing {}", path.display()))?,
                None => println!("{json}"),
            }
            Ok(())
        }
    }
}

fn read_instance(path: &Path) -> anyhow::Result<Instance> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading instance {}", path.display()))?;
    Instance::from_json(&text).with_context(|| format!("instance {}", path.display()))
}

fn solve_file(args: &SolveArgs) -> anyhow::Result<(Instance, Solution)> {
    let instance = read_instance(&args.instance)?;
    let time_limit = match args.time_limit {
        Some(s) if s.is_finite() && s > 0.0 => Some(Duration::from_secs_f64(s)),
        Some(s) => bail!("--time-limit must be a positive number of seconds, got {s}"),
        None => None,
    };
    let options = SolveOptions {
        time_limit,
        gap: args.gap,
        ..SolveOptions::default()
    };
    let solution = placement::solve(&instance, &options).context("--gap")?;
    Ok((instance, solution))
}

fn print_table(instance: &Instance, solution: &Solution) {
    let index = instance.case_index();
    let place_index = instance.place_index();
    let width = solution
        .assignment
        .iter()
        .map(|a| a.case.chars().count())
        .chain(["case".len()])
        .max()
        .unwrap_or(4);
    let place_width = solution
        .assignment
        .iter()
        .map(|a| a.place.chars().count())
        .chain(["place".len()])
        .max()
        .unwrap_or(5);
    println!("{:<width$}  {:<place_width$}  score", "case", "place");
    for a in &solution.assignment {
        let score =
            instance.scores[index[a.case.as_str()]][place_index[a.place.as_str()]].unwrap_or(0.0);
        println!("{:<width$}  {:<place_width$}  {score:.4}", a.case, a.place);
    }
    for case in &solution.unassigned {
        println!("{case:<width$}  {:<place_width$}  -", "(unplaced)");
    }
    println!();
    println!(
        "status     {}",
        serde_json::to_value(solution.status)
            .unwrap()
            .as_str()
            .unwrap_or("?")
    );
    println!("objective  {:.6}", solution.objective);
    println!("bound      {:.6}", solution.bound);
    println!("gap        {:.4} %", solution.gap * 100.0);
    println!("seconds    {:.3}", solution.seconds);
    println!(
        "placed     {} of {} cases",
        solution.assignment.len(),
        instance.cases.len()
    );
    for line in &solution.diagnosis {
        println!("diagnosis  {line}");
    }
}
