//! Moving a case one step under its policy profile: the domain's step rules decide, this use
//! case authorises, stores and audits. A refused step changes nothing.
use std::collections::BTreeMap;

use resettle_domain::case::{CaseState, Step, Stepped};
use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::{NewEvent, StorageError};
use serde::{Deserialize, Serialize};
use time::Date;

use super::case_number;
use crate::access::audit::succeeded;
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
    /// accepted_in_part: the member numbers accepted.
    pub members: Option<Vec<u32>>,
    /// scheduled_for_mission: the mission's code.
    pub mission: Option<String>,
    /// in_reception (required) or housed: the place's code.
    pub reception_place: Option<String>,
    /// housed: the sponsor group's name, for community sponsorship.
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
        let to: CaseState =
            req.to
                .parse()
                .map_err(|e: resettle_domain::Refusal| resettle_domain::Refusal {
                    field: "to".into(),
                    ..e
                })?;
        self.require(caller, Permission::MoveCase(to), "case", number)
            .await?;
        let policy = self.programme_policy(&stored.programme).await?;
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
        let mut step = req.step(to, &caller.username);
        // A family whose place was confirmed before it arrived goes there by default.
        if to == CaseState::InReception && step.reception_place.is_none() {
            step.reception_place = self
                .store
                .proposal(number)
                .await?
                .filter(|p| p.status == "confirmed")
                .map(|p| p.place_code);
        }
        let Stepped { event, assignment } = stored.file.step(&step, &policy, self.now())?;
        let event = NewEvent {
            to,
            at: event.at,
            actor: event.actor,
            reason: event.reason,
            reason_code: event.reason_code,
            payload: event.payload,
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
