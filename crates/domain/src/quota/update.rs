//! The NGO update of an old key: move it by the change in population and GDP shares only.
//!
//! `key_new_i = key_old_i + w_p·(p_new_i − p_old_i) + w_g·(g_new_i − g_old_i)` with
//! w_p = w_g = 0.4 for the Commission's 2015 key (Belgian NGO report 2021, section 3.3). The
//! effort and unemployment parts of the old key stay as they were, because those figures are
//! hard to refresh and weigh little.
use super::shares::validate_key;
use super::{KeyShare, PopGdpSet, QuotaError, StateCode, Weights};

/// Updates every state of `old_key` with the 2015 weights (0.4 population, 0.4 GDP).
///
/// The three inputs must cover exactly the same states (a state in one but not another is
/// refused by name): then Σ key_new = Σ key_old + 0.4·(1 − 1) + 0.4·(1 − 1) = Σ key_old, so
/// an old key summing to 1 gives a new key summing to 1 and nothing is renormalised —
/// renormalising would silently move the effort and unemployment parts the method keeps.
/// A state whose updated share would fall below 0 or above 1 is refused by name: the inputs
/// cannot belong together.
pub fn update(
    old_key: &[KeyShare],
    old: &PopGdpSet,
    new: &PopGdpSet,
) -> Result<Vec<KeyShare>, QuotaError> {
    update_with_weights(old_key, old, new, &Weights::EC2015)
}

