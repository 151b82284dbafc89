//! How full a place is: the one definition of occupancy, which the reception page, the
//! capacity checks of placement and moves, and capacity forecasting all count by.
//!
//! **Occupancy.** The persons a place holds on a day are the persons of the stays at that
//! place that are current on that day: begun on or before it, and not ended on or before
//! it ([`Stay::is_current_on`]). A move ends the old stay and begins the new one on the
//! same day, so from that day the family counts at its new place and never at both. Which
//! stays take up capacity is the programme's reception model's: the stays at the places of
//! its phases (a centre and an LOI in Belgium, a municipality in the Netherlands) and in a
//! sponsor group's home (a group declares the persons it can house); a family's own home
//! never does. So a family that moved into a home no longer counts against its LOI, and a
//! family that has not arrived counts nowhere (what is promised to a place is a
//! reservation, counted apart by placement).
//!
//! Storage counts the same in SQL for speed, from an [`OccupancyRule`] (the day and the
//! kinds), and a test checks that it agrees with [`occupancy`].
use std::collections::BTreeMap;

use time::Date;

use super::stay::{Stay, StayKind};
use crate::policy::Reception;

/// What occupancy counts on one day under one reception model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccupancyRule {
    /// The day counted.
    pub day: Date,
    /// The kinds of stay that take up a place's capacity, in order.
    pub kinds: Vec<StayKind>,
}

impl OccupancyRule {
    /// The rule of `reception`'s model on `day`: its phases' kinds of place, and a sponsor
    /// group's home.
    pub fn on(reception: &Reception, day: Date) -> Self {
        let mut kinds: Vec<StayKind> = reception
            .phases
            .iter()
            .map(|p| StayKind::from(p.place))
            .chain([StayKind::Sponsor])
            .collect();
        kinds.sort();
        kinds.dedup();
        Self { day, kinds }
    }

    /// Whether `stay` takes up capacity on the rule's day.
    pub fn counts(&self, stay: &Stay) -> bool {
        self.kinds.contains(&stay.kind) && stay.is_current_on(self.day)
    }
}

