//! Countries: of asylum, of nationality, of resettlement.
use serde::{Deserialize, Serialize};

use crate::ParseError;

/// An ISO 3166-1 alpha-2 country code (`SY`, `LB`, `BE`). Stored upper-case so that
/// filters and statistics never split one country in two spellings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// Parses a two-letter code assigned by ISO 3166-1 (the shipped list,
    /// [`crate::reference::country_name`]); lower case is accepted and normalised.
    pub fn parse(field: &'static str, s: &str) -> Result<Self, ParseError> {
        let up = s.trim().to_ascii_uppercase();
        if crate::reference::country_name(&up).is_some() {
            Ok(Self(up))
        } else {
            Err(ParseError::of(
                field,
                crate::RefusalKind::NotACountry {
                    given: s.to_string(),
                },
            ))
        }
    }

    /// The code as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The English short name for the countries the programmes deal with most; the code
    /// itself for others, so a display never fails.
    pub fn name(&self) -> &str {
        match self.0.as_str() {
            "AF" => "Afghanistan",
            "BE" => "Belgium",
            "BI" => "Burundi",
            "CD" => "DR Congo",
            "CF" => "Central African Republic",
            "EG" => "Egypt",
            "ER" => "Eritrea",
            "ET" => "Ethiopia",
            "IQ" => "Iraq",
            "JO" => "Jordan",
            "KE" => "Kenya",
            "LB" => "Lebanon",
            "LY" => "Libya",
            "NE" => "Niger",
            "NL" => "Netherlands",
            "RW" => "Rwanda",
            "SD" => "Sudan",
            "SO" => "Somalia",
            "SS" => "South Sudan",
            "SY" => "Syria",
            "TR" => "Türkiye",
            "TZ" => "Tanzania",
            "UG" => "Uganda",
            other => other,
        }
    }
}

impl TryFrom<String> for CountryCode {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, ParseError> {
        Self::parse("country", &s)
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.0
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_normalised() {
        assert_eq!(
            CountryCode::parse("nationality", "sy").unwrap().as_str(),
            "SY"
        );
    }

    #[test]
    fn refusal_names_the_field() {
        let e = CountryCode::parse("country_of_asylum", "Syria").unwrap_err();
        assert_eq!(e.field, "country_of_asylum");
        assert!(e.reason().contains("Syria"));
    }

    #[test]
    fn a_code_nobody_assigned_is_refused() {
        for unassigned in ["XX", "ZZ", "UK", "EL"] {
            let e = CountryCode::parse("nationality", unassigned).unwrap_err();
            assert!(e.reason().contains("assigned"), "{unassigned}: {e}");
        }
    }
}
