//! The subject-access export (GDPR art. 15): everything held on a case's family, with why
//! it is held and who saw it, itself audited. JSON for machines here; the document a
//! family reads is `resettle-reports`' `subject_access`.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_storage::AuditFilter;
use serde::Serialize;
use time::OffsetDateTime;

use super::view::CaseView;
use crate::access::audit::AuditRecord;
use crate::{App, AppError, Caller, Permission};

/// Everything held on one case: the case with every field, its history, the medical
/// records, and who accessed it (the recipients art. 15 gives a right to know).
#[derive(Debug, Clone, Serialize)]
pub struct SubjectExport {
    /// When the export was made.
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
    /// Who made it.
    pub exported_by: String,
    /// The programme that holds the data, by name.
    pub programme_name: String,
    /// Months of integration support after arrival: how long the data serves its purpose.
    pub support_months: u32,
    /// Years the data is kept after the case is closed (the profile's retention).
    pub retention_years: u32,
    /// The case, every field.
    pub case: CaseView,
    /// Its history.
    pub events: Vec<resettle_domain::case::CaseEvent>,
    /// Medical records, diagnoses included.
    pub medical_records: Vec<resettle_domain::case::MedicalRecord>,
    /// Every recorded access to the case, newest first.
    pub accesses: Vec<AuditRecord>,
}

impl App {
    /// Gathers the export; refused unless the caller may export (case officers), and
    /// recorded in the trail naming the special-category fields it holds.
    pub async fn subject_export(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<SubjectExport, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::ExportSubject, AuditEntity::Case)
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        let holds = self.programme_holds(&stored.programme).await?;
        let programme_name = self
            .store
            .programmes()
            .await?
            .into_iter()
            .find(|p| p.code == stored.programme)
            .map_or_else(|| stored.programme.clone(), |p| p.name);
        let accesses = self
            .store
            .audit_entries(&AuditFilter {
                entity_id: Some(number.to_string()),
                limit: 10_000,
                ..AuditFilter::default()
            })
            .await?
            .into_iter()
            .map(AuditRecord::from)
            .collect();
        let events = stored.file.events.clone();
        let medical_records = stored.file.medical.clone();
        let mut view = super::view::build(stored, &policy, &holds, self.today());
        // How to reach the family and what it was sent are held on it too.
        let n = super::case_number(number)?;
        let (contact, notices) = self.store.contact_and_notices(&n).await?;
        view.contact = contact;
        view.notices = notices
            .into_iter()
            .map(crate::notices::NoticeView::from)
            .collect();
        self.record_ok(
            caller,
            AuditAction::Export,
            AuditEntity::Case,
            number,
            "categories,care_needs,condition",
            "subject-access export",
        )
        .await?;
        Ok(SubjectExport {
            exported_at: self.now(),
            exported_by: caller.username.clone(),
            programme_name,
            support_months: policy.support_months(),
            retention_years: policy.data_protection().retention_years,
            case: view,
            events,
            medical_records,
            accesses,
        })
    }
}
