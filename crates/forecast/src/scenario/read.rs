//! Reading a scenario file: the TOML shape as written (every table refuses unknown keys, so a
//! misspelt key is an error with its line, not a figure silently ignored), then the typed
//! [`Scenario`], then its checks. Every refusal names the key and, through the spans of the
//! parsed document, the line and column.
use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use time::Date;

use super::{
    CapacityChange, DossierFlow, Location, Mission, Pledge, Scenario, ScenarioError, Shock,
    Sourced, Stage,
};
use crate::weeks::Weeks;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    name: String,
    title: String,
    #[serde(default)]
    description: String,
    sources: Vec<String>,
    reception_model: String,
    start: String,
    end: String,
    families: RawFamilies,
    decision: RawDecision,
    pre_departure: RawPreDeparture,
    #[serde(default)]
    missions: Vec<RawMission>,
    #[serde(default)]
    dossiers: Vec<RawDossiers>,
    stages: Vec<RawStage>,
    #[serde(default)]
    pledges: Vec<RawPledge>,
    #[serde(default)]
    shocks: Vec<RawShock>,
    #[serde(default)]
    what_if: Vec<RawShock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFamilies {
    size_weights: Vec<f64>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    acceptance_rate: f64,
    weeks: RawWeeks,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPreDeparture {
    weeks: RawWeeks,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMission {
    name: String,
    month: String,
    persons: i64,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDossiers {
    from: String,
    until: String,
    persons_per_month: f64,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    name: String,
    capacity: Option<i64>,
    weeks: RawWeeks,
    #[serde(default)]
    occupied_at_start: i64,
    #[serde(default)]
    changes: Vec<RawChange>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    from: String,
    capacity: i64,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPledge {
    year: i64,
    until: Option<i64>,
    persons: i64,
    source: String,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum RawShock {
    Halt {
        from: String,
        months: i64,
        source: String,
    },
    MissionCancelled {
        mission: String,
        source: String,
    },
    PlacesClosed {
        stage: String,
        from: String,
        places: i64,
        months: Option<i64>,
        source: String,
    },
}

/// `weeks = { triangular = [4, 6, 9] }`: exactly one shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeeks {
    fixed: Option<f64>,
    uniform: Option<[f64; 2]>,
    triangular: Option<[f64; 3]>,
    empirical: Option<RawEmpirical>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEmpirical {
    weeks: Vec<i64>,
    weights: Vec<f64>,
}

/// Reads and checks a scenario.
pub(super) fn parse(text: &str) -> Result<Scenario, ScenarioError> {
    let spans = Spans::of(text);
    let raw: Raw = toml::from_str(text).map_err(|e| spans.toml_error(text, &e))?;
    let scenario = typed(raw).map_err(|e| spans.place(text, e))?;
    scenario.check().map_err(|e| spans.place(text, e))?;
    Ok(scenario)
}

fn typed(raw: Raw) -> Result<Scenario, ScenarioError> {
    let scenario = Scenario {
        name: raw.name,
        title: raw.title,
        description: raw.description.trim().to_string(),
        sources: raw.sources,
        reception_model: raw.reception_model,
        start: date("start", &raw.start)?,
        end: date("end", &raw.end)?,
        family_sizes: Sourced::new(
            raw.families.size_weights,
            source("families.source", raw.families.source)?,
        ),
        acceptance_rate: Sourced::new(
            raw.decision.acceptance_rate,
            source("decision.source", raw.decision.source.clone())?,
        ),
        decision_weeks: Sourced::new(
            weeks("decision.weeks", raw.decision.weeks)?,
            raw.decision.source,
        ),
        pre_departure_weeks: Sourced::new(
            weeks("pre_departure.weeks", raw.pre_departure.weeks)?,
            source("pre_departure.source", raw.pre_departure.source)?,
        ),
        missions: raw
            .missions
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let key = |f: &str| format!("missions[{i}].{f}");
                Ok(Mission {
                    name: m.name,
                    month: month(&key("month"), &m.month)?,
                    persons: count(&key("persons"), m.persons)?,
                    source: source(&key("source"), m.source)?,
                })
            })
            .collect::<Result<_, ScenarioError>>()?,
        dossiers: raw
            .dossiers
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let key = |f: &str| format!("dossiers[{i}].{f}");
                Ok(DossierFlow {
                    from: month(&key("from"), &d.from)?,
                    until: month(&key("until"), &d.until)?,
                    persons_per_month: d.persons_per_month,
                    source: source(&key("source"), d.source)?,
                })
            })
            .collect::<Result<_, ScenarioError>>()?,
        stages: raw
            .stages
            .into_iter()
            .enumerate()
            .map(|(i, s)| stage(i, s))
            .collect::<Result<_, ScenarioError>>()?,
        pledges: raw
            .pledges
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let key = |f: &str| format!("pledges[{i}].{f}");
                let first_year = year(&key("year"), p.year)?;
                Ok(Pledge {
                    first_year,
                    last_year: p
                        .until
                        .map(|y| year(&key("until"), y))
                        .transpose()?
                        .unwrap_or(first_year),
                    persons: count(&key("persons"), p.persons)?,
                    arrived_before_start: 0,
                    source: source(&key("source"), p.source)?,
                })
            })
            .collect::<Result<_, ScenarioError>>()?,
        shocks: raw
            .shocks
            .into_iter()
            .enumerate()
            .map(|(i, s)| shock("shocks", i, s))
            .collect::<Result<_, ScenarioError>>()?,
        what_if: raw
            .what_if
            .into_iter()
            .enumerate()
            .map(|(i, s)| shock("what_if", i, s))
            .collect::<Result<_, ScenarioError>>()?,
        cases: Vec::new(),
    };
    if scenario.sources.iter().all(|s| s.trim().is_empty()) {
        return Err(ScenarioError::key(
            "sources",
            "name at least one source for the scenario's figures".into(),
        ));
    }
    Ok(scenario)
}

