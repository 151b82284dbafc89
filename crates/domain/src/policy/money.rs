//! Money that follows a resettled family: allowances to the receiving municipality, and EU
//! funding per person. All amounts are integer euro cents, so sums are exact.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;

/// The money rules of a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Money {
    /// The allowance per resettled person (the Netherlands 2012: €1,000 per adult for the
    /// municipality's guidance); `None` when the programme pays none.
    pub allowance: Option<Allowance>,
    /// A one-time allowance that replaces `allowance` for the first cohort under a new
    /// model (the Netherlands 2012: €2,000 per adult, €1,000 per minor).
    pub first_cohort_allowance: Option<Allowance>,
    /// The first cohort is the persons who arrived in this year or before it (the
    /// Netherlands 2012: the arrivals of 2012, the first year of direct placement); `None`
    /// when the profile names no first cohort, so the ordinary allowance applies to all.
    pub first_cohort_until_year: Option<i32>,
    /// EU funding per resettled person, as information for budgets (AMIF 2021-2027:
    /// €10,000).
    pub eu_funding_per_person_cents: Option<i64>,
    /// Where the EU funding figure comes from.
    pub eu_funding_source: String,
}

/// An amount per adult and per minor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allowance {
    /// Cents per adult.
    pub per_adult_cents: i64,
    /// Cents per minor.
    pub per_minor_cents: i64,
    /// What it pays for.
    pub purpose: String,
}

impl Allowance {
    /// The amount for a family of `adults` and `minors`, saturating rather than wrapping.
    fn for_family(&self, adults: u32, minors: u32) -> i64 {
        self.per_adult_cents
            .saturating_mul(adults.into())
            .saturating_add(self.per_minor_cents.saturating_mul(minors.into()))
    }

    fn read(raw: &raw::Allowance, key: &str, cx: &Cx) -> Result<Self, PolicyError> {
        let cents = |v: &Option<raw::Int>, field: &str| {
            v.as_ref()
                .map_or(Ok(0), |v| cx.cents(v, &format!("{key}.{field}")))
        };
        Ok(Allowance {
            per_adult_cents: cents(&raw.per_adult_cents, "per_adult_cents")?,
            per_minor_cents: cents(&raw.per_minor_cents, "per_minor_cents")?,
            purpose: raw.purpose.trim().to_string(),
        })
    }
}

impl Money {
    /// The allowance for a family of `adults` and `minors`, in cents. For the first cohort
    /// the first-cohort allowance replaces the ordinary one when the profile has one.
    pub fn allowance_cents(&self, adults: u32, minors: u32, first_cohort: bool) -> i64 {
        let chosen = match (&self.first_cohort_allowance, first_cohort) {
            (Some(first), true) => Some(first),
            _ => self.allowance.as_ref(),
        };
        chosen.map_or(0, |a| a.for_family(adults, minors))
    }

    /// Whether a person who arrived in `year` belongs to the first cohort, whose
    /// allowance replaces the ordinary one.
    pub fn first_cohort(&self, year: i32) -> bool {
        self.first_cohort_allowance.is_some()
            && self
                .first_cohort_until_year
                .is_some_and(|last| year <= last)
    }

    /// Reads `[money]`.
    pub(super) fn read(raw: Option<&raw::Money>, cx: &Cx) -> Result<Self, PolicyError> {
        let Some(raw) = raw else {
            return Ok(Money::default());
        };
        Ok(Money {
            allowance: raw
                .allowance
                .as_ref()
                .map(|a| Allowance::read(a, "money.allowance", cx))
                .transpose()?,
            first_cohort_allowance: raw
                .first_cohort_allowance
                .as_ref()
                .map(|a| Allowance::read(a, "money.first_cohort_allowance", cx))
                .transpose()?,
            first_cohort_until_year: raw
                .first_cohort_until_year
                .as_ref()
                .map(|v| {
                    cx.count(v, "money.first_cohort_until_year", 1900, 2200)
                        .map(|y| y as i32)
                })
                .transpose()?,
            eu_funding_per_person_cents: raw
                .eu_funding_per_person_cents
                .as_ref()
                .map(|v| cx.cents(v, "money.eu_funding_per_person_cents"))
                .transpose()?,
            eu_funding_source: raw.eu_funding_source.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowance(adult: i64, minor: i64) -> Option<Allowance> {
        Some(Allowance {
            per_adult_cents: adult,
            per_minor_cents: minor,
            purpose: String::new(),
        })
    }

    #[test]
    fn the_first_cohort_allowance_replaces_the_ordinary_one() {
        let m = Money {
            allowance: allowance(100_000, 0),
            first_cohort_allowance: allowance(200_000, 100_000),
            ..Money::default()
        };
        assert_eq!(m.allowance_cents(2, 3, false), 200_000);
        assert_eq!(m.allowance_cents(2, 3, true), 700_000);
    }

    #[test]
    fn the_first_cohort_is_who_arrived_until_its_last_year_when_it_has_an_allowance() {
        let mut m = Money {
            allowance: allowance(100_000, 0),
            first_cohort_allowance: allowance(200_000, 100_000),
            first_cohort_until_year: Some(2012),
            ..Money::default()
        };
        assert!(m.first_cohort(2011) && m.first_cohort(2012));
        assert!(!m.first_cohort(2013));
        m.first_cohort_allowance = None;
        assert!(!m.first_cohort(2012));
        assert!(!Money::default().first_cohort(2012));
    }

    #[test]
    fn without_a_first_cohort_allowance_the_ordinary_one_applies_and_none_pays_nothing() {
        let m = Money {
            allowance: allowance(100_000, 50_000),
            ..Money::default()
        };
        assert_eq!(m.allowance_cents(1, 2, true), 200_000);
        assert_eq!(Money::default().allowance_cents(4, 4, true), 0);
        let huge = Money {
            allowance: allowance(i64::MAX / 2, 0),
            ..Money::default()
        };
        assert_eq!(huge.allowance_cents(u32::MAX, 0, false), i64::MAX);
    }
}
