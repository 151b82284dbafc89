//! `resettle report …`: the report to Parliament.
use clap::Subcommand;
use resettle_app::Caller;
use resettle_app::annual::AnnualRequest;
use resettle_reports::{DocLang, Format};

/// Which report to build.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The report to Parliament on a year: pledges against arrivals, who arrived, missions,
    /// time taken, delays by reason, decisions by group, reunification, reception, money.
    /// Small counts are withheld as the policy profile says.
    Annual {
        /// Calendar year.
        #[arg(long)]
        year: i32,
        /// html, pdf, xlsx or csv.
        #[arg(long)]
        format: String,
        /// nl, fr or en.
        #[arg(long, default_value = "en")]
        language: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
        /// Programme code (needed only when the database holds several).
        #[arg(long)]
        programme: Option<String>,
        /// Round every published count to the nearest 5 (Eurostat's practice).
        #[arg(long)]
        round_to_five: bool,
    },
}

/// Runs a report command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let Command::Annual {
        year,
        format,
        language,
        output,
        programme,
        round_to_five,
    } = command;
    let format = Format::parse(&format)
        .ok_or_else(|| anyhow::anyhow!("--format: {format:?} is not html, pdf, xlsx or csv"))?;
    let lang = DocLang::parse(&language)
        .filter(|l| l.writes_reports())
        .ok_or_else(|| anyhow::anyhow!("--language: {language:?} is not nl, fr or en"))?;
    let app = super::open(database).await?;
    let report = app
        .annual_report(
            &Caller::operator(),
            &AnnualRequest {
                programme,
                year,
                round_to_five,
            },
        )
        .await?;
    let doc = resettle_reports::annual::document(&report, lang, app.now());
    let bytes = resettle_reports::render(&doc, format)?;
    match output {
        Some(path) => std::fs::write(&path, bytes)?,
        None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
    }
    Ok(())
}
