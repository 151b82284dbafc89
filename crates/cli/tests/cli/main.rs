//! The `resettle` binary's integration tests, one binary: each module runs the binary as a
//! user does (real processes, sockets and databases).
mod cli;
mod crash;
mod place;
