//! The quota decisions on record, and a year's tracking figures as SQL aggregates.
use sqlx::Row;
use time::Date;

use crate::codec::{self, parse_date};
use crate::reference::programme_id;
use crate::{NewAuditEntry, StorageError, Store};

/// A quota decision to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuotaDecision {
    /// Who proposed it (Belgium: Fedasil and the CGVS, jointly).
    pub proposed_by: String,
    /// Whom they consulted, as published.
    pub consulted: String,
    /// Why this quota: the motivation the NGOs ask to be published.
    pub motivation: String,
    /// The day it was published.
    pub published_on: Date,
    /// The user who recorded it.
    pub recorded_by: String,
    /// Persons and emergency places per year.
    pub years: Vec<QuotaYear>,
}

/// The persons a decision sets for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaYear {
    /// The year.
    pub year: i32,
    /// Persons in the quota.
    pub persons: u32,
    /// Emergency places.
    pub emergency: u32,
}

/// A quota decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaDecisionRow {
    /// Its number, in recording order.
    pub id: i64,
    /// The decision.
    pub decision: NewQuotaDecision,
}

/// Persons counted in a year, by the principal applicant's nationality and the channel
/// the case counts in (`emergency` for an emergency-priority case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackCount {
    /// Nationality (ISO alpha-2).
    pub nationality: String,
    /// `mission`, `dossier` or `emergency`.
    pub channel: String,
    /// `submitted`, `accepted`, `departed` or `arrived`.
    pub measure: &'static str,
    /// Persons.
    pub persons: i64,
}

/// Promises that slipped in a year, by nationality, channel and reason code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipCount {
    /// Nationality (ISO alpha-2).
    pub nationality: String,
    /// `mission`, `dossier` or `emergency`.
    pub channel: String,
    /// The slip's reason code from the profile's list.
    pub reason: String,
    /// Cases with such a slip.
    pub cases: i64,
    /// Persons in those cases.
    pub persons: i64,
}

/// The channel a case counts in: its own, or `emergency` for emergency priority.
const CHANNEL: &str = "CASE WHEN c.priority = 'emergency' THEN 'emergency' ELSE c.channel END";

/// The first day of `year` as the codec writes a day: a year's records are those from it
/// to the next year's first day (`date($n)` in SQL, as PostgreSQL keeps them as days and
/// moments).
fn new_year(year: i32) -> String {
    format!("{year:04}-01-01")
}

impl Store {
    /// Records a quota decision with its years, and its audit entry, in one transaction.
    pub async fn record_quota_decision(
        &self,
        programme: &str,
        d: &NewQuotaDecision,
        audit: &[NewAuditEntry],
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id = programme_id(&mut tx, programme).await?;
        let id: i64 = sqlx::query(
            "INSERT INTO quota_decisions \
               (programme_id, proposed_by, consulted, motivation, published_on, recorded_by) \
             VALUES ($1, $2, $3, $4, date($5), $6) RETURNING id",
        )
        .bind(programme_id)
        .bind(d.proposed_by.clone())
        .bind(d.consulted.clone())
        .bind(d.motivation.clone())
        .bind(codec::date(d.published_on))
        .bind(d.recorded_by.clone())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        for y in &d.years {
            sqlx::query(
                "INSERT INTO quota_decision_years (decision_id, year, persons, emergency) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(i64::from(y.year))
            .bind(i64::from(y.persons))
            .bind(i64::from(y.emergency))
            .execute(&mut *tx)
            .await?;
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(id)
    }

    /// A programme's quota decisions, the latest first, each with its years.
    pub async fn quota_decisions(
        &self,
        programme: &str,
    ) -> Result<Vec<QuotaDecisionRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT d.id, d.proposed_by, d.consulted, d.motivation, CAST(d.published_on AS TEXT), \
                    d.recorded_by, y.year, y.persons, y.emergency \
               FROM quota_decisions d JOIN programmes g ON g.id = d.programme_id \
               LEFT JOIN quota_decision_years y ON y.decision_id = d.id \
              WHERE g.code = $1 ORDER BY d.id DESC, y.year",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<QuotaDecisionRow> = Vec::new();
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            if out.last().is_none_or(|d| d.id != id) {
                out.push(QuotaDecisionRow {
                    id,
                    decision: NewQuotaDecision {
                        proposed_by: r.try_get(1)?,
                        consulted: r.try_get(2)?,
                        motivation: r.try_get(3)?,
                        published_on: parse_date(
                            "quota_decisions.published_on",
                            &r.try_get::<String, _>(4)?,
                        )?,
                        recorded_by: r.try_get(5)?,
                        years: Vec::new(),
                    },
                });
            }
            if let Some(year) = r.try_get::<Option<i64>, _>(6)? {
                let last = out.last_mut().expect("pushed above");
                last.decision.years.push(QuotaYear {
                    year: year as i32,
                    persons: r.try_get::<i64, _>(7)? as u32,
                    emergency: r.try_get::<i64, _>(8)? as u32,
                });
            }
        }
        Ok(out)
    }

