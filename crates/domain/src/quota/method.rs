//! The distribution-key methods (`ec2015`, `dublin2016`, …) and the weights they apply.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::QuotaError;

/// How far weights may stray from summing to 1: room for decimal input such as 0.1 + 0.2,
/// no room for a typo.
const WEIGHT_SUM_TOLERANCE: f64 = 1e-9;

/// The weight of each criterion in a key. The four always sum to 1 and each lies in [0, 1],
/// so a key built from shares that each sum to 1 also sums to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawWeights")]
pub struct Weights {
    /// Weight of the population share.
    pub population: f64,
    /// Weight of the GDP share.
    pub gdp: f64,
    /// Weight of the inverse past-effort share.
    pub effort: f64,
    /// Weight of the inverse unemployment share.
    pub unemployment: f64,
}

/// Unchecked weights as they arrive in JSON, checked by `Weights::new`.
#[derive(Deserialize)]
struct RawWeights {
    population: f64,
    gdp: f64,
    effort: f64,
    unemployment: f64,
}

impl TryFrom<RawWeights> for Weights {
    type Error = QuotaError;
    fn try_from(r: RawWeights) -> Result<Self, QuotaError> {
        Weights::new(r.population, r.gdp, r.effort, r.unemployment)
    }
}

impl Weights {
    /// The Commission's 2015 weights: 40% population, 40% GDP, 10% effort, 10% unemployment.
    pub const EC2015: Weights = Weights {
        population: 0.4,
        gdp: 0.4,
        effort: 0.1,
        unemployment: 0.1,
    };
    /// The 2016 Dublin recast reference key: 50% population, 50% GDP.
    pub const DUBLIN2016: Weights = Weights {
        population: 0.5,
        gdp: 0.5,
        effort: 0.0,
        unemployment: 0.0,
    };
    /// Population alone.
    pub const POPULATION: Weights = Weights {
        population: 1.0,
        gdp: 0.0,
        effort: 0.0,
        unemployment: 0.0,
    };
    /// GDP alone.
    pub const GDP: Weights = Weights {
        population: 0.0,
        gdp: 1.0,
        effort: 0.0,
        unemployment: 0.0,
    };

    /// Checks each weight is finite and in [0, 1] and that they sum to 1 within 1e-9.
    pub fn new(
        population: f64,
        gdp: f64,
        effort: f64,
        unemployment: f64,
    ) -> Result<Self, QuotaError> {
        for (key, value) in [
            ("population", population),
            ("gdp", gdp),
            ("effort", effort),
            ("unemployment", unemployment),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(QuotaError::WeightOutOfRange { key, value });
            }
        }
        let sum = population + gdp + effort + unemployment;
        if (sum - 1.0).abs() > WEIGHT_SUM_TOLERANCE {
            return Err(QuotaError::WeightsSum { sum });
        }
        Ok(Self {
            population,
            gdp,
            effort,
            unemployment,
        })
    }
}

impl FromStr for Weights {
    type Err = QuotaError;

    /// Parses `population=0.4,gdp=0.4,effort=0.1,unemployment=0.1`; a key left out weighs 0,
    /// so `population=0.5,gdp=0.5` is the Dublin key.
    fn from_str(s: &str) -> Result<Self, QuotaError> {
        let mut vals: [Option<f64>; 4] = [None; 4];
        const KEYS: [&str; 4] = ["population", "gdp", "effort", "unemployment"];
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let bad = || QuotaError::BadWeightItem {
                item: item.to_string(),
            };
            let (k, v) = item.split_once('=').ok_or_else(bad)?;
            let k = k.trim();
            let slot = KEYS
                .iter()
                .position(|key| key.eq_ignore_ascii_case(k))
                .ok_or_else(|| QuotaError::UnknownWeight { key: k.to_string() })?;
            let v: f64 = v.trim().parse().map_err(|_| bad())?;
            if vals[slot].replace(v).is_some() {
                return Err(QuotaError::DuplicateWeight { key: KEYS[slot] });
            }
        }
        let [p, g, e, u] = vals.map(|v| v.unwrap_or(0.0));
        Weights::new(p, g, e, u)
    }
}

impl fmt::Display for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "population={},gdp={},effort={},unemployment={}",
            self.population, self.gdp, self.effort, self.unemployment
        )
    }
}

