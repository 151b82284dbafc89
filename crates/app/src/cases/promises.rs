//! Dates promised to families and relatives left behind.
use resettle_domain::case::{News, Promise, PromiseKind};
use resettle_domain::country::CountryCode;
use resettle_domain::reunification::{ReunificationRequest, ReunificationStatus};
use serde::{Deserialize, Serialize};
use time::Date;

use serde_json::Value;

use super::case_number;
use super::view::case_written;
use crate::{App, AppError, Caller, Permission};

/// A date told to the family; when it replaces an earlier one of the same kind, the reason
/// for the change is required, so no family waits without being told why.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewPromise {
    /// interview or departure.
    pub kind: String,
    /// The date promised.
    #[schema(value_type = String, format = Date)]
    pub promised_date: Date,
    /// Why the previous date of this kind was not kept, in words (required for a slip).
    pub reason: Option<String>,
    /// The same reason as a code from the policy profile's slip list (required for a
    /// slip; `other` needs the words).
    #[schema(example = "flight_availability")]
    pub reason_code: Option<String>,
    /// The day the family was told.
    #[schema(value_type = Option<String>, format = Date)]
    pub family_notified_on: Option<Date>,
}

/// A relative left behind whom the family asks to join them.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewReunification {
    /// The relative's name.
    pub relative_name: String,
    /// Relationship to the principal applicant, in words (e.g. "adult son").
    pub relationship: String,
    /// Where the relative is now (ISO alpha-2).
    pub location: String,
    /// Day of the request; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub requested_on: Option<Date>,
}

impl App {
    /// Records a promised date, or a slip of an earlier one.
    pub async fn add_promise(
        &self,
        caller: &Caller,
        number: &str,
        p: &NewPromise,
    ) -> Result<Value, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::RecordPromises, "case")
            .await?;
        let kind: PromiseKind = p.kind.parse()?;
        let policy = self.programme_policy(&stored.programme).await?;
        let slip = Promise::slip_reason(
            kind,
            &stored.file.promises,
            p.reason_code.as_deref(),
            p.reason.as_deref().unwrap_or_default(),
            &policy,
        )?;
        let promise = Promise {
            kind,
            promised_date: p.promised_date,
            made_on: self.today(),
            slip_reason_code: slip.as_ref().map(|s| s.code.clone()),
            slip_reason: slip.map(|s| s.reason),
            family_notified_on: p.family_notified_on,
        };
        promise.check(&stored.file.case, &policy, self.today())?;
        // The date, its audit entry and the family's notice commit together.
        let audit = case_written(caller, number, "", &format!("promised {kind} date"));
        let notice = self.notice_to_family(&stored.file, News::of_promise(&promise));
        self.store
            .add_promise(&case_number(number)?, &promise, &[audit], &[notice])
            .await?;
        self.case(caller, number).await
    }

    /// Records a reunification request.
    pub async fn add_reunification(
        &self,
        caller: &Caller,
        number: &str,
        r: &NewReunification,
    ) -> Result<Value, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::RecordPromises, "case")
            .await?;
        let request = ReunificationRequest {
            relative_name: r.relative_name.trim().to_string(),
            relationship: r.relationship.trim().to_string(),
            location: CountryCode::parse("location", &r.location)?,
            status: ReunificationStatus::Requested,
            requested_on: r.requested_on.unwrap_or(self.today()),
            resolved_on: None,
            reason: None,
        };
        request.check(&stored.file.case, self.today())?;
        self.store
            .add_reunification(
                &case_number(number)?,
                &request,
                &[case_written(caller, number, "", "reunification requested")],
            )
            .await?;
        self.case(caller, number).await
    }
}