/// The persons each place holds under `rule`, by the kind of stay and the place's code
/// (or the sponsor group's name); places holding nobody are absent.
pub fn occupancy<'a>(
    rule: &OccupancyRule,
    stays: impl IntoIterator<Item = &'a Stay>,
) -> BTreeMap<(StayKind, String), u32> {
    let mut held: BTreeMap<(StayKind, String), u32> = BTreeMap::new();
    for s in stays {
        if let (true, Some(place)) = (rule.counts(s), &s.place) {
            *held.entry((s.kind, place.clone())).or_default() += s.persons;
        }
    }
    held
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::Duration;
    use time::macros::date;

    use super::*;
    use crate::reception::stay::{Move, after_move, check_move, current};

    const START: Date = date!(2026 - 01 - 01);

    fn belgium() -> Reception {
        crate::reception::stay::tests::belgium()
    }

    #[test]
    fn a_housed_family_no_longer_counts_against_its_loi() {
        let be = belgium();
        let stays = [
            Stay {
                kind: StayKind::Loi,
                place: Some("LOI-GENT".into()),
                from: date!(2026 - 03 - 01),
                until: Some(date!(2026 - 08 - 01)),
                persons: 5,
                reason: String::new(),
                over_capacity_reason: None,
            },
            Stay {
                kind: StayKind::Home,
                place: None,
                from: date!(2026 - 08 - 01),
                until: None,
                persons: 5,
                reason: String::new(),
                over_capacity_reason: None,
            },
        ];
        let on = |day| occupancy(&OccupancyRule::on(&be, day), &stays);
        let gent = (StayKind::Loi, "LOI-GENT".to_string());
        assert_eq!(
            on(date!(2026 - 02 - 28)).get(&gent),
            None,
            "not yet arrived"
        );
        assert_eq!(on(date!(2026 - 03 - 01)).get(&gent), Some(&5));
        assert_eq!(on(date!(2026 - 07 - 31)).get(&gent), Some(&5));
        assert_eq!(
            on(date!(2026 - 08 - 01)).get(&gent),
            None,
            "housed that day"
        );
        assert!(on(date!(2026 - 11 - 23)).is_empty(), "a home is no place's");
        assert_eq!(
            OccupancyRule::on(&be, START).kinds,
            [StayKind::Centre, StayKind::Loi, StayKind::Sponsor]
        );
        let nl = crate::reception::stay::tests::netherlands();
        assert_eq!(
            OccupancyRule::on(&nl, START).kinds,
            [StayKind::Municipality, StayKind::Sponsor]
        );
    }

    /// Places a family may move between in the property tests: three centres and LOIs
    /// and a sponsor group; index 6 is the family's own home.
    const PLACES: [(StayKind, &str); 7] = [
        (StayKind::Centre, "C1"),
        (StayKind::Centre, "C2"),
        (StayKind::Loi, "L1"),
        (StayKind::Loi, "L2"),
        (StayKind::Loi, "L3"),
        (StayKind::Sponsor, "S1"),
        (StayKind::Home, ""),
    ];

    /// A family's stays from a list of (days after the last move, place index) moves,
    /// each checked as the app checks a move; moves the rules refuse are left out.
    fn walk(arrived_after: i64, persons: u32, moves: &[(i64, usize)]) -> Vec<Stay> {
        let arrived = START + Duration::days(arrived_after);
        let today = START + Duration::days(400);
        let mut stays: Vec<Stay> = Vec::new();
        let mut day = arrived;
        for &(gap, p) in moves {
            day += Duration::days(gap);
            let (kind, code) = PLACES[p % PLACES.len()];
            let next = Move {
                kind,
                place: (kind != StayKind::Home).then(|| code.to_string()),
                on: day,
                reason: "moved".into(),
            };
            if check_move(&stays, &next, Some(arrived), today).is_ok() {
                stays = after_move(&stays, &next, persons);
            }
        }
        stays
    }

    fn families() -> impl Strategy<Value = Vec<Vec<Stay>>> {
        proptest::collection::vec(
            (
                0i64..60,
                1u32..9,
                proptest::collection::vec((0i64..40, 0usize..7), 0..6),
            )
                .prop_map(|(a, persons, moves)| walk(a, persons, &moves)),
            0..12,
        )
    }

    proptest! {
        /// On every day, each family counts at most once, at the place of its current
        /// stay if that kind counts: the places' totals add up to the persons of the
        /// families in counted stays (conservation), and every stay list the moves build
        /// passes the stored-history check.
        #[test]
        fn occupancy_conserves_persons(families in families(), day in 0i64..200) {
            let be = belgium();
            let day = START + Duration::days(day);
            let rule = OccupancyRule::on(&be, day);
            let held = occupancy(&rule, families.iter().flatten());
            let mut counted = 0u32;
            for stays in &families {
                let arrived = stays.first().map(|s| s.from);
                prop_assert!(crate::reception::stay::check_stays(
                    stays, arrived, START + Duration::days(400)).is_ok());
                let current: Vec<&Stay> = stays.iter().filter(|s| s.is_current_on(day)).collect();
                prop_assert!(current.len() <= 1, "a family in two places on {}", day);
                if let Some(s) = current.first().filter(|s| rule.counts(s)) {
                    counted += s.persons;
                }
            }
            prop_assert_eq!(held.values().sum::<u32>(), counted);
            prop_assert!(held.values().all(|&n| n > 0));
        }

        /// Occupancy kept as a running ledger, day by day (persons in on the day a stay
        /// begins, out on the day it ends), never goes below zero and is, every day, what
        /// the definition counts.
        #[test]
        fn a_running_ledger_never_goes_negative_and_agrees(families in families()) {
            let be = belgium();
            let mut ledger: BTreeMap<(StayKind, String), i64> = BTreeMap::new();
            for d in 0..200 {
                let day = START + Duration::days(d);
                let counted = OccupancyRule { day, kinds: OccupancyRule::on(&be, day).kinds };
                for s in families.iter().flatten() {
                    let Some(place) = s.place.clone().filter(|_| counted.kinds.contains(&s.kind))
                    else { continue };
                    if s.from == day {
                        *ledger.entry((s.kind, place.clone())).or_default() += i64::from(s.persons);
                    }
                    if s.until == Some(day) {
                        *ledger.entry((s.kind, place)).or_default() -= i64::from(s.persons);
                    }
                }
                prop_assert!(ledger.values().all(|&n| n >= 0), "negative on {}", day);
                let defined = occupancy(&counted, families.iter().flatten());
                let kept: BTreeMap<_, _> = ledger
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(k, n)| (k.clone(), *n as u32))
                    .collect();
                prop_assert_eq!(&defined, &kept);
            }
        }

        /// A move takes the family's persons from the old place and adds them to the new
        /// one from the day of the move, and changes no other place.
        #[test]
        fn a_move_takes_persons_from_one_place_to_the_next(
            families in families(), persons in 1u32..9, to in 0usize..6, gap in 0i64..30
        ) {
            let be = belgium();
            let arrived = START;
            let first = Move { kind: StayKind::Centre, place: Some("C1".into()), on: arrived, reason: String::new() };
            let mine = after_move(&[], &first, persons);
            let (kind, code) = PLACES[to];
            let day = arrived + Duration::days(gap);
            let next = Move { kind, place: Some(code.into()), on: day, reason: "moved".into() };
            prop_assume!(check_move(&mine, &next, Some(arrived), START + Duration::days(400)).is_ok());
            let moved = after_move(&mine, &next, persons);
            prop_assert_eq!(current(&moved).map(|s| s.from), Some(day));
            let rule = OccupancyRule::on(&be, day);
            let others = occupancy(&rule, families.iter().flatten());
            let before = occupancy(&rule, families.iter().flatten().chain(&mine));
            let after = occupancy(&rule, families.iter().flatten().chain(&moved));
            let at = |m: &BTreeMap<(StayKind, String), u32>, k: StayKind, c: &str| {
                m.get(&(k, c.to_string())).copied().unwrap_or(0)
            };
            prop_assert_eq!(at(&before, StayKind::Centre, "C1"), at(&others, StayKind::Centre, "C1") + persons);
            prop_assert_eq!(at(&after, StayKind::Centre, "C1"), at(&others, StayKind::Centre, "C1"));
            prop_assert_eq!(at(&after, kind, code), at(&others, kind, code) + persons);
            prop_assert_eq!(after.values().sum::<u32>(), before.values().sum::<u32>());
        }
    }
}
