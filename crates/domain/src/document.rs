//! A plain printed document, labelled values under headings, written as a minimal PDF 1.4
//! file: the subject-access export that gives a person everything held on them.
//!
//! Hand-written rather than through a typesetting library so the domain crate stays pure
//! and dependency-free, and so the export works in every build, whatever reporting features
//! are compiled in. The output is deliberately simple: A4 pages, the standard Helvetica and
//! Helvetica-Bold fonts (every PDF reader has them, so nothing is embedded), one column of
//! label and value rows, page numbers in the footer.
//!
//! **Limitation:** standard fonts cover only WinAnsiEncoding (Western European Latin).
//! Characters outside it, such as Arabic, Tigrinya or Dari names, are printed as `?`, and
//! combining accents are dropped. The document title is kept in full in the file's metadata.
//! A faithful print of such names needs an embedded Unicode font, which belongs in the
//! reports crate; callers should add the name in Latin transcription where one is held.

use std::fmt::Write as _;

use time::OffsetDateTime;

/// A4 in points (1/72 inch): the paper size of every country this system serves.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
/// About 2 cm: room for a printer's unprintable edge and for punching holes.
const MARGIN: f32 = 56.0;
/// The bottom of the text area; the footer sits below it.
const BODY_BOTTOM: f32 = MARGIN + 24.0;
const FOOTER_BASELINE: f32 = MARGIN - 12.0;

const TITLE_SIZE: f32 = 16.0;
const HEADING_SIZE: f32 = 12.0;
const BODY_SIZE: f32 = 10.0;
const FOOTER_SIZE: f32 = 8.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;
const LABEL_WIDTH: f32 = 150.0;
const COLUMN_GAP: f32 = 12.0;

/// A document to print: a title and sections of labelled values, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct TextDocument {
    /// Printed atop the first page, in every footer and in the file's metadata.
    pub title: String,
    /// When the export was made, given by the caller since the domain reads no clock;
    /// written to the file's metadata.
    pub created: OffsetDateTime,
    /// The content, in order.
    pub sections: Vec<Section>,
}

/// A heading and the values under it, e.g. "Family members" and each member's details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Printed in bold above the fields.
    pub heading: String,
    /// Label and value rows; a value may hold `\n` for separate paragraphs.
    pub fields: Vec<Field>,
}

/// One labelled value. Both wrap to their column when long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the value is, e.g. "Date of birth".
    pub label: String,
    /// The value as the person should read it.
    pub value: String,
}

impl TextDocument {
    /// An empty document; add content with [`TextDocument::section`].
    pub fn new(title: impl Into<String>, created: OffsetDateTime) -> Self {
        Self {
            title: title.into(),
            created,
            sections: Vec::new(),
        }
    }

    /// Appends a section and returns it, so fields can be added in a chain.
    pub fn section(&mut self, heading: impl Into<String>) -> &mut Section {
        self.sections.push(Section {
            heading: heading.into(),
            fields: Vec::new(),
        });
        self.sections.last_mut().expect("just pushed")
    }

    /// The document as a PDF 1.4 file.
    pub fn to_pdf(&self) -> Vec<u8> {
        let pages = self.paginate();
        write_pdf(&self.title, self.created, &pages)
    }

