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

    /// Reverse proxies in front of the server (their addresses, comma-separated), whose
    /// `Forwarded` or `X-Forwarded-For` header names the client in the audit trail and
    /// whose `X-Forwarded-Proto` names its scheme; from any other peer these headers are
    /// ignored.
    #[arg(
        long = "trusted-proxy",
        env = "RESETTLE_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,

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
    let defaults = resettle_app::Security::default();
    let app = app.with_security(resettle_app::Security {
        second_factor_roles: match args.second_factor_roles.as_deref() {
            None => defaults.second_factor_roles.clone(),
            Some("none") => Vec::new(),
            Some(roles) => resettle_app::Role::parse_list(roles)
                .map_err(|e| anyhow::anyhow!("--second-factor-roles: {e}"))?,
        },
        trusted_proxies: args.trusted_proxies.clone(),
        ..defaults
    });
    let shown = resettle_app::redacted_url(database);
    if args.demo {
        let config = resettle_app::DemoConfig {
            seed: args.demo_options.seed,
            cases: args.demo_options.cases,
            as_of: app.today(),
        };
        match app.ensure_demo(&config).await? {
            Some(s) => tracing::info!(cases = s.cases, "demo caseload loaded into {shown}"),
            None => tracing::info!("{shown} already holds a programme; demo not reloaded"),
        }
    }
    if super::anchor_file(database).is_none() {
        tracing::warn!(
            "no audit anchor file (--audit-anchor-file): cutting the newest audit entries \
             would go unnoticed"
        );
    }
    resettle_web::serve(app.clone(), args.addr)
        .await
        .with_context(|| format!("cannot serve on {}", args.addr))?;
    // Every request under way has been answered (and its entries committed). The entries
    // of the run's last minutes are anchored too, then the pool is closed.
    app.anchor_audit_head()
        .await
        .context("cannot anchor the audit trail's head at shutdown")?;
    app.close().await;
    tracing::info!("stopped");
    Ok(())
}
