//! The one place the wall clock is read.
//!
//! Every rule takes "today" or "now" as a value from its caller, so a rule's answer never
//! depends on the day it runs. The entry points (the CLI, the web server) hand the
//! application a [`SystemClock`]; tests hand it a [`FixedClock`] on a day of their choosing
//! and move it forward when they need time to pass (an idle session expiring, a retention
//! period running out). The store stamps what it records (audit entries, decisions, runs)
//! with the same clock, so a test's records carry the test's day. See
//! `docs/decisions/0007-clock.md`.
use std::fmt::Debug;
use std::sync::Mutex;

use time::{Date, Duration, OffsetDateTime};

/// Where "now" comes from.
pub trait Clock: Debug + Send + Sync {
    /// The current instant, in UTC.
    fn now(&self) -> OffsetDateTime;

    /// Today's date, in UTC.
    fn today(&self) -> Date {
        self.now().date()
    }
}

/// The operating system's clock: what a deployment uses.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that stands still until told to move: what tests use, so that their answers are
/// the same on every day they run.
#[derive(Debug)]
pub struct FixedClock(Mutex<OffsetDateTime>);

impl FixedClock {
    /// A clock standing at `at`.
    pub fn at(at: OffsetDateTime) -> FixedClock {
        FixedClock(Mutex::new(at))
    }

    /// A clock standing at noon UTC on `day`.
    pub fn on(day: Date) -> FixedClock {
        FixedClock::at(day.midnight().assume_utc() + Duration::hours(12))
    }

    /// Moves the clock forward (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) += by;
    }

    /// Sets the clock to `at`.
    pub fn set(&self, at: OffsetDateTime) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let clock = FixedClock::on(date!(2026 - 11 - 23));
        assert_eq!(clock.now(), datetime!(2026-11-23 12:00 UTC));
        assert_eq!(clock.now(), clock.now());
        clock.advance(Duration::days(400));
        assert_eq!(clock.today(), date!(2027 - 12 - 28));
        clock.set(datetime!(2020-01-01 0:00 UTC));
        assert_eq!(clock.today(), date!(2020 - 01 - 01));
    }
}
