//! The raw figures a distribution key is computed from, validated once so no key sees a bad one.
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{QuotaError, StateCode};

/// Why effort and unemployment must be strictly positive: they enter the key as `1/x`.
const INVERSE_REASON: &str = " (the key uses its inverse 1/x, which a 0 makes infinite)";

/// One state's four indicators of the Commission's 2015 key. Kept raw (not as shares) so a
/// key is always recomputed from figures a reader can check against Eurostat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    /// The state.
    pub state: StateCode,
    /// Inhabitants (the Commission used 1 January 2014).
    pub population: f64,
    /// Total GDP in any one currency unit for all states (the Commission used 2013, € million).
    pub gdp: f64,
    /// Past effort: spontaneous asylum applications plus resettled refugees per million
    /// inhabitants, yearly average (the Commission used 2010–2014).
    pub effort_per_million: f64,
    /// Unemployment rate in percent (the Commission used 2014).
    pub unemployment_rate: f64,
}

/// A validated list of indicators: at least one state, no state twice, every figure finite
/// and > 0. Shares are only meaningful relative to the whole set, so the set (not a row) is
/// the unit a method works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Indicators>", into = "Vec<Indicators>")]
pub struct IndicatorSet {
    rows: Vec<Indicators>,
}

impl TryFrom<Vec<Indicators>> for IndicatorSet {
    type Error = QuotaError;
    fn try_from(rows: Vec<Indicators>) -> Result<Self, QuotaError> {
        Self::new(rows)
    }
}

impl From<IndicatorSet> for Vec<Indicators> {
    fn from(s: IndicatorSet) -> Self {
        s.rows
    }
}

impl IndicatorSet {
    /// Validates the rows, keeping their order (outputs follow it).
    pub fn new(rows: Vec<Indicators>) -> Result<Self, QuotaError> {
        if rows.is_empty() {
            return Err(QuotaError::Empty {
                what: "indicator set",
            });
        }
        let mut seen = BTreeSet::new();
        for r in &rows {
            if !seen.insert(r.state.clone()) {
                return Err(QuotaError::DuplicateState {
                    state: r.state.to_string(),
                    what: "indicator set",
                });
            }
            let s = r.state.as_str();
            check_positive(s, "population", r.population, "")?;
            check_positive(s, "gdp", r.gdp, "")?;
            check_positive(
                s,
                "effort_per_million",
                r.effort_per_million,
                INVERSE_REASON,
            )?;
            check_positive(s, "unemployment_rate", r.unemployment_rate, INVERSE_REASON)?;
        }
        let totals = [
            ("population", rows.iter().map(|r| r.population).sum::<f64>()),
            ("gdp", rows.iter().map(|r| r.gdp).sum()),
            (
                "effort_per_million",
                rows.iter().map(|r| 1.0 / r.effort_per_million).sum(),
            ),
            (
                "unemployment_rate",
                rows.iter().map(|r| 1.0 / r.unemployment_rate).sum(),
            ),
        ];
        check_totals(&totals)?;
        Ok(Self { rows })
    }

    /// The rows in input order.
    pub fn rows(&self) -> &[Indicators] {
        &self.rows
    }

    /// Number of states.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Always false (a set has at least one state); present because `len` is.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The population and GDP columns alone, the inputs of the NGO update formula.
    pub fn pop_gdp(&self) -> PopGdpSet {
        PopGdpSet {
            rows: self
                .rows
                .iter()
                .map(|r| PopGdp {
                    state: r.state.clone(),
                    population: r.population,
                    gdp: r.gdp,
                })
                .collect(),
        }
    }
}

/// One state's population and GDP: all the update formula needs, because the NGOs kept the
/// effort and unemployment parts of the old key as they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopGdp {
    /// The state.
    pub state: StateCode,
    /// Inhabitants.
    pub population: f64,
    /// Total GDP, one currency unit for all states.
    pub gdp: f64,
}

/// A validated list of population and GDP figures (non-empty, no duplicates, finite, > 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<PopGdp>", into = "Vec<PopGdp>")]
pub struct PopGdpSet {
    rows: Vec<PopGdp>,
}

