//! `resettle pledge …`: pledges against arrivals per programme and year.
use clap::Subcommand;
use resettle_app::Caller;
use resettle_domain::programme::Pledge;

use crate::output::{Format, Rows, print};

/// What to do with pledges.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Pledged and arrived persons per year, with the gap.
    List {
        /// Programme code, e.g. BE.
        #[arg(long)]
        programme: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Record the published pledges and arrivals of BE or NL (shipped, each with its source).
    LoadPublished {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// BE or NL.
        #[arg(long)]
        state: String,
    },
    /// Record or correct a year's pledge.
    Set {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// Calendar year.
        #[arg(long)]
        year: i32,
        /// Persons pledged.
        #[arg(long)]
        pledged: u32,
        /// Published arrivals, for years before the programme ran in resettle.
        #[arg(long)]
        arrived: Option<u32>,
        /// Where the pledge is published.
        #[arg(long)]
        source: String,
    },
}

/// Runs a pledge command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    match command {
        Command::List { programme, format } => {
            if format == Format::Csv {
                print!("{}", app.pledges_csv(&programme).await?);
                return Ok(());
            }
            if !app.programme_exists(&programme).await? {
                anyhow::bail!("programme {programme} does not exist");
            }
            let years = app.pledges(&programme).await?;
            print(format, &years, || {
                let mut rows = Rows::new(&["year", "pledged", "arrived", "gap", "source"]);
                for y in &years {
                    rows.push(vec![
                        // A year not over: its arrivals so far, its gap not final.
                        if y.partial {
                            format!("{} (so far)", y.year)
                        } else {
                            y.year.to_string()
                        },
                        y.pledged.to_string(),
                        y.arrived.to_string(),
                        y.gap.to_string(),
                        y.source.chars().take(60).collect(),
                    ]);
                }
                rows
            })
        }
        Command::LoadPublished { programme, state } => {
            let (loaded, skipped) = app
                .load_published_pledges(&Caller::operator(), &programme, &state)
                .await?;
            println!("{loaded} published pledge(s) of {state} recorded for {programme}");
            for y in skipped {
                let arrived = y
                    .arrived
                    .map_or("arrivals unknown".to_string(), |a| format!("{a} arrived"));
                println!(
                    "skipped {}: no pledge published for that year alone ({arrived})",
                    y.year
                );
            }
            Ok(())
        }
        Command::Set {
            programme,
            year,
            pledged,
            arrived,
            source,
        } => {
            app.set_pledge(
                &Caller::operator(),
                &programme,
                &Pledge {
                    year,
                    pledged,
                    arrived_before_resettle: arrived,
                    source,
                },
            )
            .await?;
            println!("pledge for {programme} {year} recorded: {pledged} persons");
            Ok(())
        }
    }
}
