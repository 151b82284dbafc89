//! Integration support as stored: a plan's goals and contacts, the wellbeing check-ins
//! (their health answers sealed, bound to the case and month) and the tasks their
//! flagged problems opened. Every write commits with its audit entries.
use resettle_domain::case::CaseNumber;
use resettle_domain::outcomes::FollowUp;
use resettle_domain::support::{
    CheckIn, Contact, Goal, HealthAccess, Housing, Problem, ProblemKind, ProviderKind, SupportPlan,
};
use resettle_secure::cipher::Keyring;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use time::Date;

use crate::batch::{Cell, Rows};
use crate::cases::current;
use crate::codec::{self, parse_date, parse_word};
use crate::sealed::{open_bound, seal_bound};
use crate::{CaseFilter, NewAuditEntry, StorageError, Store};

/// What a sealed health answer is bound to: the case and the check-in month.
fn health_context(case_number: &str, months: u32) -> String {
    format!("wellbeing_checkins.health:{case_number}:{months}")
}

/// The stored word of the health answers: two yes/no answers, or `none` (not answered).
fn health_word(h: Option<HealthAccess>) -> String {
    match h {
        None => "none".into(),
        Some(h) => format!(
            "doctor={},care={}",
            u8::from(h.registered_with_doctor),
            u8::from(h.care_when_needed)
        ),
    }
}

fn parse_health(context: &str, word: &str) -> Result<Option<HealthAccess>, StorageError> {
    match word {
        "none" => Ok(None),
        "doctor=0,care=0" | "doctor=0,care=1" | "doctor=1,care=0" | "doctor=1,care=1" => {
            Ok(Some(HealthAccess {
                registered_with_doctor: word.as_bytes()[7] == b'1',
                care_when_needed: word.as_bytes()[14] == b'1',
            }))
        }
        // The opened word stays out of the error: it is health data.
        _ => Err(codec::corrupt(
            "wellbeing_checkins.health",
            "(sealed)",
            format!("{context} opens to no health answer"),
        )),
    }
}

/// A check-in as read, with who recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCheckIn {
    /// The answers; `health` is `None` unless asked for with the data key.
    pub checkin: CheckIn,
    /// The user (or `family:CASE`) who recorded it.
    pub recorded_by: String,
}

/// A task a flagged problem opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRow {
    /// Its id, to close it by.
    pub id: i64,
    /// The family's case number.
    pub case_number: String,
    /// What the problem is, and for a child which member.
    pub problem: Problem,
    /// The check-in that flagged it.
    pub from_months: u32,
    /// When it was opened.
    pub opened_on: Date,
    /// When it was closed, by whom and how; `None` while open.
    pub closed: Option<ClosedTask>,
}

/// How a task was closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedTask {
    /// The day.
    pub on: Date,
    /// Who closed it (a username).
    pub by: String,
    /// What was done; empty for tasks closed before notes were kept.
    pub note: String,
}

/// Everything recorded under a family's support plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupportRecords {
    /// Goals in the order they were set, numbered from 1.
    pub goals: Vec<Goal>,
    /// Contacts, oldest first, with who logged each.
    pub contacts: Vec<(Contact, String)>,
    /// Check-ins by month.
    pub checkins: Vec<StoredCheckIn>,
    /// Tasks, open ones first, oldest first.
    pub tasks: Vec<TaskRow>,
}

/// A family in support, as the work list reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportRow {
    /// UNHCR case number.
    pub case_number: String,
    /// The programme's code.
    pub programme: String,
    /// The plan.
    pub plan: SupportPlan,
    /// The day the family arrived.
    pub arrived_on: Date,
    /// The check-in months answered.
    pub answered: Vec<u32>,
}

/// A family of a programme that arrived, with its check-ins (no health answers), for the
/// cohort figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortFamily {
    /// UNHCR case number.
    pub case_number: String,
    /// The day it arrived.
    pub arrived_on: Date,
    /// Its check-ins, by month.
    pub checkins: Vec<CheckIn>,
}

/// The columns of `wellbeing_checkins` [`checkin`] reads, after the case number: the day
/// as text and the yes/no answers as 0 or 1 on both backends (PostgreSQL keeps a `date`
/// and `boolean`s, which sqlx's `Any` driver reads as neither).
const CHECKIN_COLUMNS: &str = "w.months, CAST(w.answered_on AS TEXT), w.answered_by, \
     CAST(w.own_home AS INTEGER), CAST(w.own_kitchen AS INTEGER), \
     CAST(w.own_shower AS INTEGER), w.rooms, CAST(w.language_course AS INTEGER), w.schooling, \
     w.work, w.health, w.relatives_abroad, w.feeling, w.recorded_by";

