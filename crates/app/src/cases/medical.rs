//! The medical record: diagnoses, care needs, consent and fitness to travel, read and
//! written by medical officers only.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{MedicalEntry, MedicalRecord};

use super::case_number;
use crate::access::audit::succeeded;
use crate::{App, AppError, Caller, Permission};

/// The special-category fields of a record, named in the audit entry of each read and
/// write.
const FIELDS: &str = "condition,care_needs,consent_to_share,fit_to_travel";

impl App {
    /// The medical records of a case's members. Only medical officers read diagnoses; the
    /// read is audited naming the special-category fields.
    pub async fn medical_records(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<Vec<MedicalRecord>, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::ReadMedical,
                AuditEntity::MedicalRecord,
            )
            .await?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::MedicalRecord,
            number,
            FIELDS,
            "",
        )
        .await?;
        Ok(stored.file.medical)
    }

    /// Writes the medical record of member `member_no` of a case, in place of what was
    /// recorded for them. Only medical officers write it (a refusal is audited and writes
    /// nothing); the write commits with its audit entry, which names the special-category
    /// fields written. Returns the record as stored.
    pub async fn write_medical_record(
        &self,
        caller: &Caller,
        number: &str,
        member_no: u32,
        entry: &MedicalEntry,
    ) -> Result<MedicalRecord, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::WriteMedical,
                AuditEntity::MedicalRecord,
            )
            .await?;
        let record = entry.record_for(member_no, &stored.file.case.members)?;
        let audit = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::MedicalRecord,
            number,
            FIELDS,
            &format!("member {member_no}"),
        );
        self.store
            .write_medical_record(&case_number(number)?, &record, &[audit])
            .await?;
        Ok(record)
    }
}
