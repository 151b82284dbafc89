//! A case's history, walked forward from its submission day with realistic delays and
//! outcomes until it ends or reaches `as_of`; optionally steered to end in a given state.
mod assessment;
mod departure;
mod recorder;
mod settlement;

use resettle_domain::case::{CaseEvent, CaseState, Channel, Promise, PromiseKind};
use resettle_domain::reception::{Stay, StayKind};
use resettle_domain::support::SupportPlan;
use serde_json::Value;
use time::Date;

use crate::calendar::{add_days, day_between};
use crate::rng::Rng;
use crate::submission::Submission;
use crate::world::World;
use recorder::{Over, Recorder};

/// Chance at each step before travel that UNHCR or the family withdraws (about 2% of
/// cases over the whole way to departure).
const WITHDRAWAL_PER_STEP: f64 = 0.004;

/// Chance at each step that the principal applicant dies (rare: about 0.5% of cases).
const DEATH_PER_STEP: f64 = 0.0005;

/// Why cases are withdrawn.
const WITHDRAWALS: &[(&str, &str, &str)] = &[
    (
        "family",
        "family_declined",
        "the family no longer wishes to be resettled",
    ),
    (
        "UNHCR",
        "lost_contact",
        "the family has left the country of asylum and cannot be reached",
    ),
    (
        "family",
        "other",
        "the family found another solution (family reunification visa)",
    ),
    (
        "UNHCR",
        "unhcr_withdrawal",
        "change in family composition; UNHCR will resubmit",
    ),
    (
        "UNHCR",
        "resettled_elsewhere",
        "accepted for resettlement by another country",
    ),
];

/// What a walk produced: the history and where the case stands on `as_of`.
pub(crate) struct Walk {
    /// The events, oldest first.
    pub(crate) events: Vec<CaseEvent>,
    /// Interview and departure dates told to the family.
    pub(crate) promises: Vec<Promise>,
    /// Mission, or dossier (also when the mission was cancelled).
    pub(crate) channel: Channel,
    /// The mission the case was scheduled on.
    pub(crate) mission: Option<String>,
    /// The reception place the family is in on `as_of` (the place of its current stay).
    pub(crate) reception_place: Option<String>,
    /// Where the family stayed after arrival, up to `as_of`.
    pub(crate) stays: Vec<Stay>,
    /// The persons who travel (the family less the members a split decision left behind).
    pub(crate) travelling: u32,
    /// The sponsor group that received the family.
    pub(crate) sponsor_group: Option<String>,
    /// Integration support, once started.
    pub(crate) support: Option<SupportPlan>,
    /// The day the family arrived in Belgium.
    pub(crate) arrived_on: Option<Date>,
}

impl Walk {
    /// The state on `as_of`.
    pub(crate) fn state(&self) -> CaseState {
        self.events
            .last()
            .expect("a walk opens with the submission")
            .to
    }
}

/// Walks one case through the world.
struct Walker<'a> {
    world: &'a World,
    sub: &'a Submission,
    submitted_on: Date,
    rng: Rng,
    rec: Recorder,
    steer: Option<CaseState>,
    /// Persons travelling (fewer than the family when accepted in part).
    travelling: usize,
    walk: Walk,
}

/// The history of `sub`, submitted on `submitted_on`, up to `world.as_of`. With `steer`,
/// every branch is taken toward that state (see `coverage`).
pub(crate) fn walk(
    world: &World,
    sub: &Submission,
    submitted_on: Date,
    rng: Rng,
    steer: Option<CaseState>,
) -> Walk {
    walk_until(world, sub, submitted_on, rng, steer, world.as_of)
}

/// The day the family of an open case would arrive if its history went on past `as_of`
/// up to `horizon`, with the same luck, and the persons who would travel: the walk draws
/// the same numbers in the same order whatever its horizon, so up to `as_of` it is the
/// case's own history, and after it the pipeline's course (for the pledge of the year not
/// yet over, see `pledges`).
pub(crate) fn arrival_by(
    world: &World,
    sub: &Submission,
    submitted_on: Date,
    rng: Rng,
    steer: Option<CaseState>,
    horizon: Date,
) -> Option<(Date, u32)> {
    let walk = walk_until(world, sub, submitted_on, rng, steer, horizon);
    walk.arrived_on.map(|on| (on, walk.travelling))
}

/// [`walk`] with its last day at `horizon` instead of `world.as_of`.
fn walk_until(
    world: &World,
    sub: &Submission,
    submitted_on: Date,
    rng: Rng,
    steer: Option<CaseState>,
    horizon: Date,
) -> Walk {
    let mut w = Walker {
        world,
        sub,
        submitted_on,
        rng,
        rec: Recorder::new(horizon),
        steer,
        travelling: sub.household.members.len(),
        walk: Walk {
            events: Vec::new(),
            promises: Vec::new(),
            // A steered case goes through the dossier unless its target needs a mission:
            // the mission calendar would make its dates jump (see `coverage`).
            channel: match steer {
                Some(CaseState::ScheduledForMission | CaseState::Interviewed) | None => sub.channel,
                Some(_) => Channel::Dossier,
            },
            mission: None,
            reception_place: None,
            stays: Vec::new(),
            travelling: 0,
            sponsor_group: None,
            support: None,
            arrived_on: None,
        },
    };
    let Err(Over) = w.run();
    let mut walk = w.walk;
    walk.events = w.rec.events;
    walk.travelling = w.travelling as u32;
    walk.reception_place = walk
        .stays
        .last()
        .filter(|s| s.is_open() && s.kind.place_kind().is_some())
        .and_then(|s| s.place.clone());
    walk
}

