//! The persons behind the report's counts: who travelled with each arrival (a family
//! accepted in part leaves a member behind), and who was accepted or refused in each
//! decision. Each person is counted once per period, however many steps name their case.
use std::collections::{BTreeMap, BTreeSet};

use resettle_domain::case::{CaseState, Sex};
use resettle_domain::statistics::{AgeBand, FamilySize};
use resettle_storage::{CaseStep, ReportMember};
use serde::Serialize;
use serde_json::Value;

use super::counting::{Breakdown, Dimension, Rules, breakdown};

/// A person who arrived in the period, with what the report groups arrivals by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Traveller {
    /// The case's UNHCR case number.
    pub case_number: String,
    /// The person's number within the family.
    pub member_no: u32,
    /// The day the family arrived.
    pub arrived_on: time::Date,
    nationality: String,
    country_of_asylum: String,
    category: String,
    age_band: AgeBand,
    sex: Sex,
    family_size: FamilySize,
    /// 18 or over on arrival (allowances are per adult and per minor).
    pub adult: bool,
}

#[cfg(test)]
impl Traveller {
    /// A Syrian traveller of a family of two, for tests of what follows from arrivals.
    pub(crate) fn example(
        case_number: &str,
        member_no: u32,
        adult: bool,
        arrived_on: time::Date,
    ) -> Traveller {
        Traveller {
            case_number: case_number.into(),
            member_no,
            arrived_on,
            nationality: "SY".into(),
            country_of_asylum: "LB".into(),
            category: "lpn".into(),
            age_band: AgeBand::From18To34,
            sex: Sex::Female,
            family_size: FamilySize::of(2),
            adult,
        }
    }
}

/// The members a decision accepted, when it names them (a decision in part); `None` for
/// the whole family.
fn members_accepted(payload: &Value) -> Option<BTreeSet<u32>> {
    payload.get("members_accepted")?.as_array().map(|a| {
        a.iter()
            .filter_map(Value::as_u64)
            .map(|n| n as u32)
            .collect()
    })
}

/// Rows by the case they belong to, so each case finds its own without a scan.
fn by_case<T>(rows: &[T], case: impl Fn(&T) -> i64) -> BTreeMap<i64, Vec<&T>> {
    let mut map: BTreeMap<i64, Vec<&T>> = BTreeMap::new();
    for r in rows {
        map.entry(case(r)).or_default().push(r);
    }
    map
}

/// The latest of a case's `steps` before or at `step`.
fn latest_before<'a>(
    steps: &BTreeMap<i64, Vec<&'a CaseStep>>,
    step: &CaseStep,
) -> Option<&'a CaseStep> {
    steps
        .get(&step.case_id)?
        .iter()
        .copied()
        .filter(|s| s.at <= step.at)
        .max_by_key(|s| s.at)
}

/// The members of a case.
fn family<'a>(
    members: &'a BTreeMap<i64, Vec<&'a ReportMember>>,
    case_id: i64,
) -> impl Iterator<Item = &'a ReportMember> {
    members.get(&case_id).into_iter().flatten().copied()
}

/// The persons who arrived: the members each arrival's acceptance accepted, once each.
pub(crate) fn travellers(
    arrived: &[CaseStep],
    acceptances: &[CaseStep],
    members: &[ReportMember],
) -> Vec<Traveller> {
    let acceptances = by_case(acceptances, |s| s.case_id);
    let members = by_case(members, |m| m.case_id);
    let mut seen: BTreeSet<(i64, u32)> = BTreeSet::new();
    let mut out = Vec::new();
    for arrival in arrived {
        let accepted =
            latest_before(&acceptances, arrival).and_then(|a| members_accepted(&a.payload));
        let day = arrival.at.date();
        for m in family(&members, arrival.case_id) {
            if accepted.as_ref().is_some_and(|a| !a.contains(&m.member_no))
                || !seen.insert((m.case_id, m.member_no))
            {
                continue;
            }
            out.push(Traveller {
                case_number: arrival.case_number.clone(),
                member_no: m.member_no,
                arrived_on: day,
                nationality: arrival.nationality.clone(),
                country_of_asylum: arrival.country_of_asylum.clone(),
                category: arrival
                    .primary_category
                    .clone()
                    .unwrap_or_else(|| "none".into()),
                age_band: AgeBand::on(m.date_of_birth, day),
                sex: m.sex,
                family_size: FamilySize::of(arrival.family_size),
                adult: resettle_domain::calendar::age_on(m.date_of_birth, day) >= 18,
            });
        }
    }
    out
}

