//! Changing cases: creating one, appending a lifecycle event, recording promises and
//! reunification requests. Each change is one transaction.
use resettle_domain::case::{CaseFile, CaseNumber, CaseState, Promise, PromiseKind};
use resettle_domain::reunification::{ReunificationRequest, ReunificationStatus};
use resettle_domain::support::SupportPlan;
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use time::OffsetDateTime;

use super::state_days;
use crate::NewAuditEntry;
use crate::caseload::{KnownCodes, insert_cases, validate_files};
use crate::codec::{self, parse_word};
use crate::notices::{self, NewNotice};
use crate::reference;
use crate::stays::{NewStay, begin_stay};
use crate::{StorageError, Store};

/// A lifecycle step to append. Whether the step is allowed is decided by the app layer
/// (under the programme's policy); storage guarantees it is applied to the version the
/// app decided on, or not at all.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    /// The state after the step.
    pub to: CaseState,
    /// When it happened.
    pub at: OffsetDateTime,
    /// Who recorded it.
    pub actor: String,
    /// Why.
    pub reason: String,
    /// Why, as a code from the profile's reason list for the step, if one applies.
    pub reason_code: Option<String>,
    /// Step data.
    pub payload: serde_json::Value,
}

/// Records that a step attaches to the case, written in the same transaction: what the
/// domain's step rules decided ([`resettle_domain::case::Assignment`]), with where the
/// family stays, its arrival and the notice telling it, which the app adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assignment {
    /// The selection mission, by code.
    pub mission: Option<String>,
    /// The stay the step begins (a reception place, a sponsor group's home, the family's
    /// own): the current one ends that day, and the case's current place follows.
    pub stay: Option<NewStay>,
    /// The municipality the family moves to (a home), by name; a reception place given
    /// in the same step sets the place's municipality first, so this one wins.
    pub municipality: Option<String>,
    /// The arrival: its day and the persons who travelled.
    pub arrival: Option<(time::Date, u32)>,
    /// The persons of the family who travel from this step on (a split decision names
    /// them, an arrival says who came).
    pub travelling: Option<u32>,
    /// The integration support plan.
    pub support: Option<SupportPlan>,
    /// A date told to the family with this step (the departure date).
    pub promise: Option<Promise>,
    /// The notice telling the family of this step, queued with it.
    pub notice: Option<NewNotice>,
    /// Requests for members left behind, opened by the step.
    pub reunification: Vec<ReunificationRequest>,
}

/// A case's internal id, state and version as the transaction reads them.
pub(crate) struct Current {
    pub(crate) id: i64,
    state: CaseState,
    pub(crate) version: i64,
}

/// The case with this number as the transaction reads it, or missing.
pub(crate) async fn current(
    conn: &mut AnyConnection,
    number: &CaseNumber,
) -> Result<Current, StorageError> {
    let row = sqlx::query("SELECT id, state, version FROM cases WHERE case_number = $1")
        .bind(number.as_str().to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StorageError::Missing {
            what: "case",
            key: number.to_string(),
        })?;
    Ok(Current {
        id: row.try_get(0)?,
        state: parse_word("cases.state", &row.try_get::<String, _>(1)?)?,
        version: row.try_get(2)?,
    })
}

/// The id of a record of the case's own programme, by its code or name.
async fn id_by(
    conn: &mut AnyConnection,
    sql: &'static str,
    what: &'static str,
    key: &str,
    case_id: i64,
) -> Result<i64, StorageError> {
    Ok(sqlx::query(sql)
        .bind(key.to_string())
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StorageError::Missing {
            what,
            key: key.to_string(),
        })?
        .try_get(0)?)
}

impl Store {
    /// Adds one case, with its history, to an existing programme, recording the
    /// organisation that submitted it. Refused whole on any invalid part or a case number
    /// already used.
    pub async fn create_case(
        &self,
        programme: &str,
        file: &CaseFile,
        submitted_by: Option<&str>,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        self.create_cases(programme, std::slice::from_ref(file), submitted_by, audit)
            .await
    }

