//! `resettle serve`.
use std::net::SocketAddr;

use anyhow::Context;

/// Options of the server.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, env = "RESETTLE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Roles whose holders must give a one-time password at sign-in, comma-separated
    /// (default: every role that sees personal data, runs users or reads the audit trail;
    /// `none` for no second factor at all).
    #[arg(long, env = "RESETTLE_SECOND_FACTOR_ROLES")]
    pub second_factor_roles: Option<String>,

    /// Load the demo caseload first if the database is empty.
    #[arg(long)]
    pub demo: bool,

    #[command(flatten)]
    pub demo_options: DemoOptions,
}

/// Demo options that make sense when serving (no --replace: serving never deletes data).
#[derive(Debug, Clone, clap::Args)]
pub struct DemoOptions {
    /// With --demo: number of cases to generate.
    #[arg(long = "demo-cases", default_value_t = resettle_app::DemoConfig::default().cases)]
    pub cases: usize,

    /// With --demo: seed of the generator.
    #[arg(long = "demo-seed", default_value_t = resettle_app::DemoConfig::default().seed)]
    pub seed: u64,
}

/// Migrates, optionally loads the demo, and serves until stopped.
pub async fn run(database: &str, args: Args) -> anyhow::Result<()> {
    let app = if args.demo {
        super::open_creating_key(database).await?
    } else {
        super::open(database).await?
    };
    let app = match args.second_factor_roles.as_deref() {
        None => app,
        Some("none") => app.with_security(resettle_app::Security {
            second_factor_roles: Vec::new(),
            ..resettle_app::Security::default()
        }),
        Some(roles) => app.with_security(resettle_app::Security {
            second_factor_roles: resettle_app::Role::parse_list(roles)
                .map_err(|e| anyhow::anyhow!("--second-factor-roles: {e}"))?,
            ..resettle_app::Security::default()
        }),
    };
    if args.demo {
        let config = resettle_app::DemoConfig {
            seed: args.demo_options.seed,
            cases: args.demo_options.cases,
            as_of: app.today(),
        };
        match app.ensure_demo(&config).await? {
            Some(s) => tracing::info!(cases = s.cases, "demo caseload loaded into {database}"),
            None => tracing::info!("{database} already holds a programme; demo not reloaded"),
        }
    }
    resettle_web::serve(app, args.addr)
        .await
        .with_context(|| format!("cannot serve on {}", args.addr))
}
