//! Computing a distribution key from indicators: each state's share under a method.
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::method::check_cap;
use super::{IndicatorSet, Method, QuotaError, StateCode, Weights};

/// How far a key's shares may stray from summing to 1 before a function that needs a whole
/// key refuses it: float noise passes, a missing state does not.
pub(crate) const KEY_SUM_TOLERANCE: f64 = 1e-9;

/// One state's result under a method, with the partial shares it was built from so that a
/// published quota can be explained criterion by criterion. All values are full-precision
/// fractions (0.0245 = 2.45%); round only for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateShare {
    /// The state.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "BE"))]
    pub state: StateCode,
    /// The state's share of the key, in [0, 1]; the shares of one key sum to 1.
    pub share: f64,
    /// population_i / Σ population.
    pub population_share: f64,
    /// gdp_i / Σ gdp.
    pub gdp_share: f64,
    /// Inverse effort share (1/effort_i) / Σ (1/effort_j), before any cap.
    pub effort_share: f64,
    /// Inverse unemployment share (1/u_i) / Σ (1/u_j), before any cap.
    pub unemployment_share: f64,
}

/// A bare key entry: a state and its share. The form of an old key read from CSV, of an
/// updated key, and the input of `apportion`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyShare {
    /// The state.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "BE"))]
    pub state: StateCode,
    /// Its share, a fraction in [0, 1].
    pub share: f64,
}

impl StateShare {
    /// The bare key entry of this result.
    pub fn key_share(&self) -> KeyShare {
        KeyShare {
            state: self.state.clone(),
            share: self.share,
        }
    }
}

/// The bare key of a list of results, for `apportion`.
pub fn key_of(shares: &[StateShare]) -> Vec<KeyShare> {
    shares.iter().map(StateShare::key_share).collect()
}

/// Computes every state's share under `method`, in the order of the set.
///
/// share_i = w_p·p_i + w_g·g_i + w_e·ê_i + w_u·û_i + R·b_i, where p, g are population and
/// GDP shares, e, u the inverse effort and unemployment shares, ê = min(e, c·(p+g)) and
/// û = min(u, c·(p+g)) under a cap factor c (ê = e, û = u without), b_i = (p_i+g_i)/2, and
/// R = w_e·Σ(e−ê) + w_u·Σ(u−û) is what the caps removed. One pass suffices: the handed-back
/// amount is added to the total, not to the capped effects, so it cannot push an effect
/// over its cap; and Σb = 1, so the shares sum to 1.
pub fn compute_shares(set: &IndicatorSet, method: &Method) -> Result<Vec<StateShare>, QuotaError> {
    let cap = method.cap();
    if let Some(c) = cap {
        check_cap(c)?;
    }
    let rows = set.rows();
    let pop: f64 = rows.iter().map(|r| r.population).sum();
    let gdp: f64 = rows.iter().map(|r| r.gdp).sum();
    let inv_effort: f64 = rows.iter().map(|r| 1.0 / r.effort_per_million).sum();
    let inv_unemp: f64 = rows.iter().map(|r| 1.0 / r.unemployment_rate).sum();
    let parts: Vec<Parts> = rows
        .iter()
        .map(|r| Parts {
            population: r.population / pop,
            gdp: r.gdp / gdp,
            effort: (1.0 / r.effort_per_million) / inv_effort,
            unemployment: (1.0 / r.unemployment_rate) / inv_unemp,
        })
        .collect();
    let shares = combine(&parts, &method.weights(), cap);
    Ok(rows
        .iter()
        .zip(parts.iter().zip(shares))
        .map(|(r, (p, share))| StateShare {
            state: r.state.clone(),
            share,
            population_share: p.population,
            gdp_share: p.gdp,
            effort_share: p.effort,
            unemployment_share: p.unemployment,
        })
        .collect())
}

/// One state's four partial shares (the inverse ones already inverted and normalised).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    pub population: f64,
    pub gdp: f64,
    pub effort: f64,
    pub unemployment: f64,
}

/// The key from partial shares; see `compute_shares` for the formula. Works on shares
/// directly so published tables that print shares (Grech 2016) can be checked.
pub(crate) fn combine(parts: &[Parts], w: &Weights, cap: Option<f64>) -> Vec<f64> {
    let capped = |x: f64, p: &Parts| capped_effect(x, p, cap);
    let mut removed = 0.0;
    let mut partial = Vec::with_capacity(parts.len());
    for p in parts {
        let e = capped(p.effort, p);
        let u = capped(p.unemployment, p);
        removed += w.effort * (p.effort - e) + w.unemployment * (p.unemployment - u);
        partial
            .push(w.population * p.population + w.gdp * p.gdp + w.effort * e + w.unemployment * u);
    }
    let base_total: f64 = parts.iter().map(|p| 0.5 * (p.population + p.gdp)).sum();
    partial
        .into_iter()
        .zip(parts)
        .map(|(s, p)| {
            let handed_back = if removed > 0.0 {
                removed * 0.5 * (p.population + p.gdp) / base_total
            } else {
                0.0
            };
            (s + handed_back).clamp(0.0, 1.0)
        })
        .collect()
}

/// An inverse share after the cap: at most `cap × (population share + GDP share)`.
pub(crate) fn capped_effect(x: f64, p: &Parts, cap: Option<f64>) -> f64 {
    match cap {
        Some(c) => x.min(c * (p.population + p.gdp)),
        None => x,
    }
}

