//! The subject-access export (GDPR art. 15): everything held on a case's family, as JSON
//! for machines and as a PDF to hand over, itself audited.
use resettle_domain::document::TextDocument;
use resettle_storage::AuditFilter;
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

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
    /// The case, every field.
    pub case: Value,
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
            .stored_case_for(caller, number, Permission::ExportSubject, "case")
            .await?;
        let policy = self.programme_policy(&stored.programme).await?;
        let holds = self.programme_holds(&stored.programme).await?;
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
        view.contact = self.store.contact(&n).await?;
        view.notices = self
            .store
            .notices_of(&n)
            .await?
            .into_iter()
            .map(crate::notices::NoticeView::from)
            .collect();
        self.record_ok(
            caller,
            "export",
            "case",
            number,
            "categories,care_needs,condition",
            "subject-access export",
        )
        .await?;
        Ok(SubjectExport {
            exported_at: self.now(),
            exported_by: caller.username.clone(),
            case: serde_json::to_value(&view).expect("a case view serialises"),
            events,
            medical_records,
            accesses,
        })
    }
}

impl SubjectExport {
    /// The export as a printable PDF: one section per part, nested values flattened to
    /// `path: value` lines so nothing held is left out of the printout.
    pub fn to_pdf(&self) -> Vec<u8> {
        let number = self
            .case
            .get("case_number")
            .and_then(Value::as_str)
            .unwrap_or("?");
        let mut doc = TextDocument::new(
            format!("Personal data held on case {number}"),
            self.exported_at,
        );
        doc.section("About this export")
            .field("Exported at", self.exported_at.to_string())
            .field("Exported by", self.exported_by.clone());
        let mut case = Vec::new();
        flatten("", &self.case, &mut case);
        let s = doc.section("Case");
        for (k, v) in case {
            s.field(k, v);
        }
        let s = doc.section("History");
        for e in &self.events {
            s.field(
                format!("{} {}", e.seq, e.at.date()),
                format!("{} by {}: {}", e.to, e.actor, e.reason),
            );
        }
        let s = doc.section("Medical records");
        for m in &self.medical_records {
            let needs: Vec<&str> = m.care_needs.iter().map(|n| n.as_str()).collect();
            s.field(
                format!("member {}", m.member_no),
                format!(
                    "{}; needs: {}; consent to share: {}; fit to travel: {}",
                    m.condition,
                    needs.join(", "),
                    m.consent_to_share,
                    resettle_domain::case::fit_to_travel_word(m.fit_to_travel)
                ),
            );
        }
        let s = doc.section("Who accessed this case");
        for a in &self.accesses {
            s.field(
                a.at.clone(),
                format!("{} {} ({}) from {}", a.actor, a.action, a.outcome, a.source),
            );
        }
        doc.to_pdf()
    }
}

/// Flattens JSON into `path: value` pairs in document order.
fn flatten(path: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for (i, v) in a.iter().enumerate() {
                flatten(&format!("{path}[{}]", i + 1), v, out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push((path.to_string(), s.clone())),
        other => out.push((path.to_string(), other.to_string())),
    }
}
