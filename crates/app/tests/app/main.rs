//! The app crate's integration tests, one binary: each module holds one area's use cases
//! run against real SQLite and PostgreSQL databases.
mod annual_report;
mod backup;
mod common;
mod exports;
mod forecast;
mod funding_claim;
mod import_cases;
mod lifecycle;
mod notices;
mod parsers;
mod placement;
mod quota;
mod security;
mod support;
