//! Aggregates for publication: dashboards, exports and the report to Parliament.
mod bands;
mod quantile;
mod suppression;

pub use bands::{AgeBand, FamilySize};
pub use quantile::nearest_rank;
pub use suppression::{Suppressed, publish, suppress};
