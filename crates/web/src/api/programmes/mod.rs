//! `/api/v1/programmes/{code}/…`.
pub(crate) mod pledges;
