//! `resettle import cases …`: UNHCR submissions from a spreadsheet.
use clap::Subcommand;
use resettle_app::Caller;
use resettle_app::import::{FileKind, Mapping};

/// What to import.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Registers the cases of a CSV or XLSX file, one row per person, in the layout
    /// `case_number,country_of_asylum,nationality,categories,priority,channel,submitted_on,
    /// member_no,relationship,full_name,date_of_birth,sex,languages,education,occupation,
    /// linked_cases`. All or nothing: a file with any bad row writes nothing and every bad
    /// row is listed (exit status 1). Cases already registered are left as they are.
    Cases {
        /// Programme code.
        #[arg(long)]
        programme: String,
        /// A TOML file mapping another layout's columns to these (e.g.
        /// data/import-mappings/progres.toml).
        #[arg(long, value_name = "MAP.toml")]
        mapping: Option<std::path::PathBuf>,
        /// Check the file and say what would be registered, writing nothing.
        #[arg(long)]
        dry_run: bool,
        /// The file: .csv or .xlsx.
        file: std::path::PathBuf,
    },
}

/// Runs an import command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let Command::Cases {
        programme,
        mapping,
        dry_run,
        file,
    } = command;
    let mapping = match mapping {
        Some(path) => {
            let shown = path.display();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| anyhow::anyhow!("--mapping: {shown:?} cannot be read: {e}"))?;
            Some(Mapping::parse(&text).map_err(|e| anyhow::anyhow!("--mapping {shown}: {e}"))?)
        }
        None => None,
    };
    let name = file.display().to_string();
    let kind = FileKind::of(&name)
        .ok_or_else(|| anyhow::anyhow!("FILE: {name:?} is not a .csv or .xlsx file"))?;
    let bytes =
        std::fs::read(&file).map_err(|e| anyhow::anyhow!("FILE: {name:?} cannot be read: {e}"))?;
    let app = super::open(database).await?;
    match app
        .import_cases(
            &Caller::operator(),
            &programme,
            kind,
            &bytes,
            mapping.as_ref(),
            dry_run,
        )
        .await?
    {
        Ok(o) => {
            let verb = if o.dry_run {
                "would register"
            } else {
                "registered"
            };
            println!(
                "{} cases, {} persons: {verb} {}, already registered {}",
                o.cases, o.persons, o.added, o.unchanged
            );
            Ok(())
        }
        Err(problems) => {
            for p in &problems {
                let column = if p.column.is_empty() { "-" } else { &p.column };
                eprintln!(
                    "row {}, column {column}, value {:?}: {}",
                    p.row, p.value, p.reason
                );
            }
            anyhow::bail!("{name}: {} problems; nothing was imported", problems.len())
        }
    }
}
