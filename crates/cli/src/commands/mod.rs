//! One module per subcommand.
pub mod demo;
pub mod fair_share;
pub mod migrate;
pub mod pledge;
pub mod serve;
