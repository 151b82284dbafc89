//! Reading one case with everything recorded about it.
use resettle_domain::case::{
    CareNeed, Case, CaseEvent, CaseFile, CaseNumber, CaseState, FamilyMember, MedicalRecord,
    Promise,
};
use resettle_domain::country::CountryCode;
use resettle_domain::outcomes::FollowUp;
use resettle_domain::reunification::ReunificationRequest;
use resettle_domain::support::SupportPlan;
use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use time::OffsetDateTime;

use crate::codec::{corrupt, parse_date, parse_timestamp, parse_word, parse_words};
use crate::{StorageError, Store};

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

fn get<T>(row: &AnyRow, i: usize) -> Result<T, StorageError>
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    Ok(row.try_get(i)?)
}

/// A promise from the six columns `kind, promised_date, made_on, slip_reason,
/// family_notified_on, slip_reason_code` of a row, the first at `at`.
pub(crate) fn promise(r: &AnyRow, at: usize) -> Result<Promise, StorageError> {
    Ok(Promise {
        kind: parse_word("promises.kind", &get::<String>(r, at)?)?,
        promised_date: parse_date("promises.promised_date", &get::<String>(r, at + 1)?)?,
        made_on: parse_date("promises.made_on", &get::<String>(r, at + 2)?)?,
        slip_reason: get(r, at + 3)?,
        slip_reason_code: get(r, at + 5)?,
        family_notified_on: get::<Option<String>>(r, at + 4)?
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

/// A family member from a row whose columns, from `at`, are those of [`members`]'s query
/// (member number, name, date of birth, sex, relationship, languages, education,
/// occupation).
pub(crate) fn member(r: &AnyRow, at: usize) -> Result<FamilyMember, StorageError> {
    Ok(FamilyMember {
        member_no: get::<i64>(r, at)? as u32,
        full_name: get(r, at + 1)?,
        date_of_birth: parse_date("family_members.date_of_birth", &get::<String>(r, at + 2)?)?,
        sex: parse_word("family_members.sex", &get::<String>(r, at + 3)?)?,
        relationship: parse_word("family_members.relationship", &get::<String>(r, at + 4)?)?,
        languages: split_list(&get::<String>(r, at + 5)?),
        education: get(r, at + 6)?,
        occupation: get(r, at + 7)?,
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

impl Store {
    /// Every case number on record: one read where a file of many cases asks which it
    /// holds already (an import), instead of reading each case.
    pub async fn case_numbers(&self) -> Result<std::collections::HashSet<String>, StorageError> {
        let rows = sqlx::query("SELECT case_number FROM cases")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// The case with this number, or `None`.
    pub async fn case(&self, number: &CaseNumber) -> Result<Option<StoredCase>, StorageError> {
        let Some(row) = sqlx::query(
            "SELECT c.id, g.code, c.country_of_asylum, c.nationality, c.priority, c.channel, \
                    CAST(c.submitted_on AS TEXT), c.state, c.version, \
                    CAST(c.state_since AS TEXT), m.code, p.code, s.name, g.policy_profile \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
               LEFT JOIN selection_missions m ON m.id = c.mission_id \
               LEFT JOIN reception_places p ON p.id = c.reception_place_id \
               LEFT JOIN sponsor_groups s ON s.id = c.sponsor_group_id \
              WHERE c.case_number = $1",
        )
        .bind(number.as_str().to_string())
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let id: i64 = get(&row, 0)?;
        let programme: String = get(&row, 1)?;
        let country = |field: &'static str, v: String| {
            CountryCode::parse(field, &v).map_err(|e| corrupt(field, &v, e))
        };
        let case = Case {
            case_number: number.clone(),
            programme: programme.clone(),
            country_of_asylum: country("cases.country_of_asylum", get(&row, 2)?)?,
            nationality: country("cases.nationality", get(&row, 3)?)?,
            categories: self.categories(id).await?,
            priority: parse_word("cases.priority", &get::<String>(&row, 4)?)?,
            channel: parse_word("cases.channel", &get::<String>(&row, 5)?)?,
            submitted_on: parse_date("cases.submitted_on", &get::<String>(&row, 6)?)?,
            members: self.members(id).await?,
            linked_cases: self.links(id).await?,
        };
        let (stays, place_names) = self.stays_of(id).await?;
        let file = CaseFile {
            case,
            events: self.events_of(id).await?,
            promises: self.promises_of(id).await?,
            medical: self.medical_of(id, number.as_str()).await?,
            reunification: self.reunification_of(id).await?,
            mission: get(&row, 10)?,
            reception_place: get(&row, 11)?,
            sponsor_group: get(&row, 12)?,
            support: self.support_of(id).await?,
            outcomes: self.outcomes_of(id).await?,
            stays,
            after_arrival: self.after_arrival_of(id).await?,
        };
        Ok(Some(StoredCase {
            file,
            programme,
            state: parse_word("cases.state", &get::<String>(&row, 7)?)?,
            version: get(&row, 8)?,
            state_since: parse_timestamp("cases.state_since", &get::<String>(&row, 9)?)?,
            policy_profile: get(&row, 13)?,
            place_names,
        }))
    }

    async fn rows(&self, sql: &'static str, id: i64) -> Result<Vec<AnyRow>, StorageError> {
        Ok(sqlx::query(sql).bind(id).fetch_all(&self.pool).await?)
    }

    async fn categories(
        &self,
        id: i64,
    ) -> Result<Vec<resettle_domain::case::SubmissionCategory>, StorageError> {
        self.rows(
            "SELECT category FROM case_categories WHERE case_id = $1 ORDER BY position",
            id,
        )
        .await?
        .iter()
        .map(|r| parse_word("case_categories.category", &get::<String>(r, 0)?))
        .collect()
    }

    async fn links(&self, id: i64) -> Result<Vec<CaseNumber>, StorageError> {
        self.rows(
            "SELECT linked_case_number FROM case_links WHERE case_id = $1 ORDER BY linked_case_number",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let v: String = get(r, 0)?;
            CaseNumber::parse(&v).map_err(|e| corrupt("case_links.linked_case_number", &v, e))
        })
        .collect()
    }

    async fn members(&self, id: i64) -> Result<Vec<FamilyMember>, StorageError> {
        self.rows(
            "SELECT f.member_no, f.full_name, CAST(f.date_of_birth AS TEXT), f.sex, \
                    f.relationship, f.languages, f.education, f.occupation \
               FROM family_members f WHERE f.case_id = $1 ORDER BY f.member_no",
            id,
        )
        .await?
        .iter()
        .map(|r| member(r, 0))
        .collect()
    }

    async fn medical_of(&self, id: i64, number: &str) -> Result<Vec<MedicalRecord>, StorageError> {
        let keys = self.keys.as_deref();
        sqlx::query(AssertSqlSafe(format!(
            "SELECT {} FROM medical_records WHERE case_id = $1 ORDER BY member_no",
            super::medical::SELECT
        )))
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| super::medical::record(keys, number, r))
        .collect()
    }

    /// The history of the case with this internal id, oldest first.
    pub(crate) async fn events_of(&self, id: i64) -> Result<Vec<CaseEvent>, StorageError> {
        self.rows(
            "SELECT seq, CAST(at AS TEXT), actor, from_state, to_state, reason, payload, \
                    reason_code \
               FROM case_events WHERE case_id = $1 ORDER BY seq",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let payload: String = get(r, 6)?;
            Ok(CaseEvent {
                seq: get::<i64>(r, 0)? as u32,
                at: parse_timestamp("case_events.at", &get::<String>(r, 1)?)?,
                actor: get(r, 2)?,
                from: get::<Option<String>>(r, 3)?
                    .map(|s| parse_word("case_events.from_state", &s))
                    .transpose()?,
                to: parse_word("case_events.to_state", &get::<String>(r, 4)?)?,
                reason: get(r, 5)?,
                reason_code: get(r, 7)?,
                payload: serde_json::from_str(&payload)
                    .map_err(|e| corrupt("case_events.payload", &payload, e))?,
            })
        })
        .collect()
    }

    async fn promises_of(&self, id: i64) -> Result<Vec<Promise>, StorageError> {
        self.rows(
            "SELECT kind, CAST(promised_date AS TEXT), CAST(made_on AS TEXT), slip_reason, \
                    CAST(family_notified_on AS TEXT), slip_reason_code \
               FROM promises WHERE case_id = $1 ORDER BY id",
            id,
        )
        .await?
        .iter()
        .map(|r| promise(r, 0))
        .collect()
    }

    async fn reunification_of(&self, id: i64) -> Result<Vec<ReunificationRequest>, StorageError> {
        self.rows(
            "SELECT relative_name, relationship, location, status, \
                    CAST(requested_on AS TEXT), CAST(resolved_on AS TEXT), decision_reason, \
                    dependency, evidence, CAST(due_on AS TEXT) \
               FROM reunification_requests WHERE case_id = $1 ORDER BY id",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            let location: String = get(r, 2)?;
            Ok(ReunificationRequest {
                relative_name: get(r, 0)?,
                relationship: get(r, 1)?,
                location: CountryCode::parse("location", &location)
                    .map_err(|e| corrupt("reunification_requests.location", &location, e))?,
                status: parse_word("reunification_requests.status", &get::<String>(r, 3)?)?,
                requested_on: parse_date(
                    "reunification_requests.requested_on",
                    &get::<String>(r, 4)?,
                )?,
                resolved_on: get::<Option<String>>(r, 5)?
                    .map(|d| parse_date("reunification_requests.resolved_on", &d))
                    .transpose()?,
                reason: get(r, 6)?,
                dependency: parse_words(
                    "reunification_requests.dependency",
                    &get::<String>(r, 7)?,
                )?,
                evidence: parse_words("reunification_requests.evidence", &get::<String>(r, 8)?)?,
                due_on: get::<Option<String>>(r, 9)?
                    .map(|d| parse_date("reunification_requests.due_on", &d))
                    .transpose()?,
            })
        })
        .collect()
    }

    async fn outcomes_of(&self, id: i64) -> Result<Vec<FollowUp>, StorageError> {
        self.rows(
            "SELECT member_no, months, CAST(employed AS INTEGER), CAST(recorded_on AS TEXT) \
               FROM integration_outcomes \
              WHERE case_id = $1 ORDER BY months, member_no",
            id,
        )
        .await?
        .iter()
        .map(|r| {
            Ok(FollowUp {
                member_no: get::<i64>(r, 0)? as u32,
                months: get::<i64>(r, 1)? as u32,
                employed: get::<i64>(r, 2)? == 1,
                recorded_on: parse_date("integration_outcomes.recorded_on", &get::<String>(r, 3)?)?,
            })
        })
        .collect()
    }

    async fn support_of(&self, id: i64) -> Result<Option<SupportPlan>, StorageError> {
        self.rows(
            "SELECT provider, CAST(starts_on AS TEXT), months, provider_kind FROM support_plans \
              WHERE case_id = $1",
            id,
        )
        .await?
        .first()
        .map(|r| {
            Ok(SupportPlan {
                provider: get(r, 0)?,
                starts_on: parse_date("support_plans.starts_on", &get::<String>(r, 1)?)?,
                months: get::<i64>(r, 2)? as u32,
                provider_kind: parse_word("support_plans.provider_kind", &get::<String>(r, 3)?)?,
            })
        })
        .transpose()
    }
}