impl TryFrom<Vec<PopGdp>> for PopGdpSet {
    type Error = QuotaError;
    fn try_from(rows: Vec<PopGdp>) -> Result<Self, QuotaError> {
        Self::new(rows)
    }
}

impl From<PopGdpSet> for Vec<PopGdp> {
    fn from(s: PopGdpSet) -> Self {
        s.rows
    }
}

impl PopGdpSet {
    /// Validates the rows, keeping their order.
    pub fn new(rows: Vec<PopGdp>) -> Result<Self, QuotaError> {
        if rows.is_empty() {
            return Err(QuotaError::Empty {
                what: "population/GDP set",
            });
        }
        let mut seen = BTreeSet::new();
        for r in &rows {
            if !seen.insert(r.state.clone()) {
                return Err(QuotaError::DuplicateState {
                    state: r.state.to_string(),
                    what: "population/GDP set",
                });
            }
            check_positive(r.state.as_str(), "population", r.population, "")?;
            check_positive(r.state.as_str(), "gdp", r.gdp, "")?;
        }
        check_totals(&[
            ("population", rows.iter().map(|r| r.population).sum()),
            ("gdp", rows.iter().map(|r| r.gdp).sum()),
        ])?;
        Ok(Self { rows })
    }

    /// The rows in input order.
    pub fn rows(&self) -> &[PopGdp] {
        &self.rows
    }

    /// Population and GDP shares of `state` within this set, if the state is in it.
    pub fn shares_of(&self, state: &StateCode) -> Option<(f64, f64)> {
        let (p, g) = self.totals();
        self.rows
            .iter()
            .find(|r| &r.state == state)
            .map(|r| (r.population / p, r.gdp / g))
    }

    fn totals(&self) -> (f64, f64) {
        (
            self.rows.iter().map(|r| r.population).sum(),
            self.rows.iter().map(|r| r.gdp).sum(),
        )
    }
}

