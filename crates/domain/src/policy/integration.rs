//! Individual integration support after the family has a home, and the wellbeing
//! check-ins that follow the family through it.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::steps::Steps;
use crate::case::CaseState;

/// The months of support when a profile does not say: the 18 months of individual,
/// tailored support the Belgian NGOs recommend (recommendation 7b).
pub const DEFAULT_SUPPORT_MONTHS: u32 = 18;

/// The months after arrival a wellbeing check-in falls due when a profile does not say:
/// a quarter in, at the end of the half-year in which families should have their own
/// housing, and at the two employment follow-ups (12 and 18 months).
pub const DEFAULT_CHECKIN_MONTHS: [u32; 4] = [3, 6, 12, 18];

/// The latest month a check-in may be set at: ten years after arrival.
const LAST_CHECKIN_MONTH: u32 = 120;

/// Integration support: how long, by whom, whether individual or in groups, and when
/// the family's wellbeing is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntegrationSupport {
    /// Months of support from its start; 0 when the programme gives none (then the
    /// `integration_support` step is switched off).
    pub support_months: u32,
    /// Who provides it (NGO partners, the municipality).
    pub provider: String,
    /// Individual, tailored support (true) or group sessions only (false).
    pub individual: bool,
    /// The months after arrival at which a wellbeing check-in falls due, ascending and
    /// distinct; empty when the programme gives no support.
    pub checkin_months: Vec<u32>,
}

impl IntegrationSupport {
    /// Reads `[integration]` and `[support]` and checks they agree with the
    /// `integration_support` step.
    pub(super) fn read(
        raw: Option<&raw::Integration>,
        support: Option<&raw::Support>,
        steps: &Steps,
        cx: &Cx,
    ) -> Result<Self, PolicyError> {
        let on = steps.is_on(CaseState::IntegrationSupport);
        let checkin_months = read_checkin_months(support, on, cx)?;
        let default_months = if on { DEFAULT_SUPPORT_MONTHS } else { 0 };
        let Some(raw) = raw else {
            return Ok(IntegrationSupport {
                support_months: default_months,
                provider: String::new(),
                individual: true,
                checkin_months,
            });
        };
        let support_months = match &raw.support_months {
            None => default_months,
            Some(m) => {
                let months = cx.count(m, "integration.support_months", 0, 120)?;
                if (months > 0) != on {
                    let reason = if on {
                        "is 0, but the integration_support step is on: switch it off in steps.off, or give the months"
                    } else {
                        "must be 0: the integration_support step is switched off in steps.off"
                    };
                    return Err(cx.at(m, "integration.support_months", reason.into()));
                }
                months
            }
        };
        Ok(IntegrationSupport {
            support_months,
            provider: raw.provider.trim().to_string(),
            individual: raw.individual,
            checkin_months,
        })
    }
}

/// `support.checkin_months`: each month in 1..=120, ascending without repeats; the
/// default when absent, none when the programme gives no support.
fn read_checkin_months(
    support: Option<&raw::Support>,
    on: bool,
    cx: &Cx,
) -> Result<Vec<u32>, PolicyError> {
    let key = "support.checkin_months";
    let Some(list) = support.and_then(|s| s.checkin_months.as_ref()) else {
        return Ok(if on {
            DEFAULT_CHECKIN_MONTHS.to_vec()
        } else {
            Vec::new()
        });
    };
    if !on && !list.get_ref().is_empty() {
        return Err(cx.at(
            list,
            key,
            "must be empty: the integration_support step is switched off in steps.off".into(),
        ));
    }
    let mut months = Vec::with_capacity(list.get_ref().len());
    for m in list.get_ref() {
        let month = cx.count(m, key, 1, LAST_CHECKIN_MONTH)?;
        if months.last().is_some_and(|&last| last >= month) {
            return Err(cx.at(
                m,
                key,
                format!(
                    "{month} must come after {}: list the months in ascending order, each once",
                    months[months.len() - 1]
                ),
            ));
        }
        months.push(month);
    }
    Ok(months)
}
