//! A [`Document`]'s tables as one CSV in long form, one figure per line: the section,
//! the table, the row's label, the column's label and the value. Numbers are written
//! plainly (`1234`, `0.95`), never in the language's grouping, so any program reads them;
//! a withheld cell keeps its mark (`<5`). Every cell goes through the one neutraliser.
use resettle_app::AppError;
use resettle_app::export_csv::SafeCsv;

use crate::document::{Cell, Document};

/// A number as plain text: whole numbers without a fraction.
fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn value(cell: &Cell) -> String {
    cell.value.map_or_else(|| cell.text.clone(), plain)
}

/// The CSV text.
pub fn render(doc: &Document) -> Result<String, AppError> {
    let mut csv = SafeCsv::new(&["section", "table", "row", "column", "value"])?;
    for (section, table) in doc.tables() {
        let rows = table.rows.iter().chain(table.total.iter());
        for cells in rows {
            let label = cells.first().map(|c| c.text.as_str()).unwrap_or_default();
            for (cell, column) in cells.iter().zip(&table.columns).skip(1) {
                csv.row(&[
                    section.key.as_str(),
                    table.key.as_str(),
                    label,
                    column.label.as_str(),
                    &value(cell),
                ])?;
            }
        }
    }
    csv.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(plain(1234.0), "1234");
        assert_eq!(plain(0.5), "0.5");
        assert_eq!(value(&Cell::number(1500.0, "1.500")), "1500");
        assert_eq!(value(&Cell::text("<5")), "<5");
    }
}