/// A way to turn indicators into a distribution key. Each fixed variant is one published
/// key, so a quota can always be traced to the document that defined its formula; `Custom`
/// exists for what-if calculations and to reproduce keys from the literature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Method {
    /// European Agenda on Migration (May 2015) key: 40% population, 40% GDP, 10% inverse
    /// effort, 10% inverse unemployment, no cap.
    Ec2015,
    /// The September 2015 relocation key (COM(2015) 450/451): as `Ec2015`, but the effort and
    /// unemployment effects are each capped at 0.3 × (population share + GDP share) and what
    /// the caps remove is handed back in proportion to 0.5 × (population share + GDP share).
    Ec2015Capped,
    /// The Dublin recast reference key (COM(2016) 270): 50% population, 50% GDP.
    Dublin2016,
    /// Population share alone.
    Population,
    /// GDP share alone.
    Gdp,
    /// User weights; `cap`, when given, caps the inverse effort and unemployment shares at
    /// `cap × (population share + GDP share)` as `Ec2015Capped` does with 0.3.
    Custom {
        /// The weights.
        weights: Weights,
        /// The cap factor, `None` for no cap.
        cap: Option<f64>,
    },
}

/// A key method by its name, as a request or a command line chooses it; `custom` takes its
/// weights and cap from fields of their own ([`Method::from_parts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMethod {
    /// [`Method::Ec2015`].
    Ec2015,
    /// [`Method::Ec2015Capped`].
    Ec2015Capped,
    /// [`Method::Dublin2016`].
    Dublin2016,
    /// [`Method::Population`].
    Population,
    /// [`Method::Gdp`].
    Gdp,
    /// [`Method::Custom`].
    Custom,
}
crate::word_enum!(KeyMethod, "method", {
    Ec2015 => "ec2015",
    Ec2015Capped => "ec2015-capped",
    Dublin2016 => "dublin2016",
    Population => "population",
    Gdp => "gdp",
    Custom => "custom",
});

impl Method {
    /// The cap factor of `ec2015-capped` (of population share + GDP share).
    pub const EC2015_CAP: f64 = 0.3;

    /// A custom method; the cap must be finite and >= 0.
    pub fn custom(weights: Weights, cap: Option<f64>) -> Result<Self, QuotaError> {
        if let Some(c) = cap {
            check_cap(c)?;
        }
        Ok(Method::Custom { weights, cap })
    }

    /// Builds a method from a CLI name plus the separate `--weights`/`--cap` options:
    /// `custom` requires weights, the fixed methods refuse them (silently ignoring them
    /// would publish a key other than the one the user asked for).
    pub fn from_parts(
        name: KeyMethod,
        weights: Option<Weights>,
        cap: Option<f64>,
    ) -> Result<Self, QuotaError> {
        let m = match name {
            KeyMethod::Custom => {
                let w = weights.ok_or(QuotaError::CustomNeedsWeights)?;
                return Method::custom(w, cap);
            }
            KeyMethod::Ec2015 => Method::Ec2015,
            KeyMethod::Ec2015Capped => Method::Ec2015Capped,
            KeyMethod::Dublin2016 => Method::Dublin2016,
            KeyMethod::Population => Method::Population,
            KeyMethod::Gdp => Method::Gdp,
        };
        if weights.is_some() || cap.is_some() {
            return Err(QuotaError::WeightsNotAllowed { method: m.name() });
        }
        Ok(m)
    }

    /// The CLI name.
    pub fn name(&self) -> &'static str {
        match self {
            Method::Ec2015 => "ec2015",
            Method::Ec2015Capped => "ec2015-capped",
            Method::Dublin2016 => "dublin2016",
            Method::Population => "population",
            Method::Gdp => "gdp",
            Method::Custom { .. } => "custom",
        }
    }

    /// The weights the method applies.
    pub fn weights(&self) -> Weights {
        match self {
            Method::Ec2015 | Method::Ec2015Capped => Weights::EC2015,
            Method::Dublin2016 => Weights::DUBLIN2016,
            Method::Population => Weights::POPULATION,
            Method::Gdp => Weights::GDP,
            Method::Custom { weights, .. } => *weights,
        }
    }

    /// The cap factor on the inverse effort and unemployment shares, if any.
    pub fn cap(&self) -> Option<f64> {
        match self {
            Method::Ec2015Capped => Some(Self::EC2015_CAP),
            Method::Custom { cap, .. } => *cap,
            _ => None,
        }
    }
}

