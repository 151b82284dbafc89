//! The wellbeing check-in: a short structured questionnaire on what the refugees the NGOs
//! interviewed spoke of — shared showers and no kitchen of their own, housing hard to
//! find, children's schooling, work below their qualifications, health care, and family
//! members still waiting abroad — and how the family feels things are going.
use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};
use time::Date;

use super::arrived;
use super::due::checkin_due;
use crate::ParseError;
use crate::calendar::{not_after_today, not_before};
use crate::case::CaseFile;
use crate::outcomes::{FOLLOW_UP_MONTHS, FollowUp, WORKING_AGE};
use crate::refusal::{Anchor, RefusalKind, Vocabulary};
use crate::word_enum;

/// Ages at which a child's schooling is asked about: compulsory school age in Belgium
/// (5 to 17 since 2020) and in the Netherlands (5 to 17, with a basic qualification
/// after 16).
pub const SCHOOL_AGE: RangeInclusive<i32> = 5..=17;

/// The most rooms a home is recorded with; more is a typing error.
const MAX_ROOMS: u32 = 20;
/// The most relatives abroad one check-in records.
const MAX_RELATIVES_ABROAD: u32 = 50;
/// How the family feels things are going: 1 (very badly) to 5 (very well).
const FEELING: RangeInclusive<u8> = 1..=5;

/// Who answered a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Respondent {
    /// The support worker, municipality or sponsor group, with the family.
    Staff,
    /// The family itself, on its status page, with its consent.
    Family,
}
word_enum!(Respondent, "answered_by", {
    Staff => "staff",
    Family => "family",
});

/// Where the family lives, as the NGOs' interviews describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Housing {
    /// A home of its own (rented or social housing), not a centre or a shared house.
    pub own_home: bool,
    /// A kitchen the family does not share.
    pub own_kitchen: bool,
    /// A shower the family does not share.
    pub own_shower: bool,
    /// Rooms the family lives in, kitchen and bathroom not counted.
    pub rooms: u32,
}

/// Whether one child of school age goes to school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schooling {
    /// The child.
    pub member_no: u32,
    /// Enrolled and attending.
    pub in_school: bool,
}

/// Whether one working-age adult works or trains, and whether the work fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    /// The adult.
    pub member_no: u32,
    /// Has paid work.
    pub working: bool,
    /// Follows a vocational training or a course towards work.
    #[serde(default)]
    pub training: bool,
    /// The work matches the person's qualifications and experience; `false` when not
    /// working.
    #[serde(default)]
    pub matches_qualification: bool,
}

/// Access to health care: special-category data, sealed in storage and shown only to
/// those who need it, as the medical record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthAccess {
    /// Every member is registered with a general practitioner.
    pub registered_with_doctor: bool,
    /// The family gets care when it needs it (no waiting lists, no refusals, an
    /// interpreter when needed).
    pub care_when_needed: bool,
}

/// One answered check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Which check-in: months after arrival, one of the profile's.
    pub months: u32,
    /// The day it was answered.
    pub answered_on: Date,
    /// Who answered.
    pub answered_by: Respondent,
    /// Where the family lives.
    pub housing: Housing,
    /// At least one adult follows a language course.
    pub language_course: bool,
    /// Every child of [`SCHOOL_AGE`] in the family, each once.
    pub schooling: Vec<Schooling>,
    /// Working-age adults' work, each at most once.
    pub work: Vec<Work>,
    /// Access to health care (sealed); `None` when the family chose not to answer, or
    /// when the reader may not see it.
    pub health: Option<HealthAccess>,
    /// Family members still abroad whom the family waits for.
    pub relatives_abroad: u32,
    /// How the family feels things are going, 1 (very badly) to 5 (very well).
    pub feeling: u8,
}

impl CheckIn {
    /// Refuses a check-in that cannot exist for `file`: a month the profile does not set
    /// (`checkin_months`), a family that has not arrived, an answer before the check-in
    /// falls due (the workspace lists it only from that day) or after `today`, a child or adult who is not a member or not of age, a child of
    /// school age left out, a member twice, or a count or scale out of range. The error
    /// names the field, e.g. `schooling[1].member_no`.
    pub fn check(
        &self,
        file: &CaseFile,
        checkin_months: &[u32],
        today: Date,
    ) -> Result<(), ParseError> {
        if !checkin_months.contains(&self.months) {
            return Err(ParseError::not_in_list(
                "months",
                self.months,
                checkin_months,
                Vocabulary::Plain,
            ));
        }
        let arrived = arrived(file)?;
        not_after_today("answered_on", self.answered_on, today)?;
        not_before("answered_on", self.answered_on, Anchor::Arrived, arrived)?;
        not_before(
            "answered_on",
            self.answered_on,
            Anchor::FollowUpDue(self.months),
            checkin_due(arrived, self.months),
        )?;
        if !(1..=MAX_ROOMS).contains(&self.housing.rooms) {
            return Err(ParseError::out_of_range(
                "housing.rooms",
                1,
                MAX_ROOMS,
                self.housing.rooms,
            ));
        }
        if self.relatives_abroad > MAX_RELATIVES_ABROAD {
            return Err(ParseError::out_of_range(
                "relatives_abroad",
                0,
                MAX_RELATIVES_ABROAD,
                self.relatives_abroad,
            ));
        }
        if !FEELING.contains(&self.feeling) {
            return Err(ParseError::out_of_range(
                "feeling",
                *FEELING.start(),
                *FEELING.end(),
                self.feeling,
            ));
        }
        self.check_schooling(file)?;
        self.check_work(file)
    }

