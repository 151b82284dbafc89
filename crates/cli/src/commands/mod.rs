//! One module per subcommand.
pub mod case;
pub mod demo;
pub mod fair_share;
pub mod migrate;
pub mod mission;
pub mod pledge;
pub mod policy;
pub mod programme;
pub mod retention;
pub mod serve;
pub mod user;
