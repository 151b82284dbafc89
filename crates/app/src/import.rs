//! Reading UNHCR submissions from a spreadsheet (CSV or XLSX), one row per person, in the
//! issue 21 layout:
//! `case_number,country_of_asylum,nationality,categories,priority,channel,submitted_on,
//! member_no,relationship,full_name,date_of_birth,sex,languages,education,occupation,
//! linked_cases` (lists separated by `;`; the last three may be empty).
//!
//! All or nothing: every cell is checked with the domain's own parsers and every problem
//! is reported with its row (as the spreadsheet numbers it, the header being row 1), its
//! column, the value and the reason; the cases come out only when there is none, and
//! [`App::import_cases`] writes them in one transaction. Importing the same file again
//! changes nothing: a case number already registered is left as it is.
use resettle_domain::audit::AuditEntity;
use std::collections::BTreeMap;

use resettle_domain::RefusalKind;
use resettle_domain::case::{CaseNumber, Channel, Priority, Relationship, Sex, SubmissionCategory};
use resettle_domain::country::CountryCode;
use resettle_domain::reference;
use resettle_domain::refusal::Vocabulary;
use serde::Serialize;
use time::Date;

use crate::bounds::CASE_MEMBERS;
use crate::cases::{NewCase, NewMember};
use crate::{App, AppError, Caller, Permission};

pub mod mapping;
pub use mapping::{Mapping, MappingError};

/// The columns, exactly and in this order.
pub const COLUMNS: [&str; 16] = [
    "case_number",
    "country_of_asylum",
    "nationality",
    "categories",
    "priority",
    "channel",
    "submitted_on",
    "member_no",
    "relationship",
    "full_name",
    "date_of_birth",
    "sex",
    "languages",
    "education",
    "occupation",
    "linked_cases",
];

/// The columns of the case, the same on every row of its members.
const CASE_COLUMNS: [usize; 7] = [1, 2, 3, 4, 5, 6, 15];

/// Rows at most in one file.
pub const MAX_ROWS: usize = 200_000;

/// One thing wrong in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowProblem {
    /// The row as the spreadsheet numbers it (the header is row 1); 0 for the file.
    pub row: usize,
    /// The column's name, or empty for the whole row or file.
    pub column: String,
    /// The value refused, as given.
    pub value: String,
    /// Why, in English.
    pub reason: String,
    /// Why, typed, for a page to word in the reader's language.
    #[serde(skip)]
    pub kind: RefusalKind,
}

impl RowProblem {
    fn at(row: usize, column: &str, value: &str, kind: RefusalKind) -> RowProblem {
        RowProblem {
            row,
            column: column.into(),
            value: value.into(),
            reason: kind.to_string(),
            kind,
        }
    }
}

/// The kind of file, by its name's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Comma-separated values, UTF-8.
    Csv,
    /// An Excel workbook: its first sheet.
    Xlsx,
}

impl FileKind {
    /// `.csv` or `.xlsx` (any case); anything else is refused.
    pub fn of(name: &str) -> Option<FileKind> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(FileKind::Csv)
        } else if lower.ends_with(".xlsx") {
            Some(FileKind::Xlsx)
        } else {
            None
        }
    }
}

