//! `resettle funding claim …`: the money a year's arrivals bring, person by person.
use clap::Subcommand;
use resettle_app::Caller;
use resettle_app::filed_claims::{FiledClaim, LineKind};
use resettle_app::funding::{ClaimRequest, FundingClaim, Instrument};
use resettle_reports::DocLang;

use crate::output::{self, Rows};

/// Funding claims.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lists each accepted person who arrived in the year once, with the amount claimed
    /// for them under the instrument, and the total (integer cents).
    Claim {
        /// amif (EU funding per person) or allowance (the municipal allowance).
        #[arg(long)]
        instrument: String,
        /// Calendar year of arrival.
        #[arg(long)]
        year: i32,
        /// table, json, csv, xlsx, html or pdf.
        #[arg(long, default_value = "table")]
        format: String,
        /// Language of an xlsx, html or pdf document: nl, fr or en.
        #[arg(long, default_value = "en")]
        language: String,
        /// Write an xlsx, html or pdf document to this file instead of standard output.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
        /// Programme code (needed only when the database holds several).
        #[arg(long)]
        programme: Option<String>,
        /// File the claim: store it, frozen, listing only the persons no earlier claim of
        /// the instrument and year named, and corrections of those it did.
        #[arg(long)]
        file: bool,
    },
    /// Lists the claims filed, with their lines.
    Claims {
        /// table, json or csv.
        #[arg(long, default_value = "table")]
        format: output::Format,
        /// Programme code (needed only when the database holds several).
        #[arg(long)]
        programme: Option<String>,
    },
}

/// How a claim is written out: a listing of its lines, or a document.
enum Out {
    /// Table, JSON or CSV: one line per person, amounts in cents.
    Listing(output::Format),
    /// XLSX, HTML or PDF: the claim as a document in a language.
    Document(resettle_reports::Format),
}

impl Out {
    fn parse(word: &str) -> Option<Out> {
        match word {
            "table" => Some(Out::Listing(output::Format::Table)),
            "json" => Some(Out::Listing(output::Format::Json)),
            "csv" => Some(Out::Listing(output::Format::Csv)),
            "xlsx" | "html" | "pdf" => resettle_reports::Format::parse(word).map(Out::Document),
            _ => None,
        }
    }
}

/// The claim as other tools read it: amounts in integer cents.
fn json(c: &FundingClaim) -> serde_json::Value {
    serde_json::json!({
        "instrument": c.instrument,
        "year": c.year,
        "lines": c.lines,
        "total_cents": c.total_cents,
    })
}

/// One row per person, and the total on a last row.
fn rows(c: &FundingClaim) -> Rows {
    let mut rows = Rows::new(&[
        "person_id",
        "case_number",
        "member_no",
        "arrived_on",
        "adult",
        "first_cohort",
        "amount_cents",
    ]);
    for l in &c.lines {
        rows.push(vec![
            l.person_id.clone(),
            l.case_number.clone(),
            l.member_no.to_string(),
            l.arrived_on.to_string(),
            l.adult.to_string(),
            l.first_cohort.to_string(),
            l.amount_cents.to_string(),
        ]);
    }
    rows.push(vec![
        "total".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        c.total_cents.to_string(),
    ]);
    rows
}

/// Filed claims, one row per line: the claim's instrument, year and number beside it.
fn filed_rows(claims: &[FiledClaim]) -> Rows {
    let mut rows = Rows::new(&[
        "instrument",
        "year",
        "number",
        "filed_on",
        "filed_by",
        "person_id",
        "kind",
        "reason",
        "amount_cents",
    ]);
    for c in claims {
        let head = || {
            vec![
                c.instrument.as_str().to_string(),
                c.year.to_string(),
                c.number.to_string(),
                c.filed_on.to_string(),
                c.filed_by.clone(),
            ]
        };
        for l in &c.lines {
            let mut row = head();
            row.extend([
                l.person_id.clone(),
                match l.kind {
                    LineKind::Claim => "claim",
                    LineKind::Correction => "correction",
                }
                .to_string(),
                l.reason.map(|r| r.as_str().to_string()).unwrap_or_default(),
                l.amount_cents.to_string(),
            ]);
            rows.push(row);
        }
        let mut total = head();
        total.extend([
            "total".to_string(),
            String::new(),
            String::new(),
            c.total_cents.to_string(),
        ]);
        rows.push(total);
    }
    rows
}

/// Runs a funding command.
pub async fn run(database: &str, command: Command) -> anyhow::Result<()> {
    let (instrument, year, format, language, output, programme, file) = match command {
        Command::Claims { format, programme } => {
            let app = super::open(database).await?;
            let claims = app
                .filed_funding_claims(&Caller::operator(), programme.as_deref())
                .await?;
            return output::print(format, &claims, || filed_rows(&claims));
        }
        Command::Claim {
            instrument,
            year,
            format,
            language,
            output,
            programme,
            file,
        } => (instrument, year, format, language, output, programme, file),
    };
    let instrument = Instrument::parse(&instrument)
        .ok_or_else(|| anyhow::anyhow!("--instrument: {instrument:?} is not amif or allowance"))?;
    let out = Out::parse(&format).ok_or_else(|| {
        anyhow::anyhow!("--format: {format:?} is not table, json, csv, xlsx, html or pdf")
    })?;
    let lang = DocLang::parse(&language)
        .filter(|l| l.writes_reports())
        .ok_or_else(|| anyhow::anyhow!("--language: {language:?} is not nl, fr or en"))?;
    let app = super::open(database).await?;
    let request = ClaimRequest {
        programme,
        instrument,
        year,
    };
    if file {
        let Out::Listing(listing) = out else {
            anyhow::bail!("--format: a filed claim is written as table, json or csv");
        };
        let filed = app
            .file_funding_claim(&Caller::operator(), &request)
            .await?;
        let shown = std::slice::from_ref(&filed);
        return output::print(listing, &filed, || filed_rows(shown));
    }
    let claim = app.funding_claim(&Caller::operator(), &request).await?;
    match out {
        Out::Listing(listing) => output::print(listing, &json(&claim), || rows(&claim)),
        Out::Document(format) => {
            let doc = resettle_reports::funding::document(&claim, lang, app.now());
            let bytes = resettle_reports::render(&doc, format)?;
            match output {
                Some(path) => std::fs::write(&path, bytes)?,
                None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
            }
            Ok(())
        }
    }
}
