//! Where a page of the case list ends, so that the next page starts after it. The list is
//! in order of submission, newest first, ties broken by case number, and a case number
//! names one case: the last case listed says where the page stopped, whatever is added
//! or changed meanwhile, and a database reads the next page from its index from there
//! instead of counting its way past every earlier row. Only the number travels (not the
//! day of submission, which some roles may not see); the database looks up its day.
use std::fmt;

use super::CaseNumber;
use crate::{Refusal, RefusalKind};

/// The last case of a page of the case list, as the list's `next` gives it and `after`
/// takes it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPosition(CaseNumber);

impl ListPosition {
    /// Reads a position as [`fmt::Display`] writes it; anything else is refused on
    /// `field` as not a position in the list, since no list's `next` gave it.
    pub fn parse(field: &'static str, given: &str) -> Result<Self, Refusal> {
        CaseNumber::parse(given)
            .map(Self)
            .map_err(|_| Self::refused(field, given))
    }

    /// The refusal of `given` on `field`: it is not a place in the list (also for a case
    /// number the reader may not see, so the answer does not tell that it exists).
    pub fn refused(field: &'static str, given: &str) -> Refusal {
        Refusal::of(
            field,
            RefusalKind::NotAListPosition {
                given: given.to_string(),
            },
        )
    }

    /// The case the page ended with.
    pub fn case_number(&self) -> &CaseNumber {
        &self.0
    }
}

impl From<CaseNumber> for ListPosition {
    fn from(n: CaseNumber) -> Self {
        Self(n)
    }
}

impl fmt::Display for ListPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn anything_but_a_case_number_is_refused_on_the_field_given() {
        for given in [
            "",
            "X",
            "2026_03_01",
            "LEB 17C04211",
            "-LEB17C04211",
            "LEB-17C04211;",
        ] {
            let e = ListPosition::parse("after", given).unwrap_err();
            assert_eq!(e.field, "after");
            assert_eq!(
                e.kind,
                RefusalKind::NotAListPosition {
                    given: given.to_string()
                },
                "{given:?}"
            );
        }
    }

    proptest! {
        /// What a page writes as its `next` reads back as the same position.
        #[test]
        fn a_written_position_reads_back(number in "[A-Z0-9]{2,10}-[A-Z0-9]{2,10}") {
            let p = ListPosition::from(CaseNumber::parse(&number).unwrap());
            prop_assert_eq!(ListPosition::parse("after", &p.to_string()).unwrap(), p);
        }
    }
}
