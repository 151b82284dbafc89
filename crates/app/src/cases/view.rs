//! One case as shown to the people who handle it: where it stands, how long each stage
//! took, which promises slipped, what is overdue and what may happen next.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{CaseEvent, CaseState, FamilyMember, Promise, PromiseKind, Stage};
use resettle_domain::hold::ProgrammeHold;
use resettle_domain::outcomes::FollowUp;
use resettle_domain::policy::{Overdue, PolicyProfile};
use resettle_domain::reunification::ReunificationRequest;
use resettle_domain::support::SupportPlan;
use resettle_storage::{NewAuditEntry, StoredCase};
use serde::Serialize;
use time::Date;

use super::case_number;
use super::stays::{StayView, stay_views};
use crate::access::audit::succeeded;
use crate::access::visibility::{project, project_event, sees};
use crate::{App, AppError, Caller, Permission, Role};
use resettle_domain::reception::stay::may_step_back;
use serde_json::Value;

/// Time spent in one state, for the family and for the report on delays.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Waiting {
    /// The state.
    pub state: CaseState,
    /// The day it was entered.
    #[schema(value_type = String, format = Date)]
    pub entered_on: Date,
    /// Days spent in it (until today for the current state).
    pub days: i64,
}

/// A promised date a programme hold breaks: the family must be told it cannot be kept.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct HeldPromise {
    /// What the date is for (interview or departure).
    pub kind: PromiseKind,
    /// The date promised.
    #[schema(value_type = String, format = Date)]
    pub promised_date: Date,
    /// The first day of the hold.
    #[schema(value_type = String, format = Date)]
    pub hold_from: Date,
    /// Its last day.
    #[schema(value_type = String, format = Date)]
    pub hold_until: Date,
    /// Why the programme stopped, as a code of the reason list.
    pub reason: String,
}

/// A pre-departure check of the policy profile, and when it was done.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CheckView {
    /// The check (`travel_authorisation`, `humanitarian_visa`, …).
    pub name: String,
    /// Whether a departure waits for it.
    pub required: bool,
    /// Who does or grants it.
    pub by: String,
    /// When it was done, if it was.
    #[schema(value_type = Option<String>, format = Date)]
    pub done_on: Option<Date>,
}

/// A reunification request with the time it has been waiting.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ReunificationView {
    /// The request.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub request: ReunificationRequest,
    /// Days from the request to its resolution, or to today while open.
    pub days_since_request: i64,
    /// Days past its due day while it still waits for a decision.
    pub days_overdue: Option<i64>,
}