/// Checks a key's entries: not empty, no state twice, each share finite and in [0, 1].
pub(crate) fn validate_key(key: &[KeyShare], what: &'static str) -> Result<(), QuotaError> {
    if key.is_empty() {
        return Err(QuotaError::Empty { what });
    }
    let mut seen = BTreeSet::new();
    for k in key {
        if !seen.insert(&k.state) {
            return Err(QuotaError::DuplicateState {
                state: k.state.to_string(),
                what,
            });
        }
        if !(0.0..=1.0).contains(&k.share) {
            return Err(QuotaError::ShareOutOfRange {
                what: format!("share for {}", k.state),
                value: k.share,
            });
        }
    }
    Ok(())
}

/// Checks a key is whole: valid entries summing to 1 within `KEY_SUM_TOLERANCE`.
pub(crate) fn validate_whole_key(key: &[KeyShare], what: &'static str) -> Result<f64, QuotaError> {
    validate_key(key, what)?;
    let sum: f64 = key.iter().map(|k| k.share).sum();
    if (sum - 1.0).abs() > KEY_SUM_TOLERANCE {
        return Err(QuotaError::SharesSum { what, sum });
    }
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::super::indicators::tests::row;
    use super::*;

    fn set() -> IndicatorSet {
        IndicatorSet::new(vec![
            row("AA", 10.0, 30.0, 100.0, 5.0),
            row("BB", 30.0, 10.0, 400.0, 10.0),
            row("CC", 60.0, 60.0, 50.0, 20.0),
        ])
        .unwrap()
    }

    #[test]
    fn population_and_gdp_methods_are_plain_shares() {
        let s = compute_shares(&set(), &Method::Population).unwrap();
        assert_eq!(
            s.iter().map(|x| x.share).collect::<Vec<_>>(),
            vec![0.1, 0.3, 0.6]
        );
        let s = compute_shares(&set(), &Method::Gdp).unwrap();
        assert_eq!(s[0].share, 0.3);
        let s = compute_shares(&set(), &Method::Dublin2016).unwrap();
        assert!((s[0].share - 0.2).abs() < 1e-15 && (s[2].share - 0.6).abs() < 1e-15);
    }

    #[test]
    fn ec2015_by_hand() {
        // Inverse effort: 1/100, 1/400, 1/50 = 4, 1, 8 (/400) → 4/13, 1/13, 8/13.
        // Inverse unemployment: 1/5, 1/10, 1/20 = 4, 2, 1 (/20) → 4/7, 2/7, 1/7.
        let s = compute_shares(&set(), &Method::Ec2015).unwrap();
        let want_aa = 0.4 * 0.1 + 0.4 * 0.3 + 0.1 * 4.0 / 13.0 + 0.1 * 4.0 / 7.0;
        assert!((s[0].share - want_aa).abs() < 1e-15);
        assert!((s[0].effort_share - 4.0 / 13.0).abs() < 1e-15);
        assert!((s[0].unemployment_share - 4.0 / 7.0).abs() < 1e-15);
        assert!((s.iter().map(|x| x.share).sum::<f64>() - 1.0).abs() < 1e-15);
    }

    #[test]
    fn ec2015_capped_by_hand() {
        // Cap 0.3·(p+g): AA 0.12, BB 0.12, CC 0.36.
        // Effort 4/13=.3077→.12 (−.1877), 1/13=.0769 kept, 8/13=.6154→.36 (−.2554).
        // Unemployment 4/7=.5714→.12 (−.4514), 2/7=.2857→.12 (−.1657), 1/7=.1429 kept.
        let s = compute_shares(&set(), &Method::Ec2015Capped).unwrap();
        let removed = 0.1 * ((4.0 / 13.0 - 0.12) + (8.0 / 13.0 - 0.36))
            + 0.1 * ((4.0 / 7.0 - 0.12) + (2.0 / 7.0 - 0.12));
        let aa = 0.4 * 0.1 + 0.4 * 0.3 + 0.1 * 0.12 + 0.1 * 0.12 + removed * 0.2;
        let bb = 0.4 * 0.3 + 0.4 * 0.1 + 0.1 / 13.0 + 0.1 * 0.12 + removed * 0.2;
        let cc = 0.4 * 0.6 + 0.4 * 0.6 + 0.1 * 0.36 + 0.1 / 7.0 + removed * 0.6;
        for (got, want) in s.iter().zip([aa, bb, cc]) {
            assert!((got.share - want).abs() < 1e-15, "{got:?} {want}");
        }
        assert!((aa + bb + cc - 1.0).abs() < 1e-15);
    }

    #[test]
    fn custom_equals_named_methods_with_their_weights() {
        let a =
            compute_shares(&set(), &Method::custom(Weights::EC2015, Some(0.3)).unwrap()).unwrap();
        let b = compute_shares(&set(), &Method::Ec2015Capped).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn bad_cap_from_json_is_refused() {
        let m = Method::Custom {
            weights: Weights::EC2015,
            cap: Some(f64::NAN),
        };
        let e = compute_shares(&set(), &m).unwrap_err();
        assert!(e.to_string().starts_with("cap must be"), "{e}");
    }

    #[test]
    fn key_validation_names_the_state() {
        let k = |s: &str, v: f64| KeyShare {
            state: StateCode::parse(s).unwrap(),
            share: v,
        };
        let e = validate_whole_key(&[k("BE", 0.5), k("NL", 0.4)], "key").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the shares of the key must sum to 1 (within 1e-9), got 0.9"
        );
        let e = validate_key(&[k("BE", -0.1)], "key").unwrap_err();
        assert_eq!(
            e.to_string(),
            "share for BE must be within [0, 1], got -0.1"
        );
        let e = validate_key(&[k("BE", f64::NAN)], "key").unwrap_err();
        assert_eq!(e.to_string(), "share for BE must be within [0, 1], got NaN");
        let e = validate_key(&[], "key").unwrap_err();
        assert_eq!(e.to_string(), "the key has no states");
    }
}
