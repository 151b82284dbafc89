//! Moving a case one step under its policy profile. Each step says what it needs (a
//! refusal its grounds, a split decision its members, a departure its date) and a refused
//! step changes nothing.
use std::collections::BTreeMap;

use resettle_domain::ParseError;
use resettle_domain::case::{CaseEvent, CaseState, News, Promise, PromiseKind, check_reason_code};
use resettle_domain::reception::StayKind;
use resettle_domain::reception::stay::check_step_back;
use resettle_domain::support::{ProviderKind, SupportPlan};
use resettle_storage::{Assignment, NewEvent, NewStay, StorageError, StoredCase};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::case_number;
use super::stays::Destination;
use crate::access::audit::succeeded;
use crate::bounds::ADDRESS_CHARS;
use crate::{App, AppError, Caller, Permission};

/// A step to take, with its step data. `expected_version` is the version the user saw:
/// if someone changed the case since, the step is refused instead of overwriting.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct TransitionRequest {
    /// The state to move to.
    #[schema(example = "dossier_review")]
    pub to: String,
    /// Why, in words; required for every decision (acceptance in whole or in part,
    /// refusal, deferral), a withdrawal, a death, a departure called off and a new
    /// departure date.
    #[serde(default)]
    pub reason: String,
    /// deferred, withdrawn, a departure called off (back to pre_departure) and a new
    /// departure date after one was told: the reason as a code from the policy profile's
    /// list (deferral, withdrawal or slip); `other` needs the words in `reason`.
    #[schema(example = "further_interview")]
    pub reason_code: Option<String>,
    /// The case's version as last seen.
    pub expected_version: i64,
    /// refused: the grounds, from the policy profile's list.
    pub grounds: Option<Vec<String>>,
    /// accepted_in_part: the member numbers accepted; arrived: the members who travelled,
    /// if not all those accepted (a member who could not travel).
    pub members: Option<Vec<u32>>,
    /// scheduled_for_mission: the mission's code.
    pub mission: Option<String>,
    /// in_reception (required: a centre or an LOI; the place confirmed by placement if
    /// none is given) or housed (a municipality that houses the family directly): the
    /// place's code. The family's stay there begins with the step.
    pub reception_place: Option<String>,
    /// in_reception or housed at a place without room for the family: why it goes there
    /// anyway. A step over the place's capacity is refused without one.
    #[serde(default)]
    pub over_capacity_reason: Option<String>,
    /// housed: the sponsor group's name, for community sponsorship; the family's stay in
    /// the group's home begins with the step.
    pub sponsor_group: Option<String>,
    /// housed: the municipality of the family's new home; its staff see the family from
    /// then on, and the municipality it leaves no longer does.
    pub municipality: Option<String>,
    /// housed: the family's home address (street and number, postcode, town), at most
    /// 200 characters. Personal data: shown only to the roles that support the family.
    pub address: Option<String>,
    /// integration_support: who gives the support.
    pub provider: Option<String>,
    /// departure_scheduled: the departure date told to the family.
    #[schema(value_type = Option<String>, format = Date)]
    pub departure_date: Option<Date>,
    /// departure_scheduled: the day the family was told.
    #[schema(value_type = Option<String>, format = Date)]
    pub family_notified_on: Option<Date>,
    /// arrived: the day the family arrived, if not today; not in the future, nor before
    /// the case's last step.
    #[schema(value_type = Option<String>, format = Date)]
    pub arrived_on: Option<Date>,
    /// pre_departure and later: dates of checks done (visa, medical_check, …).
    #[schema(value_type = Option<Object>)]
    pub checks: Option<BTreeMap<String, Date>>,
}

/// Where the case stands after the step.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Transitioned {
    /// UNHCR case number.
    pub case_number: String,
    /// The new state.
    #[schema(value_type = String)]
    pub state: CaseState,
    /// The new version.
    pub version: i64,
    /// What may follow.
    #[schema(value_type = Vec<String>)]
    pub allowed_transitions: Vec<CaseState>,
}

fn invalid(field: &str, reason: impl std::fmt::Display) -> AppError {
    AppError::Invalid(format!("{field}: {reason}"))
}

/// A step naming a mission, place or sponsor group its programme does not have is refused
/// as input, naming the field (`reception_place`), not as a missing page.
fn unknown_reference(e: StorageError, programme: &str) -> AppError {
    match e {
        StorageError::Missing { what, key } => AppError::Invalid(format!(
            "{}: {key:?} is not a {what} of programme {programme}",
            what.replace(' ', "_")
        )),
        other => other.into(),
    }
}