/// Refuses totals that overflowed, so no share is computed as x/inf or inf/inf.
fn check_totals(totals: &[(&'static str, f64)]) -> Result<(), QuotaError> {
    match totals.iter().find(|(_, t)| !t.is_finite()) {
        Some((field, _)) => Err(QuotaError::TotalNotFinite { field }),
        None => Ok(()),
    }
}

/// Refuses a value that is not finite or not > 0, naming state, field and value.
pub(crate) fn check_positive(
    state: &str,
    field: &'static str,
    value: f64,
    reason: &'static str,
) -> Result<(), QuotaError> {
    if !value.is_finite() {
        return Err(QuotaError::NotFinite {
            state: state.to_string(),
            field,
            value,
        });
    }
    if value <= 0.0 {
        return Err(QuotaError::NotPositive {
            state: state.to_string(),
            field,
            value,
            reason,
        });
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid row for tests.
    pub(crate) fn row(state: &str, pop: f64, gdp: f64, effort: f64, unemp: f64) -> Indicators {
        Indicators {
            state: StateCode::parse(state).unwrap(),
            population: pop,
            gdp,
            effort_per_million: effort,
            unemployment_rate: unemp,
        }
    }

    #[test]
    fn accepts_a_valid_set_in_order() {
        let s = IndicatorSet::new(vec![
            row("NL", 1.0, 2.0, 3.0, 4.0),
            row("BE", 1.0, 1.0, 1.0, 1.0),
        ])
        .unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s.rows()[0].state.as_str(), "NL");
    }

    #[test]
    fn refuses_empty() {
        let e = IndicatorSet::new(vec![]).unwrap_err();
        assert_eq!(e.to_string(), "the indicator set has no states");
    }

    #[test]
    fn refuses_duplicates_naming_the_state() {
        let e = IndicatorSet::new(vec![
            row("BE", 1.0, 1.0, 1.0, 1.0),
            row("BE", 2.0, 1.0, 1.0, 1.0),
        ])
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "state BE appears more than once in the indicator set"
        );
    }

    #[test]
    fn refuses_each_non_positive_field_naming_state_field_and_value() {
        let cases = [
            (
                row("BE", 0.0, 1.0, 1.0, 1.0),
                "population for BE must be > 0, got 0",
            ),
            (
                row("BE", 1.0, -5.0, 1.0, 1.0),
                "gdp for BE must be > 0, got -5",
            ),
            (
                row("BE", 1.0, 1.0, 0.0, 1.0),
                "effort_per_million for BE must be > 0 (the key uses its inverse 1/x, which a 0 makes infinite), got 0",
            ),
            (
                row("BE", 1.0, 1.0, 1.0, 0.0),
                "unemployment_rate for BE must be > 0 (the key uses its inverse 1/x, which a 0 makes infinite), got 0",
            ),
        ];
        for (r, msg) in cases {
            let e = IndicatorSet::new(vec![row("NL", 1.0, 1.0, 1.0, 1.0), r]).unwrap_err();
            assert_eq!(e.to_string(), msg);
        }
    }

    #[test]
    fn refuses_non_finite_naming_state_and_field() {
        let e = IndicatorSet::new(vec![row("DE", f64::NAN, 1.0, 1.0, 1.0)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "population for DE must be a finite number, got NaN"
        );
        let e = IndicatorSet::new(vec![row("DE", 1.0, 1.0, 1.0, f64::INFINITY)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unemployment_rate for DE must be a finite number, got inf"
        );
    }

    #[test]
    fn json_is_a_plain_list_and_is_validated() {
        let s = IndicatorSet::new(vec![row("BE", 1.0, 2.0, 3.0, 4.0)]).unwrap();
        let j = serde_json::to_string(&s).unwrap();
        assert_eq!(
            j,
            r#"[{"state":"BE","population":1.0,"gdp":2.0,"effort_per_million":3.0,"unemployment_rate":4.0}]"#
        );
        assert_eq!(serde_json::from_str::<IndicatorSet>(&j).unwrap(), s);
        let bad = j.replace("4.0", "0.0");
        let e = serde_json::from_str::<IndicatorSet>(&bad).unwrap_err();
        assert!(e.to_string().contains("unemployment_rate for BE"), "{e}");
        let p = serde_json::to_string(&s.pop_gdp()).unwrap();
        assert_eq!(serde_json::from_str::<PopGdpSet>(&p).unwrap(), s.pop_gdp());
    }

    #[test]
    fn refuses_totals_that_overflow() {
        let e = IndicatorSet::new(vec![
            row("AA", f64::MAX, 1.0, 1.0, 1.0),
            row("BB", f64::MAX, 1.0, 1.0, 1.0),
        ])
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the population figures cannot be totalled"),
            "{e}"
        );
        let e = IndicatorSet::new(vec![row("AA", 1.0, 1.0, 1e-320, 1.0)]).unwrap_err();
        assert!(
            e.to_string().starts_with("the effort_per_million figures"),
            "{e}"
        );
    }

    #[test]
    fn pop_gdp_set_validates_and_gives_shares() {
        let s = IndicatorSet::new(vec![
            row("AA", 1.0, 3.0, 1.0, 1.0),
            row("BB", 3.0, 1.0, 1.0, 1.0),
        ])
        .unwrap()
        .pop_gdp();
        let (p, g) = s.shares_of(&StateCode::parse("AA").unwrap()).unwrap();
        assert_eq!((p, g), (0.25, 0.75));
        assert!(s.shares_of(&StateCode::parse("CC").unwrap()).is_none());
        let bad = PopGdp {
            state: StateCode::parse("FR").unwrap(),
            population: 1.0,
            gdp: 0.0,
        };
        let e = PopGdpSet::new(vec![bad.clone()]).unwrap_err();
        assert_eq!(e.to_string(), "gdp for FR must be > 0, got 0");
        let e = PopGdpSet::new(vec![]).unwrap_err();
        assert!(e.to_string().contains("population/GDP"));
        let ok = PopGdp { gdp: 1.0, ..bad };
        let e = PopGdpSet::new(vec![ok.clone(), ok]).unwrap_err();
        assert!(e.to_string().contains("FR"));
    }
}
