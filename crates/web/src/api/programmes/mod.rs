//! `/api/v1/programmes/{code}/…`.
pub(crate) mod list;
pub(crate) mod pledges;
