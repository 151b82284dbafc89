//! How a submission is assessed: by whom, with which checks in which order, and so which
//! grounds a refusal may cite.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::reasons::{Labels, read_named};

/// The name of the check on integration prospects (the Netherlands 2012: in every case,
/// after the asylum-law grounds). The NGOs and UNHCR ask that it never be used; a profile
/// has it only if the policy does, and only then may a refusal cite it.
pub const INTEGRATION_PERSPECTIVE: &str = "integration_perspective";

/// Who decides and what they weigh.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The deciding authority's short name (`CGVS`, `IND`).
    pub authority: String,
    /// Its full name, for documents.
    pub authority_name: String,
    /// The share of submitted dossiers usually accepted (Belgium: about 0.95), for
    /// comparing with what the programme actually does; never used to decide.
    pub expected_acceptance_rate: Option<f64>,
    /// The checks, in the order they are performed. All of them apply to every case.
    pub checks: Vec<Check>,
}

/// One check in the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// A snake_case name that decisions store (`refugee_convention`, `exclusion_1f`).
    pub name: String,
    /// The legal or policy basis, cited.
    pub basis: String,
    /// Whether failing it is a ground a refusal may cite. A selection aim such as a
    /// balanced caseload is weighed but refuses nobody.
    pub refusal_ground: bool,
    /// Its words in each language, for pages, letters and reports.
    pub label: Labels,
}

impl Assessment {
    /// The grounds a refusal may cite, in check order.
    pub fn refusal_grounds(&self) -> Vec<&str> {
        self.checks
            .iter()
            .filter(|c| c.refusal_ground)
            .map(|c| c.name.as_str())
            .collect()
    }

    /// Whether the integration-perspective check is part of this policy.
    pub fn has_integration_check(&self) -> bool {
        self.checks
            .iter()
            .any(|c| c.name == INTEGRATION_PERSPECTIVE)
    }

    /// Reads `[assessment]`.
    pub(super) fn read(raw: &raw::Assessment, cx: &Cx) -> Result<Self, PolicyError> {
        let authority = cx.text(&raw.authority, "assessment.authority")?;
        let expected_acceptance_rate = match &raw.expected_acceptance_rate {
            None => None,
            Some(r) if (0.0..=1.0).contains(r.get_ref()) => Some(*r.get_ref()),
            Some(r) => {
                return Err(cx.at(
                    r,
                    "assessment.expected_acceptance_rate",
                    format!(
                        "must be a fraction between 0 and 1 (0.95 for 95%), got {}",
                        r.get_ref()
                    ),
                ));
            }
        };
        let mut checks: Vec<Check> = Vec::new();
        for (i, c) in raw.checks.get_ref().iter().enumerate() {
            let key = format!("assessment.checks[{i}]");
            let (name, label) = read_named(&c.name, c.label.as_ref(), &key, "name", cx)?;
            if checks.iter().any(|k| k.name == name) {
                return Err(cx.at(
                    &c.name,
                    format!("{key}.name"),
                    format!("the check {name:?} is listed twice"),
                ));
            }
            checks.push(Check {
                name,
                basis: c.basis.trim().to_string(),
                refusal_ground: c.refusal_ground.unwrap_or(true),
                label,
            });
        }
        if checks.is_empty() {
            return Err(cx.at(
                &raw.checks,
                "assessment.checks",
                "list at least one check".into(),
            ));
        }
        Ok(Assessment {
            authority,
            authority_name: raw.authority_name.trim().to_string(),
            expected_acceptance_rate,
            checks,
        })
    }
}
