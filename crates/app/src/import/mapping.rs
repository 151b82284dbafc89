//! A mapping file (`--mapping MAP.toml`) that turns another layout into the issue 21 one, so
//! that an export of UNHCR's proGres, or an office's own spreadsheet, imports without being
//! retyped. It names, for each column of the layout, the column of the file that holds it
//! (`[columns]`), or a value every row takes (`[fixed]`); optionally the file's list
//! separator (`separator`) and words to translate per column (`[values.sex] F = "female"`).
//! An example: `data/import-mappings/progres.toml`.
//!
//! The mapped table keeps the file's row numbers, so a problem still names the row the
//! reader sees in their spreadsheet.
use std::collections::BTreeMap;

use serde::Deserialize;

use resettle_domain::RefusalKind;
use resettle_domain::refusal::Vocabulary;

use super::{COLUMNS, RowProblem};

/// The columns that hold `;` lists, whose separator a mapping may change.
const LIST_COLUMNS: [&str; 3] = ["categories", "languages", "linked_cases"];

/// The columns that may be left out: the last three.
const OPTIONAL_COLUMNS: [&str; 3] = ["education", "occupation", "linked_cases"];

/// A mapping as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    separator: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    fixed: BTreeMap<String, String>,
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, String>>,
}

/// Why a mapping file was refused: the key to fix and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {reason}")]
pub struct MappingError {
    /// The key, e.g. `columns.birth_day`, or empty when the file cannot be read as TOML.
    pub key: String,
    /// Why, in English.
    pub reason: String,
}

impl MappingError {
    fn at(key: impl Into<String>, reason: impl Into<String>) -> MappingError {
        MappingError {
            key: key.into(),
            reason: reason.into(),
        }
    }
}

/// Where one column of the layout comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// The file's column of this name.
    Column(String),
    /// This value on every row.
    Fixed(String),
    /// Nothing: left empty (an optional column).
    Empty,
}

/// A checked mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// Per column of [`COLUMNS`], in order.
    sources: Vec<Source>,
    separator: Option<String>,
    values: BTreeMap<String, BTreeMap<String, String>>,
}

