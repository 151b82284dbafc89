//! `resettle`: runs a refugee resettlement programme. Each subcommand is a thin shell over
//! a use case of `resettle-app`, so the CLI and the web apply the same rules.
mod commands;
mod output;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// Runs a country's refugee resettlement programme end to end: quotas, cases, placement,
/// reception and reporting.
#[derive(Debug, Parser)]
#[command(name = "resettle", version, propagate_version = true)]
struct Cli {
    /// Database URL: `sqlite://PATH` (created if missing) or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        global = true,
        env = "RESETTLE_DATABASE_URL",
        default_value = "sqlite://resettle.db"
    )]
    database: String,

    /// The data key sealing medical records and second-factor secrets (`id:BASE64[,…]`);
    /// overridden by RESETTLE_DATA_KEY. Keep it apart from the database.
    #[arg(
        long,
        global = true,
        env = "RESETTLE_DATA_KEY_FILE",
        default_value = "resettle.key"
    )]
    data_key_file: String,

    /// The append-only file the audit trail's head is anchored in, outside the database
    /// (default for SQLite: the database file's path with `.anchor` added; PostgreSQL has
    /// no default). Put it where the database's users cannot rewrite it.
    #[arg(long, global = true, env = "RESETTLE_AUDIT_ANCHOR")]
    audit_anchor_file: Option<String>,

    /// Log level or filter (error, warn, info, debug, trace, or e.g. `resettle=debug`).
    #[arg(long, global = true, env = "RESETTLE_LOG", default_value = "info")]
    log_level: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web UI and the JSON API (migrates the database first).
    Serve(commands::serve::Args),
    /// Bring the database schema up to date.
    Migrate,
    /// Load a generated, realistic demo caseload into the database.
    Demo(commands::demo::Args),
    /// Fair-share quota planning: keys, distributions, key updates, multi-year plans.
    #[command(subcommand)]
    FairShare(Box<commands::fair_share::Command>),
    /// The quota split over refugee situations and channels, the decision behind it, and
    /// each year tracked to arrival.
    #[command(subcommand)]
    Quota(commands::quota::Command),
    /// Pledges against arrivals per programme and year.
    #[command(subcommand)]
    Pledge(commands::pledge::Command),
    /// Programmes: add one under a policy profile, list them.
    #[command(subcommand)]
    Programme(commands::programme::Command),
    /// Cases: list, show, timeline, transitions, promises.
    #[command(subcommand)]
    Case(commands::case::Command),
    /// Selection missions: list with outcomes and counts per year, plan, complete.
    #[command(subcommand)]
    Mission(commands::mission::Command),
    /// Community sponsor groups.
    #[command(subcommand)]
    Sponsor(commands::mission::SponsorCommand),
    /// Integration support: a family's plan, contacts and tasks, the work list, the
    /// cohort figures.
    #[command(subcommand)]
    Support(commands::support::Command),
    /// Record a wellbeing check-in from a file of answers.
    Checkin(commands::support::CheckInArgs),
    /// Policy profiles: list, show, check a file.
    #[command(subcommand)]
    Policy(commands::policy::Command),
    /// Retention: anonymise cases past their policy profile's retention period.
    #[command(subcommand)]
    Retention(commands::retention::Command),
    /// Users and API tokens.
    #[command(subcommand)]
    User(commands::user::Command),
    /// Organisations.
    #[command(subcommand)]
    Org(commands::user::OrgCommand),
    /// The audit trail: verify its hash chain, export it.
    #[command(subcommand)]
    Audit(commands::audit::Command),
    /// The data key: make one, rotate it.
    #[command(subcommand)]
    Key(commands::key::Command),
    /// Placement optimisation: solve or explain an instance file, generate an instance.
    #[command(subcommand)]
    Place(commands::place::Command),
    /// Capacity forecast: the chance each pledge is met with the reception places there
    /// are, when places run short, and the buffer places that make the pledges hold.
    Simulate(commands::simulate::Args),
    /// Reports: the report to Parliament on a year.
    #[command(subcommand)]
    Report(commands::report::Command),
    /// Funding: claims under AMIF and the municipal allowance, person by person.
    #[command(subcommand)]
    Funding(commands::funding::Command),
    /// Export: the lists a user may see as CSV or XLSX.
    #[command(subcommand)]
    Export(commands::export::Command),
    /// Import: UNHCR submissions from a CSV or XLSX file.
    #[command(subcommand)]
    Import(commands::import::Command),
    /// Write a consistent copy of a SQLite database while it runs (PostgreSQL: pg_dump).
    Backup {
        /// The copy to write; it must not exist.
        output: std::path::PathBuf,
    },
    /// Put a backup in the place of the SQLite database, after checking its pages, its
    /// schema and its audit trail; the server must be stopped.
    Restore {
        /// The backup to restore.
        from: std::path::PathBuf,
        /// Replace an existing database.
        #[arg(long)]
        replace: bool,
    },
}