    /// Lays the content out into pages of positioned text, footers included.
    fn paginate(&self) -> Vec<Vec<Placed>> {
        let mut lines = Line::single(Font::Bold, TITLE_SIZE, &self.title, false);
        lines.push(Line::gap(BODY_SIZE));
        for section in &self.sections {
            lines.push(Line::gap(BODY_SIZE * 0.5));
            lines.extend(Line::single(
                Font::Bold,
                HEADING_SIZE,
                &section.heading,
                true,
            ));
            for field in &section.fields {
                lines.extend(field_lines(field));
            }
        }

        let top = PAGE_HEIGHT - MARGIN;
        let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
        let mut y = top;
        for (index, line) in lines.iter().enumerate() {
            // A heading is kept with the line after it, so none ends a page alone.
            let needed = if line.keep_with_next {
                line.height + lines.get(index + 1).map_or(0.0, |next| next.height)
            } else {
                line.height
            };
            let page_has_text = pages.last().is_some_and(|page| !page.is_empty());
            if y - needed < BODY_BOTTOM && page_has_text {
                pages.push(Vec::new());
                y = top;
            }
            if y == top && line.runs.is_empty() {
                continue; // no blank space at the top of a page
            }
            let baseline = y - line.size;
            let page = pages.last_mut().expect("at least one page");
            for run in &line.runs {
                page.push(Placed {
                    font: run.font,
                    size: line.size,
                    x: run.x,
                    y: baseline,
                    text: run.text.clone(),
                });
            }
            y -= line.height;
        }

        let count = pages.len();
        let title = encode(&self.title);
        for (index, page) in pages.iter_mut().enumerate() {
            let number = encode(&format!("page {} of {count}", index + 1));
            let number_width = text_width(&number, Font::Regular, FOOTER_SIZE);
            let number_x = PAGE_WIDTH - MARGIN - number_width;
            let title_room = number_x - MARGIN - COLUMN_GAP;
            let footer_title = wrap(&title, Font::Regular, FOOTER_SIZE, title_room)
                .into_iter()
                .next()
                .unwrap_or_default();
            for (x, text) in [(MARGIN, footer_title), (number_x, number)] {
                page.push(Placed {
                    font: Font::Regular,
                    size: FOOTER_SIZE,
                    x,
                    y: FOOTER_BASELINE,
                    text,
                });
            }
        }
        pages
    }
}

impl Section {
    /// Appends a labelled value.
    pub fn field(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.fields.push(Field {
            label: label.into(),
            value: value.into(),
        });
        self
    }
}

/// The two standard fonts used, by their resource names in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }
}

/// Text at a horizontal position within a line, already in WinAnsi bytes.
#[derive(Debug, Clone)]
struct Run {
    font: Font,
    x: f32,
    text: Vec<u8>,
}

/// One line of the flowing content, before it is given a page and a height on it.
#[derive(Debug, Clone)]
struct Line {
    size: f32,
    height: f32,
    runs: Vec<Run>,
    keep_with_next: bool,
}

impl Line {
    fn gap(height: f32) -> Line {
        Line {
            size: 0.0,
            height,
            runs: Vec::new(),
            keep_with_next: false,
        }
    }

    /// `text` wrapped to the full text width, one [`Line`] per printed line.
    fn single(font: Font, size: f32, text: &str, keep_with_next: bool) -> Vec<Line> {
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        let mut lines: Vec<Line> = paragraphs(text, font, size, width)
            .into_iter()
            .map(|text| Line {
                size,
                height: size * LEADING,
                runs: vec![Run {
                    font,
                    x: MARGIN,
                    text,
                }],
                keep_with_next,
            })
            .collect();
        // Only the last line of a wrapped heading needs to stay with what follows.
        let last = lines.len().saturating_sub(1);
        for line in &mut lines[..last] {
            line.keep_with_next = false;
        }
        lines
    }
}

/// A field as printed lines: the label in bold on the left, the value beside it, each
/// wrapped in its own column.
fn field_lines(field: &Field) -> Vec<Line> {
    let value_x = MARGIN + LABEL_WIDTH + COLUMN_GAP;
    let value_width = PAGE_WIDTH - MARGIN - value_x;
    let labels = paragraphs(&field.label, Font::Bold, BODY_SIZE, LABEL_WIDTH);
    let values = paragraphs(&field.value, Font::Regular, BODY_SIZE, value_width);
    let rows = labels.len().max(values.len());
    (0..rows)
        .map(|i| {
            let mut runs = Vec::new();
            if let Some(label) = labels.get(i).filter(|l| !l.is_empty()) {
                runs.push(Run {
                    font: Font::Bold,
                    x: MARGIN,
                    text: label.clone(),
                });
            }
            if let Some(value) = values.get(i).filter(|v| !v.is_empty()) {
                runs.push(Run {
                    font: Font::Regular,
                    x: value_x,
                    text: value.clone(),
                });
            }
            Line {
                size: BODY_SIZE,
                height: BODY_SIZE * LEADING,
                runs,
                // A two-line label is not split from its first value lines across pages.
                keep_with_next: i + 1 < labels.len(),
            }
        })
        .collect()
}

/// Text positioned on a page.
#[derive(Debug, Clone)]
struct Placed {
    font: Font,
    size: f32,
    x: f32,
    y: f32,
    text: Vec<u8>,
}

