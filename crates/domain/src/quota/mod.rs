//! Quota planning: fair-share distribution keys, key updates, needs projections, growth paths,
//! and a year's quota split over refugee situations and channels.
//!
//! Pure arithmetic on data passed in (CSV as text, never files). See `docs/quota.md` for the
//! formulas, their sources and the worked examples the tests reproduce.
mod allocation;
mod apportion;
mod csv_input;
mod error;
mod indicators;
mod method;
mod missions;
mod needs;
mod plan;
mod projection;
mod shares;
mod state;
mod update;

#[cfg(test)]
mod allocation_proptests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod reference_tests;

pub use allocation::{
    AllocationError, AllocationLine, AllocationRules, EmergencyPlaces, MissionCapacity,
    PlanChannel, SponsorshipPlaces, YearAllocation, YearInput, allocate_year, apportion_bounded,
};
pub use apportion::{Allocation, Rounding, apportion, apportion_plan, persons_for_share};
pub use csv_input::{parse_indicators_csv, parse_key_csv, parse_pop_gdp_csv};
pub use error::QuotaError;
pub use indicators::{IndicatorSet, Indicators, PopGdp, PopGdpSet};
pub use method::{KeyMethod, Method, Weights};
pub use missions::{ImpliedMissions, implied_missions};
pub use needs::{Needs, SituationNeed};
pub use plan::{PathShape, Plan, PlanInput, PlanYear, Ramp, growth_path, plan};
pub use projection::{NeedsBasis, average_growth, global_needs, yearly_needs};
pub use shares::{KeyShare, StateShare, compute_shares, key_of};
pub use state::StateCode;
pub use update::{update, update_one, update_with_weights};
