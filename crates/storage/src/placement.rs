//! What placement reads (families awaiting a place, places with their free capacity) and
//! the proposals it writes.
use std::collections::BTreeMap;

use resettle_domain::case::CaseState;
use resettle_domain::reception::{OccupancyRule, PlaceKind, ProposalStatus, Stay, StayKind};
use sqlx::{AssertSqlSafe, Row};

use crate::stays::{RESERVING, STAY_COLUMNS, STAY_JOINS, current_at_place, kinds_list, stay};
use crate::{NewAuditEntry, StorageError, Store, codec};

/// Which families await a place from placement: those on their way (no stay yet), and
/// those whose current stay is of one of the kinds (a centre, in Belgium), as the
/// programme's reception model says what follows each (`reception::stay::placed_next`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Awaiting {
    /// Families accepted and not yet in any stay (on their way, or arrived).
    pub before_any_stay: bool,
    /// Families in reception whose current stay is of these kinds.
    pub staying_in: Vec<StayKind>,
}

/// A family awaiting a place: accepted and on its way, or in a stay that placement moves
/// it on from.
#[derive(Debug, Clone, PartialEq)]
pub struct AwaitingCase {
    /// UNHCR case number.
    pub case_number: String,
    /// Current state.
    pub state: CaseState,
    /// The case's version, which a proposal for it keeps: the proposal lapses when the
    /// case changes.
    pub version: i64,
    /// Nationality.
    pub nationality: String,
    /// Persons who travel (the family less the members a split decision left behind).
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
    /// Local reception initiative or municipality.
    pub kind: PlaceKind,
    /// Declared capacity in persons.
    pub capacity_persons: u32,
    /// Persons staying there now, as the programme's occupancy rule counts them.
    pub occupied_persons: u32,
    /// Persons placed there by confirmed proposals whose families are not there yet.
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
    /// Open, confirmed or rejected (a superseded proposal is never read back).
    pub status: ProposalStatus,
    /// Who decided.
    pub decided_by: Option<String>,
    /// Why the family was confirmed at a place without room for it.
    pub over_capacity_reason: Option<String>,
    /// The case's version when the proposal was made (`None` before versions were kept).
    pub case_version: Option<i64>,
    /// The case's version now.
    pub current_version: i64,
    /// Persons who travel in the family now.
    pub family_size: i64,
    /// The family's current stay, if it is in one (a family in a centre is proposed its
    /// LOI).
    pub current_stay: Option<Stay>,
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

/// States in which a family waits for a place before its first stay.
const AWAITING: &str =
    "('accepted', 'accepted_in_part', 'pre_departure', 'departure_scheduled', 'arrived')";

const PROPOSAL_COLUMNS: &str = "p.case_number, p.place_code, p.score, p.explanation, p.status, \
     p.decided_by, p.over_capacity_reason, p.case_version, c.version, c.travelling, c.id";

const PROPOSAL_JOINS: &str = "JOIN cases c ON c.case_number = p.case_number";

fn proposal(r: &sqlx::any::AnyRow) -> Result<ProposalRow, StorageError> {
    Ok(ProposalRow {
        current_stay: None,
        case_number: r.try_get(0)?,
        place_code: r.try_get(1)?,
        score: r.try_get(2)?,
        explanation: r.try_get(3)?,
        status: codec::parse_word("placement_proposals.status", &r.try_get::<String, _>(4)?)?,
        decided_by: r.try_get(5)?,
        over_capacity_reason: r.try_get(6)?,
        case_version: r.try_get(7)?,
        current_version: r.try_get(8)?,
        family_size: r.try_get(9)?,
    })
}

impl Store {
    /// Families of a programme awaiting a place (`awaiting`) and without a confirmed
    /// proposal for a place they have not yet reached, oldest submission first.
    pub async fn awaiting_placement(
        &self,
        programme: &str,
        awaiting: &Awaiting,
    ) -> Result<Vec<AwaitingCase>, StorageError> {
        let mut which = Vec::new();
        if awaiting.before_any_stay {
            which.push(format!(
                "(c.state IN {AWAITING} AND c.sponsor_group_id IS NULL)"
            ));
        }
        if !awaiting.staying_in.is_empty() {
            let kinds = kinds_list(&OccupancyRule {
                day: time::Date::MIN,
                kinds: awaiting.staying_in.clone(),
            });
            which.push(format!(
                "(c.state = 'in_reception' AND EXISTS (SELECT 1 FROM stays s \
                  WHERE s.case_id = c.id AND s.until_on IS NULL AND s.kind IN {kinds}))"
            ));
        }
        if which.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT c.case_number, c.state, c.nationality, c.travelling, \
                    CAST(f.date_of_birth AS TEXT), \
                    f.languages, c.version \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
               JOIN family_members f ON f.case_id = c.id \
              WHERE g.code = $1 AND ({}) \
                AND NOT EXISTS (SELECT 1 FROM placement_proposals p \
                                 JOIN reception_places r ON r.programme_id = c.programme_id \
                                  AND r.code = p.place_code \
                                 WHERE p.case_number = c.case_number AND p.status = 'confirmed' \
                                   AND NOT EXISTS (SELECT 1 FROM stays s \
                                        WHERE s.case_id = c.id AND s.place_id = r.id)) \
              ORDER BY c.submitted_on, c.case_number, f.member_no",
            which.join(" OR ")
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(programme.to_string())
            .fetch_all(&self.pool)
            .await?;
        let mut out: Vec<AwaitingCase> = Vec::new();
        for r in &rows {
            let number: String = r.try_get(0)?;
            if out.last().is_none_or(|c| c.case_number != number) {
                out.push(AwaitingCase {
                    case_number: number,
                    state: codec::parse_word("cases.state", &r.try_get::<String, _>(1)?)?,
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

    /// The reception places of a programme of the `kinds` placement proposes (the local
    /// reception initiatives, or the municipalities), with the persons staying there under
    /// `rule`, those placement reserved there for families not yet there, and the
    /// communities around them (the families living in each municipality now, by
    /// nationality).
    pub async fn placement_places(
        &self,
        programme: &str,
        kinds: &[PlaceKind],
        rule: &OccupancyRule,
    ) -> Result<Vec<PlacementPlace>, StorageError> {
        let kinds = if kinds.is_empty() {
            "(NULL)".to_string()
        } else {
            format!(
                "({})",
                kinds
                    .iter()
                    .map(|k| format!("'{}'", k.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let sql = format!(
            "SELECT r.code, r.name, r.municipality, r.region, r.capacity_persons, \
                    r.kind, \
                    CAST(COALESCE((SELECT SUM(s.persons) FROM stays s \
                               WHERE s.place_id = r.id AND {}), 0) AS BIGINT), \
                    CAST(COALESCE((SELECT SUM(c.travelling) FROM placement_proposals p \
                               JOIN cases c ON c.case_number = p.case_number \
                              WHERE p.place_code = r.code AND p.status = 'confirmed' \
                                AND c.state IN {RESERVING} \
                                AND NOT EXISTS (SELECT 1 FROM stays s2 \
                                     WHERE s2.case_id = c.id AND s2.place_id = r.id)), 0) \
                         AS BIGINT) \
               FROM reception_places r JOIN programmes g ON g.id = r.programme_id \
              WHERE g.code = $1 AND r.kind IN {kinds} ORDER BY r.code",
            current_at_place(rule, "$2")
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(programme.to_string())
            .bind(codec::date(rule.day))
            .fetch_all(&self.pool)
            .await?;
        let community_rows = sqlx::query(
            "SELECT c.municipality, c.nationality, COUNT(*) FROM cases c \
               JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND c.municipality IS NOT NULL \
                AND c.state IN ('in_reception', 'housed', 'integration_support', 'closed') \
              GROUP BY c.municipality, c.nationality",
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
                    kind: codec::parse_word("reception_places.kind", &r.try_get::<String, _>(5)?)?,
                    occupied_persons: r.try_get::<i64, _>(6)? as u32,
                    reserved_persons: r.try_get::<i64, _>(7)? as u32,
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
        let run_id: i64 = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO placement_runs (programme_id, run, ran_at) VALUES ($1, $2, {}) \
             RETURNING id",
            self.backend.time_param("$3")
        )))
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
        let sql = AssertSqlSafe(format!(
            "SELECT {PROPOSAL_COLUMNS} FROM placement_proposals p {PROPOSAL_JOINS} \
               JOIN placement_runs r ON r.id = p.run_id \
               JOIN programmes g ON g.id = r.programme_id \
              WHERE g.code = $1 AND p.status <> 'superseded' ORDER BY p.case_number, p.id"
        ));
        let rows = sqlx::query(sql)
            .bind(programme.to_string())
            .fetch_all(&self.pool)
            .await?;
        self.with_current_stays(&rows).await
    }

    /// Proposals from rows of [`PROPOSAL_COLUMNS`], each with its family's current stay,
    /// read in one query for them all.
    async fn with_current_stays(
        &self,
        rows: &[sqlx::any::AnyRow],
    ) -> Result<Vec<ProposalRow>, StorageError> {
        let mut out = Vec::with_capacity(rows.len());
        let mut ids = Vec::with_capacity(rows.len());
        for r in rows {
            out.push(proposal(r)?);
            ids.push(r.try_get::<i64, _>(10)?);
        }
        if ids.is_empty() {
            return Ok(out);
        }
        let mut current: BTreeMap<i64, Stay> = BTreeMap::new();
        for chunk in ids.chunks(500) {
            let list: Vec<String> = chunk.iter().map(i64::to_string).collect();
            for r in sqlx::query(AssertSqlSafe(format!(
                "SELECT s.case_id, {STAY_COLUMNS} FROM stays s {STAY_JOINS} \
                  WHERE s.until_on IS NULL AND s.case_id IN ({})",
                list.join(", ")
            )))
            .fetch_all(&self.pool)
            .await?
            {
                current.insert(r.try_get(0)?, stay(&r, 1)?);
            }
        }
        for (p, id) in out.iter_mut().zip(ids) {
            p.current_stay = current.get(&id).cloned();
        }
        Ok(out)
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
        let sql = AssertSqlSafe(format!(
            "SELECT {PROPOSAL_COLUMNS} FROM placement_proposals p {PROPOSAL_JOINS} \
              WHERE p.case_number = $1 AND p.status <> 'superseded' ORDER BY p.id DESC LIMIT 1"
        ));
        let rows = sqlx::query(sql)
            .bind(case_number.to_string())
            .fetch_all(&self.pool)
            .await?;
        Ok(self.with_current_stays(&rows).await?.pop())
    }

    /// Records a decision on a case's open proposal, possibly at another place than
    /// proposed, with the reason it goes over the place's capacity if it does. False if
    /// the case has no open proposal.
    pub async fn decide_proposal(
        &self,
        case_number: &str,
        status: ProposalStatus,
        place_code: &str,
        decided_by: &str,
        over_capacity_reason: Option<&str>,
        audit: &[NewAuditEntry],
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(AssertSqlSafe(format!(
            "UPDATE placement_proposals SET status = $1, place_code = $2, decided_by = $3, \
             decided_at = {}, over_capacity_reason = $5 \
             WHERE case_number = $6 AND status = 'proposed'",
            self.backend.time_param("$4")
        )))
        .bind(status.as_str().to_string())
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
