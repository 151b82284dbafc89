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
    /// Record a hold: no family travels from --from to --until (both included). Every date
    /// promised inside it is flagged on its case and the families read the hold and its
    /// reason on their status page.
    Hold {
        /// Programme code, e.g. BE.
        code: String,
        /// The first day of the hold (YYYY-MM-DD).
        #[arg(long, value_parser = super::demo::parse_date)]
        from: time::Date,
        /// The last day of the hold, as expected (YYYY-MM-DD).
        #[arg(long, value_parser = super::demo::parse_date)]
        until: time::Date,
        /// Why, as families read it in their language: a code of the programme's slip
        /// list (`resettle policy show PROFILE`), e.g. reception_capacity; not
        /// programme_hold.
        #[arg(long)]
        reason: String,
        /// What staff know beyond the reason (never shown to families).
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A programme's holds, with staff's notes and the families each concerns.
    Holds {
        /// Programme code, e.g. BE.
        code: String,
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
        Command::Hold {
            code,
            from,
            until,
            reason,
            note,
        } => {
            let recorded = app
                .record_hold(
                    &Caller::operator(),
                    &code,
                    &resettle_app::family::NewHold {
                        from,
                        until,
                        reason,
                        note,
                    },
                )
                .await?;
            println!(
                "hold {} of programme {code} recorded from {from} until {until}; {} families' \
                 promised dates fall inside it",
                recorded.record.hold.id, recorded.record.families_affected
            );
        }
        Command::Holds { code, format } => {
            let book = app.hold_book(&Caller::operator()).await?;
            let holds = book
                .into_iter()
                .find(|p| p.programme.eq_ignore_ascii_case(&code))
                .map(|p| p.holds)
                .ok_or_else(|| anyhow::anyhow!("programme {code} does not exist"))?;
            print(format, &holds, || {
                let mut rows = Rows::new(&["hold", "from", "until", "reason", "families", "note"]);
                for h in &holds {
                    rows.push(vec![
                        h.hold.id.to_string(),
                        h.hold.from.to_string(),
                        h.hold.until.to_string(),
                        h.hold.reason.clone(),
                        h.families_affected.to_string(),
                        h.note.clone(),
                    ]);
                }
                rows
            })?;
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
