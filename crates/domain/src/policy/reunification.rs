//! `[reunification]`: how long a request to bring a relative left behind may wait for a
//! decision. The Belgian NGOs report a family whose adult son's request had dragged on for
//! more than a year (§3.4 "Gezinshereniging"); a limit makes such a wait visible on the day
//! it runs over, like any other limit.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;

/// The longest limit a profile may set: ten years.
const MAX_DAYS: u32 = 3_653;

/// The days a reunification request may wait for a decision, and where the figure comes
/// from (or that it is assumed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReunificationLimit {
    /// Days from the request to the last day for its decision.
    pub days: u32,
    /// Where the figure comes from, or that it is a project default.
    pub source: String,
}

impl ReunificationLimit {
    /// Reads `[reunification]`; a profile without it sets no limit.
    pub(super) fn read(
        raw: Option<&raw::Reunification>,
        cx: &Cx,
    ) -> Result<Option<Self>, PolicyError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        Ok(Some(ReunificationLimit {
            days: cx.count(&raw.days, "reunification.days", 1, MAX_DAYS)?,
            source: cx.text(&raw.source, "reunification.source")?,
        }))
    }
}
