//! What placement reads (families awaiting a place, places with their free capacity) and
//! the proposals it writes.
use std::collections::BTreeMap;

use sqlx::Row;

use crate::{NewAuditEntry, StorageError, Store, codec};

/// A family awaiting a place: accepted, not yet placed.
#[derive(Debug, Clone, PartialEq)]
pub struct AwaitingCase {
    /// UNHCR case number.
    pub case_number: String,
    /// Current state.
    pub state: String,
    /// The case's version, which a proposal for it keeps: the proposal lapses when the
    /// case changes.
    pub version: i64,
    /// Nationality.
    pub nationality: String,
    /// Persons.
    pub family_size: u32,
    /// Dates of birth of the members.
    pub births: Vec<time::Date>,
    /// Languages spoken by any member.
    pub languages: Vec<String>,
    /// Relatives resettled as separate cases.
    pub linked_cases: Vec<String>,
}

/// A place that takes families, with what it holds now.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementPlace {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Municipality.
    pub municipality: String,
    /// Region (province).
    pub region: String,
    /// Declared capacity in persons.
    pub capacity_persons: u32,
    /// Persons of open cases placed there now (in reception or housed there).
    pub occupied_persons: u32,
    /// Persons placed there by confirmed proposals not yet arrived.
    pub reserved_persons: u32,
    /// Families per nationality already in the municipality.
    pub community: BTreeMap<String, u32>,
}

/// A stored proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalRow {
    /// UNHCR case number.
    pub case_number: String,
    /// Proposed (or, once decided, chosen) place code.
    pub place_code: String,
    /// Score at that place.
    pub score: f64,
    /// The explanation, JSON.
    pub explanation: String,
    /// proposed, confirmed or rejected.
    pub status: String,
    /// Who decided.
    pub decided_by: Option<String>,
    /// Why the family was confirmed at a place without room for it.
    pub over_capacity_reason: Option<String>,
    /// The case's version when the proposal was made (`None` before versions were kept).
    pub case_version: Option<i64>,
    /// The case's version now.
    pub current_version: i64,
    /// Persons in the family now.
    pub family_size: i64,
}

/// A proposal to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProposal {
    /// UNHCR case number.
    pub case_number: String,
    /// Place code.
    pub place_code: String,
    /// Score.
    pub score: f64,
    /// Explanation, JSON.
    pub explanation: String,
    /// The case's version the proposal is made for.
    pub case_version: i64,
}

/// States in which a family waits for a place.
const AWAITING: &str =
    "('accepted', 'accepted_in_part', 'pre_departure', 'departure_scheduled', 'arrived')";

const PROPOSAL_COLUMNS: &str = "p.case_number, p.place_code, p.score, p.explanation, p.status, \
     p.decided_by, p.over_capacity_reason, p.case_version, \
     (SELECT c.version FROM cases c WHERE c.case_number = p.case_number), \
     (SELECT c.family_size FROM cases c WHERE c.case_number = p.case_number)";

fn proposal(r: &sqlx::any::AnyRow) -> Result<ProposalRow, StorageError> {
    Ok(ProposalRow {
        case_number: r.try_get(0)?,
        place_code: r.try_get(1)?,
        score: r.try_get(2)?,
        explanation: r.try_get(3)?,
        status: r.try_get(4)?,
        decided_by: r.try_get(5)?,
        over_capacity_reason: r.try_get(6)?,
        case_version: r.try_get(7)?,
        current_version: r.try_get(8)?,
        family_size: r.try_get(9)?,
    })
}