/// The check-in in a row of `c.case_number, ` + [`CHECKIN_COLUMNS`]; the health answers
/// opened with `keys` when given, else left out.
fn checkin(keys: Option<&Keyring>, r: &AnyRow) -> Result<StoredCheckIn, StorageError> {
    let number: String = r.try_get(0)?;
    let months = r.try_get::<i64, _>(1)? as u32;
    let flag = |i: usize| -> Result<bool, StorageError> { Ok(r.try_get::<i64, _>(i)? == 1) };
    let health = match keys {
        None => None,
        Some(keys) => {
            let context = health_context(&number, months);
            let word = open_bound(Some(keys), &context, &r.try_get::<String, _>(11)?)?;
            parse_health(&context, &word)?
        }
    };
    Ok(StoredCheckIn {
        checkin: CheckIn {
            months,
            answered_on: parse_date(
                "wellbeing_checkins.answered_on",
                &r.try_get::<String, _>(2)?,
            )?,
            answered_by: parse_word(
                "wellbeing_checkins.answered_by",
                &r.try_get::<String, _>(3)?,
            )?,
            housing: Housing {
                own_home: flag(4)?,
                own_kitchen: flag(5)?,
                own_shower: flag(6)?,
                rooms: r.try_get::<i64, _>(7)? as u32,
            },
            language_course: flag(8)?,
            schooling: list(r, "wellbeing_checkins.schooling", 9)?,
            work: list(r, "wellbeing_checkins.work", 10)?,
            health,
            relatives_abroad: r.try_get::<i64, _>(12)? as u32,
            feeling: r.try_get::<i64, _>(13)? as u8,
        },
        recorded_by: r.try_get(14)?,
    })
}

/// A JSON list column of a row.
fn list<T: serde::de::DeserializeOwned>(
    r: &AnyRow,
    field: &'static str,
    i: usize,
) -> Result<Vec<T>, StorageError> {
    serde_json::from_str(&r.try_get::<String, _>(i)?)
        .map_err(|e| codec::corrupt(field, "(list)", e.to_string()))
}

