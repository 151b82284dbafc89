//! The families a municipality, a sponsor group or a reception officer supports, with what
//! supporting them takes: who they are, where they live, their support plan, follow-ups and
//! whom to contact. A page of families is read in four queries, however many it holds.
use std::collections::{BTreeMap, BTreeSet};

use resettle_domain::case::{CareNeed, CaseState, FamilyMember};
use resettle_domain::support::SupportPlan;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use time::Date;

use crate::cases::{MEMBER_COLUMNS, care_needs, member};
use crate::codec::{corrupt, parse_date, parse_word};
use crate::{CaseFilter, ScopeFilter, StorageError, Store};

/// Which families to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyStage {
    /// Arrived and not yet ended (arrived, in reception, housed, in integration support),
    /// the latest arrival first.
    Arrived,
    /// On their way: a departure date set, the soonest departure first.
    Expected,
}

impl FamilyStage {
    fn states(self) -> &'static str {
        match self {
            FamilyStage::Arrived => "('arrived', 'in_reception', 'housed', 'integration_support')",
            FamilyStage::Expected => "('departure_scheduled')",
        }
    }

    /// The order of the stage's list, read per family from an index (the arrival's day,
    /// the departure date last told), so that only the families in scope are looked up.
    fn order(self) -> &'static str {
        match self {
            FamilyStage::Arrived => {
                "(SELECT a.arrived_on FROM arrivals a WHERE a.case_id = c.id) DESC, c.case_number"
            }
            FamilyStage::Expected => "c.departs_on, c.case_number",
        }
    }
}

/// The sponsor group receiving a family, with the contact person it named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SponsorContact {
    /// The group's name.
    pub name: String,
    /// Its contact person.
    pub contact: String,
}

/// Who recorded the case's latest step: a user with their organisation, or (in imported
/// histories) the organisation itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastActor {
    /// The user name or organisation recorded as the step's actor.
    pub actor: String,
    /// The actor's organisation, when the actor is a user.
    pub organisation: Option<String>,
}

/// One family with what its supporters need.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyRecord {
    /// UNHCR case number.
    pub case_number: String,
    /// Current state.
    pub state: CaseState,
    /// The members, principal applicant first.
    pub members: Vec<FamilyMember>,
    /// The day of the arrival step.
    pub arrived_on: Option<Date>,
    /// The departure date last told to the family.
    pub departure_date: Option<Date>,
    /// The home address the housing step recorded.
    pub address: Option<String>,
    /// The municipality the family lives in (or is received in).
    pub municipality: Option<String>,
    /// The reception place, by name.
    pub reception_place: Option<String>,
    /// The sponsor group receiving the family.
    pub sponsor_group: Option<SponsorContact>,
    /// The integration support plan.
    pub support: Option<SupportPlan>,
    /// Who recorded the latest step.
    pub last_actor: Option<LastActor>,
    /// The follow-ups (months after arrival) with at least one outcome recorded.
    pub follow_ups_recorded: BTreeSet<u32>,
}

/// A member's care needs, without the diagnosis behind them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberCareNeeds {
    /// The family member.
    pub member_no: u32,
    /// The needs.
    pub needs: Vec<CareNeed>,
    /// Whether the person consented to share them with the municipality or sponsor.
    pub consent_to_share: bool,
}

const FAMILY_COLUMNS: &str = "c.id, c.case_number, c.state, c.municipality, r.name, s.name, \
     s.contact, sp.provider, CAST(sp.starts_on AS TEXT), sp.months, CAST(a.arrived_on AS TEXT) AS arrived, \
     CAST(c.departs_on AS TEXT), \
     (SELECT e.payload FROM case_events e WHERE e.case_id = c.id \
        AND e.to_state = 'housed' ORDER BY e.seq DESC LIMIT 1), \
     (SELECT e.actor FROM case_events e WHERE e.case_id = c.id ORDER BY e.seq DESC LIMIT 1), \
     (SELECT o.name FROM case_events e JOIN users u ON u.username = e.actor \
        JOIN organisations o ON o.id = u.organisation_id \
       WHERE e.case_id = c.id AND e.seq = \
             (SELECT MAX(e2.seq) FROM case_events e2 WHERE e2.case_id = c.id)), \
     sp.provider_kind";

/// The column of [`FAMILY_COLUMNS`] holding the support provider's kind.
const FAMILY_PROVIDER_KIND: usize = 15;

