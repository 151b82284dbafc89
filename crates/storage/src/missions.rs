//! Selection missions and sponsor groups of a programme, with what came of them.
use resettle_domain::mission::{MissionStatus, SelectionMission};
use resettle_domain::sponsor::SponsorGroup;
use sqlx::{AnyConnection, Row};

use crate::codec::{corrupt, parse_date, parse_word};
use crate::reference::programme_id;
use crate::unique::taken;
use crate::{NewAuditEntry, StorageError, Store, codec};

/// A mission with the outcome of the cases assigned to it.
#[derive(Debug, Clone, PartialEq)]
pub struct MissionRow {
    /// Programme code.
    pub programme: String,
    /// The mission.
    pub mission: SelectionMission,
    /// Cases assigned to it.
    pub cases: i64,
    /// Of those, interviewed.
    pub interviewed: i64,
    /// Accepted, in whole or in part.
    pub accepted: i64,
    /// Refused.
    pub refused: i64,
    /// Deferred.
    pub deferred: i64,
}

/// A sponsor group with the cases it receives.
#[derive(Debug, Clone, PartialEq)]
pub struct SponsorRow {
    /// Programme code.
    pub programme: String,
    /// The group.
    pub group: SponsorGroup,
    /// Cases assigned to it.
    pub cases: i64,
}

impl Store {
    /// Every mission, latest first, with its outcome counted from the assigned cases'
    /// histories.
    pub async fn missions(&self) -> Result<Vec<MissionRow>, StorageError> {
        let outcome = |state: &str| {
            format!(
                "(SELECT COUNT(DISTINCT c.id) FROM cases c JOIN case_events e ON e.case_id = c.id \
                  WHERE c.mission_id = m.id AND e.to_state IN ({state}))"
            )
        };
        let sql = format!(
            "SELECT g.code, m.code, m.destination, CAST(m.starts_on AS TEXT), \
                    CAST(m.ends_on AS TEXT), m.status, m.team, \
                    (SELECT COUNT(*) FROM cases c WHERE c.mission_id = m.id), {}, {}, {}, {} \
               FROM selection_missions m JOIN programmes g ON g.id = m.programme_id \
              ORDER BY m.starts_on DESC, m.code",
            outcome("'interviewed'"),
            outcome("'accepted', 'accepted_in_part'"),
            outcome("'refused'"),
            outcome("'deferred'"),
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let destination: String = r.try_get(2)?;
                let team: String = r.try_get(6)?;
                Ok(MissionRow {
                    programme: r.try_get(0)?,
                    mission: SelectionMission {
                        code: r.try_get(1)?,
                        destination: resettle_domain::country::CountryCode::parse(
                            "destination",
                            &destination,
                        )
                        .map_err(|e| corrupt("selection_missions.destination", &destination, e))?,
                        starts_on: parse_date(
                            "selection_missions.starts_on",
                            &r.try_get::<String, _>(3)?,
                        )?,
                        ends_on: parse_date(
                            "selection_missions.ends_on",
                            &r.try_get::<String, _>(4)?,
                        )?,
                        status: parse_word(
                            "selection_missions.status",
                            &r.try_get::<String, _>(5)?,
                        )?,
                        team: team.lines().map(str::to_string).collect(),
                    },
                    cases: r.try_get(7)?,
                    interviewed: r.try_get(8)?,
                    accepted: r.try_get(9)?,
                    refused: r.try_get(10)?,
                    deferred: r.try_get(11)?,
                })
            })
            .collect()
    }

    /// Plans a mission for a programme; a code already used is refused.
    pub async fn add_mission(
        &self,
        programme: &str,
        m: &SelectionMission,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id = programme_id(&mut tx, programme).await?;
        insert_mission(&mut tx, programme_id, m).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Records that a mission took place or was called off.
    pub async fn set_mission_status(
        &self,
        code: &str,
        status: MissionStatus,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("UPDATE selection_missions SET status = $1 WHERE code = $2")
            .bind(status.as_str().to_string())
            .bind(code.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::Missing {
                what: "mission",
                key: code.to_string(),
            });
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Every sponsor group with the number of cases it receives.
    pub async fn sponsor_groups(&self) -> Result<Vec<SponsorRow>, StorageError> {
        let rows = sqlx::query(
            "SELECT g.code, s.name, s.municipality, s.contact, s.members, s.capacity_persons, \
                    (SELECT COUNT(*) FROM cases c WHERE c.sponsor_group_id = s.id) \
               FROM sponsor_groups s JOIN programmes g ON g.id = s.programme_id ORDER BY s.name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SponsorRow {
                    programme: r.try_get(0)?,
                    group: SponsorGroup {
                        name: r.try_get(1)?,
                        municipality: r.try_get(2)?,
                        contact: r.try_get(3)?,
                        members: r.try_get::<i64, _>(4)? as u32,
                        capacity_persons: r.try_get::<i64, _>(5)? as u32,
                    },
                    cases: r.try_get(6)?,
                })
            })
            .collect()
    }

    /// Adds a sponsor group to a programme; a name already used there is refused.
    pub async fn add_sponsor_group(
        &self,
        programme: &str,
        s: &SponsorGroup,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id = programme_id(&mut tx, programme).await?;
        sqlx::query(
            "INSERT INTO sponsor_groups (programme_id, name, municipality, contact, members, capacity_persons) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(programme_id)
        .bind(s.name.clone())
        .bind(s.municipality.clone())
        .bind(s.contact.clone())
        .bind(i64::from(s.members))
        .bind(i64::from(s.capacity_persons))
        .execute(&mut *tx)
        .await
        .map_err(taken("sponsor group", &s.name))?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}

/// Inserts a mission of a programme on the caller's connection and returns its id; a code
/// already used is refused. Its days are written as `date($n)`: PostgreSQL keeps them as
/// dates, which it does not take from text unless told.
pub(crate) async fn insert_mission(
    conn: &mut AnyConnection,
    programme_id: i64,
    m: &SelectionMission,
) -> Result<i64, StorageError> {
    Ok(sqlx::query(
        "INSERT INTO selection_missions (programme_id, code, destination, starts_on, ends_on, status, team) \
         VALUES ($1, $2, $3, date($4), date($5), $6, $7) RETURNING id",
    )
    .bind(programme_id)
    .bind(m.code.clone())
    .bind(m.destination.as_str().to_string())
    .bind(codec::date(m.starts_on))
    .bind(codec::date(m.ends_on))
    .bind(m.status.as_str().to_string())
    .bind(m.team.join("\n"))
    .fetch_one(&mut *conn)
    .await
    .map_err(taken("mission", &m.code))?
    .try_get(0)?)
}
