//! Aggregates for publication: dashboards, exports and the report to Parliament, and the
//! step durations behind the families' estimates and capacity forecasts.
pub mod cohorts;
pub mod durations;
mod suppression;

pub use suppression::{Suppressed, suppress};