fn stage(i: usize, s: RawStage) -> Result<Stage, ScenarioError> {
    let key = |f: &str| format!("stages[{i}].{f}");
    Ok(Stage {
        name: s.name,
        capacity: s.capacity.map(|c| count(&key("capacity"), c)).transpose()?,
        weeks: weeks(&key("weeks"), s.weeks)?,
        occupied_at_start: count(&key("occupied_at_start"), s.occupied_at_start)?,
        changes: s
            .changes
            .into_iter()
            .enumerate()
            .map(|(j, c)| {
                let key = |f: &str| format!("stages[{i}].changes[{j}].{f}");
                Ok(CapacityChange {
                    from: date(&key("from"), &c.from)?,
                    capacity: count(&key("capacity"), c.capacity)?,
                    source: source(&key("source"), c.source)?,
                })
            })
            .collect::<Result<_, ScenarioError>>()?,
        source: source(&key("source"), s.source)?,
    })
}

fn shock(table: &str, i: usize, s: RawShock) -> Result<Shock, ScenarioError> {
    let key = |f: &str| format!("{table}[{i}].{f}");
    Ok(match s {
        RawShock::Halt {
            from,
            months,
            source: src,
        } => Shock::Halt {
            from: date(&key("from"), &from)?,
            months: count(&key("months"), months)?,
            source: source(&key("source"), src)?,
        },
        RawShock::MissionCancelled {
            mission,
            source: src,
        } => Shock::MissionCancelled {
            mission,
            source: source(&key("source"), src)?,
        },
        RawShock::PlacesClosed {
            stage,
            from,
            places,
            months,
            source: src,
        } => Shock::PlacesClosed {
            stage,
            from: date(&key("from"), &from)?,
            places: count(&key("places"), places)?,
            months: months.map(|m| count(&key("months"), m)).transpose()?,
            source: source(&key("source"), src)?,
        },
    })
}

fn weeks(key: &str, raw: RawWeeks) -> Result<Weeks, ScenarioError> {
    let mut shapes = Vec::new();
    if let Some(v) = raw.fixed {
        shapes.push(Weeks::Fixed(v));
    }
    if let Some([min, max]) = raw.uniform {
        shapes.push(Weeks::Uniform { min, max });
    }
    if let Some([min, mode, max]) = raw.triangular {
        shapes.push(Weeks::Triangular { min, mode, max });
    }
    if let Some(e) = raw.empirical {
        let weeks = e
            .weeks
            .iter()
            .map(|&w| count(&format!("{key}.empirical.weeks"), w))
            .collect::<Result<_, _>>()?;
        shapes.push(Weeks::Empirical {
            weeks,
            weights: e.weights,
        });
    }
    if shapes.len() != 1 {
        return Err(ScenarioError::key(
            key,
            format!(
                "give exactly one of fixed, uniform, triangular or empirical (got {})",
                shapes.len()
            ),
        ));
    }
    Ok(shapes.remove(0))
}

