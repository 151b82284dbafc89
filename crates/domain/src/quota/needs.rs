//! UNHCR's projected resettlement needs by refugee situation: what a year's quota is split
//! over. The shipped table is `data/resettlement-needs.tsv` (every row with its source),
//! read through [`crate::reference::resettlement_needs`].
use serde::Serialize;

use super::AllocationError;

/// One situation's projected needs for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SituationNeed {
    /// The year the needs are projected for.
    pub year: i32,
    /// The situation's code (`africa`, `syria`, `other`).
    pub situation: String,
    /// The nationalities whose cases count towards the situation; empty for the row that
    /// takes every nationality the year's other rows do not name.
    pub nationalities: Vec<String>,
    /// The countries of asylum a selection mission for the situation goes to, in order;
    /// empty when none is known (no mission can then be proposed for it).
    pub hosts: Vec<String>,
    /// Persons in need of resettlement.
    pub persons: u64,
    /// Where the figure comes from.
    pub source: String,
}

/// The needs table: rows by year and situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Needs {
    rows: Vec<SituationNeed>,
}

impl Needs {
    /// Reads the tab-separated table (see the file's header for the columns). Refused,
    /// naming the line, when a row is short, a figure is not a whole number, a source is
    /// missing, or a year names a situation twice.
    pub fn parse(text: &str) -> Result<Self, AllocationError> {
        let mut rows: Vec<SituationNeed> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |reason: &str| AllocationError::Needs {
                line: i + 1,
                reason: reason.to_string(),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let [year, situation, nationalities, hosts, persons, source] = cols[..] else {
                return Err(bad("expected 6 tab-separated columns"));
            };
            let year: i32 = year.trim().parse().map_err(|_| bad("year is not a year"))?;
            let persons: u64 = persons
                .trim()
                .parse()
                .map_err(|_| bad("persons is not a whole number"))?;
            if source.trim().is_empty() {
                return Err(bad("every figure needs its source"));
            }
            let situation = situation.trim().to_string();
            if rows
                .iter()
                .any(|r| r.year == year && r.situation == situation)
            {
                return Err(bad("the year names this situation twice"));
            }
            let list = |s: &str, none: &str| -> Vec<String> {
                if s.trim() == none {
                    Vec::new()
                } else {
                    s.split_whitespace().map(str::to_string).collect()
                }
            };
            rows.push(SituationNeed {
                year,
                situation,
                nationalities: list(nationalities, "*"),
                hosts: list(hosts, "-"),
                persons,
                source: source.trim().to_string(),
            });
        }
        if rows.is_empty() {
            return Err(AllocationError::Needs {
                line: 0,
                reason: "the table has no rows".into(),
            });
        }
        Ok(Needs { rows })
    }

    /// The rows that stand for `year`: the year's own, else the latest earlier year's (the
    /// sources give per-situation figures for few years), with the year they are from.
    /// `None` when the table starts after `year`.
    pub fn for_year(&self, year: i32) -> Option<(i32, Vec<&SituationNeed>)> {
        let from = self
            .rows
            .iter()
            .map(|r| r.year)
            .filter(|&y| y <= year)
            .max()?;
        Some((from, self.rows.iter().filter(|r| r.year == from).collect()))
    }

    /// The situation a case of `nationality` counts towards in `year`: the row naming the
    /// nationality, else the year's catch-all row, else `None`.
    pub fn situation_of(&self, year: i32, nationality: &str) -> Option<&str> {
        let (_, rows) = self.for_year(year)?;
        rows.iter()
            .find(|r| r.nationalities.iter().any(|n| n == nationality))
            .or_else(|| rows.iter().find(|r| r.nationalities.is_empty()))
            .map(|r| r.situation.as_str())
    }

    /// Every row, in the table's order.
    pub fn rows(&self) -> &[SituationNeed] {
        &self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# header\n2021\tafrica\tCD SO\tUG\t617000\tsrc\n2021\tsyria\tSY\tLB JO\t592000\tsrc\n2021\tother\t*\t-\t236383\tderived\n";

    #[test]
    fn a_later_year_uses_the_latest_rows_and_says_so() {
        let needs = Needs::parse(TABLE).unwrap();
        let (from, rows) = needs.for_year(2024).unwrap();
        assert_eq!(from, 2021);
        assert_eq!(rows.len(), 3);
        assert!(needs.for_year(2020).is_none());
        assert!(rows[2].hosts.is_empty());
    }

    #[test]
    fn a_nationality_maps_to_its_situation_or_the_catch_all() {
        let needs = Needs::parse(TABLE).unwrap();
        assert_eq!(needs.situation_of(2023, "SO"), Some("africa"));
        assert_eq!(needs.situation_of(2023, "SY"), Some("syria"));
        assert_eq!(needs.situation_of(2023, "AF"), Some("other"));
    }

    #[test]
    fn a_row_without_source_or_a_repeated_situation_is_refused_with_its_line() {
        let e = Needs::parse("2021\tafrica\tCD\tUG\t5\t \n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
        let e = Needs::parse("2021\ta\tCD\tUG\t5\ts\n2021\ta\tSO\tUG\t5\ts\n").unwrap_err();
        assert!(e.to_string().contains("twice"), "{e}");
    }

    #[test]
    fn the_shipped_table_reads_and_every_code_is_a_country() {
        let needs = crate::reference::resettlement_needs();
        for r in needs.rows() {
            for c in r.nationalities.iter().chain(&r.hosts) {
                assert!(crate::reference::country_name(c).is_some(), "{c}");
            }
        }
        let (from, rows) = needs.for_year(2022).unwrap();
        assert_eq!(from, 2021);
        let total: u64 = rows.iter().map(|r| r.persons).sum();
        // The derived catch-all makes the year add up to UNHCR's world total for 2021.
        assert_eq!(total, 1_445_383);
    }
}
