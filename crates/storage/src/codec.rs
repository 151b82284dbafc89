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

/// How PostgreSQL writes a `timestamptz` as text under DateStyle ISO and TimeZone UTC
/// (set on every connection): `2026-12-05 21:18:46.123456+00`, the fraction only when
/// there is one.
const POSTGRES_TIMESTAMP: &[time::format_description::FormatItem<'static>] = time::macros::format_description!(
    "[year]-[month]-[day] [hour]:[minute]:[second][optional [.[subsecond]]][offset_hour sign:mandatory]"
);

/// A timestamp as stored: RFC 3339 in UTC, which also sorts as text, to the microsecond,
/// which is all PostgreSQL's `timestamptz` keeps: so both backends hold the same moment.
pub(crate) fn timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .expect("fewer nanoseconds are still a time")
        .format(&Rfc3339)
        .expect("a UTC timestamp always formats")
}

/// Reads a stored date back.
pub(crate) fn parse_date(field: &'static str, s: &str) -> Result<Date, StorageError> {
    Date::parse(s, DATE).map_err(|e| corrupt(field, s, e))
}

/// Reads a stored timestamp back: RFC 3339 text, or a PostgreSQL `timestamptz` read as
/// `CAST(col AS TEXT)`.
pub(crate) fn parse_timestamp(
    field: &'static str,
    s: &str,
) -> Result<OffsetDateTime, StorageError> {
    OffsetDateTime::parse(s, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(s, POSTGRES_TIMESTAMP))
        .map_err(|e| corrupt(field, s, e))
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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_stored_moment_keeps_microseconds_as_postgresql_does() {
        let t = datetime!(2026-12-05 21:18:46.123456789 +01:00);
        assert_eq!(timestamp(t), "2026-12-05T20:18:46.123456Z");
        assert_eq!(
            timestamp(datetime!(2026-12-05 21:18:46 UTC)),
            "2026-12-05T21:18:46Z"
        );
    }

    #[test]
    fn a_moment_reads_back_from_either_backend() {
        let t = datetime!(2026-12-05 21:18:46.123456 UTC);
        assert_eq!(parse_timestamp("t", &timestamp(t)).unwrap(), t);
        assert_eq!(
            parse_timestamp("t", "2026-12-05 21:18:46.123456+00").unwrap(),
            t
        );
        assert_eq!(
            parse_timestamp("t", "2026-12-05 21:18:46+00").unwrap(),
            datetime!(2026-12-05 21:18:46 UTC)
        );
        assert!(parse_timestamp("t", "2026-12-05").is_err());
        assert!(
            parse_timestamp("t", "2026-12-05 21:18:46").is_err(),
            "no zone"
        );
    }
}
