//! The open-data export (issue 21): a year's aggregates as a CSV anyone may publish, with
//! a data dictionary describing each column. Aggregates only, and exactly the annual
//! report's published figures (the same small-cell suppression under the profile's
//! threshold, the same optional rounding to 5), so the two never disagree and nothing the
//! report withholds leaks here: persons who arrived by nationality, sex and age band, and
//! persons decided on by outcome.
use crate::annual::{AnnualReport, AnnualRequest, Breakdown, Dimension};
use crate::export_csv::SafeCsv;
use crate::{App, AppError, Caller};

/// The columns of the CSV, in order, each with what it holds (the data dictionary).
pub const COLUMNS: [(&str, &str); 6] = [
    (
        "year",
        "The calendar year the figures are about (of arrival, or of the decision).",
    ),
    (
        "table",
        "`arrivals`: persons who arrived in the year, each once, counting only the members a \
         decision in part accepted; `decisions`: persons decided on in the year.",
    ),
    (
        "breakdown",
        "What the rows of the table are grouped by: `nationality` (ISO 3166-1 alpha-2 code of \
         the principal applicant's nationality), `sex` (`female`, `male`, `other`), \
         `age_band` (Eurostat's bands at arrival), `outcome` (`accepted`, `refused`), or \
         `total`.",
    ),
    (
        "value",
        "The group: a code of the breakdown, or `all` for a total.",
    ),
    (
        "persons",
        "The number of persons, or empty where withheld (see `withheld`); a multiple of 5 \
         when the export is rounded.",
    ),
    (
        "withheld",
        "`yes` where the count is withheld: from 1 to the threshold minus one, or a second \
         cell withheld so that a total cannot reveal the first; `no` otherwise.",
    ),
];

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDataRequest {
    /// Programme code; `None` for the database's only programme.
    pub programme: Option<String>,
    /// Calendar year.
    pub year: i32,
    /// Round every published count to the nearest 5.
    pub round_to_five: bool,
}

/// The export: the figures and their dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenData {
    /// The figures, one count a row.
    pub csv: String,
    /// The data dictionary, in Markdown.
    pub dictionary: String,
}

impl App {
    /// A year's open data: the annual report's published counts of arrivals by
    /// nationality, sex and age band and of decisions by outcome, small cells withheld.
    /// Those who may build the report (planners, auditors); audited as its build is.
    pub async fn open_data(
        &self,
        caller: &Caller,
        request: &OpenDataRequest,
    ) -> Result<OpenData, AppError> {
        let report = self
            .annual_report(
                caller,
                &AnnualRequest {
                    programme: request.programme.clone(),
                    year: request.year,
                    round_to_five: request.round_to_five,
                },
            )
            .await?;
        Ok(OpenData {
            csv: figures(&report)?,
            dictionary: dictionary(&report),
        })
    }
}

/// The CSV of `report`'s open figures.
fn figures(report: &AnnualReport) -> Result<String, AppError> {
    let header: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
    let mut csv = SafeCsv::new(&header)?;
    let year = report.year.to_string();
    let mut row = |table: &str, breakdown: &str, value: &str, count: Option<u64>| {
        let persons = count.map_or(String::new(), |n| n.to_string());
        let withheld = if count.is_some() { "no" } else { "yes" };
        csv.row(&[year.as_str(), table, breakdown, value, &persons, withheld])
    };
    row("arrivals", "total", "all", report.arrived_persons)?;
    for dimension in [Dimension::Nationality, Dimension::Sex, Dimension::AgeBand] {
        let Some(b) = report.arrivals.iter().find(|b| b.dimension == dimension) else {
            continue;
        };
        let Breakdown { rows, .. } = b;
        for r in rows {
            row("arrivals", dimension.as_str(), &r.code, r.count)?;
        }
    }
    if let Some(t) = report.decisions.first().map(|d| &d.total) {
        row("decisions", "outcome", "accepted", t.accepted)?;
        row("decisions", "outcome", "refused", t.refused)?;
    }
    csv.finish()
}

/// The data dictionary of `report`'s export, in Markdown.
fn dictionary(report: &AnnualReport) -> String {
    let mut md = format!(
        "# Open data: {} ({}), {}\n\n\
         Aggregates only: no row describes fewer than {} persons. Counts from 1 to {} are \
         withheld (empty, `withheld` = `yes`), and where a single withheld cell could be \
         worked out from its total, the next smallest cell is withheld with it. Zeros are \
         shown: they describe no one.{}\n\n\
         The figures are those of the report to Parliament for the same year, as of {}{}.\n\n\
         | column | meaning |\n|---|---|\n",
        report.programme.name,
        report.programme.code,
        report.year,
        report.small_cell_threshold,
        report.small_cell_threshold.saturating_sub(1),
        match report.rounded_to {
            Some(base) => format!(
                " Every published count is rounded to the nearest multiple of {base}, each \
                 on its own, so totals may differ from the sum of their rows."
            ),
            None => String::new(),
        },
        report.as_of,
        if report.partial {
            " (the year is not over: figures so far)"
        } else {
            ""
        },
    );
    for (name, meaning) in COLUMNS {
        md.push_str(&format!("| `{name}` | {meaning} |\n"));
    }
    md
}