    /// A programme's persons in `year` by nationality and channel: submitted (cases UNHCR
    /// submitted that year), accepted and departed (cases that reached the state that
    /// year), arrived (persons who travelled, on the arrivals recorded that year). Cases of
    /// a sponsor group are left out when `without_sponsored` (sponsorship on top of the
    /// quota). Grouped in SQL, so the work is the database's at any caseload.
    pub async fn quota_track_counts(
        &self,
        programme: &str,
        year: i32,
        without_sponsored: bool,
    ) -> Result<Vec<TrackCount>, StorageError> {
        let (from, to) = (new_year(year), new_year(year + 1));
        let sponsored = if without_sponsored {
            "AND c.sponsor_group_id IS NULL"
        } else {
            ""
        };
        let reached = |states: &str| {
            format!(
                "EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id \
                   AND e.to_state IN ({states}) AND e.at >= date($2) AND e.at < date($3))"
            )
        };
        let travelling = "COALESCE(c.travelling, c.family_size)";
        let parts = [
            (
                "submitted",
                "c.family_size".to_string(),
                String::new(),
                "c.submitted_on >= date($2) AND c.submitted_on < date($3)".to_string(),
            ),
            (
                "accepted",
                travelling.to_string(),
                String::new(),
                reached("'accepted', 'accepted_in_part'"),
            ),
            (
                "departed",
                travelling.to_string(),
                String::new(),
                reached("'departure_scheduled'"),
            ),
            (
                "arrived",
                "a.persons".to_string(),
                "JOIN arrivals a ON a.case_id = c.id".to_string(),
                "a.arrived_on >= date($2) AND a.arrived_on < date($3)".to_string(),
            ),
        ];
        let mut out = Vec::new();
        for (measure, persons, join, cond) in parts {
            let sql = format!(
                "SELECT c.nationality, {CHANNEL}, CAST(SUM({persons}) AS BIGINT) \
                   FROM cases c JOIN programmes g ON g.id = c.programme_id {join} \
                  WHERE g.code = $1 AND {cond} {sponsored} \
                  GROUP BY c.nationality, {CHANNEL}"
            );
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(programme.to_string())
                .bind(from.clone())
                .bind(to.clone())
                .fetch_all(&self.pool)
                .await?;
            for r in &rows {
                out.push(TrackCount {
                    nationality: r.try_get(0)?,
                    channel: r.try_get(1)?,
                    measure,
                    persons: r.try_get(2)?,
                });
            }
        }
        Ok(out)
    }

    /// The promises that slipped in `year` (made that year with a slip reason), by
    /// nationality, channel and reason code, with the cases and persons behind them.
    pub async fn quota_slips(
        &self,
        programme: &str,
        year: i32,
        without_sponsored: bool,
    ) -> Result<Vec<SlipCount>, StorageError> {
        let sponsored = if without_sponsored {
            "AND c.sponsor_group_id IS NULL"
        } else {
            ""
        };
        let sql = format!(
            "SELECT s.nationality, s.channel, s.reason, CAST(COUNT(*) AS BIGINT), \
                    CAST(SUM(s.persons) AS BIGINT) \
               FROM (SELECT DISTINCT c.id, c.nationality, {CHANNEL} AS channel, \
                            p.slip_reason_code AS reason, c.family_size AS persons \
                       FROM cases c JOIN programmes g ON g.id = c.programme_id \
                       JOIN promises p ON p.case_id = c.id \
                      WHERE g.code = $1 AND p.slip_reason_code IS NOT NULL \
                        AND p.made_on >= date($2) AND p.made_on < date($3) {sponsored}) s \
              GROUP BY s.nationality, s.channel, s.reason"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(programme.to_string())
            .bind(new_year(year))
            .bind(new_year(year + 1))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(SlipCount {
                    nationality: r.try_get(0)?,
                    channel: r.try_get(1)?,
                    reason: r.try_get(2)?,
                    cases: r.try_get(3)?,
                    persons: r.try_get(4)?,
                })
            })
            .collect()
    }
}
