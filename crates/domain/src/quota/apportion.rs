//! Turning shares into whole persons: one state's figure, or a total split over a key.
use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::shares::validate_whole_key;
use super::{KeyShare, QuotaError, StateCode};

/// How a fractional number of persons becomes a whole one. People come whole; which way a
/// figure is rounded is a policy choice that must be stated, so every function that rounds
/// takes one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Down to the whole person below (the Belgian NGO report: 8,821.92 → 8,821), so a
    /// target never exceeds its share.
    Floor,
    /// To the nearest whole person, halves up.
    Nearest,
}

crate::word_enum!(Rounding, "rounding", { Floor => "floor", Nearest => "nearest" });

impl Rounding {
    /// Rounds a non-negative figure. A value within 1e-9 (relative) of a whole or half
    /// number is taken to be that number first, so 100 × 0.29 = 28.999999999999996 gives
    /// 29, as the decimal arithmetic a reader does by hand would.
    pub fn apply(self, x: f64) -> u64 {
        let tol = 1e-9 * x.abs().max(1.0);
        let whole = x.round();
        let half = (2.0 * x).round() / 2.0;
        let x = if (x - whole).abs() <= tol {
            whole
        } else if (x - half).abs() <= tol {
            half
        } else {
            x
        };
        let r = match self {
            Rounding::Floor => x.floor(),
            Rounding::Nearest => x.round(),
        };
        // Saturating cast: callers pass figures in [0, 2^53].
        r.max(0.0) as u64
    }
}

/// `share` of `total` persons as a whole number: the single-state figure (e.g. Belgium's
/// 2.84% of the EU's 310,631 = 8,821 with `Floor`). `share` must be in [0, 1].
pub fn persons_for_share(total: u64, share: f64, rounding: Rounding) -> Result<u64, QuotaError> {
    check_share("share", share)?;
    Ok(rounding.apply(total as f64 * share))
}

/// Refuses a share outside [0, 1] (or NaN), naming it.
pub(crate) fn check_share(what: &str, value: f64) -> Result<(), QuotaError> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(QuotaError::ShareOutOfRange {
            what: what.to_string(),
            value,
        })
    }
}

/// One state's part of an apportioned total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Allocation {
    /// The state.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "BE"))]
    pub state: StateCode,
    /// The exact (fractional) quota: total × share.
    pub quota: f64,
    /// Whole persons: the quota rounded down or up.
    pub persons: u64,
}

/// Splits `total` persons over a whole key (shares summing to 1 within 1e-9) by the largest
/// remainder (Hamilton) method: each state gets the floor of its exact quota, and the persons
/// left over go one each to the largest remainders, ties to the state code first in
/// alphabetical order. Parts sum exactly to `total` and each is the floor or ceiling of its
/// quota, so no state can say the rounding took a whole person from it unfairly. The output
/// follows the key's order. Totals up to 2^53 are exact.
pub fn apportion(total: u64, key: &[KeyShare]) -> Result<Vec<Allocation>, QuotaError> {
    let sum = validate_whole_key(key, "key")?;
    let t = total as f64;
    let quotas: Vec<f64> = key.iter().map(|k| t * (k.share / sum)).collect();
    let mut persons: Vec<u64> = quotas.iter().map(|q| q.floor() as u64).collect();
    let given: u64 = persons.iter().sum();
    // Order by remainder, largest first, then by state code.
    let mut order: Vec<usize> = (0..key.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = quotas[a] - quotas[a].floor();
        let rb = quotas[b] - quotas[b].floor();
        rb.partial_cmp(&ra)
            .unwrap_or(Ordering::Equal)
            .then_with(|| key[a].state.cmp(&key[b].state))
    });
    if given <= total {
        let left = (total - given) as usize;
        // `left` < number of states unless float error accumulated; cycle to be safe.
        for i in order.iter().cycle().take(left) {
            persons[*i] += 1;
        }
    } else {
        // Float error made the floors overshoot: take back from the smallest remainders.
        let mut excess = given - total;
        for &i in order.iter().rev() {
            if excess == 0 {
                break;
            }
            if persons[i] > 0 {
                persons[i] -= 1;
                excess -= 1;
            }
        }
    }
    Ok(key
        .iter()
        .zip(quotas)
        .zip(persons)
        .map(|((k, quota), persons)| Allocation {
            state: k.state.clone(),
            quota,
            persons,
        })
        .collect())
}

