//! How commands print: an aligned table for people, JSON and CSV for other tools.
use std::io::Write;

use resettle_app::export_csv::SafeCsv;
use serde::Serialize;

/// Output format of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// JSON, for other tools.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Rows of text under a header, printable as a table or CSV.
pub struct Rows {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Rows {
    /// Starts a table with these column names.
    pub fn new(header: &[&'static str]) -> Rows {
        Rows {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn print_table(&self) {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|c| {
                self.rows
                    .iter()
                    .map(|r| r[c].chars().count())
                    .chain([self.header[c].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: Vec<&str>| {
            let parts: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect();
            println!("{}", parts.join("  ").trim_end());
        };
        line(self.header.clone());
        for r in &self.rows {
            line(r.iter().map(String::as_str).collect());
        }
    }

    /// Writes the rows as CSV through the app's one CSV writer, so no cell reaches a
    /// spreadsheet as a formula.
    fn print_csv(&self) -> anyhow::Result<()> {
        let mut csv = SafeCsv::new(&self.header)?;
        for r in &self.rows {
            csv.row(r)?;
        }
        print!("{}", csv.finish()?);
        Ok(())
    }
}

/// Prints `value` as JSON, or its rows as a table or CSV.
pub fn print<T: Serialize>(
    format: Format,
    value: &T,
    rows: impl FnOnce() -> Rows,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, value)?;
            writeln!(out)?;
        }
        Format::Table => rows().print_table(),
        Format::Csv => rows().print_csv()?,
    }
    Ok(())
}
