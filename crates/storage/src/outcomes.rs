//! Integration outcomes: recorded per adult, read back per placement for the fitted model.
use std::collections::BTreeMap;

use resettle_domain::outcomes::Outcome;
use sqlx::Row;
use time::Date;

use crate::batch::{Cell, Rows};
use crate::{NewAuditEntry, StorageError, Store};

/// One adult's outcome to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutcome {
    /// UNHCR case number.
    pub case_number: String,
    /// The family member.
    pub member_no: u32,
    /// 12 or 18 months after arrival.
    pub months: u32,
    /// Whether the adult had work.
    pub employed: bool,
    /// When it was recorded.
    pub recorded_on: Date,
}

impl Store {
    /// Records outcomes in one transaction (a later record of the same member and follow-up
    /// replaces the earlier one); an unknown case or member refuses the whole batch.
    pub async fn record_outcomes(
        &self,
        outcomes: &[NewOutcome],
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let mut numbers: Vec<&str> = outcomes.iter().map(|o| o.case_number.as_str()).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let mut members: BTreeMap<(&str, i64), i64> = BTreeMap::new();
        for chunk in numbers.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT c.case_number, f.member_no, c.id FROM cases c \
                 JOIN family_members f ON f.case_id = c.id WHERE c.case_number IN ({})",
                placeholders.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for n in chunk {
                q = q.bind(n.to_string());
            }
            for r in q.fetch_all(&mut *tx).await? {
                let number: String = r.try_get(0)?;
                let key = numbers[numbers.binary_search(&number.as_str()).expect("asked for")];
                members.insert((key, r.try_get(1)?), r.try_get(2)?);
            }
        }
        // The last record of a member and follow-up wins, within the batch as in the table.
        let mut latest: BTreeMap<(i64, u32, u32), &NewOutcome> = BTreeMap::new();
        for o in outcomes {
            let case_id = *members
                .get(&(o.case_number.as_str(), i64::from(o.member_no)))
                .ok_or_else(|| StorageError::Missing {
                    what: "family member",
                    key: format!("{} member {}", o.case_number, o.member_no),
                })?;
            latest.insert((case_id, o.member_no, o.months), o);
        }
        let mut rows = Rows::new(
            "integration_outcomes",
            &["case_id", "member_no", "months", "employed", "recorded_on"],
        )
        .on_conflict(
            "(case_id, member_no, months) DO UPDATE SET employed = excluded.employed, \
             recorded_on = excluded.recorded_on",
        );
        for ((case_id, member_no, months), o) in latest {
            rows.push([
                case_id.into(),
                member_no.into(),
                months.into(),
                Cell::from(o.employed),
                o.recorded_on.into(),
            ]);
        }
        rows.insert(&mut tx, None).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// The outcomes at `months` of a programme's families, with the place each family was
    /// placed at: the last place of its stays that placement chooses (an LOI or a
    /// municipality, not the centre it was taken to on arrival). Families never placed are
    /// left out.
    pub async fn placement_outcomes(
        &self,
        programme: &str,
        months: u32,
    ) -> Result<Vec<Outcome>, StorageError> {
        sqlx::query(
            "SELECT r.code, r.region, CAST(o.employed AS INTEGER) FROM integration_outcomes o \
               JOIN cases c ON c.id = o.case_id \
               JOIN programmes g ON g.id = c.programme_id \
               JOIN reception_places r ON r.id = \
                    (SELECT s.place_id FROM stays s JOIN reception_places p ON p.id = s.place_id \
                      WHERE s.case_id = c.id AND p.kind <> 'centre' \
                      ORDER BY s.from_on DESC, s.id DESC LIMIT 1) \
              WHERE g.code = $1 AND o.months = $2 \
              ORDER BY c.case_number, o.member_no",
        )
        .bind(programme.to_string())
        .bind(i64::from(months))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Outcome {
                place: r.try_get(0)?,
                region: r.try_get(1)?,
                employed: r.try_get::<i64, _>(2)? == 1,
            })
        })
        .collect()
    }
}
