//! One step of a case, decided by one function over the case file, the step asked for, the
//! programme's policy profile and the moment it is recorded: the event it appends and what
//! it attaches to the case, or why it is refused. Each step says what it needs (a refusal
//! its grounds, a split decision its members, a departure its date and the checks done
//! before it, a move home its address) and a refused step changes nothing, whichever entry
//! point asked for it.
use std::collections::BTreeMap;

use serde_json::{Map, Value};
use time::{Date, OffsetDateTime};

use super::{CaseEvent, CaseFile, CaseState, Promise, PromiseKind, check_reason_code};
use crate::policy::PolicyProfile;
use crate::refusal::{Refusal, RefusalKind, Vocabulary};
use crate::reunification::ReunificationRequest;
use crate::support::{ProviderKind, SupportPlan};

/// Characters of a home address: street, number, box, postcode and town fit in 100; 200
/// leaves room for a c/o line, and keeps a case's history small.
pub const ADDRESS_CHARS: usize = 200;

/// A step asked for: the state to move to, who records it, why, and the data the state
/// needs. Data a state does not use is ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The state to move to.
    pub to: CaseState,
    /// Who records the step.
    pub by: String,
    /// Why, in words.
    pub reason: String,
    /// Why, as a code from the profile's reason list for the step.
    pub reason_code: Option<String>,
    /// refused: the grounds, from the profile's refusal grounds.
    pub grounds: Vec<String>,
    /// accepted_in_part: the numbers of the members accepted; arrived: those who
    /// travelled, if not all those accepted.
    pub members: Vec<u32>,
    /// scheduled_for_mission: the mission's code.
    pub mission: Option<String>,
    /// in_reception (required) or housed: the place's code.
    pub reception_place: Option<String>,
    /// housed: the sponsor group receiving the family.
    pub sponsor_group: Option<String>,
    /// housed: the municipality of the new home.
    pub municipality: Option<String>,
    /// housed: the home's address.
    pub address: Option<String>,
    /// integration_support: who gives the support.
    pub provider: Option<String>,
    /// departure_scheduled: the departure date told to the family.
    pub departure_date: Option<Date>,
    /// departure_scheduled: the day the family was told.
    pub family_notified_on: Option<Date>,
    /// arrived: the day the family arrived, if not the day it is recorded.
    pub arrived_on: Option<Date>,
    /// Pre-departure checks done with this step, and when.
    pub checks: BTreeMap<String, Date>,
}

impl Step {
    /// A step to `to` recorded by `by` for `reason`, with no data yet.
    pub fn new(to: CaseState, by: impl Into<String>, reason: impl Into<String>) -> Self {
        Step {
            to,
            by: by.into(),
            reason: reason.into(),
            reason_code: None,
            grounds: Vec::new(),
            members: Vec::new(),
            mission: None,
            reception_place: None,
            sponsor_group: None,
            municipality: None,
            address: None,
            provider: None,
            departure_date: None,
            family_notified_on: None,
            arrived_on: None,
            checks: BTreeMap::new(),
        }
    }
}

/// What a step attaches to the case beside its event, stored in the same transaction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assignment {
    /// The selection mission, by code.
    pub mission: Option<String>,
    /// The persons of the family who travel from this step on: those a split decision
    /// accepts, those an arrival says came. (Where the family stays is not the step
    /// rules' to decide: it is read from the programme's places when the step is stored.)
    pub travelling: Option<u32>,
    /// The municipality the family moves to (a home), by name; a reception place given
    /// in the same step sets the place's municipality first, so this one wins.
    pub municipality: Option<String>,
    /// The integration support plan.
    pub support: Option<SupportPlan>,
    /// A date told to the family with this step (the departure date).
    pub promise: Option<Promise>,
    /// Requests to bring the members left behind, opened by the step: a split decision
    /// opens one for each member not accepted, an arrival one for each accepted member
    /// who did not travel (family unity, §3.4 of the Belgian report).
    pub reunification: Vec<ReunificationRequest>,
}

/// A step decided: the event to append and what it attaches.
#[derive(Debug, Clone, PartialEq)]
pub struct Stepped {
    /// The event, numbered after the file's last.
    pub event: CaseEvent,
    /// What it attaches to the case.
    pub assignment: Assignment,
}

