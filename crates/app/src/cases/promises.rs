//! Dates promised to families and relatives left behind.
use resettle_domain::audit::AuditEntity;
use resettle_domain::case::{CaseFile, News, Promise, PromiseKind};
use resettle_domain::country::CountryCode;
use resettle_domain::reunification::{Dependency, Evidence, ReunificationRequest, check_ties};
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
    /// What was promised: the interview or the departure.
    pub kind: PromiseKind,
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
    /// How the relative depends on the family (none, financial, emotional, medical),
    /// if assessed.
    #[serde(default)]
    pub dependency: Vec<Dependency>,
    /// The proof of family ties offered (documents, dna, testimony, photographs,
    /// unhcr_records).
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// A reunification request's dependency and the proof of family ties offered, replacing
/// what was recorded.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ReunificationTies {
    /// How the relative depends on the family: `none`, or any of financial, emotional
    /// and medical; empty until assessed.
    #[serde(default)]
    pub dependency: Vec<Dependency>,
    /// The proof of family ties offered: documents, dna, testimony, photographs,
    /// unhcr_records.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
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
            .stored_case_for(
                caller,
                number,
                Permission::RecordPromises,
                AuditEntity::Case,
            )
            .await?;
        let kind = p.kind;
        let policy = self.policy(&stored.policy_profile).await?;
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
            .stored_case_for(
                caller,
                number,
                Permission::RecordPromises,
                AuditEntity::Case,
            )
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let request = ReunificationRequest::opened(
            &r.relative_name,
            &r.relationship,
            CountryCode::parse("location", &r.location)?,
            r.requested_on.unwrap_or(self.today()),
            policy.reunification_limit().map(|l| l.days),
        )
        .with_ties(r.dependency.clone(), r.evidence.clone())?;
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

    /// Records how the relative of a case's reunification request (numbered from 1)
    /// depends on the family and the proof of family ties offered, in place of what was
    /// recorded; a list naming a value twice, or `none` beside a dependency, is refused
    /// and changes nothing.
    pub async fn set_reunification_ties(
        &self,
        caller: &Caller,
        number: &str,
        request_no: u32,
        ties: &ReunificationTies,
    ) -> Result<Value, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::RecordPromises,
                AuditEntity::Case,
            )
            .await?;
        // Lists that cannot be are refused as such, whichever request they name.
        check_ties(&ties.dependency, &ties.evidence)?;
        let request = reunification_request(&stored.file, number, request_no)?;
        let changed = request.with_ties(ties.dependency.clone(), ties.evidence.clone())?;
        self.store
            .set_reunification_ties(
                &stored.file.case.case_number,
                request_no,
                &changed,
                &[case_written(
                    caller,
                    number,
                    "",
                    &format!("reunification {request_no}: dependency and evidence"),
                )],
            )
            .await?;
        self.case(caller, number).await
    }
}

/// A case's reunification request by its number on the case (1, 2, …), or "not found"
/// naming the case and the number.
pub(crate) fn reunification_request<'a>(
    file: &'a CaseFile,
    number: &str,
    request_no: u32,
) -> Result<&'a ReunificationRequest, AppError> {
    request_no
        .checked_sub(1)
        .and_then(|i| file.reunification.get(i as usize))
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "reunification request {number} #{request_no} does not exist"
            ))
        })
}
