//! `resettle demo`.
use resettle_app::Clock as _;
use resettle_app::DemoConfig;
use time::Date;

/// Options of the demo caseload.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Number of cases (families) to generate; 100000 works for load tests.
    #[arg(long, default_value_t = DemoConfig::default().cases)]
    pub cases: usize,

    /// Seed of the generator: the same seed and date give the same caseload.
    #[arg(long, default_value_t = DemoConfig::default().seed)]
    pub seed: u64,

    /// The day the demo programme stands at (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Delete everything in the database first (otherwise a non-empty database is refused).
    #[arg(long)]
    pub replace: bool,
}

impl Args {
    /// The generator configuration these options describe.
    pub fn config(&self) -> DemoConfig {
        DemoConfig {
            seed: self.seed,
            cases: self.cases,
            as_of: self
                .as_of
                .unwrap_or_else(|| resettle_app::SystemClock.today()),
        }
    }
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|e| format!("{s:?} is not a date YYYY-MM-DD: {e}"))
}

/// Loads the demo caseload.
pub async fn run(database: &str, args: Args) -> anyhow::Result<()> {
    let app = super::open_creating_key(database).await?;
    let s = app.load_demo(&args.config(), args.replace).await?;
    println!(
        "loaded {} cases ({} persons, {} events) into {}",
        s.cases,
        s.persons,
        s.events,
        resettle_app::redacted_url(database)
    );
    Ok(())
}
