//! `/api/v1/fair-share/…`: quota keys, distributions, updates, plans and saved scenarios.
pub(crate) mod distribute;
pub(crate) mod key;
pub(crate) mod needs;
pub(crate) mod plan;
pub(crate) mod scenarios;
pub(crate) mod update;