/// The payload and attached records of a step, or the reason it is refused.
fn step_data(
    stored: &StoredCase,
    req: &TransitionRequest,
    to: CaseState,
    policy: &resettle_domain::policy::PolicyProfile,
    today: time::Date,
) -> Result<(serde_json::Value, Assignment), AppError> {
    use CaseState::*;
    let mut payload = serde_json::Map::new();
    let mut assignment = Assignment::default();
    policy.check_grounds(to, req.grounds.as_deref().unwrap_or_default())?;
    if let Some(checks) = &req.checks {
        payload.insert(
            "checks".into(),
            serde_json::to_value(checks).expect("dates serialise"),
        );
    }
    match to {
        Refused => {
            payload.insert(
                "grounds".into(),
                req.grounds.clone().unwrap_or_default().into(),
            );
        }
        AcceptedInPart => {
            let family: Vec<u32> = stored
                .file
                .case
                .members
                .iter()
                .map(|m| m.member_no)
                .collect();
            let accepted = req.members.clone().unwrap_or_default();
            if accepted.is_empty() || accepted.len() >= family.len() {
                return Err(invalid(
                    "members",
                    format!(
                        "a split decision accepts some but not all of the {} members",
                        family.len()
                    ),
                ));
            }
            if let Some(m) = accepted.iter().find(|m| !family.contains(m)) {
                return Err(invalid(
                    "members",
                    format!("member {m} is not in the family"),
                ));
            }
            let not: Vec<u32> = family
                .into_iter()
                .filter(|m| !accepted.contains(m))
                .collect();
            assignment.travelling = Some(accepted.len() as u32);
            payload.insert("members_accepted".into(), accepted.into());
            payload.insert("members_not_accepted".into(), not.into());
        }
        Arrived => {
            let travelled = stored.file.check_travelled(req.members.as_deref())?;
            if req.members.as_ref().is_some_and(|m| !m.is_empty()) {
                payload.insert("members_travelled".into(), travelled.clone().into());
            }
            assignment.travelling = Some(travelled.len() as u32);
        }
        ScheduledForMission => assignment.mission = req.mission.clone(),
        InReception => {
            let place = req.reception_place.clone().ok_or_else(|| {
                invalid(
                    "reception_place",
                    "say which centre or LOI receives the family (none was confirmed by placement)",
                )
            })?;
            payload.insert("reception_place".into(), place.into());
        }
        Housed => {
            // Where the profile has reception, only a family received by a sponsor group
            // may go straight from arrival to its own home, and only if the profile says so.
            let skips_reception = stored.state == Arrived && policy.steps().is_on(InReception);
            if skips_reception
                && (req.sponsor_group.is_none() || !policy.reception().sponsorship_skips_centre)
            {
                return Err(invalid(
                    "sponsor_group",
                    format!(
                        "under profile {} an arrived family goes to reception first{}",
                        policy.name(),
                        if policy.reception().sponsorship_skips_centre {
                            ", unless a sponsor group receives it"
                        } else {
                            ""
                        }
                    ),
                ));
            }
            let address = req
                .address
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .ok_or_else(|| {
                    invalid(
                        "address",
                        "say where the family lives: street and number, postcode and town",
                    )
                })?;
            let chars = address.chars().count();
            if chars > ADDRESS_CHARS {
                return Err(invalid(
                    "address",
                    format!("at most {ADDRESS_CHARS} characters, got {chars}"),
                ));
            }
            payload.insert("address".into(), address.into());
            if let Some(m) = req
                .municipality
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
            {
                payload.insert("municipality".into(), m.into());
                assignment.municipality = Some(m.to_string());
            }
        }
        IntegrationSupport => {
            let provider = req
                .provider
                .clone()
                .filter(|p| !p.trim().is_empty())
                .ok_or_else(|| invalid("provider", "say who gives the integration support"))?;
            let provider_kind = ProviderKind::of(
                &provider,
                stored.file.sponsor_group.as_deref(),
                stored.file.moved_to_municipality(),
            );
            assignment.support = Some(SupportPlan {
                provider,
                provider_kind,
                starts_on: today,
                months: policy.support_months(),
            });
        }
        DepartureScheduled => {
            let date = req.departure_date.ok_or_else(|| {
                invalid(
                    "departure_date",
                    "a departure is scheduled for a date told to the family",
                )
            })?;
            let slip = Promise::slip_reason(
                PromiseKind::Departure,
                &stored.file.promises,
                req.reason_code.as_deref(),
                &req.reason,
                policy,
            )?;
            let done = stored.file.checks_done();
            let given = req.checks.clone().unwrap_or_default();
            let missing: Vec<&str> = policy
                .pre_departure_checks()
                .iter()
                .filter(|c| {
                    c.required && !done.contains_key(&c.name) && !given.contains_key(&c.name)
                })
                .map(|c| c.name.as_str())
                .collect();
            if !missing.is_empty() {
                return Err(invalid(
                    "checks",
                    format!(
                        "required before a departure is scheduled: {}",
                        missing.join(", ")
                    ),
                ));
            }
            payload.insert("departure_date".into(), date.to_string().into());
            assignment.promise = Some(Promise {
                kind: PromiseKind::Departure,
                promised_date: date,
                made_on: today,
                slip_reason_code: slip.as_ref().map(|s| s.code.clone()),
                slip_reason: slip.map(|s| s.reason),
                family_notified_on: req.family_notified_on,
            });
        }
        _ => {}
    }
    Ok((serde_json::Value::Object(payload), assignment))
}

