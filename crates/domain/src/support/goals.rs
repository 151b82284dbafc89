//! A plan's goals with their target dates, and the contacts logged against the plan.
use serde::{Deserialize, Serialize};
use time::Date;

use super::checkin::SCHOOL_AGE;
use super::{OWN_HOUSING_BY_MONTH, SupportPlan, arrived};
use crate::ParseError;
use crate::calendar::{add_months, not_after, not_after_today, not_before};
use crate::case::CaseFile;
use crate::refusal::{Anchor, RefusalKind};
use crate::reunification::ReunificationStatus;
use crate::word_enum;

/// The longest note a contact keeps: a few lines, not a file.
const MAX_NOTE: usize = 1000;

/// What a goal is about: the steps the NGOs name for the first 18 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoalKind {
    /// A home of the family's own, with its own kitchen and shower.
    OwnHousing,
    /// A language course for the adults.
    LanguageCourse,
    /// One child enrolled in school.
    SchoolEnrolment,
    /// Registration with a general practitioner.
    DoctorRegistration,
    /// Work, or a training towards it.
    WorkOrTraining,
    /// Family members still abroad joined the family.
    FamilyAbroad,
}
word_enum!(GoalKind, "kind", {
    OwnHousing => "own_housing",
    LanguageCourse => "language_course",
    SchoolEnrolment => "school_enrolment",
    DoctorRegistration => "doctor_registration",
    WorkOrTraining => "work_or_training",
    FamilyAbroad => "family_abroad",
});

/// One goal of a support plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    /// What it is about.
    pub kind: GoalKind,
    /// The child a school enrolment is for, or the adult a goal is for; `None` for the
    /// family as a whole.
    pub member_no: Option<u32>,
    /// When it should be reached.
    pub target_on: Date,
    /// When it was reached; `None` while open.
    pub reached_on: Option<Date>,
}

impl Goal {
    /// Refuses a goal that cannot exist for `file` under `plan`: a target before the plan
    /// starts or after it ends, a member who is not in the family, a school enrolment
    /// without a child of school age, or a reach date before arrival or after `today`.
    pub fn check(
        &self,
        file: &CaseFile,
        plan: &SupportPlan,
        today: Date,
    ) -> Result<(), ParseError> {
        let arrived = arrived(file)?;
        not_before(
            "target_on",
            self.target_on,
            Anchor::SupportStarts,
            plan.starts_on,
        )?;
        not_after(
            "target_on",
            self.target_on,
            Anchor::SupportEnds,
            plan.ends_on(),
        )?;
        if let Some(reached) = self.reached_on {
            not_after_today("reached_on", reached, today)?;
            not_before("reached_on", reached, Anchor::Arrived, arrived)?;
        }
        let member = match self.member_no {
            None => None,
            Some(no) => Some(
                file.case
                    .members
                    .iter()
                    .find(|m| m.member_no == no)
                    .ok_or_else(|| ParseError::not_in_family(no, file.case.members.len()))?,
            ),
        };
        if self.kind == GoalKind::SchoolEnrolment {
            let Some(child) = member else {
                return Err(ParseError::of("member_no", RefusalKind::Missing));
            };
            let age = child.age_on(self.target_on);
            if !SCHOOL_AGE.contains(&age) {
                return Err(ParseError::age_outside(
                    child.member_no,
                    self.target_on,
                    age,
                    &SCHOOL_AGE,
                ));
            }
        }
        Ok(())
    }
}

/// The goals a new plan starts with, from what the file says: a language course and a
/// doctor within the first three months, school enrolment of every child of school age
/// within the first month, a home of its own by [`OWN_HOUSING_BY_MONTH`] after arrival,
/// work or training within a year, and — while a reunification request is open — the
/// family together by the end of the plan. Targets never fall outside the plan.
pub fn default_goals(file: &CaseFile, plan: &SupportPlan) -> Vec<Goal> {
    let arrived = file.arrived_on().unwrap_or(plan.starts_on);
    let within = |months: u32| {
        add_months(arrived, months)
            .max(plan.starts_on)
            .min(plan.ends_on())
    };
    let goal = |kind, member_no, target_on| Goal {
        kind,
        member_no,
        target_on,
        reached_on: None,
    };
    let mut goals = vec![goal(
        GoalKind::OwnHousing,
        None,
        within(OWN_HOUSING_BY_MONTH),
    )];
    goals.push(goal(GoalKind::LanguageCourse, None, within(3)));
    let travelled = file.travelling();
    for child in
        file.case.members.iter().filter(|m| {
            travelled.contains(&m.member_no) && SCHOOL_AGE.contains(&m.age_on(within(1)))
        })
    {
        goals.push(goal(
            GoalKind::SchoolEnrolment,
            Some(child.member_no),
            within(1),
        ));
    }
    goals.push(goal(GoalKind::DoctorRegistration, None, within(3)));
    goals.push(goal(GoalKind::WorkOrTraining, None, within(12)));
    if file.reunification.iter().any(|r| {
        matches!(
            r.status,
            ReunificationStatus::Requested | ReunificationStatus::Approved
        )
    }) {
        goals.push(goal(GoalKind::FamilyAbroad, None, plan.ends_on()));
    }
    goals
}