/// The cells of a file as text, row by row. The one problem of a file that cannot be read comes back in a list, as every problem
/// of the import does.
pub fn read_table(kind: FileKind, bytes: &[u8]) -> Result<Vec<Vec<String>>, Vec<RowProblem>> {
    let unreadable = |e: &dyn std::fmt::Display| {
        vec![RowProblem::at(
            0,
            "",
            "",
            RefusalKind::Unreadable {
                detail: e.to_string(),
            },
        )]
    };
    let rows = match kind {
        FileKind::Csv => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes);
            let mut rows = Vec::new();
            let mut count = 0;
            // Past the bound the rows are only counted, so the refusal says how many.
            for record in reader.records() {
                let record = record.map_err(|e| unreadable(&e))?;
                count += 1;
                if count <= MAX_ROWS + 1 {
                    rows.push(record.iter().map(str::to_string).collect());
                }
            }
            (count, rows)
        }
        FileKind::Xlsx => {
            use calamine::Reader;
            let mut book =
                calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
            let range = match book.worksheet_range_at(0) {
                Some(r) => r.map_err(|e| unreadable(&e))?,
                None => return Err(unreadable(&"it has no sheet")),
            };
            let rows = range
                .rows()
                .take(MAX_ROWS + 1)
                .map(|r| r.iter().map(cell_text).collect())
                .collect();
            (range.height(), rows)
        }
    };
    let (count, rows) = rows;
    if count > MAX_ROWS + 1 {
        return Err(vec![RowProblem::at(
            0,
            "",
            "",
            RefusalKind::TooMany {
                max: MAX_ROWS,
                got: count - 1,
            },
        )]);
    }
    Ok(rows)
}

/// A spreadsheet cell as the text a CSV would hold: whole numbers without `.0`, dates as
/// ISO days.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_day(d.as_f64()).map_or_else(|| d.to_string(), |d| d.to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The day of an Excel serial number (days since 30 December 1899).
fn excel_day(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    epoch.checked_add(time::Duration::days(serial.floor() as i64))
}

/// A day written `YYYY-MM-DD`.
fn iso_day(s: &str) -> Result<Date, RefusalKind> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| {
        RefusalKind::NotADay {
            given: s.to_string(),
        }
    })
}

/// The items of a `;` list, trimmed, without empty ones.
fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// One row checked: the case's part and the member, or nothing when a cell was refused.
struct Checked {
    case_number: String,
    member_no: u32,
    member: NewMember,
}

/// Checks one data row, pushing every problem it has.
fn check_row(row: usize, cells: &[String], problems: &mut Vec<RowProblem>) -> Option<Checked> {
    let before = problems.len();
    let cell = |c: usize| cells.get(c).map_or("", |s| s.trim());
    let mut refuse = |c: usize, kind: RefusalKind| {
        problems.push(RowProblem::at(row, COLUMNS[c], cell(c), kind));
    };
    let domain = |r: Result<(), resettle_domain::ParseError>| r.map_err(|e| e.kind);
    if let Err(e) = domain(CaseNumber::parse(cell(0)).map(drop)) {
        refuse(0, e);
    }
    for c in [1, 2] {
        if let Err(e) = domain(CountryCode::parse(COLUMNS[c], cell(c)).map(drop)) {
            refuse(c, e);
        }
    }
    let categories = list(cell(3));
    if categories.is_empty() {
        refuse(3, RefusalKind::Missing);
    }
    for k in &categories {
        if let Err(e) = domain(k.parse::<SubmissionCategory>().map(drop)) {
            refuse(3, e);
        }
    }
    if let Err(e) = domain(cell(4).parse::<Priority>().map(drop)) {
        refuse(4, e);
    }
    if let Err(e) = domain(cell(5).parse::<Channel>().map(drop)) {
        refuse(5, e);
    }
    if let Err(e) = iso_day(cell(6)) {
        refuse(6, e);
    }
    let member_no = match cell(7).parse::<u32>() {
        Ok(n) if CASE_MEMBERS.contains(&n) => Some(n),
        _ => {
            refuse(
                7,
                RefusalKind::OutOfRange {
                    min: CASE_MEMBERS.start().to_string(),
                    max: CASE_MEMBERS.end().to_string(),
                    got: cell(7).to_string(),
                },
            );
            None
        }
    };
    let relationship = cell(8).parse::<Relationship>();
    if let Err(e) = &relationship {
        refuse(8, e.kind.clone());
    }
    if cell(9).is_empty() {
        refuse(9, RefusalKind::Missing);
    }
    let born = iso_day(cell(10));
    if let Err(e) = &born {
        refuse(10, e.clone());
    }
    let sex = cell(11).parse::<Sex>();
    if let Err(e) = &sex {
        refuse(11, e.kind.clone());
    }
    for l in list(cell(12)) {
        if let Err(e) = domain(reference::language("languages", &l).map(drop)) {
            refuse(12, e);
        }
    }
    for n in list(cell(15)) {
        if let Err(e) = domain(CaseNumber::parse(&n).map(drop)) {
            refuse(15, e);
        }
    }
    if cells.len() > COLUMNS.len() && cells[COLUMNS.len()..].iter().any(|c| !c.trim().is_empty()) {
        problems.push(RowProblem::at(
            row,
            "",
            "",
            RefusalKind::TooMany {
                max: COLUMNS.len(),
                got: cells.len(),
            },
        ));
    }
    if problems.len() > before {
        return None;
    }
    let optional = |c: usize| Some(cell(c).to_string()).filter(|s| !s.is_empty());
    Some(Checked {
        case_number: cell(0).to_string(),
        member_no: member_no?,
        member: NewMember {
            full_name: cell(9).to_string(),
            date_of_birth: born.ok()?,
            sex: sex.ok()?,
            relationship: relationship.ok()?,
            languages: list(cell(12)),
            education: optional(13),
            occupation: optional(14),
        },
    })
}

