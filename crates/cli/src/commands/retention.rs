//! `resettle retention apply`: anonymise cases past their retention period.
use clap::Subcommand;
use resettle_app::Caller;

use crate::output::{Format, Rows, print};

/// Retention commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Anonymise every case that ended longer ago than its policy profile's retention
    /// period. Run with --dry-run first: it lists what would change and changes nothing.
    Apply {
        /// List the cases that would be anonymised; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Runs a retention command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    match command {
        Command::Apply { dry_run, format } => {
            let today = app.today();
            let report = app
                .apply_retention(&Caller::operator(), today, dry_run)
                .await?;
            print(format, &report, || {
                let mut rows = Rows::new(&["case", "programme", "ended", "on", "kept until"]);
                for c in &report.due {
                    rows.push(vec![
                        c.case_number.clone(),
                        c.programme.clone(),
                        c.state.to_string(),
                        c.ended_on.to_string(),
                        c.due_on.to_string(),
                    ]);
                }
                rows
            })?;
            if format == Format::Table {
                if dry_run {
                    eprintln!(
                        "dry run: {} case(s) would be anonymised; nothing changed",
                        report.due.len()
                    );
                } else {
                    eprintln!("{} case(s) anonymised", report.anonymised);
                }
            }
            Ok(())
        }
    }
}
