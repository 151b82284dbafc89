//! The TOML shape of a policy profile, exactly as written, before any meaning is checked.
//!
//! Every table refuses unknown keys, so a misspelt key is an error with its line rather
//! than a setting silently ignored. Values that are checked after reading (state words,
//! numbers that must not be negative) keep their span so the error can point at them.
use serde::Deserialize;
use toml::Spanned;

/// A string as written (a state, a name); checked later.
pub(super) type Word = Spanned<String>;
/// An integer as written, signed so that a negative value is refused with its key rather
/// than as a type mismatch.
pub(super) type Int = Spanned<i64>;

/// The whole file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Profile {
    pub name: Word,
    pub version: Spanned<Version>,
    pub title: Word,
    pub country: Word,
    #[serde(default)]
    pub description: String,
    pub sources: Spanned<Vec<String>>,
    pub channels: Spanned<Channels>,
    #[serde(default)]
    pub steps: Steps,
    pub assessment: Assessment,
    #[serde(default)]
    pub pre_departure: Vec<PreDeparture>,
    #[serde(default)]
    pub post_arrival: Vec<PreDeparture>,
    #[serde(default)]
    pub time_limits: Vec<TimeLimit>,
    pub reception: Reception,
    pub integration: Option<Integration>,
    pub support: Option<Support>,
    pub money: Option<Money>,
    pub planning: Option<Planning>,
    pub data_protection: Option<DataProtection>,
    pub placement: Option<Placement>,
    pub family: Option<Family>,
    pub reunification: Option<Reunification>,
    pub reasons: Option<Spanned<Reasons>>,
}

/// `label`: a name's words per language (`label.en = "…"`, `label.nl = "…"`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Labels {
    pub en: Option<Word>,
    pub nl: Option<Word>,
    pub fr: Option<Word>,
    pub ar: Option<Word>,
    pub fa: Option<Word>,
}

/// `[reasons]`: the lists staff choose a reason from.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Reasons {
    pub slip: Option<Spanned<Vec<Reason>>>,
    pub deferral: Option<Spanned<Vec<Reason>>>,
    pub withdrawal: Option<Spanned<Vec<Reason>>>,
    pub breakdown: Option<Spanned<Vec<Reason>>>,
}

/// `[[reasons.slip]]`, `[[reasons.deferral]]`, `[[reasons.withdrawal]]`,
/// `[[reasons.breakdown]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Reason {
    pub code: Word,
    pub label: Option<Spanned<Labels>>,
}

/// `[placement]`: how families are matched to places.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct Placement {
    /// `[placement.weights]`: the default score model's weights and family rule.
    #[serde(default)]
    pub weights: resettle_placement::ScoreWeights,
    /// `[placement.fairness]`: the distribution plan, if the programme has one.
    pub fairness: Option<resettle_placement::DistributionPlan>,
}

/// `version`: an integer or a string (a date is written quoted).
pub(super) enum Version {
    Number(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Version;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an integer or a quoted string such as \"2012-02-07\"")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Version, E> {
                Ok(Version::Number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Version, E> {
                i64::try_from(v)
                    .map(Version::Number)
                    .map_err(|_| E::custom("version number too large"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Version, E> {
                Ok(Version::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// `[channels]`: one table per channel the programme uses.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Channels {
    pub mission: Option<Channel>,
    pub dossier: Option<Channel>,
}

/// `[channels.mission]`, `[channels.dossier]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Channel {
    #[serde(default)]
    pub emergency: bool,
}

/// `[steps]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Steps {
    pub off: Option<Spanned<Vec<Word>>>,
}

/// `[assessment]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Assessment {
    pub authority: Word,
    #[serde(default)]
    pub authority_name: String,
    pub expected_acceptance_rate: Option<Spanned<f64>>,
    pub checks: Spanned<Vec<Check>>,
}

/// `[[assessment.checks]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Check {
    pub name: Word,
    #[serde(default)]
    pub basis: String,
    pub refusal_ground: Option<bool>,
    pub label: Option<Spanned<Labels>>,
}

/// `[[pre_departure]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PreDeparture {
    pub name: Word,
    pub label: Option<Spanned<Labels>>,
    pub required: Option<bool>,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: String,
}

/// `[[time_limits]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TimeLimit {
    pub from: Word,
    pub to: Word,
    pub days: Int,
    pub priority: Option<Word>,
    #[serde(default)]
    pub source: String,
}

/// `[reception]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Reception {
    pub model: Word,
    #[serde(default)]
    pub sponsorship_skips_centre: bool,
    #[serde(default)]
    pub phases: Vec<Phase>,
}

/// `[[reception.phases]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Phase {
    pub place: Word,
    pub typical_days: Option<Int>,
    pub max_days: Option<Int>,
    #[serde(default)]
    pub note: String,
}

/// `[integration]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Integration {
    pub support_months: Option<Int>,
    #[serde(default)]
    pub provider: String,
    #[serde(default = "yes")]
    pub individual: bool,
}

/// `[reunification]`: the time limit for a decision on a reunification request.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Reunification {
    pub days: Int,
    pub source: Word,
}

/// `[support]`: when the wellbeing check-ins fall due.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Support {
    pub checkin_months: Option<Spanned<Vec<Int>>>,
}

fn yes() -> bool {
    true
}

/// `[money]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Money {
    pub allowance: Option<Allowance>,
    pub first_cohort_allowance: Option<Allowance>,
    pub first_cohort_until_year: Option<Int>,
    pub eu_funding_per_person_cents: Option<Int>,
    #[serde(default)]
    pub eu_funding_source: String,
}

/// `[money.allowance]`, `[money.first_cohort_allowance]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Allowance {
    pub per_adult_cents: Option<Int>,
    pub per_minor_cents: Option<Int>,
    #[serde(default)]
    pub purpose: String,
}

/// `[planning]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Planning {
    pub kind: Word,
    #[serde(default)]
    pub decided_by: String,
    pub first_year: Option<Int>,
    pub last_year: Option<Int>,
    pub per_year: Option<Int>,
    pub total: Option<Int>,
    pub per_channel: Option<Spanned<PerChannel>>,
    pub allocation: Option<Allocation>,
}

/// `[planning.allocation]`: how a year's quota is split over situations and channels.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Allocation {
    pub emergency: Option<Word>,
    pub sponsorship: Option<Word>,
    pub floor_percent: Option<std::collections::BTreeMap<String, Int>>,
    pub cap: Option<std::collections::BTreeMap<String, Int>>,
    pub cases_per_mission_day: Option<Int>,
    pub days_per_mission: Option<Int>,
    pub persons_per_case: Option<Spanned<f64>>,
}

/// `[planning.per_channel]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PerChannel {
    pub mission: Option<Int>,
    pub dossier: Option<Int>,
}

/// `[data_protection]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DataProtection {
    pub retention_years: Option<Int>,
    pub small_cell_threshold: Option<Int>,
}

/// `[family]`: the family status page's texts, each a table of language code to text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Family {
    pub advice: Spanned<Labels>,
    pub contact: Spanned<Labels>,
}
