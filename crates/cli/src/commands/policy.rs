//! `resettle policy …`: the policy profiles programmes run under.
use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;
use resettle_app::policies;

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
}

/// Runs a policy command.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::List { format } => {
            let all = policies::all();
            let summary: Vec<serde_json::Value> = all
                .iter()
                .map(|p| serde_json::json!({"name": p.name(), "title": p.identity().title, "country": p.identity().country}))
                .collect();
            print(format, &summary, || {
                let mut rows = Rows::new(&["name", "country", "title"]);
                for p in all {
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
            let p = policies::named(&name)?;
            print(format, p, || {
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
                for l in p.time_limits() {
                    rows.push(vec![
                        format!("time limit ({})", l.priority),
                        format!("{} → {} within {} days", l.from, l.to, l.days),
                    ]);
                }
                rows
            })
        }
        Command::Check { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let p =
                policies::check(&file.display().to_string(), &text).map_err(anyhow::Error::msg)?;
            println!("{}: profile {} is valid", file.display(), p.name());
            Ok(())
        }
    }
}
