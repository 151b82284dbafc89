//! Reading the quota CSVs from text (the caller reads the file): indicators, old keys, pop/GDP.
//!
//! Columns are found by header name, so their order is free and extra columns (`name`,
//! `source`, `reference_years`, …) are ignored: the shipped reference files carry their
//! sources row by row and must stay readable by the same parser.
use csv::{ReaderBuilder, StringRecord, Trim};

use super::{IndicatorSet, Indicators, KeyShare, PopGdp, PopGdpSet, QuotaError, StateCode};

/// Columns of the indicators CSV, in the order the error message lists them.
const INDICATOR_COLUMNS: &str = "state, population, gdp, effort_per_million, unemployment_rate";
/// Columns of an old-key CSV.
const KEY_COLUMNS: &str = "state, share";
/// Columns of a population/GDP CSV.
const POP_GDP_COLUMNS: &str = "state, population, gdp";

/// Parses `state,population,gdp,effort_per_million,unemployment_rate` (any order, extra
/// columns ignored) into a validated set. Errors name the line and column of an unreadable
/// cell, the missing column, or (from validation) the state, field and value.
pub fn parse_indicators_csv(text: &str) -> Result<IndicatorSet, QuotaError> {
    const WHAT: &str = "indicators";
    let table = Table::read(
        WHAT,
        text,
        &[
            "state",
            "population",
            "gdp",
            "effort_per_million",
            "unemployment_rate",
        ],
        INDICATOR_COLUMNS,
    )?;
    let mut rows = Vec::new();
    for (line, rec) in &table.records {
        rows.push(Indicators {
            state: table.state(*line, rec)?,
            population: table.number(*line, rec, 1)?,
            gdp: table.number(*line, rec, 2)?,
            effort_per_million: table.number(*line, rec, 3)?,
            unemployment_rate: table.number(*line, rec, 4)?,
        });
    }
    IndicatorSet::new(rows)
}

/// Parses an old distribution key `state,share` (shares as fractions, 0.0245 for 2.45%).
/// Shares are checked to lie in [0, 1] and states to be unique; the sum is not checked,
/// because an old key may cover more states than the new calculation (the 2015 key included
/// the United Kingdom) — the functions that need a sum of 1 check it themselves.
pub fn parse_key_csv(text: &str) -> Result<Vec<KeyShare>, QuotaError> {
    const WHAT: &str = "key";
    let table = Table::read(WHAT, text, &["state", "share"], KEY_COLUMNS)?;
    let mut key = Vec::new();
    for (line, rec) in &table.records {
        key.push(KeyShare {
            state: table.state(*line, rec)?,
            share: table.number(*line, rec, 1)?,
        });
    }
    super::shares::validate_key(&key, "old key")?;
    Ok(key)
}

/// Parses `state,population,gdp` (any order, extra columns ignored): the recent figures the
/// NGO update formula takes.
pub fn parse_pop_gdp_csv(text: &str) -> Result<PopGdpSet, QuotaError> {
    const WHAT: &str = "population/GDP";
    let table = Table::read(WHAT, text, &["state", "population", "gdp"], POP_GDP_COLUMNS)?;
    let mut rows = Vec::new();
    for (line, rec) in &table.records {
        rows.push(PopGdp {
            state: table.state(*line, rec)?,
            population: table.number(*line, rec, 1)?,
            gdp: table.number(*line, rec, 2)?,
        });
    }
    PopGdpSet::new(rows)
}

/// A CSV read into records, with the index of each wanted column.
struct Table {
    what: &'static str,
    wanted: Vec<&'static str>,
    index: Vec<usize>,
    records: Vec<(u64, StringRecord)>,
}