/// A case with everything its handlers need, except special-category data (medical
/// records), which is kept apart.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CaseView {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code.
    pub programme: String,
    /// The policy profile the case is handled under.
    pub policy_profile: String,
    /// Current state.
    #[schema(example = "pre_departure")]
    pub state: CaseState,
    /// Phase of the programme.
    #[schema(example = "pre_departure")]
    pub stage: Stage,
    /// Version to name when changing the case.
    pub version: i64,
    /// First country of asylum.
    pub country_of_asylum: String,
    /// Nationality of the principal applicant.
    pub nationality: String,
    /// UNHCR submission categories, primary first.
    pub categories: Vec<resettle_domain::case::SubmissionCategory>,
    /// emergency, urgent or normal.
    pub priority: resettle_domain::case::Priority,
    /// mission or dossier.
    pub channel: resettle_domain::case::Channel,
    /// Day of submission.
    #[schema(value_type = String, format = Date)]
    pub submitted_on: Date,
    /// The family, principal applicant first, each with their age today.
    #[schema(value_type = Vec<Object>)]
    pub members: Vec<MemberView>,
    /// Relatives resettled as separate cases.
    pub linked_cases: Vec<String>,
    /// Selection mission, by code.
    pub mission: Option<String>,
    /// The day the family arrived.
    #[schema(value_type = Option<String>, format = Date)]
    pub arrived_on: Option<Date>,
    /// Reception place, by code: where the family stays now.
    pub reception_place: Option<String>,
    /// Where the family has stayed since it arrived, oldest first (centre, LOI,
    /// municipality, sponsor group, home), each from one day until the next began.
    pub stays: Vec<StayView>,
    /// Sponsor group, by name.
    pub sponsor_group: Option<String>,
    /// The family's home address, from the step that housed it.
    pub address: Option<String>,
    /// Integration support plan.
    #[schema(value_type = Option<Object>)]
    pub support: Option<SupportPlan>,
    /// Dates told to the family, oldest first.
    #[schema(value_type = Vec<Object>)]
    pub promises: Vec<Promise>,
    /// How many promised dates were replaced by later ones.
    pub slipped_promises: usize,
    /// Promised dates still awaited that a programme hold breaks.
    pub held_promises: Vec<HeldPromise>,
    /// How to reach the family (the principal applicant's e-mail and mobile number), for
    /// the roles that inform families.
    #[schema(value_type = Option<Object>)]
    pub contact: Option<resettle_storage::FamilyContact>,
    /// Notices to the family, newest first: what each told of and whether it went out.
    pub notices: Vec<crate::notices::NoticeView>,
    /// Relatives left behind.
    pub reunification: Vec<ReunificationView>,
    /// The profile's pre-departure checks and when each was done.
    pub pre_departure: Vec<CheckView>,
    /// The profile's steps after arrival, each with its day if done and the days it took
    /// from arrival.
    #[schema(value_type = Vec<Object>)]
    pub after_arrival: Vec<resettle_domain::case::AfterArrival>,
    /// Time spent in each state so far.
    pub waiting: Vec<Waiting>,
    /// Whether each working-age adult had work at the follow-ups after arrival.
    #[schema(value_type = Vec<Object>)]
    pub outcomes: Vec<FollowUp>,
    /// Time limits of the policy profile this case has overrun.
    #[schema(value_type = Vec<Object>)]
    pub overdue: Vec<Overdue>,
    /// Care needs per member (flags such as `wheelchair`, never diagnoses), for those who
    /// arrange travel, reception and housing.
    pub care_needs: Vec<MemberNeeds>,
    /// States the case may move to next under its policy profile.
    pub allowed_transitions: Vec<CaseState>,
    /// Things to complete (e.g. fewer than two UNHCR categories).
    pub warnings: Vec<String>,
}

/// A family member with their age today: those who may not see the date of birth (a
/// sponsor group) still know how old each child is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberView {
    /// The member as registered.
    #[serde(flatten)]
    pub member: FamilyMember,
    /// Whole years of age today.
    pub age: i32,
}

impl std::ops::Deref for MemberView {
    type Target = FamilyMember;

    fn deref(&self) -> &FamilyMember {
        &self.member
    }
}

/// One member's care needs, from the medical record.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MemberNeeds {
    /// The family member.
    pub member_no: u32,
    /// The needs.
    pub needs: Vec<resettle_domain::case::CareNeed>,
    /// Whether the person consented to share these with the municipality or sponsor.
    pub consent_to_share: bool,
}

/// The day each state was entered, from the history.
pub(crate) fn entries(events: &[CaseEvent]) -> Vec<(CaseState, Date)> {
    events.iter().map(|e| (e.to, e.at.date())).collect()
}

/// Days spent in each state entered, the last until `today`.
fn waiting(events: &[CaseEvent], today: Date) -> Vec<Waiting> {
    let entered = entries(events);
    entered
        .iter()
        .enumerate()
        .map(|(i, &(state, on))| {
            let until = entered.get(i + 1).map_or(today, |next| next.1);
            Waiting {
                state,
                entered_on: on,
                days: (until - on).whole_days(),
            }
        })
        .collect()
}

/// The promises of a case in `state` that the programme's holds break.
fn held(promises: &[Promise], state: CaseState, holds: &[ProgrammeHold]) -> Vec<HeldPromise> {
    holds
        .iter()
        .flat_map(|h| {
            h.breaks(promises, state).into_iter().map(|p| HeldPromise {
                kind: p.kind,
                promised_date: p.promised_date,
                hold_from: h.from,
                hold_until: h.until,
                reason: h.reason.clone(),
            })
        })
        .collect()
}