    /// Adds several cases in one transaction (an import) with their audit entries: all of
    /// them, or, on any invalid part or a case number already used, none.
    pub async fn create_cases(
        &self,
        programme: &str,
        files: &[CaseFile],
        submitted_by: Option<&str>,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let ids = reference::load(&mut tx, programme).await?;
        let known = KnownCodes {
            missions: ids.missions.keys().cloned().collect(),
            places: ids.places.keys().cloned().collect(),
            sponsor_groups: ids.sponsor_groups.keys().cloned().collect(),
        };
        validate_files(files, &known)?;
        insert_cases(
            &mut tx,
            &ids,
            files,
            // A new submission is in no reception place yet.
            &std::collections::HashMap::new(),
            self.keys.as_deref(),
        )
        .await?;
        for file in files {
            sqlx::query("UPDATE cases SET submitted_by = $1 WHERE case_number = $2")
                .bind(submitted_by.map(str::to_string))
                .bind(file.case.case_number.as_str().to_string())
                .execute(&mut *tx)
                .await?;
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Records which organisation submitted the cases from one country of asylum (the
    /// UNHCR office there); for imports that predate the column.
    pub async fn set_submitted_by(
        &self,
        country_of_asylum: &str,
        organisation: &str,
    ) -> Result<u64, StorageError> {
        submitted_by_in(
            &mut *self.pool.acquire().await?,
            country_of_asylum,
            organisation,
        )
        .await
    }

    /// Appends a lifecycle event and moves the case's stored state with it, if and only if
    /// the case is still at `expected_version` in state `from`, with the `audit` entries
    /// recording it in the same transaction (and the notice telling the family of it, if
    /// the assignment carries one). Returns the new version.
    pub async fn append_event(
        &self,
        number: &CaseNumber,
        expected_version: i64,
        from: CaseState,
        event: &NewEvent,
        assignment: &Assignment,
        audit: &[NewAuditEntry],
    ) -> Result<i64, StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        if cur.version != expected_version || cur.state != from {
            return Err(StorageError::Stale {
                what: "case",
                key: number.to_string(),
                expected: expected_version,
                actual: cur.version,
            });
        }
        let new_version = cur.version + 1;
        // A move between places changes the case (its version) without a step, so the
        // next event's number is counted from the events.
        let seq: i64 =
            sqlx::query("SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = $1")
                .bind(cur.id)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
        let at = codec::timestamp(event.at);
        state_days::record(&mut tx, cur.id, event.to, state_days::day_of(&at)).await?;
        let moved = sqlx::query(AssertSqlSafe(format!(
            "UPDATE cases SET state = $1, state_since = {}, version = $3 \
             WHERE id = $4 AND version = $5",
            self.backend.time_param("$2")
        )))
        .bind(event.to.as_str().to_string())
        .bind(at.clone())
        .bind(new_version)
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
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO case_events \
             (case_id, seq, at, actor, from_state, to_state, reason, payload, reason_code) \
             VALUES ($1, $2, {}, $4, $5, $6, $7, $8, $9)",
            self.backend.time_param("$3")
        )))
        .bind(cur.id)
        .bind(seq)
        .bind(at)
        .bind(event.actor.clone())
        .bind(from.as_str().to_string())
        .bind(event.to.as_str().to_string())
        .bind(event.reason.clone())
        .bind(event.payload.to_string())
        .bind(event.reason_code.clone())
        .execute(&mut *tx)
        .await?;
        assign(&mut tx, cur.id, assignment).await?;
        if let Some(p) = &assignment.promise {
            insert_promise(&mut tx, cur.id, p).await?;
        }
        for r in &assignment.reunification {
            insert_reunification(&mut tx, cur.id, r).await?;
        }
        notices::queue(
            &mut tx,
            self.backend,
            assignment.notice.as_slice(),
            self.now(),
        )
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(new_version)
    }

    /// Records a date told to the family, with the `audit` entries recording it and the
    /// `notices` telling the family in the same transaction.
    pub async fn add_promise(
        &self,
        number: &CaseNumber,
        promise: &Promise,
        audit: &[NewAuditEntry],
        notices: &[NewNotice],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        insert_promise(&mut tx, cur.id, promise).await?;
        notices::queue(&mut tx, self.backend, notices, self.now()).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Writes a case's reunification request (numbered from 1 in the order the requests
    /// were made) as `moved` to a new status, if it still stands at `from`: a move decided
    /// on a status someone changed meanwhile is refused as stale, so no two moves race
    /// past the state machine.
    pub async fn move_reunification(
        &self,
        number: &CaseNumber,
        request_no: u32,
        from: ReunificationStatus,
        moved: &ReunificationRequest,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        let key = format!("{number} #{request_no}");
        let id = &reunification_id(&mut tx, cur.id, request_no, &key).await?;
        let done = sqlx::query(
            "UPDATE reunification_requests SET status = $1, resolved_on = date($2), \
             decision_reason = $3 WHERE id = $4 AND status = $5",
        )
        .bind(moved.status.as_str().to_string())
        .bind(moved.resolved_on.map(codec::date))
        .bind(moved.reason.clone())
        .bind(*id)
        .bind(from.as_str().to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::Refused(resettle_domain::Refusal::of(
                "status",
                resettle_domain::RefusalKind::NoLonger {
                    was: from.as_str().to_string(),
                },
            )));
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Writes the dependency and evidence of a case's reunification request (numbered
    /// from 1), as `with_ties` has them.
    pub async fn set_reunification_ties(
        &self,
        number: &CaseNumber,
        request_no: u32,
        with_ties: &ReunificationRequest,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        let key = format!("{number} #{request_no}");
        let id = reunification_id(&mut tx, cur.id, request_no, &key).await?;
        sqlx::query(
            "UPDATE reunification_requests SET dependency = $1, evidence = $2 WHERE id = $3",
        )
        .bind(codec::words(&with_ties.dependency))
        .bind(codec::words(&with_ties.evidence))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Records a request to bring a relative left behind.
    pub async fn add_reunification(
        &self,
        number: &CaseNumber,
        request: &ReunificationRequest,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let cur = current(&mut tx, number).await?;
        insert_reunification(&mut tx, cur.id, request).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}

/// The internal id of a case's reunification request `request_no` (from 1, in the order
/// the requests were made); missing, named by `key`, if the case has no such request.
async fn reunification_id(
    conn: &mut AnyConnection,
    case_id: i64,
    request_no: u32,
    key: &str,
) -> Result<i64, StorageError> {
    let ids: Vec<i64> =
        sqlx::query("SELECT id FROM reunification_requests WHERE case_id = $1 ORDER BY id")
            .bind(case_id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
    request_no
        .checked_sub(1)
        .and_then(|i| ids.get(i as usize))
        .copied()
        .ok_or_else(|| StorageError::Missing {
            what: "reunification request",
            key: key.to_string(),
        })
}

async fn insert_reunification(
    conn: &mut AnyConnection,
    case_id: i64,
    request: &ReunificationRequest,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO reunification_requests (case_id, relative_name, relationship, \
         location, status, requested_on, resolved_on, decision_reason, dependency, evidence, \
         due_on) VALUES ($1, $2, $3, $4, $5, date($6), date($7), $8, $9, $10, date($11))",
    )
    .bind(case_id)
    .bind(request.relative_name.clone())
    .bind(request.relationship.clone())
    .bind(request.location.as_str().to_string())
    .bind(request.status.as_str().to_string())
    .bind(codec::date(request.requested_on))
    .bind(request.resolved_on.map(codec::date))
    .bind(request.reason.clone())
    .bind(codec::words(&request.dependency))
    .bind(codec::words(&request.evidence))
    .bind(request.due_on.map(codec::date))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn assign(
    conn: &mut AnyConnection,
    case_id: i64,
    a: &Assignment,
) -> Result<(), StorageError> {
    if let Some(key) = &a.mission {
        let id = id_by(
            conn,
            "SELECT id FROM selection_missions WHERE code = $1 \
             AND programme_id = (SELECT programme_id FROM cases WHERE id = $2)",
            "mission",
            key,
            case_id,
        )
        .await?;
        sqlx::query("UPDATE cases SET mission_id = $1 WHERE id = $2")
            .bind(id)
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(stay) = &a.stay {
        begin_stay(conn, case_id, stay).await?;
    }
    if let Some(persons) = a.travelling {
        sqlx::query("UPDATE cases SET travelling = $1 WHERE id = $2")
            .bind(i64::from(persons))
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some((on, persons)) = a.arrival {
        sqlx::query(
            "INSERT INTO arrivals (case_id, programme_id, arrived_on, persons) \
             SELECT id, programme_id, date($1), $2 FROM cases WHERE id = $3",
        )
        .bind(codec::date(on))
        .bind(i64::from(persons))
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    }
    if let Some(m) = &a.municipality {
        sqlx::query("UPDATE cases SET municipality = $1 WHERE id = $2")
            .bind(m.clone())
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(s) = &a.support {
        crate::support::replace_plan(conn, case_id, s).await?;
    }
    Ok(())
}

async fn insert_promise(
    conn: &mut AnyConnection,
    case_id: i64,
    promise: &Promise,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO promises \
         (case_id, kind, promised_date, made_on, slip_reason, family_notified_on, slip_reason_code) \
         VALUES ($1, $2, date($3), date($4), $5, date($6), $7)",
    )
    .bind(case_id)
    .bind(promise.kind.as_str().to_string())
    .bind(codec::date(promise.promised_date))
    .bind(codec::date(promise.made_on))
    .bind(promise.slip_reason.clone())
    .bind(promise.family_notified_on.map(codec::date))
    .bind(promise.slip_reason_code.clone())
    .execute(&mut *conn)
    .await?;
    if promise.kind == PromiseKind::Departure {
        // The departure date last told, kept on the case: the reception page and the
        // families on their way are read in its order from an index.
        sqlx::query("UPDATE cases SET departs_on = date($1) WHERE id = $2")
            .bind(codec::date(promise.promised_date))
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Sets the submitting organisation of the cases from `country_of_asylum` that have none;
/// returns how many.
pub(crate) async fn submitted_by_in(
    conn: &mut AnyConnection,
    country_of_asylum: &str,
    organisation: &str,
) -> Result<u64, StorageError> {
    Ok(sqlx::query(
        "UPDATE cases SET submitted_by = $1 WHERE country_of_asylum = $2 AND submitted_by IS NULL",
    )
    .bind(organisation.to_string())
    .bind(country_of_asylum.to_string())
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