const FAMILY_JOINS: &str = " FROM cases c JOIN programmes g ON g.id = c.programme_id \
     LEFT JOIN reception_places r ON r.id = c.reception_place_id \
     LEFT JOIN sponsor_groups s ON s.id = c.sponsor_group_id \
     LEFT JOIN support_plans sp ON sp.case_id = c.id \
     LEFT JOIN arrivals a ON a.case_id = c.id";

fn date_or_none(field: &'static str, v: Option<String>) -> Result<Option<Date>, StorageError> {
    v.map(|d| parse_date(field, &d)).transpose()
}

/// A family from a row of [`FAMILY_COLUMNS`], with its internal id; members and follow-ups
/// are filled in afterwards.
fn family(r: &AnyRow) -> Result<(i64, FamilyRecord), StorageError> {
    let support = match (
        r.try_get::<Option<String>, _>(7)?,
        r.try_get::<Option<String>, _>(8)?,
        r.try_get::<Option<i64>, _>(9)?,
    ) {
        (Some(provider), Some(starts_on), Some(months)) => Some(SupportPlan {
            provider,
            starts_on: parse_date("support_plans.starts_on", &starts_on)?,
            months: months as u32,
            provider_kind: parse_word(
                "support_plans.provider_kind",
                &r.try_get::<Option<String>, _>(FAMILY_PROVIDER_KIND)?
                    .unwrap_or_default(),
            )?,
        }),
        _ => None,
    };
    let address = r
        .try_get::<Option<String>, _>(12)?
        .map(|payload| {
            serde_json::from_str::<serde_json::Value>(&payload)
                .map_err(|e| corrupt("case_events.payload", &payload, e))
        })
        .transpose()?
        .and_then(|p| {
            p.get("address")
                .and_then(|a| a.as_str())
                .map(str::to_string)
        });
    Ok((
        r.try_get(0)?,
        FamilyRecord {
            case_number: r.try_get(1)?,
            state: parse_word("cases.state", &r.try_get::<String, _>(2)?)?,
            members: Vec::new(),
            municipality: r.try_get(3)?,
            reception_place: r.try_get(4)?,
            sponsor_group: match (r.try_get::<Option<String>, _>(5)?, r.try_get(6)?) {
                (Some(name), Some(contact)) => Some(SponsorContact { name, contact }),
                _ => None,
            },
            support,
            arrived_on: date_or_none("arrivals.arrived_on", r.try_get(10)?)?,
            departure_date: date_or_none("cases.departs_on", r.try_get(11)?)?,
            address,
            last_actor: r
                .try_get::<Option<String>, _>(13)?
                .map(|actor| -> Result<LastActor, sqlx::Error> {
                    Ok(LastActor {
                        actor,
                        organisation: r.try_get(14)?,
                    })
                })
                .transpose()?,
            follow_ups_recorded: BTreeSet::new(),
        },
    ))
}

