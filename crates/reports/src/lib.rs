//! Documents: the report to Parliament and a family's subject-access export, built from
//! the use cases' data in the reader's language, and rendered as HTML (canonical), PDF
//! (typeset by typst with bundled fonts), XLSX and CSV.
//!
//! Documents live here rather than in the domain: typesetting is presentation, heavy to
//! build (decision 0020), and the rules need none of it.
pub mod annual;
pub mod charts;
pub mod document;
pub mod fonts;
pub mod funding;
pub mod html;
pub mod lang;
#[cfg(test)]
mod messages_tests;
pub mod pdf;
pub mod spreadsheet;
pub mod subject_access;
pub mod table_csv;

pub use document::Document;
pub use lang::DocLang;

/// A format a document is rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One standalone HTML page.
    Html,
    /// A4 pages.
    Pdf,
    /// A workbook, one sheet per table.
    Xlsx,
    /// The tables in long form.
    Csv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Html, Format::Pdf, Format::Xlsx, Format::Csv];

    /// The format of a file extension or option word.
    pub fn parse(word: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == word.trim())
    }

    /// The file extension, which is also the option's word.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }

    /// The media type to serve it as.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Html => "text/html; charset=utf-8",
            Format::Pdf => "application/pdf",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// Why a document could not be rendered: a bug in a template or a writer, never the
/// reader's input, so the message is for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{format} could not be written: {detail}")]
pub struct RenderError {
    /// The format.
    pub format: &'static str,
    /// What went wrong.
    pub detail: String,
}

/// `doc` in `format`.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>, RenderError> {
    let failed = |detail: String| RenderError {
        format: format.extension(),
        detail,
    };
    match format {
        Format::Html => Ok(html::render(doc).into_bytes()),
        Format::Pdf => pdf::render(doc).map_err(|e| failed(e.to_string())),
        Format::Xlsx => spreadsheet::render(doc).map_err(|e| failed(e.to_string())),
        Format::Csv => table_csv::render(doc)
            .map(String::into_bytes)
            .map_err(|e| failed(e.to_string())),
    }
}