impl Store {
    /// Families of a programme awaiting a place and without a confirmed proposal, oldest
    /// submission first.
    pub async fn awaiting_placement(
        &self,
        programme: &str,
    ) -> Result<Vec<AwaitingCase>, StorageError> {
        let sql = format!(
            "SELECT c.case_number, c.state, c.nationality, c.family_size, f.date_of_birth, \
                    f.languages, c.version \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
               JOIN family_members f ON f.case_id = c.id \
              WHERE g.code = $1 AND c.state IN {AWAITING} AND c.reception_place_id IS NULL \
                AND c.sponsor_group_id IS NULL \
                AND NOT EXISTS (SELECT 1 FROM placement_proposals p \
                                 WHERE p.case_number = c.case_number AND p.status = 'confirmed') \
              ORDER BY c.submitted_on, c.case_number, f.member_no"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(programme.to_string())
            .fetch_all(&self.pool)
            .await?;
        let mut out: Vec<AwaitingCase> = Vec::new();
        for r in &rows {
            let number: String = r.try_get(0)?;
            if out.last().is_none_or(|c| c.case_number != number) {
                out.push(AwaitingCase {
                    case_number: number,
                    state: r.try_get(1)?,
                    version: r.try_get(6)?,
                    nationality: r.try_get(2)?,
                    family_size: r.try_get::<i64, _>(3)? as u32,
                    births: Vec::new(),
                    languages: Vec::new(),
                    linked_cases: Vec::new(),
                });
            }
            let case = out.last_mut().expect("just pushed");
            case.births.push(codec::parse_date(
                "family_members.date_of_birth",
                &r.try_get::<String, _>(4)?,
            )?);
            for l in r
                .try_get::<String, _>(5)?
                .split(',')
                .filter(|l| !l.is_empty())
            {
                if !case.languages.iter().any(|x| x == l) {
                    case.languages.push(l.to_string());
                }
            }
        }
        let links = sqlx::query(
            "SELECT c.case_number, k.linked_case_number FROM case_links k \
               JOIN cases c ON c.id = k.case_id JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        for r in &links {
            let number: String = r.try_get(0)?;
            if let Some(c) = out.iter_mut().find(|c| c.case_number == number) {
                c.linked_cases.push(r.try_get(1)?);
            }
        }
        Ok(out)
    }

    /// The local reception places and municipalities of a programme (not the centres),
    /// with the persons they hold now and the communities around them.
    pub async fn placement_places(
        &self,
        programme: &str,
    ) -> Result<Vec<PlacementPlace>, StorageError> {
        let rows = sqlx::query(
            "SELECT r.code, r.name, r.municipality, r.region, r.capacity_persons, \
                    CAST(COALESCE((SELECT SUM(c.family_size) FROM cases c \
                               WHERE c.reception_place_id = r.id \
                                 AND c.state IN ('in_reception', 'housed')), 0) AS BIGINT), \
                    CAST(COALESCE((SELECT SUM(c.family_size) FROM placement_proposals p \
                               JOIN cases c ON c.case_number = p.case_number \
                              WHERE p.place_code = r.code AND p.status = 'confirmed' \
                                AND c.reception_place_id IS NULL), 0) AS BIGINT) \
               FROM reception_places r JOIN programmes g ON g.id = r.programme_id \
              WHERE g.code = $1 AND r.kind <> 'centre' ORDER BY r.code",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let community_rows = sqlx::query(
            "SELECT r.municipality, c.nationality, COUNT(*) FROM cases c \
               JOIN reception_places r ON r.id = c.reception_place_id \
               JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 GROUP BY r.municipality, c.nationality",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut community: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for r in &community_rows {
            community
                .entry(r.try_get(0)?)
                .or_default()
                .insert(r.try_get(1)?, r.try_get::<i64, _>(2)? as u32);
        }
        rows.iter()
            .map(|r| {
                let municipality: String = r.try_get(2)?;
                Ok(PlacementPlace {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    community: community.get(&municipality).cloned().unwrap_or_default(),
                    municipality,
                    region: r.try_get(3)?,
                    capacity_persons: r.try_get::<i64, _>(4)? as u32,
                    occupied_persons: r.try_get::<i64, _>(5)? as u32,
                    reserved_persons: r.try_get::<i64, _>(6)? as u32,
                })
            })
            .collect()
    }

    /// Stores a run (its figures as JSON) and its proposals; the open proposals of earlier
    /// runs are superseded.
    pub async fn replace_proposals(
        &self,
        programme: &str,
        run: &str,
        proposals: &[NewProposal],
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let programme_id: i64 = sqlx::query("SELECT id FROM programmes WHERE code = $1")
            .bind(programme.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StorageError::Missing {
                what: "programme",
                key: programme.to_string(),
            })?
            .try_get(0)?;
        sqlx::query(
            "UPDATE placement_proposals SET status = 'superseded' WHERE status = 'proposed' \
               AND run_id IN (SELECT id FROM placement_runs WHERE programme_id = $1)",
        )
        .bind(programme_id)
        .execute(&mut *tx)
        .await?;
        let run_id: i64 = sqlx::query(
            "INSERT INTO placement_runs (programme_id, run, ran_at) VALUES ($1, $2, $3) \
             RETURNING id",
        )
        .bind(programme_id)
        .bind(run.to_string())
        .bind(codec::timestamp(self.now()))
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        for p in proposals {
            sqlx::query(
                "INSERT INTO placement_proposals (run_id, case_number, place_code, score, \
                 explanation, status, case_version) VALUES ($1, $2, $3, $4, $5, 'proposed', $6)",
            )
            .bind(run_id)
            .bind(p.case_number.clone())
            .bind(p.place_code.clone())
            .bind(p.score)
            .bind(p.explanation.clone())
            .bind(p.case_version)
            .execute(&mut *tx)
            .await?;
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// The open and decided proposals of a programme (not superseded), by case number.
    pub async fn proposals(&self, programme: &str) -> Result<Vec<ProposalRow>, StorageError> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {PROPOSAL_COLUMNS} FROM placement_proposals p \
               JOIN placement_runs r ON r.id = p.run_id \
               JOIN programmes g ON g.id = r.programme_id \
              WHERE g.code = $1 AND p.status <> 'superseded' ORDER BY p.case_number, p.id"
        ));
        sqlx::query(sql)
            .bind(programme.to_string())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(proposal)
            .collect()
    }

    /// The figures of a programme's latest run (JSON), if it ever ran.
    pub async fn latest_run(&self, programme: &str) -> Result<Option<String>, StorageError> {
        Ok(sqlx::query(
            "SELECT r.run FROM placement_runs r JOIN programmes g ON g.id = r.programme_id \
              WHERE g.code = $1 ORDER BY r.id DESC LIMIT 1",
        )
        .bind(programme.to_string())
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?)
    }

    /// The latest proposal of a case that is not superseded.
    pub async fn proposal(&self, case_number: &str) -> Result<Option<ProposalRow>, StorageError> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {PROPOSAL_COLUMNS} FROM placement_proposals p \
              WHERE p.case_number = $1 AND p.status <> 'superseded' ORDER BY p.id DESC LIMIT 1"
        ));
        sqlx::query(sql)
            .bind(case_number.to_string())
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(proposal)
            .transpose()
    }

    /// Records a decision on a case's open proposal, possibly at another place than
    /// proposed, with the reason it goes over the place's capacity if it does. False if
    /// the case has no open proposal.
    pub async fn decide_proposal(
        &self,
        case_number: &str,
        status: &str,
        place_code: &str,
        decided_by: &str,
        over_capacity_reason: Option<&str>,
        audit: &[NewAuditEntry],
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE placement_proposals SET status = $1, place_code = $2, decided_by = $3, \
             decided_at = $4, over_capacity_reason = $5 \
             WHERE case_number = $6 AND status = 'proposed'",
        )
        .bind(status.to_string())
        .bind(place_code.to_string())
        .bind(decided_by.to_string())
        .bind(codec::timestamp(self.now()))
        .bind(over_capacity_reason.map(str::to_string))
        .bind(case_number.to_string())
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(done.rows_affected() > 0)
    }
}