/// When the family arrived: the day given (default today), refused if in the future or
/// before the case's last step, so waiting times and follow-ups count from the real day.
/// A day before the departure date told to the family is taken: flights are brought
/// forward, and a departure date cannot be recorded for a day already past (a promise is
/// never for a day before it was made), so the arrival is what corrects the record. An earlier day is stamped at its start (but
/// never before the last step, so the history stays in order); today at the moment of
/// recording.
fn arrival_time(
    stored: &StoredCase,
    arrived_on: Option<Date>,
    now: OffsetDateTime,
) -> Result<OffsetDateTime, AppError> {
    let today = now.date();
    let day = arrived_on.unwrap_or(today);
    if day > today {
        return Err(invalid(
            "arrived_on",
            format!("{day} is in the future; record the arrival on the day it happened"),
        ));
    }
    let last = stored.file.events.last().map(|e| e.at);
    if let Some(last) = last.filter(|l| day < l.date()) {
        return Err(invalid(
            "arrived_on",
            format!("{day} is before the case's last step, on {}", last.date()),
        ));
    }
    if day == today {
        return Ok(now);
    }
    let start = day.midnight().assume_offset(now.offset());
    Ok(last.map_or(start, |l| start.max(l)))
}

impl App {
    /// The stay a step begins, if it begins one: `in_reception` a centre or an LOI (from
    /// arrival, or back from a sponsor group's home that broke down, with its reason);
    /// `housed` a sponsor group's home, a municipality's (placed directly) or the
    /// family's own. Checked as every stay is ([`App::begin_stay_at`]).
    async fn stay_of_step(
        &self,
        stored: &StoredCase,
        policy: &resettle_domain::policy::PolicyProfile,
        req: &TransitionRequest,
        to: CaseState,
        on: Date,
    ) -> Result<Option<NewStay>, AppError> {
        let over = req.over_capacity_reason.as_deref();
        let place = req
            .reception_place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let (to_place, allowed): (
            Destination,
            &(dyn Fn(StayKind) -> Result<(), ParseError> + Sync),
        ) = match to {
            CaseState::InReception => {
                if matches!(
                    stored.state,
                    CaseState::Housed | CaseState::IntegrationSupport
                ) {
                    check_step_back(&stored.file.stays, &req.reason)?;
                }
                let Some(place) = place else {
                    return Ok(None);
                };
                (Destination::Place(place), &|kind: StayKind| {
                    if kind.is_state_reception() {
                        Ok(())
                    } else {
                        Err(ParseError::new(
                            "place",
                            format!(
                                "a {kind} is not state reception; a family placed in it \
                                     takes the housed step"
                            ),
                        ))
                    }
                })
            }
            CaseState::Housed => {
                let group = req
                    .sponsor_group
                    .as_deref()
                    .map(str::trim)
                    .filter(|g| !g.is_empty());
                let to_place = match (group, place) {
                    (Some(g), _) => Destination::Sponsor(g),
                    (None, Some(p)) => Destination::Place(p),
                    (None, None) => Destination::Home,
                };
                (to_place, &|kind: StayKind| {
                    if kind.place_kind().is_none() || kind == StayKind::Municipality {
                        Ok(())
                    } else {
                        Err(ParseError::new(
                            "place",
                            format!(
                                "a {kind} is no home: a family housed goes to its own home, \
                                     a sponsor group's or a municipality that houses it directly"
                            ),
                        ))
                    }
                })
            }
            _ => return Ok(None),
        };
        self.begin_stay_at(
            stored,
            policy,
            to_place,
            "reception_place",
            on,
            &req.reason,
            over,
            allowed,
        )
        .await
        .map(Some)
    }

