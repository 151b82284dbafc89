//! Protecting personal data at rest and at sign-in.
pub mod chain;
pub mod cipher;
pub mod totp;
