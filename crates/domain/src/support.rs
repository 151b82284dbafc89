//! Integration support after arrival.
use serde::{Deserialize, Serialize};
use time::Date;

/// Individual integration support for a family. The NGOs ask for 18 months, tailored;
/// the policy profile sets the length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportPlan {
    /// Who gives the support (an NGO, the municipality's social service, a sponsor group).
    pub provider: String,
    /// First day of support.
    pub starts_on: Date,
    /// Length of support in months.
    pub months: u32,
}

impl SupportPlan {
    /// The last day of support, `months` after the start.
    pub fn ends_on(&self) -> Date {
        months_after(self.starts_on, self.months)
    }
}

/// The same day `months` calendar months later, clamped to the month's last day (31
/// August + 6 months is 28 or 29 February): support ends and follow-ups fall due so.
pub fn months_after(day: Date, months: u32) -> Date {
    let total = day.month() as i32 - 1 + months as i32;
    let year = day.year() + total.div_euclid(12);
    let month = time::Month::try_from((total.rem_euclid(12) + 1) as u8).expect("1..=12");
    let d = day.day().min(month.length(year));
    Date::from_calendar_date(year, month, d).expect("day clamped to month length")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn eighteen_months_end_in_the_right_month_and_clamp_the_day() {
        let plan = |d| SupportPlan {
            provider: "x".into(),
            starts_on: d,
            months: 18,
        };
        assert_eq!(plan(date!(2023 - 01 - 15)).ends_on(), date!(2024 - 07 - 15));
        assert_eq!(plan(date!(2022 - 08 - 31)).ends_on(), date!(2024 - 02 - 29));
    }
}
