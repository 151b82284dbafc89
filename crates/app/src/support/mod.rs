//! Integration support after arrival: the support plan, its goals and contacts, wellbeing
//! check-ins recorded by staff or by the family itself, the tasks flagged problems open,
//! the work list, and the cohort figures the programme learns from (issue 25).
//!
//! Who may do what: reception officers and support providers set plans, log contacts and
//! close tasks; they, municipalities and sponsor groups record check-ins for the families
//! in their scope; health answers are read only by medical officers and support
//! providers, and each such read is audited; the family answers its own check-in from its
//! status page, with its consent.
mod checkins;
mod cohorts;
mod demo;
mod work_list;

pub use checkins::{CheckInAnswers, FamilyCheckIn, FamilyCheckInForm};
pub(crate) use cohorts::KeptCohorts;
pub use cohorts::{COHORTS_KEPT_FOR, ProgrammeCohorts};
pub(crate) use demo::demo_support;
pub use work_list::{OverdueCheckIn, SupportedFamily, WorkList};

use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::support::{
    Contact, ContactKind, DueCheckIn, Goal, ProviderKind, SupportPlan, checkins_due, default_goals,
};
use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::{ClosedTask, StoredCase, TaskRow};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::bounds::TASK_NOTE_CHARS;
use crate::cases::case_number;
use crate::{App, AppError, Caller, Permission};

/// The special-category fields of a check-in, named in the audit entry of each read and
/// write that includes them.
pub(crate) const HEALTH_FIELDS: &str = "checkins.health";

/// The audit trail's name for what this module reads and writes.
const ENTITY: AuditEntity = AuditEntity::Support;

/// A plan to set: who gives the support and from when; the length is the profile's.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewSupportPlan {
    /// The organisation that gives it, by name (its staff then see the family).
    pub provider: String,
    /// `ngo`, `municipality` or `sponsor_group`.
    #[schema(example = "ngo")]
    pub provider_kind: ProviderKind,
    /// First day of support, not before arrival; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<Date>,
}

/// A contact to log.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewContact {
    /// Day of the contact, not before the plan starts; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub on: Option<Date>,
    /// `visit`, `office`, `call` or `message`.
    #[schema(example = "visit")]
    pub kind: ContactKind,
    /// What it was about, up to 1,000 characters (no health details).
    pub note: String,
}

/// How a task was dealt with, to close it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CloseTask {
    /// What was done (a home found, a school place taken), up to 1,000 characters.
    pub note: String,
}

/// A task as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Task {
    /// Its id.
    pub id: i64,
    /// The family's case number.
    pub case_number: String,
    /// `no_own_housing`, `child_not_in_school` or `relative_abroad`.
    #[schema(value_type = String)]
    pub kind: String,
    /// The child, for a child not in school.
    pub member_no: Option<u32>,
    /// The check-in (months after arrival) that flagged it.
    pub from_months: u32,
    /// When it was opened.
    #[schema(value_type = String, format = Date)]
    pub opened_on: Date,
    /// When it was closed; `null` while open.
    #[schema(value_type = Option<String>, format = Date)]
    pub closed_on: Option<Date>,
    /// What was done, as noted when it was closed; `null` while open.
    pub closed_note: Option<String>,
}

impl From<TaskRow> for Task {
    fn from(t: TaskRow) -> Self {
        Task {
            id: t.id,
            case_number: t.case_number,
            kind: t.problem.kind.as_str().to_string(),
            member_no: t.problem.member_no,
            from_months: t.from_months,
            opened_on: t.opened_on,
            closed_on: t.closed.as_ref().map(|c| c.on),
            closed_note: t.closed.map(|c| c.note),
        }
    }
}

