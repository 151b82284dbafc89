//! `resettle fair-share …`: quota keys, distributions, key updates and multi-year plans.
//! Pure computations: no database is opened.
use resettle_app::Clock as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use resettle_app::fair_share::{self, KeyRequest, PlanRequest};
use resettle_app::reference;
use resettle_domain::quota::{KeyMethod, NeedsBasis, Ramp, Rounding, StateCode, persons_for_share};

use crate::output::{Format, Rows, print};

/// What to compute.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Each state's share under a key.
    Key {
        #[command(flatten)]
        key: KeyArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Update an old key with new population and GDP figures (the NGO method).
    Update {
        /// The old key: CSV `state,share`.
        #[arg(long)]
        key: PathBuf,
        /// Old figures: CSV with `state,population,gdp` (or a shipped set: ec2015, eu27-latest).
        #[arg(long)]
        from: PathBuf,
        /// New figures, the same way.
        #[arg(long)]
        to: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Distribute a whole number of persons over the states of a key (largest remainder).
    Distribute {
        /// Persons to distribute.
        #[arg(long)]
        total: u64,
        #[command(flatten)]
        key: KeyArgs,
        /// Show only this state's figure.
        #[arg(long)]
        state: Option<String>,
        /// With --state: round that state's exact quota down (floor) or to the nearest
        /// instead of taking its largest-remainder figure.
        #[arg(long, requires = "state")]
        rounding: Option<Rounding>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A multi-year plan: global need → regional target → state total → growth path.
    Plan(PlanArgs),
    /// UNHCR's projected global resettlement needs as shipped, with sources.
    Needs {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Which key, on which figures.
#[derive(Debug, clap::Args)]
pub struct KeyArgs {
    /// ec2015, ec2015-capped, dublin2016, population, gdp or custom.
    #[arg(long)]
    method: KeyMethod,
    /// Indicators CSV (`state,population,gdp,effort_per_million,unemployment_rate`), or a
    /// shipped set: ec2015 (default), eu27-latest.
    #[arg(long)]
    indicators: Option<PathBuf>,
    /// With custom: weights, e.g. population=0.4,gdp=0.4,effort=0.1,unemployment=0.1.
    #[arg(long)]
    weights: Option<String>,
    /// With custom: cap on the effort and unemployment effects, e.g. 0.3.
    #[arg(long)]
    cap: Option<f64>,
}

impl KeyArgs {
    fn request(&self) -> anyhow::Result<KeyRequest> {
        Ok(KeyRequest {
            method: self.method,
            weights: self.weights.clone(),
            cap: self.cap,
            indicators: self
                .indicators
                .as_deref()
                .map(read_or_shipped)
                .transpose()?,
        })
    }
}

/// Inputs of a plan; see `docs/quota.md`.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// First-year global need, persons.
    #[arg(
        long,
        required_unless_present = "needs_year",
        conflicts_with = "needs_year"
    )]
    needs: Option<u64>,
    /// Or: UNHCR's projection for this year (see `fair-share needs`).
    #[arg(long)]
    needs_year: Option<i32>,
    /// Growth of the need per further year, persons.
    #[arg(
        long,
        required_unless_present = "growth_from_years",
        conflicts_with = "growth_from_years"
    )]
    growth: Option<f64>,
    /// Or: average yearly growth over this many previous years of UNHCR projections.
    #[arg(long)]
    growth_from_years: Option<u32>,
    /// Plan length in years.
    #[arg(long)]
    years: u32,
    /// The region's part of the global need, a fraction (0.2 for the EU's 20%).
    #[arg(long)]
    regional_share: f64,
    /// The state planned for, e.g. BE.
    #[arg(long)]
    state: String,
    /// The state's share of the regional effort, a fraction (0.0284).
    #[arg(long, required_unless_present = "method", conflicts_with = "method")]
    share: Option<f64>,
    /// Or: compute the share with this key method.
    #[arg(long)]
    method: Option<KeyMethod>,
    /// With --method: indicators CSV or shipped set.
    #[arg(long, requires = "method")]
    indicators: Option<PathBuf>,
    /// With --method custom: weights.
    #[arg(long, requires = "method")]
    weights: Option<String>,
    /// With --method custom: cap.
    #[arg(long, requires = "method")]
    cap: Option<f64>,
    /// Persons in the first years, the last year taking the rest: 2000,3000.
    #[arg(long, value_delimiter = ',', conflicts_with = "ramp")]
    first_years: Option<Vec<u64>>,
    /// Or: even or linear growth.
    #[arg(long)]
    ramp: Option<Ramp>,
    /// floor (default) or nearest.
    #[arg(long)]
    rounding: Option<Rounding>,
    /// Calendar year of the first plan year (default: --needs-year, else next year).
    #[arg(long)]
    start_year: Option<i32>,
    /// last-year (default: the need of the plan's last year) or sum.
    #[arg(long)]
    needs_basis: Option<NeedsBasis>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// The file's text, or the name itself when it names a shipped set and no such file exists.