pub(crate) fn build(
    stored: StoredCase,
    policy: &PolicyProfile,
    holds: &[ProgrammeHold],
    today: Date,
) -> CaseView {
    let f = stored.file;
    let held_promises = held(&f.promises, stored.state, holds);
    let mut allowed_transitions = policy.next(stored.state);
    // Back into reception only from a sponsor group's home that broke down.
    if !may_step_back(&f.stays) {
        allowed_transitions
            .retain(|&s| !(s == CaseState::InReception && stored.state != CaseState::Arrived));
    }
    let arrived_on = f.arrived_on();
    let address = f.home_address().map(str::to_string);
    let overdue = if stored.state.is_terminal() {
        Vec::new()
    } else {
        policy
            .overdue(f.case.priority, &entries(&f.events), today)
            .into_iter()
            .filter(|o| o.stopped.is_none())
            .collect()
    };
    let after_arrival = f.after_arrival_steps(policy);
    let done = f.checks_done();
    let pre_departure = policy
        .pre_departure_checks()
        .iter()
        .map(|c| CheckView {
            name: c.name.clone(),
            required: c.required,
            by: c.by.clone(),
            done_on: done.get(&c.name).copied(),
        })
        .collect();
    CaseView {
        pre_departure,
        after_arrival,
        warnings: f.case.warnings(),
        case_number: f.case.case_number.to_string(),
        programme: stored.programme,
        policy_profile: policy.name().to_string(),
        state: stored.state,
        stage: stored.state.stage(),
        version: stored.version,
        country_of_asylum: f.case.country_of_asylum.to_string(),
        nationality: f.case.nationality.to_string(),
        categories: f.case.categories,
        priority: f.case.priority,
        channel: f.case.channel,
        submitted_on: f.case.submitted_on,
        members: f
            .case
            .members
            .into_iter()
            .map(|m| MemberView {
                age: m.age_on(today),
                member: m,
            })
            .collect(),
        arrived_on,
        address,
        linked_cases: f
            .case
            .linked_cases
            .iter()
            .map(ToString::to_string)
            .collect(),
        mission: f.mission,
        reception_place: f.reception_place,
        stays: stay_views(&f.stays, &stored.place_names, policy, today),
        sponsor_group: f.sponsor_group,
        support: f.support,
        slipped_promises: f.promises.iter().filter(|p| p.is_slip()).count(),
        held_promises,
        // Read apart, and only for the roles that see them (`App::view_for`).
        contact: None,
        notices: Vec::new(),
        promises: f.promises,
        reunification: f
            .reunification
            .into_iter()
            .map(|r| ReunificationView {
                days_since_request: (r.resolved_on.unwrap_or(today) - r.requested_on).whole_days(),
                days_overdue: r.days_overdue(today),
                request: r,
            })
            .collect(),
        waiting: waiting(&f.events, today),
        outcomes: f.outcomes,
        care_needs: f
            .medical
            .iter()
            .filter(|m| !m.care_needs.is_empty())
            .map(|m| MemberNeeds {
                member_no: m.member_no,
                needs: m.care_needs.clone(),
                consent_to_share: m.consent_to_share,
            })
            .collect(),
        overdue,
        allowed_transitions,
    }
}

/// Whether the caller sees care needs a person did not consent to share: agency staff do,
/// who arrange travel, reception and housing; municipalities and sponsors see only those
/// shared with them.
pub(crate) fn sees_unshared_care_needs(caller: &Caller) -> bool {
    caller.has(Role::CaseOfficer)
        || caller.has(Role::MedicalOfficer)
        || caller.has(Role::ReceptionOfficer)
}

/// Fields of a case that are special-category data (GDPR art. 9): the UNHCR categories
/// (e.g. survivor of violence or torture) and the care needs. Reads name them in the trail.
const SPECIAL_FIELDS: &[&str] = &["categories", "care_needs"];

/// The entry recording a change to a case, which the change's own transaction commits
/// with it (a crash between two transactions would lose it).
pub(crate) fn case_written(
    caller: &Caller,
    number: &str,
    special_fields: &str,
    detail: &str,
) -> NewAuditEntry {
    succeeded(
        caller,
        AuditAction::Write,
        AuditEntity::Case,
        number,
        special_fields,
        detail,
    )
}

