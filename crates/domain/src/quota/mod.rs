//! Quota planning: fair-share distribution keys, key updates, needs projections, growth paths.
//!
//! Pure arithmetic on data passed in (CSV as text, never files). See `docs/quota.md` for the
//! formulas, their sources and the worked examples the tests reproduce.
mod apportion;
mod csv_input;
mod error;
mod indicators;
mod method;
mod plan;
mod projection;
mod shares;
mod state;
mod update;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod reference_tests;

pub use apportion::{Allocation, Rounding, apportion, apportion_plan, persons_for_share};
pub use csv_input::{parse_indicators_csv, parse_key_csv, parse_pop_gdp_csv};
pub use error::QuotaError;
pub use indicators::{IndicatorSet, Indicators, PopGdp, PopGdpSet};
pub use method::{Method, Weights};
pub use plan::{PathShape, Plan, PlanInput, PlanYear, growth_path, plan};
pub use projection::{NeedsBasis, average_growth, global_needs, yearly_needs};
pub use shares::{KeyShare, StateShare, compute_shares, key_of};
pub use state::StateCode;
pub use update::{update, update_one, update_with_weights};
