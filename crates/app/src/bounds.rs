//! Bounds on every number a caller may send, in one place for the API, the web UI and the
//! CLI: each keeps the work and memory of one request small (a plan of four billion years
//! once made the server allocate gigabytes and abort), and a number outside its bound is
//! refused naming the field. `docs/security.md` ("Bounds on inputs") lists them with why.
use std::fmt::Display;
use std::ops::RangeInclusive;

use resettle_domain::{Refusal, RefusalKind};

use crate::AppError;

/// Plan length in years. Resettlement plans argue over 2 to 5 years (the EU frameworks run
/// 2, the Belgian report 3); 50 leaves room for any long-run scenario while a plan's path,
/// its projected needs and its chart stay a few dozen rows.
pub const PLAN_YEARS: RangeInclusive<u32> = 1..=50;

/// Years of UNHCR projections a growth may be averaged over: no more than a plan is long,
/// and the shipped series is shorter still (the use case names the years it lacks).
pub const GROWTH_WINDOW_YEARS: RangeInclusive<u32> = 1..=50;

/// Persons in any one figure: a need, a distribution total, a year of a plan's path, a
/// pledge. UNHCR's largest projected global need so far is under 3 million a year; 10
/// million is over three times that, and keeps every sum of 50 such figures far inside
/// `u64` and exact in `f64`.
pub const PERSONS: RangeInclusive<u64> = 0..=10_000_000;

/// A yearly change of the global need, in persons, up or down: no more than a whole
/// [`PERSONS`] figure.
pub const GROWTH: RangeInclusive<f64> = -10_000_000.0..=10_000_000.0;

/// A share (regional, a state's, a custom key's cap): a fraction of a whole. A cap above 1
/// could never bind.
pub const SHARE: RangeInclusive<f64> = 0.0..=1.0;

/// Calendar years of plans, projections and pledges: from the 1951 Convention's era to the
/// end of any plan made now; keeps `start_year + years` far from `i32` overflow.
pub const CALENDAR_YEARS: RangeInclusive<i32> = 1950..=2100;

/// Pages of a case list: 100,000 pages of the largest page is 50 million cases, more than
/// every resettlement case ever submitted; the database never skips further than that.
pub const PAGES: RangeInclusive<u32> = 1..=100_000;

/// The most cases a list counts: past it the list says "more than 10,000", since an
/// exact count of 90,000 matches reads 90,000 rows for a figure no one pages through,
/// and a narrower filter is what the reader needs then.
pub const COUNTED_CASES: i64 = 10_000;

/// Cases per page: a page is rendered whole, with each case's summary, so 500 keeps an
/// answer under a megabyte.
pub const CASES_PER_PAGE: RangeInclusive<u32> = 1..=500;

/// Audit entries per answer (page or CSV): 10,000 rows is a month of a busy programme's
/// trail, a few megabytes of CSV; narrow by day or actor for more.
pub const AUDIT_ENTRIES: RangeInclusive<i64> = 1..=10_000;

/// A position in the audit trail (the `before` of a page): from the first entry to far past
/// any trail a programme writes (a million entries a day for a thousand years).
pub const AUDIT_SEQUENCE: RangeInclusive<i64> = 1..=i64::MAX / 2;

/// Bytes of one import file sent to the server: 100,000 rows of the layout are
/// about 15 MB of CSV; 32 MiB leaves room for long names without holding more in memory.
pub const IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Members of one case (and so a member number, and the members named in a split
/// decision). UNHCR cases are families, rarely above 15 persons; 50 is every extended
/// household while keeping a case's checks and documents small.
pub const CASE_MEMBERS: RangeInclusive<u32> = 1..=50;

/// Signatories of a sponsor group: community groups are 5 to 20 people; 1,000 covers a
/// parish or a company.
pub const SPONSOR_MEMBERS: RangeInclusive<u32> = 1..=1_000;

/// Persons a sponsor group can house: one family, at most [`CASE_MEMBERS`]. Placement
/// treats it as a place's capacity, so a huge one would distort every run.
pub const SPONSOR_CAPACITY: RangeInclusive<u32> = 1..=50;

/// Characters of a quota decision's text fields (who proposed, who was consulted, the
/// motivation): a published motivation runs to a few paragraphs.
pub const DECISION_TEXT_CHARS: usize = 4_000;

/// Characters of the note a support task is closed with: a few lines of what was done, as
/// a contact's note.
pub const TASK_NOTE_CHARS: usize = 1_000;

/// Runs of one capacity forecast on the server: 2,000 runs give each probability within
/// about ±2 percentage points (95 %); the buffer search repeats them some 30 times, a few
/// seconds of one core. The CLI's operator may ask for more (`resettle simulate --runs`).
pub const FORECAST_RUNS: RangeInclusive<u32> = 1..=2_000;

/// The probability a forecast's buffer search aims every pledge at: below one half a
/// "buffer" would plan for failure; at 1 no finite buffer can be shown to suffice.
pub const TARGET_PROBABILITY: RangeInclusive<f64> = 0.5..=0.99;

/// `value` if it lies within `bound`; otherwise refused naming `field`, the bound and the
/// value. A NaN lies within no bound.
pub fn within<T: PartialOrd + Display + Copy>(
    field: &str,
    value: T,
    bound: &RangeInclusive<T>,
) -> Result<T, AppError> {
    if bound.contains(&value) {
        Ok(value)
    } else {
        Err(Refusal::of(
            field.to_string(),
            RefusalKind::OutOfRange {
                min: bound.start().to_string(),
                max: bound.end().to_string(),
                got: value.to_string(),
            },
        )
        .into())
    }
}

/// [`within`] for an optional value: absent is fine.
pub fn within_opt<T: PartialOrd + Display + Copy>(
    field: &str,
    value: Option<T>,
    bound: &RangeInclusive<T>,
) -> Result<Option<T>, AppError> {
    value.map(|v| within(field, v, bound)).transpose()
}

/// Refuses a list of more than `max` entries, naming `field`: the list's length drives the
/// work, so it is bounded like a number.
pub fn at_most_entries(field: &str, len: usize, max: usize) -> Result<(), AppError> {
    if len <= max {
        Ok(())
    } else {
        Err(Refusal::of(field.to_string(), RefusalKind::TooMany { max, got: len }).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_out_of_bound_is_refused_naming_field_bound_and_value() {
        let e = within("years", u32::MAX, &PLAN_YEARS).unwrap_err();
        assert_eq!(e.to_string(), "years: must be from 1 to 50, got 4294967295");
        assert_eq!(within("years", 50, &PLAN_YEARS).unwrap(), 50);
        assert!(within("years", 0, &PLAN_YEARS).is_err());
    }

    #[test]
    fn nan_is_within_no_bound() {
        let e = within("share", f64::NAN, &SHARE).unwrap_err().to_string();
        assert!(e.starts_with("share: ") && e.contains("NaN"), "{e}");
    }

    #[test]
    fn a_long_list_is_refused_naming_its_length() {
        assert!(at_most_entries("first_years", 49, 49).is_ok());
        let e = at_most_entries("first_years", 1_000_000, 49).unwrap_err();
        assert_eq!(
            e.to_string(),
            "first_years: at most 49 entries, got 1000000"
        );
    }
}
