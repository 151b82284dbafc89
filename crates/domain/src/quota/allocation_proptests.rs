//! Property tests of the bounded split: sums exact, floors and caps held, monotone in needs.
use proptest::prelude::*;

use super::apportion_bounded;

/// Weights with floors and caps that always leave room for `total`.
fn bounded() -> impl Strategy<Value = (u64, Vec<u64>, Vec<u64>, Vec<Option<u64>>)> {
    prop::collection::vec(
        (1u64..2_000_000, 0u64..50, prop::option::of(50u64..5_000)),
        1..8,
    )
    .prop_flat_map(|parts| {
        let floors: u64 = parts.iter().map(|p| p.1).sum();
        let reach: Option<u64> = parts.iter().map(|p| p.2).sum();
        let most = reach.unwrap_or(20_000).max(floors);
        (floors..=most, Just(parts))
    })
    .prop_map(|(total, parts)| {
        let w = parts.iter().map(|p| p.0).collect();
        let l = parts.iter().map(|p| p.1).collect();
        let u = parts.iter().map(|p| p.2).collect();
        (total, w, l, u)
    })
}

proptest! {
    #[test]
    fn parts_sum_exactly_within_their_floors_and_caps((total, w, l, u) in bounded()) {
        let parts = apportion_bounded(total, &w, &l, &u).unwrap();
        prop_assert_eq!(parts.iter().sum::<u64>(), total);
        for i in 0..parts.len() {
            prop_assert!(parts[i] >= l[i], "part {} below its floor", i);
            if let Some(cap) = u[i] {
                prop_assert!(parts[i] <= cap, "part {} above its cap", i);
            }
        }
    }

    /// More need never costs a situation more than the one person rounding can move (the
    /// exact share is monotone; the largest remainder may shift one person).
    #[test]
    fn a_part_whose_need_grows_does_not_shrink((total, w, l, u) in bounded(), i in 0usize..8, more in 1u64..1_000_000) {
        let i = i % w.len();
        let before = apportion_bounded(total, &w, &l, &u).unwrap();
        let mut w2 = w.clone();
        w2[i] += more;
        let after = apportion_bounded(total, &w2, &l, &u).unwrap();
        prop_assert!(after[i] + 1 >= before[i], "{} then {}", before[i], after[i]);
    }

    /// Without bounds the split is the plain largest remainder: each part within one
    /// person of its exact proportional share.
    #[test]
    fn unbounded_parts_are_within_one_of_their_share(total in 0u64..100_000, w in prop::collection::vec(1u64..1_000_000, 1..8)) {
        let n = w.len();
        let parts = apportion_bounded(total, &w, &vec![0; n], &vec![None; n]).unwrap();
        let sum: u64 = w.iter().sum();
        for i in 0..n {
            let exact = total as f64 * w[i] as f64 / sum as f64;
            prop_assert!((parts[i] as f64 - exact).abs() < 1.0 + 1e-6);
        }
    }
}

proptest! {
    /// A year's lines add up to its places (target, plus emergency on top), the floored
    /// situation gets its share, and each channel gets exactly its places.
    #[test]
    fn a_years_lines_add_up_and_hold_the_floor(
        target in 0u64..20_000,
        emergency in 0u64..500,
        needs in prop::collection::vec(1u64..1_000_000, 1..5),
        floor in 0u32..=100,
        mission in 0u32..1_000,
        dossier in 0u32..1_000,
    ) {
        use crate::case::Channel;
        use crate::quota::{AllocationRules, PlanChannel, SituationNeed, YearInput, allocate_year};
        let rows: Vec<SituationNeed> = needs.iter().enumerate().map(|(i, &persons)| SituationNeed {
            year: 2021, situation: format!("s{i}"), nationalities: vec![], hosts: vec![],
            persons, source: "test".into(),
        }).collect();
        let rules = AllocationRules {
            floor_percent: [("s0".to_string(), floor)].into(),
            ..AllocationRules::default()
        };
        let per_channel = [(Channel::Mission, mission), (Channel::Dossier, dossier)];
        let a = allocate_year(&YearInput {
            year: 2022, target, emergency,
            needs: (2021, rows.iter().collect()),
            per_channel: &per_channel, default_channel: Channel::Mission, rules: &rules,
        }).unwrap();
        let sum = |f: &dyn Fn(&crate::quota::AllocationLine) -> bool| -> u64 {
            a.lines.iter().filter(|l| f(l)).map(|l| l.persons).sum()
        };
        prop_assert_eq!(sum(&|_| true), target + emergency);
        prop_assert!(sum(&|l| l.situation == "s0") * 100 >= (target + emergency) * u64::from(floor));
        prop_assert_eq!(sum(&|l| l.channel == PlanChannel::Emergency), emergency);
        if mission + dossier > 0 {
            let m = sum(&|l| l.channel == PlanChannel::Mission);
            let exact = target as f64 * f64::from(mission) / f64::from(mission + dossier);
            prop_assert!((m as f64 - exact).abs() < 1.0 + 1e-6);
        }
    }
}
