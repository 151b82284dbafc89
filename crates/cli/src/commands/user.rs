//! `resettle user …` and `resettle org add`: accounts and API tokens.
use resettle_app::Clock as _;
use std::io::Read;

use anyhow::Context;

use clap::Subcommand;
use resettle_app::{App, Caller};

use crate::output::{Format, Rows, print};

/// What to do with users.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a user; the password is read from standard input.
    Add {
        /// Login name.
        #[arg(long)]
        username: String,
        /// Roles, comma-separated: admin, planner, unhcr-liaison, case-officer,
        /// medical-officer, reception-officer, municipality, sponsor, auditor.
        #[arg(long)]
        role: String,
        /// The user's organisation (added first with `resettle org add`).
        #[arg(long)]
        organisation: Option<String>,
        /// Read the password from standard input (required: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// List users.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Disable a user: sign-in stops, sessions end and tokens are revoked at once.
    Disable {
        /// Login name.
        username: String,
    },
    /// Re-enable a disabled user: they sign in afresh (nothing from before revives).
    Enable {
        /// Login name.
        username: String,
    },
    /// Replace a user's roles; the user's sessions end and tokens are revoked.
    Roles {
        /// Login name.
        username: String,
        /// The new roles, comma-separated (as for `user add`).
        #[arg(long)]
        role: String,
    },
    /// Set a new password, read from standard input; the user's sessions end and tokens
    /// are revoked.
    ResetPassword {
        /// Login name.
        username: String,
        /// Read the password from standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Issue an API token; prints the token alone on standard output (it is not stored).
    Token {
        /// Login name.
        #[arg(long)]
        username: String,
        /// Days until it expires (default: until revoked).
        #[arg(long)]
        expires_days: Option<u32>,
        /// Limit the token to some of the user's roles, comma-separated.
        #[arg(long)]
        roles: Option<String>,
    },
    /// Enrol (or replace) a user's second factor; prints the `otpauth://` URI and the
    /// secret to put in an authenticator app.
    Totp {
        /// Login name.
        username: String,
    },
    /// Print the current one-time code of a base32 secret (like `oathtool --totp -b`),
    /// for scripts and for trying the demo without a phone.
    Code {
        /// The base32 secret.
        #[arg(long)]
        secret: String,
    },
    /// Revoke every token of a user.
    Revoke {
        /// Login name.
        username: String,
    },
}

/// Organisation commands.
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organisation.
    Add {
        /// Its name, e.g. Fedasil.
        #[arg(long)]
        name: String,
        /// agency, unhcr, municipality, loi, sponsor or ngo.
        #[arg(long)]
        kind: String,
    },
}

fn password_from_stdin() -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .context("cannot read the password from standard input")?;
    Ok(s.trim_end_matches(['\n', '\r']).to_string())
}

async fn open(database: &str) -> anyhow::Result<App> {
    super::open(database).await
}

/// Runs a user command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    if let Command::Code { secret } = &command {
        let secret = resettle_secure::totp::from_base32(secret)?;
        let now = u64::try_from(resettle_app::SystemClock.now().unix_timestamp())?;
        println!("{}", resettle_secure::totp::code(&secret, now));
        return Ok(());
    }
    let app = open(database).await?;
    match command {
        Command::Add {
            username,
            role,
            organisation,
            ..
        } => {
            let stored = app
                .add_user(
                    &Caller::operator(),
                    &username,
                    &role,
                    organisation.as_deref(),
                    &password_from_stdin()?,
                )
                .await?;
            println!("user {stored} added");
        }
        Command::List { format } => {
            let users = app.users(&Caller::operator()).await?;
            print(format, &users, || {
                let mut rows =
                    Rows::new(&["username", "roles", "organisation", "disabled", "created"]);
                for u in &users {
                    rows.push(vec![
                        u.username.clone(),
                        resettle_app::Role::list(&u.roles),
                        u.organisation.clone().unwrap_or_default(),
                        u.disabled.to_string(),
                        u.created_at
                            .format(&time::format_description::well_known::Rfc3339)
                            .expect("a time read back from RFC 3339 formats as RFC 3339"),
                    ]);
                }
                rows
            })?;
        }
        Command::Disable { username } => {
            app.disable_user(&Caller::operator(), &username).await?;
            println!("user {username} disabled");
        }
        Command::Enable { username } => {
            app.enable_user(&Caller::operator(), &username).await?;
            println!("user {username} re-enabled; they can sign in again");
        }
        Command::Roles { username, role } => {
            app.change_roles(&Caller::operator(), &username, &role)
                .await?;
            println!("roles of {username} set to {role}; sessions ended, tokens revoked");
        }
        Command::ResetPassword { username, .. } => {
            app.reset_password(&Caller::operator(), &username, &password_from_stdin()?)
                .await?;
            println!("password of {username} changed; sessions ended, tokens revoked");
        }
        Command::Token {
            username,
            expires_days,
            roles,
        } => {
            let token = app
                .create_token(
                    &Caller::operator(),
                    &username,
                    roles.as_deref(),
                    expires_days,
                )
                .await?;
            println!("{token}");
        }
        Command::Totp { username } => {
            let (uri, secret) = app.enrol_totp(&Caller::operator(), &username).await?;
            println!("{uri}");
            eprintln!("secret (type it into an authenticator app): {secret}");
        }
        Command::Code { .. } => unreachable!("handled before opening the database"),
        Command::Revoke { username } => {
            let n = app.revoke_tokens(&Caller::operator(), &username).await?;
            println!("{n} token(s) of {username} revoked");
        }
    }
    Ok(())
}

/// Runs an organisation command.
pub async fn run_org(database: &str, command: OrgCommand) -> anyhow::Result<()> {
    let app = open(database).await?;
    match command {
        OrgCommand::Add { name, kind } => {
            app.add_organisation(&Caller::operator(), &name, &kind)
                .await?;
            println!("organisation {name} added");
        }
    }
    Ok(())
}
