//! `resettle export cases|missions|events|audit --format csv|xlsx`: a list as a
//! spreadsheet, as the pages and the API export it (every cell neutralised, audited).
use clap::{Args, Subcommand};
use resettle_app::Caller;
use resettle_app::exports::{ExportRequest, ListName, SheetFormat};
use resettle_app::open_data::OpenDataRequest;

/// Where and how to write an export.
#[derive(Debug, Args)]
pub struct Sheet {
    /// csv or xlsx.
    #[arg(long, default_value = "csv")]
    format: String,
    /// Write to this file instead of standard output.
    #[arg(long)]
    output: Option<std::path::PathBuf>,
}

/// Exports.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every case, with the fields the operator sees.
    Cases(Sheet),
    /// Selection missions.
    Missions(Sheet),
    /// One case's history.
    Events {
        /// The case number.
        #[arg(long)]
        case: String,
        #[command(flatten)]
        sheet: Sheet,
    },
    /// The audit trail, newest first.
    Audit {
        /// At most this many entries.
        #[arg(long, default_value_t = 10_000)]
        limit: i64,
        #[command(flatten)]
        sheet: Sheet,
    },
    /// A year's aggregates for publication: persons who arrived by nationality, sex and
    /// age band, and decisions by outcome, small cells withheld as in the report to
    /// Parliament. Writes open-data-YEAR.csv and its data dictionary open-data-YEAR.md.
    OpenData {
        /// Calendar year.
        #[arg(long)]
        year: i32,
        /// Programme code, when the database holds several.
        #[arg(long)]
        programme: Option<String>,
        /// Round every published count to the nearest 5.
        #[arg(long)]
        round_to_five: bool,
        /// The folder to write both files in (made if missing).
        #[arg(long, value_name = "DIR", default_value = ".")]
        output: std::path::PathBuf,
    },
}

/// Runs an export.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let (list, sheet, case_number, limit) = match command {
        Command::Cases(s) => (ListName::Cases, s, None, None),
        Command::Missions(s) => (ListName::Missions, s, None, None),
        Command::Events { case, sheet } => (ListName::Events, sheet, Some(case), None),
        Command::Audit { limit, sheet } => (ListName::Audit, sheet, None, Some(limit)),
        Command::OpenData {
            year,
            programme,
            round_to_five,
            output,
        } => {
            let request = OpenDataRequest {
                programme,
                year,
                round_to_five,
            };
            return open_data(database, &request, &output).await;
        }
    };
    let format = SheetFormat::parse(&sheet.format)
        .ok_or_else(|| anyhow::anyhow!("--format: {:?} is not csv or xlsx", sheet.format))?;
    let app = super::open(database).await?;
    let file = app
        .export_list(
            &Caller::operator(),
            &ExportRequest {
                list,
                format,
                cases: Default::default(),
                case_number,
                audit: resettle_app::AuditQuery {
                    limit,
                    ..Default::default()
                },
            },
        )
        .await?;
    match sheet.output {
        Some(path) => std::fs::write(path, file.bytes)?,
        None => std::io::Write::write_all(&mut std::io::stdout(), &file.bytes)?,
    }
    Ok(())
}

/// Writes a year's open data and its dictionary into `dir`, naming both files.
async fn open_data(
    database: &str,
    request: &OpenDataRequest,
    dir: &std::path::Path,
) -> anyhow::Result<()> {
    let app = super::open(database).await?;
    let data = app.open_data(&Caller::operator(), request).await?;
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("--output: {} cannot be made: {e}", dir.display()))?;
    let csv = dir.join(format!("open-data-{}.csv", request.year));
    let dictionary = dir.join(format!("open-data-{}.md", request.year));
    for (path, text) in [(&csv, &data.csv), (&dictionary, &data.dictionary)] {
        std::fs::write(path, text)
            .map_err(|e| anyhow::anyhow!("--output: {} cannot be written: {e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}
