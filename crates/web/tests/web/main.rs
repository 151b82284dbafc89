//! The web crate's integration tests but the browser's, one binary: the API and the pages
//! answered in process on real SQLite and PostgreSQL databases. The browser suite
//! (`tests/browser`) is a binary of its own: it drives Chromium one page at a time.
mod bounds;
mod common;
mod family;
mod security;
mod signin;
mod tokens;
mod web;
