//! A [`Document`] as one HTML page: the canonical form of a report, readable in any
//! browser and by screen readers (headings, captioned tables with header cells, charts
//! with a title), styled by its own stylesheet so it stands alone when saved.
use std::fmt::Write;

use crate::document::{Block, Cell, Column, Document, Field, Table};

/// The report's stylesheet: inside a saved page, or served beside it where the page's
/// Content Security Policy refuses inline styles (the web server's).
pub const STYLESHEET: &str = "body{margin:0;font:16px/1.5 'Noto Sans',system-ui,sans-serif;color:#1d2430;background:#fff}\
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{font-size:1.7rem;margin:.5rem 0}\
.subtitle{font-size:1.15rem;color:#5b6675;margin-top:0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d8dee6}\
h3{font-size:1.05rem}dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1.2rem}\
dl.fields dt{font-weight:600}dl.fields dd{margin:0}nav.contents ol{padding-inline-start:1.5rem}\
.scroll{overflow-x:auto}table{border-collapse:collapse;margin:.25rem 0 1.25rem;min-width:50%}\
caption{text-align:start;font-weight:600;padding:.25rem 0}th,td{padding:.3rem .6rem;border-bottom:1px solid #d8dee6;text-align:start}\
thead th{background:#eef1f5}td.n,th.n{text-align:end;font-variant-numeric:tabular-nums}tfoot td,tfoot th{font-weight:700}\
figure{margin:0 0 1rem}figcaption{color:#5b6675;font-size:.9rem}svg.chart{width:100%;height:auto}\
svg .pledged{fill:#c9d6e8}svg .arrived{fill:#0b5cad}svg .grid{stroke:#d8dee6}svg .axis{font-size:11px;fill:#5b6675}\
svg .gap{font-size:11px;fill:#a3260b;font-weight:600}";

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn fields(out: &mut String, list: &[Field]) {
    out.push_str("<dl class=\"fields\">");
    for f in list {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&f.label),
            escape(&f.value)
        );
    }
    out.push_str("</dl>");
}

fn row(out: &mut String, columns: &[Column], cells: &[Cell]) {
    out.push_str("<tr>");
    for (i, (cell, column)) in cells.iter().zip(columns).enumerate() {
        let class = if column.numeric { " class=\"n\"" } else { "" };
        // The first cell names the row, for a screen reader reading across.
        let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
        let close = if i == 0 { "th" } else { "td" };
        let _ = write!(out, "<{tag}{class}>{}</{close}>", escape(&cell.text));
    }
    out.push_str("</tr>");
}

fn table(out: &mut String, t: &Table) {
    let _ = write!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-{0}-caption\"><table id=\"table-{0}\"><caption id=\"table-{0}-caption\">{1}</caption><thead><tr>",
        escape(&t.key),
        escape(&t.caption)
    );
    for c in &t.columns {
        let class = if c.numeric { " class=\"n\"" } else { "" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(&c.label));
    }
    out.push_str("</tr></thead><tbody>");
    for r in &t.rows {
        row(out, &t.columns, r);
    }
    out.push_str("</tbody>");
    if let Some(total) = &t.total {
        out.push_str("<tfoot>");
        row(out, &t.columns, total);
        out.push_str("</tfoot>");
    }
    out.push_str("</table></div>");
}

/// The document as a standalone HTML page in its language and direction, its stylesheet
/// inside it: a file to keep or send.
pub fn render(doc: &Document) -> String {
    page(doc, &format!("<style>{STYLESHEET}</style>"))
}

/// The document as an HTML page whose stylesheet ([`STYLESHEET`]) is served at `href`.
pub fn render_linked(doc: &Document, href: &str) -> String {
    page(
        doc,
        &format!("<link rel=\"stylesheet\" href=\"{}\">", escape(href)),
    )
}

fn page(doc: &Document, style: &str) -> String {
    let lang = doc.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} — {}</title>{style}</head><body><main>\
         <h1>{}</h1><p class=\"subtitle\">{}</p>",
        lang.code(),
        if lang.rtl() { "rtl" } else { "ltr" },
        escape(&doc.title),
        escape(&doc.subtitle),
        escape(&doc.title),
        escape(&doc.subtitle),
    );
    fields(&mut out, &doc.meta);
    if let Some(contents) = &doc.contents {
        let _ = write!(
            out,
            "<nav class=\"contents\" aria-labelledby=\"contents\"><h2 id=\"contents\">{}</h2><ol>",
            escape(contents)
        );
        for s in &doc.sections {
            let _ = write!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                escape(&s.key),
                escape(&s.heading)
            );
        }
        out.push_str("</ol></nav>");
    }
    for s in &doc.sections {
        let _ = write!(
            out,
            "<section aria-labelledby=\"{0}\"><h2 id=\"{0}\">{1}</h2>",
            escape(&s.key),
            escape(&s.heading)
        );
        for b in &s.blocks {
            match b {
                Block::Paragraph { text } => {
                    let _ = write!(out, "<p>{}</p>", escape(text));
                }
                Block::Subheading { text } => {
                    let _ = write!(out, "<h3>{}</h3>", escape(text));
                }
                Block::Fields { fields: list } => fields(&mut out, list),
                Block::Table(t) => table(&mut out, t),
                Block::Chart { svg, caption } => {
                    // The SVG is drawn by the charts module, which escapes every label.
                    let _ = write!(
                        out,
                        "<figure>{svg}<figcaption>{}</figcaption></figure>",
                        escape(caption)
                    );
                }
            }
        }
        out.push_str("</section>");
    }
    out.push_str("</main></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Section;
    use crate::lang::DocLang;

    #[test]
    fn text_is_escaped_and_the_direction_follows_the_language() {
        let doc = Document {
            lang: DocLang::Ar,
            title: "<script>".into(),
            subtitle: "a & b".into(),
            meta: vec![],
            title_page: false,
            contents: None,
            sections: vec![Section {
                heading: "h".into(),
                key: "h".into(),
                blocks: vec![Block::Paragraph {
                    text: "\"x\"".into(),
                }],
            }],
            created: time::OffsetDateTime::UNIX_EPOCH,
        };
        let html = render(&doc);
        assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
        assert!(html.contains("&quot;x&quot;") && html.contains("a &amp; b"));
    }
}
