//! `/api/v1/programmes/{code}/…`.
pub(crate) mod holds;
pub(crate) mod list;
pub(crate) mod pledges;