fn read_or_shipped(path: &Path) -> anyhow::Result<String> {
    let name = path.to_string_lossy();
    if !path.exists() && reference::INDICATOR_SETS.iter().any(|(n, _)| *n == name) {
        return Ok(name.into_owned());
    }
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn pct(x: f64) -> String {
    format!("{:.4}%", x * 100.0)
}

/// Runs a fair-share command.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Key { key, format } => {
            let k = fair_share::key(&key.request()?)?;
            print(format, &k, || {
                let mut rows = Rows::new(&[
                    "state",
                    "share",
                    "population",
                    "gdp",
                    "effort",
                    "unemployment",
                ]);
                for s in &k.states {
                    rows.push(vec![
                        s.state.to_string(),
                        if format == Format::Csv {
                            s.share.to_string()
                        } else {
                            pct(s.share)
                        },
                        pct(s.population_share),
                        pct(s.gdp_share),
                        pct(s.effort_share),
                        pct(s.unemployment_share),
                    ]);
                }
                rows
            })
        }
        Command::Update {
            key,
            from,
            to,
            format,
        } => {
            let u = fair_share::update(
                &read_or_shipped(&key)?,
                &read_or_shipped(&from)?,
                &read_or_shipped(&to)?,
            )?;
            print(format, &u, || {
                let mut rows = Rows::new(&["state", "share"]);
                for s in &u.states {
                    rows.push(vec![s.state.to_string(), s.share.to_string()]);
                }
                rows
            })
        }
        Command::Distribute {
            total,
            key,
            state,
            rounding,
            format,
        } => {
            let mut d = fair_share::distribute(total, &key.request()?)?;
            if let Some(state) = state {
                let code = StateCode::parse(&state)?;
                d.states.retain(|a| a.state == code);
                let a = d
                    .states
                    .first_mut()
                    .with_context(|| format!("state {code} is not in the indicators"))?;
                if let Some(r) = rounding {
                    a.persons = persons_for_share(total, a.quota / total as f64, r)?;
                }
            }
            print(format, &d, || {
                let mut rows = Rows::new(&["state", "quota", "persons"]);
                for a in &d.states {
                    rows.push(vec![
                        a.state.to_string(),
                        format!("{:.3}", a.quota),
                        a.persons.to_string(),
                    ]);
                }
                rows
            })
        }
        Command::Plan(a) => {
            let req = PlanRequest {
                needs: a.needs,
                needs_year: a.needs_year,
                growth: a.growth,
                growth_from_years: a.growth_from_years,
                years: a.years,
                regional_share: a.regional_share,
                state: a.state,
                share: a.share,
                method: a.method,
                weights: a.weights,
                cap: a.cap,
                indicators: a.indicators.as_deref().map(read_or_shipped).transpose()?,
                first_years: a.first_years,
                ramp: a.ramp,
                rounding: a.rounding,
                start_year: a.start_year,
                needs_basis: a.needs_basis,
            };
            let p = fair_share::plan(&req, resettle_app::SystemClock.today())?;
            print(a.format, &p, || {
                let mut rows = Rows::new(&["step", "persons"]);
                rows.push(vec!["global need".into(), p.global_needs.to_string()]);
                rows.push(vec![
                    "regional target".into(),
                    p.regional_target.to_string(),
                ]);
                rows.push(vec![
                    format!("{} total", req.state.to_uppercase()),
                    p.state_total.to_string(),
                ]);
                for y in &p.path {
                    rows.push(vec![y.year.to_string(), y.persons.to_string()]);
                }
                rows
            })?;
            if a.format == Format::Table {
                for line in &p.provenance {
                    eprintln!("source: {line}");
                }
            }
            Ok(())
        }
        Command::Needs { format } => {
            let needs = reference::unhcr_needs()?;
            print(format, &needs, || {
                let mut rows = Rows::new(&["year", "persons", "exact", "source"]);
                for n in &needs {
                    rows.push(vec![
                        n.year.to_string(),
                        n.persons.to_string(),
                        n.exact.to_string(),
                        n.source.clone(),
                    ]);
                }
                rows
            })
        }
    }
}
