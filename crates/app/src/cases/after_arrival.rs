//! The steps after arrival a profile lists (the asylum registration, the refugee
//! certificate), recorded with their days, so the case shows how long each took.
use resettle_domain::audit::AuditEntity;
use serde::{Deserialize, Serialize};
use time::Date;

use super::view::case_written;
use crate::{App, AppError, Caller, Permission};

/// A step after arrival done.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewAfterArrival {
    /// The step, by its name in the policy profile (`asylum_registration`).
    #[schema(example = "asylum_registration")]
    pub name: String,
    /// The day it was done: not before the arrival nor after today; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub done_on: Option<Date>,
}

impl App {
    /// Records a step after arrival of an arrived family, by those who follow the family
    /// after arrival; refused, changing nothing, for a step the profile does not list, a
    /// family not arrived, or a day before the arrival or after today. A step recorded
    /// again has its day corrected.
    pub async fn record_after_arrival(
        &self,
        caller: &Caller,
        number: &str,
        step: &NewAfterArrival,
    ) -> Result<serde_json::Value, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::RecordOutcomes,
                AuditEntity::Case,
            )
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let name = step.name.trim();
        let on = step.done_on.unwrap_or(self.today());
        stored
            .file
            .check_after_arrival(name, on, &policy, self.today())?;
        self.store
            .record_after_arrival(
                &stored.file.case.case_number,
                name,
                on,
                &[case_written(
                    caller,
                    number,
                    "",
                    &format!("after arrival: {name} on {on}"),
                )],
            )
            .await?;
        self.case(caller, number).await
    }
}
