//! `StateCode`: the name of a participating state in a distribution key.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::QuotaError;

/// A participating state as the EU and Eurostat write it: 2 or 3 upper-case ASCII letters
/// (`BE`, `EL`, `UK`). Not `CountryCode`, because Eurostat
/// codes differ from ISO 3166 (`EL` for Greece, `UK` for the United Kingdom) and keys must
/// keep the spelling of their sources so rows from different tables can be matched.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StateCode(String);

impl StateCode {
    /// Parses a code; surrounding blanks are trimmed and lower case is upper-cased so that
    /// `be` and `BE` cannot become two states.
    pub fn parse(s: &str) -> Result<Self, QuotaError> {
        let up = s.trim().to_ascii_uppercase();
        if (2..=3).contains(&up.len()) && up.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(up))
        } else {
            Err(QuotaError::BadStateCode {
                value: s.to_string(),
            })
        }
    }

    /// The code as stored, for display and matching.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for StateCode {
    type Err = QuotaError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for StateCode {
    type Error = QuotaError;
    fn try_from(s: String) -> Result<Self, QuotaError> {
        Self::parse(&s)
    }
}

impl From<StateCode> for String {
    fn from(c: StateCode) -> String {
        c.0
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_two_and_three_letters_and_normalises_case() {
        assert_eq!(StateCode::parse("BE").unwrap().as_str(), "BE");
        assert_eq!(StateCode::parse(" uk ").unwrap().as_str(), "UK");
        assert_eq!(StateCode::parse("EUR").unwrap().as_str(), "EUR");
    }

    #[test]
    fn refuses_bad_codes_naming_the_value() {
        for bad in ["B", "BELG", "B1", "", "É", "B E"] {
            let e = StateCode::parse(bad).unwrap_err();
            assert!(e.to_string().contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn serde_round_trip_validates() {
        let c: StateCode = serde_json::from_str("\"NL\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"NL\"");
        assert!(serde_json::from_str::<StateCode>("\"N1\"").is_err());
    }
}
