//! The placement instance as users write it (the exact JSON format of issue 6), parsed once
//! and validated so every refusal names the field and the reason.
//!
//! ```json
//! {"dimensions": ["persons", "school"],
//!  "places": [{"id": "Gent", "capacity": {"persons": 40, "school": 6}, "services": ["wheelchair"]}],
//!  "cases": [{"id": "BE-1", "demand": {"persons": 5, "school": 2}, "requires": [], "together_with": []}],
//!  "scores": [[1.7]]}
//! ```
//!
//! `scores[i][j]` is case `i`'s score at place `j`, `null` where the pair is not allowed. A
//! demand or capacity key that is missing counts as 0, so a dimension only some places
//! track is simply closed at the others.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

/// A whole placement problem: who needs a place, where there is room, and how good each
/// pairing is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    /// Capacity dimensions (`persons`, `school`, `unit_large`, …); every demand and
    /// capacity key must be one of these.
    pub dimensions: Vec<String>,
    /// Where families can go: municipalities, reception places, sponsor groups.
    pub places: Vec<Place>,
    /// The families to place (one case each).
    pub cases: Vec<Case>,
    /// `scores[i][j]`: the score of case `i` at place `j`; `None` (`null`) forbids the pair.
    pub scores: Vec<Vec<Option<f64>>>,
    /// A distribution plan: every place's load in one dimension within a band around its
    /// fair share (`places[j].fair_share`). Optional; absent, no band applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fairness: Option<Fairness>,
}

/// Each place's share of one dimension within a band around its fair share: with `T` the
/// total demand of all cases in `dimension` and `w_j` place `j`'s `fair_share`, its target
/// is `t_j = T × w_j / Σ w`, and its load must lie in
/// `[floor((1 − band) × t_j), ceil((1 + band) × t_j)]` (rounded outwards to whole units, so
/// a band is never narrower than the families it has to hold).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fairness {
    /// The dimension the plan distributes, usually `persons`.
    pub dimension: String,
    /// Half-width of the band as a fraction of the target: `0.25` allows 75 % to 125 %.
    pub band: f64,
}

/// A place that can receive families.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Unique among places.
    pub id: String,
    /// Room per dimension; a dimension not named here has capacity 0.
    #[serde(default)]
    pub capacity: BTreeMap<String, f64>,
    /// Services the place offers, matched against each case's `requires`.
    #[serde(default)]
    pub services: Vec<String>,
    /// Region, for reports and explanations; not used by the solver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The least the place must receive per dimension (a hard floor, e.g. a municipality's
    /// legal task); a dimension not named has none. Optional.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub minimum: BTreeMap<String, f64>,
    /// The most the place may receive per dimension in this plan when that is less than
    /// its capacity (a quota for the period, the top of a distribution plan's band); a
    /// dimension not named is limited by its capacity only. Optional.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub maximum: BTreeMap<String, f64>,
    /// The place's weight in the distribution plan (population, say), required for every
    /// place when the instance sets `fairness` and refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fair_share: Option<f64>,
}

/// One family to place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Unique among cases.
    pub id: String,
    /// What the family uses per dimension; a dimension not named here counts as 0.
    #[serde(default)]
    pub demand: BTreeMap<String, f64>,
    /// Services a place must offer for this family (hard requirement).
    #[serde(default)]
    pub requires: Vec<String>,
    /// Cases that must land at the same place (linked relatives). The relation is taken as
    /// symmetric and transitive: naming it once, on either side, links the whole group.
    #[serde(default)]
    pub together_with: Vec<String>,
}

/// An instance refused: the field (as a JSON path such as `scores[3][7]` or
/// `cases[2].together_with`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceError {
    /// Where: a JSON path into the instance, or `instance` for the document as a whole.
    pub field: String,
    /// Why, with the offending value quoted.
    pub reason: String,
}

impl InstanceError {
    /// A refusal of `field` for `reason`.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for InstanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl std::error::Error for InstanceError {}

impl Instance {
    /// Each case's position by its id, for reading a solution (which names cases by id)
    /// against the instance's rows.
    pub fn case_index(&self) -> BTreeMap<&str, usize> {
        self.cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect()
    }

    /// Each place's position by its id, for reading a solution against the columns.
    pub fn place_index(&self) -> BTreeMap<&str, usize> {
        self.places
            .iter()
            .enumerate()
            .map(|(j, p)| (p.id.as_str(), j))
            .collect()
    }

