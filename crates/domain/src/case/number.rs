//! UNHCR case numbers.
use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A UNHCR case number such as `LEB-17C04211` or `245-12C03419`: upper-case letters, digits
/// and dashes, 5 to 24 characters. Parsed once so that lookups never miss on case or
/// surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CaseNumber(String);

impl CaseNumber {
    /// Parses and normalises (trimmed, upper-case).
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let up = s.trim().to_ascii_uppercase();
        let ok_chars = up.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !(5..=24).contains(&up.len()) || !ok_chars || up.starts_with('-') || up.ends_with('-') {
            return Err(ParseError::of(
                "case_number",
                crate::RefusalKind::NotACaseNumber {
                    given: s.to_string(),
                },
            ));
        }
        Ok(Self(up))
    }

    /// The number as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CaseNumber {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, ParseError> {
        Self::parse(&s)
    }
}

impl From<CaseNumber> for String {
    fn from(c: CaseNumber) -> String {
        c.0
    }
}

impl std::fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_case_and_space() {
        assert_eq!(
            CaseNumber::parse(" leb-17c04211 ").unwrap().as_str(),
            "LEB-17C04211"
        );
    }

    #[test]
    fn refuses_bad_numbers_naming_the_field() {
        for bad in ["", "AB", "LEB 17C", "-LEB17", "LEB17-", "LEB/17C0421"] {
            let e = CaseNumber::parse(bad).unwrap_err();
            assert_eq!(e.field, "case_number", "{bad}");
        }
    }

    proptest! {
        #[test]
        fn parse_is_idempotent(s in "\\PC{0,30}") {
            if let Ok(n) = CaseNumber::parse(&s) {
                prop_assert_eq!(CaseNumber::parse(n.as_str()).unwrap(), n);
            }
        }
    }
}
