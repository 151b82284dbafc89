//! The default, transparent score model, and how a family's score is built from its
//! members' predicted chances.
//!
//! Each term is in `[0, 1]` (the labour-market term per working-age adult) and multiplied
//! by a weight from the policy profile (`[placement.weights]`), so anyone can recompute a
//! score by hand from [`ScoreBreakdown`]. Protected characteristics (religion, ethnicity)
//! are never inputs: [`CaseProfile`] has no field for them and refuses a record that
//! carries one, and a test pins its field list. Nationality is an input only through the
//! existing community of the same nationality, which is what the research on placement
//! outcomes measures (network effects); it does not change the score by itself.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How the chances of a family's members combine into the family's score: a documented
/// policy choice, because it decides whom the optimiser favours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FamilyScore {
    /// Expected number of employed working-age members, `Σ p_i` (Annie MOORE). Favours
    /// large families with many working-age adults; every adult's chance counts.
    #[default]
    SumOfMembers,
    /// Probability that at least one member is employed, `1 − Π (1 − p_i)` (GeoMatch).
    /// Favours placing the likeliest single earner well; criticised in the Netherlands for
    /// largely ignoring the employment of women in the family.
    AtLeastOne,
}

impl FamilyScore {
    /// The family's score from its members' probabilities (each clamped to `[0, 1]`).
    pub fn combine(self, probabilities: &[f64]) -> f64 {
        let clamp = |p: f64| p.clamp(0.0, 1.0);
        match self {
            FamilyScore::SumOfMembers => probabilities.iter().map(|&p| clamp(p)).sum(),
            FamilyScore::AtLeastOne => {
                1.0 - probabilities
                    .iter()
                    .map(|&p| 1.0 - clamp(p))
                    .product::<f64>()
            }
        }
    }
}

/// What the default model knows about a family. Deliberately nothing else: no religion, no
/// ethnicity, no health details (needs are named services only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseProfile {
    /// ISO country code of nationality (used only to count the existing community).
    pub nationality: String,
    /// Languages the family speaks (ISO 639 codes).
    pub languages: Vec<String>,
    /// Persons in the family.
    pub family_size: u32,
    /// Members aged 18–64.
    pub working_age_adults: u32,
    /// Services the family needs (matched against the place's services).
    #[serde(default)]
    pub needs: Vec<String>,
}

/// What the default model knows about a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceProfile {
    /// Languages with interpreting or courses available.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Residents per nationality already living there.
    #[serde(default)]
    pub community: BTreeMap<String, u32>,
    /// Local unemployment rate in `[0, 1]`.
    pub unemployment_rate: f64,
    /// Free housing units by size class: `small` (1–2 persons), `medium` (3–5), `large` (6+).
    #[serde(default)]
    pub housing_units: BTreeMap<String, u32>,
    /// Services offered.
    #[serde(default)]
    pub services: Vec<String>,
}

/// The weights of the default model (`[placement.weights]` in a policy profile). Missing
/// keys take the defaults below.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoreWeights {
    /// Weight of "the place supports one of the family's languages".
    pub language: f64,
    /// Weight of the existing community of the same nationality.
    pub community: f64,
    /// Weight of the local labour market (per working-age adult, combined by `family_score`).
    pub labour_market: f64,
    /// Weight of "a free housing unit of the family's size class".
    pub housing: f64,
    /// Weight of the share of the family's needs the place serves.
    pub services: f64,
    /// Community size at which the community term reaches 1 (it grows logarithmically).
    pub community_saturation: u32,
    /// How adults' chances combine.
    pub family_score: FamilyScore,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights {
            language: 1.0,
            community: 0.5,
            labour_market: 1.0,
            housing: 0.5,
            services: 1.0,
            community_saturation: 500,
            family_score: FamilyScore::SumOfMembers,
        }
    }
}

impl ScoreWeights {
    /// Parses the `[placement.weights]` table (TOML) of a policy profile.
    pub fn from_toml(text: &str) -> Result<ScoreWeights, String> {
        toml::from_str(text).map_err(|e| format!("placement.weights: {e}"))
    }
}

/// A score and the terms it is made of (each term already multiplied by its weight).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreBreakdown {
    /// Language support term.
    pub language: f64,
    /// Existing-community term.
    pub community: f64,
    /// Labour-market term.
    pub labour_market: f64,
    /// Housing-fit term.
    pub housing: f64,
    /// Services-for-needs term.
    pub services: f64,
    /// The sum: the family's score at the place.
    pub total: f64,
}

/// The housing size class of a family: `small`, `medium` or `large`.
pub fn housing_class(family_size: u32) -> &'static str {
    match family_size {
        0..=2 => "small",
        3..=5 => "medium",
        _ => "large",
    }
}

