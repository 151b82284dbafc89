//! What the programme learns from the wellbeing check-ins, per arrival cohort: the share
//! of families in their own housing by month 6, in a language course, of children in
//! school, of adults in work and in work that matches their qualifications at 12 and 18
//! months, and of families still waiting for a relative abroad. Published with small
//! cells withheld, as every other aggregate.
use std::collections::BTreeMap;

use serde::Serialize;
use time::Date;

use crate::support::{CheckIn, OWN_HOUSING_BY_MONTH};

/// A share ready to publish: how many answered and how many of them said yes, both
/// withheld (`None`) when either the yes or the no count is small, so no handful of
/// families can be singled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Share {
    /// How many answered; `None` where withheld.
    pub of: Option<u64>,
    /// How many of them said yes; `None` where withheld.
    pub yes: Option<u64>,
}

impl Share {
    /// `yes` of `of`, withheld when the yes count, the no count or the whole is from 1
    /// to `threshold − 1`.
    pub fn published(yes: u64, of: u64, threshold: u64) -> Share {
        let small = |c: u64| c > 0 && c < threshold;
        if small(of) || small(yes) || small(of - yes) {
            Share {
                of: None,
                yes: None,
            }
        } else {
            Share {
                of: Some(of),
                yes: Some(yes),
            }
        }
    }
}

/// The figures of one arrival year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortFigures {
    /// The year the families arrived.
    pub arrival_year: i32,
    /// Families of the cohort with a check-in by month 6, and those in a home of their own.
    pub own_housing_by_month_6: Share,
    /// Families at their latest check-in, and those with an adult in a language course.
    pub language_course: Share,
    /// Children of school age at their family's latest check-in, and those in school.
    pub children_in_school: Share,
    /// Adults answered at the 12-month check-in, and those in work.
    pub employed_12: Share,
    /// Adults in work at 12 months, and those whose work matches their qualifications.
    pub qualification_match_12: Share,
    /// Adults answered at the 18-month check-in, and those in work.
    pub employed_18: Share,
    /// Adults in work at 18 months, and those whose work matches their qualifications.
    pub qualification_match_18: Share,
    /// Families at their latest check-in, and those still waiting for a relative abroad.
    pub reunification_pending: Share,
}

#[derive(Default)]
struct Counts {
    housing: (u64, u64),
    language: (u64, u64),
    school: (u64, u64),
    employed_12: (u64, u64),
    matched_12: (u64, u64),
    employed_18: (u64, u64),
    matched_18: (u64, u64),
    reunification: (u64, u64),
}

fn add(c: &mut (u64, u64), yes: bool) {
    c.0 += u64::from(yes);
    c.1 += 1;
}

/// The figures per arrival year of families that arrived on the given days with the given
/// check-ins (in any order), oldest year first; cohorts without a check-in are left out.
pub fn cohort_figures(families: &[(Date, Vec<CheckIn>)], threshold: u32) -> Vec<CohortFigures> {
    let mut years: BTreeMap<i32, Counts> = BTreeMap::new();
    for (arrived, checkins) in families {
        let Some(latest) = checkins.iter().max_by_key(|c| c.months) else {
            continue;
        };
        let c = years.entry(arrived.year()).or_default();
        if let Some(by_6) = checkins
            .iter()
            .filter(|c| c.months <= OWN_HOUSING_BY_MONTH)
            .max_by_key(|c| c.months)
        {
            add(&mut c.housing, by_6.housing.own_home);
        }
        add(&mut c.language, latest.language_course);
        for s in &latest.schooling {
            add(&mut c.school, s.in_school);
        }
        add(&mut c.reunification, latest.relatives_abroad > 0);
        for checkin in checkins {
            let (employed, matched) = match checkin.months {
                12 => (&mut c.employed_12, &mut c.matched_12),
                18 => (&mut c.employed_18, &mut c.matched_18),
                _ => continue,
            };
            for w in &checkin.work {
                add(employed, w.working);
                if w.working {
                    add(matched, w.matches_qualification);
                }
            }
        }
    }
    let t = u64::from(threshold);
    let share = |(yes, of): (u64, u64)| Share::published(yes, of, t);
    years
        .into_iter()
        .map(|(arrival_year, c)| CohortFigures {
            arrival_year,
            own_housing_by_month_6: share(c.housing),
            language_course: share(c.language),
            children_in_school: share(c.school),
            employed_12: share(c.employed_12),
            qualification_match_12: share(c.matched_12),
            employed_18: share(c.employed_18),
            qualification_match_18: share(c.matched_18),
            reunification_pending: share(c.reunification),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::{Housing, Respondent, Schooling, Work};
    use proptest::prelude::*;
    use time::macros::date;

    fn checkin(months: u32, own_home: bool, working: bool) -> CheckIn {
        CheckIn {
            months,
            answered_on: date!(2026 - 01 - 01),
            answered_by: Respondent::Staff,
            housing: Housing {
                own_home,
                own_kitchen: own_home,
                own_shower: own_home,
                rooms: 2,
            },
            language_course: true,
            schooling: vec![Schooling {
                member_no: 2,
                in_school: true,
            }],
            work: vec![Work {
                member_no: 1,
                working,
                training: false,
                matches_qualification: false,
            }],
            health: None,
            relatives_abroad: 0,
            feeling: 3,
        }
    }

    #[test]
    fn ten_families_publish_and_three_are_withheld() {
        let ten: Vec<_> = (0..10)
            .map(|i| {
                (
                    date!(2024 - 05 - 01),
                    vec![checkin(6, i < 5, false), checkin(12, true, i < 6)],
                )
            })
            .collect();
        let figures = cohort_figures(&ten, 5);
        assert_eq!(figures.len(), 1);
        let f = &figures[0];
        assert_eq!(f.arrival_year, 2024);
        assert_eq!(
            f.own_housing_by_month_6,
            Share {
                of: Some(10),
                yes: Some(5)
            }
        );
        assert_eq!(
            f.language_course,
            Share {
                of: Some(10),
                yes: Some(10)
            }
        );
        // 6 in work, 4 not: 4 is small, so both are withheld.
        assert_eq!(
            f.employed_12,
            Share {
                of: None,
                yes: None
            }
        );
        assert_eq!(
            f.employed_18,
            Share {
                of: Some(0),
                yes: Some(0)
            }
        );
        let three = cohort_figures(&ten[..3], 5);
        assert_eq!(
            three[0].language_course,
            Share {
                of: None,
                yes: None
            }
        );
    }

    proptest! {
        #[test]
        fn a_published_share_never_shows_a_small_count(
            yes in 0u64..40, no in 0u64..40, threshold in 2u64..11,
        ) {
            let s = Share::published(yes, yes + no, threshold);
            if let (Some(of), Some(y)) = (s.of, s.yes) {
                for count in [y, of - y, of] {
                    prop_assert!(count == 0 || count >= threshold);
                }
            } else {
                prop_assert!(s.of.is_none() && s.yes.is_none());
            }
        }
    }
}
