//! Medical records as stored: one row per member in `medical_records`, the health fields
//! sealed (`crate::sealed`). The one place a record becomes a row and a row a record, for
//! imports and for a medical officer's edits alike.
use resettle_domain::case::{CaseNumber, MedicalRecord};
use resettle_secure::cipher::Keyring;

use super::write::current;
use crate::batch::{Cell, Rows};
use crate::codec::parse_word;
use crate::columns::Columns;
use crate::sealed::{open, seal};
use crate::{NewAuditEntry, StorageError, Store};

/// The columns of a row, in the order [`row`] fills them.
pub(crate) const COLUMNS: &[&str] = &[
    "case_id",
    "member_no",
    "condition",
    "care_needs",
    "consent_to_share",
    "fit_to_travel",
];

/// The columns [`row`] reads, from `medical_records`.
pub(crate) const SELECT: &str =
    "member_no, condition, care_needs, CAST(consent_to_share AS INTEGER), fit_to_travel";

/// The stored word of an assessment, sealed; `None` (NULL) until assessed.
fn fit_word(fit: bool) -> &'static str {
    if fit { "fit" } else { "not_fit" }
}

/// A member's record as the row of case `case_id`, its health fields sealed and bound to
/// the case number and member.
pub(crate) fn row(
    keys: Option<&Keyring>,
    case_id: i64,
    case_number: &str,
    m: &MedicalRecord,
) -> Result<[Cell; 6], StorageError> {
    let seal = |field, plain: &str| seal(keys, field, case_number, m.member_no, plain);
    let needs: Vec<&str> = m.care_needs.iter().map(|n| n.as_str()).collect();
    Ok([
        case_id.into(),
        m.member_no.into(),
        seal("condition", &m.condition)?.into(),
        seal("care_needs", &needs.join(","))?.into(),
        Cell::from(m.consent_to_share),
        m.fit_to_travel
            .map(|f| seal("fit_to_travel", fit_word(f)))
            .transpose()?
            .into(),
    ])
}

/// The record in a row of [`SELECT`], its health fields opened.
pub(crate) fn record(
    keys: Option<&Keyring>,
    case_number: &str,
    r: &impl Columns,
) -> Result<MedicalRecord, StorageError> {
    let member_no = r.int(0)? as u32;
    let open = |field, stored: &str| open(keys, field, case_number, member_no, stored);
    let fit_to_travel = match r.opt_text(4)? {
        None => None,
        Some(stored) => match open("fit_to_travel", &stored)?.as_str() {
            "fit" => Some(true),
            "not_fit" => Some(false),
            // The opened word stays out of the error: it is health data.
            _ => {
                return Err(crate::codec::corrupt(
                    "medical_records.fit_to_travel",
                    "(sealed)",
                    "opens to neither fit nor not_fit",
                ));
            }
        },
    };
    Ok(MedicalRecord {
        member_no,
        condition: open("condition", &r.text(1)?)?,
        care_needs: open("care_needs", &r.text(2)?)?
            .split(',')
            .filter(|n| !n.is_empty())
            .map(|n| parse_word("medical_records.care_needs", n))
            .collect::<Result<_, _>>()?,
        consent_to_share: r.int(3)? == 1,
        fit_to_travel,
    })
}

impl Store {
    /// Writes one member's medical record in place of what was recorded for them, with the
    /// `audit` entries recording it in the same transaction: a write is never unaudited,
    /// and an entry never names a write that did not happen.
    pub async fn write_medical_record(
        &self,
        number: &CaseNumber,
        record: &MedicalRecord,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        let mut rows = Rows::new("medical_records", COLUMNS).on_conflict(
            "(case_id, member_no) DO UPDATE SET condition = excluded.condition, \
             care_needs = excluded.care_needs, consent_to_share = excluded.consent_to_share, \
             fit_to_travel = excluded.fit_to_travel",
        );
        rows.push(row(self.keys.as_deref(), case.id, number.as_str(), record)?);
        rows.insert(&mut tx, None).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}
