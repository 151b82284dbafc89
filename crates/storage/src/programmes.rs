//! Reading programmes and their pledges against arrivals.
use sqlx::Row;

use crate::{NewAuditEntry, StorageError, Store};

/// A programme as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeRow {
    /// Short code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// The resettlement state, ISO alpha-2.
    pub state_code: String,
    /// The policy profile it runs under.
    pub policy_profile: String,
}

/// One year of a programme: what was pledged and what arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PledgeRow {
    /// Calendar year.
    pub year: i32,
    /// Persons pledged.
    pub pledged: i64,
    /// Arrivals entered by hand from published figures (years before resettle).
    pub arrived_before_resettle: Option<i64>,
    /// Persons who travelled on the arrivals recorded that year.
    pub arrived_counted: i64,
    /// Source of the pledge (and hand-entered arrivals).
    pub source: String,
}

impl PledgeRow {
    /// Arrivals for the year: counted from cases, plus any published figure for the time
    /// before the programme ran in resettle.
    pub fn arrived(&self) -> i64 {
        self.arrived_counted + self.arrived_before_resettle.unwrap_or(0)
    }
}

impl Store {
    /// Every programme, by code.
    pub async fn programmes(&self) -> Result<Vec<ProgrammeRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT code, name, state_code, policy_profile FROM programmes ORDER BY code",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ProgrammeRow {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    state_code: r.try_get(2)?,
                    policy_profile: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// A programme's pledges by year, each with the persons who arrived that year.
    pub async fn pledges(&self, programme: &str) -> Result<Vec<PledgeRow>, StorageError> {
        // A year's arrivals as a range of days (from its 1 January to the next year's),
        // summing the persons who travelled from the index on (programme_id, arrived_on,
        // persons) alone.
        let rows = sqlx::query(
            "SELECT p.year, p.pledged, p.arrived_before_resettle, p.source, \
               (SELECT CAST(COALESCE(SUM(a.persons), 0) AS BIGINT) FROM arrivals a \
                 WHERE a.programme_id = p.programme_id \
                   AND a.arrived_on >= date(CAST(p.year AS TEXT) || '-01-01') \
                   AND a.arrived_on < date(CAST(p.year + 1 AS TEXT) || '-01-01')) \
             FROM pledges p JOIN programmes g ON g.id = p.programme_id \
             WHERE g.code = $1 ORDER BY p.year",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PledgeRow {
                    year: r.try_get::<i64, _>(0)? as i32,
                    pledged: r.try_get(1)?,
                    arrived_before_resettle: r.try_get(2)?,
                    source: r.try_get(3)?,
                    arrived_counted: r.try_get(4)?,
                })
            })
            .collect()
    }
}

impl Store {
    /// Records (or corrects) a programme's pledge for a year, with the published arrivals
    /// for years before the programme ran in resettle.
    pub async fn set_pledge(
        &self,
        programme: &str,
        pledge: &resettle_domain::programme::Pledge,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let id: Option<i64> = sqlx::query("SELECT id FROM programmes WHERE code = $1")
            .bind(programme.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get(0))
            .transpose()?;
        let id = id.ok_or_else(|| StorageError::Missing {
            what: "programme",
            key: programme.to_string(),
        })?;
        sqlx::query(
            "INSERT INTO pledges (programme_id, year, pledged, arrived_before_resettle, source) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (programme_id, year) DO UPDATE SET pledged = excluded.pledged, \
             arrived_before_resettle = excluded.arrived_before_resettle, source = excluded.source",
        )
        .bind(id)
        .bind(i64::from(pledge.year))
        .bind(i64::from(pledge.pledged))
        .bind(pledge.arrived_before_resettle.map(i64::from))
        .bind(pledge.source.clone())
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}
