//! What the report to Parliament reads: the steps a programme's cases took in a period
//! (decisions, arrivals, departures called off) with the facts of each case, the earlier
//! steps and the members of those cases, the departure dates that slipped, and the
//! reunification requests. Rows, not sums: the report groups and suppresses them itself,
//! and a person is counted once however many rows name them.
use resettle_domain::case::{CaseState, PromiseKind, Sex};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use time::{Date, OffsetDateTime};

use crate::codec::{date, parse_date, parse_timestamp, parse_word};
use crate::{StorageError, Store};

/// Cases of a programme that stepped into one of `states` from `from` (inclusive) to
/// `until` (exclusive): the selection every query of this module narrows to.
#[derive(Debug, Clone, Copy)]
pub struct Period<'a> {
    /// Programme code.
    pub programme: &'a str,
    /// The steps that select a case.
    pub states: &'a [CaseState],
    /// First day of the period.
    pub from: Date,
    /// The day after the period.
    pub until: Date,
}

impl Period<'_> {
    /// `('accepted', 'refused')`: the states are the domain's own words, never input.
    fn states_sql(&self) -> String {
        let words: Vec<String> = self
            .states
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        format!("({})", words.join(", "))
    }

    /// The events of the period: `e` joined to its case `c`, with `$1` the programme and
    /// `$2`, `$3` the period's bounds (timestamps are ISO text, so a day compares as text).
    fn events_sql(&self) -> String {
        format!(
            "case_events e JOIN cases c ON c.id = e.case_id \
             JOIN programmes g ON g.id = c.programme_id \
             WHERE g.code = $1 AND e.to_state IN {} AND e.at >= date($2) AND e.at < date($3)",
            self.states_sql()
        )
    }

    fn bind<'q>(
        &self,
        q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
        q.bind(self.programme.to_string())
            .bind(date(self.from))
            .bind(date(self.until))
    }
}

/// One step of a case, with the facts of the case the report groups by.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStep {
    /// The case's row id, to join members and earlier steps.
    pub case_id: i64,
    /// UNHCR case number.
    pub case_number: String,
    /// Nationality of the principal applicant (ISO code).
    pub nationality: String,
    /// First country of asylum (ISO code).
    pub country_of_asylum: String,
    /// The primary UNHCR submission category, if any.
    pub primary_category: Option<String>,
    /// Whether the case was submitted with the `medical_needs` category (at any position):
    /// the report's "medical needs", read without opening anyone's medical record.
    pub medical_needs: bool,
    /// Persons in the family.
    pub family_size: i64,
    /// Day of submission.
    pub submitted_on: Date,
    /// The state the step left, if any.
    pub from: Option<CaseState>,
    /// The state it entered.
    pub to: CaseState,
    /// When.
    pub at: OffsetDateTime,
    /// Why, as recorded with the step.
    pub reason: String,
    /// The step's data (grounds, members accepted, slip codes).
    pub payload: serde_json::Value,
}

/// A member of a selected case, with what the report groups people by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportMember {
    /// The case's row id.
    pub case_id: i64,
    /// Number within the family.
    pub member_no: u32,
    /// Date of birth (after anonymisation only the year is true; the report's age bands
    /// are wide enough for that).
    pub date_of_birth: Date,
    /// Sex.
    pub sex: Sex,
}

/// A departure or interview date replaced by a later one, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlippedPromise {
    /// The case's row id.
    pub case_id: i64,
    /// Which date slipped.
    pub kind: PromiseKind,
    /// Why the earlier date was not kept, as recorded.
    pub reason: String,
    /// When the new date was given.
    pub made_on: Date,
    /// Persons in the family.
    pub family_size: i64,
}

/// A family reunification request, for the requests still waiting on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReunificationRow {
    /// Filed on.
    pub requested_on: Date,
    /// Last moved on (approved, refused, reunited), if it was.
    pub resolved_on: Option<Date>,
}

const STEP_COLUMNS: &str = "c.id, c.case_number, c.nationality, c.country_of_asylum, \
     (SELECT k.category FROM case_categories k WHERE k.case_id = c.id \
       ORDER BY k.position LIMIT 1), \
     (SELECT COUNT(*) FROM case_categories k WHERE k.case_id = c.id \
       AND k.category = 'medical_needs'), \
     c.family_size, CAST(c.submitted_on AS TEXT), e.from_state, e.to_state, CAST(e.at AS TEXT), \
     e.payload, e.reason";

