//! `/api/v1/cases/…`: cases, their lifecycle, timeline, stays, promises and reunification.
//! Every route needs an API token; the caller is recorded as the actor of each change.
pub(crate) mod after_arrival;
pub(crate) mod contact;
pub(crate) mod create;
pub(crate) mod events;
pub(crate) mod export;
pub(crate) mod list;
pub(crate) mod medical;
pub(crate) mod outcomes;
pub(crate) mod promises;
pub(crate) mod reunification;
pub(crate) mod show;
pub(crate) mod stays;
pub(crate) mod support;
pub(crate) mod transition;
