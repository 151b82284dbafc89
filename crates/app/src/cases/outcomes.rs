//! Integration follow-up: whether each adult has work 12 and 18 months after arrival,
//! recorded by reception officers; the programme's placement model is fitted on it.
use resettle_domain::outcomes::FOLLOW_UP_MONTHS;
use resettle_storage::NewOutcome;
use serde::Deserialize;
use time::Date;

use crate::bounds::{CASE_MEMBERS, within};
use crate::{App, AppError, Caller, Permission};

/// An adult's outcome at a follow-up.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewOutcomeRecord {
    /// The family member (1 to 50).
    pub member_no: u32,
    /// 12 or 18 (months after arrival).
    pub months: u32,
    /// Whether the person had work.
    pub employed: bool,
    /// Day of the follow-up; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub recorded_on: Option<Date>,
}

impl App {
    /// Records an outcome of an arrived family's member; refused, naming the field, for
    /// another follow-up than 12 or 18 months, a family not yet arrived, or an unknown
    /// member.
    pub async fn record_outcome(
        &self,
        caller: &Caller,
        number: &str,
        o: &NewOutcomeRecord,
    ) -> Result<serde_json::Value, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::RecordOutcomes, "case")
            .await?;
        within("member_no", o.member_no, &CASE_MEMBERS)?;
        if !FOLLOW_UP_MONTHS.contains(&o.months) {
            return Err(AppError::Invalid(format!(
                "months: {} is not a follow-up; give 12 or 18",
                o.months
            )));
        }
        let arrived = stored
            .file
            .events
            .iter()
            .any(|e| e.to == resettle_domain::case::CaseState::Arrived);
        if !arrived {
            return Err(AppError::Invalid(format!(
                "case: {number} has not arrived; outcomes follow arrival"
            )));
        }
        self.store
            .record_outcomes(&[NewOutcome {
                case_number: number.to_string(),
                member_no: o.member_no,
                months: o.months,
                employed: o.employed,
                recorded_on: o.recorded_on.unwrap_or(self.today()),
            }])
            .await?;
        self.changed_case(
            caller,
            number,
            "",
            &format!("outcome at {} months of member {}", o.months, o.member_no),
        )
        .await
    }
}