/// `c.id IN (…)` for a list of internal ids (integers, written into the statement).
fn ids_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// One page of the families at `stage` within `scope` (the limits of a municipality,
    /// a sponsor group, …; they unite), and how many there are in all. `per_page` is
    /// bounded by the caller.
    pub async fn families(
        &self,
        scope: &[ScopeFilter],
        stage: FamilyStage,
        page: u32,
        per_page: u32,
    ) -> Result<(Vec<FamilyRecord>, i64), StorageError> {
        let filter = CaseFilter {
            scope: Some(scope.to_vec()),
            ..CaseFilter::default()
        };
        let (clause, binds) = filter.clause();
        // The cases in scope first, each then looked up by key and kept if in one of the
        // stage's states. Asked for both conditions on one table, SQLite walks the index
        // on state (migration 34) through every family in those states, 37,000 at 100,000
        // cases, to keep the few hundred in scope. `CROSS JOIN` is how SQLite is told the
        // order of a join (its left side is read first); PostgreSQL plans it as any join.
        let from = format!(
            " FROM (SELECT c.id FROM cases c JOIN programmes g ON g.id = c.programme_id{clause}) \
             AS scoped CROSS JOIN cases c WHERE c.id = scoped.id AND c.state IN {}",
            stage.states()
        );
        let mut count = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*){from}")));
        for b in &binds {
            count = count.bind(b.clone());
        }
        let total: i64 = count.fetch_one(&self.pool).await?.try_get(0)?;
        // The page's families first, in order, then what each needs for those alone: the
        // sub-queries per family (address, latest actor) and the joins run for a page, not
        // for every family in scope.
        let sql = format!(
            "SELECT c.id{from} ORDER BY {} LIMIT {per_page} OFFSET {}",
            stage.order(),
            u64::from(page.saturating_sub(1)) * u64::from(per_page)
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        let ids: Vec<i64> = q
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        if ids.is_empty() {
            return Ok((Vec::new(), total));
        }
        let list = ids_list(&ids);
        let mut found: BTreeMap<i64, FamilyRecord> = sqlx::query(AssertSqlSafe(format!(
            "SELECT {FAMILY_COLUMNS}{FAMILY_JOINS} WHERE c.id IN ({list})"
        )))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(family)
        .collect::<Result<_, _>>()?;
        let mut families: Vec<(i64, FamilyRecord)> = ids
            .iter()
            .filter_map(|id| found.remove(id).map(|f| (*id, f)))
            .collect();
        let mut members: BTreeMap<i64, Vec<FamilyMember>> = BTreeMap::new();
        for r in sqlx::query(AssertSqlSafe(format!(
            "SELECT f.case_id, {MEMBER_COLUMNS} FROM family_members f WHERE f.case_id IN ({list}) \
              ORDER BY f.case_id, f.member_no"
        )))
        .fetch_all(&self.pool)
        .await?
        {
            members
                .entry(r.try_get(0)?)
                .or_default()
                .push(member(&r, 1)?);
        }
        let mut recorded: BTreeMap<i64, BTreeSet<u32>> = BTreeMap::new();
        for r in sqlx::query(AssertSqlSafe(format!(
            "SELECT DISTINCT o.case_id, o.months FROM integration_outcomes o \
              WHERE o.case_id IN ({list})"
        )))
        .fetch_all(&self.pool)
        .await?
        {
            recorded
                .entry(r.try_get(0)?)
                .or_default()
                .insert(r.try_get::<i64, _>(1)? as u32);
        }
        for (id, f) in &mut families {
            f.members = members.remove(id).unwrap_or_default();
            f.follow_ups_recorded = recorded.remove(id).unwrap_or_default();
        }
        Ok((families.into_iter().map(|(_, f)| f).collect(), total))
    }

    /// The care needs recorded for the members of the named cases (by case number), only
    /// those consented to be shared if `consented_only`; diagnoses are not read.
    pub async fn care_needs_of(
        &self,
        numbers: &[String],
        consented_only: bool,
    ) -> Result<BTreeMap<String, Vec<MemberCareNeeds>>, StorageError> {
        let keys = self.keys.as_deref();
        let mut out: BTreeMap<String, Vec<MemberCareNeeds>> = BTreeMap::new();
        for chunk in numbers.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let consent = if consented_only {
                " AND m.consent_to_share"
            } else {
                ""
            };
            let sql = format!(
                "SELECT c.case_number, m.member_no, m.care_needs, \
                        CAST(m.consent_to_share AS INTEGER) \
                   FROM medical_records m JOIN cases c ON c.id = m.case_id \
                  WHERE c.case_number IN ({}){consent} ORDER BY c.case_number, m.member_no",
                placeholders.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for n in chunk {
                q = q.bind(n.clone());
            }
            for r in q.fetch_all(&self.pool).await? {
                let number: String = r.try_get(0)?;
                let member_no = r.try_get::<i64, _>(1)? as u32;
                let needs = care_needs(keys, &number, member_no, &r.try_get::<String, _>(2)?)?;
                if needs.is_empty() {
                    continue;
                }
                out.entry(number).or_default().push(MemberCareNeeds {
                    member_no,
                    needs,
                    consent_to_share: r.try_get::<i64, _>(3)? == 1,
                });
            }
        }
        Ok(out)
    }

    /// The municipalities families live or are received in, by name: what a reception
    /// officer chooses from to see one municipality's families.
    pub async fn family_municipalities(&self) -> Result<Vec<String>, StorageError> {
        sqlx::query(AssertSqlSafe(format!(
            "SELECT DISTINCT c.municipality FROM cases c \
              WHERE c.municipality IS NOT NULL AND c.state IN {} ORDER BY c.municipality",
            FamilyStage::Arrived.states()
        )))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok(r.try_get(0)?))
        .collect()
    }
}