/// As `update`, with the population and GDP weights of another key (0.5 and 0.5 for the
/// Dublin reference key); the other two weights are not used.
pub fn update_with_weights(
    old_key: &[KeyShare],
    old: &PopGdpSet,
    new: &PopGdpSet,
    weights: &Weights,
) -> Result<Vec<KeyShare>, QuotaError> {
    validate_key(old_key, "old key")?;
    let inputs: [(&'static str, Vec<&StateCode>); 3] = [
        ("old key", old_key.iter().map(|k| &k.state).collect()),
        (
            "old population/GDP",
            old.rows().iter().map(|r| &r.state).collect(),
        ),
        (
            "new population/GDP",
            new.rows().iter().map(|r| &r.state).collect(),
        ),
    ];
    // Every state of every input must be in every other input.
    for (present_in, states) in &inputs {
        for s in states {
            for (missing_from, others) in &inputs {
                if !others.contains(s) {
                    return Err(QuotaError::StateMismatch {
                        state: s.to_string(),
                        present_in,
                        missing_from,
                    });
                }
            }
        }
    }
    old_key
        .iter()
        .map(|k| shift(&k.state, k.share, old, new, weights))
        .collect()
}

/// Updates one state's share where the old and new sets may differ — the NGOs' own use: the
/// 2015 shares were within the EU-28, the new ones within the EU-27 (after Brexit), which is
/// much of why Belgium moves from 2.45% to 2.84%. Because the sets differ, the states' new
/// shares no longer sum to 1; that is the NGOs' choice and why `update` refuses it.
pub fn update_one(
    state: &StateCode,
    old_share: f64,
    old: &PopGdpSet,
    new: &PopGdpSet,
) -> Result<KeyShare, QuotaError> {
    validate_key(
        &[KeyShare {
            state: state.clone(),
            share: old_share,
        }],
        "old key",
    )?;
    for (set, name) in [(old, "old population/GDP"), (new, "new population/GDP")] {
        if set.shares_of(state).is_none() {
            return Err(QuotaError::StateMismatch {
                state: state.to_string(),
                present_in: "old key",
                missing_from: name,
            });
        }
    }
    shift(state, old_share, old, new, &Weights::EC2015)
}

fn shift(
    state: &StateCode,
    old_share: f64,
    old: &PopGdpSet,
    new: &PopGdpSet,
    w: &Weights,
) -> Result<KeyShare, QuotaError> {
    let (po, go) = old.shares_of(state).unwrap_or((0.0, 0.0));
    let (pn, gn) = new.shares_of(state).unwrap_or((0.0, 0.0));
    let share = old_share + w.population * (pn - po) + w.gdp * (gn - go);
    if !(0.0..=1.0).contains(&share) {
        return Err(QuotaError::ShareOutOfRange {
            what: format!("updated share for {state}"),
            value: share,
        });
    }
    Ok(KeyShare {
        state: state.clone(),
        share,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::{PopGdp, parse_indicators_csv};
    use super::*;

    fn sc(s: &str) -> StateCode {
        StateCode::parse(s).unwrap()
    }

    fn set(rows: &[(&str, f64, f64)]) -> PopGdpSet {
        PopGdpSet::new(
            rows.iter()
                .map(|(s, p, g)| PopGdp {
                    state: sc(s),
                    population: *p,
                    gdp: *g,
                })
                .collect(),
        )
        .unwrap()
    }

    fn key(rows: &[(&str, f64)]) -> Vec<KeyShare> {
        rows.iter()
            .map(|(s, v)| KeyShare {
                state: sc(s),
                share: *v,
            })
            .collect()
    }

    #[test]
    fn hand_computed_example_keeps_the_sum() {
        // Old: AA has 20% of population, 30% of GDP; new: 25% and 20%.
        // AA: 0.30 + 0.4·(0.25−0.20) + 0.4·(0.20−0.30) = 0.30 + 0.02 − 0.04 = 0.28.
        let old = set(&[("AA", 20.0, 30.0), ("BB", 80.0, 70.0)]);
        let new = set(&[("AA", 25.0, 20.0), ("BB", 75.0, 80.0)]);
        let k = update(&key(&[("AA", 0.30), ("BB", 0.70)]), &old, &new).unwrap();
        assert!((k[0].share - 0.28).abs() < 1e-15);
        assert!((k[1].share - 0.72).abs() < 1e-15);
        assert!((k[0].share + k[1].share - 1.0).abs() < 1e-15);
        let d = update_with_weights(
            &key(&[("AA", 0.30), ("BB", 0.70)]),
            &old,
            &new,
            &Weights::DUBLIN2016,
        )
        .unwrap();
        assert!((d[0].share - 0.275).abs() < 1e-15);
    }

    #[test]
    fn belgium_2_45_to_2_84_needs_sets_that_differ() {
        // The NGOs' numbers: 0.0245 + 0.4·Δp + 0.4·Δg = 0.0284 means Δp + Δg = 0.00975.
        // Reproduce the shape with the shipped figures: the 2015 EU-28 indicators (old) and
        // EU-27 population 2021 / GDP 2019 (new). These are a revised Eurostat vintage, not
        // the Commission's spring-2015 one, so we get ≈2.80%, not 2.84%; assert that band.
        let shared = crate::quota::reference_tests::shared;
        let (Some(old_text), Some(new_text)) = (
            shared("ec2015_indicators_eu28.csv"),
            shared("eu27_recent_pop_gdp.csv"),
        ) else {
            return;
        };
        let old = parse_indicators_csv(&old_text).unwrap().pop_gdp();
        // That file names its columns differently; map them to state,population,gdp.
        let mut rdr = csv::Reader::from_reader(new_text.as_bytes());
        let rows: Vec<PopGdp> = rdr
            .deserialize::<BTreeMap<String, String>>()
            .map(|r| {
                let r = r.unwrap();
                PopGdp {
                    state: sc(&r["iso2"]),
                    population: r["population_2021_01_01"].parse().unwrap(),
                    gdp: r["gdp_2019_meur"].parse().unwrap(),
                }
            })
            .collect();
        let new = PopGdpSet::new(rows).unwrap();
        let be = update_one(&sc("BE"), 0.0245, &old, &new).unwrap();
        assert!(
            (be.share - 0.0280).abs() < 0.0005,
            "BE updated to {}",
            be.share
        );
        assert!(
            (be.share - 0.0284).abs() < 0.001,
            "BE updated to {}",
            be.share
        );
        // The strict whole-key update refuses these sets: UK is only in the old one, and
        // Greece is EL in one file and GR in the other; the first mismatch found is named.
        let k27: Vec<KeyShare> = new
            .rows()
            .iter()
            .map(|r| KeyShare {
                state: r.state.clone(),
                share: 1.0 / 27.0,
            })
            .collect();
        let e = update(&k27, &old, &new).unwrap_err();
        assert_eq!(
            e.to_string(),
            "state GR is in the old key but not in the old population/GDP"
        );
    }

    #[test]
    fn a_state_missing_from_one_input_is_named() {
        let two = set(&[("AA", 1.0, 1.0), ("BB", 1.0, 1.0)]);
        let three = set(&[("AA", 1.0, 1.0), ("BB", 1.0, 1.0), ("CC", 1.0, 1.0)]);
        let k2 = key(&[("AA", 0.5), ("BB", 0.5)]);
        let e = update(&k2, &two, &three).unwrap_err();
        assert_eq!(
            e.to_string(),
            "state CC is in the new population/GDP but not in the old key"
        );
        let e = update(&k2, &three, &two).unwrap_err();
        assert_eq!(
            e.to_string(),
            "state CC is in the old population/GDP but not in the old key"
        );
        let k3 = key(&[("AA", 0.3), ("BB", 0.3), ("CC", 0.4)]);
        let e = update(&k3, &two, &two).unwrap_err();
        assert_eq!(
            e.to_string(),
            "state CC is in the old key but not in the old population/GDP"
        );
        let e = update_one(&sc("CC"), 0.1, &three, &two).unwrap_err();
        assert_eq!(
            e.to_string(),
            "state CC is in the old key but not in the new population/GDP"
        );
        let e = update_one(&sc("CC"), 1.1, &three, &three).unwrap_err();
        assert_eq!(e.to_string(), "share for CC must be within [0, 1], got 1.1");
    }

    #[test]
    fn a_negative_updated_share_is_refused_by_name() {
        let old = set(&[("AA", 50.0, 50.0), ("BB", 50.0, 50.0)]);
        let new = set(&[("AA", 1.0, 1.0), ("BB", 99.0, 99.0)]);
        let e = update(&key(&[("AA", 0.1), ("BB", 0.9)]), &old, &new).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("updated share for AA must be within [0, 1], got -0.29"),
            "{e}"
        );
    }
}
