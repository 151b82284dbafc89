//! `/import`: UNHCR submissions from a spreadsheet in the browser, as `resettle import
//! cases` and `POST /api/v1/imports/cases` take them. The file is checked first (a dry run
//! that writes nothing and says how many cases and persons would be registered), then
//! imported from the preview, which carries the file it checked so the reader need not
//! choose it again. A refused file lists every bad row, its reason in the reader's words.
//!
//! The forms are `multipart/form-data` (a file upload); axum's multipart extractor is a
//! feature this build leaves out, so [`parts`] reads the few fields these forms send.
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use resettle_app::bounds::IMPORT_BYTES;
use resettle_app::import::{FileKind, ImportOutcome, RowProblem};
use resettle_app::{App, Permission, Session};
use resettle_domain::audit::AuditEntity;
use resettle_domain::refusal::Vocabulary;
use resettle_domain::{Refusal, RefusalKind};
use serde::Serialize;

use super::{Lang, failed, refusals, render, user_context};
use crate::ApiError;
use crate::session::{SignedIn, check_csrf};

/// Where the page is.
pub(crate) const PATH: &str = "/import";

/// The most a form may send: the file, or the preview's hex of it, and the other fields.
const FORM_BYTES: usize = 2 * IMPORT_BYTES + 64 * 1024;

/// One field of a multipart form.
#[derive(Debug, PartialEq, Eq)]
struct Part<'a> {
    name: String,
    filename: Option<String>,
    data: &'a [u8],
}

/// The fields of a `multipart/form-data` body whose content type is `content_type`, or
/// `None` when it is not one (RFC 7578: each part opens with `--boundary`, its headers,
/// an empty line, and runs to the CRLF before the next `--boundary`).
fn parts<'a>(content_type: &str, body: &'a [u8]) -> Option<Vec<Part<'a>>> {
    let (essence, params) = content_type.split_once(';')?;
    if !essence.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.eq_ignore_ascii_case("boundary")
            .then(|| v.trim_matches('"').to_string())
    })?;
    let delimiter = format!("\r\n--{boundary}").into_bytes();
    // The first delimiter has no CRLF before it.
    let mut rest = body.strip_prefix(&delimiter[2..])?;
    let mut out = Vec::new();
    while !rest.starts_with(b"--") {
        rest = rest.strip_prefix(b"\r\n")?;
        let end = find(rest, &delimiter)?;
        let part = &rest[..end];
        rest = &rest[end + delimiter.len()..];
        let split = find(part, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&part[..split]).ok()?;
        let data = &part[split + 4..];
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        let param = |key: &str| {
            disposition.split(';').find_map(|p| {
                let (k, v) = p.trim().split_once('=')?;
                (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
            })
        };
        out.push(Part {
            name: param("name")?,
            filename: param("filename"),
            data,
        });
    }
    Some(out)
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A bad row as the page shows it.
#[derive(Debug, Serialize)]
struct ShownProblem {
    row: usize,
    column: String,
    value: String,
    reason: String,
}

/// What the page shows besides the form.
#[derive(Default)]
struct Shown {
    /// The programme chosen.
    programme: String,
    /// The file's name.
    name: String,
    /// A dry run's counts, with the file (hex) to import from the preview.
    preview: Option<(ImportOutcome, String)>,
    /// An import's counts.
    done: Option<ImportOutcome>,
    /// A refused file's rows.
    problems: Vec<ShownProblem>,
    /// A refusal of the form itself (no file, not CSV or XLSX), worded.
    refused: Option<String>,
}

/// The page for those who may submit cases; others get "not allowed".
async fn page_with(lang: Lang, app: &App, session: &Session, shown: Shown) -> Response {
    if let Err(e) = app
        .require(
            &session.caller,
            Permission::SubmitCase,
            AuditEntity::ImportCases,
            "",
        )
        .await
    {
        return failed(lang, Some(session), e);
    }
    let programmes = match app.programmes().await {
        Ok(p) => p,
        Err(e) => return failed(lang, Some(session), e),
    };
    let refused = !shown.problems.is_empty() || shown.refused.is_some();
    let page = render(
        "import.html",
        lang,
        context! {
            user => user_context(Some(session)),
            programmes => programmes.iter().map(|p| (p.code.clone(), p.name.clone())).collect::<Vec<_>>(),
            programme => shown.programme,
            name => shown.name,
            columns => resettle_app::import::COLUMNS,
            preview => shown.preview.as_ref().map(|(o, _)| Value::from(Serde(o))),
            data => shown.preview.map(|(_, hex)| hex),
            done => shown.done.map(|o| Value::from(Serde(&o))),
            problems => Value::from(Serde(&shown.problems)),
            refused => shown.refused,
        },
    );
    if refused {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "nothing was imported").status_of(page)
    } else {
        page
    }
}