impl App {
    /// One case as the caller may see it: fields outside their role are absent, care needs
    /// not consented to are withheld from municipalities and sponsors, and only the steps
    /// the caller may take are offered. A case outside the caller's scope is not found.
    /// The read is audited with the special-category fields it showed.
    pub async fn case(&self, caller: &Caller, number: &str) -> Result<Value, AppError> {
        let view = self.view_for(caller, number).await?;
        let json = project(
            caller,
            serde_json::to_value(&view).expect("a case view serialises"),
        );
        let shown: Vec<&str> = SPECIAL_FIELDS
            .iter()
            .copied()
            .filter(|f| {
                json.get(f)
                    .is_some_and(|v| v.as_array().is_none_or(|a| !a.is_empty()))
            })
            .collect();
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Case,
            &view.case_number,
            &shown.join(","),
            "",
        )
        .await?;
        Ok(json)
    }

    /// One case with every field, for callers who see every field (case officers and the
    /// operator at the command line); refused for others.
    pub async fn case_full(&self, caller: &Caller, number: &str) -> Result<CaseView, AppError> {
        if !caller.has(Role::CaseOfficer) {
            return Err(AppError::Forbidden {
                detail: "the full case is for case officers; ask for the case as your role sees it"
                    .into(),
                lacking: None,
            });
        }
        let view = self.view_for(caller, number).await?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Case,
            &view.case_number,
            &SPECIAL_FIELDS.join(","),
            "",
        )
        .await?;
        Ok(view)
    }

    async fn view_for(&self, caller: &Caller, number: &str) -> Result<CaseView, AppError> {
        let stored = self.stored_case(caller, number).await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let holds = self.programme_holds(&stored.programme).await?;
        let mut view = build(stored, &policy, &holds, self.today());
        view.allowed_transitions
            .retain(|&s| caller.may(Permission::MoveCase(s)));
        if !sees_unshared_care_needs(caller) {
            view.care_needs.retain(|n| n.consent_to_share);
        }
        let (contact, notices) = self.contact_and_notices(caller, number).await?;
        view.contact = contact;
        view.notices = notices.unwrap_or_default();
        Ok(view)
    }

    /// A case's history, oldest first (for the roles that see its waiting times).
    pub async fn case_events(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<Vec<CaseEvent>, AppError> {
        let stored = self.stored_case(caller, number).await?;
        if !sees(caller, "waiting") {
            return Err(self
                .refuse(
                    caller,
                    AuditEntity::CaseEvents,
                    number,
                    "your roles do not see a case's history",
                )
                .await);
        }
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::CaseEvents,
            number,
            "",
            "",
        )
        .await?;
        Ok(stored
            .file
            .events
            .into_iter()
            .map(|e| project_event(caller, e))
            .collect())
    }

    /// A case the caller may know exists (else not found) and may act on with `p` (else
    /// forbidden, audited against `entity`).
    pub(crate) async fn stored_case_for(
        &self,
        caller: &Caller,
        number: &str,
        p: Permission,
        entity: AuditEntity,
    ) -> Result<StoredCase, AppError> {
        let stored = self.stored_case(caller, number).await?;
        self.require(caller, p, entity, number).await?;
        Ok(stored)
    }

    /// A case the caller may know exists, or no such case.
    pub(crate) async fn stored_case(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<StoredCase, AppError> {
        let n = case_number(number)?;
        self.require_case(caller, n.as_str()).await?;
        self.store
            .case(&n)
            .await?
            .ok_or_else(|| super::no_such_case(n.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn waiting_counts_days_between_entries_and_until_today() {
        let event = |seq, to, at| CaseEvent {
            seq,
            at,
            actor: String::new(),
            from: None,
            to,
            reason: String::new(),
            reason_code: None,
            payload: serde_json::Value::Null,
        };
        let events = [
            event(1, CaseState::Submitted, datetime!(2026-01-01 09:00 UTC)),
            event(2, CaseState::DossierReview, datetime!(2026-01-11 17:00 UTC)),
        ];
        let w = waiting(&events, date!(2026 - 02 - 01));
        assert_eq!((w[0].days, w[1].days), (10, 21));
    }
}
