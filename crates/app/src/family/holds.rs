//! Programme holds: a planner records that a programme stops (from, until, why); every
//! departure or interview date promised inside it is broken, flagged on the case page and
//! told to the family on its status page in its language.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::sync::Arc;

use resettle_domain::hold::ProgrammeHold;
use resettle_domain::policy::{PolicyProfile, Reason, ReasonList};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::{App, AppError, Caller, Permission};

/// The reasons a hold of a programme under `policy` may give: the profile's slip list (the
/// words families read why their date moved), but for the hold itself.
pub fn hold_reasons(policy: &PolicyProfile) -> Vec<&Reason> {
    policy
        .reasons()
        .of(ReasonList::Slip)
        .iter()
        .filter(|r| r.code != "programme_hold")
        .collect()
}

/// A hold as a planner enters it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewHold {
    /// The first day no family travels.
    #[schema(value_type = String, format = Date)]
    pub from: Date,
    /// The last day of the hold, as expected.
    #[schema(value_type = String, format = Date)]
    pub until: Date,
    /// Why, as a code of the programme's slip list (`reception_capacity`,
    /// `travel_restrictions`, …; not `programme_hold`), which families read in their
    /// language.
    pub reason: String,
    /// What staff know beyond the code; never shown to families.
    #[serde(default)]
    pub note: String,
}

/// A hold as listed publicly: when and why, in a code; not staff's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct HoldView {
    /// Its number.
    pub id: i64,
    /// The first day of the hold.
    #[schema(value_type = String, format = Date)]
    pub from: Date,
    /// The last day.
    #[schema(value_type = String, format = Date)]
    pub until: Date,
    /// Why, as a code of the reason list.
    pub reason: String,
}

/// A hold with what staff know of it, for the planner who records holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct HoldRecord {
    /// When and why.
    #[serde(flatten)]
    pub hold: HoldView,
    /// Staff's note.
    pub note: String,
    /// Who recorded it.
    pub recorded_by: String,
    /// When (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub recorded_at: time::OffsetDateTime,
    /// Families whose promised date, still to be kept, falls inside the hold: the
    /// families to tell.
    pub families_affected: usize,
}

/// A programme's holds with its policy profile, whose slip list words their reasons.
#[derive(Debug, Clone)]
pub struct ProgrammeHolds {
    /// The programme's code.
    pub programme: String,
    /// Its policy profile.
    pub policy: Arc<PolicyProfile>,
    /// Its holds, earliest first.
    pub holds: Vec<HoldRecord>,
}

/// A hold just recorded, with the cases whose promised dates it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RecordedHold {
    /// The hold, with how many families it concerns.
    #[serde(flatten)]
    pub record: HoldRecord,
    /// The case numbers of those families, for the notices to them; never sent to the
    /// planner, who sees no case.
    #[serde(skip)]
    pub broken: Vec<String>,
}

fn view(row: &resettle_storage::HoldRow) -> HoldView {
    HoldView {
        id: row.id,
        from: row.hold.from,
        until: row.hold.until,
        reason: row.hold.reason.clone(),
    }
}

impl App {
    /// Records a hold of a programme and returns it with the cases whose promised dates
    /// it breaks (the promise in force of each kind the case still waits for, dated
    /// inside the hold). For planners; audited. The notices to families (issue 20's
    /// notices part) hook in here: each case in [`RecordedHold::broken`] is a family to
    /// tell, in the same step as the hold is recorded.
    pub async fn record_hold(
        &self,
        caller: &Caller,
        programme: &str,
        new: &NewHold,
    ) -> Result<RecordedHold, AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::ProgrammeHold,
            programme,
        )
        .await?;
        if !self.programme_exists(programme).await? {
            return Err(AppError::NotFound(format!(
                "programme {programme} does not exist"
            )));
        }
        let hold = ProgrammeHold {
            from: new.from,
            until: new.until,
            reason: new.reason.trim().to_string(),
            note: new.note.trim().to_string(),
        };
        let policy = self.programme_policy(programme).await?;
        let reasons: Vec<&str> = hold_reasons(&policy)
            .into_iter()
            .map(|r| r.code.as_str())
            .collect();
        hold.check(&reasons)?;
        // Which families' dates it breaks is read before it is written, so its entry
        // (which names how many) commits with it.
        let broken = self.broken_by(programme, &hold).await?;
        let entry = |id: &i64| {
            vec![succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::ProgrammeHold,
                programme,
                "",
                &format!(
                    "hold {id} from {} until {} ({}); {} families' promised dates fall inside",
                    hold.from,
                    hold.until,
                    hold.reason,
                    broken.len()
                ),
            )]
        };
        let id = self
            .store
            .add_hold(programme, &hold, &caller.username, self.now(), &entry)
            .await?;
        let row = self
            .store
            .holds(programme)
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| AppError::NotFound(format!("hold {id} does not exist")))?;
        Ok(RecordedHold {
            record: HoldRecord {
                hold: view(&row),
                note: row.hold.note,
                recorded_by: row.recorded_by,
                recorded_at: row.recorded_at,
                families_affected: broken.len(),
            },
            broken,
        })
    }

    /// The cases of a programme whose promised date in force, still awaited, falls inside
    /// the hold.
    async fn broken_by(
        &self,
        programme: &str,
        hold: &ProgrammeHold,
    ) -> Result<Vec<String>, AppError> {
        let mut broken: Vec<String> = self
            .store
            .promises_between(programme, hold.from, hold.until)
            .await?
            .into_iter()
            .filter(|(_, state, p)| !hold.breaks(std::slice::from_ref(p), *state).is_empty())
            .map(|(case, _, _)| case)
            .collect();
        broken.dedup();
        Ok(broken)
    }

    /// A programme's holds, earliest first: when and why, public as the pledges are
    /// (the report explains the delays they caused).
    pub async fn holds(&self, programme: &str) -> Result<Vec<HoldView>, AppError> {
        if !self.programme_exists(programme).await? {
            return Err(AppError::NotFound(format!(
                "programme {programme} does not exist"
            )));
        }
        Ok(self
            .store
            .holds(programme)
            .await?
            .iter()
            .map(view)
            .collect())
    }

    /// Every programme's holds with staff's notes and the families each concerns, for the
    /// planner who records them.
    pub async fn hold_book(&self, caller: &Caller) -> Result<Vec<ProgrammeHolds>, AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::ProgrammeHold,
            "",
        )
        .await?;
        let mut book = Vec::new();
        for p in self.store.programmes().await? {
            let policy = self.policy(&p.policy_profile).await?;
            let mut holds = Vec::new();
            for row in self.store.holds(&p.code).await? {
                let families_affected = self.broken_by(&p.code, &row.hold).await?.len();
                holds.push(HoldRecord {
                    hold: view(&row),
                    note: row.hold.note,
                    recorded_by: row.recorded_by,
                    recorded_at: row.recorded_at,
                    families_affected,
                });
            }
            book.push(ProgrammeHolds {
                programme: p.code,
                policy,
                holds,
            });
        }
        Ok(book)
    }

    /// The holds of a programme as the domain knows them, for the pages that flag the
    /// promises they break.
    pub(crate) async fn programme_holds(
        &self,
        programme: &str,
    ) -> Result<Vec<ProgrammeHold>, AppError> {
        Ok(self
            .store
            .holds(programme)
            .await?
            .into_iter()
            .map(|r| r.hold)
            .collect())
    }
}
