//! When check-ins fall due, and which are overdue.
use serde::Serialize;
use time::{Date, Duration};

use crate::calendar::add_months;

/// Days after its due date a check-in may still be answered before it counts as overdue
/// on the work list: two weeks to arrange a visit.
pub const CHECKIN_GRACE_DAYS: i64 = 14;

/// The day the check-in at `months` falls due: `months` calendar months after arrival.
pub fn checkin_due(arrived_on: Date, months: u32) -> Date {
    add_months(arrived_on, months)
}

/// A check-in that has fallen due and is not answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DueCheckIn {
    /// Months after arrival.
    pub months: u32,
    /// The day it fell due.
    pub due_on: Date,
    /// More than [`CHECKIN_GRACE_DAYS`] past its due date.
    pub overdue: bool,
}

/// The check-ins of a family that arrived on `arrived_on` which have fallen due by `today`
/// and are not among `answered`, in order: the profile's `checkin_months` that are due.
pub fn checkins_due(
    arrived_on: Date,
    checkin_months: &[u32],
    answered: &[u32],
    today: Date,
) -> Vec<DueCheckIn> {
    checkin_months
        .iter()
        .filter(|m| !answered.contains(m))
        .map(|&months| {
            let due_on = checkin_due(arrived_on, months);
            DueCheckIn {
                months,
                due_on,
                overdue: due_on + Duration::days(CHECKIN_GRACE_DAYS) < today,
            }
        })
        .filter(|d| d.due_on <= today)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn the_belgian_check_ins_fall_due_on_the_day_of_arrival_months_later() {
        let arrived = date!(2025 - 08 - 31);
        let due = checkins_due(arrived, &[3, 6, 12, 18], &[3], date!(2026 - 03 - 10));
        assert_eq!(
            due,
            vec![DueCheckIn {
                months: 6,
                due_on: date!(2026 - 02 - 28),
                overdue: false,
            }]
        );
        let later = checkins_due(arrived, &[3, 6, 12, 18], &[3], date!(2026 - 03 - 15));
        assert!(later[0].overdue);
    }

    fn day() -> impl Strategy<Value = Date> {
        (0i32..4000).prop_map(|d| date!(2020 - 01 - 01) + Duration::days(i64::from(d)))
    }

    proptest! {
        #[test]
        fn due_dates_follow_arrival_in_the_order_of_the_months(
            arrived in day(),
            mut months in proptest::collection::btree_set(1u32..=120, 0..8),
        ) {
            let months: Vec<u32> = std::mem::take(&mut months).into_iter().collect();
            let mut last = arrived;
            for &m in &months {
                let due = checkin_due(arrived, m);
                prop_assert!(due > last, "{m} months: {due} not after {last}");
                // Never more than a month's length off the naive count of 30.44 days.
                let days = (due - arrived).whole_days();
                prop_assert!((days - i64::from(m) * 3044 / 100).abs() <= 31);
                last = due;
            }
        }

        #[test]
        fn exactly_the_unanswered_check_ins_due_by_today_are_listed(
            arrived in day(),
            today in day(),
            answered in proptest::collection::vec(prop_oneof![Just(3u32), Just(6), Just(12), Just(18)], 0..4),
        ) {
            let months = [3, 6, 12, 18];
            let due = checkins_due(arrived, &months, &answered, today);
            for m in months {
                let listed = due.iter().find(|d| d.months == m);
                let should = !answered.contains(&m) && checkin_due(arrived, m) <= today;
                prop_assert_eq!(listed.is_some(), should, "{} months", m);
                if let Some(d) = listed {
                    prop_assert_eq!(d.overdue, (today - d.due_on).whole_days() > CHECKIN_GRACE_DAYS);
                }
            }
            prop_assert!(due.windows(2).all(|w| w[0].due_on < w[1].due_on));
        }
    }
}