/// The arrivals by each of the report's dimensions.
pub(crate) fn arrival_breakdowns(travellers: &[Traveller], rules: &Rules) -> Vec<Breakdown> {
    let bands = AgeBand::ALL.iter().map(|b| b.as_str());
    let sizes = FamilySize::ALL.iter().map(|s| s.as_str());
    let sexes = Sex::ALL.iter().map(|s| s.as_str());
    vec![
        breakdown(
            Dimension::Nationality,
            [],
            travellers.iter().map(|t| t.nationality.clone()),
            rules,
        ),
        breakdown(
            Dimension::CountryOfAsylum,
            [],
            travellers.iter().map(|t| t.country_of_asylum.clone()),
            rules,
        ),
        breakdown(
            Dimension::Category,
            [],
            travellers.iter().map(|t| t.category.clone()),
            rules,
        ),
        breakdown(
            Dimension::AgeBand,
            bands,
            travellers.iter().map(|t| t.age_band.as_str()),
            rules,
        ),
        breakdown(
            Dimension::Sex,
            sexes,
            travellers.iter().map(|t| t.sex.as_str()),
            rules,
        ),
        breakdown(
            Dimension::FamilySize,
            sizes,
            travellers.iter().map(|t| t.family_size.as_str()),
            rules,
        ),
    ]
}

/// Days from each arrival's latest acceptance to the arrival, one per family.
pub(crate) fn acceptance_to_arrival(arrived: &[CaseStep], acceptances: &[CaseStep]) -> Vec<i64> {
    let acceptances = by_case(acceptances, |s| s.case_id);
    arrived
        .iter()
        .filter_map(|a| {
            latest_before(&acceptances, a).map(|acc| (a.at.date() - acc.at.date()).whole_days())
        })
        .collect()
}

/// A person a decision of the period was about, with the groups it is analysed by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decided {
    accepted: bool,
    age_band: AgeBand,
    family_size: FamilySize,
    medical_needs: bool,
}

/// The persons decided on: every member of a refused family is refused, of an accepted
/// family accepted, and a decision in part accepts those it names. A case decided twice
/// counts by its last decision.
pub(crate) fn decided(decisions: &[CaseStep], members: &[ReportMember]) -> Vec<Decided> {
    let mut last: BTreeMap<i64, &CaseStep> = BTreeMap::new();
    for d in decisions {
        last.insert(d.case_id, d);
    }
    let members = by_case(members, |m| m.case_id);
    let mut out = Vec::new();
    for d in last.values() {
        let named = members_accepted(&d.payload);
        for m in family(&members, d.case_id) {
            let accepted = match d.to {
                CaseState::Refused => false,
                _ => named.as_ref().is_none_or(|n| n.contains(&m.member_no)),
            };
            out.push(Decided {
                accepted,
                age_band: AgeBand::on(m.date_of_birth, d.at.date()),
                family_size: FamilySize::of(d.family_size),
                medical_needs: d.medical_needs,
            });
        }
    }
    out
}

/// Acceptances and refusals by the values of one dimension, with the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionTable {
    /// What the rows are.
    pub dimension: Dimension,
    /// One row per value.
    pub rows: Vec<DecisionRow>,
    /// Every person decided on.
    pub total: DecisionRow,
}

