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

    /// Requests in flight at once past which the next is answered 503 with Retry-After
    /// at once instead of queueing.
    #[arg(
        long,
        env = "RESETTLE_MAX_IN_FLIGHT",
        default_value_t = resettle_web::DEFAULT_MAX_IN_FLIGHT as u32,
        value_parser = clap::value_parser!(u32).range(1..=100_000)
    )]
    pub max_in_flight: u32,

    /// Also serve `GET /metrics` for Prometheus on this address (e.g. `127.0.0.1:9184`),
    /// apart from the public listener; off by default.
    #[arg(long, env = "RESETTLE_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// Load the demo caseload first if the database is empty.
    #[arg(long)]
    pub demo: bool,

    #[command(flatten)]
    pub demo_options: DemoOptions,

    #[command(flatten)]
    pub notices: NoticeOptions,
}

/// Where notices to families go (README, "Notices to families"). With neither a mail
/// server nor an SMS gateway, notices stay queued and the case page says so.
#[derive(Debug, Clone, clap::Args)]
pub struct NoticeOptions {
    /// The public address of this server, which notices link to (`<URL>/family`);
    /// required with a mail server or an SMS gateway.
    #[arg(long, env = "RESETTLE_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// The mail server notices go through (host name).
    #[arg(long, env = "RESETTLE_SMTP_HOST")]
    pub smtp_host: Option<String>,

    /// Its port (default: 587 for starttls, 465 for tls, 25 for none).
    #[arg(long, env = "RESETTLE_SMTP_PORT")]
    pub smtp_port: Option<u16>,

    /// How the connection is protected: starttls, tls or none (a relay on this host).
    #[arg(long, env = "RESETTLE_SMTP_SECURITY", default_value = "starttls")]
    pub smtp_security: String,

    /// Login name at the mail server, if it wants one.
    #[arg(long, env = "RESETTLE_SMTP_USER")]
    pub smtp_user: Option<String>,

    /// Password for the login (prefer the environment variable to the flag: a flag shows
    /// in the process list).
    #[arg(long, env = "RESETTLE_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,

    /// The sender of notices (`Fedasil <resettlement@fedasil.be>`); required with a mail
    /// server.
    #[arg(long, env = "RESETTLE_SMTP_FROM")]
    pub smtp_from: Option<String>,

    /// A private certificate authority (PEM file) to trust for the mail server, besides
    /// the public ones.
    #[arg(long, env = "RESETTLE_SMTP_CA_FILE")]
    pub smtp_ca_file: Option<std::path::PathBuf>,

    /// The SMS gateway: a URL with `{phone}` and `{text}` where the number and the text go,
    /// fetched with GET (`https://gw.example/send?key=K&to={phone}&text={text}`).
    #[arg(long, env = "RESETTLE_SMS_URL", hide_env_values = true)]
    pub sms_url: Option<String>,
}

impl NoticeOptions {
    /// The delivery settings, `None` when no channel is configured; refused naming the
    /// option that cannot work.
    fn settings(&self) -> anyhow::Result<Option<resettle_app::NoticeSettings>> {
        let mail =
            match &self.smtp_host {
                None => None,
                Some(host) => Some(resettle_app::MailSettings {
                    host: host.clone(),
                    port: self.smtp_port,
                    security: self.smtp_security.parse()?,
                    username: self.smtp_user.clone(),
                    password: self.smtp_password.clone(),
                    from: self
                        .smtp_from
                        .clone()
                        .context("--smtp-from: give the sender of notices with --smtp-host")?,
                    ca_pem: match &self.smtp_ca_file {
                        Some(f) => Some(std::fs::read(f).with_context(|| {
                            format!("--smtp-ca-file: cannot read {}", f.display())
                        })?),
                        None => None,
                    },
                }),
            };
        let sms = self
            .sms_url
            .clone()
            .map(|url_template| resettle_app::SmsSettings { url_template });
        if mail.is_none() && sms.is_none() {
            return Ok(None);
        }
        let public_url = self.public_url.as_deref().context(
            "--public-url: notices link to the family page; give this server's public address",
        )?;
        let courier = resettle_app::Courier::new(mail, sms)?;
        Ok(Some(resettle_app::NoticeSettings::new(
            public_url, courier,
        )?))
    }
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
    let notices = args.notices.settings()?;
    let app = match notices {
        Some(settings) => {
            tracing::info!(courier = ?settings.courier, url = %settings.family_page(), "notices to families on");
            app.with_notices(settings)
        }
        None => {
            tracing::warn!(
                "no mail server (--smtp-host) nor SMS gateway (--sms-url): notices to \
                 families stay queued"
            );
            app
        }
    };
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
    // The duration table behind the families' estimates starts building while the server
    // starts answering.
    app.step_durations();
    // The outbox's state is in the database: stopping mid-delivery loses nothing, and a
    // claim left behind is taken up again once it runs out.
    let worker = tokio::spawn(app.clone().run_notice_worker());
    let served = resettle_web::serve(
        app.clone(),
        args.addr,
        args.max_in_flight as usize,
        args.metrics_addr,
    )
    .await;
    worker.abort();
    served.with_context(|| format!("cannot serve on {}", args.addr))?;
    // Every request under way has been answered (and its entries committed). The entries
    // of the run's last minutes are anchored too, then the pool is closed.
    app.anchor_audit_head()
        .await
        .context("cannot anchor the audit trail's head at shutdown")?;
    app.close().await;
    tracing::info!("stopped");
    Ok(())
}
