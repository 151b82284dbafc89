//! The one way the software writes CSV: every cell a spreadsheet would run as a formula
//! is neutralised (OWASP "CSV injection"), whatever the export.
//!
//! A name typed at the sign-in form, a pledge's source or an organisation's name reaches
//! an auditor's or an NGO's spreadsheet. Excel, LibreOffice and Google Sheets run a cell
//! that starts with `=`, `+`, `-` or `@` (and some a tab or carriage return before them):
//! `=HYPERLINK("http://…?"&A1)` leaks the sheet, a DDE formula starts a program. Such a
//! cell gets a leading `'`, which spreadsheets take as "this is text" and do not show.
//!
//! Choice: a cell that is a plain number (`-12`, `+3`, `-0.25`, `1e-3`) is left as it
//! is, in whatever column: a number cannot run anything, and a gap of `-12` persons must
//! stay a number a spreadsheet can add up. Every other cell that starts with a trigger is
//! prefixed, so no column's type needs to be declared.
use std::borrow::Cow;

use crate::AppError;

/// What a spreadsheet takes as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as a spreadsheet should receive it: prefixed with `'` when it would start a
/// formula and is not a plain number.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as a spreadsheet file holds it: a plain number as a number a spreadsheet can
/// add up, anything else as text, neutralised as a CSV cell is, so a sheet saved again as
/// CSV carries no formula either.
pub enum SheetCell<'a> {
    /// A plain number.
    Number(f64),
    /// Text, never a formula.
    Text(Cow<'a, str>),
}

/// How `cell` goes into a spreadsheet file.
pub fn sheet_cell(cell: &str) -> SheetCell<'_> {
    // A leading zero (`007`, a code) is kept as written: as a number it would be lost.
    let coded = cell.len() > 1 && cell.starts_with('0') && !cell.starts_with("0.");
    if !cell.is_empty()
        && !coded
        && is_plain_number(cell)
        && let Ok(n) = cell.parse::<f64>()
    {
        return SheetCell::Number(n);
    }
    SheetCell::Text(neutralise(cell))
}

/// A finite decimal number written with digits, a sign, a point and an exponent only
/// (`inf` and `NaN`, which Rust parses, are words to a spreadsheet).
fn is_plain_number(cell: &str) -> bool {
    cell.chars()
        .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
        && cell.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A CSV document under construction, with a header row, every cell neutralised.
pub struct SafeCsv {
    writer: csv::Writer<Vec<u8>>,
}

impl SafeCsv {
    /// Starts a document with these column names.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Result<SafeCsv, AppError> {
        let mut csv = SafeCsv {
            writer: csv::Writer::from_writer(Vec::new()),
        };
        csv.row(header)?;
        Ok(csv)
    }

    /// Adds a row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), AppError> {
        self.writer
            .write_record(cells.iter().map(|c| neutralise(c.as_ref()).into_owned()))
            .map_err(|e| AppError::internal("csv", e))
    }

    /// The document.
    pub fn finish(self) -> Result<String, AppError> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| AppError::internal("csv", e))?;
        String::from_utf8(bytes).map_err(|e| AppError::internal("csv", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_prefixed_and_numbers_are_not() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "\t=1",
            "\r=1",
            "-",
            "-inf",
            "+NaN",
        ] {
            assert_eq!(neutralise(formula), format!("'{formula}"), "{formula:?}");
        }
        for plain in ["-12", "+3", "-0.25", "1e-3", "0", "text = fine", "", "'=x"] {
            assert_eq!(neutralise(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn a_document_neutralises_every_cell_and_quotes_as_csv_does() {
        let mut csv = SafeCsv::new(&["name", "gap"]).unwrap();
        csv.row(&["=1+1", "-12"]).unwrap();
        csv.row(&["a, \"b\"", "3"]).unwrap();
        assert_eq!(
            csv.finish().unwrap(),
            "name,gap\n'=1+1,-12\n\"a, \"\"b\"\"\",3\n"
        );
    }
}