/// How a contact with the family took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactKind {
    /// A home visit.
    Visit,
    /// The family came to the provider's office.
    Office,
    /// A telephone or video call.
    Call,
    /// A written message.
    Message,
}
word_enum!(ContactKind, "kind", {
    Visit => "visit",
    Office => "office",
    Call => "call",
    Message => "message",
});

/// A contact or visit logged against a plan, with a short note of what it was about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The day of the contact.
    pub on: Date,
    /// How.
    pub kind: ContactKind,
    /// What it was about (no health details: those belong in a check-in's sealed part).
    pub note: String,
}

impl Contact {
    /// Refuses a contact before `plan` starts or after `today`, or an empty or overlong
    /// note.
    pub fn check(&self, plan: &SupportPlan, today: Date) -> Result<(), ParseError> {
        not_after_today("on", self.on, today)?;
        not_before("on", self.on, Anchor::SupportStarts, plan.starts_on)?;
        let len = self.note.trim().chars().count();
        if len == 0 {
            return Err(ParseError::of("note", RefusalKind::Missing));
        }
        if len > MAX_NOTE {
            return Err(ParseError::of(
                "note",
                RefusalKind::TooLong {
                    max: MAX_NOTE,
                    got: len,
                },
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{arrived_family, plan};
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn a_new_plan_starts_with_housing_language_school_doctor_and_work() {
        let file = arrived_family(date!(2026 - 01 - 10));
        let plan = plan(date!(2026 - 02 - 15));
        let goals = default_goals(&file, &plan);
        let kinds: Vec<_> = goals.iter().map(|g| (g.kind, g.member_no)).collect();
        assert_eq!(
            kinds,
            vec![
                (GoalKind::OwnHousing, None),
                (GoalKind::LanguageCourse, None),
                (GoalKind::SchoolEnrolment, Some(2)),
                (GoalKind::DoctorRegistration, None),
                (GoalKind::WorkOrTraining, None),
            ]
        );
        assert_eq!(goals[0].target_on, date!(2026 - 07 - 10));
        // A month after arrival is before the plan starts: the target is its first day.
        assert_eq!(goals[2].target_on, date!(2026 - 02 - 15));
        for g in &goals {
            g.check(&file, &plan, TODAY).unwrap();
        }
    }

    #[test]
    fn impossible_goals_and_contacts_are_refused_naming_the_field() {
        let file = arrived_family(date!(2026 - 01 - 10));
        let plan = plan(date!(2026 - 02 - 01));
        let goal = |kind, member_no, target_on| Goal {
            kind,
            member_no,
            target_on,
            reached_on: None,
        };
        let e = goal(GoalKind::SchoolEnrolment, Some(1), date!(2026 - 03 - 01))
            .check(&file, &plan, TODAY)
            .unwrap_err();
        assert_eq!(e.field, "member_no");
        assert!(e.reason().contains("member 1 is 40"), "{e}");
        let e = goal(GoalKind::SchoolEnrolment, None, date!(2026 - 03 - 01))
            .check(&file, &plan, TODAY)
            .unwrap_err();
        assert_eq!(e.field, "member_no");
        let e = goal(GoalKind::WorkOrTraining, Some(3), date!(2026 - 03 - 01))
            .check(&file, &plan, TODAY)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "member_no: 3 is not in the family (members 1 to 2)"
        );
        let e = goal(GoalKind::OwnHousing, None, date!(2026 - 01 - 31))
            .check(&file, &plan, TODAY)
            .unwrap_err();
        assert_eq!(e.field, "target_on");
        let e = goal(GoalKind::OwnHousing, None, date!(2027 - 08 - 02))
            .check(&file, &plan, TODAY)
            .unwrap_err();
        assert_eq!(e.field, "target_on");
        let mut reached = goal(GoalKind::OwnHousing, None, date!(2026 - 07 - 01));
        reached.reached_on = Some(date!(2026 - 01 - 09));
        assert_eq!(
            reached.check(&file, &plan, TODAY).unwrap_err().field,
            "reached_on"
        );

        let contact = |on, note: &str| Contact {
            on,
            kind: ContactKind::Visit,
            note: note.into(),
        };
        contact(date!(2026 - 02 - 01), "first visit")
            .check(&plan, TODAY)
            .unwrap();
        assert_eq!(
            contact(date!(2026 - 01 - 31), "x")
                .check(&plan, TODAY)
                .unwrap_err()
                .field,
            "on"
        );
        assert_eq!(
            contact(date!(2026 - 03 - 01), " ")
                .check(&plan, TODAY)
                .unwrap_err()
                .field,
            "note"
        );
        assert_eq!(
            contact(date!(2026 - 03 - 01), &"x".repeat(1001))
                .check(&plan, TODAY)
                .unwrap_err()
                .field,
            "note"
        );
    }
}
