//! Aggregates for publication: dashboards, exports and the report to Parliament, and the
//! step durations behind the families' estimates and capacity forecasts.
mod bands;
pub mod cohorts;
pub mod durations;
mod quantile;
mod suppression;

pub use bands::{AgeBand, FamilySize};
pub use quantile::nearest_rank;
pub use suppression::{Suppressed, publish, suppress};
