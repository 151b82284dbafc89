//! Data-protection settings that storage, exports and reports read: how long closed cases
//! are kept and how small a published count may be.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;

/// Years a case is kept after it is closed when the profile does not say. A project
/// default, not from the sources: long enough for the family reunification requests and
/// naturalisation applications that come years after closure to find the file; a
/// programme's data protection officer should set its own.
pub const DEFAULT_RETENTION_YEARS: u32 = 10;

/// The smallest count published as a number when the profile does not say: counts 1 to 4
/// are shown as "<5", so that a published table cannot single out a family.
pub const DEFAULT_SMALL_CELL_THRESHOLD: u32 = 5;

/// Retention and publication settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DataProtection {
    /// Years after closure before a case's personal data is deleted.
    pub retention_years: u32,
    /// Counts from 1 up to this number minus one are published as "<threshold"; 0 is
    /// published as 0.
    pub small_cell_threshold: u32,
}

impl Default for DataProtection {
    fn default() -> Self {
        DataProtection {
            retention_years: DEFAULT_RETENTION_YEARS,
            small_cell_threshold: DEFAULT_SMALL_CELL_THRESHOLD,
        }
    }
}

impl DataProtection {
    /// Reads `[data_protection]`; a threshold below 2 would publish single persons and is
    /// refused.
    pub(super) fn read(raw: Option<&raw::DataProtection>, cx: &Cx) -> Result<Self, PolicyError> {
        let d = DataProtection::default();
        let Some(raw) = raw else { return Ok(d) };
        Ok(DataProtection {
            retention_years: raw
                .retention_years
                .as_ref()
                .map_or(Ok(d.retention_years), |v| {
                    cx.count(v, "data_protection.retention_years", 1, 100)
                })?,
            small_cell_threshold: raw
                .small_cell_threshold
                .as_ref()
                .map_or(Ok(d.small_cell_threshold), |v| {
                    cx.count(v, "data_protection.small_cell_threshold", 2, 1000)
                })?,
        })
    }
}
