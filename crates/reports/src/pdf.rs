//! A [`Document`] as a PDF, typeset by typst used as a library (decision 0020): the
//! template `document.typ` lays out the document it reads as JSON, with the bundled fonts
//! (shaped Arabic and Persian, right to left; Ethiopic; subsets embedded), page numbers,
//! contents and tables that break between rows with their header repeated.
//!
//! Nothing is read from disk or the network: the template, the document, its charts and
//! the fonts are served from memory by [`Sources`], typst's `World`.
use std::sync::LazyLock;

use serde_json::{Value, json};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::charts;
use crate::document::{Block, Document};
use crate::fonts;

/// Why a document could not be typeset: the template or the data broke a rule of typst.
/// A bug, not bad input (all input is data), so it carries typst's own words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the document could not be typeset: {0}")]
pub struct TypesetError(pub String);

/// The standard library and the fonts, built once: both are immutable and typst keys its
/// caches on their hashes.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));
static FONTS: LazyLock<(Vec<Font>, LazyHash<FontBook>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = fonts::ALL
        .iter()
        .flat_map(|f| Font::iter(Bytes::new(f.data)))
        .collect();
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    (fonts, book)
});

const TEMPLATE: &str = include_str!("document.typ");

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a fixed absolute path"),
    )
    .intern()
}

/// What typst may read: the template, the document as JSON and its charts.
struct Sources {
    main: Source,
    files: Vec<(FileId, Bytes)>,
    today: Option<Datetime>,
}

impl World for Sources {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.1
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, b)| b.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.0.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// The document as the template reads it: the model, the words the pages need, the fonts
/// in the order the language prefers, and each chart numbered for its file.
fn data(doc: &Document) -> Value {
    let mut value = serde_json::to_value(doc).expect("a document serialises");
    let mut index = 0;
    if let Some(sections) = value.get_mut("sections").and_then(Value::as_array_mut) {
        for block in sections
            .iter_mut()
            .filter_map(|s| s.get_mut("blocks").and_then(Value::as_array_mut))
            .flatten()
            .filter(|b| b["kind"] == "chart")
        {
            block["index"] = json!(index);
            block["svg"] = Value::Null;
            index += 1;
        }
    }
    let lang = doc.lang;
    value["lang"] = json!(lang.code());
    value["rtl"] = json!(lang.rtl());
    value["fonts"] = json!(fonts::families(lang.rtl()));
    value["page_word"] = json!(lang.t("doc-page", &[]));
    value["page_of"] = json!(lang.t("doc-page-of", &[]));
    value
}

/// Typesets `doc` as a PDF (tagged, for screen readers).
pub fn render(doc: &Document) -> Result<Vec<u8>, TypesetError> {
    let main = file_id("/main.typ");
    let mut files = vec![(
        file_id("/document.json"),
        Bytes::new(serde_json::to_vec(&data(doc)).expect("JSON serialises")),
    )];
    let charts = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Chart { svg, .. } => Some(svg),
            _ => None,
        });
    for (i, svg) in charts.enumerate() {
        files.push((
            file_id(&format!("/chart-{i}.svg")),
            Bytes::new(charts::standalone(svg).into_bytes()),
        ));
    }
    let created = doc.created;
    let today = Datetime::from_ymd(created.year(), u8::from(created.month()), created.day());
    let sources = Sources {
        main: Source::new(main, TEMPLATE.to_string()),
        files,
        today,
    };
    let paged: typst_layout::PagedDocument = typst::compile(&sources)
        .output
        .map_err(|errors| TypesetError(format!("{errors:?}")))?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(doc.title.clone()),
        timestamp: Datetime::from_ymd_hms(
            created.year(),
            u8::from(created.month()),
            created.day(),
            created.hour(),
            created.minute(),
            created.second(),
        )
        .map(typst_pdf::Timestamp::new_utc),
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&paged, &options).map_err(|e| TypesetError(format!("{e:?}")));
    // Typst memoises layouts across documents; a server typesets many different ones, so
    // old entries are let go rather than kept for the life of the process.
    typst::comemo::evict(10);
    pdf
}
