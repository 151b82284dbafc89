//! Reading single values out of the TOML shape: words from a fixed list, counts, amounts,
//! names. Each refusal points at the value and names its key.
use std::fmt::Display;
use std::str::FromStr;

use toml::Spanned;

use super::error::PolicyError;

/// The text being read, so that errors found after deserialising can still be placed at a
/// line and column.
pub(super) struct Cx<'a> {
    pub text: &'a str,
}

impl Cx<'_> {
    /// An error at `value`, for `key`.
    pub fn at<T>(&self, value: &Spanned<T>, key: impl Into<String>, reason: String) -> PolicyError {
        PolicyError::at(self.text, value.span(), key, reason)
    }

    /// A word from the fixed list `all` (states, priorities, places), refused with the list
    /// when unknown: `unknown state "arived"; expected one of: …`.
    pub fn word<T>(
        &self,
        value: &Spanned<String>,
        key: &str,
        what: &str,
        all: &[T],
    ) -> Result<T, PolicyError>
    where
        T: FromStr + Display + Copy,
    {
        value.get_ref().parse().map_err(|_| {
            let list: Vec<String> = all.iter().map(T::to_string).collect();
            self.at(
                value,
                key,
                format!(
                    "unknown {what} {:?}; expected one of: {}",
                    value.get_ref(),
                    list.join(", ")
                ),
            )
        })
    }

    /// A whole number in `min..=max`, e.g. days or months; a negative number is refused
    /// with its key rather than as a type mismatch.
    pub fn count(
        &self,
        value: &Spanned<i64>,
        key: &str,
        min: u32,
        max: u32,
    ) -> Result<u32, PolicyError> {
        let v = *value.get_ref();
        if v < i64::from(min) || v > i64::from(max) {
            let range = if max == u32::MAX {
                format!("at least {min}")
            } else {
                format!("between {min} and {max}")
            };
            return Err(self.at(value, key, format!("must be {range}, got {v}")));
        }
        Ok(v as u32)
    }

    /// An amount of money in euro cents, 0 or more.
    pub fn cents(&self, value: &Spanned<i64>, key: &str) -> Result<i64, PolicyError> {
        let v = *value.get_ref();
        if v < 0 {
            return Err(self.at(
                value,
                key,
                format!("an amount in cents cannot be negative, got {v}"),
            ));
        }
        Ok(v)
    }

    /// A snake_case name chosen by the profile's author (a check, a pre-departure step), so
    /// that decisions and reports can store and compare it as a plain word.
    pub fn name(&self, value: &Spanned<String>, key: &str) -> Result<String, PolicyError> {
        let s = value.get_ref();
        let ok = s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(s.clone())
        } else {
            Err(self.at(
                value,
                key,
                format!("{s:?} is not a snake_case name (lower-case letters, digits and _, starting with a letter)"),
            ))
        }
    }

    /// Text that must say something (a title, an authority).
    pub fn text(&self, value: &Spanned<String>, key: &str) -> Result<String, PolicyError> {
        let s = value.get_ref().trim();
        if s.is_empty() {
            return Err(self.at(value, key, "must not be empty".into()));
        }
        Ok(s.to_string())
    }
}
