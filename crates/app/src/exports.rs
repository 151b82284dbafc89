//! Exports of the lists a user may see — cases, missions, a case's history, the audit
//! trail — as CSV or XLSX. Each list is read through the use case its page calls, so an
//! export shows exactly what the caller may see there (scope and fields) and is refused
//! where the page is; every cell goes through the one neutraliser ([`crate::export_csv`]);
//! every export is recorded in the trail.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::BTreeSet;

use serde::Serialize;

use crate::access::audit::{AuditQuery, AuditRecord};
use crate::bounds::CASES_PER_PAGE;
use crate::cases::CaseQuery;
use crate::export_csv::{SafeCsv, SheetCell, sheet_cell};
use crate::{App, AppError, Caller};

/// A list that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListName {
    /// The cases the caller may see, with the fields they may see.
    Cases,
    /// Selection missions.
    Missions,
    /// One case's history.
    Events,
    /// The audit trail (auditors).
    Audit,
}

impl ListName {
    /// Every list.
    pub const ALL: [ListName; 4] = [
        ListName::Cases,
        ListName::Missions,
        ListName::Events,
        ListName::Audit,
    ];

    /// The list's word on the command line, in addresses and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ListName::Cases => "cases",
            ListName::Missions => "missions",
            ListName::Events => "events",
            ListName::Audit => "audit",
        }
    }

    /// The list named `word`.
    pub fn parse(word: &str) -> Option<ListName> {
        ListName::ALL.into_iter().find(|l| l.as_str() == word)
    }
}

/// A spreadsheet format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// Comma-separated values.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl SheetFormat {
    /// The format's word, and its file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            SheetFormat::Csv => "csv",
            SheetFormat::Xlsx => "xlsx",
        }
    }

    /// The format named `word`.
    pub fn parse(word: &str) -> Option<SheetFormat> {
        [SheetFormat::Csv, SheetFormat::Xlsx]
            .into_iter()
            .find(|f| f.as_str() == word)
    }

    /// Its media type.
    pub fn content_type(self) -> &'static str {
        match self {
            SheetFormat::Csv => "text/csv; charset=utf-8",
            SheetFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// Which list.
    pub list: ListName,
    /// In what format.
    pub format: SheetFormat,
    /// The case list's filters (its page is not exported: every matching case is).
    pub cases: CaseQuery,
    /// The case whose history to export.
    pub case_number: Option<String>,
    /// The audit trail's filters.
    pub audit: AuditQuery,
}

/// An exported file.
#[derive(Debug, Clone)]
pub struct ExportFile {
    /// A file name to save it as.
    pub name: String,
    /// Its media type.
    pub content_type: &'static str,
    /// The file.
    pub bytes: Vec<u8>,
}

/// Rows of text under a header: what every list becomes before it is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// Column names.
    pub columns: Vec<String>,
    /// One row per item.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// Items as rows, one column per field any item has (the fields a caller may not see
    /// are absent from their items, so absent from the sheet), `first` columns leading.
    fn of<T: Serialize>(items: &[T], first: &[&str]) -> Result<Sheet, AppError> {
        let values: Vec<serde_json::Map<String, serde_json::Value>> = items
            .iter()
            .map(|i| match serde_json::to_value(i) {
                Ok(serde_json::Value::Object(m)) => Ok(m),
                _ => Err(AppError::Internal("export: an item is not a record".into())),
            })
            .collect::<Result<_, _>>()?;
        let keys: BTreeSet<&str> = values
            .iter()
            .flat_map(|m| m.keys().map(String::as_str))
            .collect();
        let columns: Vec<String> = first
            .iter()
            .filter(|c| keys.contains(*c))
            .map(|c| c.to_string())
            .chain(
                keys.iter()
                    .filter(|k| !first.contains(k))
                    .map(|k| k.to_string()),
            )
            .collect();
        let rows = values
            .iter()
            .map(|m| {
                columns
                    .iter()
                    .map(|c| m.get(c).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        Ok(Sheet { columns, rows })
    }

    /// The sheet as CSV.
    pub fn csv(&self) -> Result<Vec<u8>, AppError> {
        let mut csv = SafeCsv::new(&self.columns)?;
        for r in &self.rows {
            csv.row(r)?;
        }
        Ok(csv.finish()?.into_bytes())
    }

    /// The sheet as an XLSX workbook of one worksheet named `name`: numbers as numbers,
    /// every other cell a string (never a formula), neutralised as in CSV.
    pub fn xlsx(&self, name: &str) -> Result<Vec<u8>, AppError> {
        let failed = |e: rust_xlsxwriter::XlsxError| AppError::internal("xlsx", e);
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(failed)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (c, title) in self.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, crate::export_csv::neutralise(title), &bold)
                .map_err(failed)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)
                .map_err(|_| AppError::Internal("xlsx: too many rows".into()))?;
            for (c, value) in row.iter().enumerate() {
                match sheet_cell(value) {
                    SheetCell::Number(n) => sheet.write_number(r, c as u16, n),
                    SheetCell::Text(t) => sheet.write_string(r, c as u16, t),
                }
                .map_err(failed)?;
            }
        }
        book.save_to_buffer().map_err(failed)
    }
}