/// A case as its rows are gathered: its first row, its case cells as on that row, and its
/// members by number.
type Gathered = (usize, Vec<String>, BTreeMap<u32, NewMember>);

/// The cases of a table whose first row is the header, for `programme`, each with the
/// row it starts on; or every problem.
pub fn cases(
    programme: &str,
    table: &[Vec<String>],
) -> Result<Vec<(usize, NewCase)>, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let Some((header, rows)) = table.split_first() else {
        return Err(vec![RowProblem::at(0, "", "", RefusalKind::Missing)]);
    };
    let header: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    if header.iter().take(COLUMNS.len()).ne(COLUMNS.iter())
        || header[COLUMNS.len().min(header.len())..]
            .iter()
            .any(|h| !h.is_empty())
    {
        return Err(vec![RowProblem::at(
            1,
            "",
            &header.join(","),
            RefusalKind::NotInList {
                given: header.join(","),
                allowed: vec![COLUMNS.join(",")],
                of: Vocabulary::Plain,
            },
        )]);
    }
    if rows.is_empty() {
        // Nothing under the header.
        return Err(vec![RowProblem::at(0, "", "", RefusalKind::Missing)]);
    }
    let mut by_case: BTreeMap<String, Gathered> = BTreeMap::new();
    let mut order = Vec::new();
    for (i, cells) in rows.iter().enumerate() {
        let row = i + 2;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(checked) = check_row(row, cells, &mut problems) else {
            continue;
        };
        let case_cells: Vec<String> = CASE_COLUMNS
            .iter()
            .map(|&c| cells.get(c).map_or("", |s| s.trim()).to_string())
            .collect();
        let entry = by_case
            .entry(checked.case_number.clone())
            .or_insert_with(|| {
                order.push(checked.case_number.clone());
                (row, case_cells.clone(), BTreeMap::new())
            });
        for (k, &c) in CASE_COLUMNS.iter().enumerate() {
            if entry.1[k] != case_cells[k] {
                problems.push(RowProblem::at(
                    row,
                    COLUMNS[c],
                    &case_cells[k],
                    RefusalKind::DiffersInCase {
                        row: entry.0,
                        first: entry.1[k].clone(),
                    },
                ));
            }
        }
        if entry.2.insert(checked.member_no, checked.member).is_some() {
            problems.push(RowProblem::at(
                row,
                "member_no",
                &checked.member_no.to_string(),
                RefusalKind::MemberTwice {
                    given: checked.member_no.to_string(),
                },
            ));
        }
    }
    let mut out = Vec::new();
    for number in order {
        let (row, cells, members) = by_case.remove(&number).expect("every case in order");
        if members.keys().copied().ne(1..=members.len() as u32) {
            problems.push(RowProblem::at(
                row,
                "member_no",
                "",
                RefusalKind::MembersNotNumbered {
                    case: number.clone(),
                    count: members.len(),
                },
            ));
            continue;
        }
        let day = iso_day(&cells[5]).expect("checked");
        out.push((
            row,
            NewCase {
                case_number: number,
                programme: programme.to_string(),
                country_of_asylum: cells[0].clone(),
                nationality: cells[1].clone(),
                categories: list(&cells[2])
                    .iter()
                    .map(|c| c.parse().expect("checked"))
                    .collect(),
                priority: cells[3].parse().expect("checked"),
                channel: cells[4].parse().expect("checked"),
                submitted_on: Some(day),
                members: members.into_values().collect(),
                linked_cases: list(&cells[6]),
            },
        ));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        problems.sort_by_key(|p| p.row);
        Err(problems)
    }
}