/// Splits on line breaks, then wraps each paragraph; an empty text gives one empty line.
fn paragraphs(text: &str, font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    text.split('\n')
        .flat_map(|paragraph| wrap(&encode(paragraph.trim_end_matches('\r')), font, size, width))
        .collect()
}

/// Greedy word wrapping; a word wider than the line is broken between characters.
fn wrap(text: &[u8], font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in text.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() {
            let mut candidate = line.clone();
            candidate.push(b' ');
            candidate.extend_from_slice(word);
            if text_width(&candidate, font, size) <= width {
                line = candidate;
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while text_width(rest, font, size) > width {
            let mut fits = 1;
            while fits < rest.len() && text_width(&rest[..=fits], font, size) <= width {
                fits += 1;
            }
            lines.push(rest[..fits].to_vec());
            rest = &rest[fits..];
        }
        line = rest.to_vec();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Width in points of WinAnsi text in one of the two fonts.
fn text_width(text: &[u8], font: Font, size: f32) -> f32 {
    let units: u32 = text.iter().map(|b| glyph_width(*b, font)).sum();
    units as f32 * size / 1000.0
}

/// Helvetica's and Helvetica-Bold's advance widths (from Adobe's font metrics) for the
/// printable ASCII range, in thousandths of the font size.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0..?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P.._
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // `..o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p..~
];

/// Width of one WinAnsi byte. Accented letters take their base letter's width; other
/// symbols above ASCII take a full em, which can only make lines wrap early, never overflow.
fn glyph_width(byte: u8, font: Font) -> u32 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    let base = match byte {
        0x20..=0x7e => byte,
        0x8a => b'S',
        0x9a => b's',
        0x8e => b'Z',
        0x9e => b'z',
        0x9f | 0xdd => b'Y',
        0xa0 => b' ',
        0xc0..=0xc5 => b'A',
        0xc7 => b'C',
        0xc8..=0xcb => b'E',
        0xcc..=0xcf => b'I',
        0xd0 => b'D',
        0xd1 => b'N',
        0xd2..=0xd6 | 0xd8 => b'O',
        0xd9..=0xdc => b'U',
        0xe0..=0xe5 => b'a',
        0xe7 => b'c',
        0xe8..=0xeb => b'e',
        0xec..=0xef => b'i',
        0xf1 => b'n',
        0xf2..=0xf6 | 0xf8 => b'o',
        0xf9..=0xfc => b'u',
        0xfd | 0xff => b'y',
        _ => return 1000,
    };
    u32::from(table[usize::from(base - 0x20)])
}

/// Text in WinAnsiEncoding, the standard fonts' encoding. Characters it lacks become `?`;
/// combining accents are dropped, so a decomposed "é" prints as "e" rather than "e?".
fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            '\t' => b' ',
            ' '..='~' | '\u{a0}'..='\u{ff}' => c as u8,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8a,
            '‹' => 0x8b,
            'Œ' => 0x8c,
            'Ž' => 0x8e,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9a,
            '›' => 0x9b,
            'œ' => 0x9c,
            'ž' => 0x9e,
            'Ÿ' => 0x9f,
            _ => b'?',
        })
        .collect()
}

/// A PDF literal string. Parentheses and backslashes are escaped; bytes outside printable
/// ASCII are written as octal escapes so the content stream stays plain ASCII.
fn literal(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('(');
    for &byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            0x20..=0x7e => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out.push(')');
    out
}

/// A metadata string in UTF-16BE with a byte-order mark, the PDF way to keep any Unicode
/// text, so the title survives in full even where the page shows `?`.
fn unicode_hex(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

/// A PDF date: `D:YYYYMMDDHHmmSS+HH'mm'`.
fn pdf_date(at: OffsetDateTime) -> String {
    let offset = at.offset();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "(D:{:04}{:02}{:02}{:02}{:02}{:02}{sign}{:02}'{:02}')",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        offset.whole_hours().unsigned_abs(),
        offset.minutes_past_hour().unsigned_abs(),
    )
}