/// A trimmed text, or nothing for blanks.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl CaseFile {
    /// Decides `step` for this case under `policy`, recorded at `now` (today is its day):
    /// the event and what it attaches, or the first rule it breaks. Checks the step
    /// against the lifecycle the profile allows, the data the state needs, and the event
    /// as any event of an imported history is checked (its reason and reason code, its
    /// dates against today and the case's timeline, the promise it makes).
    pub fn step(
        &self,
        step: &Step,
        policy: &PolicyProfile,
        now: OffsetDateTime,
    ) -> Result<Stepped, Refusal> {
        let today = now.date();
        let from = self
            .state()
            .map_err(|e| Refusal::from(e).within("events"))?;
        let to = step.to;
        policy.allows(from, to)?;
        let (payload, assignment) = self.step_data(from, step, policy, today)?;
        let at = if to == CaseState::Arrived {
            self.arrival_time(step.arrived_on, now)?
        } else {
            now
        };
        let event = CaseEvent {
            seq: self.events.len() as u32 + 1,
            at,
            actor: step.by.clone(),
            from: Some(from),
            to,
            reason: step.reason.trim().to_string(),
            reason_code: given(&step.reason_code).map(str::to_string),
            payload: Value::Object(payload),
        };
        event.check(&self.case, self.events.last(), policy, today)?;
        // Whether a departure scheduled is a slip only the promises tell: a code on a first
        // one is refused.
        let slip = assignment.promise.as_ref().is_some_and(Promise::is_slip);
        check_reason_code(
            from,
            to,
            slip,
            event.reason_code.as_deref(),
            &event.reason,
            policy,
        )?;
        if let Some(p) = &assignment.promise {
            p.check(&self.case, policy, today)?;
        }
        Ok(Stepped { event, assignment })
    }

    /// The step data of a move from `from` and what it attaches, or the first datum it
    /// lacks or that cannot be.
    fn step_data(
        &self,
        from: CaseState,
        step: &Step,
        policy: &PolicyProfile,
        today: Date,
    ) -> Result<(Map<String, Value>, Assignment), Refusal> {
        use CaseState::*;
        let mut payload = Map::new();
        let mut assignment = Assignment::default();
        policy.check_grounds(step.to, &step.grounds)?;
        if !step.checks.is_empty() {
            payload.insert(
                "checks".into(),
                serde_json::to_value(&step.checks).expect("dates serialise"),
            );
        }
        match step.to {
            Refused => {
                payload.insert("grounds".into(), step.grounds.clone().into());
            }
            AcceptedInPart => {
                let family: Vec<u32> = self.case.members.iter().map(|m| m.member_no).collect();
                let accepted = &step.members;
                if accepted.is_empty() || accepted.len() >= family.len() {
                    return Err(Refusal::of(
                        "members",
                        RefusalKind::SplitDecision {
                            members: family.len(),
                        },
                    ));
                }
                if let Some(m) = accepted.iter().find(|m| !family.contains(m)) {
                    return Err(Refusal::not_in_list(
                        "members",
                        m,
                        &family,
                        Vocabulary::Plain,
                    ));
                }
                let not: Vec<u32> = family
                    .into_iter()
                    .filter(|m| !accepted.contains(m))
                    .collect();
                assignment.reunification = self.left_behind(&not, today, policy);
                assignment.travelling = Some(accepted.len() as u32);
                payload.insert("members_accepted".into(), accepted.clone().into());
                payload.insert("members_not_accepted".into(), not.into());
            }
            Arrived => {
                let given = (!step.members.is_empty()).then_some(step.members.as_slice());
                let travelled = self.check_travelled(given)?;
                if given.is_some() {
                    payload.insert("members_travelled".into(), travelled.clone().into());
                }
                let stayed: Vec<u32> = self
                    .travelling()
                    .into_iter()
                    .filter(|m| !travelled.contains(m))
                    .collect();
                let day = step.arrived_on.unwrap_or(today);
                assignment.reunification = self.left_behind(&stayed, day, policy);
                assignment.travelling = Some(travelled.len() as u32);
            }
            ScheduledForMission => assignment.mission = step.mission.clone(),
            InReception => {
                let place = given(&step.reception_place)
                    .ok_or_else(|| Refusal::of("reception_place", RefusalKind::Missing))?;
                payload.insert("reception_place".into(), place.into());
            }
            Housed => {
                // Where the profile has reception, only a family received by a sponsor
                // group may go straight from arrival to its own home, and only if the
                // profile says so.
                let sponsor_exception = policy.reception().sponsorship_skips_centre;
                let skips_reception = from == Arrived && policy.steps().is_on(InReception);
                if skips_reception && (step.sponsor_group.is_none() || !sponsor_exception) {
                    return Err(Refusal::of(
                        "sponsor_group",
                        RefusalKind::ReceptionFirst { sponsor_exception },
                    ));
                }
                let address = given(&step.address)
                    .ok_or_else(|| Refusal::of("address", RefusalKind::Missing))?;
                let chars = address.chars().count();
                if chars > ADDRESS_CHARS {
                    return Err(Refusal::of(
                        "address",
                        RefusalKind::TooLong {
                            max: ADDRESS_CHARS,
                            got: chars,
                        },
                    ));
                }
                payload.insert("address".into(), address.into());
                if let Some(m) = given(&step.municipality) {
                    payload.insert("municipality".into(), m.into());
                    assignment.municipality = Some(m.to_string());
                }
            }
            IntegrationSupport => {
                let provider = given(&step.provider)
                    .ok_or_else(|| Refusal::of("provider", RefusalKind::Missing))?;
                assignment.support = Some(SupportPlan {
                    provider: provider.to_string(),
                    provider_kind: ProviderKind::of(
                        provider,
                        self.sponsor_group.as_deref(),
                        self.moved_to_municipality(),
                    ),
                    starts_on: today,
                    months: policy.support_months(),
                });
            }
            DepartureScheduled => {
                let date = step
                    .departure_date
                    .ok_or_else(|| Refusal::of("departure_date", RefusalKind::Missing))?;
                let slip = Promise::slip_reason(
                    PromiseKind::Departure,
                    &self.promises,
                    step.reason_code.as_deref(),
                    &step.reason,
                    policy,
                )?;
                let done = self.checks_done();
                let missing: Vec<String> = policy
                    .pre_departure_checks()
                    .iter()
                    .filter(|c| {
                        c.required
                            && !done.contains_key(&c.name)
                            && !step.checks.contains_key(&c.name)
                    })
                    .map(|c| c.name.clone())
                    .collect();
                if !missing.is_empty() {
                    return Err(Refusal::of(
                        "checks",
                        RefusalKind::ChecksOutstanding { missing },
                    ));
                }
                payload.insert("departure_date".into(), date.to_string().into());
                assignment.promise = Some(Promise {
                    kind: PromiseKind::Departure,
                    promised_date: date,
                    made_on: today,
                    slip_reason_code: slip.as_ref().map(|s| s.code.clone()),
                    slip_reason: slip.map(|s| s.reason),
                    family_notified_on: step.family_notified_on,
                });
            }
            _ => {}
        }
        Ok((payload, assignment))
    }

    /// A reunification request filed on `on` for each of the `members` left behind, in the
    /// country of asylum, due within the profile's limit.
    fn left_behind(
        &self,
        members: &[u32],
        on: Date,
        policy: &PolicyProfile,
    ) -> Vec<ReunificationRequest> {
        let days = policy.reunification_limit().map(|l| l.days);
        self.case
            .members
            .iter()
            .filter(|m| members.contains(&m.member_no))
            .map(|m| {
                ReunificationRequest::opened(
                    &m.full_name,
                    &m.relationship.as_str().replace('_', " "),
                    self.case.country_of_asylum.clone(),
                    on,
                    days,
                )
            })
            .collect()
    }

    /// When the family arrived: the day given (default today), refused if in the future or
    /// before the case's last step, so waiting times and follow-ups count from the real
    /// day. A day before the departure date told to the family is taken: flights are
    /// brought forward, and a departure date cannot be recorded for a day already past (a
    /// promise is never for a day before it was made), so the arrival is what corrects
    /// the record. An earlier day is stamped at its start (but never before the last step,
    /// so the history stays in order); today at the moment of recording.
    fn arrival_time(
        &self,
        arrived_on: Option<Date>,
        now: OffsetDateTime,
    ) -> Result<OffsetDateTime, Refusal> {
        let today = now.date();
        let day = arrived_on.unwrap_or(today);
        if day > today {
            return Err(Refusal::of(
                "arrived_on",
                RefusalKind::InFuture { day, today },
            ));
        }
        let last = self.events.last().map(|e| e.at);
        if let Some(last) = last.filter(|l| day < l.date()) {
            return Err(Refusal::of(
                "arrived_on",
                RefusalKind::BeforeLastStep {
                    day,
                    last: last.date(),
                },
            ));
        }
        if day == today {
            return Ok(now);
        }
        let start = day.midnight().assume_offset(now.offset());
        Ok(last.map_or(start, |l| start.max(l)))
    }
}

#[cfg(test)]
mod tests;
