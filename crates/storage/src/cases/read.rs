//! Reading one case with everything recorded about it, in one statement.
use resettle_domain::case::{
    CareNeed, Case, CaseEvent, CaseFile, CaseNumber, CaseState, FamilyMember, Promise,
};
use resettle_domain::country::CountryCode;
use resettle_domain::outcomes::FollowUp;
use resettle_domain::reunification::ReunificationRequest;
use resettle_domain::support::SupportPlan;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;
use sqlx::{AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::codec::{corrupt, parse_date, parse_timestamp, parse_word, parse_words};
use crate::columns::{Columns, json_rows};
use crate::stays::{STAY_COLUMNS, STAY_JOINS, stay};
use crate::{Backend, StorageError, Store};

/// A case as stored: its file, and the current state and version written beside the
/// events (the version counts the events; a writer must name it to change the case).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCase {
    /// The case with its history and related records.
    pub file: CaseFile,
    /// The programme the case belongs to.
    pub programme: String,
    /// Current state, as stored.
    pub state: CaseState,
    /// Number of events; the expected version of the next change.
    pub version: i64,
    /// When the case entered its current state.
    pub state_since: OffsetDateTime,
    /// The policy profile its programme runs under, read with the case so that the many
    /// uses that need both (a read, a step) do not look the programme up again.
    pub policy_profile: String,
    /// The names of the reception places its stays are at, by code (read with the stays,
    /// so showing them needs no list of the programme's places).
    pub place_names: BTreeMap<String, String>,
}

/// The columns of a promise read by [`promise`], with `p` the promises table.
pub(crate) const PROMISE_COLUMNS: &str = "p.kind, CAST(p.promised_date AS TEXT), \
     CAST(p.made_on AS TEXT), p.slip_reason, CAST(p.family_notified_on AS TEXT), \
     p.slip_reason_code";

