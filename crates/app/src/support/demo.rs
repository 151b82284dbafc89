//! The demo caseload's support: goals with the ones reached marked, and the wellbeing
//! check-ins that fell due by the demo's day, answered as a family in that situation
//! would (its home from its stays, work as its follow-up outcomes say, relatives abroad
//! from its open reunification requests). Some check-ins are left unanswered, so the work
//! list has overdue ones. Illustrative, like the whole demo. Each family's support is
//! checked and written with its case, in the demo's one transaction.
use resettle_domain::audit::AuditAction;
use resettle_domain::case::CaseFile;
use resettle_domain::outcomes::is_working_age;
use resettle_domain::reception::StayKind;
use resettle_domain::reunification::ReunificationStatus;
use resettle_domain::support::{
    CheckIn, Goal, GoalKind, HealthAccess, Housing, Respondent, SCHOOL_AGE, Schooling, SupportPlan,
    Work, checkins_due, default_goals,
};
use resettle_domain::support::{Problem, new_problems};
use resettle_storage::{ImportedSupport, NewAuditEntry};
use time::{Date, Duration};

use super::ENTITY;
use super::checkins::checkin_audit;
use crate::access::audit::succeeded;
use crate::{AppError, Caller};

/// A number in [0, 1) from text, the same on every run.
type Unit = fn(&str) -> f64;

/// Whether the family lives in a home of its own (its own, or the one its sponsor group
/// found) on `day`.
fn own_home(file: &CaseFile, day: Date) -> bool {
    file.stays
        .iter()
        .find(|s| s.is_current_on(day))
        .is_some_and(|s| matches!(s.kind, StayKind::Home | StayKind::Sponsor))
}

/// The plan's goals, those reached marked: housing when the family moved into a home,
/// the others on their target day for most families.
pub(crate) fn goals(file: &CaseFile, plan: &SupportPlan, as_of: Date, unit: Unit) -> Vec<Goal> {
    let number = file.case.case_number.as_str();
    default_goals(file, plan)
        .into_iter()
        .map(|mut g| {
            let key = format!("{number}:{}:{:?}", g.kind, g.member_no);
            g.reached_on = match g.kind {
                GoalKind::OwnHousing => file
                    .stays
                    .iter()
                    .find(|s| matches!(s.kind, StayKind::Home | StayKind::Sponsor))
                    .map(|s| s.from.max(plan.starts_on)),
                GoalKind::FamilyAbroad => None,
                _ => (unit(&key) < 0.8).then_some(g.target_on),
            }
            .filter(|&d| d <= as_of && d <= plan.ends_on());
            g
        })
        .collect()
}