impl Table {
    fn read(
        what: &'static str,
        text: &str,
        wanted: &[&'static str],
        expected: &'static str,
    ) -> Result<Self, QuotaError> {
        let mut rdr = ReaderBuilder::new()
            .trim(Trim::All)
            .flexible(false)
            .from_reader(text.as_bytes());
        let syntax = |e: csv::Error| QuotaError::CsvSyntax {
            what,
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        };
        let header = rdr.headers().map_err(syntax)?.clone();
        let mut index = Vec::with_capacity(wanted.len());
        for &col in wanted {
            let pos = header
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(col))
                .ok_or(QuotaError::MissingColumn {
                    what,
                    column: col,
                    expected,
                })?;
            index.push(pos);
        }
        let mut records = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(syntax)?;
            let line = rec.position().map_or(0, csv::Position::line);
            records.push((line, rec));
        }
        Ok(Self {
            what,
            wanted: wanted.to_vec(),
            index,
            records,
        })
    }

    fn cell<'r>(&self, rec: &'r StringRecord, i: usize) -> &'r str {
        rec.get(self.index[i]).unwrap_or("")
    }

    /// The state cell (always wanted column 0).
    fn state(&self, line: u64, rec: &StringRecord) -> Result<StateCode, QuotaError> {
        StateCode::parse(self.cell(rec, 0)).map_err(|e| QuotaError::CsvCell {
            what: self.what,
            line,
            column: self.wanted[0],
            message: e.to_string(),
        })
    }

    /// A numeric cell; `_` and blanks inside are not accepted (`1,000` would be a new column
    /// anyway), so a number reads as Rust reads it.
    fn number(&self, line: u64, rec: &StringRecord, i: usize) -> Result<f64, QuotaError> {
        let raw = self.cell(rec, i);
        let err = |message: String| QuotaError::CsvCell {
            what: self.what,
            line,
            column: self.wanted[i],
            message,
        };
        if raw.is_empty() {
            return Err(err("the cell is empty".to_string()));
        }
        raw.parse::<f64>()
            .map_err(|_| err(format!("cannot read {raw:?} as a number")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
state,name,population,gdp,effort_per_million,unemployment_rate,source
BE,Belgium,11180840,392880.0,2351.86,8.5,\"Eurostat, 2014\"
NL,Netherlands,16829289,660463.0,960.7,7.4,x
";

    #[test]
    fn reads_indicators_ignoring_extra_columns() {
        let s = parse_indicators_csv(GOOD).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s.rows()[1].state.as_str(), "NL");
        assert_eq!(s.rows()[0].unemployment_rate, 8.5);
    }

    #[test]
    fn column_order_is_free() {
        let t = "unemployment_rate,gdp,state,effort_per_million,population\n8.5,2,BE,3,4\n";
        let s = parse_indicators_csv(t).unwrap();
        let r = &s.rows()[0];
        assert_eq!(
            (
                r.population,
                r.gdp,
                r.effort_per_million,
                r.unemployment_rate
            ),
            (4.0, 2.0, 3.0, 8.5)
        );
    }

    #[test]
    fn missing_column_is_named() {
        let e =
            parse_indicators_csv("state,population,gdp,unemployment_rate\nBE,1,1,1\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the indicators CSV has no column \"effort_per_million\" (header must include: state, population, gdp, effort_per_million, unemployment_rate)"
        );
    }

    #[test]
    fn bad_number_names_line_and_column() {
        let t =
            "state,population,gdp,effort_per_million,unemployment_rate\nBE,1,1,1,1\nNL,1,abc,1,1\n";
        let e = parse_indicators_csv(t).unwrap_err();
        assert_eq!(
            e.to_string(),
            "indicators CSV line 3, column gdp: cannot read \"abc\" as a number"
        );
        let t = "state,population,gdp,effort_per_million,unemployment_rate\nBE,,1,1,1\n";
        let e = parse_indicators_csv(t).unwrap_err();
        assert_eq!(
            e.to_string(),
            "indicators CSV line 2, column population: the cell is empty"
        );
    }

    #[test]
    fn bad_state_names_line_and_value() {
        let t = "state,population,gdp,effort_per_million,unemployment_rate\nB3,1,1,1,1\n";
        let e = parse_indicators_csv(t).unwrap_err().to_string();
        assert!(e.starts_with("indicators CSV line 2, column state:"), "{e}");
        assert!(e.contains("\"B3\""), "{e}");
    }

    #[test]
    fn validation_errors_name_state_and_field() {
        let t = "state,population,gdp,effort_per_million,unemployment_rate\nBE,1,1,1,0\n";
        let e = parse_indicators_csv(t).unwrap_err().to_string();
        assert!(e.starts_with("unemployment_rate for BE must be > 0"), "{e}");
    }

    #[test]
    fn ragged_rows_are_a_syntax_error_with_line() {
        let t = "state,population,gdp,effort_per_million,unemployment_rate\nBE,1,1,1,1\nNL,1,1\n";
        let e = parse_indicators_csv(t).unwrap_err().to_string();
        assert!(e.starts_with("indicators CSV line 3:"), "{e}");
    }

    #[test]
    fn reads_an_old_key() {
        let k = parse_key_csv("state,share\nBE,0.0245\nUK,0.1110\n").unwrap();
        assert_eq!(k.len(), 2);
        assert_eq!(k[0].share, 0.0245);
        let e = parse_key_csv("share,state\n1.5,BE\n").unwrap_err();
        assert_eq!(e.to_string(), "share for BE must be within [0, 1], got 1.5");
        let e = parse_key_csv("state,share\nBE,0.1\nBE,0.2\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "state BE appears more than once in the old key"
        );
        let e = parse_key_csv("state\nBE\n").unwrap_err();
        assert!(e.to_string().contains("no column \"share\""), "{e}");
        let e = parse_key_csv("state,share\nBE,2,45%\n").unwrap_err();
        assert!(e.to_string().starts_with("key CSV line 2:"), "{e}");
        let e = parse_key_csv("state,share\nBE,2.45%\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "key CSV line 2, column share: cannot read \"2.45%\" as a number"
        );
    }

    #[test]
    fn reads_pop_gdp() {
        let s = parse_pop_gdp_csv("gdp,state,population\n10,BE,5\n").unwrap();
        assert_eq!(s.rows()[0].population, 5.0);
        let e = parse_pop_gdp_csv("state,population,gdp\nBE,-1,1\n").unwrap_err();
        assert_eq!(e.to_string(), "population for BE must be > 0, got -1");
    }
}
