//! Integration follow-up: whether each working-age adult has work 12 and 18 months after
//! arrival, recorded by reception officers; the programme's placement model is fitted on
//! it, and the case view shows it.
use resettle_domain::audit::AuditEntity;
use resettle_domain::outcomes::FollowUp;
use resettle_storage::NewOutcome;
use serde::Deserialize;
use time::Date;

use super::view::case_written;
use crate::bounds::{CASE_MEMBERS, within};
use crate::{App, AppError, Caller, Permission};

/// An adult's outcome at a follow-up.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewOutcomeRecord {
    /// The family member (1 to 50), of working age (18 to 64) when the follow-up is due.
    pub member_no: u32,
    /// 12 or 18 (months after arrival); recorded once that many months have passed.
    pub months: u32,
    /// Whether the person had work.
    pub employed: bool,
    /// Day of the follow-up, not before it is due; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub recorded_on: Option<Date>,
}

impl App {
    /// Records an outcome of an arrived family's member; refused, naming the field, when
    /// it cannot exist ([`FollowUp::check`]: another follow-up than 12 or 18 months, a
    /// family not yet arrived, a member not in the family or not of working age, a
    /// follow-up not yet due). A later record of the same member and follow-up replaces
    /// the earlier one.
    pub async fn record_outcome(
        &self,
        caller: &Caller,
        number: &str,
        o: &NewOutcomeRecord,
    ) -> Result<serde_json::Value, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::RecordOutcomes,
                AuditEntity::Case,
            )
            .await?;
        within("member_no", o.member_no, &CASE_MEMBERS)?;
        let outcome = FollowUp {
            member_no: o.member_no,
            months: o.months,
            employed: o.employed,
            recorded_on: o.recorded_on.unwrap_or(self.today()),
        };
        outcome.check(&stored.file, self.today())?;
        self.store
            .record_outcomes(
                &[NewOutcome {
                    case_number: stored.file.case.case_number.to_string(),
                    member_no: outcome.member_no,
                    months: outcome.months,
                    employed: outcome.employed,
                    recorded_on: outcome.recorded_on,
                }],
                &[case_written(
                    caller,
                    number,
                    "",
                    &format!("outcome at {} months of member {}", o.months, o.member_no),
                )],
            )
            .await?;
        self.case(caller, number).await
    }
}
