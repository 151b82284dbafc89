//! Conversions between domain values and the text stored for them.
use std::str::FromStr;

use resettle_domain::access::Role;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use crate::StorageError;

const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// A date as stored: `YYYY-MM-DD`, which sorts and compares as text on both backends.
pub(crate) fn date(d: Date) -> String {
    d.format(DATE).expect("a calendar date always formats")
}

/// A timestamp as stored: RFC 3339 in UTC, which also sorts as text.
pub(crate) fn timestamp(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .expect("a UTC timestamp always formats")
}

/// Reads a stored date back.
pub(crate) fn parse_date(field: &'static str, s: &str) -> Result<Date, StorageError> {
    Date::parse(s, DATE).map_err(|e| corrupt(field, s, e))
}

/// Reads a stored timestamp back.
pub(crate) fn parse_timestamp(
    field: &'static str,
    s: &str,
) -> Result<OffsetDateTime, StorageError> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|e| corrupt(field, s, e))
}

/// Reads a stored word back into its enum.
pub(crate) fn parse_word<T: FromStr>(field: &'static str, s: &str) -> Result<T, StorageError>
where
    T::Err: std::fmt::Display,
{
    s.parse().map_err(|e| corrupt(field, s, e))
}

/// Words of a list as stored: joined by commas (`financial,emotional`), empty for none.
pub(crate) fn words<T: std::fmt::Display>(list: &[T]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a list stored by [`words`] back into its enums.
pub(crate) fn parse_words<T: FromStr>(field: &'static str, s: &str) -> Result<Vec<T>, StorageError>
where
    T::Err: std::fmt::Display,
{
    s.split(',')
        .filter(|w| !w.is_empty())
        .map(|w| parse_word(field, w))
        .collect()
}

/// Reads a stored role list (`case-officer,medical-officer`) back: a user always holds at
/// least one role, so an empty list is as corrupt as an unknown word.
pub(crate) fn parse_roles(field: &'static str, s: &str) -> Result<Vec<Role>, StorageError> {
    Role::parse_list(s).map_err(|e| corrupt(field, s, e))
}

pub(crate) fn corrupt(
    field: &'static str,
    value: &str,
    reason: impl std::fmt::Display,
) -> StorageError {
    StorageError::Corrupt {
        field,
        value: value.to_string(),
        reason: reason.to_string(),
    }
}