/// Content stream for one page.
fn page_content(page: &[Placed]) -> String {
    let mut out = String::new();
    for placed in page {
        let _ = writeln!(
            out,
            "BT /{} {} Tf {:.2} {:.2} Td {} Tj ET",
            placed.font.resource(),
            placed.size,
            placed.x,
            placed.y,
            literal(&placed.text)
        );
    }
    out
}

/// Object numbers fixed by the layout below; pages follow from [`FIRST_PAGE_OBJECT`].
const CATALOG: usize = 1;
const PAGES: usize = 2;
const FONT_REGULAR: usize = 3;
const FONT_BOLD: usize = 4;
const INFO: usize = 5;
const FIRST_PAGE_OBJECT: usize = 6;

/// Serialises the pages: header, objects, a cross-reference table with each object's byte
/// offset, and the trailer.
fn write_pdf(title: &str, created: OffsetDateTime, pages: &[Vec<Placed>]) -> Vec<u8> {
    // Each page is a page object followed by its content stream.
    let page_object = |index: usize| FIRST_PAGE_OBJECT + 2 * index;
    let mut objects: Vec<String> = Vec::new();
    objects.push(format!("<< /Type /Catalog /Pages {PAGES} 0 R >>"));
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", page_object(i)))
        .collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    ));
    for name in ["Helvetica", "Helvetica-Bold"] {
        objects.push(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
        ));
    }
    objects.push(format!(
        "<< /Title {} /Producer (resettle) /CreationDate {} >>",
        unicode_hex(title),
        pdf_date(created)
    ));
    for (index, page) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 {FONT_REGULAR} 0 R /F2 {FONT_BOLD} 0 R >> >> \
             /Contents {} 0 R >>",
            page_object(index) + 1
        ));
        let content = page_content(page);
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    debug_assert_eq!(objects.len(), FIRST_PAGE_OBJECT - 1 + 2 * pages.len());

    // A comment with high bytes marks the file as binary for transfer tools (PDF 7.5.2).
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (index, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", index + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        // Each entry is exactly 20 bytes, hence the space before the newline.
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn document() -> TextDocument {
        let mut doc = TextDocument::new(
            "Subject-access export: Amina Haddad",
            datetime!(2025-03-14 09:26:53 +01:00),
        );
        doc.section("Identity")
            .field("Name", "Amina Haddad")
            .field("Date of birth", "1987-05-02");
        doc
    }

    fn text(pdf: &[u8]) -> String {
        String::from_utf8_lossy(pdf).into_owned()
    }

    /// Parses the cross-reference table found through `startxref`: object number → offset.
    fn xref_offsets(pdf: &[u8]) -> Vec<(usize, usize)> {
        let text = text(pdf);
        let start: usize = text
            .rsplit_once("startxref\n")
            .expect("startxref")
            .1
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let table = &pdf[start..];
        assert!(table.starts_with(b"xref\n"), "startxref points at xref");
        let table = String::from_utf8(table.to_vec()).unwrap();
        let mut lines = table.lines().skip(1);
        let header: Vec<usize> = lines
            .next()
            .unwrap()
            .split(' ')
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(header[0], 0);
        let size = header[1];
        let entries: Vec<&str> = lines.by_ref().take(size).collect();
        assert_eq!(entries[0], "0000000000 65535 f ");
        assert!(lines.next() == Some("trailer"));
        assert!(table.contains(&format!("/Size {size} ")));
        // Entries are 20 bytes each including the line end.
        let raw = &pdf[start..];
        let first_entry = raw.windows(20).position(|w| w == b"0000000000 65535 f \n");
        assert!(first_entry.is_some());
        entries[1..]
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                assert_eq!(entry.len(), 19, "{entry:?}");
                assert!(entry.ends_with(" 00000 n "), "{entry:?}");
                (i + 1, entry[..10].parse().unwrap())
            })
            .collect()
    }

    /// The content streams, checking each `/Length` against the bytes between `stream` and
    /// `endstream`.
    fn streams(pdf: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut rest = pdf;
        while let Some(at) = rest.find("<< /Length ") {
            let after = &rest[at + "<< /Length ".len()..];
            let length: usize = after[..after.find(' ').unwrap()].parse().unwrap();
            let body_start = after.find("stream\n").unwrap() + "stream\n".len();
            let body = &after[body_start..body_start + length];
            assert!(after[body_start + length..].starts_with("endstream"));
            found.push(body);
            rest = &after[body_start + length..];
        }
        found
    }

    fn page_count(pdf: &str) -> usize {
        let count = pdf.split("/Count ").nth(1).expect("/Count");
        count[..count.find(' ').unwrap()].parse().unwrap()
    }

    #[test]
    fn header_and_end_of_file() {
        let pdf = document().to_pdf();
        assert!(pdf.starts_with(b"%PDF-1.4\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
    }

    #[test]
    fn xref_offsets_point_at_their_objects() {
        let pdf = document().to_pdf();
        let offsets = xref_offsets(&pdf);
        assert_eq!(
            offsets.len(),
            7,
            "5 fixed objects, one page and its content"
        );
        for (number, offset) in offsets {
            let header = format!("{number} 0 obj\n");
            assert!(
                pdf[offset..].starts_with(header.as_bytes()),
                "object {number} at {offset}"
            );
        }
        assert!(text(&pdf).contains("trailer\n<< /Size 8 /Root 1 0 R /Info 5 0 R >>"));
    }

    #[test]
    fn structure_names_fonts_pages_and_metadata() {
        let pdf = text(&document().to_pdf());
        assert!(pdf.contains("<< /Type /Catalog /Pages 2 0 R >>"));
        assert!(pdf.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"));
        assert!(pdf.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"));
        assert!(pdf.contains("/MediaBox [0 0 595.28 841.89]"));
        assert!(pdf.contains("/CreationDate (D:20250314092653+01'00')"));
        // "Su" in UTF-16BE after the byte-order mark.
        assert!(pdf.contains("/Title <FEFF00530075"));
        let streams = streams(&pdf);
        assert_eq!(streams.len(), 1);
        assert!(streams[0].contains("/F2 16 Tf"));
        assert!(streams[0].contains("(Date of birth) Tj"));
        assert!(streams[0].contains("(1987-05-02) Tj"));
        assert!(streams[0].contains("(page 1 of 1) Tj"));
    }

    #[test]
    fn negative_offsets_and_utc_dates() {
        assert_eq!(
            pdf_date(datetime!(2025-01-02 03:04:05 -03:30)),
            "(D:20250102030405-03'30')"
        );
        assert_eq!(
            pdf_date(datetime!(2025-01-02 03:04:05 UTC)),
            "(D:20250102030405+00'00')"
        );
    }

    #[test]
    fn parentheses_and_backslashes_are_escaped() {
        let mut doc = document();
        doc.section("Notes (internal)")
            .field("Path", r"C:\cases\(draft)")
            .field("Smile", ":-)");
        let pdf = text(&doc.to_pdf());
        let content = streams(&pdf).concat();
        assert!(content.contains(r"(Notes \(internal\)) Tj"), "{content}");
        assert!(content.contains(r"(C:\\cases\\\(draft\)) Tj"), "{content}");
        assert!(content.contains(r"(:-\)) Tj"), "{content}");
    }

    #[test]
    fn characters_outside_winansi_become_question_marks() {
        assert_eq!(encode("محمد Ali"), b"???? Ali");
        assert_eq!(encode("José Müller"), b"Jos\xe9 M\xfcller");
        assert_eq!(encode("Jose\u{301}"), b"Jose", "combining accent dropped");
        assert_eq!(encode("€ – “quoted” Œ"), b"\x80 \x96 \x93quoted\x94 \x8c");
        assert_eq!(encode("a\tb"), b"a b");
        assert_eq!(literal(b"Jos\xe9"), r"(Jos\351)");
        let mut doc = document();
        doc.section("Family").field("Name", "محمد حداد");
        let pdf = doc.to_pdf();
        assert!(
            pdf[15..].is_ascii(),
            "only the binary-marker comment is not ASCII"
        );
        assert!(text(&pdf).contains("(???? ????) Tj"));
    }

    #[test]
    fn long_values_wrap_within_their_column() {
        let value_width = PAGE_WIDTH - 2.0 * MARGIN - LABEL_WIDTH - COLUMN_GAP;
        let long = "Needs a ground-floor room near a hospital with a dialysis unit. ".repeat(8);
        let lines = wrap(&encode(&long), Font::Regular, BODY_SIZE, value_width);
        assert!(lines.len() > 4, "{}", lines.len());
        for line in &lines {
            assert!(text_width(line, Font::Regular, BODY_SIZE) <= value_width);
            assert!(!line.starts_with(b" ") && !line.ends_with(b" "));
        }
        let rejoined: Vec<u8> = lines.join(&b' ');
        assert_eq!(rejoined, encode(long.trim_end()));
        // A word wider than the column is broken rather than overflowing.
        let word = "W".repeat(200);
        let pieces = wrap(word.as_bytes(), Font::Bold, BODY_SIZE, 100.0);
        assert!(pieces.len() > 1);
        assert!(
            pieces
                .iter()
                .all(|p| text_width(p, Font::Bold, BODY_SIZE) <= 100.0)
        );
        assert_eq!(pieces.concat(), word.as_bytes());
        assert_eq!(
            wrap(b"", Font::Regular, 10.0, 100.0),
            vec![Vec::<u8>::new()]
        );
    }

    #[test]
    fn paragraphs_in_values_start_new_lines() {
        let lines = paragraphs("first\r\n\nthird", Font::Regular, BODY_SIZE, 300.0);
        assert_eq!(
            lines,
            vec![b"first".to_vec(), Vec::new(), b"third".to_vec()]
        );
    }

    #[test]
    fn many_fields_make_several_numbered_pages() {
        let mut doc = document();
        let section = doc.section("Case events");
        for i in 0..200 {
            section.field(format!("Event {i}"), "Interview held; notes filed.");
        }
        let pdf = doc.to_pdf();
        let pdf_text = text(&pdf);
        let count = page_count(&pdf_text);
        assert!(count >= 3, "{count}");
        assert_eq!(pdf_text.matches("/Type /Page ").count(), count);
        assert_eq!(streams(&pdf_text).len(), count);
        let kids = pdf_text.split("/Kids [").nth(1).unwrap();
        let kids = &kids[..kids.find(']').unwrap()];
        assert_eq!(kids.matches(" 0 R").count(), count);
        for n in 1..=count {
            assert!(pdf_text.contains(&format!("(page {n} of {count}) Tj")));
        }
        assert!(xref_offsets(&pdf).len() == 5 + 2 * count);
        // Every field is printed exactly once, in order, across the pages.
        let all = streams(&pdf_text).concat();
        let mut from = 0;
        for i in 0..200 {
            let at = all[from..].find(&format!("(Event {i}) Tj")).unwrap();
            from += at + 1;
        }
        assert_eq!(
            all.matches("(Interview held; notes filed.) Tj").count(),
            200
        );
    }

    #[test]
    fn text_stays_inside_the_page() {
        let mut doc = document();
        for s in 0..30 {
            let section = doc.section(format!("Section {s} with a rather long heading"));
            for i in 0..7 {
                section.field(
                    "A label long enough to wrap onto a second line",
                    "word ".repeat(i * 30),
                );
            }
        }
        let pdf = text(&doc.to_pdf());
        for stream in streams(&pdf) {
            let mut lines = stream.lines().peekable();
            while let Some(line) = lines.next() {
                let parts: Vec<&str> = line.split(' ').collect();
                assert_eq!(parts[0], "BT");
                let x: f32 = parts[4].parse().unwrap();
                let y: f32 = parts[5].parse().unwrap();
                assert!((MARGIN..PAGE_WIDTH - MARGIN).contains(&x), "{line}");
                if y != FOOTER_BASELINE {
                    assert!((BODY_BOTTOM..PAGE_HEIGHT - MARGIN).contains(&y), "{line}");
                }
                // A heading never ends a page: something other than the footer follows it.
                if line.contains("/F2 12 Tf") {
                    let next = lines.peek().expect("content after heading");
                    assert!(
                        !next.contains(&format!("{FOOTER_BASELINE:.2} Td")),
                        "{line}"
                    );
                }
            }
        }
    }

    #[test]
    fn empty_document_has_one_page() {
        let doc = TextDocument::new("", OffsetDateTime::UNIX_EPOCH);
        let pdf = text(&doc.to_pdf());
        assert_eq!(page_count(&pdf), 1);
        assert!(pdf.contains("/Title <FEFF>"));
        assert!(pdf.contains("(page 1 of 1) Tj"));
    }
}
