//! Counts as the report publishes them: grouped by a dimension, each column through the
//! profile's small-cell suppression and, on request, rounded to 5.
use std::collections::BTreeMap;

use resettle_domain::statistics::{Suppressed, publish};
use serde::Serialize;

/// The suppression and rounding a report applies to every count it publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rules {
    /// Counts from 1 to this minus one are withheld.
    pub threshold: u64,
    /// Published counts are rounded to a multiple of this.
    pub base: Option<u64>,
}

impl Rules {
    /// A column of counts with its total, as published.
    pub fn column(&self, counts: &[u64]) -> Suppressed {
        publish(counts, self.threshold, self.base)
    }

    /// A count standing alone (a total): withheld when small, else perhaps rounded.
    pub fn count(&self, n: u64) -> Option<u64> {
        self.column(&[n]).cells[0]
    }

    /// Whether `n` people are enough to publish a figure about them (a median, a rate).
    pub fn enough(&self, n: u64) -> bool {
        n >= self.threshold
    }
}

/// What a breakdown groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Nationality of the principal applicant (ISO code).
    Nationality,
    /// First country of asylum (ISO code).
    CountryOfAsylum,
    /// Primary UNHCR submission category.
    Category,
    /// Eurostat age band at the event.
    AgeBand,
    /// Sex.
    Sex,
    /// Persons in the family (1 … 6, 7+).
    FamilySize,
    /// Submitted with medical needs or not (`yes`, `no`).
    MedicalNeeds,
    /// The ground a refusal cites, as recorded.
    Ground,
    /// How long a request has waited.
    Waiting,
}

impl Dimension {
    /// The dimension's code, for messages and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Nationality => "nationality",
            Dimension::CountryOfAsylum => "country_of_asylum",
            Dimension::Category => "category",
            Dimension::AgeBand => "age_band",
            Dimension::Sex => "sex",
            Dimension::FamilySize => "family_size",
            Dimension::MedicalNeeds => "medical_needs",
            Dimension::Ground => "ground",
            Dimension::Waiting => "waiting",
        }
    }
}

/// Counts by the values of one dimension, with their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// What the rows are.
    pub dimension: Dimension,
    /// One row per value.
    pub rows: Vec<CountRow>,
    /// The total; withheld where it would reveal a withheld row.
    pub total: Option<u64>,
}

/// One value of a dimension and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountRow {
    /// The value's code (`SY`, `18-34`, `female`) or, for grounds, its text.
    pub code: String,
    /// Its count; `None` where withheld.
    pub count: Option<u64>,
}

/// Counts `items` by value: the values of `fixed` first, in that order and shown even when
/// none (a zero describes no one), then any other value, the largest first.
pub(crate) fn breakdown<'a>(
    dimension: Dimension,
    fixed: impl IntoIterator<Item = &'a str>,
    items: impl IntoIterator<Item = impl Into<String>>,
    rules: &Rules,
) -> Breakdown {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for item in items {
        *counts.entry(item.into()).or_default() += 1;
    }
    let mut rows: Vec<(String, u64)> = Vec::new();
    for code in fixed {
        rows.push((code.to_string(), counts.remove(code).unwrap_or(0)));
    }
    let mut rest: Vec<(String, u64)> = counts.into_iter().collect();
    rest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows.extend(rest);
    let shown = rules.column(&rows.iter().map(|r| r.1).collect::<Vec<_>>());
    Breakdown {
        dimension,
        rows: rows
            .into_iter()
            .zip(shown.cells)
            .map(|((code, _), count)| CountRow { code, count })
            .collect(),
        total: shown.total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_values_come_first_even_at_zero_and_small_ones_are_withheld() {
        let rules = Rules {
            threshold: 5,
            base: None,
        };
        let items = ["SY"; 12].into_iter().chain(["ER"; 2]).chain(["AF"; 30]);
        let b = breakdown(Dimension::Nationality, ["CD"], items, &rules);
        let rows: Vec<(&str, Option<u64>)> =
            b.rows.iter().map(|r| (r.code.as_str(), r.count)).collect();
        // ER (2) is withheld, and SY with it, so the total cannot give ER away.
        assert_eq!(
            rows,
            [
                ("CD", Some(0)),
                ("AF", Some(30)),
                ("SY", None),
                ("ER", None)
            ]
        );
        assert_eq!(b.total, Some(44));
    }
}
