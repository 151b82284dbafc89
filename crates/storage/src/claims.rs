//! Funding claims as filed: frozen once written. Nothing here updates or deletes a claim;
//! a later claim of the same instrument and year adds lines, and the database's unique
//! index refuses a second `claim` line for a person.
use sqlx::Row;
use time::Date;

use crate::codec::{self, parse_date};
use crate::reference::programme_id;
use crate::unique::taken;
use crate::{NewAuditEntry, StorageError, Store};

/// One line of a filed claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledLineRow {
    /// The person: `case/member`.
    pub person_id: String,
    /// UNHCR case number.
    pub case_number: String,
    /// The person's number within the family.
    pub member_no: u32,
    /// `claim` (the person claimed for the first time) or `correction`.
    pub kind: String,
    /// The amount, in euro cents; a correction may be negative.
    pub amount_cents: i64,
    /// A correction's reason code.
    pub reason: Option<String>,
}

/// A claim to file, or as filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledClaimRow {
    /// Its number among the claims of its programme, instrument and year, from 1.
    pub number: u32,
    /// `amif` or `allowance`.
    pub instrument: String,
    /// The year of arrival claimed for.
    pub year: i32,
    /// Arrivals counted to this day.
    pub as_of: Date,
    /// The day it was filed.
    pub filed_on: Date,
    /// Who filed it.
    pub filed_by: String,
    /// The sum of its lines.
    pub total_cents: i64,
    /// Its lines, in order.
    pub lines: Vec<FiledLineRow>,
}

impl Store {
    /// Files a claim with its lines and its audit entry, in one transaction. The claim's
    /// number must be the next of its programme, instrument and year: a claim filed by
    /// someone else meanwhile makes this one a `Duplicate` (409), so lines computed against
    /// the claims before it are never written after another's.
    pub async fn file_claim(
        &self,
        programme: &str,
        claim: &FiledClaimRow,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id = programme_id(&mut tx, programme).await?;
        let key = format!(
            "{programme} {} {} number {}",
            claim.instrument, claim.year, claim.number
        );
        let id: i64 = sqlx::query(
            "INSERT INTO funding_claims \
               (programme_id, instrument, year, number, as_of, filed_on, filed_by, total_cents) \
             VALUES ($1, $2, $3, $4, date($5), date($6), $7, $8) RETURNING id",
        )
        .bind(programme_id)
        .bind(claim.instrument.clone())
        .bind(i64::from(claim.year))
        .bind(i64::from(claim.number))
        .bind(codec::date(claim.as_of))
        .bind(codec::date(claim.filed_on))
        .bind(claim.filed_by.clone())
        .bind(claim.total_cents)
        .fetch_one(&mut *tx)
        .await
        .map_err(taken("funding claim", &key))?
        .try_get(0)?;
        for (i, l) in claim.lines.iter().enumerate() {
            sqlx::query(
                "INSERT INTO funding_claim_lines \
                   (claim_id, line_no, programme_id, instrument, year, person_id, case_number, \
                    member_no, kind, amount_cents, reason) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(id)
            .bind(i as i64 + 1)
            .bind(programme_id)
            .bind(claim.instrument.clone())
            .bind(i64::from(claim.year))
            .bind(l.person_id.clone())
            .bind(l.case_number.clone())
            .bind(i64::from(l.member_no))
            .bind(l.kind.clone())
            .bind(l.amount_cents)
            .bind(l.reason.clone())
            .execute(&mut *tx)
            .await
            .map_err(taken("claimed person", &l.person_id))?;
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// A programme's filed claims with their lines, by instrument, year and number. Claims
    /// are few (one or two a year per instrument), so a caller picks from all of them.
    pub async fn filed_claims(&self, programme: &str) -> Result<Vec<FiledClaimRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT f.number, f.instrument, f.year, CAST(f.as_of AS TEXT), \
                    CAST(f.filed_on AS TEXT), f.filed_by, \
                    f.total_cents, l.person_id, l.case_number, l.member_no, l.kind, \
                    l.amount_cents, l.reason \
               FROM funding_claims f JOIN programmes g ON g.id = f.programme_id \
               LEFT JOIN funding_claim_lines l ON l.claim_id = f.id \
              WHERE g.code = $1 \
              ORDER BY f.instrument, f.year, f.number, l.line_no",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<FiledClaimRow> = Vec::new();
        for r in &rows {
            let number = r.try_get::<i64, _>(0)? as u32;
            let instrument: String = r.try_get(1)?;
            let year = r.try_get::<i64, _>(2)? as i32;
            let same = out.last().is_some_and(|c| {
                c.number == number && c.instrument == instrument && c.year == year
            });
            if !same {
                out.push(FiledClaimRow {
                    number,
                    instrument,
                    year,
                    as_of: parse_date("funding_claims.as_of", &r.try_get::<String, _>(3)?)?,
                    filed_on: parse_date("funding_claims.filed_on", &r.try_get::<String, _>(4)?)?,
                    filed_by: r.try_get(5)?,
                    total_cents: r.try_get(6)?,
                    lines: Vec::new(),
                });
            }
            if let Some(person_id) = r.try_get::<Option<String>, _>(7)? {
                out.last_mut()
                    .expect("pushed above")
                    .lines
                    .push(FiledLineRow {
                        person_id,
                        case_number: r.try_get(8)?,
                        member_no: r.try_get::<i64, _>(9)? as u32,
                        kind: r.try_get(10)?,
                        amount_cents: r.try_get(11)?,
                        reason: r.try_get(12)?,
                    });
            }
        }
        Ok(out)
    }
}