/// Refuses a cap that is negative, NaN or infinite.
pub(crate) fn check_cap(c: f64) -> Result<(), QuotaError> {
    if c.is_finite() && c >= 0.0 {
        Ok(())
    } else {
        Err(QuotaError::BadCap { value: c })
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Method::Custom { weights, cap } => {
                write!(f, "custom:{weights}")?;
                if let Some(c) = cap {
                    write!(f, ",cap={c}")?;
                }
                Ok(())
            }
            other => f.write_str(other.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixed_name_makes_its_method() {
        for &name in &KeyMethod::ALL[..5] {
            let m = Method::from_parts(name, None, None).unwrap();
            assert_eq!(m.name(), name.as_str());
            assert_eq!(m.to_string(), name.as_str());
        }
        assert_eq!(Method::Ec2015Capped.cap(), Some(0.3));
        assert_eq!(Method::Ec2015.cap(), None);
        assert_eq!(Method::Dublin2016.weights(), Weights::DUBLIN2016);
    }

    #[test]
    fn custom_from_parts() {
        assert_eq!(
            Method::from_parts(KeyMethod::Custom, None, None).unwrap_err(),
            QuotaError::CustomNeedsWeights
        );
        let w: Weights = "population=1".parse().unwrap();
        assert_eq!(
            Method::from_parts(KeyMethod::Custom, Some(w), None)
                .unwrap()
                .weights(),
            Weights::POPULATION
        );
        assert_eq!(
            Method::from_parts(KeyMethod::Custom, None, None).unwrap_err(),
            QuotaError::CustomNeedsWeights
        );
        let e = Method::from_parts(KeyMethod::Ec2015, Some(w), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "method ec2015 has fixed weights; weights and cap apply only to custom"
        );
        assert_eq!(
            Method::from_parts(KeyMethod::Gdp, None, None).unwrap(),
            Method::Gdp
        );
        let e = Method::custom(w, Some(-1.0)).unwrap_err();
        assert_eq!(e.to_string(), "cap must be a finite number >= 0, got -1");
    }

    #[test]
    fn weights_parse_and_errors_name_the_key() {
        let w: Weights = "population=0.4, gdp=0.4,effort=0.1,unemployment=0.1"
            .parse()
            .unwrap();
        assert_eq!(w, Weights::EC2015);
        let e = "population=0.4,gdp=0.4,effort=0.1,jobs=0.1"
            .parse::<Weights>()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown weight \"jobs\"; expected population, gdp, effort, unemployment"
        );
        let e = "population=0.5,gdp=0.4".parse::<Weights>().unwrap_err();
        assert!(
            e.to_string()
                .starts_with("weights must sum to 1 (within 1e-9), got 0.9"),
            "{e}"
        );
        let e = "population=1.5,gdp=-0.5".parse::<Weights>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "weight population must be within [0, 1], got 1.5"
        );
        let e = "population=1,gdp=-0".parse::<Weights>();
        assert!(e.is_ok());
        let e = "population".parse::<Weights>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "weights item \"population\" is not key=number"
        );
        let e = "population=x".parse::<Weights>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "weights item \"population=x\" is not key=number"
        );
        let e = "gdp=0.5,gdp=0.5".parse::<Weights>().unwrap_err();
        assert_eq!(e.to_string(), "weight gdp is given more than once");
        let e = Weights::new(f64::NAN, 0.5, 0.5, 0.0).unwrap_err();
        assert!(e.to_string().contains("weight population"), "{e}");
        // Decimal input that is not exact in binary still sums to 1.
        assert!(
            "population=0.7,gdp=0.2,effort=0.1"
                .parse::<Weights>()
                .is_ok()
        );
    }

    #[test]
    fn serde_uses_the_cli_names_and_validates_weights() {
        let j = serde_json::to_string(&Method::Ec2015Capped).unwrap();
        assert_eq!(j, r#"{"method":"ec2015-capped"}"#);
        let m: Method = serde_json::from_str(
            r#"{"method":"custom","weights":{"population":0.5,"gdp":0.5,"effort":0,"unemployment":0},"cap":null}"#,
        )
        .unwrap();
        assert_eq!(m.weights(), Weights::DUBLIN2016);
        let bad = r#"{"method":"custom","weights":{"population":0.5,"gdp":0.6,"effort":0,"unemployment":0},"cap":null}"#;
        assert!(serde_json::from_str::<Method>(bad).is_err());
    }
}
