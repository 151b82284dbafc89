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
        crate::calendar::add_months(self.starts_on, self.months)
    }
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