/// A family's support as its supporters see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SupportView {
    /// UNHCR case number.
    pub case_number: String,
    /// The plan; `null` before support started.
    #[schema(value_type = Option<Object>)]
    pub plan: Option<SupportPlan>,
    /// The plan's last day.
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<Date>,
    /// Goals, numbered from 1 in this order.
    #[schema(value_type = Vec<Object>)]
    pub goals: Vec<Goal>,
    /// Contacts logged, oldest first.
    #[schema(value_type = Vec<Object>)]
    pub contacts: Vec<Contact>,
    /// Check-ins answered; `health` is present only for those who may read it.
    #[schema(value_type = Vec<Object>)]
    pub checkins: Vec<resettle_domain::support::CheckIn>,
    /// Check-ins due and not answered, in order.
    #[schema(value_type = Vec<Object>)]
    pub due: Vec<DueCheckIn>,
    /// Tasks, open ones first.
    pub tasks: Vec<Task>,
    /// The months the profile sets for check-ins.
    pub checkin_months: Vec<u32>,
}

impl App {
    /// A family's support: plan, goals, contacts, check-ins, due check-ins and tasks. A
    /// family outside the caller's scope is not found; the health answers are shown only
    /// to those who may read them, and that read is audited naming them.
    pub async fn support(&self, caller: &Caller, number: &str) -> Result<SupportView, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::ReadSupport, ENTITY)
            .await?;
        let with_health = caller.may(Permission::ReadCheckInHealth);
        let records = self
            .store
            .support_records(&case_number(number)?, with_health)
            .await?;
        let fields = if with_health && !records.checkins.is_empty() {
            HEALTH_FIELDS
        } else {
            ""
        };
        self.record_ok(caller, AuditAction::Read, ENTITY, number, fields, "")
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let answered: Vec<u32> = records.checkins.iter().map(|c| c.checkin.months).collect();
        let due = stored
            .file
            .arrived_on()
            .filter(|_| stored.file.support.is_some())
            .map(|arrived| checkins_due(arrived, policy.checkin_months(), &answered, self.today()))
            .unwrap_or_default();
        Ok(SupportView {
            case_number: number.to_string(),
            ends_on: stored.file.support.as_ref().map(SupportPlan::ends_on),
            plan: stored.file.support,
            goals: records.goals,
            contacts: records.contacts.into_iter().map(|(c, _)| c).collect(),
            checkins: records.checkins.into_iter().map(|c| c.checkin).collect(),
            due,
            tasks: records.tasks.into_iter().map(Task::from).collect(),
            checkin_months: policy.checkin_months().to_vec(),
        })
    }

    /// Sets a family's support plan, its length from the profile, with the goals a new
    /// plan starts with ([`default_goals`]); refused, naming the field, when it cannot
    /// exist ([`SupportPlan::check`]). Nothing is written on refusal.
    pub async fn set_support_plan(
        &self,
        caller: &Caller,
        number: &str,
        req: &NewSupportPlan,
    ) -> Result<SupportView, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::ManageSupport, ENTITY)
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let plan = SupportPlan {
            provider: req.provider.trim().to_string(),
            provider_kind: req.provider_kind,
            starts_on: req.starts_on.unwrap_or(self.today()),
            months: policy.support_months(),
        };
        plan.check(&stored.file, self.today())?;
        let goals = default_goals(&stored.file, &plan);
        let audit = succeeded(
            caller,
            AuditAction::Write,
            ENTITY,
            number,
            "",
            &format!("plan by {} from {}", plan.provider, plan.starts_on),
        );
        self.store
            .write_support_plan(&case_number(number)?, &plan, &goals, &[audit])
            .await?;
        self.support(caller, number).await
    }

    /// Records that goal `goal_no` (from 1) was reached on `on` (default today); refused,
    /// naming the field, for a day before arrival or after today.
    pub async fn reach_goal(
        &self,
        caller: &Caller,
        number: &str,
        goal_no: u32,
        on: Option<Date>,
    ) -> Result<SupportView, AppError> {
        let (stored, plan) = self
            .planned(caller, number, Permission::ManageSupport)
            .await?;
        let records = self
            .store
            .support_records(&case_number(number)?, false)
            .await?;
        let goal = goal_no
            .checked_sub(1)
            .and_then(|i| records.goals.get(i as usize))
            .ok_or_else(|| {
                Refusal::of(
                    "goal_no",
                    RefusalKind::OutOfRange {
                        min: "1".into(),
                        max: records.goals.len().to_string(),
                        got: goal_no.to_string(),
                    },
                )
            })?;
        let reached = Goal {
            reached_on: Some(on.unwrap_or(self.today())),
            ..goal.clone()
        };
        reached.check(&stored.file, &plan, self.today())?;
        let audit = succeeded(
            caller,
            AuditAction::Write,
            ENTITY,
            number,
            "",
            &format!("goal {goal_no} reached"),
        );
        self.store
            .reach_goal(
                &case_number(number)?,
                goal_no,
                reached.reached_on.expect("set above"),
                &[audit],
            )
            .await?;
        self.support(caller, number).await
    }

    /// Logs a contact with a family; refused, naming the field, before the plan starts,
    /// after today, or with an empty or overlong note.
    pub async fn log_support_contact(
        &self,
        caller: &Caller,
        number: &str,
        req: &NewContact,
    ) -> Result<SupportView, AppError> {
        let (_, plan) = self
            .planned(caller, number, Permission::ManageSupport)
            .await?;
        let contact = Contact {
            on: req.on.unwrap_or(self.today()),
            kind: req.kind,
            note: req.note.trim().to_string(),
        };
        contact.check(&plan, self.today())?;
        let audit = succeeded(
            caller,
            AuditAction::Write,
            ENTITY,
            number,
            "",
            &format!("{} on {}", contact.kind, contact.on),
        );
        self.store
            .log_support_contact(&case_number(number)?, &contact, &caller.username, &[audit])
            .await?;
        self.support(caller, number).await
    }

    /// Closes an open task of a family, today, with a note of what was done; refused,
    /// naming the field, without a note or with one over [`TASK_NOTE_CHARS`], or for a
    /// task that is not an open task of the family. Nothing is written on refusal.
    pub async fn close_support_task(
        &self,
        caller: &Caller,
        number: &str,
        task_id: i64,
        req: &CloseTask,
    ) -> Result<SupportView, AppError> {
        self.planned(caller, number, Permission::ManageSupport)
            .await?;
        let note = req.note.trim();
        if note.is_empty() {
            return Err(Refusal::of("note", RefusalKind::Missing).into());
        }
        let len = note.chars().count();
        if len > TASK_NOTE_CHARS {
            return Err(Refusal::of(
                "note",
                RefusalKind::TooLong {
                    max: TASK_NOTE_CHARS,
                    got: len,
                },
            )
            .into());
        }
        let records = self
            .store
            .support_records(&case_number(number)?, false)
            .await?;
        if !records
            .tasks
            .iter()
            .any(|t| t.id == task_id && t.closed.is_none())
        {
            return Err(Refusal::of(
                "task_id",
                RefusalKind::NotDefined {
                    given: task_id.to_string(),
                },
            )
            .into());
        }
        let audit = succeeded(
            caller,
            AuditAction::Write,
            ENTITY,
            number,
            "",
            &format!("task {task_id} closed"),
        );
        self.store
            .close_support_task(
                &case_number(number)?,
                task_id,
                &ClosedTask {
                    on: self.today(),
                    by: caller.username.clone(),
                    note: note.to_string(),
                },
                &[audit],
            )
            .await?;
        self.support(caller, number).await
    }

    /// A case in the caller's scope that they may act on with `p`, and its plan; a family
    /// without one is refused naming the plan.
    async fn planned(
        &self,
        caller: &Caller,
        number: &str,
        p: Permission,
    ) -> Result<(StoredCase, SupportPlan), AppError> {
        let stored = self.stored_case_for(caller, number, p, ENTITY).await?;
        let plan = stored
            .file
            .support
            .clone()
            .ok_or_else(|| Refusal::of("plan", RefusalKind::Missing))?;
        Ok((stored, plan))
    }
}
