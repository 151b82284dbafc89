//! `resettle audit`: check the hash chain, export the trail.
use clap::Subcommand;
use resettle_app::{AuditQuery, Caller, ChainCheck};

/// Audit commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the whole keyed hash chain against the anchor file; exits non-zero naming the
    /// first broken entry, or the anchored entries cut from its end.
    Verify,
    /// Print entries as CSV, newest first.
    Export {
        /// Only this actor.
        #[arg(long)]
        actor: Option<String>,
        /// Only this entity id (e.g. a case number).
        #[arg(long)]
        entity_id: Option<String>,
        /// At most this many.
        #[arg(long, default_value_t = 10_000)]
        limit: i64,
    },
}

/// Runs an audit command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    let operator = Caller::operator();
    match command {
        Command::Verify => match app.verify_audit(&operator).await? {
            check @ ChainCheck::Intact { .. } => {
                println!("audit trail {check}");
                Ok(())
            }
            check @ ChainCheck::Broken { .. } => anyhow::bail!("audit trail {check}"),
        },
        Command::Export {
            actor,
            entity_id,
            limit,
        } => {
            let q = AuditQuery {
                actor,
                entity_id,
                limit: Some(limit),
                ..AuditQuery::default()
            };
            print!("{}", app.audit_csv(&operator, &q).await?);
            Ok(())
        }
    }
}