/// A count of persons, weeks or months: a whole number from 0 to `u32::MAX`.
fn count(key: &str, v: i64) -> Result<u32, ScenarioError> {
    u32::try_from(v)
        .map_err(|_| ScenarioError::key(key, format!("must be a whole number from 0, got {v}")))
}

fn year(key: &str, v: i64) -> Result<i32, ScenarioError> {
    i32::try_from(v)
        .ok()
        .filter(|y| (1950..=2100).contains(y))
        .ok_or_else(|| {
            ScenarioError::key(key, format!("must be a year from 1950 to 2100, got {v}"))
        })
}

fn source(key: &str, s: String) -> Result<String, ScenarioError> {
    let s = s.trim().to_string();
    if s.is_empty() {
        return Err(ScenarioError::key(
            key,
            "say where the figure comes from, or write \"assumed: …\" with the reason".into(),
        ));
    }
    Ok(s)
}

/// `"2018-10-01"`.
fn date(key: &str, text: &str) -> Result<Date, ScenarioError> {
    let refused = || {
        ScenarioError::key(
            key,
            format!("{text:?} is not a day written YYYY-MM-DD, e.g. \"2018-10-01\""),
        )
    };
    let mut parts = text.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(refused());
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
        return Err(refused());
    };
    if !(1950..=2100).contains(&y) {
        return Err(refused());
    }
    let month = time::Month::try_from(m).map_err(|_| refused())?;
    Date::from_calendar_date(y, month, d).map_err(|_| refused())
}

/// `"2018-02"`: the first day of that month.
fn month(key: &str, text: &str) -> Result<Date, ScenarioError> {
    let refused = || {
        ScenarioError::key(
            key,
            format!("{text:?} is not a month written YYYY-MM, e.g. \"2018-02\""),
        )
    };
    let t = text.trim();
    if t.len() != 7 || t.as_bytes()[4] != b'-' {
        return Err(refused());
    }
    date(key, &format!("{t}-01")).map_err(|_| refused())
}

/// Where each key's value lies in the text: `stages[1].capacity` → its byte range.
struct Spans(HashMap<String, Range<usize>>);

impl Spans {
    fn of(text: &str) -> Spans {
        let mut map = HashMap::new();
        if let Ok(root) = toml::de::DeTable::parse(text) {
            walk_table(root.get_ref(), "", &mut map);
        }
        Spans(map)
    }

    /// Places an error at its key's value, or at the nearest enclosing key that has one.
    fn place(&self, text: &str, mut e: ScenarioError) -> ScenarioError {
        let mut key = e.key.clone().unwrap_or_default();
        loop {
            if let Some(span) = self.0.get(&key) {
                e.location = Some(Location::of(text, span.start));
                return e;
            }
            match key.rfind(['.', '[']) {
                Some(i) => key.truncate(i),
                None => return e,
            }
        }
    }

    /// The TOML reader's own refusal (syntax, a wrong type, an unknown or missing key),
    /// with the key whose value holds the offending place.
    fn toml_error(&self, text: &str, e: &toml::de::Error) -> ScenarioError {
        let key = e.span().and_then(|s| {
            self.0
                .iter()
                .filter(|(_, r)| r.start <= s.start && s.end <= r.end.max(r.start + 1))
                .min_by_key(|(_, r)| r.end - r.start)
                .map(|(k, _)| k.clone())
        });
        ScenarioError {
            location: e.span().map(|s| Location::of(text, s.start)),
            key: key.filter(|k| !k.is_empty()),
            reason: e.message().trim_end().to_string(),
        }
    }
}

fn walk_table(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    map: &mut HashMap<String, Range<usize>>,
) {
    for (k, v) in table.iter() {
        let key = if prefix.is_empty() {
            k.get_ref().to_string()
        } else {
            format!("{prefix}.{}", k.get_ref())
        };
        walk_value(v, key, map);
    }
}

fn walk_value(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    key: String,
    map: &mut HashMap<String, Range<usize>>,
) {
    match value.get_ref() {
        toml::de::DeValue::Table(t) => walk_table(t, &key, map),
        toml::de::DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                walk_value(item, format!("{key}[{i}]"), map);
            }
        }
        _ => {}
    }
    map.insert(key, value.span());
}
