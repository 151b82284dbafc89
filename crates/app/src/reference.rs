//! Reference data shipped with resettle (`data/` at the repository root), compiled into the
//! binary so that a planner gets sourced figures without downloading anything.
use serde::Serialize;

use crate::AppError;

/// Inputs of the European Commission's 2015 key: EU-28 and the Schengen-associated states,
/// population 2014, GDP 2013, asylum effort 2010–2014, unemployment 2014.
pub const EC2015_INDICATORS: &str = include_str!("../../../data/indicators/ec2015.csv");

/// The most recent population and GDP figures for the EU-27 that could be sourced; effort is
/// missing, so this set serves key updates (`population`, `gdp` columns), not full keys.
pub const EU27_LATEST: &str = include_str!("../../../data/indicators/eu27_latest.csv");

const UNHCR_NEEDS: &str = include_str!("../../../data/unhcr_projected_needs.csv");

const ARRIVALS: &str = include_str!("../../../data/arrivals.csv");

/// A published year of a state's programme: pledge and arrivals where known.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedYear {
    /// The resettlement state (`BE`, `NL`).
    pub state: String,
    /// Calendar year.
    pub year: i32,
    /// Persons pledged for that year alone, if published.
    pub pledged: Option<u32>,
    /// Persons who arrived, if published.
    pub arrived: Option<u32>,
    /// Where the figures come from.
    pub source: String,
}

/// The published pledges and arrivals shipped in `data/arrivals.csv`.
pub fn published_years() -> Result<Vec<PublishedYear>, AppError> {
    let mut reader = csv::Reader::from_reader(ARRIVALS.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| shipped("arrivals.csv", i, e))?;
        let field = |n: usize| row.get(n).unwrap_or("").trim();
        let number = |n: usize| -> Result<Option<u32>, AppError> {
            let v = field(n);
            if v.is_empty() {
                Ok(None)
            } else {
                v.parse()
                    .map(Some)
                    .map_err(|e| shipped("arrivals.csv", i, e))
            }
        };
        out.push(PublishedYear {
            state: field(0).to_string(),
            year: field(1)
                .parse()
                .map_err(|e| shipped("arrivals.csv", i, e))?,
            pledged: number(2)?,
            arrived: number(3)?,
            source: field(4).to_string(),
        });
    }
    Ok(out)
}

/// Names of the shipped indicator sets, as accepted by `--indicators` in place of a file.
pub const INDICATOR_SETS: &[(&str, &str)] =
    &[("ec2015", EC2015_INDICATORS), ("eu27-latest", EU27_LATEST)];

/// One year of UNHCR's Projected Global Resettlement Needs.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NeedsFigure {
    /// The year the needs are projected for.
    pub year: i32,
    /// Persons in need of resettlement.
    pub persons: u64,
    /// False where the published figure is rounded ("over 2.4 million").
    pub exact: bool,
    /// Where the figure was read.
    pub source: String,
}

/// UNHCR's projected global resettlement needs by year, as shipped.
pub fn unhcr_needs() -> Result<Vec<NeedsFigure>, AppError> {
    let mut reader = csv::Reader::from_reader(UNHCR_NEEDS.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| shipped("unhcr_projected_needs.csv", i, e))?;
        let field = |n: usize| row.get(n).unwrap_or("");
        out.push(NeedsFigure {
            year: field(0)
                .parse()
                .map_err(|e| shipped("unhcr_projected_needs.csv", i, e))?,
            persons: field(1)
                .parse()
                .map_err(|e| shipped("unhcr_projected_needs.csv", i, e))?,
            exact: field(2) == "true",
            source: field(3).to_string(),
        });
    }
    Ok(out)
}

/// UNHCR's figure for one year, or a refusal listing the years that are shipped.
pub fn needs_for_year(year: i32) -> Result<NeedsFigure, AppError> {
    let all = unhcr_needs()?;
    let years: Vec<String> = all.iter().map(|n| n.year.to_string()).collect();
    all.into_iter().find(|n| n.year == year).ok_or_else(|| {
        resettle_domain::Refusal::not_in_list(
            "needs_year",
            year,
            years,
            resettle_domain::refusal::Vocabulary::Plain,
        )
        .into()
    })
}

/// A row of a data file shipped in the binary that does not read: a fault of the build,
/// not of anyone's input.
fn shipped(file: &str, row: usize, e: impl std::fmt::Display) -> AppError {
    AppError::internal(&format!("shipped data {file}, row {}", row + 2), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_belgian_report_year_is_shipped_exact() {
        let n = needs_for_year(2022).unwrap();
        assert_eq!((n.persons, n.exact), (1_473_156, true));
    }

    #[test]
    fn a_missing_year_lists_the_shipped_ones() {
        let e = needs_for_year(1990).unwrap_err().to_string();
        assert!(e.contains("needs_year") && e.contains("2022"), "{e}");
    }

    /// Every CSV under `data/`, found by walking the folder, so a new file is checked too.
    fn data_files() -> Vec<std::path::PathBuf> {
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        ))];
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "csv") {
                    files.push(path);
                }
            }
        }
        files
    }

    #[test]
    fn every_row_of_the_reference_data_has_a_source() {
        let files = data_files();
        assert!(files.len() >= 4, "{files:?}");
        for file in files {
            let mut reader = csv::Reader::from_path(&file).unwrap();
            let headers = reader.headers().unwrap().clone();
            let source = headers
                .iter()
                .position(|h| h == "source")
                .unwrap_or_else(|| panic!("{}: no source column", file.display()));
            for (i, row) in reader.records().enumerate() {
                let row = row.unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                assert!(
                    !row.get(source).unwrap_or("").trim().is_empty(),
                    "{} row {}: no source",
                    file.display(),
                    i + 2
                );
            }
        }
    }

    #[test]
    fn every_shipped_indicator_set_parses_population_and_gdp() {
        for (name, text) in INDICATOR_SETS {
            resettle_domain::quota::parse_pop_gdp_csv(text)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        resettle_domain::quota::parse_indicators_csv(EC2015_INDICATORS).unwrap();
    }
}