/// A plan's regional target over every state of `key`, such that the planned `state`'s
/// row is the plan's own `state_total`: the other states share what is left in proportion
/// to their key shares, by the largest remainder. One computation so feeds a plan's
/// headline and the table under it, which cannot then disagree (a headline at a given
/// share of 2.84 % above a table at the key's 2.27 % once said 8,821 and 7,052 for the
/// same state). The state's exact quota is `regional_target × state_share`, the share the
/// plan used. Refused when `state` is not in the key, naming the key's states.
pub fn apportion_plan(
    regional_target: u64,
    state: &StateCode,
    state_share: f64,
    state_total: u64,
    key: &[KeyShare],
) -> Result<Vec<Allocation>, QuotaError> {
    check_share("state share", state_share)?;
    validate_whole_key(key, "key")?;
    let at = key
        .iter()
        .position(|k| &k.state == state)
        .ok_or_else(|| QuotaError::NotInKey {
            state: state.to_string(),
            states: key
                .iter()
                .map(|k| k.state.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let rest: f64 = key
        .iter()
        .filter(|k| &k.state != state)
        .map(|k| k.share)
        .sum();
    let others: Vec<KeyShare> = key
        .iter()
        .filter(|k| &k.state != state)
        .map(|k| KeyShare {
            state: k.state.clone(),
            share: k.share / rest,
        })
        .collect();
    let left = regional_target.saturating_sub(state_total);
    let mut rows = if left == 0 {
        others
            .iter()
            .map(|k| Allocation {
                state: k.state.clone(),
                quota: 0.0,
                persons: 0,
            })
            .collect()
    } else if rest > 0.0 {
        apportion(left, &others)?
    } else {
        // Persons are left for the other states, and the key gives them no share.
        return Err(QuotaError::Empty {
            what: "key without the planned state",
        });
    };
    rows.insert(
        at,
        Allocation {
            state: state.clone(),
            quota: regional_target as f64 * state_share,
            persons: state_total,
        },
    );
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(rows: &[(&str, f64)]) -> Vec<KeyShare> {
        rows.iter()
            .map(|(s, v)| KeyShare {
                state: StateCode::parse(s).unwrap(),
                share: *v,
            })
            .collect()
    }

    #[test]
    fn belgian_single_state_figure() {
        assert_eq!(
            persons_for_share(310_631, 0.0284, Rounding::Floor).unwrap(),
            8_821
        );
        assert_eq!(
            persons_for_share(310_631, 0.0284, Rounding::Nearest).unwrap(),
            8_822
        );
        assert_eq!(
            persons_for_share(1_553_156, 0.2, Rounding::Floor).unwrap(),
            310_631
        );
    }

    #[test]
    fn rounding_snaps_float_noise() {
        assert_eq!(Rounding::Floor.apply(100.0 * 0.29), 29);
        assert_eq!(Rounding::Nearest.apply(2.5), 3);
        assert_eq!(Rounding::Nearest.apply(2.4999999999999996), 3);
        assert_eq!(Rounding::Nearest.apply(2.49), 2);
        assert_eq!(Rounding::Floor.apply(0.0), 0);
        assert_eq!("floor".parse::<Rounding>().unwrap(), Rounding::Floor);
        assert_eq!("nearest".parse::<Rounding>().unwrap(), Rounding::Nearest);
        let e = "ceil".parse::<Rounding>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "rounding: unknown value \"ceil\"; expected one of: floor, nearest"
        );
    }

    #[test]
    fn share_out_of_range_is_named() {
        let e = persons_for_share(10, 1.5, Rounding::Floor).unwrap_err();
        assert_eq!(e.to_string(), "share must be within [0, 1], got 1.5");
    }

    #[test]
    fn a_plan_keeps_its_state_total_and_the_others_share_the_rest_by_the_key() {
        let k = key(&[("AA", 0.5), ("BB", 0.3), ("CC", 0.2)]);
        let be = StateCode::parse("BB").unwrap();
        // The plan gave BB 40 % of 100 (not the key's 30 %): BB keeps 40, AA and CC share
        // the 60 left as 5 : 2.
        let rows = apportion_plan(100, &be, 0.4, 40, &k).unwrap();
        let got: Vec<(&str, u64)> = rows.iter().map(|a| (a.state.as_str(), a.persons)).collect();
        assert_eq!(got, [("AA", 43), ("BB", 40), ("CC", 17)]);
        assert_eq!(rows[1].quota, 40.0);
        let e = apportion_plan(100, &StateCode::parse("ZZ").unwrap(), 0.4, 40, &k).unwrap_err();
        assert_eq!(
            e.to_string(),
            "state ZZ is not a state of the key (AA, BB, CC)"
        );
    }

    #[test]
    fn hamilton_by_hand() {
        // 10 over 0.45/0.35/0.20: quotas 4.5/3.5/2.0 → floors 4/3/2 = 9, one left; AA and BB
        // tie on remainder 0.5, AA comes first.
        let a = apportion(10, &key(&[("BB", 0.35), ("AA", 0.45), ("CC", 0.20)])).unwrap();
        let p: Vec<u64> = a.iter().map(|x| x.persons).collect();
        assert_eq!(p, vec![3, 5, 2]);
        assert_eq!(a[1].state.as_str(), "AA");
        assert!((a[1].quota - 4.5).abs() < 1e-12);
    }

    #[test]
    fn equal_shares_go_alphabetically() {
        let a = apportion(
            2,
            &key(&[("CC", 1.0 / 3.0), ("BB", 1.0 / 3.0), ("AA", 1.0 / 3.0)]),
        )
        .unwrap();
        let p: Vec<u64> = a.iter().map(|x| x.persons).collect();
        assert_eq!(p, vec![0, 1, 1]);
        let a = apportion(0, &key(&[("AA", 1.0)])).unwrap();
        assert_eq!(a[0].persons, 0);
    }

    #[test]
    fn refuses_a_partial_key() {
        let e = apportion(10, &key(&[("AA", 0.5), ("BB", 0.4)])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the shares of the key must sum to 1 (within 1e-9), got 0.9"
        );
        let e = apportion(10, &key(&[("AA", 0.5), ("AA", 0.5)])).unwrap_err();
        assert_eq!(e.to_string(), "state AA appears more than once in the key");
    }
}