    /// Parses and validates the JSON format. Syntax and type errors name the JSON path of the
    /// offending value (`cases[2].demand.persons: invalid type: string "5", expected f64`).
    pub fn from_json(text: &str) -> Result<Instance, InstanceError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let instance: Instance = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." || path == "?" || path.is_empty() {
                "instance".to_string()
            } else {
                path
            };
            InstanceError::new(field, e.inner().to_string())
        })?;
        instance.validate()?;
        Ok(instance)
    }

    /// Checks everything the solver relies on: unique ids, known dimensions, finite
    /// non-negative demands and capacities, a score matrix of the right shape with finite
    /// entries, and links that name existing cases.
    pub fn validate(&self) -> Result<(), InstanceError> {
        let mut dims = BTreeSet::new();
        for (d, name) in self.dimensions.iter().enumerate() {
            if name.trim().is_empty() {
                return Err(InstanceError::new(format!("dimensions[{d}]"), "is empty"));
            }
            if !dims.insert(name.as_str()) {
                return Err(InstanceError::new(
                    format!("dimensions[{d}]"),
                    format!("duplicate dimension {name:?}"),
                ));
            }
        }
        let mut place_ids = BTreeSet::new();
        for (j, place) in self.places.iter().enumerate() {
            if place.id.trim().is_empty() {
                return Err(InstanceError::new(format!("places[{j}].id"), "is empty"));
            }
            if !place_ids.insert(place.id.as_str()) {
                return Err(InstanceError::new(
                    format!("places[{j}].id"),
                    format!("duplicate place {:?}", place.id),
                ));
            }
            check_amounts(&dims, &place.capacity, &format!("places[{j}].capacity"))?;
            check_amounts(&dims, &place.minimum, &format!("places[{j}].minimum"))?;
            check_amounts(&dims, &place.maximum, &format!("places[{j}].maximum"))?;
            for (name, &least) in &place.minimum {
                let room = place.capacity.get(name).copied().unwrap_or(0.0);
                if least > room {
                    return Err(InstanceError::new(
                        format!("places[{j}].minimum.{name}"),
                        format!("{least} exceeds the capacity {room}"),
                    ));
                }
                if let Some(&most) = place.maximum.get(name)
                    && least > most
                {
                    return Err(InstanceError::new(
                        format!("places[{j}].minimum.{name}"),
                        format!("{least} exceeds the maximum {most}"),
                    ));
                }
            }
        }
        self.validate_fairness(&dims)?;
        let mut case_ids = BTreeSet::new();
        for (i, case) in self.cases.iter().enumerate() {
            if case.id.trim().is_empty() {
                return Err(InstanceError::new(format!("cases[{i}].id"), "is empty"));
            }
            if !case_ids.insert(case.id.as_str()) {
                return Err(InstanceError::new(
                    format!("cases[{i}].id"),
                    format!("duplicate case {:?}", case.id),
                ));
            }
            check_amounts(&dims, &case.demand, &format!("cases[{i}].demand"))?;
        }
        for (i, case) in self.cases.iter().enumerate() {
            for (k, other) in case.together_with.iter().enumerate() {
                if !case_ids.contains(other.as_str()) {
                    return Err(InstanceError::new(
                        format!("cases[{i}].together_with[{k}]"),
                        format!("unknown case {other:?}"),
                    ));
                }
            }
        }
        if self.scores.len() != self.cases.len() {
            return Err(InstanceError::new(
                "scores",
                format!(
                    "has {} rows but there are {} cases",
                    self.scores.len(),
                    self.cases.len()
                ),
            ));
        }
        for (i, row) in self.scores.iter().enumerate() {
            if row.len() != self.places.len() {
                return Err(InstanceError::new(
                    format!("scores[{i}]"),
                    format!(
                        "has {} entries but there are {} places",
                        row.len(),
                        self.places.len()
                    ),
                ));
            }
            for (j, score) in row.iter().enumerate() {
                if let Some(s) = score
                    && !s.is_finite()
                {
                    return Err(InstanceError::new(
                        format!("scores[{i}][{j}]"),
                        format!("must be a finite number or null, got {s}"),
                    ));
                }
            }
        }
        Ok(())
    }

    fn validate_fairness(&self, dims: &BTreeSet<&str>) -> Result<(), InstanceError> {
        let Some(fairness) = &self.fairness else {
            if let Some(j) = self.places.iter().position(|p| p.fair_share.is_some()) {
                return Err(InstanceError::new(
                    format!("places[{j}].fair_share"),
                    "is set but the instance has no `fairness` to apply it",
                ));
            }
            return Ok(());
        };
        if !dims.contains(fairness.dimension.as_str()) {
            return Err(InstanceError::new(
                "fairness.dimension",
                format!(
                    "unknown dimension {:?} (not in `dimensions`)",
                    fairness.dimension
                ),
            ));
        }
        if !fairness.band.is_finite() || fairness.band < 0.0 {
            return Err(InstanceError::new(
                "fairness.band",
                format!("must be a finite number >= 0, got {}", fairness.band),
            ));
        }
        let mut total = 0.0;
        for (j, place) in self.places.iter().enumerate() {
            match place.fair_share {
                None => {
                    return Err(InstanceError::new(
                        format!("places[{j}].fair_share"),
                        "is required when the instance sets `fairness`",
                    ));
                }
                Some(w) if !w.is_finite() || w < 0.0 => {
                    return Err(InstanceError::new(
                        format!("places[{j}].fair_share"),
                        format!("must be a finite number >= 0, got {w}"),
                    ));
                }
                Some(w) => total += w,
            }
        }
        let demand: f64 = (0..self.cases.len())
            .map(|i| self.demand(i, &fairness.dimension))
            .sum();
        if total <= 0.0 && demand > 0.0 {
            return Err(InstanceError::new(
                "places",
                "every fair_share is 0: the band has nothing to be proportional to",
            ));
        }
        Ok(())
    }

    /// Per place, `(least, most)` its load in `fairness.dimension` may be under the
    /// distribution plan, with the dimension's index; `None` without `fairness`.
    /// The instance must be valid.
    pub fn fair_bounds(&self) -> Option<(usize, Vec<(f64, f64)>)> {
        let fairness = self.fairness.as_ref()?;
        let d = self
            .dimensions
            .iter()
            .position(|x| *x == fairness.dimension)?;
        let total: f64 = (0..self.cases.len())
            .map(|i| self.demand(i, &fairness.dimension))
            .sum();
        let weights: f64 = self.places.iter().filter_map(|p| p.fair_share).sum();
        let bounds = self
            .places
            .iter()
            .map(|p| {
                let target = if weights > 0.0 {
                    total * p.fair_share.unwrap_or(0.0) / weights
                } else {
                    0.0
                };
                let (least, most) = super::distribution::band_around(target, fairness.band);
                (least.max(0.0), most.max(0.0))
            })
            .collect();
        Some((d, bounds))
    }

    /// The instance without minimums and fairness band: what the solver answers with when
    /// no plan meets them, so planners still see where families could go.
    pub(crate) fn without_floors(&self) -> Instance {
        let mut loose = self.clone();
        loose.fairness = None;
        for place in &mut loose.places {
            place.minimum.clear();
            place.fair_share = None;
        }
        loose
    }

    /// The most place `j` may receive in dimension `d` (an index into `dimensions`):
    /// the least of its capacity, its maximum and the top of the fairness band, with what
    /// that limit is called in explanations (`capacity`, `maximum`, `fair-share band top`).
    /// `band` is [`Instance::fair_bounds`].
    pub(crate) fn room(
        &self,
        j: usize,
        d: usize,
        band: Option<&(usize, Vec<(f64, f64)>)>,
    ) -> (f64, &'static str) {
        let name = &self.dimensions[d];
        let mut room = (self.capacity(j, name), "capacity");
        if let Some(&most) = self.places[j].maximum.get(name)
            && most < room.0
        {
            room = (most, "maximum");
        }
        if let Some((fd, bounds)) = band
            && *fd == d
            && bounds[j].1 < room.0
        {
            room = (bounds[j].1, "fair-share band top");
        }
        room
    }

    /// Place `j`'s declared minimum in `dimension` (0 when the key is missing).
    pub fn minimum(&self, j: usize, dimension: &str) -> f64 {
        self.places[j]
            .minimum
            .get(dimension)
            .copied()
            .unwrap_or(0.0)
    }

    /// Case `i`'s demand in `dimension` (0 when the key is missing).
    pub fn demand(&self, i: usize, dimension: &str) -> f64 {
        self.cases[i].demand.get(dimension).copied().unwrap_or(0.0)
    }

    /// Place `j`'s capacity in `dimension` (0 when the key is missing).
    pub fn capacity(&self, j: usize, dimension: &str) -> f64 {
        self.places[j]
            .capacity
            .get(dimension)
            .copied()
            .unwrap_or(0.0)
    }

    /// The services of `requires` that place `j` does not offer to case `i`.
    pub fn missing_services(&self, i: usize, j: usize) -> Vec<&str> {
        let offered = &self.places[j].services;
        self.cases[i]
            .requires
            .iter()
            .filter(|s| !offered.contains(s))
            .map(String::as_str)
            .collect()
    }

    /// The JSON text of the instance, keys in a fixed order.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an instance serialises")
    }
}

