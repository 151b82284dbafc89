//! Individual integration support after the family has a home.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::steps::Steps;
use crate::case::CaseState;

/// The months of support when a profile does not say: the 18 months of individual,
/// tailored support the Belgian NGOs recommend (recommendation 7b).
pub const DEFAULT_SUPPORT_MONTHS: u32 = 18;

/// Integration support: how long, by whom, and whether individual or in groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntegrationSupport {
    /// Months of support from its start; 0 when the programme gives none (then the
    /// `integration_support` step is switched off).
    pub support_months: u32,
    /// Who provides it (NGO partners, the municipality).
    pub provider: String,
    /// Individual, tailored support (true) or group sessions only (false).
    pub individual: bool,
}

impl IntegrationSupport {
    /// Reads `[integration]` and checks it agrees with the `integration_support` step.
    pub(super) fn read(
        raw: Option<&raw::Integration>,
        steps: &Steps,
        cx: &Cx,
    ) -> Result<Self, PolicyError> {
        let on = steps.is_on(CaseState::IntegrationSupport);
        let default_months = if on { DEFAULT_SUPPORT_MONTHS } else { 0 };
        let Some(raw) = raw else {
            return Ok(IntegrationSupport {
                support_months: default_months,
                provider: String::new(),
                individual: true,
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
        })
    }
}
