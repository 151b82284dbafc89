//! Moving a case one step under its policy profile: the domain's step rules decide, this use
//! case authorises, stores and audits. A refused step changes nothing.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::BTreeMap;

use resettle_domain::ParseError;
use resettle_domain::case::{CaseState, News, Step, Stepped};
use resettle_domain::reception::stay::check_step_back;
use resettle_domain::reception::{ProposalStatus, StayKind};
use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::{Assignment, NewEvent, NewStay, StorageError, StoredCase};
use serde::{Deserialize, Serialize};
use time::Date;

use super::case_number;
use super::stays::Destination;
use crate::access::audit::succeeded;
use crate::{App, AppError, Caller, Permission};

/// A step to take, with its step data. `expected_version` is the version the user saw:
/// if someone changed the case since, the step is refused instead of overwriting.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct TransitionRequest {
    /// The state to move to.
    pub to: CaseState,
    /// Why, in words; required for every decision (acceptance in whole or in part,
    /// refusal, deferral), a withdrawal, a death, a departure called off, a new
    /// departure date and a step back from a sponsor group's home into reception.
    #[serde(default)]
    pub reason: String,
    /// deferred, withdrawn, a departure called off (back to pre_departure), a new
    /// departure date after one was told, and a sponsorship that broke down (housed or
    /// integration_support back to in_reception): the reason as a code from the policy
    /// profile's list (deferral, withdrawal, slip or breakdown); `other` needs the words
    /// in `reason`.
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
    pub state: CaseState,
    /// The new version.
    pub version: i64,
    /// What may follow.
    pub allowed_transitions: Vec<CaseState>,
}

/// A step naming a mission, place or sponsor group its programme does not have is refused
/// as input, naming the field (`reception_place`), not as a missing page.
fn unknown_reference(e: StorageError) -> AppError {
    match e {
        StorageError::Missing { what, key } => Refusal::of(
            what.replace(' ', "_"),
            RefusalKind::NotDefined { given: key },
        )
        .into(),
        other => other.into(),
    }
}

impl TransitionRequest {
    /// A step to `to` from the case's version `expected_version`, with no reason nor step
    /// data: the fields a step needs are set on it.
    pub fn to(to: CaseState, expected_version: i64) -> TransitionRequest {
        TransitionRequest {
            to,
            expected_version,
            reason: String::new(),
            reason_code: None,
            grounds: None,
            members: None,
            mission: None,
            reception_place: None,
            over_capacity_reason: None,
            sponsor_group: None,
            municipality: None,
            address: None,
            provider: None,
            departure_date: None,
            family_notified_on: None,
            arrived_on: None,
            checks: None,
        }
    }

    /// The step as the domain takes it, recorded by `by`, moving to `to`.
    fn step(&self, to: CaseState, by: &str) -> Step {
        Step {
            to,
            by: by.to_string(),
            reason: self.reason.clone(),
            reason_code: self.reason_code.clone(),
            grounds: self.grounds.clone().unwrap_or_default(),
            members: self.members.clone().unwrap_or_default(),
            mission: self.mission.clone(),
            reception_place: self.reception_place.clone(),
            sponsor_group: self.sponsor_group.clone(),
            municipality: self.municipality.clone(),
            address: self.address.clone(),
            provider: self.provider.clone(),
            departure_date: self.departure_date,
            family_notified_on: self.family_notified_on,
            arrived_on: self.arrived_on,
            checks: self.checks.clone().unwrap_or_default(),
        }
    }
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
                        Err(ParseError::of(
                            "place",
                            RefusalKind::NotStateReception { kind },
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
                        Err(ParseError::of("place", RefusalKind::NoHome { kind }))
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

    /// Moves a case one step: the domain decides ([`resettle_domain::case::CaseFile::step`]);
    /// this use case checks who may, that the case did not change since
    /// `expected_version`, stores the step with its audit entry, and says what may follow.
    /// A refused step changes nothing.
    pub async fn transition(
        &self,
        caller: &Caller,
        number: &str,
        req: &TransitionRequest,
    ) -> Result<Transitioned, AppError> {
        let stored = self.stored_case(caller, number).await?;
        let to = req.to;
        self.require(caller, Permission::MoveCase(to), AuditEntity::Case, number)
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        if stored.version != req.expected_version {
            return Err(Refusal::of(
                "expected_version",
                RefusalKind::ChangedSince {
                    version: stored.version,
                    seen: req.expected_version,
                },
            )
            .into());
        }
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
                    .filter(|p| p.status == ProposalStatus::Confirmed)
                    .map(|p| p.place_code),
                ..req.clone()
            };
            &confirmed
        } else {
            req
        };
        let Stepped { event, assignment } =
            stored
                .file
                .step(&req.step(to, &caller.username), &policy, self.now())?;
        // Where the family stays from this step on: read from the programme's places, so
        // decided here rather than by the domain's step rules.
        let stay = self
            .stay_of_step(&stored, &policy, req, to, event.at.date())
            .await?;
        let mut payload = event.payload;
        if let (Some(over), Some(map)) = (
            stay.as_ref().and_then(|s| s.over_capacity_reason.as_ref()),
            payload.as_object_mut(),
        ) {
            map.insert("over_capacity_reason".into(), over.clone().into());
        }
        // The family hears of the step in the step's own transaction: no step without its
        // notice, no notice of a step that did not happen.
        let notice = News::of_step(stored.state, to, assignment.promise.as_ref())
            .map(|news| self.notice_to_family(&stored.file, news));
        let assignment = Assignment {
            mission: assignment.mission,
            municipality: assignment.municipality,
            arrival: (to == CaseState::Arrived)
                .then(|| {
                    assignment
                        .travelling
                        .map(|persons| (event.at.date(), persons))
                })
                .flatten(),
            travelling: assignment.travelling,
            support: assignment.support,
            promise: assignment.promise,
            stay,
            notice,
            reunification: assignment.reunification,
        };
        let event = NewEvent {
            to,
            at: event.at,
            actor: event.actor,
            reason: event.reason,
            reason_code: event.reason_code,
            payload,
        };
        // The entry commits with the event: a crash cannot leave one without the other.
        let mut detail = format!("{} -> {to}", stored.state);
        if !assignment.reunification.is_empty() {
            // The requests for the members left behind open with the step, and say so.
            detail.push_str(&format!(
                "; reunification requested for {} left behind",
                assignment.reunification.len()
            ));
        }
        let audit = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Case,
            number,
            "",
            &detail,
        );
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
            .map_err(unknown_reference)?;
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
