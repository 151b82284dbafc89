//! The rules of a resettlement programme. Pure: no I/O, no async, no SQL, no HTTP.
//!
//! Types here are parsed once at the edge (`CaseNumber::parse`, `CountryCode::parse`) so an
//! invalid value cannot exist further in; the storage and web crates convert to and from them.
pub mod access;
pub mod audit;
pub mod calendar;
pub mod case;
pub mod country;
pub mod error;
pub mod hold;
pub mod mission;
pub mod names;
pub mod outcomes;
pub mod policy;
pub mod programme;
pub mod quota;
pub mod reception;
pub mod reference;
pub mod refusal;
pub mod reunification;
pub mod sponsor;
pub mod statistics;
pub mod support;

pub use error::{ParseError, typed_word};
pub use refusal::{Refusal, RefusalKind};
