//! Protecting personal data at rest and at sign-in.
pub mod cipher;
pub mod totp;