/// The default model's score of `case` at `place`.
pub fn score(case: &CaseProfile, place: &PlaceProfile, w: &ScoreWeights) -> ScoreBreakdown {
    let language = if case.languages.iter().any(|l| place.languages.contains(l)) {
        1.0
    } else {
        0.0
    };
    let count = place.community.get(&case.nationality).copied().unwrap_or(0) as f64;
    let saturation = f64::from(w.community_saturation.max(1));
    let community = ((1.0 + count).ln() / (1.0 + saturation).ln()).min(1.0);
    let chance = (1.0 - place.unemployment_rate).clamp(0.0, 1.0);
    let adults = vec![chance; case.working_age_adults as usize];
    let labour_market = w.family_score.combine(&adults);
    let housing = if place
        .housing_units
        .get(housing_class(case.family_size))
        .is_some_and(|&u| u > 0)
    {
        1.0
    } else {
        0.0
    };
    let services = if case.needs.is_empty() {
        1.0
    } else {
        case.needs
            .iter()
            .filter(|n| place.services.contains(n))
            .count() as f64
            / case.needs.len() as f64
    };
    let parts = [
        w.language * language,
        w.community * community,
        w.labour_market * labour_market,
        w.housing * housing,
        w.services * services,
    ];
    ScoreBreakdown {
        language: parts[0],
        community: parts[1],
        labour_market: parts[2],
        housing: parts[3],
        services: parts[4],
        total: parts.iter().sum(),
    }
}

/// The `scores` matrix of an instance from profiles (every pair allowed; hard rules go in
/// the instance's `requires` and capacities).
pub fn score_matrix(
    cases: &[CaseProfile],
    places: &[PlaceProfile],
    weights: &ScoreWeights,
) -> Vec<Vec<Option<f64>>> {
    cases
        .iter()
        .map(|c| {
            places
                .iter()
                .map(|p| Some(score(c, p, weights).total))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family() -> CaseProfile {
        CaseProfile {
            nationality: "SY".into(),
            languages: vec!["ar".into()],
            family_size: 5,
            working_age_adults: 2,
            needs: vec!["wheelchair".into()],
        }
    }

    fn town() -> PlaceProfile {
        PlaceProfile {
            languages: vec!["ar".into(), "fr".into()],
            community: BTreeMap::from([("SY".into(), 120)]),
            unemployment_rate: 0.08,
            housing_units: BTreeMap::from([("medium".into(), 2)]),
            services: vec![],
        }
    }

    #[test]
    fn family_score_policies() {
        let p = [0.5, 0.5];
        assert_eq!(FamilyScore::SumOfMembers.combine(&p), 1.0);
        assert_eq!(FamilyScore::AtLeastOne.combine(&p), 0.75);
        assert_eq!(FamilyScore::AtLeastOne.combine(&[]), 0.0);
        // Sum favours two moderate earners over one likely one; at-least-one the reverse.
        let two_moderate = [0.5, 0.5];
        let one_likely = [0.8, 0.0];
        assert!(
            FamilyScore::SumOfMembers.combine(&two_moderate)
                > FamilyScore::SumOfMembers.combine(&one_likely)
        );
        assert!(
            FamilyScore::AtLeastOne.combine(&two_moderate)
                < FamilyScore::AtLeastOne.combine(&one_likely)
        );
    }

    #[test]
    fn breakdown_adds_up_and_is_transparent() {
        let w = ScoreWeights::default();
        let s = score(&family(), &town(), &w);
        assert_eq!(s.language, 1.0);
        assert!((s.labour_market - 1.84).abs() < 1e-12);
        assert_eq!(s.housing, 0.5);
        assert_eq!(s.services, 0.0);
        let sum = s.language + s.community + s.labour_market + s.housing + s.services;
        assert!((s.total - sum).abs() < 1e-12);
    }

    #[test]
    fn weights_parse_from_a_toml_table_with_defaults() {
        let w =
            ScoreWeights::from_toml("language = 2.0\nfamily_score = \"at_least_one\"\n").unwrap();
        assert_eq!(w.language, 2.0);
        assert_eq!(w.community, 0.5);
        assert_eq!(w.family_score, FamilyScore::AtLeastOne);
        let e = ScoreWeights::from_toml("religion = 1.0").unwrap_err();
        assert!(e.contains("unknown field `religion`"), "{e}");
    }

    /// Protected characteristics are never inputs: the case profile has exactly these
    /// fields, and a record carrying religion or ethnicity is refused, not silently used.
    #[test]
    fn protected_characteristics_are_never_inputs() {
        let value = serde_json::to_value(family()).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "family_size",
                "languages",
                "nationality",
                "needs",
                "working_age_adults"
            ]
        );
        for field in ["religion", "ethnicity"] {
            let mut record = value.clone();
            record[field] = serde_json::json!("anything");
            let refused = serde_json::from_value::<CaseProfile>(record).unwrap_err();
            assert!(refused.to_string().contains(field), "{refused}");
        }
    }

    /// Two families that differ only in what the model does not know (here: their
    /// religion, kept in a record outside the model) get the same score everywhere.
    #[test]
    fn fields_outside_the_model_do_not_change_the_score() {
        struct Record {
            profile: CaseProfile,
            #[allow(dead_code)]
            religion: &'static str,
        }
        let a = Record {
            profile: family(),
            religion: "a",
        };
        let b = Record {
            profile: family(),
            religion: "b",
        };
        let w = ScoreWeights::default();
        assert_eq!(
            score(&a.profile, &town(), &w),
            score(&b.profile, &town(), &w)
        );
    }
}
