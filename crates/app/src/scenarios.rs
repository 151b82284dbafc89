//! Saved fair-share scenarios, so planners can compare alternatives side by side.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::{Refusal, RefusalKind};
use serde::Serialize;

use crate::access::audit::succeeded;
use crate::fair_share::{self, PlanRequest, PlanResult};
use crate::{App, AppError, Caller, Permission};

/// A saved scenario: its inputs and the plan they gave when saved.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Scenario {
    /// The planner's name for it.
    pub name: String,
    /// The plan inputs.
    pub inputs: PlanRequest,
    /// The plan computed when it was saved.
    pub result: PlanResult,
    /// When it was saved (RFC 3339). Who saved it is in the audit trail, not here: the
    /// scenario list is public, and public pages name no staff.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub saved_at: time::OffsetDateTime,
}

impl App {
    /// Computes a plan and saves it under `name`; a name already used is refused.
    pub async fn save_scenario(
        &self,
        caller: &Caller,
        name: &str,
        inputs: &PlanRequest,
    ) -> Result<Scenario, AppError> {
        self.require(caller, Permission::PlanQuotas, AuditEntity::Scenario, name)
            .await?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Refusal::of("name", RefusalKind::Missing).into());
        }
        let got = name.chars().count();
        if got > 100 {
            return Err(Refusal::of("name", RefusalKind::TooLong { max: 100, got }).into());
        }
        let result = fair_share::plan(inputs, self.today())?;
        let inputs_json = serde_json::to_string(inputs).expect("plan inputs serialise");
        let result_json = serde_json::to_string(&result).expect("a plan serialises");
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Scenario,
            name,
            "",
            "saved",
        );
        self.store
            .save_scenario(name, &inputs_json, &result_json, &caller.username, &[entry])
            .await?;
        Ok(self
            .scenarios()
            .await?
            .into_iter()
            .find(|s| s.name == name)
            .expect("just saved"))
    }

    /// Every saved scenario, oldest first.
    pub async fn scenarios(&self) -> Result<Vec<Scenario>, AppError> {
        self.store
            .scenarios()
            .await?
            .into_iter()
            .map(|r| {
                let corrupt = |e: serde_json::Error| {
                    AppError::internal(&format!("stored scenario {:?}", r.name), e)
                };
                Ok(Scenario {
                    inputs: serde_json::from_str(&r.inputs).map_err(corrupt)?,
                    result: serde_json::from_str(&r.result).map_err(corrupt)?,
                    name: r.name,
                    saved_at: r.saved_at,
                })
            })
            .collect()
    }

    /// Deletes a scenario.
    pub async fn delete_scenario(&self, caller: &Caller, name: &str) -> Result<(), AppError> {
        self.require(caller, Permission::PlanQuotas, AuditEntity::Scenario, name)
            .await?;
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Scenario,
            name,
            "",
            "deleted",
        );
        self.store.delete_scenario(name, &[entry]).await?;
        Ok(())
    }
}