/// Persons accepted and refused in one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRow {
    /// The group's code; `total` for the total.
    pub code: String,
    /// Persons accepted; withheld when small.
    pub accepted: Option<u64>,
    /// Persons refused; withheld when small.
    pub refused: Option<u64>,
    /// Accepted among those decided, from the published counts; withheld with either.
    pub acceptance_rate: Option<f64>,
}

/// Decisions by family size, age band and medical needs.
pub(crate) fn decision_tables(people: &[Decided], rules: &Rules) -> Vec<DecisionTable> {
    let by = |dimension: Dimension, codes: Vec<&str>, key: &dyn Fn(&Decided) -> &str| {
        let count = |code: &str, accepted: bool| {
            people
                .iter()
                .filter(|p| p.accepted == accepted && key(p) == code)
                .count() as u64
        };
        let accepted: Vec<u64> = codes.iter().map(|c| count(c, true)).collect();
        let refused: Vec<u64> = codes.iter().map(|c| count(c, false)).collect();
        let a = rules.column(&accepted);
        let r = rules.column(&refused);
        let row = |code: &str, accepted: Option<u64>, refused: Option<u64>| DecisionRow {
            code: code.to_string(),
            accepted,
            refused,
            acceptance_rate: match (accepted, refused) {
                (Some(a), Some(r)) if rules.enough(a + r) => Some(a as f64 / (a + r) as f64),
                _ => None,
            },
        };
        DecisionTable {
            dimension,
            rows: codes
                .iter()
                .zip(a.cells.iter().zip(&r.cells))
                .map(|(code, (a, r))| row(code, *a, *r))
                .collect(),
            total: row("total", a.total, r.total),
        }
    };
    vec![
        by(
            Dimension::FamilySize,
            FamilySize::ALL.iter().map(|s| s.as_str()).collect(),
            &|p| p.family_size.as_str(),
        ),
        by(
            Dimension::AgeBand,
            AgeBand::ALL.iter().map(|b| b.as_str()).collect(),
            &|p| p.age_band.as_str(),
        ),
        by(Dimension::MedicalNeeds, vec!["yes", "no"], &|p| {
            if p.medical_needs { "yes" } else { "no" }
        }),
    ]
}

/// The grounds a step records: a text or a list of texts, joined; `not_recorded` when none.
fn grounds_of(value: Option<&Value>) -> String {
    let words: Vec<&str> = match value {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let words: Vec<&str> = words
        .into_iter()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "not_recorded".into()
    } else {
        words.join("; ")
    }
}

/// Persons refused in the period by the grounds cited: every member of a refused family
/// under the family's grounds, a member left out of a decision in part under theirs.
pub(crate) fn refusal_grounds(
    decisions: &[CaseStep],
    members: &[ReportMember],
    rules: &Rules,
) -> Breakdown {
    let mut last: BTreeMap<i64, &CaseStep> = BTreeMap::new();
    for d in decisions {
        last.insert(d.case_id, d);
    }
    let members = by_case(members, |m| m.case_id);
    let mut grounds: Vec<String> = Vec::new();
    for d in last.values() {
        let family = family(&members, d.case_id);
        match d.to {
            CaseState::Refused => {
                let g = grounds_of(d.payload.get("grounds"));
                grounds.extend(family.map(|_| g.clone()));
            }
            CaseState::AcceptedInPart => {
                let accepted = members_accepted(&d.payload).unwrap_or_default();
                // The member's own grounds where the step gives them, else the step's.
                let own: BTreeMap<u64, String> = d
                    .payload
                    .get("members_not_accepted")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|v| {
                        Some((v.get("member_no")?.as_u64()?, grounds_of(v.get("grounds"))))
                    })
                    .collect();
                for m in family.filter(|m| !accepted.contains(&m.member_no)) {
                    grounds.push(
                        own.get(&u64::from(m.member_no))
                            .cloned()
                            .unwrap_or_else(|| grounds_of(d.payload.get("grounds"))),
                    );
                }
            }
            _ => {}
        }
    }
    breakdown(Dimension::Ground, [], grounds, rules)
}
