//! The medical record: diagnoses and care needs, for medical officers only.
use resettle_domain::case::MedicalRecord;

use crate::{App, AppError, Caller, Permission};

impl App {
    /// The medical records of a case's members. Only medical officers read diagnoses; the
    /// read is audited naming the special-category fields.
    pub async fn medical_records(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<Vec<MedicalRecord>, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::ReadMedical, "medical_record")
            .await?;
        self.record_ok(
            caller,
            "read",
            "medical_record",
            number,
            "condition,care_needs",
            "",
        )
        .await?;
        Ok(stored.file.medical)
    }
}
