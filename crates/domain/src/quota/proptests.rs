//! Property tests: keys are proper distributions, apportioning and paths sum exactly.
use proptest::prelude::*;

use super::{
    IndicatorSet, Indicators, KeyShare, Method, PathShape, Rounding, StateCode, Weights, apportion,
    apportion_plan, compute_shares, growth_path, key_of,
};

/// A distinct code for state number `i` (AA, AB, …).
fn code(i: usize) -> StateCode {
    let s: String = [
        (b'A' + (i / 26) as u8) as char,
        (b'A' + (i % 26) as u8) as char,
    ]
    .iter()
    .collect();
    StateCode::parse(&s).unwrap()
}

fn indicator_set() -> impl Strategy<Value = IndicatorSet> {
    prop::collection::vec((1e3..1e9f64, 1.0..1e7f64, 0.1..1e4f64, 0.5..40.0f64), 1..35).prop_map(
        |rows| {
            IndicatorSet::new(
                rows.into_iter()
                    .enumerate()
                    .map(|(i, (p, g, e, u))| Indicators {
                        state: code(i),
                        population: p,
                        gdp: g,
                        effort_per_million: e,
                        unemployment_rate: u,
                    })
                    .collect(),
            )
            .unwrap()
        },
    )
}

fn method() -> impl Strategy<Value = Method> {
    let custom = (
        (0.0..1.0f64, 0.0..1.0f64, 0.0..1.0f64, 0.001..1.0f64),
        prop::option::of(0.0..2.0f64),
    )
        .prop_map(|((p, g, e, u), cap)| {
            let s = p + g + e + u;
            Method::custom(
                Weights::new(p / s, g / s, e / s, 1.0 - (p + g + e) / s).unwrap(),
                cap,
            )
            .unwrap()
        });
    prop_oneof![
        Just(Method::Ec2015),
        Just(Method::Ec2015Capped),
        Just(Method::Dublin2016),
        Just(Method::Population),
        Just(Method::Gdp),
        custom,
    ]
}

proptest! {
    #[test]
    fn every_method_gives_shares_in_0_1_summing_to_1(set in indicator_set(), m in method()) {
        let shares = compute_shares(&set, &m).unwrap();
        prop_assert_eq!(shares.len(), set.len());
        for s in &shares {
            prop_assert!((0.0..=1.0).contains(&s.share), "{:?}", s);
        }
        let sum: f64 = shares.iter().map(|s| s.share).sum();
        prop_assert!((sum - 1.0).abs() < 1e-12, "sum {}", sum);
    }

    #[test]
    fn under_population_more_people_never_means_a_smaller_share(set in indicator_set()) {
        let shares = compute_shares(&set, &Method::Population).unwrap();
        for (a, sa) in set.rows().iter().zip(&shares) {
            for (b, sb) in set.rows().iter().zip(&shares) {
                if a.population > b.population {
                    prop_assert!(sa.share >= sb.share);
                }
            }
        }
    }

    #[test]
    fn apportion_sums_exactly_and_rounds_each_quota_down_or_up(
        total in 0u64..10_000_000,
        weights in prop::collection::vec(0.0..1.0f64, 1..40),
    ) {
        let sum: f64 = weights.iter().sum();
        prop_assume!(sum > 1e-6);
        let key: Vec<KeyShare> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| KeyShare { state: code(i), share: w / sum })
            .collect();
        let parts = apportion(total, &key).unwrap();
        prop_assert_eq!(parts.iter().map(|p| p.persons).sum::<u64>(), total);
        for (p, k) in parts.iter().zip(&key) {
            let exact = total as f64 * k.share;
            let (lo, hi) = ((exact - 1e-6).floor() as u64, (exact + 1e-6).ceil() as u64);
            prop_assert!(p.persons >= lo && p.persons <= hi, "{:?} exact {}", p, exact);
        }
    }

    #[test]
    fn growth_paths_sum_exactly_to_the_total(
        total in 0u64..1_000_000,
        years in 1u32..12,
        first in prop::collection::vec(0u64..100_000, 0..11),
        which in 0u8..3,
    ) {
        let shape = match which {
            0 => PathShape::Even,
            1 => PathShape::Linear,
            _ => PathShape::Given(first.into_iter().take(years as usize - 1).collect()),
        };
        match growth_path(total, years, 2022, &shape) {
            Ok(path) => {
                prop_assert_eq!(path.len(), years as usize);
                prop_assert_eq!(path.iter().map(|y| y.persons).sum::<u64>(), total);
                prop_assert_eq!(path[0].year, 2022);
                if !matches!(shape, PathShape::Given(_)) {
                    prop_assert!(path.windows(2).all(|w| w[0].persons <= w[1].persons));
                }
            }
            Err(e) => {
                // The only refusal possible here: given years above the total.
                let is_exceeds = matches!(e, super::QuotaError::PathExceedsTotal { .. });
                prop_assert!(is_exceeds, "{}", e);
            }
        }
    }

    /// The table under a plan and its headline are one computation: whatever the key and
    /// the share the plan used, the planned state's row is the plan's total, the rows sum
    /// to the regional target, and every other state gets the floor or ceiling of its
    /// share of the rest.
    #[test]
    fn a_plan_table_agrees_with_its_headline(
        set in indicator_set(), m in method(), pick in 0usize..35,
        target in 0u64..2_000_000, share in 0.0..1.0f64,
    ) {
        let key = key_of(&compute_shares(&set, &m).unwrap());
        let state = key[pick % key.len()].state.clone();
        let total = Rounding::Floor.apply(target as f64 * share);
        let rows = match apportion_plan(target, &state, share, total, &key) {
            Ok(rows) => rows,
            Err(e) => {
                // Only a key that leaves the other states nothing cannot take the rest.
                let rest: f64 = key.iter().filter(|k| k.state != state).map(|k| k.share).sum();
                prop_assert!(rest <= 0.0 && total < target, "{e}");
                return Ok(());
            }
        };
        prop_assert_eq!(rows.len(), key.len());
        prop_assert_eq!(rows.iter().map(|a| a.persons).sum::<u64>(), target);
        let own = rows.iter().find(|a| a.state == state).unwrap();
        prop_assert_eq!(own.persons, total);
        for a in rows.iter().filter(|a| a.state != state) {
            prop_assert!((a.persons as f64 - a.quota).abs() < 1.0 + 1e-6, "{a:?}");
        }
    }
}
