//! `/api/v1/programmes/{code}/quota/…`: the plan split over situations and channels, the
//! decisions behind it, and a year tracked to arrival. Planners only.
pub(crate) mod allocate;
pub(crate) mod decisions;
pub(crate) mod track;