fn task(r: &AnyRow) -> Result<TaskRow, StorageError> {
    let closed = match (
        r.try_get::<Option<String>, _>(6)?,
        r.try_get::<Option<String>, _>(7)?,
    ) {
        (Some(on), Some(by)) => Some(ClosedTask {
            on: parse_date("support_tasks.closed_on", &on)?,
            by,
            note: r.try_get::<Option<String>, _>(8)?.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(TaskRow {
        id: r.try_get(0)?,
        case_number: r.try_get(1)?,
        problem: Problem {
            kind: parse_word::<ProblemKind>("support_tasks.kind", &r.try_get::<String, _>(2)?)?,
            member_no: r.try_get::<Option<i64>, _>(3)?.map(|m| m as u32),
        },
        from_months: r.try_get::<i64, _>(4)? as u32,
        opened_on: parse_date("support_tasks.opened_on", &r.try_get::<String, _>(5)?)?,
        closed,
    })
}

/// The columns of `support_tasks` [`task`] reads, its days as text on both backends.
const TASK_COLUMNS: &str = "t.id, c.case_number, t.kind, t.member_no, t.from_months, \
     CAST(t.opened_on AS TEXT), CAST(t.closed_on AS TEXT), t.closed_by, t.closed_note";

/// Re-seals the check-ins' health answers not under the current key; returns how many.
pub(crate) async fn reseal_health(
    conn: &mut AnyConnection,
    keys: &Keyring,
) -> Result<u64, StorageError> {
    let rows = sqlx::query(
        "SELECT c.case_number, w.months, w.health, w.case_id FROM wellbeing_checkins w \
           JOIN cases c ON c.id = w.case_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut resealed = 0;
    for r in &rows {
        let stored: String = r.try_get(2)?;
        if !keys.needs_reencryption(&stored) {
            continue;
        }
        let months = r.try_get::<i64, _>(1)? as u32;
        let context = health_context(&r.try_get::<String, _>(0)?, months);
        let plain = open_bound(Some(keys), &context, &stored)?;
        sqlx::query("UPDATE wellbeing_checkins SET health = $1 WHERE case_id = $2 AND months = $3")
            .bind(seal_bound(Some(keys), &context, &plain)?)
            .bind(r.try_get::<i64, _>(3)?)
            .bind(i64::from(months))
            .execute(&mut *conn)
            .await?;
        resealed += 1;
    }
    Ok(resealed)
}

impl Store {
    /// Sets a family's support plan and its goals (replacing those set before), with the
    /// `audit` entries, in one transaction.
    pub async fn write_support_plan(
        &self,
        number: &CaseNumber,
        plan: &SupportPlan,
        goals: &[Goal],
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        replace_plan(&mut tx, case.id, plan).await?;
        sqlx::query("DELETE FROM support_goals WHERE case_id = $1")
            .bind(case.id)
            .execute(&mut *tx)
            .await?;
        let mut rows = Rows::new("support_goals", GOAL_INSERT);
        for (i, g) in goals.iter().enumerate() {
            rows.push(goal_row(case.id, i, g));
        }
        rows.insert(&mut tx, None).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Records that goal `goal_no` of a family was reached on `on`, with the `audit`
    /// entries; a goal that does not exist is missing and nothing changes.
    pub async fn reach_goal(
        &self,
        number: &CaseNumber,
        goal_no: u32,
        on: Date,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        let done = sqlx::query(
            "UPDATE support_goals SET reached_on = date($1) WHERE case_id = $2 AND goal_no = $3",
        )
        .bind(codec::date(on))
        .bind(case.id)
        .bind(i64::from(goal_no))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::Missing {
                what: "goal",
                key: format!("{number} goal {goal_no}"),
            });
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Logs a contact with a family, by `recorded_by`, with the `audit` entries.
    pub async fn log_support_contact(
        &self,
        number: &CaseNumber,
        contact: &Contact,
        recorded_by: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        sqlx::query(
            "INSERT INTO support_contacts (case_id, contact_on, kind, note, recorded_by) \
             VALUES ($1, date($2), $3, $4, $5)",
        )
        .bind(case.id)
        .bind(codec::date(contact.on))
        .bind(contact.kind.as_str())
        .bind(contact.note.trim().to_string())
        .bind(recorded_by.to_string())
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Records a check-in (in place of an earlier answer to the same month), its health
    /// answers sealed; opens a task for each of `problems`; and records the employment
    /// `outcomes` it gives at a follow-up (12 or 18 months) among the outcomes the
    /// placement model is fitted on, replacing earlier ones of the same member and
    /// follow-up. All with the `audit` entries, in one transaction.
    pub async fn record_checkin(
        &self,
        number: &CaseNumber,
        checkin: &CheckIn,
        recorded_by: &str,
        problems: &[Problem],
        outcomes: &[FollowUp],
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        sqlx::query("DELETE FROM wellbeing_checkins WHERE case_id = $1 AND months = $2")
            .bind(case.id)
            .bind(i64::from(checkin.months))
            .execute(&mut *tx)
            .await?;
        let mut row = Rows::new("wellbeing_checkins", CHECKIN_INSERT);
        row.push(checkin_row(
            self.keys.as_deref(),
            case.id,
            number,
            checkin,
            recorded_by,
        )?);
        row.insert(&mut tx, None).await?;
        let mut tasks = Rows::new("support_tasks", TASK_INSERT);
        for p in problems {
            tasks.push(task_row(case.id, p, checkin));
        }
        tasks.insert(&mut tx, None).await?;
        for o in outcomes {
            sqlx::query(
                "DELETE FROM integration_outcomes WHERE case_id = $1 AND member_no = $2 \
                 AND months = $3",
            )
            .bind(case.id)
            .bind(i64::from(o.member_no))
            .bind(i64::from(o.months))
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO integration_outcomes (case_id, member_no, months, employed, \
                 recorded_on) VALUES ($1, $2, $3, $4, date($5))",
            )
            .bind(case.id)
            .bind(i64::from(o.member_no))
            .bind(i64::from(o.months))
            .bind(o.employed)
            .bind(codec::date(o.recorded_on))
            .execute(&mut *tx)
            .await?;
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Closes an open task of a family as `closed` says, with the `audit` entries; a task
    /// that is not the family's or not open is missing and nothing changes.
    pub async fn close_support_task(
        &self,
        number: &CaseNumber,
        task_id: i64,
        closed: &ClosedTask,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        let done = sqlx::query(
            "UPDATE support_tasks SET closed_on = date($1), closed_by = $2, closed_note = $3 \
             WHERE id = $4 AND case_id = $5 AND closed_on IS NULL",
        )
        .bind(codec::date(closed.on))
        .bind(closed.by.clone())
        .bind(closed.note.clone())
        .bind(task_id)
        .bind(case.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::Missing {
                what: "open task",
                key: format!("{number} task {task_id}"),
            });
        }
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Everything recorded under a family's plan; the check-ins' health answers opened
    /// only when `with_health` (the caller may read them, and it is audited).
    pub async fn support_records(
        &self,
        number: &CaseNumber,
        with_health: bool,
    ) -> Result<SupportRecords, StorageError> {
        let n = number.as_str().to_string();
        let goals = sqlx::query(
            "SELECT g.kind, g.member_no, CAST(g.target_on AS TEXT), CAST(g.reached_on AS TEXT) \
               FROM support_goals g \
               JOIN cases c ON c.id = g.case_id WHERE c.case_number = $1 ORDER BY g.goal_no",
        )
        .bind(n.clone())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Goal {
                kind: parse_word("support_goals.kind", &r.try_get::<String, _>(0)?)?,
                member_no: r.try_get::<Option<i64>, _>(1)?.map(|m| m as u32),
                target_on: parse_date("support_goals.target_on", &r.try_get::<String, _>(2)?)?,
                reached_on: r
                    .try_get::<Option<String>, _>(3)?
                    .map(|d| parse_date("support_goals.reached_on", &d))
                    .transpose()?,
            })
        })
        .collect::<Result<_, StorageError>>()?;
        let contacts = sqlx::query(
            "SELECT CAST(s.contact_on AS TEXT), s.kind, s.note, s.recorded_by \
               FROM support_contacts s \
               JOIN cases c ON c.id = s.case_id WHERE c.case_number = $1 \
              ORDER BY s.contact_on, s.id",
        )
        .bind(n.clone())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                Contact {
                    on: parse_date("support_contacts.contact_on", &r.try_get::<String, _>(0)?)?,
                    kind: parse_word("support_contacts.kind", &r.try_get::<String, _>(1)?)?,
                    note: r.try_get(2)?,
                },
                r.try_get(3)?,
            ))
        })
        .collect::<Result<_, StorageError>>()?;
        let keys = if with_health {
            Some(
                self.keys
                    .as_deref()
                    .ok_or_else(|| StorageError::NoKey(crate::sealed::NO_DATA_KEY.into()))?,
            )
        } else {
            None
        };
        let sql = format!(
            "SELECT c.case_number, {CHECKIN_COLUMNS} FROM wellbeing_checkins w \
               JOIN cases c ON c.id = w.case_id WHERE c.case_number = $1 ORDER BY w.months"
        );
        let checkins = sqlx::query(AssertSqlSafe(sql))
            .bind(n.clone())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| checkin(keys, r))
            .collect::<Result<_, _>>()?;
        let sql = format!(
            "SELECT {TASK_COLUMNS} FROM support_tasks t JOIN cases c ON c.id = t.case_id \
              WHERE c.case_number = $1 \
              ORDER BY CASE WHEN t.closed_on IS NULL THEN 0 ELSE 1 END, t.opened_on, t.id"
        );
        let tasks = sqlx::query(AssertSqlSafe(sql))
            .bind(n)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(task)
            .collect::<Result<_, _>>()?;
        Ok(SupportRecords {
            goals,
            contacts,
            checkins,
            tasks,
        })
    }

    /// The families in support (a plan, arrived) that `filter` lets through, with the
    /// check-in months they answered, by case number.
    pub async fn families_in_support(
        &self,
        filter: &CaseFilter,
    ) -> Result<Vec<SupportRow>, StorageError> {
        let (clause, binds) = filter.clause();
        let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
        let sql = format!(
            "SELECT c.case_number, sp.provider, sp.provider_kind, CAST(sp.starts_on AS TEXT), \
                    sp.months, CAST(a.arrived_on AS TEXT), g.code \
               FROM cases c JOIN support_plans sp ON sp.case_id = c.id \
               JOIN arrivals a ON a.case_id = c.id \
               JOIN programmes g ON g.id = c.programme_id{clause}{joiner} \
                    c.state = 'integration_support' \
              ORDER BY c.case_number"
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(&self.pool).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(SupportRow {
                case_number: r.try_get(0)?,
                plan: SupportPlan {
                    provider: r.try_get(1)?,
                    provider_kind: parse_word::<ProviderKind>(
                        "support_plans.provider_kind",
                        &r.try_get::<String, _>(2)?,
                    )?,
                    starts_on: parse_date("support_plans.starts_on", &r.try_get::<String, _>(3)?)?,
                    months: r.try_get::<i64, _>(4)? as u32,
                },
                arrived_on: parse_date("arrivals.arrived_on", &r.try_get::<String, _>(5)?)?,
                programme: r.try_get(6)?,
                answered: Vec::new(),
            });
        }
        let (clause, binds) = filter.clause();
        let sql = format!(
            "SELECT c.case_number, w.months FROM wellbeing_checkins w \
               JOIN cases c ON c.id = w.case_id \
               JOIN programmes g ON g.id = c.programme_id{clause} \
              ORDER BY c.case_number, w.months"
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        let answered = q.fetch_all(&self.pool).await?;
        for r in &answered {
            let number: String = r.try_get(0)?;
            if let Ok(i) = out.binary_search_by(|s| s.case_number.as_str().cmp(&number)) {
                out[i].answered.push(r.try_get::<i64, _>(1)? as u32);
            }
        }
        Ok(out)
    }

    /// The open tasks of the families `filter` lets through, oldest first.
    pub async fn open_support_tasks(
        &self,
        filter: &CaseFilter,
    ) -> Result<Vec<TaskRow>, StorageError> {
        let (clause, binds) = filter.clause();
        let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
        let sql = format!(
            "SELECT {TASK_COLUMNS} FROM support_tasks t JOIN cases c ON c.id = t.case_id \
               JOIN programmes g ON g.id = c.programme_id{clause}{joiner} t.closed_on IS NULL \
              ORDER BY t.opened_on, t.id"
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        q.fetch_all(&self.pool).await?.iter().map(task).collect()
    }

    /// The arrived families of `programme` with their check-ins (no health answers), by
    /// case number: what the cohort figures count.
    pub async fn cohort_families(
        &self,
        programme: &str,
    ) -> Result<Vec<CohortFamily>, StorageError> {
        let arrived = sqlx::query(
            "SELECT c.case_number, CAST(a.arrived_on AS TEXT) FROM arrivals a \
               JOIN cases c ON c.id = a.case_id \
               JOIN programmes g ON g.id = c.programme_id WHERE g.code = $1 \
              ORDER BY c.case_number",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<CohortFamily> = arrived
            .iter()
            .map(|r| {
                Ok(CohortFamily {
                    case_number: r.try_get(0)?,
                    arrived_on: parse_date("arrivals.arrived_on", &r.try_get::<String, _>(1)?)?,
                    checkins: Vec::new(),
                })
            })
            .collect::<Result<_, StorageError>>()?;
        let sql = format!(
            "SELECT c.case_number, {CHECKIN_COLUMNS} FROM wellbeing_checkins w \
               JOIN cases c ON c.id = w.case_id JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 ORDER BY c.case_number, w.months"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(programme.to_string())
            .fetch_all(&self.pool)
            .await?;
        for r in &rows {
            let number: String = r.try_get(0)?;
            if let Ok(i) = out.binary_search_by(|f| f.case_number.as_str().cmp(&number)) {
                out[i].checkins.push(checkin(None, r)?.checkin);
            }
        }
        Ok(out)
    }
}

/// Puts `plan` in place of the plan of case `case_id`.
pub(crate) async fn replace_plan(
    conn: &mut AnyConnection,
    case_id: i64,
    plan: &SupportPlan,
) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM support_plans WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO support_plans (case_id, provider, provider_kind, starts_on, months) \
         VALUES ($1, $2, $3, date($4), $5)",
    )
    .bind(case_id)
    .bind(plan.provider.clone())
    .bind(plan.provider_kind.as_str())
    .bind(codec::date(plan.starts_on))
    .bind(i64::from(plan.months))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The columns [`goal_row`] fills.
const GOAL_INSERT: &[&str] = &[
    "case_id",
    "goal_no",
    "kind",
    "member_no",
    "target_on",
    "reached_on",
];

/// The row of the goal at `index` (numbered from 1) of case `case_id`.
fn goal_row(case_id: i64, index: usize, g: &Goal) -> [Cell; 6] {
    [
        case_id.into(),
        (index as i64 + 1).into(),
        g.kind.as_str().into(),
        g.member_no.map(i64::from).into(),
        g.target_on.into(),
        g.reached_on.into(),
    ]
}

/// The columns [`checkin_row`] fills.
const CHECKIN_INSERT: &[&str] = &[
    "case_id",
    "months",
    "answered_on",
    "answered_by",
    "own_home",
    "own_kitchen",
    "own_shower",
    "rooms",
    "language_course",
    "schooling",
    "work",
    "health",
    "relatives_abroad",
    "feeling",
    "recorded_by",
];

/// The row of a check-in of case `case_id` (numbered `number`), its health answers sealed
/// and bound to the case and month.
fn checkin_row(
    keys: Option<&Keyring>,
    case_id: i64,
    number: &CaseNumber,
    checkin: &CheckIn,
    recorded_by: &str,
) -> Result<[Cell; 15], StorageError> {
    let health = seal_bound(
        keys,
        &health_context(number.as_str(), checkin.months),
        &health_word(checkin.health),
    )?;
    let list = |v: serde_json::Result<String>| v.expect("a list of words serialises");
    let h = &checkin.housing;
    Ok([
        case_id.into(),
        checkin.months.into(),
        checkin.answered_on.into(),
        checkin.answered_by.as_str().into(),
        Cell::from(h.own_home),
        Cell::from(h.own_kitchen),
        Cell::from(h.own_shower),
        h.rooms.into(),
        Cell::from(checkin.language_course),
        list(serde_json::to_string(&checkin.schooling)).into(),
        list(serde_json::to_string(&checkin.work)).into(),
        health.into(),
        checkin.relatives_abroad.into(),
        i64::from(checkin.feeling).into(),
        recorded_by.into(),
    ])
}

/// The columns [`task_row`] fills.
const TASK_INSERT: &[&str] = &["case_id", "kind", "member_no", "from_months", "opened_on"];

/// The row of the task `problem` opens, flagged by `checkin` of case `case_id`.
fn task_row(case_id: i64, problem: &Problem, checkin: &CheckIn) -> [Cell; 5] {
    [
        case_id.into(),
        problem.kind.as_str().into(),
        problem.member_no.map(i64::from).into(),
        checkin.months.into(),
        checkin.answered_on.into(),
    ]
}

/// A family's support as an import writes it with its case: the goals of the plan the
/// case file holds, and the check-ins, each with the problems it opens tasks for. The
/// caller checks each in the domain first, as it checks the case files.
#[derive(Debug, Clone)]
pub struct ImportedSupport {
    /// The family's case number, in the same batch.
    pub number: CaseNumber,
    /// The plan's goals, numbered from 1 in this order.
    pub goals: Vec<Goal>,
    /// Check-ins, each with the problems it opens tasks for.
    pub checkins: Vec<(CheckIn, Vec<Problem>)>,
}

/// Writes the goals, check-ins and tasks of `support`, whose cases `case_ids` names, as
/// [`Store::write_support_plan`] and [`Store::record_checkin`] would, in batches; by
/// `recorded_by`. The follow-up outcomes check-ins give are in the case files.
pub(crate) async fn insert_support(
    conn: &mut AnyConnection,
    keys: Option<&Keyring>,
    case_ids: &std::collections::HashMap<String, i64>,
    support: &[ImportedSupport],
    recorded_by: &str,
) -> Result<(), StorageError> {
    let mut goals = Rows::new("support_goals", GOAL_INSERT);
    let mut checkins = Rows::new("wellbeing_checkins", CHECKIN_INSERT);
    let mut tasks = Rows::new("support_tasks", TASK_INSERT);
    for s in support {
        let id = *case_ids
            .get(s.number.as_str())
            .ok_or_else(|| StorageError::Missing {
                what: "case",
                key: s.number.to_string(),
            })?;
        for (i, g) in s.goals.iter().enumerate() {
            goals.push(goal_row(id, i, g));
        }
        for (c, problems) in &s.checkins {
            checkins.push(checkin_row(keys, id, &s.number, c, recorded_by)?);
            for p in problems {
                tasks.push(task_row(id, p, c));
            }
        }
    }
    for rows in [goals, checkins, tasks] {
        rows.insert(conn, None).await?;
    }
    Ok(())
}