/// A promise from a row whose columns, from `at`, are [`PROMISE_COLUMNS`].
pub(crate) fn promise(r: &impl Columns, at: usize) -> Result<Promise, StorageError> {
    Ok(Promise {
        kind: parse_word("promises.kind", &r.text(at)?)?,
        promised_date: parse_date("promises.promised_date", &r.text(at + 1)?)?,
        made_on: parse_date("promises.made_on", &r.text(at + 2)?)?,
        slip_reason: r.opt_text(at + 3)?,
        slip_reason_code: r.opt_text(at + 5)?,
        family_notified_on: r
            .opt_text(at + 4)?
            .map(|d| parse_date("promises.family_notified_on", &d))
            .transpose()?,
    })
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The columns of a family member read by [`member`], with `f` the family_members table.
pub(crate) const MEMBER_COLUMNS: &str = "f.member_no, f.full_name, \
     CAST(f.date_of_birth AS TEXT), f.sex, f.relationship, f.languages, f.education, \
     f.occupation";

/// A family member from a row whose columns, from `at`, are [`MEMBER_COLUMNS`].
pub(crate) fn member(r: &impl Columns, at: usize) -> Result<FamilyMember, StorageError> {
    Ok(FamilyMember {
        member_no: r.int(at)? as u32,
        full_name: r.text(at + 1)?,
        date_of_birth: parse_date("family_members.date_of_birth", &r.text(at + 2)?)?,
        sex: parse_word("family_members.sex", &r.text(at + 3)?)?,
        relationship: parse_word("family_members.relationship", &r.text(at + 4)?)?,
        languages: split_list(&r.text(at + 5)?),
        education: r.opt_text(at + 6)?,
        occupation: r.opt_text(at + 7)?,
    })
}

/// A member's care needs, opened from their sealed column.
pub(crate) fn care_needs(
    keys: Option<&resettle_secure::cipher::Keyring>,
    number: &str,
    member_no: u32,
    sealed: &str,
) -> Result<Vec<CareNeed>, StorageError> {
    split_list(&crate::sealed::open(
        keys,
        "care_needs",
        number,
        member_no,
        sealed,
    )?)
    .iter()
    .map(|n| parse_word("medical_records.care_needs", n))
    .collect()
}

/// An event from a row of `seq, at, actor, from_state, to_state, reason, payload,
/// reason_code`.
fn event(r: &impl Columns) -> Result<CaseEvent, StorageError> {
    let payload = r.text(6)?;
    Ok(CaseEvent {
        seq: r.int(0)? as u32,
        at: parse_timestamp("case_events.at", &r.text(1)?)?,
        actor: r.text(2)?,
        from: r
            .opt_text(3)?
            .map(|s| parse_word("case_events.from_state", &s))
            .transpose()?,
        to: parse_word("case_events.to_state", &r.text(4)?)?,
        reason: r.text(5)?,
        reason_code: r.opt_text(7)?,
        payload: serde_json::from_str(&payload)
            .map_err(|e| corrupt("case_events.payload", &payload, e))?,
    })
}

/// A request from a row of `relative_name, relationship, location, status, requested_on,
/// resolved_on, decision_reason, dependency, evidence, due_on`.
fn reunification(r: &impl Columns) -> Result<ReunificationRequest, StorageError> {
    let location = r.text(2)?;
    let day = |field, d: Option<String>| d.map(|d| parse_date(field, &d)).transpose();
    Ok(ReunificationRequest {
        relative_name: r.text(0)?,
        relationship: r.text(1)?,
        location: CountryCode::parse("location", &location)
            .map_err(|e| corrupt("reunification_requests.location", &location, e))?,
        status: parse_word("reunification_requests.status", &r.text(3)?)?,
        requested_on: parse_date("reunification_requests.requested_on", &r.text(4)?)?,
        resolved_on: day("reunification_requests.resolved_on", r.opt_text(5)?)?,
        reason: r.opt_text(6)?,
        dependency: parse_words("reunification_requests.dependency", &r.text(7)?)?,
        evidence: parse_words("reunification_requests.evidence", &r.text(8)?)?,
        due_on: day("reunification_requests.due_on", r.opt_text(9)?)?,
    })
}

/// A follow-up from a row of `member_no, months, employed (0 or 1), recorded_on`.
fn follow_up(r: &impl Columns) -> Result<FollowUp, StorageError> {
    Ok(FollowUp {
        member_no: r.int(0)? as u32,
        months: r.int(1)? as u32,
        employed: r.int(2)? == 1,
        recorded_on: parse_date("integration_outcomes.recorded_on", &r.text(3)?)?,
    })
}

/// A support plan from a row of `provider, starts_on, months, provider_kind`.
fn support_plan(r: &impl Columns) -> Result<SupportPlan, StorageError> {
    Ok(SupportPlan {
        provider: r.text(0)?,
        starts_on: parse_date("support_plans.starts_on", &r.text(1)?)?,
        months: r.int(2)? as u32,
        provider_kind: parse_word("support_plans.provider_kind", &r.text(3)?)?,
    })
}

/// The one statement reading a case: its row, its programme's code and policy profile,
/// its mission, place and sponsor group, and then each child list as the JSON text of
/// [`Backend::json_rows`], in the order the decoders below take them. Built once per
/// backend: the text is the same for every read (and so is sqlx's cached statement).
fn case_sql(backend: Backend) -> &'static str {
    static SQLITE: OnceLock<String> = OnceLock::new();
    static POSTGRES: OnceLock<String> = OnceLock::new();
    let cell = match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    };
    cell.get_or_init(|| {
        let list = |columns: &str, from: &str, order: &str| backend.json_rows(columns, from, order);
        let lists = [
            list(
                "x.category",
                "case_categories x WHERE x.case_id = c.id",
                "x.position",
            ),
            list(
                "x.linked_case_number",
                "case_links x WHERE x.case_id = c.id",
                "x.linked_case_number",
            ),
            list(
                MEMBER_COLUMNS,
                "family_members f WHERE f.case_id = c.id",
                "f.member_no",
            ),
            list(
                &format!("{STAY_COLUMNS}, r.name"),
                &format!("stays s {STAY_JOINS} WHERE s.case_id = c.id"),
                "s.from_on, s.id",
            ),
            list(
                "x.seq, CAST(x.at AS TEXT), x.actor, x.from_state, x.to_state, x.reason, \
                 x.payload, x.reason_code",
                "case_events x WHERE x.case_id = c.id",
                "x.seq",
            ),
            list(PROMISE_COLUMNS, "promises p WHERE p.case_id = c.id", "p.id"),
            list(
                super::medical::SELECT,
                "medical_records WHERE case_id = c.id",
                "member_no",
            ),
            list(
                "x.relative_name, x.relationship, x.location, x.status, \
                 CAST(x.requested_on AS TEXT), CAST(x.resolved_on AS TEXT), \
                 x.decision_reason, x.dependency, x.evidence, CAST(x.due_on AS TEXT)",
                "reunification_requests x WHERE x.case_id = c.id",
                "x.id",
            ),
            list(
                "x.provider, CAST(x.starts_on AS TEXT), x.months, x.provider_kind",
                "support_plans x WHERE x.case_id = c.id",
                "x.starts_on",
            ),
            list(
                "x.member_no, x.months, CAST(x.employed AS INTEGER), \
                 CAST(x.recorded_on AS TEXT)",
                "integration_outcomes x WHERE x.case_id = c.id",
                "x.months, x.member_no",
            ),
            list(
                "x.name, CAST(x.done_on AS TEXT)",
                "after_arrival_steps x WHERE x.case_id = c.id",
                "x.name",
            ),
        ];
        format!(
            "SELECT g.code, c.country_of_asylum, c.nationality, c.priority, c.channel, \
                    CAST(c.submitted_on AS TEXT), c.state, c.version, \
                    CAST(c.state_since AS TEXT), m.code, p.code, s.name, g.policy_profile, \
                    {} \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
               LEFT JOIN selection_missions m ON m.id = c.mission_id \
               LEFT JOIN reception_places p ON p.id = c.reception_place_id \
               LEFT JOIN sponsor_groups s ON s.id = c.sponsor_group_id \
              WHERE c.case_number = $1",
            lists.join(", ")
        )
    })
}

