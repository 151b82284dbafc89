//! A document as the reports build it, before any format: a title, sections of
//! paragraphs, labelled fields, tables and charts, every text already in the reader's
//! language. Each format ([`crate::pdf`], [`crate::html`], [`crate::spreadsheet`],
//! [`crate::table_csv`]) renders this one model, so the formats cannot disagree.
use serde::Serialize;
use time::OffsetDateTime;

use crate::lang::DocLang;

/// A document to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The language every text is in; Arabic and Persian run right to left.
    #[serde(skip)]
    pub lang: DocLang,
    /// The title.
    pub title: String,
    /// A line under the title.
    pub subtitle: String,
    /// Label and value lines under the title (who made it, when, from what).
    pub meta: Vec<Field>,
    /// A page of its own for the title, and a table of contents after it (a report); or
    /// the title atop the first page (a letter-like document).
    pub title_page: bool,
    /// The heading of the table of contents, if there is one.
    pub contents: Option<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// When it was made (the PDF's metadata).
    #[serde(skip)]
    pub created: OffsetDateTime,
}

/// A numbered part with a heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// A short name for the spreadsheet's sheets and the CSV's first column (ASCII).
    pub key: String,
    /// What it holds, in order.
    pub blocks: Vec<Block>,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of text.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A smaller heading inside a section.
    Subheading {
        /// The text.
        text: String,
    },
    /// Label and value pairs.
    Fields {
        /// The pairs.
        fields: Vec<Field>,
    },
    /// A table.
    Table(Table),
    /// A chart: an SVG drawing, with words for those who cannot see it.
    Chart {
        /// The SVG, as the staff pages draw it.
        svg: String,
        /// What it shows.
        caption: String,
    },
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// What the value is.
    pub label: String,
    /// The value as the reader should read it.
    pub value: String,
}

impl Field {
    /// A field.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Field {
        Field {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// A table: its caption, columns, rows and perhaps a total row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// A short name (ASCII, unique in the document): the CSV's table column and the
    /// spreadsheet's sheet.
    pub key: String,
    /// What the table shows.
    pub caption: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// A total row, set apart.
    pub total: Option<Vec<Cell>>,
}

/// A column's heading and whether it holds numbers (aligned to the end).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The heading.
    pub label: String,
    /// Numbers: aligned to the end, written as numbers in a spreadsheet.
    pub numeric: bool,
}

impl Column {
    /// A column of text.
    pub fn text(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: false,
        }
    }

    /// A column of numbers.
    pub fn number(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: true,
        }
    }
}

/// One cell: what it shows, and the number behind it where there is one (so a
/// spreadsheet gets a number, not the language's writing of it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// As shown.
    pub text: String,
    /// The value, for spreadsheets and CSV.
    #[serde(skip)]
    pub value: Option<f64>,
}

impl Cell {
    /// A cell of text.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
        }
    }

    /// A cell holding `value`, shown as `text`.
    pub fn number(value: f64, text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: Some(value),
        }
    }
}

impl Document {
    /// Every table of the document with the key of its section, in order.
    pub fn tables(&self) -> impl Iterator<Item = (&Section, &Table)> {
        self.sections.iter().flat_map(|s| {
            s.blocks.iter().filter_map(move |b| match b {
                Block::Table(t) => Some((s, t)),
                _ => None,
            })
        })
    }
}