    fn check_schooling(&self, file: &CaseFile) -> Result<(), ParseError> {
        let on = self.answered_on;
        let mut seen = BTreeSet::new();
        for (i, s) in self.schooling.iter().enumerate() {
            let within = |e: ParseError| e.within(format!("schooling[{i}]"));
            let age = member_age(file, s.member_no, on).map_err(within)?;
            if !SCHOOL_AGE.contains(&age) {
                return Err(within(ParseError::age_outside(
                    s.member_no,
                    on,
                    age,
                    &SCHOOL_AGE,
                )));
            }
            if !seen.insert(s.member_no) {
                return Err(within(ParseError::of(
                    "member_no",
                    RefusalKind::ListedTwice {
                        given: s.member_no.to_string(),
                    },
                )));
            }
        }
        let travelled = file.travelling();
        if let Some(missing) = file.case.members.iter().find(|m| {
            travelled.contains(&m.member_no)
                && SCHOOL_AGE.contains(&m.age_on(on))
                && !seen.contains(&m.member_no)
        }) {
            return Err(ParseError::of(
                "schooling",
                RefusalKind::SchoolingUnanswered {
                    member: missing.member_no,
                },
            ));
        }
        Ok(())
    }

    fn check_work(&self, file: &CaseFile) -> Result<(), ParseError> {
        let mut seen = BTreeSet::new();
        for (i, w) in self.work.iter().enumerate() {
            let within = |e: ParseError| e.within(format!("work[{i}]"));
            let age = member_age(file, w.member_no, self.answered_on).map_err(within)?;
            if !WORKING_AGE.contains(&age) {
                return Err(within(ParseError::age_outside(
                    w.member_no,
                    self.answered_on,
                    age,
                    &WORKING_AGE,
                )));
            }
            if !seen.insert(w.member_no) {
                return Err(within(ParseError::of(
                    "member_no",
                    RefusalKind::ListedTwice {
                        given: w.member_no.to_string(),
                    },
                )));
            }
            if w.matches_qualification && !w.working {
                return Err(within(ParseError::of(
                    "matches_qualification",
                    RefusalKind::NoWorkToMatch,
                )));
            }
        }
        Ok(())
    }

    /// The follow-up outcomes this check-in gives: at a follow-up (12 or 18 months), each
    /// adult's work, where the follow-up's own rules accept it for `file` by `today` (due,
    /// of working age then). These are what the placement model learns from, so a
    /// check-in and the outcomes it records must never disagree.
    pub fn follow_ups(&self, file: &CaseFile, today: Date) -> Vec<FollowUp> {
        if !FOLLOW_UP_MONTHS.contains(&self.months) {
            return Vec::new();
        }
        self.work
            .iter()
            .map(|w| FollowUp {
                member_no: w.member_no,
                months: self.months,
                employed: w.working,
                recorded_on: self.answered_on,
            })
            .filter(|o| o.check(file, today).is_ok())
            .collect()
    }

    /// Rooms per person living in the home: the travelling members share the rooms.
    pub fn rooms_per_person(&self, file: &CaseFile) -> f64 {
        let persons = file.travelling().len().max(1);
        f64::from(self.housing.rooms) / persons as f64
    }
}

