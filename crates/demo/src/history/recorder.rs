//! The event list of one case as it is written: sequence numbers, each step starting where
//! the last ended, office-hour timestamps that never go back, and nothing after `as_of`.
use resettle_domain::case::{CaseEvent, CaseState};
use serde_json::Value;
use time::{Date, Duration, OffsetDateTime, Time};

use crate::rng::Rng;

/// The walk is over: the case ended or the next step lies after `as_of`. Returned with `?`
/// so a walk reads as the happy path.
#[derive(Debug)]
pub(crate) struct Over;

/// Writes one case's events.
pub(crate) struct Recorder {
    /// Nothing is recorded after this day.
    horizon: Date,
    /// The events so far.
    pub(crate) events: Vec<CaseEvent>,
}

impl Recorder {
    /// An empty history that ends at `horizon`.
    pub(crate) fn new(horizon: Date) -> Self {
        Self {
            horizon,
            events: Vec::with_capacity(12),
        }
    }

    /// Fails if `on` is after the horizon, for things recorded without a state change
    /// (a new promise).
    pub(crate) fn within(&self, on: Date) -> Result<(), Over> {
        if on > self.horizon { Err(Over) } else { Ok(()) }
    }

    /// Records the move to `to` on `on`, during office hours and after the previous event,
    /// with its reason in words and, for a step that names one from the profile's lists,
    /// as a code. Returns `Over` when the step lies after the horizon (nothing is
    /// recorded) or ends the case.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn record(
        &mut self,
        rng: &mut Rng,
        on: Date,
        to: CaseState,
        actor: &str,
        reason: String,
        reason_code: Option<&str>,
        payload: Value,
    ) -> Result<(), Over> {
        self.within(on)?;
        let last = self.events.last().map(|e| e.at);
        let on = last.map_or(on, |l| on.max(l.date()));
        let time = Time::from_hms(rng.range(8, 17) as u8, rng.range(0, 59) as u8, 0)
            .expect("office hours are a valid time");
        let mut at = OffsetDateTime::new_utc(on, time);
        if let Some(last) = last
            && at <= last
        {
            let later = last + Duration::minutes(rng.range(3, 90));
            at = if later.date() == on { later } else { last };
        }
        self.events.push(CaseEvent {
            seq: self.events.len() as u32 + 1,
            at,
            actor: actor.into(),
            from: self.events.last().map(|e| e.to),
            to,
            reason,
            reason_code: reason_code.map(String::from),
            payload,
        });
        if to.is_terminal() { Err(Over) } else { Ok(()) }
    }
}