/// The check-ins of `file` that fell due by `as_of` under `checkin_months`, most of them
/// answered a few days after they fell due.
pub(crate) fn checkins(
    file: &CaseFile,
    checkin_months: &[u32],
    as_of: Date,
    unit: Unit,
) -> Vec<CheckIn> {
    let Some(arrived) = file.arrived_on() else {
        return Vec::new();
    };
    let number = file.case.case_number.as_str();
    let travelled = file.travelling();
    let pending = file
        .reunification
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                ReunificationStatus::Requested | ReunificationStatus::Approved
            )
        })
        .count() as u32;
    checkins_due(arrived, checkin_months, &[], as_of)
        .into_iter()
        .filter(|d| unit(&format!("{number}:{}:answered", d.months)) < 0.85)
        .map(|d| {
            let key = |what: &str| unit(&format!("{number}:{}:{what}", d.months));
            let answered_on = (d.due_on + Duration::days((key("day") * 14.0) as i64)).min(as_of);
            let home = own_home(file, answered_on);
            let members = file
                .case
                .members
                .iter()
                .filter(|m| travelled.contains(&m.member_no));
            CheckIn {
                months: d.months,
                answered_on,
                answered_by: if key("by") < 0.25 {
                    Respondent::Family
                } else {
                    Respondent::Staff
                },
                housing: Housing {
                    own_home: home,
                    own_kitchen: home || key("kitchen") < 0.3,
                    own_shower: home || key("shower") < 0.4,
                    rooms: if home {
                        2 + (key("rooms") * 3.0) as u32
                    } else {
                        1
                    },
                },
                language_course: key("language") < 0.8,
                schooling: members
                    .clone()
                    .filter(|m| SCHOOL_AGE.contains(&m.age_on(answered_on)))
                    .map(|m| Schooling {
                        member_no: m.member_no,
                        in_school: unit(&format!("{number}:{}:{}:school", d.months, m.member_no))
                            < 0.93,
                    })
                    .collect(),
                work: members
                    .filter(|m| is_working_age(m.date_of_birth, answered_on))
                    .map(|m| {
                        let recorded = file
                            .outcomes
                            .iter()
                            .find(|o| o.member_no == m.member_no && o.months == d.months)
                            .map(|o| o.employed);
                        let k = |what: &str| {
                            unit(&format!("{number}:{}:{}:{what}", d.months, m.member_no))
                        };
                        let working =
                            recorded.unwrap_or(k("work") < 0.4 * f64::from(d.months) / 18.0);
                        Work {
                            member_no: m.member_no,
                            working,
                            training: !working && k("training") < 0.4,
                            matches_qualification: working && k("match") < 0.35,
                        }
                    })
                    .collect(),
                health: (key("health") < 0.9).then(|| HealthAccess {
                    registered_with_doctor: key("doctor") < 0.9,
                    care_when_needed: key("care") < 0.75,
                }),
                relatives_abroad: pending,
                feeling: 2 + (key("feeling") * 4.0).min(3.0) as u8,
            }
        })
        .collect()
}

/// A demo family's support, to be written with its case: the goals of its plan (those
/// reached marked) and the check-ins that fell due by the demo's day, each checked as
/// [`crate::App::set_support_plan`], [`crate::App::reach_goal`] and any check-in are, with the tasks it
/// opens, and the audit entries recording them. The follow-up outcomes the check-ins give
/// are recorded in `f` itself, replacing those of the same member and follow-up, as a
/// check-in does; `None` for a family without a plan. A few hundred bytes a family, held
/// only for the batch it is written in.
pub(crate) fn demo_support(
    f: &mut resettle_domain::case::CaseFile,
    caller: &Caller,
    checkin_months: &[u32],
    as_of: Date,
    today: Date,
    unit: fn(&str) -> f64,
) -> Result<Option<(ImportedSupport, Vec<NewAuditEntry>)>, AppError> {
    let Some(plan) = f.support.clone() else {
        return Ok(None);
    };
    let number = f.case.case_number.clone();
    let refused = |e: resettle_domain::ParseError| {
        AppError::internal(&format!("the support of demo case {number}"), e)
    };
    let goals = goals(f, &plan, as_of, unit);
    for g in &goals {
        g.check(f, &plan, today).map_err(refused)?;
    }
    let mut audit = vec![succeeded(
        caller,
        AuditAction::Write,
        ENTITY,
        number.as_str(),
        "",
        "demo plan",
    )];
    let mut open: Vec<Problem> = Vec::new();
    let mut answered = Vec::new();
    for c in checkins(f, checkin_months, as_of, unit) {
        c.check(f, checkin_months, today).map_err(refused)?;
        let problems = new_problems(&c, &open);
        for o in c.follow_ups(f, today) {
            f.outcomes
                .retain(|k| (k.member_no, k.months) != (o.member_no, o.months));
            f.outcomes.push(o);
        }
        audit.push(checkin_audit(caller, number.as_str(), &c, &problems));
        open.extend(problems.iter().cloned());
        answered.push((c, problems));
    }
    Ok(Some((
        ImportedSupport {
            number,
            goals,
            checkins: answered,
        },
        audit,
    )))
}
