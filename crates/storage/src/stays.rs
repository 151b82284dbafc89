//! Where families stay after arrival: writing a stay (the current one ends the day the
//! next begins, in the same transaction as the step or move that begins it), the columns
//! and decoder a stay is read with (a case's stays are read with the case), and the load
//! of one place as a capacity check needs it.
use resettle_domain::case::CaseNumber;
use resettle_domain::reception::{Move, OccupancyRule, Stay, StayKind};
use resettle_domain::{Refusal, RefusalKind};
use sqlx::{AnyConnection, AssertSqlSafe, Row};

use crate::NewAuditEntry;
use crate::cases::current;
use crate::codec::{self, parse_date, parse_word};
use crate::columns::Columns;
use crate::{StorageError, Store};

/// A stay to begin with a step or a move: the current stay ends on its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStay {
    /// Where, from which day, and why.
    pub next: Move,
    /// The persons who stay (those of the family who travelled).
    pub persons: u32,
    /// Why the family goes to a place without room for it, if it does.
    pub over_capacity_reason: Option<String>,
}

/// A reception place as a capacity check reads it: what it holds now under the
/// programme's occupancy rule, and what placement has reserved there for families not
/// yet in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceLoad {
    /// Code.
    pub code: String,
    /// Centre, LOI or municipality.
    pub kind: resettle_domain::reception::PlaceKind,
    /// Declared capacity in persons.
    pub capacity_persons: u32,
    /// Persons of the stays current there on the rule's day.
    pub occupied_persons: u32,
    /// Persons of confirmed proposals there whose families are not yet there, other than
    /// the family being moved.
    pub reserved_persons: u32,
}

/// `c.kind IN ('centre', 'loi')` for the kinds an occupancy rule counts (words of the
/// domain's own list, written into the statement).
pub(crate) fn kinds_list(rule: &OccupancyRule) -> String {
    if rule.kinds.is_empty() {
        return "(NULL)".into();
    }
    let words: Vec<String> = rule
        .kinds
        .iter()
        .map(|k| format!("'{}'", k.as_str()))
        .collect();
    format!("({})", words.join(", "))
}

/// Stays current on the rule's day at place `r.id`, of a kind the rule counts: the SQL
/// form of [`OccupancyRule::counts`], with the day bound as `$day` (the codec's text,
/// read as a day: PostgreSQL keeps the stays' days as dates).
pub(crate) fn current_at_place(rule: &OccupancyRule, day: &str) -> String {
    format!(
        "s.kind IN {} AND s.from_on <= date({day}) \
         AND (s.until_on IS NULL OR s.until_on > date({day}))",
        kinds_list(rule)
    )
}

/// The states of a family that has not yet reached the place placement reserved for it:
/// on its way, arrived, or in a centre.
pub(crate) const RESERVING: &str = "('accepted', 'accepted_in_part', 'pre_departure', \
     'departure_scheduled', 'arrived', 'in_reception')";