/// The rows of the child list in column `i` of [`case_sql`]'s row, each decoded by
/// `decode`.
fn list_of<T>(
    row: &sqlx::any::AnyRow,
    i: usize,
    field: &'static str,
    decode: impl FnMut(&Value) -> Result<T, StorageError>,
) -> Result<Vec<T>, StorageError> {
    json_rows(field, &row.text(i)?)?
        .iter()
        .map(decode)
        .collect()
}

impl Store {
    /// Every case number on record: one read where a file of many cases asks which it
    /// holds already (an import), instead of reading each case.
    pub async fn case_numbers(&self) -> Result<std::collections::HashSet<String>, StorageError> {
        let rows = sqlx::query("SELECT case_number FROM cases")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// The case with this number, or `None`: one statement, its child lists aggregated
    /// into the row ([`case_sql`]).
    pub async fn case(&self, number: &CaseNumber) -> Result<Option<StoredCase>, StorageError> {
        let Some(row) = sqlx::query(AssertSqlSafe(case_sql(self.backend)))
            .bind(number.as_str().to_string())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let programme = row.text(0)?;
        let country = |field: &'static str, v: String| {
            CountryCode::parse(field, &v).map_err(|e| corrupt(field, &v, e))
        };
        let case = Case {
            case_number: number.clone(),
            programme: programme.clone(),
            country_of_asylum: country("cases.country_of_asylum", row.text(1)?)?,
            nationality: country("cases.nationality", row.text(2)?)?,
            categories: list_of(&row, 13, "case_categories", |r| {
                parse_word("case_categories.category", &r.text(0)?)
            })?,
            priority: parse_word("cases.priority", &row.text(3)?)?,
            channel: parse_word("cases.channel", &row.text(4)?)?,
            submitted_on: parse_date("cases.submitted_on", &row.text(5)?)?,
            members: list_of(&row, 15, "family_members", |r| member(r, 0))?,
            linked_cases: list_of(&row, 14, "case_links", |r| {
                let v = r.text(0)?;
                CaseNumber::parse(&v).map_err(|e| corrupt("case_links.linked_case_number", &v, e))
            })?,
        };
        let mut place_names = BTreeMap::new();
        let stays = list_of(&row, 16, "stays", |r| {
            let stay = stay(r, 0)?;
            if let (Some(name), Some(code)) = (r.opt_text(7)?, &stay.place) {
                place_names.insert(code.clone(), name);
            }
            Ok(stay)
        })?;
        let keys = self.keys.as_deref();
        let file = CaseFile {
            case,
            events: list_of(&row, 17, "case_events", event)?,
            promises: list_of(&row, 18, "promises", |r| promise(r, 0))?,
            medical: list_of(&row, 19, "medical_records", |r| {
                super::medical::record(keys, number.as_str(), r)
            })?,
            reunification: list_of(&row, 20, "reunification_requests", reunification)?,
            mission: row.opt_text(9)?,
            reception_place: row.opt_text(10)?,
            sponsor_group: row.opt_text(11)?,
            support: list_of(&row, 21, "support_plans", support_plan)?
                .into_iter()
                .next(),
            outcomes: list_of(&row, 22, "integration_outcomes", follow_up)?,
            stays,
            after_arrival: list_of(&row, 23, "after_arrival_steps", |r| {
                Ok((
                    r.text(0)?,
                    parse_date("after_arrival_steps.done_on", &r.text(1)?)?,
                ))
            })?
            .into_iter()
            .collect(),
        };
        Ok(Some(StoredCase {
            file,
            programme,
            state: parse_word("cases.state", &row.text(6)?)?,
            version: row.int(7)?,
            state_since: parse_timestamp("cases.state_since", &row.text(8)?)?,
            policy_profile: row.text(12)?,
            place_names,
        }))
    }
}
