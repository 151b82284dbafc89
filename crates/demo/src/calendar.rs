//! Date arithmetic in whole days, the unit every delay in the demo is drawn in.
use time::{Date, Duration};

use crate::rng::Rng;

/// `date` moved by `days` (negative goes back).
pub(crate) fn add_days(date: Date, days: i64) -> Date {
    date + Duration::days(days)
}

/// Whole days from `from` to `to` (negative if `to` is earlier).
pub(crate) fn days_between(from: Date, to: Date) -> i64 {
    (to - from).whole_days()
}

/// A day in `from..=to`, uniformly; `from` itself if the range is empty.
pub(crate) fn day_between(rng: &mut Rng, from: Date, to: Date) -> Date {
    let span = days_between(from, to);
    if span <= 0 {
        from
    } else {
        add_days(from, rng.range(0, span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn day_between_stays_in_range_and_tolerates_empty_ranges() {
        let mut rng = Rng::stream(3, &[]);
        for _ in 0..100 {
            let d = day_between(&mut rng, date!(2024 - 02 - 27), date!(2024 - 03 - 02));
            assert!((date!(2024 - 02 - 27)..=date!(2024 - 03 - 02)).contains(&d));
        }
        let d = date!(2024 - 01 - 01);
        assert_eq!(day_between(&mut rng, d, add_days(d, -5)), d);
    }
}