/// What an import did, or would do on a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    /// Cases in the file.
    pub cases: usize,
    /// Persons in the file.
    pub persons: usize,
    /// Cases registered (or that would be, on a dry run).
    pub added: usize,
    /// Cases already registered, left as they are.
    pub unchanged: usize,
    /// Nothing was written.
    pub dry_run: bool,
}

impl App {
    /// Imports UNHCR submissions from a CSV or XLSX file into `programme`: every case the
    /// file holds that is not yet registered, in one transaction, or nothing. The inner
    /// `Err` lists every problem of a refused file (nothing written); the outer one is a
    /// refusal of the caller or a storage failure. Case officers, as for one submission.
    /// A `mapping` reads another layout as this one.
    pub async fn import_cases(
        &self,
        caller: &Caller,
        programme: &str,
        kind: FileKind,
        bytes: &[u8],
        mapping: Option<&Mapping>,
        dry_run: bool,
    ) -> Result<Result<ImportOutcome, Vec<RowProblem>>, AppError> {
        self.require(
            caller,
            Permission::SubmitCase,
            AuditEntity::ImportCases,
            programme,
        )
        .await?;
        let policy = self.programme_policy(programme).await?;
        let table = match read_table(kind, bytes) {
            Ok(t) => t,
            Err(p) => return Ok(Err(p)),
        };
        let table = match mapping.map(|m| m.apply(&table)).transpose() {
            Ok(mapped) => mapped.unwrap_or(table),
            Err(p) => return Ok(Err(p)),
        };
        let found = match cases(programme, &table) {
            Ok(c) => c,
            Err(p) => return Ok(Err(p)),
        };
        let persons = found.iter().map(|(_, c)| c.members.len()).sum();
        let now = self.now();
        let mut problems = Vec::new();
        let mut files = Vec::new();
        let mut unchanged = 0;
        let registered = self.store.case_numbers().await?;
        for (row, new) in found.iter() {
            let number = new.case_number.clone();
            let file = match new.clone().into_file(&caller.username, now, &policy) {
                Ok(f) => f,
                Err(AppError::Refused(r)) => {
                    problems.push(RowProblem::at(*row, &r.field, &number, r.kind));
                    continue;
                }
                Err(other) => return Err(other),
            };
            if !policy.channel_allows(file.case.channel, file.case.priority) {
                problems.push(RowProblem::at(
                    *row,
                    "channel",
                    file.case.channel.as_str(),
                    RefusalKind::ChannelRefuses {
                        priority: file.case.priority,
                        channel: file.case.channel,
                    },
                ));
                continue;
            }
            if registered.contains(file.case.case_number.as_str()) {
                unchanged += 1;
            } else {
                files.push(file);
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let outcome = ImportOutcome {
            cases: found.len(),
            persons,
            added: files.len(),
            unchanged,
            dry_run,
        };
        if dry_run || files.is_empty() {
            return Ok(Ok(outcome));
        }
        // The cases and their entries commit together: a crash loses both or neither.
        let entries: Vec<_> = files
            .iter()
            .map(|file| {
                crate::cases::view::case_written(
                    caller,
                    file.case.case_number.as_str(),
                    "categories",
                    "imported",
                )
            })
            .collect();
        self.store
            .create_cases(programme, &files, caller.organisation.as_deref(), &entries)
            .await?;
        Ok(Ok(outcome))
    }
}

#[cfg(test)]
mod tests;
