//! Time limits between two lifecycle states, per priority, and the check that finds the
//! ones a case has overrun. Families waited months past a promised departure without being
//! told why; these limits make such a delay visible on the day it starts.
use serde::Serialize;
use time::{Date, Duration};

use super::channels::{self, ChannelRule};
use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::steps::Steps;
use crate::case::{CaseState, Channel, Priority};

/// At most `days` days from the first time a case enters `from` until it enters `to`, for
/// cases of `priority` (the Netherlands 2012: accepted → arrived within six months).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeLimit {
    /// The state whose first entry starts the clock.
    pub from: CaseState,
    /// The state whose entry stops it.
    pub to: CaseState,
    /// The number of days allowed.
    pub days: u32,
    /// The priority it applies to (a limit written without one is listed once per priority).
    pub priority: Priority,
    /// Where the figure comes from, or that it is a project default.
    pub source: String,
}

/// A limit a case has overrun, with the dates needed to explain it to the family and in the
/// report to Parliament.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overdue {
    /// The limit overrun.
    pub limit: TimeLimit,
    /// The day the case first entered `limit.from`.
    pub since: Date,
    /// The last day on time: `since` plus `limit.days`.
    pub due: Date,
    /// Days past `due`: until the clock stopped, or until today while it runs.
    pub days_over: i64,
    /// Why and when the clock stopped; `None` while the case is still on its way to
    /// `limit.to` and the delay is still growing.
    pub stopped: Option<Stop>,
}

/// The entry that stopped a limit's clock: `limit.to` itself, reached late, or a state
/// from which `limit.to` can no longer be reached (refused, withdrawn, deceased), entered
/// after the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stop {
    /// The state entered.
    pub state: CaseState,
    /// The day it was entered.
    pub on: Date,
}

/// The longest limit a profile may set, so that a typo in `days` cannot overflow a date.
const MAX_DAYS: u32 = 36_500;

/// Reads `[[time_limits]]`, expands limits without a priority to every priority, and
/// returns them ordered by priority (file order within one priority).
pub(super) fn read(
    raw: &[raw::TimeLimit],
    steps: &Steps,
    rules: &[ChannelRule],
    cx: &Cx,
) -> Result<Vec<TimeLimit>, PolicyError> {
    let mut limits: Vec<TimeLimit> = Vec::new();
    for (i, l) in raw.iter().enumerate() {
        let key = |field: &str| format!("time_limits[{i}].{field}");
        let from = cx.word(&l.from, &key("from"), "state", CaseState::ALL)?;
        let to = cx.word(&l.to, &key("to"), "state", CaseState::ALL)?;
        for (s, w, k) in [(from, &l.from, key("from")), (to, &l.to, key("to"))] {
            if !steps.is_on(s) {
                return Err(cx.at(
                    w,
                    k,
                    format!("{s} is switched off in steps.off, so no case ever enters it"),
                ));
            }
        }
        if !steps.can_reach(from, to) {
            return Err(cx.at(
                &l.to,
                key("to"),
                format!("a case in {from} can never reach {to} in this programme"),
            ));
        }
        let days = cx.count(&l.days, &key("days"), 1, MAX_DAYS)?;
        let priorities = match &l.priority {
            None => Priority::ALL.to_vec(),
            Some(w) => {
                let p = cx.word(w, &key("priority"), "priority", Priority::ALL)?;
                let any_channel = [Channel::Mission, Channel::Dossier]
                    .into_iter()
                    .any(|c| channels::allows(rules, c, p));
                if !any_channel {
                    return Err(cx.at(
                        w,
                        key("priority"),
                        format!("no channel takes {p} cases (see [channels])"),
                    ));
                }
                vec![p]
            }
        };
        for priority in priorities {
            if limits
                .iter()
                .any(|k| k.from == from && k.to == to && k.priority == priority)
            {
                return Err(cx.at(
                    &l.from,
                    key("from"),
                    format!("a limit from {from} to {to} for {priority} cases is already set"),
                ));
            }
            limits.push(TimeLimit {
                from,
                to,
                days,
                priority,
                source: l.source.trim().to_string(),
            });
        }
    }
    limits.sort_by_key(|l| l.priority);
    Ok(limits)
}