fn main() -> std::process::ExitCode {
    quiet_on_closed_stdout();
    let cli = Cli::parse();
    let filter = EnvFilter::try_new(&cli.log_level).unwrap_or_else(|e| {
        eprintln!(
            "--log-level {:?} is not a valid filter ({e}); using info",
            cli.log_level
        );
        EnvFilter::new("info")
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let _ = commands::KEY_FILE.set(cli.data_key_file.clone());
    let _ = commands::ANCHOR_FILE.set(cli.audit_anchor_file.clone());
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(args) => commands::serve::run(&cli.database, args).await,
            Command::Migrate => commands::migrate::run(&cli.database).await,
            Command::Demo(args) => commands::demo::run(&cli.database, args).await,
            Command::FairShare(c) => commands::fair_share::run(*c),
            Command::Quota(c) => commands::quota::run(&cli.database, c).await,
            Command::Pledge(c) => commands::pledge::run(&cli.database, c).await,
            Command::Programme(c) => commands::programme::run(&cli.database, c).await,
            Command::Case(c) => commands::case::run(&cli.database, c).await,
            Command::Mission(c) => commands::mission::run(&cli.database, c).await,
            Command::Sponsor(c) => commands::mission::run_sponsor(&cli.database, c).await,
            Command::Policy(c) => commands::policy::run(&cli.database, c).await,
            Command::Support(c) => commands::support::run(&cli.database, c).await,
            Command::Checkin(a) => commands::support::run_checkin(&cli.database, a).await,
            Command::Retention(c) => commands::retention::run(&cli.database, c).await,
            Command::User(c) => commands::user::run(&cli.database, c).await,
            Command::Org(c) => commands::user::run_org(&cli.database, c).await,
            Command::Place(c) => commands::place::run(&cli.database, c).await,
            Command::Audit(c) => commands::audit::run(&cli.database, c).await,
            Command::Key(c) => commands::key::run(&cli.database, c).await,
            Command::Simulate(args) => commands::simulate::run(&cli.database, args).await,
            Command::Report(c) => commands::report::run(&cli.database, c).await,
            Command::Funding(c) => commands::funding::run(&cli.database, c).await,
            Command::Import(c) => commands::import::run(&cli.database, c).await,
            Command::Backup { output } => commands::backup::back_up(&cli.database, &output).await,
            Command::Restore { from, replace } => {
                commands::backup::restore(&cli.database, &from, replace).await
            }
            Command::Export(c) => commands::export::run(&cli.database, c).await,
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Ends the process quietly when stdout is a pipe its reader closed (`resettle place solve
/// … | head`): Rust ignores SIGPIPE, so `println!` panics on the broken pipe instead, with
/// a message and a backtrace hint where a Unix tool would just stop. Other panics keep the
/// default report.
fn quiet_on_closed_stdout() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info.payload_as_str().unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        report(info);
    }));
}
