//! What must be done before a family can travel: authorisation, visa, medical check,
//! cultural orientation.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::reasons::{Labels, read_named};

/// One pre-departure step. A required one must be recorded as done before a departure is
/// scheduled; an optional one is recorded when it happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreDepartureCheck {
    /// A snake_case name (`travel_authorisation`, `humanitarian_visa`, `medical_check`,
    /// `cultural_orientation`, or the profile's own).
    pub name: String,
    /// Whether a departure may be scheduled without it.
    pub required: bool,
    /// Who does or grants it (Belgium: the State Secretary grants travel authorisation).
    pub by: String,
    /// What it involves (the Netherlands: three trainings of six half-days).
    pub description: String,
    /// Where this comes from.
    pub source: String,
    /// Its words in each language, for the checklist on pages and letters.
    pub label: Labels,
}

/// Reads `[[pre_departure]]`, or the steps after arrival of `[[post_arrival]]`, which
/// have the same shape: `table` names the table, `what` the checks in an error.
pub(super) fn read(
    raw: &[raw::PreDeparture],
    table: &str,
    what: &str,
    cx: &Cx,
) -> Result<Vec<PreDepartureCheck>, PolicyError> {
    let mut checks: Vec<PreDepartureCheck> = Vec::new();
    for (i, c) in raw.iter().enumerate() {
        let key = format!("{table}[{i}]");
        let (name, label) = read_named(&c.name, c.label.as_ref(), &key, "name", cx)?;
        if checks.iter().any(|k| k.name == name) {
            return Err(cx.at(
                &c.name,
                format!("{key}.name"),
                format!("the {what} check {name:?} is listed twice"),
            ));
        }
        checks.push(PreDepartureCheck {
            name,
            required: c.required.unwrap_or(true),
            by: c.by.trim().to_string(),
            description: c.description.trim().to_string(),
            source: c.source.trim().to_string(),
            label,
        });
    }
    Ok(checks)
}