/// Ends the case's open stay on the day `stay` begins and begins it; the case's current
/// place (and the municipality its staff are in, for a reception place) follow, and a
/// family leaving a sponsor group's home is no longer the group's.
pub(crate) async fn begin_stay(
    conn: &mut AnyConnection,
    case_id: i64,
    stay: &NewStay,
) -> Result<(), StorageError> {
    let next = &stay.next;
    let (mut place_id, mut group_id, mut municipality) = (None, None, None);
    match (&next.place, next.kind) {
        (Some(code), StayKind::Sponsor) => {
            group_id = Some(
                sqlx::query(
                    "SELECT id FROM sponsor_groups WHERE name = $1 \
                     AND programme_id = (SELECT programme_id FROM cases WHERE id = $2)",
                )
                .bind(code.clone())
                .bind(case_id)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| StorageError::Missing {
                    what: "sponsor group",
                    key: code.clone(),
                })?
                .try_get::<i64, _>(0)?,
            );
        }
        (Some(code), kind) => {
            let row = sqlx::query(
                "SELECT id, municipality, kind FROM reception_places WHERE code = $1 \
                 AND programme_id = (SELECT programme_id FROM cases WHERE id = $2)",
            )
            .bind(code.clone())
            .bind(case_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| StorageError::Missing {
                what: "reception place",
                key: code.clone(),
            })?;
            let place_kind: String = row.try_get(2)?;
            if Some(place_kind.as_str()) != kind.place_kind().map(|k| k.as_str()) {
                let is: StayKind = parse_word("reception_places.kind", &place_kind)?;
                return Err(StorageError::Refused(Refusal::of(
                    "reception_place",
                    RefusalKind::PlaceNotOfKind {
                        place: code.clone(),
                        is,
                        wanted: kind,
                    },
                )));
            }
            place_id = Some(row.try_get::<i64, _>(0)?);
            municipality = Some(row.try_get::<String, _>(1)?);
        }
        (None, _) => {}
    }
    let on = codec::date(next.on);
    let left_sponsor: bool = sqlx::query(
        "SELECT COUNT(*) FROM stays WHERE case_id = $1 AND until_on IS NULL AND kind = 'sponsor'",
    )
    .bind(case_id)
    .fetch_one(&mut *conn)
    .await?
    .try_get::<i64, _>(0)?
        > 0;
    sqlx::query("UPDATE stays SET until_on = date($1) WHERE case_id = $2 AND until_on IS NULL")
        .bind(on.clone())
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO stays (case_id, kind, place_id, sponsor_group_id, from_on, until_on, \
         persons, reason, over_capacity_reason) \
         VALUES ($1, $2, $3, $4, date($5), NULL, $6, $7, $8)",
    )
    .bind(case_id)
    .bind(next.kind.as_str().to_string())
    .bind(place_id)
    .bind(group_id)
    .bind(on)
    .bind(i64::from(stay.persons))
    .bind(next.reason.trim().to_string())
    .bind(stay.over_capacity_reason.clone())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE cases SET reception_place_id = $1, municipality = COALESCE($2, municipality) \
         WHERE id = $3",
    )
    .bind(place_id)
    .bind(municipality)
    .bind(case_id)
    .execute(&mut *conn)
    .await?;
    if group_id.is_some() || left_sponsor {
        sqlx::query("UPDATE cases SET sponsor_group_id = $1 WHERE id = $2")
            .bind(group_id)
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The columns of a stay read by [`stay`], with `s` the stays table, `r` its place and
/// `g` its sponsor group.
pub(crate) const STAY_COLUMNS: &str = "s.kind, COALESCE(r.code, g.name), CAST(s.from_on AS TEXT), \
     CAST(s.until_on AS TEXT), s.persons, s.reason, s.over_capacity_reason";

pub(crate) const STAY_JOINS: &str = "LEFT JOIN reception_places r ON r.id = s.place_id \
     LEFT JOIN sponsor_groups g ON g.id = s.sponsor_group_id";

/// A stay from a row whose columns, from `at`, are [`STAY_COLUMNS`].
pub(crate) fn stay(r: &impl Columns, at: usize) -> Result<Stay, StorageError> {
    Ok(Stay {
        kind: parse_word("stays.kind", &r.text(at)?)?,
        place: r.opt_text(at + 1)?,
        from: parse_date("stays.from_on", &r.text(at + 2)?)?,
        until: r
            .opt_text(at + 3)?
            .map(|d| parse_date("stays.until_on", &d))
            .transpose()?,
        persons: r.int(at + 4)? as u32,
        reason: r.text(at + 5)?,
        over_capacity_reason: r.opt_text(at + 6)?,
    })
}

impl Store {
    /// The reception places of a programme as (code, name, kind), by code: what a form
    /// offers to move a family to, and the names its stays are shown with.
    pub async fn place_names(
        &self,
        programme: &str,
    ) -> Result<Vec<(String, String, resettle_domain::reception::PlaceKind)>, StorageError> {
        sqlx::query(
            "SELECT r.code, r.name, r.kind FROM reception_places r \
               JOIN programmes g ON g.id = r.programme_id WHERE g.code = $1 ORDER BY r.code",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                r.try_get(0)?,
                r.try_get(1)?,
                parse_word("reception_places.kind", &r.try_get::<String, _>(2)?)?,
            ))
        })
        .collect()
    }

    /// Every stay of a programme's families, by case number, each family's oldest first:
    /// what occupancy is counted from (and what a check of it counts again in Rust).
    pub async fn programme_stays(
        &self,
        programme: &str,
    ) -> Result<Vec<(String, Stay)>, StorageError> {
        sqlx::query(AssertSqlSafe(format!(
            "SELECT c.case_number, {STAY_COLUMNS} FROM stays s {STAY_JOINS} \
               JOIN cases c ON c.id = s.case_id JOIN programmes p ON p.id = c.programme_id \
              WHERE p.code = $1 ORDER BY c.case_number, s.from_on, s.id"
        )))
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, stay(r, 1)?)))
        .collect()
    }

    /// The families staying now at a reception place of a programme of one of `kinds`
    /// (those in an LOI, due to move into a home), the longest there first: the first
    /// `limit`, with the persons who travelled, and how many there are in all.
    pub async fn staying_in(
        &self,
        programme: &str,
        kinds: &[StayKind],
        limit: u32,
    ) -> Result<(Vec<(String, i64, Stay)>, i64), StorageError> {
        let kinds = kinds_list(&OccupancyRule {
            day: time::Date::MIN,
            kinds: kinds.to_vec(),
        });
        // From the open stays' index and the programme's places, not from its cases.
        let open = format!(
            "stays s WHERE s.until_on IS NULL AND s.kind IN {kinds} AND s.place_id IN \
             (SELECT r.id FROM reception_places r JOIN programmes p ON p.id = r.programme_id \
               WHERE p.code = $1)"
        );
        let total: i64 = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*) FROM {open}")))
            .bind(programme.to_string())
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.case_number, c.travelling, {STAY_COLUMNS} \
               FROM (SELECT s.* FROM {open} ORDER BY s.from_on, s.case_id LIMIT {limit}) s \
               JOIN cases c ON c.id = s.case_id {STAY_JOINS} \
              ORDER BY s.from_on, c.case_number"
        )))
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let staying = rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, stay(r, 2)?)))
            .collect::<Result<_, StorageError>>()?;
        Ok((staying, total))
    }

    /// Records a move of a family between places without a lifecycle step (a centre to
    /// an LOI): the current stay ends and `stay` begins on its day, if and only if the
    /// case is still at `expected_version`, with the `audit` entries in the same
    /// transaction. Returns the case's new version: a move changes the case, so a
    /// proposal made before it lapses.
    pub async fn move_family(
        &self,
        number: &CaseNumber,
        expected_version: i64,
        stay: &NewStay,
        audit: &[NewAuditEntry],
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        if cur.version != expected_version {
            return Err(StorageError::Stale {
                what: "case",
                key: number.to_string(),
                expected: expected_version,
                actual: cur.version,
            });
        }
        begin_stay(&mut tx, cur.id, stay).await?;
        let moved = sqlx::query("UPDATE cases SET version = $1 WHERE id = $2 AND version = $3")
            .bind(cur.version + 1)
            .bind(cur.id)
            .bind(cur.version)
            .execute(&mut *tx)
            .await?;
        if moved.rows_affected() != 1 {
            return Err(StorageError::Stale {
                what: "case",
                key: number.to_string(),
                expected: expected_version,
                actual: cur.version + 1,
            });
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(cur.version + 1)
    }

    /// The reception place `code` of `programme` with its load under `rule`: the persons
    /// of its current stays, and those of confirmed proposals there whose families are not
    /// yet there, leaving out the family `case_number` (whose own move is being checked).
    /// `None` if the programme has no such place.
    pub async fn place_load(
        &self,
        programme: &str,
        code: &str,
        case_number: &str,
        rule: &OccupancyRule,
    ) -> Result<Option<PlaceLoad>, StorageError> {
        let sql = format!(
            "SELECT r.code, r.kind, r.capacity_persons, \
                    CAST(COALESCE((SELECT SUM(s.persons) FROM stays s WHERE s.place_id = r.id \
                       AND {}), 0) AS BIGINT), \
                    CAST(COALESCE((SELECT SUM(c.travelling) FROM placement_proposals p \
                       JOIN cases c ON c.case_number = p.case_number \
                      WHERE p.place_code = r.code AND p.status = 'confirmed' \
                        AND c.state IN {RESERVING} AND c.case_number <> $3 \
                        AND NOT EXISTS (SELECT 1 FROM stays s2 WHERE s2.case_id = c.id \
                                         AND s2.place_id = r.id)), 0) AS BIGINT) \
               FROM reception_places r JOIN programmes g ON g.id = r.programme_id \
              WHERE g.code = $1 AND r.code = $2",
            current_at_place(rule, "$4")
        );
        let Some(r) = sqlx::query(AssertSqlSafe(sql))
            .bind(programme.to_string())
            .bind(code.to_string())
            .bind(case_number.to_string())
            .bind(codec::date(rule.day))
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(PlaceLoad {
            code: r.try_get(0)?,
            kind: parse_word("reception_places.kind", &r.try_get::<String, _>(1)?)?,
            capacity_persons: r.try_get::<i64, _>(2)? as u32,
            occupied_persons: r.try_get::<i64, _>(3)? as u32,
            reserved_persons: r.try_get::<i64, _>(4)? as u32,
        }))
    }
}