    /// Moves a case one step. Refused (and nothing changed) when the policy profile does
    /// not allow the step, when step data is missing, or when the case changed since
    /// `expected_version`.
    pub async fn transition(
        &self,
        caller: &Caller,
        number: &str,
        req: &TransitionRequest,
    ) -> Result<Transitioned, AppError> {
        let stored = self.stored_case(caller, number).await?;
        let to: CaseState = req
            .to
            .parse()
            .map_err(|e| AppError::Invalid(format!("to: {e}")))?;
        self.require(caller, Permission::MoveCase(to), "case", number)
            .await?;
        let policy = self.programme_policy(&stored.programme).await?;
        if stored.version != req.expected_version {
            return Err(AppError::Conflict(format!(
                "case {number} is at version {}, not {}: it was changed since you loaded it; \
                 reload and retry",
                stored.version, req.expected_version
            )));
        }
        policy
            .allows(stored.state, to)
            .map_err(|e| AppError::Invalid(e.to_string()))?;
        // A family whose place was confirmed before it arrived goes there by default: into
        // reception, or into a municipality's home where the model places directly.
        let placed_directly =
            resettle_domain::reception::stay::placed_next(policy.reception(), None)
                == Some(resettle_domain::reception::PlaceKind::Municipality);
        let confirmed;
        let req = if req.reception_place.is_none()
            && (to == CaseState::InReception
                || (to == CaseState::Housed && placed_directly && req.sponsor_group.is_none()))
        {
            confirmed = TransitionRequest {
                reception_place: self
                    .store
                    .proposal(number)
                    .await?
                    .filter(|p| p.status == "confirmed")
                    .map(|p| p.place_code),
                ..req.clone()
            };
            &confirmed
        } else {
            req
        };
        let now = self.now();
        let (mut payload, mut assignment) = step_data(&stored, req, to, &policy, now.date())?;
        let at = if to == CaseState::Arrived {
            arrival_time(&stored, req.arrived_on, now)?
        } else {
            now
        };
        if to == CaseState::Arrived {
            assignment.arrival = assignment.travelling.map(|persons| (at.date(), persons));
        }
        if let Some(stay) = self
            .stay_of_step(&stored, &policy, req, to, at.date())
            .await?
        {
            if let (Some(over), Some(map)) = (&stay.over_capacity_reason, payload.as_object_mut()) {
                map.insert("over_capacity_reason".into(), over.clone().into());
            }
            assignment.stay = Some(stay);
        }
        // The step is checked as any step of an imported history is: its reason, its dates
        // against today and the case's timeline, and the promise it makes.
        let event = CaseEvent {
            seq: stored.file.events.len() as u32 + 1,
            at,
            actor: caller.username.clone(),
            from: Some(stored.state),
            to,
            reason: req.reason.trim().to_string(),
            reason_code: req
                .reason_code
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string),
            payload,
        };
        let case = &stored.file.case;
        event.check(case, stored.file.events.last(), &policy, now.date())?;
        // Whether a departure scheduled is a slip only the promises tell: a code on a first
        // one is refused.
        let slip = assignment.promise.as_ref().is_some_and(Promise::is_slip);
        check_reason_code(
            stored.state,
            to,
            slip,
            event.reason_code.as_deref(),
            &event.reason,
            &policy,
        )?;
        if let Some(p) = &assignment.promise {
            p.check(case, &policy, now.date())?;
        }
        // The family hears of the step in the step's own transaction: no step without its
        // notice, no notice of a step that did not happen.
        assignment.notice = News::of_step(stored.state, to, assignment.promise.as_ref())
            .map(|news| self.notice_to_family(&stored.file, news));
        let CaseEvent {
            at,
            actor,
            reason,
            reason_code,
            payload,
            ..
        } = event;
        let event = NewEvent {
            to,
            at,
            actor,
            reason,
            reason_code,
            payload,
        };
        // The entry commits with the event: a crash cannot leave one without the other.
        let detail = format!("{} -> {to}", stored.state);
        let audit = succeeded(caller, "write", "case", number, "", &detail);
        let version = self
            .store
            .append_event(
                &case_number(number)?,
                req.expected_version,
                stored.state,
                &event,
                &assignment,
                &[audit],
            )
            .await
            .map_err(|e| unknown_reference(e, &stored.programme))?;
        let mut allowed = policy.next(to);
        allowed.retain(|&s| caller.may(Permission::MoveCase(s)));
        Ok(Transitioned {
            case_number: stored.file.case.case_number.to_string(),
            state: to,
            version,
            allowed_transitions: allowed,
        })
    }
}
