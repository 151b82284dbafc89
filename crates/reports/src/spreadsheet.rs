//! A [`Document`]'s tables as an XLSX workbook: a first sheet with the title and what the
//! figures are, then one sheet per table, numbers as numbers (so they add up), withheld
//! cells as their mark, every text cell neutralised so that none runs as a formula.
use resettle_app::export_csv::neutralise;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::document::{Block, Cell, Document};

/// A sheet's name: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{clean}-{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    bold: Option<&Format>,
) -> Result<(), XlsxError> {
    match (cell.value, bold) {
        (Some(v), Some(f)) => sheet.write_number_with_format(row, col, v, f)?,
        (Some(v), None) => sheet.write_number(row, col, v)?,
        (None, Some(f)) => sheet.write_string_with_format(row, col, neutralise(&cell.text), f)?,
        (None, None) => sheet.write_string(row, col, neutralise(&cell.text))?,
    };
    Ok(())
}

/// The workbook as bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken = Vec::new();
    let about = book.add_worksheet();
    about.set_name(sheet_name(&doc.title, &mut taken))?;
    about.set_right_to_left(doc.lang.rtl());
    about.write_string_with_format(0, 0, neutralise(&doc.title), &bold)?;
    about.write_string(1, 0, neutralise(&doc.subtitle))?;
    for (i, f) in doc.meta.iter().enumerate() {
        let row = 3 + i as u32;
        about.write_string_with_format(row, 0, neutralise(&f.label), &bold)?;
        about.write_string(row, 1, neutralise(&f.value))?;
    }
    // The notes that say how to read the figures (suppression, rounding, methods).
    let mut row = 4 + doc.meta.len() as u32;
    for s in &doc.sections {
        for b in &s.blocks {
            if let Block::Paragraph { text } = b
                && s.key == "method"
            {
                about.write_string(row, 0, neutralise(text))?;
                row += 1;
            }
        }
    }
    about.set_column_width(0, 40)?;
    about.set_column_width(1, 60)?;

    for (_, table) in doc.tables() {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&table.key, &mut taken))?;
        sheet.set_right_to_left(doc.lang.rtl());
        sheet.write_string_with_format(0, 0, neutralise(&table.caption), &bold)?;
        for (c, column) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(2, c as u16, neutralise(&column.label), &bold)?;
            sheet.set_column_width(c as u16, if c == 0 { 36 } else { 16 })?;
        }
        let mut row = 3;
        for cells in &table.rows {
            for (c, cell) in cells.iter().enumerate() {
                write_cell(sheet, row, c as u16, cell, None)?;
            }
            row += 1;
        }
        if let Some(total) = &table.total {
            for (c, cell) in total.iter().enumerate() {
                write_cell(sheet, row, c as u16, cell, Some(&bold))?;
            }
        }
        sheet.set_freeze_panes(3, 0)?;
    }
    book.save_to_buffer()
}
