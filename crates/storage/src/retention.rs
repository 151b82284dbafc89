//! Anonymising cases whose retention period has passed. Names, dates of birth (kept to
//! the year), languages, education, occupation, health data, relatives' names, the free
//! text of the history, how to reach the family and the family's access code with its
//! sessions are removed; the case, its states, dates, nationality and family size stay, so
//! every count and report remains correct.
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use time::Date;

use crate::codec::{parse_date, parse_word};
use crate::{AuditOf, StorageError, Store, codec};

/// A case that has ended and still holds personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndedCase {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code (its policy profile sets the retention period).
    pub programme: String,
    /// closed, withdrawn or deceased.
    pub state: resettle_domain::case::CaseState,
    /// The day it ended.
    pub ended_on: Date,
}

/// Statements run for each batch of case ids (`{ids}` is the placeholder list).
const ANONYMISE: &[&str] = &[
    "UPDATE family_members SET full_name = 'anonymised', \
     date_of_birth = date(substr(CAST(date_of_birth AS TEXT), 1, 4) || '-01-01'), languages = '', \
     education = NULL, occupation = NULL WHERE case_id IN ({ids})",
    "DELETE FROM medical_records WHERE case_id IN ({ids})",
    "DELETE FROM member_name_words WHERE case_id IN ({ids})",
    "UPDATE reunification_requests SET relative_name = 'anonymised' WHERE case_id IN ({ids})",
    "UPDATE promises SET slip_reason = CASE WHEN slip_reason IS NULL THEN NULL ELSE '(anonymised)' END \
     WHERE case_id IN ({ids})",
    "UPDATE case_events SET reason = '(anonymised)', payload = 'null' WHERE case_id IN ({ids})",
    "DELETE FROM case_links WHERE case_id IN ({ids})",
    "DELETE FROM family_contacts WHERE case_id IN ({ids})",
    "UPDATE family_notices SET last_error = NULL WHERE case_id IN ({ids})",
    "DELETE FROM family_sessions WHERE case_id IN ({ids})",
    "DELETE FROM family_codes WHERE case_id IN ({ids})",
];

impl Store {
    /// Every ended case not yet anonymised, oldest end first.
    pub async fn ended_cases(&self) -> Result<Vec<EndedCase>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.case_number, g.code, c.state, CAST({} AS TEXT) \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
              WHERE c.state IN ('closed', 'withdrawn', 'deceased') AND c.anonymised_on IS NULL \
              ORDER BY c.state_since, c.case_number",
            self.backend.day_of("c.state_since")
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EndedCase {
                    case_number: r.try_get(0)?,
                    programme: r.try_get(1)?,
                    state: parse_word("cases.state", &r.try_get::<String, _>(2)?)?,
                    ended_on: parse_date("cases.state_since", &r.try_get::<String, _>(3)?)?,
                })
            })
            .collect()
    }

    /// Anonymises the named cases in one transaction; returns how many were anonymised.
    pub async fn anonymise_cases(
        &self,
        numbers: &[String],
        on: Date,
        audit: AuditOf<'_, u64>,
    ) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let mut done = 0;
        for chunk in numbers.chunks(500) {
            let ids = case_ids(&mut tx, chunk).await?;
            if ids.is_empty() {
                continue;
            }
            let list = ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            for statement in ANONYMISE {
                sqlx::query(AssertSqlSafe(statement.replace("{ids}", &list)))
                    .execute(&mut *tx)
                    .await?;
            }
            done += sqlx::query(AssertSqlSafe(format!(
                "UPDATE cases SET anonymised_on = date($1) WHERE id IN ({list})"
            )))
            .bind(codec::date(on))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        let head = self.append_audit_in(&mut tx, &audit(&done)).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(done)
    }
}

/// Internal ids of the named cases (integers, safe to inline in the statements above).
async fn case_ids(conn: &mut AnyConnection, numbers: &[String]) -> Result<Vec<i64>, StorageError> {
    let placeholders: Vec<String> = (1..=numbers.len()).map(|i| format!("${i}")).collect();
    let mut q = sqlx::query(AssertSqlSafe(format!(
        "SELECT id FROM cases WHERE anonymised_on IS NULL AND case_number IN ({})",
        placeholders.join(", ")
    )));
    for n in numbers {
        q = q.bind(n.clone());
    }
    q.fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok(r.try_get(0)?))
        .collect()
}