/// A JSON value as one cell: text as it is, a list joined by `; `, a record as JSON.
fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

impl App {
    /// A list as the caller may see it, as CSV or XLSX; recorded in the trail as an
    /// export. Refused as the list's page is.
    pub async fn export_list(
        &self,
        caller: &Caller,
        request: &ExportRequest,
    ) -> Result<ExportFile, AppError> {
        let (sheet, subject) = match request.list {
            ListName::Cases => (
                self.case_sheet(caller, &request.cases).await?,
                String::new(),
            ),
            ListName::Missions => {
                let list = self.missions().await?;
                (
                    Sheet::of(&list.missions, &["code", "programme"])?,
                    String::new(),
                )
            }
            ListName::Events => {
                let number = request
                    .case_number
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .ok_or_else(|| {
                        resettle_domain::Refusal::of("case", resettle_domain::RefusalKind::Missing)
                    })?;
                let events = self.case_events(caller, number).await?;
                (
                    Sheet::of(&events, &["at", "from", "to", "by"])?,
                    number.to_string(),
                )
            }
            ListName::Audit => {
                let rows: Vec<AuditRecord> = self.audit_entries(caller, &request.audit).await?;
                let sheet = Sheet {
                    columns: AuditRecord::COLUMNS.iter().map(|c| c.to_string()).collect(),
                    rows: rows.iter().map(|r| r.cells().to_vec()).collect(),
                };
                (sheet, String::new())
            }
        };
        let list = request.list.as_str();
        let bytes = match request.format {
            SheetFormat::Csv => sheet.csv()?,
            SheetFormat::Xlsx => sheet.xlsx(list)?,
        };
        let entity = match request.list {
            ListName::Audit => AuditEntity::AuditLog,
            ListName::Events => AuditEntity::CaseEvents,
            ListName::Cases => AuditEntity::CaseList,
            ListName::Missions => AuditEntity::Missions,
        };
        self.record_ok(
            caller,
            AuditAction::Export,
            entity,
            &subject,
            "",
            &format!("{} rows as {}", sheet.rows.len(), request.format.as_str()),
        )
        .await?;
        let today = self.today();
        let name = if subject.is_empty() {
            format!("{list}-{today}.{}", request.format.as_str())
        } else {
            format!("{list}-{subject}-{today}.{}", request.format.as_str())
        };
        Ok(ExportFile {
            name,
            content_type: request.format.content_type(),
            bytes,
        })
    }

    /// Every case matching the list's filters, page by page as the list reads them: each
    /// after the last case of the one before, or by page number on the overdue list.
    async fn case_sheet(&self, caller: &Caller, q: &CaseQuery) -> Result<Sheet, AppError> {
        let per_page = *CASES_PER_PAGE.end();
        let mut items = Vec::new();
        let (mut page, mut after) = (1, None);
        loop {
            let list = self
                .list_cases(
                    caller,
                    &CaseQuery {
                        page: Some(page),
                        per_page: Some(per_page),
                        after: after.take(),
                        ..q.clone()
                    },
                )
                .await?;
            let full = list.items.len() == per_page as usize;
            items.extend(list.items);
            match list.next {
                Some(next) => after = Some(next),
                None if full && q.overdue == Some(true) => page += 1,
                None => break,
            }
        }
        Sheet::of(&items, &["case_number", "programme", "state"])
    }
}