fn check_amounts(
    dims: &BTreeSet<&str>,
    amounts: &BTreeMap<String, f64>,
    field: &str,
) -> Result<(), InstanceError> {
    for (name, value) in amounts {
        if !dims.contains(name.as_str()) {
            return Err(InstanceError::new(
                format!("{field}.{name}"),
                format!("unknown dimension {name:?} (not in `dimensions`)"),
            ));
        }
        if !value.is_finite() || *value < 0.0 {
            return Err(InstanceError::new(
                format!("{field}.{name}"),
                format!("must be a finite number >= 0, got {value}"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{"dimensions": ["persons", "school"],
        "places": [{"id": "A", "capacity": {"persons": 4}, "services": ["wheelchair"]},
                   {"id": "B", "capacity": {"persons": 3, "school": 1}}],
        "cases": [{"id": "x", "demand": {"persons": 2}, "requires": [], "together_with": ["y"]},
                  {"id": "y", "demand": {"persons": 1, "school": 1}}],
        "scores": [[1.0, null], [0.5, 0.25]]}"#;

    #[test]
    fn parses_the_issue_format_and_missing_keys_count_as_zero() {
        let instance = Instance::from_json(SMALL).unwrap();
        assert_eq!(instance.capacity(0, "school"), 0.0);
        assert_eq!(instance.demand(0, "school"), 0.0);
        assert_eq!(instance.demand(1, "school"), 1.0);
        assert_eq!(instance.scores[0][1], None);
        assert_eq!(instance.missing_services(0, 1), Vec::<&str>::new());
    }

    fn error_of(text: &str) -> String {
        Instance::from_json(text).unwrap_err().to_string()
    }

    #[test]
    fn type_errors_name_the_json_path() {
        let bad = SMALL.replace(r#""persons": 2}"#, r#""persons": "2"}"#);
        let e = error_of(&bad);
        assert!(
            e.starts_with("cases[0].demand.persons: invalid type"),
            "{e}"
        );
        let bad = SMALL.replace("[0.5, 0.25]", r#"[0.5, "high"]"#);
        let e = error_of(&bad);
        assert!(e.starts_with("scores[1][1]: invalid type"), "{e}");
        let bad = SMALL.replace(r#""together_with": ["y"]"#, r#""togeter_with": ["y"]"#);
        let e = error_of(&bad);
        assert!(
            e.starts_with("cases[0].togeter_with: unknown field `togeter_with`"),
            "{e}"
        );
        let e = error_of("{");
        assert!(e.starts_with("instance: "), "{e}");
    }

    #[test]
    fn validation_names_field_and_reason() {
        let e = error_of(&SMALL.replace(r#"["y"]"#, r#"["z"]"#));
        assert_eq!(e, r#"cases[0].together_with[0]: unknown case "z""#);
        let e = error_of(&SMALL.replace(r#"{"persons": 3, "school": 1}"#, r#"{"beds": 3}"#));
        assert_eq!(
            e,
            r#"places[1].capacity.beds: unknown dimension "beds" (not in `dimensions`)"#
        );
        let e = error_of(&SMALL.replace(r#"{"persons": 2}"#, r#"{"persons": -2}"#));
        assert_eq!(
            e,
            "cases[0].demand.persons: must be a finite number >= 0, got -2"
        );
        let e = error_of(&SMALL.replace("[0.5, 0.25]", "[0.5]"));
        assert_eq!(e, "scores[1]: has 1 entries but there are 2 places");
        let e = error_of(&SMALL.replace(r#""id": "y""#, r#""id": "x""#));
        assert_eq!(e, r#"cases[1].id: duplicate case "x""#);
        let e = error_of(&SMALL.replace(r#"[[1.0, null], [0.5, 0.25]]"#, "[[1.0, null]]"));
        assert_eq!(e, "scores: has 1 rows but there are 2 cases");
    }

    #[test]
    fn non_finite_scores_are_refused_by_validate() {
        let mut instance = Instance::from_json(SMALL).unwrap();
        instance.scores[1][0] = Some(f64::NAN);
        assert_eq!(
            instance.validate().unwrap_err().to_string(),
            "scores[1][0]: must be a finite number or null, got NaN"
        );
    }
}
