//! `resettle key`: the data key that seals medical records and second-factor secrets.
use anyhow::Context;
use clap::Subcommand;
use resettle_app::{Caller, Keyring};

/// Key commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a new key entry (`id:BASE64`) for RESETTLE_DATA_KEY or the key file.
    New {
        /// Its id.
        #[arg(long, default_value = "k1")]
        id: String,
    },
    /// Put a new key first in the key file, re-seal every value under it, then drop the
    /// old keys from the file, keeping only their audit chain keys (`audit-<id>`).
    Rotate,
}

/// Writes a key file readable by its owner only.
pub fn write_key_file(file: &str, text: &str) -> anyhow::Result<()> {
    std::fs::write(file, format!("{text}\n")).with_context(|| format!("cannot write {file}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot restrict {file}"))?;
    }
    Ok(())
}

/// Runs a key command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    match command {
        Command::New { id } => {
            println!("{}", Keyring::generate_key(&id)?);
            Ok(())
        }
        Command::Rotate => {
            if std::env::var("RESETTLE_DATA_KEY").is_ok() {
                anyhow::bail!(
                    "the key comes from RESETTLE_DATA_KEY: put a new entry first there \
                     (`resettle key new --id k2`), run `resettle key rotate` with the key \
                     file unset, then remove the old entry"
                );
            }
            let file = super::KEY_FILE.get().map_or("resettle.key", String::as_str);
            let old = std::fs::read_to_string(file)
                .with_context(|| format!("no key file {file} to rotate"))?;
            let old = old.trim();
            let ring = Keyring::parse(old).with_context(|| format!("key file {file}"))?;
            let next_id = format!(
                "k{}",
                ring.current_id()
                    .trim_start_matches('k')
                    .parse::<u64>()
                    .unwrap_or(0)
                    + 1
            );
            let new = Keyring::generate_key(&next_id)?;
            write_key_file(file, &format!("{new},{old}"))?;
            let app = super::open(database).await?;
            let n = app.reseal(&Caller::operator()).await?;
            // The old data keys go; their audit chain keys stay, or the entries they signed
            // could no longer be verified.
            let retired = ring.retired_chain_entries()?;
            write_key_file(
                file,
                &[new]
                    .into_iter()
                    .chain(retired)
                    .collect::<Vec<_>>()
                    .join(","),
            )?;
            println!(
                "re-sealed {n} values under key {next_id}; older keys removed from {file} \
                 (their audit chain keys kept as audit-…)"
            );
            Ok(())
        }
    }
}
