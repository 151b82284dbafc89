//! `resettle quota …`: a programme's plan split over situations and channels, the
//! decision behind it, and a year tracked to arrival.
use std::io::Write;

use anyhow::Context;
use clap::Subcommand;
use resettle_app::Caller;
use resettle_app::quota::{QuotaDecisionInput, QuotaDecisionYear};

use crate::output::{Format, Rows, print};

/// What to do with the quota.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split each year's target over situations (by UNHCR's projected needs, with the
    /// profile's floors and caps) and channels, and show the missions that implies.
    Allocate {
        /// Programme code, e.g. BE.
        #[arg(long)]
        programme: String,
        /// First year.
        #[arg(long)]
        from: i32,
        /// Last year.
        #[arg(long)]
        to: i32,
        /// Emergency places each year (default: the quota decision's, else none).
        #[arg(long)]
        emergency: Option<u32>,
        /// Output format; `json` prints one JSON object per line.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A year's targets per situation and channel against submitted, accepted, departed
    /// and arrived persons, with the slips behind the gap.
    Track {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// The year.
        #[arg(long)]
        year: i32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Record a quota decision: who proposed it, whom they consulted, why, when published.
    Decide {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// Who proposed it.
        #[arg(long)]
        proposed_by: String,
        /// Whom they consulted.
        #[arg(long)]
        consulted: String,
        /// Why this quota.
        #[arg(long)]
        motivation: String,
        /// The day it was published (YYYY-MM-DD).
        #[arg(long, value_parser = super::demo::parse_date)]
        published_on: time::Date,
        /// Persons per year, e.g. `2022=2000,2023=3000,2024=3821`.
        #[arg(long)]
        years: String,
        /// Emergency places decided for each of those years.
        #[arg(long, default_value_t = 0)]
        emergency: u32,
    },
}

/// Runs a quota command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    let operator = Caller::operator();
    match command {
        Command::Allocate {
            programme,
            from,
            to,
            emergency,
            format,
        } => {
            let plan = app
                .quota_allocate(&operator, &programme, from, to, emergency)
                .await?;
            if format == Format::Json {
                let mut out = std::io::stdout().lock();
                for line in plan.years.iter().flat_map(|y| &y.lines) {
                    serde_json::to_writer(&mut out, line)?;
                    writeln!(out)?;
                }
                return Ok(());
            }
            print(format, &plan, || {
                let mut rows = Rows::new(&["year", "situation", "channel", "persons"]);
                for l in plan.years.iter().flat_map(|y| &y.lines) {
                    rows.push(vec![
                        l.year.to_string(),
                        l.situation.clone(),
                        l.channel.clone(),
                        l.persons.to_string(),
                    ]);
                }
                rows
            })?;
            if format == Format::Table {
                for y in &plan.years {
                    println!(
                        "\n{}: {} places = target {} ({}){}; needs of {}",
                        y.year,
                        y.places,
                        y.target,
                        y.target_from,
                        if y.emergency_on_top {
                            format!(" + {} emergency places on top", y.emergency)
                        } else {
                            format!(", {} emergency places within it", y.emergency)
                        },
                        y.needs_year
                    );
                    let mut rows = Rows::new(&[
                        "situation",
                        "country of asylum",
                        "mission persons",
                        "missions",
                        "planned",
                        "to plan",
                    ]);
                    for m in &y.missions {
                        rows.push(vec![
                            m.situation.clone(),
                            m.country_of_asylum
                                .clone()
                                .unwrap_or_else(|| "(none known)".into()),
                            m.persons.to_string(),
                            m.missions.to_string(),
                            m.planned.to_string(),
                            m.to_plan.to_string(),
                        ]);
                    }
                    print(Format::Table, &(), || rows)?;
                }
            }
            Ok(())
        }
        Command::Track {
            programme,
            year,
            format,
        } => {
            let track = app.quota_track(&operator, &programme, year).await?;
            print(format, &track, || {
                let mut rows = Rows::new(&[
                    "situation",
                    "channel",
                    "target",
                    "submitted",
                    "accepted",
                    "departed",
                    "arrived",
                    "gap",
                ]);
                for l in &track.lines {
                    rows.push(vec![
                        l.situation.clone(),
                        l.channel.clone(),
                        l.target.to_string(),
                        l.submitted.to_string(),
                        l.accepted.to_string(),
                        l.departed.to_string(),
                        l.arrived.to_string(),
                        l.gap.to_string(),
                    ]);
                }
                rows
            })?;
            if format == Format::Table && !track.delays.is_empty() {
                println!("\nslips in {year} by reason:");
                let mut rows = Rows::new(&["situation", "channel", "reason", "cases", "persons"]);
                for d in &track.delays {
                    rows.push(vec![
                        d.situation.clone(),
                        d.channel.clone(),
                        d.reason.clone(),
                        d.cases.to_string(),
                        d.persons.to_string(),
                    ]);
                }
                print(Format::Table, &(), || rows)?;
            }
            Ok(())
        }
        Command::Decide {
            programme,
            proposed_by,
            consulted,
            motivation,
            published_on,
            years,
            emergency,
        } => {
            let years = years
                .split(',')
                .map(|part| {
                    let (y, n) = part
                        .split_once('=')
                        .with_context(|| format!("--years: {part:?} is not YEAR=PERSONS"))?;
                    Ok(QuotaDecisionYear {
                        year: y
                            .trim()
                            .parse()
                            .with_context(|| format!("--years: {y:?} is not a year"))?,
                        persons: n.trim().parse().with_context(|| {
                            format!("--years: {n:?} is not a number of persons")
                        })?,
                        emergency,
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let id = app
                .record_quota_decision(
                    &operator,
                    &programme,
                    &QuotaDecisionInput {
                        proposed_by,
                        consulted,
                        motivation,
                        published_on,
                        years,
                    },
                )
                .await?;
            println!("quota decision {id} recorded for {programme}");
            Ok(())
        }
    }
}