fn step(r: &AnyRow) -> Result<CaseStep, StorageError> {
    let payload: String = r.try_get(11)?;
    Ok(CaseStep {
        case_id: r.try_get(0)?,
        case_number: r.try_get(1)?,
        nationality: r.try_get(2)?,
        country_of_asylum: r.try_get(3)?,
        primary_category: r.try_get(4)?,
        medical_needs: r.try_get::<i64, _>(5)? > 0,
        family_size: r.try_get(6)?,
        submitted_on: parse_date("cases.submitted_on", &r.try_get::<String, _>(7)?)?,
        from: r
            .try_get::<Option<String>, _>(8)?
            .map(|s| parse_word("case_events.from_state", &s))
            .transpose()?,
        to: parse_word("case_events.to_state", &r.try_get::<String, _>(9)?)?,
        at: parse_timestamp("case_events.at", &r.try_get::<String, _>(10)?)?,
        payload: serde_json::from_str(&payload)
            .map_err(|e| crate::codec::corrupt("case_events.payload", &payload, e))?,
        reason: r.try_get(12)?,
    })
}

impl Store {
    /// The steps into the period's states taken in the period, oldest first.
    pub async fn steps_in(&self, period: &Period<'_>) -> Result<Vec<CaseStep>, StorageError> {
        let sql = format!(
            "SELECT {STEP_COLUMNS} FROM {} ORDER BY e.at, c.id",
            period.events_sql()
        );
        period
            .bind(sqlx::query(AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(step)
            .collect()
    }

    /// Every step into `states`, at any time, of the cases the period selects (their
    /// acceptance before an arrival, say), oldest first.
    pub async fn earlier_steps(
        &self,
        period: &Period<'_>,
        states: &[CaseState],
    ) -> Result<Vec<CaseStep>, StorageError> {
        let wanted = Period { states, ..*period }.states_sql();
        let sql = format!(
            "SELECT {STEP_COLUMNS} FROM case_events e JOIN cases c ON c.id = e.case_id \
             WHERE e.to_state IN {wanted} AND e.case_id IN (SELECT e.case_id FROM {}) \
             ORDER BY e.at, c.id",
            period.events_sql()
        );
        period
            .bind(sqlx::query(AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(step)
            .collect()
    }

    /// The members of the cases the period selects.
    pub async fn members_in(&self, period: &Period<'_>) -> Result<Vec<ReportMember>, StorageError> {
        let sql = format!(
            "SELECT m.case_id, m.member_no, CAST(m.date_of_birth AS TEXT), m.sex \
               FROM family_members m \
             WHERE m.case_id IN (SELECT e.case_id FROM {}) ORDER BY m.case_id, m.member_no",
            period.events_sql()
        );
        period
            .bind(sqlx::query(AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                Ok(ReportMember {
                    case_id: r.try_get(0)?,
                    member_no: r.try_get::<i64, _>(1)? as u32,
                    date_of_birth: parse_date(
                        "family_members.date_of_birth",
                        &r.try_get::<String, _>(2)?,
                    )?,
                    sex: parse_word("family_members.sex", &r.try_get::<String, _>(3)?)?,
                })
            })
            .collect()
    }

    /// The promised dates of a programme replaced by later ones from `from` to `until`
    /// (exclusive), by the day the new date was given.
    pub async fn slipped_promises(
        &self,
        programme: &str,
        from: Date,
        until: Date,
    ) -> Result<Vec<SlippedPromise>, StorageError> {
        sqlx::query(
            "SELECT p.case_id, p.kind, p.slip_reason, CAST(p.made_on AS TEXT), c.family_size \
               FROM promises p JOIN cases c ON c.id = p.case_id \
               JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND p.slip_reason IS NOT NULL \
                AND p.made_on >= date($2) AND p.made_on < date($3) \
              ORDER BY p.made_on, p.id",
        )
        .bind(programme.to_string())
        .bind(date(from))
        .bind(date(until))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(SlippedPromise {
                case_id: r.try_get(0)?,
                kind: parse_word("promises.kind", &r.try_get::<String, _>(1)?)?,
                reason: r.try_get(2)?,
                made_on: parse_date("promises.made_on", &r.try_get::<String, _>(3)?)?,
                family_size: r.try_get(4)?,
            })
        })
        .collect()
    }

    /// A programme's reunification requests filed on or before `on`.
    pub async fn reunification_requests_by(
        &self,
        programme: &str,
        on: Date,
    ) -> Result<Vec<ReunificationRow>, StorageError> {
        sqlx::query(
            "SELECT CAST(r.requested_on AS TEXT), CAST(r.resolved_on AS TEXT) \
               FROM reunification_requests r \
               JOIN cases c ON c.id = r.case_id JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND r.requested_on <= date($2) ORDER BY r.requested_on, r.id",
        )
        .bind(programme.to_string())
        .bind(date(on))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(ReunificationRow {
                requested_on: parse_date(
                    "reunification_requests.requested_on",
                    &r.try_get::<String, _>(0)?,
                )?,
                resolved_on: r
                    .try_get::<Option<String>, _>(1)?
                    .map(|s| parse_date("reunification_requests.resolved_on", &s))
                    .transpose()?,
            })
        })
        .collect()
    }
}