/// `GET /import`: the form.
pub(crate) async fn page(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
) -> Response {
    page_with(lang, &app, &session, Shown::default()).await
}

/// `POST /import`: checks the file chosen (`action=check`, writing nothing) or imports
/// the file the preview carries (`action=import`); either way a refused file lists every
/// bad row and nothing is written.
pub(crate) async fn post(
    lang: Lang,
    State(app): State<App>,
    SignedIn { session, .. }: SignedIn,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(bytes) = axum::body::to_bytes(body, FORM_BYTES).await else {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("mib", IMPORT_BYTES / (1024 * 1024));
        let detail = lang
            .message("import-too-large", Some(&args))
            .unwrap_or_else(|id| id);
        let too_large = ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, detail);
        return failed(lang, Some(&session), too_large);
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let Some(parts) = parts(content_type, &bytes) else {
        return failed(
            lang,
            Some(&session),
            ApiError::new(StatusCode::BAD_REQUEST, "the form could not be read"),
        );
    };
    let text = |name: &str| {
        parts
            .iter()
            .find(|p| p.name == name)
            .map_or(String::new(), |p| {
                String::from_utf8_lossy(p.data).into_owned()
            })
    };
    if let Err(refused) = check_csrf(&session, &text("csrf")) {
        return failed(lang, Some(&session), refused);
    }
    let importing = text("action") == "import";
    let (name, file) = if importing {
        (text("name"), hex::decode(text("data")).unwrap_or_default())
    } else {
        match parts.iter().find(|p| p.name == "file") {
            Some(p) => (p.filename.clone().unwrap_or_default(), p.data.to_vec()),
            None => (String::new(), Vec::new()),
        }
    };
    let mut shown = Shown {
        programme: text("programme"),
        name: name.clone(),
        ..Shown::default()
    };
    let kind = if file.is_empty() {
        Err(Refusal::of("file", RefusalKind::Missing))
    } else {
        FileKind::of(&name).ok_or_else(|| {
            Refusal::of(
                "file",
                RefusalKind::NotInList {
                    given: name.clone(),
                    allowed: vec![".csv".into(), ".xlsx".into()],
                    of: Vocabulary::Plain,
                },
            )
        })
    };
    let kind = match kind {
        Ok(k) => k,
        Err(r) => {
            shown.refused = Some(refusals::reason(lang, &r.kind, None));
            return page_with(lang, &app, &session, shown).await;
        }
    };
    let outcome = app
        .import_cases(
            &session.caller,
            &shown.programme,
            kind,
            &file,
            None,
            !importing,
        )
        .await;
    match outcome {
        Ok(Ok(o)) if o.dry_run => shown.preview = Some((o, hex::encode(&file))),
        Ok(Ok(o)) => shown.done = Some(o),
        Ok(Err(rows)) => shown.problems = rows.iter().map(|p| worded(lang, p)).collect(),
        Err(e) => return failed(lang, Some(&session), e),
    }
    page_with(lang, &app, &session, shown).await
}

/// A bad row with its reason in the reader's words.
fn worded(lang: Lang, p: &RowProblem) -> ShownProblem {
    ShownProblem {
        row: p.row,
        column: p.column.clone(),
        value: p.value.clone(),
        reason: refusals::reason(lang, &p.kind, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_of_a_multipart_form_are_read_with_the_file_name() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\
Content-Type: text/csv\r\n\r\nx,y\r\n1,2\r\n\r\n--XyZ--\r\n";
        let got = parts("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].name.as_str(), got[0].data), ("csrf", &b"abc"[..]));
        assert_eq!(got[1].filename.as_deref(), Some("a.csv"));
        assert_eq!(got[1].data, b"x,y\r\n1,2\r\n");
        assert!(parts("text/csv", body).is_none());
        assert!(parts("multipart/form-data; boundary=Other", body).is_none());
        assert!(parts("multipart/form-data; boundary=XyZ", b"--XyZ\r\nbroken").is_none());
    }
}