/// What a case must be to have overrun a limit whose clock still runs, readable by a
/// database without the case's history: its priority, a state it is in now, a first entry
/// of the limit's `from` before a day, and no entry of its `to` after that first entry.
/// Every case running late on a limit meets the limit's screen (a case now in `to`, or in
/// a state from which `to` cannot be reached, entered it after starting the clock, which
/// stopped it then; a case still in `from` is in it; an entry of `to` after the start
/// stops the clock); [`OverdueScreen::days_late`] then decides from the states entered
/// since the start. It lets a database pick and decide the cases running late without
/// their histories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueScreen {
    /// The priority the limit applies to.
    pub priority: Priority,
    /// The states a case may be in now while the limit's clock runs.
    pub current: Vec<CaseState>,
    /// The limit's `from`.
    pub from: CaseState,
    /// The limit's `to`.
    pub to: CaseState,
    /// The states whose entry stops the limit's clock: `to` and those from which `to` can
    /// no longer be reached. A case late today has entered none of them since it first
    /// entered `from`.
    pub stops: Vec<CaseState>,
    /// A case late today entered `from` before this day (`today` minus the limit's days).
    pub entered_before: Date,
}

impl OverdueScreen {
    /// The days a case of the screen's priority, in one of its `current` states, runs
    /// late on the limit, if it does: it first entered `from` on `first_entered` and has
    /// entered the states `entered_since` after that first entry (in the order of its
    /// events, whatever their days). The clock still runs when none of them is a stop.
    /// The whole rule ([`overdue`]) for a case that meets the screen, from what a
    /// database keeps per case and state, so the overdue list can be counted and paged
    /// there (storage writes this as SQL; a test there checks it against the rule).
    pub fn days_late(&self, first_entered: Date, entered_since: &[CaseState]) -> Option<i64> {
        let stopped = entered_since.iter().any(|s| self.stops.contains(s));
        (first_entered < self.entered_before && !stopped)
            .then(|| (self.entered_before - first_entered).whole_days())
    }
}

/// The screens of `limits` on `today`.
pub(super) fn screens(limits: &[TimeLimit], steps: &Steps, today: Date) -> Vec<OverdueScreen> {
    limits
        .iter()
        .filter_map(|l| {
            let entered_before = today.checked_sub(Duration::days(l.days.into()))?;
            let current = CaseState::ALL
                .iter()
                .copied()
                .filter(|&s| s == l.from || (s != l.to && steps.can_reach(s, l.to)))
                .collect();
            let stops = CaseState::ALL
                .iter()
                .copied()
                .filter(|&s| s == l.to || !steps.can_reach(s, l.to))
                .collect();
            Some(OverdueScreen {
                priority: l.priority,
                current,
                from: l.from,
                to: l.to,
                stops,
                entered_before,
            })
        })
        .collect()
}

/// The limits for `priority` within `limits` sorted by priority.
pub(super) fn for_priority(limits: &[TimeLimit], priority: Priority) -> &[TimeLimit] {
    let lo = limits.partition_point(|l| l.priority < priority);
    let hi = limits.partition_point(|l| l.priority <= priority);
    &limits[lo..hi]
}

/// The limits in `limits` a case has overrun. `history` lists each state the case entered
/// with the day it entered it, oldest first. A limit counts from the first entry of
/// `from` until the next entry of `to`; if the case instead enters a state from which `to`
/// can no longer be reached, the clock stops there; if neither has happened, it runs until
/// `today`. A case that reached `to` on the due day is on time.
pub(super) fn overdue(
    limits: &[TimeLimit],
    steps: &Steps,
    history: &[(CaseState, Date)],
    today: Date,
) -> Vec<Overdue> {
    limits
        .iter()
        .filter_map(|limit| {
            let start = history.iter().position(|&(s, _)| s == limit.from)?;
            let since = history[start].1;
            let due = since.checked_add(Duration::days(limit.days.into()))?;
            let stopped = history[start + 1..]
                .iter()
                .find(|&&(s, _)| s == limit.to || !steps.can_reach(s, limit.to))
                .map(|&(state, on)| Stop { state, on });
            let end = stopped.map_or(today, |s| s.on);
            let days_over = (end - due).whole_days();
            (days_over > 0).then(|| Overdue {
                limit: limit.clone(),
                since,
                due,
                days_over,
                stopped,
            })
        })
        .collect()
}