impl Mapping {
    /// Reads and checks a mapping: every key names a column of the layout, no column is
    /// both mapped and fixed, every column but the optional last three is given, and the
    /// separator is one character other than a comma.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let raw: Raw = toml::from_str(text)
            .map_err(|e| MappingError::at("", e.message().trim_end().to_string()))?;
        let known = |section: &str, key: &str| {
            if COLUMNS.contains(&key) {
                Ok(())
            } else {
                Err(MappingError::at(
                    format!("{section}.{key}"),
                    format!("is not a column of the layout ({})", COLUMNS.join(", ")),
                ))
            }
        };
        for key in raw.columns.keys() {
            known("columns", key)?;
        }
        for key in raw.fixed.keys() {
            known("fixed", key)?;
            if raw.columns.contains_key(key) {
                return Err(MappingError::at(
                    format!("fixed.{key}"),
                    "is also mapped in [columns]; give one or the other",
                ));
            }
        }
        for key in raw.values.keys() {
            known("values", key)?;
        }
        for (key, name) in &raw.columns {
            if name.trim().is_empty() {
                return Err(MappingError::at(
                    format!("columns.{key}"),
                    "names no column of the file",
                ));
            }
        }
        if let Some(s) = &raw.separator
            && (s.chars().count() != 1 || s == "," || s.trim().is_empty())
        {
            return Err(MappingError::at(
                "separator",
                "must be one character, not a comma or a space",
            ));
        }
        let mut sources = Vec::with_capacity(COLUMNS.len());
        for column in COLUMNS {
            let source = match (raw.columns.get(column), raw.fixed.get(column)) {
                (Some(name), _) => Source::Column(name.trim().to_string()),
                (None, Some(value)) => Source::Fixed(value.clone()),
                (None, None) if OPTIONAL_COLUMNS.contains(&column) => Source::Empty,
                (None, None) => {
                    return Err(MappingError::at(
                        format!("columns.{column}"),
                        "is missing: map it to a column of the file or give it in [fixed]",
                    ));
                }
            };
            sources.push(source);
        }
        Ok(Mapping {
            sources,
            separator: raw.separator,
            values: raw.values,
        })
    }

    /// The table in the issue 21 layout: its header, then each row of `table` (whose first
    /// row is the file's header) with its cells taken from the mapped columns, translated
    /// and with lists separated by `;`. A mapped column the file lacks is refused on row 1.
    pub fn apply(&self, table: &[Vec<String>]) -> Result<Vec<Vec<String>>, Vec<RowProblem>> {
        let Some((header, rows)) = table.split_first() else {
            return Err(vec![RowProblem::at(0, "", "", RefusalKind::Missing)]);
        };
        let position = |name: &str| header.iter().position(|h| h.trim() == name);
        let mut problems = Vec::new();
        let mut at = Vec::with_capacity(COLUMNS.len());
        for (column, source) in COLUMNS.iter().zip(&self.sources) {
            at.push(match source {
                Source::Column(name) => match position(name) {
                    Some(i) => Some(i),
                    None => {
                        problems.push(RowProblem::at(
                            1,
                            column,
                            name,
                            RefusalKind::NotInList {
                                given: name.clone(),
                                allowed: header.iter().map(|h| h.trim().to_string()).collect(),
                                of: Vocabulary::Plain,
                            },
                        ));
                        None
                    }
                },
                _ => None,
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut out = Vec::with_capacity(table.len());
        out.push(COLUMNS.iter().map(|c| c.to_string()).collect());
        for cells in rows {
            if cells.iter().all(|c| c.trim().is_empty()) {
                out.push(Vec::new());
                continue;
            }
            let mapped = COLUMNS
                .iter()
                .zip(&self.sources)
                .zip(&at)
                .map(|((column, source), i)| {
                    let value = match (source, i) {
                        (Source::Fixed(v), _) => v.clone(),
                        (_, Some(i)) => cells.get(*i).map_or("", |s| s.trim()).to_string(),
                        _ => String::new(),
                    };
                    self.cell(column, value)
                })
                .collect();
            out.push(mapped);
        }
        Ok(out)
    }

    /// One cell: a list's items re-joined with `;`, each item translated.
    fn cell(&self, column: &str, value: String) -> String {
        let words = self.values.get(column);
        let translate = |v: &str| {
            let v = v.trim();
            words
                .and_then(|w| w.get(v))
                .map_or_else(|| v.to_string(), Clone::clone)
        };
        if LIST_COLUMNS.contains(&column) {
            let separator = self.separator.as_deref().unwrap_or(";");
            value
                .split(separator)
                .filter(|v| !v.trim().is_empty())
                .map(translate)
                .collect::<Vec<_>>()
                .join(";")
        } else {
            translate(&value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRES: &str = include_str!("../../../../data/import-mappings/progres.toml");

    fn rows(csv: &str) -> Vec<Vec<String>> {
        super::super::read_table(super::super::FileKind::Csv, csv.as_bytes()).unwrap()
    }

    #[test]
    fn the_shipped_progres_mapping_turns_its_layout_into_cases() {
        let mapping = Mapping::parse(PROGRES).unwrap();
        let file = "Case No.,Individual No.,Asylum Country,Nationality,Specific Needs,Urgency,\
Submission Date,Relationship to PA,Full Name,Date of Birth,Sex,Languages,Education Level,Occupation,Linked Cases
LEB-26C00001,1,LB,SY,LPP|MED,N,2026-03-02,PA,Amal Haddad,1990-04-01,F,ar|en,secondary,teacher,
LEB-26C00001,2,LB,SY,LPP|MED,N,2026-03-02,CHL,Omar Haddad,2015-09-12,M,ar,,,
";
        let table = mapping.apply(&rows(file)).unwrap();
        assert_eq!(table[0], COLUMNS);
        let cases = super::super::cases("BE", &table).unwrap();
        assert_eq!(cases.len(), 1);
        let c = &cases[0].1;
        assert_eq!(
            c.categories.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            ["legal_physical_protection", "medical_needs"]
        );
        assert_eq!(
            (c.priority.as_str(), c.channel.as_str()),
            ("normal", "dossier")
        );
        assert_eq!(c.members[0].sex.as_str(), "female");
        assert_eq!(c.members[0].languages, ["ar", "en"]);
        assert_eq!(c.members[1].relationship.as_str(), "child");
    }

    #[test]
    fn a_bad_mapping_is_refused_naming_the_key() {
        let key = |text: &str| Mapping::parse(text).unwrap_err().key;
        let mut all: String = "[columns]\n".into();
        for c in COLUMNS {
            all.push_str(&format!("{c} = \"{c}\"\n"));
        }
        assert!(Mapping::parse(&all).is_ok());
        assert_eq!(
            key(&format!("{all}birth_day = \"DOB\"\n")),
            "columns.birth_day"
        );
        assert_eq!(
            key(&all.replace("full_name = \"full_name\"\n", "")),
            "columns.full_name"
        );
        assert_eq!(
            key(&format!("separator = \",\"\n{all}")),
            "separator",
            "a comma cannot separate a list inside a CSV cell"
        );
        assert_eq!(
            key(&format!("{all}[fixed]\nchannel = \"dossier\"\n")),
            "fixed.channel"
        );
        assert_eq!(
            key(&format!("{all}[values.colour]\nF = \"f\"\n")),
            "values.colour"
        );
        let unknown = Mapping::parse(&format!("sheet = 2\n{all}")).unwrap_err();
        assert!(unknown.reason.contains("sheet"), "{unknown}");
    }

    #[test]
    fn a_column_the_file_lacks_is_named_on_its_header_row() {
        let mapping = Mapping::parse(PROGRES).unwrap();
        let problems = mapping
            .apply(&rows("Case No.,Full Name\nLEB-26C00001,Amal\n"))
            .unwrap_err();
        assert_eq!(problems[0].row, 1);
        assert_eq!(problems[0].column, "country_of_asylum");
        assert_eq!(problems[0].value, "Asylum Country");
    }
}
