//! The support work list: check-ins overdue and tasks open, for the families in the
//! caller's scope.
use resettle_domain::audit::AuditAction;
use resettle_domain::support::{DueCheckIn, checkins_due};
use resettle_storage::CaseFilter;
use serde::Serialize;
use time::Date;

use super::{ENTITY, Task};
use crate::access::permission::Scope;
use crate::{App, AppError, Caller, Permission};

/// A check-in past its due date and the grace days, not answered.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverdueCheckIn {
    /// The family's case number.
    pub case_number: String,
    /// Who supports it.
    pub provider: String,
    /// Which check-in (months after arrival).
    pub months: u32,
    /// The day it fell due.
    #[schema(value_type = String, format = Date)]
    pub due_on: Date,
}

/// A family in support in the caller's scope, to open its support from the work list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SupportedFamily {
    /// The family's case number.
    pub case_number: String,
    /// Who supports it.
    pub provider: String,
    /// The day it arrived.
    #[schema(value_type = String, format = Date)]
    pub arrived_on: Date,
    /// The earliest check-in due and not answered; `null` when none is due.
    #[schema(value_type = Option<Object>)]
    pub next_checkin: Option<DueCheckIn>,
}

/// What the support work list shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WorkList {
    /// Every family in support in the caller's scope, by case number.
    pub families: Vec<SupportedFamily>,
    /// Overdue check-ins, the longest overdue first.
    pub overdue: Vec<OverdueCheckIn>,
    /// Open tasks, oldest first.
    pub tasks: Vec<Task>,
}

impl App {
    /// The caller's support work list: the families in their scope in integration
    /// support with a check-in overdue, and the open tasks. Case numbers only: the list
    /// is read as one audited read.
    pub async fn support_work_list(&self, caller: &Caller) -> Result<WorkList, AppError> {
        self.require(caller, Permission::ReadSupport, ENTITY, "work_list")
            .await?;
        let scope = match caller.scope() {
            Scope::All => None,
            Scope::Limited(f) => Some(f),
            Scope::Nothing => {
                return Ok(WorkList {
                    families: Vec::new(),
                    overdue: Vec::new(),
                    tasks: Vec::new(),
                });
            }
        };
        let filter = CaseFilter {
            scope,
            ..CaseFilter::default()
        };
        let today = self.today();
        let mut overdue = Vec::new();
        let mut families = Vec::new();
        for family in self.store.families_in_support(&filter).await? {
            let policy = self.programme_policy(&family.programme).await?;
            let due = checkins_due(
                family.arrived_on,
                policy.checkin_months(),
                &family.answered,
                today,
            );
            overdue.extend(due.iter().filter(|d| d.overdue).map(|d| OverdueCheckIn {
                case_number: family.case_number.clone(),
                provider: family.plan.provider.clone(),
                months: d.months,
                due_on: d.due_on,
            }));
            families.push(SupportedFamily {
                next_checkin: due.first().copied(),
                case_number: family.case_number,
                provider: family.plan.provider,
                arrived_on: family.arrived_on,
            });
        }
        overdue.sort_by(|a, b| {
            a.due_on
                .cmp(&b.due_on)
                .then(a.case_number.cmp(&b.case_number))
        });
        let tasks: Vec<Task> = self
            .store
            .open_support_tasks(&filter)
            .await?
            .into_iter()
            .map(Task::from)
            .collect();
        self.record_ok(
            caller,
            AuditAction::Read,
            ENTITY,
            "work_list",
            "",
            &format!("{} overdue, {} tasks", overdue.len(), tasks.len()),
        )
        .await?;
        Ok(WorkList {
            families,
            overdue,
            tasks,
        })
    }
}
