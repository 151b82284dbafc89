//! Aggregates for publication: dashboards, exports and the report to Parliament.
mod suppression;

pub use suppression::{Suppressed, suppress};