/// The age on `on` of member `member_no`, or the refusal naming the member.
fn member_age(file: &CaseFile, member_no: u32, on: Date) -> Result<i32, ParseError> {
    file.case
        .members
        .iter()
        .find(|m| m.member_no == member_no)
        .map(|m| m.age_on(on))
        .ok_or_else(|| ParseError::not_in_family(member_no, file.case.members.len()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::testing::arrived_family;
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);
    const MONTHS: [u32; 4] = [3, 6, 12, 18];

    /// A complete answer for the test family (mother, member 1; girl born 2015, member 2).
    pub(crate) fn answer(months: u32, answered_on: Date) -> CheckIn {
        CheckIn {
            months,
            answered_on,
            answered_by: Respondent::Staff,
            housing: Housing {
                own_home: true,
                own_kitchen: true,
                own_shower: true,
                rooms: 2,
            },
            language_course: true,
            schooling: vec![Schooling {
                member_no: 2,
                in_school: true,
            }],
            work: vec![Work {
                member_no: 1,
                working: true,
                training: false,
                matches_qualification: false,
            }],
            health: Some(HealthAccess {
                registered_with_doctor: true,
                care_when_needed: true,
            }),
            relatives_abroad: 0,
            feeling: 4,
        }
    }

    fn refusal(c: &CheckIn) -> ParseError {
        let file = arrived_family(date!(2026 - 01 - 10));
        c.check(&file, &MONTHS, TODAY).unwrap_err()
    }

    #[test]
    fn a_complete_answer_after_arrival_is_accepted() {
        let file = arrived_family(date!(2026 - 01 - 10));
        answer(6, date!(2026 - 07 - 12))
            .check(&file, &MONTHS, TODAY)
            .unwrap();
        assert!((answer(6, TODAY).rooms_per_person(&file) - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn a_follow_up_check_in_gives_each_working_age_adults_outcome_and_others_none() {
        let file = arrived_family(date!(2025 - 01 - 10));
        let mut at_twelve = answer(12, date!(2026 - 01 - 12));
        // The girl (born 2015) listed as working is no outcome: not of working age.
        at_twelve.work.push(Work {
            member_no: 2,
            working: true,
            training: false,
            matches_qualification: false,
        });
        assert_eq!(
            at_twelve.follow_ups(&file, TODAY),
            vec![FollowUp {
                member_no: 1,
                months: 12,
                employed: true,
                recorded_on: date!(2026 - 01 - 12),
            }]
        );
        // Six months is a check-in, not a follow-up.
        assert!(
            answer(6, date!(2025 - 07 - 12))
                .follow_ups(&file, TODAY)
                .is_empty()
        );
        // Answered after today: the follow-up's own rules refuse it.
        assert!(
            at_twelve
                .follow_ups(&file, date!(2026 - 01 - 11))
                .is_empty()
        );
    }

    #[test]
    fn a_check_in_answered_before_it_falls_due_is_refused() {
        let e = refusal(&answer(12, date!(2026 - 03 - 01)));
        assert_eq!(
            e.to_string(),
            "answered_on: 2026-03-01 is before the 12-month follow-up is due (2027-01-10)"
        );
        let file = arrived_family(date!(2026 - 01 - 10));
        answer(6, date!(2026 - 07 - 10))
            .check(&file, &MONTHS, TODAY)
            .unwrap();
        assert!(
            answer(6, date!(2026 - 07 - 09))
                .check(&file, &MONTHS, TODAY)
                .is_err()
        );
    }

    #[test]
    fn impossible_answers_are_refused_naming_the_field() {
        let e = refusal(&answer(6, date!(2026 - 01 - 09)));
        assert_eq!(
            e.to_string(),
            "answered_on: 2026-01-09 is before the family arrived (2026-01-10)"
        );
        assert_eq!(refusal(&answer(7, TODAY)).field, "months");
        assert_eq!(
            refusal(&answer(6, date!(2026 - 11 - 24))).field,
            "answered_on"
        );
        let mut c = answer(6, TODAY);
        c.schooling[0].member_no = 7;
        assert_eq!(
            refusal(&c).to_string(),
            "schooling[0].member_no: 7 is not in the family (members 1 to 2)"
        );
        let mut c = answer(6, TODAY);
        c.schooling[0].member_no = 1;
        assert_eq!(refusal(&c).field, "schooling[0].member_no");
        let mut c = answer(6, TODAY);
        c.schooling.clear();
        assert_eq!(refusal(&c).field, "schooling");
        let mut c = answer(6, TODAY);
        c.work[0].member_no = 2;
        assert_eq!(refusal(&c).field, "work[0].member_no");
        let mut c = answer(6, TODAY);
        c.work.push(c.work[0]);
        assert_eq!(refusal(&c).field, "work[1].member_no");
        let mut c = answer(6, TODAY);
        c.work[0].working = false;
        c.work[0].matches_qualification = true;
        assert_eq!(refusal(&c).field, "work[0].matches_qualification");
        let mut c = answer(6, TODAY);
        c.feeling = 6;
        assert_eq!(refusal(&c).field, "feeling");
        let mut c = answer(6, TODAY);
        c.housing.rooms = 0;
        assert_eq!(refusal(&c).field, "housing.rooms");
        let mut c = answer(6, TODAY);
        c.relatives_abroad = 51;
        assert_eq!(refusal(&c).field, "relatives_abroad");
        let not_arrived = crate::case::tests_file();
        assert_eq!(
            answer(6, TODAY)
                .check(&not_arrived, &MONTHS, TODAY)
                .unwrap_err()
                .field,
            "case"
        );
    }
}
