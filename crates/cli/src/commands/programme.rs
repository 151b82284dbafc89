//! `resettle programme …`: the programmes in the database.
use clap::Subcommand;
use resettle_app::Caller;

use crate::output::{Format, Rows, print};

/// What to do with programmes.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a programme under a shipped policy profile (see `resettle policy list`).
    Add {
        /// Short code, e.g. NL.
        #[arg(long)]
        code: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// The resettlement state (ISO alpha-2).
        #[arg(long)]
        state: String,
        /// Policy profile name.
        #[arg(long)]
        policy: String,
    },
    /// List programmes.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Runs a programme command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    match command {
        Command::Add {
            code,
            name,
            state,
            policy,
        } => {
            app.add_programme(&Caller::operator(), &code, &name, &state, &policy)
                .await?;
            println!(
                "programme {} added under policy {policy}",
                code.to_uppercase()
            );
        }
        Command::List { format } => {
            let all = app.programmes().await?;
            let json: Vec<serde_json::Value> = all
                .iter()
                .map(|p| serde_json::json!({"code": p.code, "name": p.name, "state": p.state_code, "policy_profile": p.policy_profile}))
                .collect();
            print(format, &json, || {
                let mut rows = Rows::new(&["code", "state", "policy", "name"]);
                for p in &all {
                    rows.push(vec![
                        p.code.clone(),
                        p.state_code.clone(),
                        p.policy_profile.clone(),
                        p.name.clone(),
                    ]);
                }
                rows
            })?;
        }
    }
    Ok(())
}
