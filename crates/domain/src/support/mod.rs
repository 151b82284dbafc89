//! Integration support after arrival: the plan, its goals and logged contacts, the
//! wellbeing check-ins that follow the family, and the problems they flag.
//!
//! The Belgian NGOs ask for 18 months of individual, tailored support with housing as
//! soon as possible after arrival, and for monitoring of wellbeing in the years after
//! (recommendations 7 and 8). The profile sets the length and when check-ins fall due.
use serde::{Deserialize, Serialize};
use time::Date;

use crate::ParseError;
use crate::calendar::{not_after_today, not_before};
use crate::case::CaseFile;
use crate::refusal::{Anchor, RefusalKind};
use crate::word_enum;

mod checkin;
mod due;
mod flags;
mod goals;

pub use checkin::{CheckIn, HealthAccess, Housing, Respondent, SCHOOL_AGE, Schooling, Work};
pub use due::{CHECKIN_GRACE_DAYS, DueCheckIn, checkin_due, checkins_due};
pub use flags::{OWN_HOUSING_BY_MONTH, Problem, ProblemKind, REUNIFICATION_BY_MONTH, new_problems};
pub use goals::{Contact, ContactKind, Goal, GoalKind, default_goals};

/// Who gives the support: the kinds of organisation the NGOs and the profiles name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ProviderKind {
    /// A civil-society organisation (Caritas, Convivial, a refugee council).
    #[default]
    Ngo,
    /// The municipality's social service.
    Municipality,
    /// The sponsor group that receives the family.
    SponsorGroup,
}
word_enum!(ProviderKind, "provider_kind", {
    Ngo => "ngo",
    Municipality => "municipality",
    SponsorGroup => "sponsor_group",
});

impl ProviderKind {
    /// The kind of `provider` for a family received by `sponsor_group` and living in
    /// `municipality`: the sponsor group or the municipality when it is the one named,
    /// else an NGO. Support is started by naming its provider; the kind follows.
    pub fn of(provider: &str, sponsor_group: Option<&str>, municipality: Option<&str>) -> Self {
        let named = |n: Option<&str>| n.is_some_and(|n| n.trim() == provider.trim());
        if named(sponsor_group) {
            ProviderKind::SponsorGroup
        } else if named(municipality) {
            ProviderKind::Municipality
        } else {
            ProviderKind::Ngo
        }
    }
}

/// Individual integration support for a family. The NGOs ask for 18 months, tailored;
/// the policy profile sets the length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportPlan {
    /// Who gives the support (an NGO, the municipality's social service, a sponsor group),
    /// by name: the organisation whose staff see the family.
    pub provider: String,
    /// What kind of organisation the provider is; files written before kinds were
    /// recorded read as an NGO.
    #[serde(default)]
    pub provider_kind: ProviderKind,
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

    /// Refuses a plan that cannot exist for `file`: no provider named, a family that has
    /// not arrived, a start before its arrival or after `today`, or no months.
    pub fn check(&self, file: &CaseFile, today: Date) -> Result<(), ParseError> {
        if self.provider.trim().is_empty() {
            return Err(ParseError::of("provider", RefusalKind::Missing));
        }
        if self.months == 0 {
            return Err(ParseError::of(
                "months",
                RefusalKind::TooFew { min: 1, got: 0 },
            ));
        }
        let arrived = arrived(file)?;
        not_after_today("starts_on", self.starts_on, today)?;
        not_before("starts_on", self.starts_on, Anchor::Arrived, arrived)
    }
}

/// The day `file`'s family arrived, or the refusal every support record gives before it.
pub(crate) fn arrived(file: &CaseFile) -> Result<Date, ParseError> {
    file.arrived_on()
        .ok_or_else(|| ParseError::of("case", RefusalKind::NotArrived))
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::testing::{arrived_family, plan};
    use super::*;
    use time::macros::date;

    #[test]
    fn eighteen_months_end_in_the_right_month_and_clamp_the_day() {
        assert_eq!(plan(date!(2023 - 01 - 15)).ends_on(), date!(2024 - 07 - 15));
        assert_eq!(plan(date!(2022 - 08 - 31)).ends_on(), date!(2024 - 02 - 29));
    }

    #[test]
    fn a_plan_starts_after_arrival_names_its_provider_and_is_not_in_the_future() {
        let file = arrived_family(date!(2025 - 03 - 10));
        let today = date!(2026 - 11 - 23);
        assert!(plan(date!(2025 - 03 - 10)).check(&file, today).is_ok());
        let early = plan(date!(2025 - 03 - 09)).check(&file, today).unwrap_err();
        assert_eq!(early.field, "starts_on");
        assert!(
            early.reason().contains("before the family arrived"),
            "{early}"
        );
        let future = plan(date!(2026 - 11 - 24)).check(&file, today).unwrap_err();
        assert_eq!(future.field, "starts_on");
        let nameless = SupportPlan {
            provider: " ".into(),
            ..plan(date!(2025 - 03 - 10))
        };
        assert_eq!(nameless.check(&file, today).unwrap_err().field, "provider");
    }

    #[test]
    fn provider_kinds_have_one_spelling() {
        for kind in ProviderKind::ALL {
            assert_eq!(kind.as_str().parse::<ProviderKind>().unwrap(), *kind);
        }
        assert_eq!(
            "church".parse::<ProviderKind>().unwrap_err().field,
            "provider_kind"
        );
    }
}
