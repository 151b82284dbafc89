//! Problems a check-in flags, each of which opens a task for the provider: no housing of
//! its own half a year after arrival, a child not in school, a relative still abroad a
//! year after arrival.
use serde::Serialize;

use super::CheckIn;
use crate::word_enum;

/// From this check-in month on, a family without a home of its own is a problem: the
/// NGOs ask for housing as soon as possible after arrival, and the Belgian local
/// reception initiatives house families for at most six months.
pub const OWN_HOUSING_BY_MONTH: u32 = 6;

/// From this check-in month on, a relative still abroad is a problem: the reunification
/// of a 20-year-old son left in Turkey "had taken over a year".
pub const REUNIFICATION_BY_MONTH: u32 = 12;

/// What kind of problem a task follows up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemKind {
    /// No home of its own at or after [`OWN_HOUSING_BY_MONTH`].
    NoOwnHousing,
    /// A child of school age not in school.
    ChildNotInSchool,
    /// A family member still abroad at or after [`REUNIFICATION_BY_MONTH`].
    RelativeAbroad,
}
word_enum!(ProblemKind, "kind", {
    NoOwnHousing => "no_own_housing",
    ChildNotInSchool => "child_not_in_school",
    RelativeAbroad => "relative_abroad",
});

/// One flagged problem: its kind and, for a child, the member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The child not in school; `None` for the family's problems.
    pub member_no: Option<u32>,
}

impl CheckIn {
    /// The problems this check-in flags, in a fixed order.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.months >= OWN_HOUSING_BY_MONTH && !self.housing.own_home {
            out.push(Problem {
                kind: ProblemKind::NoOwnHousing,
                member_no: None,
            });
        }
        out.extend(
            self.schooling
                .iter()
                .filter(|s| !s.in_school)
                .map(|s| Problem {
                    kind: ProblemKind::ChildNotInSchool,
                    member_no: Some(s.member_no),
                }),
        );
        if self.months >= REUNIFICATION_BY_MONTH && self.relatives_abroad > 0 {
            out.push(Problem {
                kind: ProblemKind::RelativeAbroad,
                member_no: None,
            });
        }
        out
    }
}

/// The problems of `checkin` that need a new task: those not already followed by one of
/// the `open` tasks' problems, so a second check-in does not open the same task twice.
pub fn new_problems(checkin: &CheckIn, open: &[Problem]) -> Vec<Problem> {
    checkin
        .problems()
        .into_iter()
        .filter(|p| !open.contains(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::checkin::tests::answer;
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn a_family_still_in_a_centre_at_six_months_with_a_child_out_of_school_opens_two_tasks() {
        let mut c = answer(6, date!(2026 - 07 - 12));
        c.housing.own_home = false;
        c.schooling[0].in_school = false;
        c.relatives_abroad = 1;
        let expected = vec![
            Problem {
                kind: ProblemKind::NoOwnHousing,
                member_no: None,
            },
            Problem {
                kind: ProblemKind::ChildNotInSchool,
                member_no: Some(2),
            },
        ];
        assert_eq!(c.problems(), expected);
        assert_eq!(new_problems(&c, &expected[..1]), expected[1..]);
        c.months = 3;
        assert_eq!(c.problems(), expected[1..]);
    }

    proptest! {
        #[test]
        fn each_flag_follows_exactly_its_rule(
            months in prop_oneof![Just(3u32), Just(6), Just(12), Just(18)],
            own_home: bool,
            in_school: bool,
            relatives_abroad in 0u32..4,
        ) {
            let mut c = answer(months, date!(2026 - 11 - 01));
            c.housing.own_home = own_home;
            c.schooling[0].in_school = in_school;
            c.relatives_abroad = relatives_abroad;
            let kinds: Vec<ProblemKind> = c.problems().iter().map(|p| p.kind).collect();
            prop_assert_eq!(
                kinds.contains(&ProblemKind::NoOwnHousing),
                months >= 6 && !own_home
            );
            prop_assert_eq!(kinds.contains(&ProblemKind::ChildNotInSchool), !in_school);
            prop_assert_eq!(
                kinds.contains(&ProblemKind::RelativeAbroad),
                months >= 12 && relatives_abroad > 0
            );
            // Nothing already followed is opened again, and nothing new is missed.
            let all = c.problems();
            prop_assert!(new_problems(&c, &all).is_empty());
            prop_assert_eq!(new_problems(&c, &[]), all);
        }
    }
}
