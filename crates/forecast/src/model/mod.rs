//! The pipeline model: a scenario compiled into weeks ([`plan`]), one run of it
//! ([`run`]), and many runs shared among threads ([`parallel`]).
pub(crate) mod parallel;
pub(crate) mod plan;
pub(crate) mod run;

#[cfg(test)]
mod tests;
