//! Dates checked against today and against what they follow: a day cannot be after today
//! if it records what happened, nor before what it follows in a case's own history (a
//! step before the submission, a birth after it).
use time::Date;

use crate::refusal::{Anchor, Refusal, RefusalKind};

/// Refuses a `date` after `today`: `date_of_birth: 2027-03-01 is after today (2026-11-23)`.
pub fn not_after_today(field: &'static str, date: Date, today: Date) -> Result<(), Refusal> {
    if date > today {
        return Err(Refusal::of(
            field,
            RefusalKind::InFuture { day: date, today },
        ));
    }
    Ok(())
}

/// Refuses a `date` before `earlier`, the day of `anchor`, which it follows:
/// `at: 2025-12-01 is before the case was submitted (2026-01-05)`.
pub fn not_before(
    field: &'static str,
    date: Date,
    anchor: Anchor,
    earlier: Date,
) -> Result<(), Refusal> {
    if date < earlier {
        return Err(Refusal::of(
            field,
            RefusalKind::Before {
                day: date,
                anchor,
                other: earlier,
            },
        ));
    }
    Ok(())
}

/// Refuses a `date` after `later`, the day of `anchor`, which it must precede:
/// `date_of_birth: 2026-03-01 is after the case was submitted (2026-01-05)`.
pub fn not_after(
    field: &'static str,
    date: Date,
    anchor: Anchor,
    later: Date,
) -> Result<(), Refusal> {
    if date > later {
        return Err(Refusal::of(
            field,
            RefusalKind::After {
                day: date,
                anchor,
                other: later,
            },
        ));
    }
    Ok(())
}

/// Age in whole years on `on` of a person born on `born`.
pub fn age_on(born: Date, on: Date) -> i32 {
    let mut age = on.year() - born.year();
    if (on.month() as u8, on.day()) < (born.month() as u8, born.day()) {
        age -= 1;
    }
    age
}

/// The day `months` calendar months after `date`, the day clamped to the month's length
/// (31 August + 18 months = 29 February).
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.month() as i32 - 1 + months as i32;
    let year = date.year() + total.div_euclid(12);
    let month = time::Month::try_from((total.rem_euclid(12) + 1) as u8).expect("1..=12");
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).expect("day clamped to month length")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn messages_name_the_field_the_date_and_what_it_contradicts() {
        let today = date!(2026 - 11 - 23);
        assert_eq!(
            not_after_today("date_of_birth", date!(2027 - 03 - 01), today)
                .unwrap_err()
                .to_string(),
            "date_of_birth: 2027-03-01 is after today (2026-11-23)"
        );
        assert_eq!(
            not_before(
                "at",
                date!(2025 - 12 - 01),
                Anchor::Submitted,
                date!(2026 - 01 - 05)
            )
            .unwrap_err()
            .to_string(),
            "at: 2025-12-01 is before the case was submitted (2026-01-05)"
        );
    }

    proptest! {
        /// Each check refuses exactly the dates on the wrong side of its bound, and the
        /// bound itself is allowed.
        #[test]
        fn a_bound_is_allowed_and_only_the_wrong_side_refused(a in 0i32..40_000, b in 0i32..40_000) {
            let day = |n: i32| Date::from_julian_day(2_440_000 + n).unwrap();
            let (date, bound) = (day(a), day(b));
            prop_assert_eq!(not_after_today("f", date, bound).is_err(), date > bound);
            prop_assert_eq!(not_after("f", date, Anchor::DaySet, bound).is_err(), date > bound);
            prop_assert_eq!(not_before("f", date, Anchor::DaySet, bound).is_err(), date < bound);
        }
    }
}