impl Walker<'_> {
    /// Submission, assessment, departure, settlement: each returns `Over` when the case
    /// stops, so the walk always ends in `Over`.
    fn run(&mut self) -> Result<std::convert::Infallible, Over> {
        // The categories are the case's own field, shown in words where the role sees
        // them; a reason is free text, shown as typed, so it names no codes.
        self.record(
            self.submitted_on,
            CaseState::Submitted,
            "UNHCR",
            "submitted by UNHCR".to_string(),
            Value::Null,
        )?;
        let accepted_on = self.assess(self.submitted_on)?;
        let arrived_on = self.travel(accepted_on)?;
        self.settle(arrived_on)
    }

    /// Records a step with a random office-hour time. What a step sets on the case file
    /// (mission, place, promise, support) is set once `self.rec.within(day)?` has passed,
    /// so it is there exactly when the step is.
    fn record(
        &mut self,
        on: Date,
        to: CaseState,
        actor: &str,
        reason: String,
        payload: Value,
    ) -> Result<(), Over> {
        self.rec
            .record(&mut self.rng, on, to, actor, reason, None, payload)
    }

    /// Records a step that names its reason from the Belgian profile's lists
    /// (`policies/belgium.toml`, `[reasons]`) as well as in words.
    fn record_reasoned(
        &mut self,
        on: Date,
        to: CaseState,
        actor: &str,
        (code, reason): (&str, String),
        payload: Value,
    ) -> Result<(), Over> {
        self.rec
            .record(&mut self.rng, on, to, actor, reason, Some(code), payload)
    }

    /// Begins a stay on `on` (checked to be within the horizon by the caller), ending the
    /// current one that day.
    fn stay(&mut self, kind: StayKind, place: Option<&str>, on: Date, reason: &str) {
        if let Some(last) = self.walk.stays.last_mut().filter(|s| s.is_open()) {
            last.until = Some(on);
        }
        self.walk.stays.push(Stay {
            kind,
            place: place.map(str::to_string),
            from: on,
            until: None,
            persons: self.travelling as u32,
            reason: reason.to_string(),
            over_capacity_reason: None,
        });
    }

    /// A day in `from..=to`.
    fn day(&mut self, from: Date, to: Date) -> Date {
        day_between(&mut self.rng, from, to)
    }

    /// `on` plus a whole number of days in `lo..=hi`.
    fn later(&mut self, on: Date, lo: i64, hi: i64) -> Date {
        add_days(on, self.rng.range(lo, hi))
    }

    /// Whether a steered walk should take a branch: always toward the target, never
    /// away; an unsteered walk takes it with probability `p`.
    fn branch(&mut self, p: f64, toward: &[CaseState]) -> bool {
        match self.steer {
            Some(target) => toward.contains(&target),
            None => self.rng.chance(p),
        }
    }

    /// Between `from` and `until` the case may be withdrawn (only before travel) or the
    /// principal applicant may die; either ends the walk.
    fn hazard(&mut self, from: Date, until: Date, before_travel: bool) -> Result<(), Over> {
        let withdraw = before_travel && self.branch(WITHDRAWAL_PER_STEP, &[CaseState::Withdrawn]);
        let die = !withdraw && self.branch(DEATH_PER_STEP, &[CaseState::Deceased]);
        let on = if withdraw || die {
            self.day(from, until)
        } else {
            return Ok(());
        };
        if withdraw {
            let &(actor, code, reason) = self.rng.pick(WITHDRAWALS);
            self.record_reasoned(
                on,
                CaseState::Withdrawn,
                actor,
                (code, format!("withdrawn: {reason}")),
                Value::Null,
            )
        } else {
            let actor = if before_travel { "UNHCR" } else { "Fedasil" };
            let reason = "the principal applicant died".to_string();
            self.record(on, CaseState::Deceased, actor, reason, Value::Null)
        }
    }

    /// Records a date told to the family, made on `made_on`, told to them `told_after`
    /// days later if that is not after `as_of` (`None`: never told).
    fn promise(
        &mut self,
        kind: PromiseKind,
        promised_date: Date,
        made_on: Date,
        slip: Option<(&str, &str)>,
        told_after: Option<i64>,
    ) {
        let family_notified_on = told_after
            .map(|d| add_days(made_on, d))
            .filter(|&d| d <= self.world.as_of);
        self.walk.promises.push(Promise {
            kind,
            promised_date,
            made_on,
            slip_reason: slip.map(|(_, reason)| reason.to_string()),
            slip_reason_code: slip.map(|(code, _)| code.to_string()),
            family_notified_on,
        });
    }
}
