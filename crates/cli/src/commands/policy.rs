//! `resettle policy …`: the policy profiles programmes run under.
use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;
use resettle_app::{Caller, policies};
use resettle_domain::policy::ReasonList;

use crate::output::{Format, Rows, print};

/// What to do with policy profiles.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The shipped profiles.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// One shipped profile in full (JSON) or its main rules (table).
    Show {
        /// Profile name, e.g. belgium.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Validate a profile file; exits non-zero naming the file, line and reason.
    Check {
        /// The TOML file.
        file: PathBuf,
    },
    /// Check a custom profile and store it in the database, so a programme can run under
    /// it (`resettle programme add … --policy NAME`).
    Add {
        /// The TOML file (start from a copy of policies/belgium.toml; see policies/README.md).
        file: PathBuf,
    },
}

fn read(file: &PathBuf) -> anyhow::Result<String> {
    std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))
}

/// Runs a policy command; checking a file needs no database.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Check { file } => check(&file),
        other => with_database(database, other).await,
    }
}

fn check(file: &PathBuf) -> anyhow::Result<()> {
    let p =
        policies::check(&file.display().to_string(), &read(file)?).map_err(anyhow::Error::msg)?;
    println!("{}: profile {} is valid", file.display(), p.name());
    Ok(())
}

async fn with_database(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    match command {
        Command::Check { file } => check(&file),
        Command::Add { file } => {
            let p = app
                .add_policy(
                    &Caller::operator(),
                    &file.display().to_string(),
                    &read(&file)?,
                )
                .await?;
            println!(
                "profile {} added; use it with `resettle programme add … --policy {}`",
                p.name(),
                p.name()
            );
            Ok(())
        }
        Command::List { format } => {
            let all = app.policies().await?;
            let summary: Vec<serde_json::Value> = all
                .iter()
                .map(|p| serde_json::json!({"name": p.name(), "title": p.identity().title, "country": p.identity().country}))
                .collect();
            print(format, &summary, || {
                let mut rows = Rows::new(&["name", "country", "title"]);
                for p in &all {
                    rows.push(vec![
                        p.name().into(),
                        p.identity().country.to_string(),
                        p.identity().title.clone(),
                    ]);
                }
                rows
            })
        }
        Command::Show { name, format } => {
            let p = app.policy(&name).await?;
            print(format, &*p, || {
                let mut rows = Rows::new(&["rule", "value"]);
                rows.push(vec!["title".into(), p.identity().title.clone()]);
                let off: Vec<&str> = p.steps().off().iter().map(|s| s.as_str()).collect();
                let off = if off.is_empty() {
                    "none".to_string()
                } else {
                    off.join(", ")
                };
                rows.push(vec!["steps switched off".into(), off]);
                rows.push(vec![
                    "reception model".into(),
                    p.reception_model().as_str().to_string(),
                ]);
                rows.push(vec![
                    "integration support".into(),
                    format!("{} months", p.support_months()),
                ]);
                rows.push(vec![
                    "integration-perspective check".into(),
                    p.has_integration_check().to_string(),
                ]);
                rows.push(vec![
                    "refusal grounds".into(),
                    p.refusal_grounds().join(", "),
                ]);
                for c in p.pre_departure_checks() {
                    let need = if c.required { "required" } else { "optional" };
                    rows.push(vec![
                        format!("pre-departure ({need})"),
                        format!("{}: {}", c.name, c.by),
                    ]);
                }
                // The codes `case transition --reason-code` and `case promise --reason-code`
                // take, list by list.
                for &list in ReasonList::ALL {
                    let codes: Vec<&str> = p
                        .reasons()
                        .of(list)
                        .iter()
                        .map(|r| r.code.as_str())
                        .collect();
                    rows.push(vec![format!("{list} reasons"), codes.join(", ")]);
                }
                for l in p.time_limits() {
                    rows.push(vec![
                        format!("time limit ({})", l.priority),
                        format!("{} → {} within {} days", l.from, l.to, l.days),
                    ]);
                }
                rows
            })
        }
    }
}
