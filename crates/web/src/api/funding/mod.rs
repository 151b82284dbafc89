//! `/api/v1/programmes/{code}/funding/…`: funding claims filed and frozen.
pub(crate) mod claims;
