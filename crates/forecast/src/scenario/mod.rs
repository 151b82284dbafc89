//! A scenario: the programme's pipeline as the forecast sees it: who is submitted when,
//! how many are accepted and how fast, the reception stages with their places and lengths
//! of stay, the pledges to meet, and the shocks to try.
//!
//! Scenarios are written as TOML files (`data/scenarios/`, read by [`Scenario::parse`], every
//! figure with its source) or built from the live programme by the application; both are
//! checked by [`Scenario::check`] before a run, so a forecast never starts on an impossible
//! input.
mod error;
mod read;

pub use error::{Location, ScenarioError};

use serde::Serialize;
use time::Date;

use crate::weeks::Weeks;

/// Most reception stages a pipeline may have (Belgium has three: centre, local reception,
/// integration support).
pub const MAX_STAGES: usize = 8;
/// Longest horizon: ten years of weeks.
pub const MAX_HORIZON_WEEKS: u32 = 520;
/// Largest count of persons in any one figure (a mission, a capacity, a pledge).
pub const MAX_PERSONS: u32 = 1_000_000;
/// Most persons a scenario may bring through its pipeline in all, which bounds a run's
/// memory and time (a national programme resettles a few thousand a year).
pub const MAX_TOTAL_PERSONS: u64 = 500_000;

/// A scenario, checked or to be checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// A short name (`belgium-2018-2019`), unique among the shipped scenarios.
    pub name: String,
    /// A title for people.
    pub title: String,
    /// What the scenario asks and what it assumes.
    pub description: String,
    /// Where its figures come from.
    pub sources: Vec<String>,
    /// `centre_then_local` or `direct_municipality` (the policy profile's reception model).
    pub reception_model: String,
    /// The first day simulated (week 0 starts here).
    pub start: Date,
    /// The last day simulated.
    pub end: Date,
    /// Families by size: the weight of 1, 2, 3, … persons.
    pub family_sizes: Sourced<Vec<f64>>,
    /// The share of submitted families accepted (0 to 1).
    pub acceptance_rate: Sourced<f64>,
    /// Weeks from submission (or interview) to the decision.
    pub decision_weeks: Sourced<Weeks>,
    /// Weeks from acceptance until the family is ready to travel (travel documents, medical
    /// check, cultural orientation, a flight).
    pub pre_departure_weeks: Sourced<Weeks>,
    /// Selection missions: each mission's families are decided and prepared together and
    /// are ready to travel in the same week. A mission before the first day feeds the
    /// pipeline with those of its families not yet ready then (those ready before travelled
    /// before, and are among the stages' occupants at the start).
    pub missions: Vec<Mission>,
    /// Dossier submissions: a steady flow of families decided one by one.
    pub dossiers: Vec<DossierFlow>,
    /// The reception stages in order; a family enters the first on arrival and moves on
    /// when its stay ends and the next has room.
    pub stages: Vec<Stage>,
    /// The pledges to meet.
    pub pledges: Vec<Pledge>,
    /// Shocks that happen (applied to the forecast), each also removed in turn to show
    /// what it costs.
    pub shocks: Vec<Shock>,
    /// Shocks that might happen (not applied), each added in turn to show what it would
    /// cost.
    pub what_if: Vec<Shock>,
    /// Families already in the pipeline on the first day (the live programme's cases).
    pub cases: Vec<CaseInPipeline>,
}

/// A value with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Its source, or `assumed: …` with the reason.
    pub source: String,
}

impl<T> Sourced<T> {
    /// A value with its source.
    pub fn new(value: T, source: impl Into<String>) -> Self {
        Sourced {
            value,
            source: source.into(),
        }
    }
}

/// A selection mission.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mission {
    /// Its name, which a `mission_cancelled` shock refers to.
    pub name: String,
    /// The first day of the month it interviews in.
    pub month: Date,
    /// Persons interviewed (submitted to the decision).
    pub persons: u32,
    /// Where the figure comes from.
    pub source: String,
}

/// Dossier submissions from `from` to `until`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierFlow {
    /// First month (its first day).
    pub from: Date,
    /// Last month (its first day).
    pub until: Date,
    /// Persons submitted per month (fractions carry over to the next month).
    pub persons_per_month: f64,
    /// Where the figure comes from.
    pub source: String,
}

/// A reception stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    /// `centre`, `loi`, `municipality`, `integration_support`, …
    pub name: String,
    /// Places in persons; `None` for a stage that never refuses (integration support).
    pub capacity: Option<u32>,
    /// How long a family stays.
    pub weeks: Weeks,
    /// Persons of the programme already in the stage on the first day (for a scenario file;
    /// the live programme gives its families one by one in [`Scenario::cases`]).
    pub occupied_at_start: u32,
    /// Changes of capacity decided in advance (places opened or closed), by date.
    pub changes: Vec<CapacityChange>,
    /// Where its figures come from.
    pub source: String,
}

/// From `from` on, the stage has `capacity` places.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityChange {
    /// The first day of the new capacity.
    pub from: Date,
    /// Places from then on.
    pub capacity: u32,
    /// Where the figure comes from.
    pub source: String,
}

/// A pledge: persons to arrive within calendar years `first_year..=last_year`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pledge {
    /// First year.
    pub first_year: i32,
    /// Last year (the same for a yearly pledge).
    pub last_year: i32,
    /// Persons pledged.
    pub persons: u32,
    /// Persons who arrived within the period before the first simulated day (the live
    /// programme's arrivals so far this year).
    pub arrived_before_start: u32,
    /// Where the pledge is published.
    pub source: String,
}

impl Pledge {
    /// `2027` or `2018–2019`.
    pub fn label(&self) -> String {
        if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}–{}", self.first_year, self.last_year)
        }
    }
}

/// Something that goes wrong, to see what it costs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Shock {
    /// Nobody travels for `months` months from `from` (Belgium from October 2018; the
    /// pandemic in 2020); decisions and preparations go on and families wait.
    Halt {
        /// First day of the halt.
        from: Date,
        /// How long.
        months: u32,
        /// Where it comes from.
        source: String,
    },
    /// A selection mission does not take place: its families are never submitted.
    MissionCancelled {
        /// The mission's name.
        mission: String,
        /// Where it comes from.
        source: String,
    },
    /// A stage loses `places` places from `from`, for `months` months or for good (a centre
    /// closed); families already there stay until their stay ends.
    PlacesClosed {
        /// The stage's name.
        stage: String,
        /// First day without them.
        from: Date,
        /// Places lost.
        places: u32,
        /// For how long (`None`: for good).
        months: Option<u32>,
        /// Where it comes from.
        source: String,
    },
}

impl Shock {
    /// The shock in a few words, for tables: `halt from 2018-10-01 for 7 months`.
    pub fn describe(&self) -> String {
        match self {
            Shock::Halt { from, months, .. } => format!("halt from {from} for {months} months"),
            Shock::MissionCancelled { mission, .. } => format!("mission {mission} cancelled"),
            Shock::PlacesClosed {
                stage,
                from,
                places,
                months,
                ..
            } => match months {
                Some(m) => format!("{places} {stage} places closed from {from} for {m} months"),
                None => format!("{places} {stage} places closed from {from}"),
            },
        }
    }
}

/// A family already in the pipeline on the first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CaseInPipeline {
    /// Persons.
    pub persons: u32,
    /// Where it stands.
    pub at: Position,
    /// Whole weeks it has been there.
    pub weeks_in: u32,
}

/// Where a family stands before or during reception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Submitted, awaiting the decision (accepted or not at the scenario's rate).
    Deciding,
    /// Accepted, preparing to travel.
    PreDeparture,
    /// Ready to travel, waiting for a place.
    Ready,
    /// In the reception stage of this index.
    Stage(usize),
}

impl Scenario {
    /// Reads a scenario from the text of a TOML file and checks it. The error names the key
    /// (`stages[1].capacity`) and, where it can, the line and column.
    pub fn parse(text: &str) -> Result<Scenario, ScenarioError> {
        read::parse(text)
    }

    /// Weeks simulated: from `start` to `end`, the last week partial.
    pub fn horizon_weeks(&self) -> u32 {
        let days = (self.end - self.start).whole_days().max(0) + 1;
        u32::try_from((days + 6) / 7).unwrap_or(u32::MAX)
    }

    /// The index of the stage named `name`.
    pub fn stage_index(&self, name: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.name == name)
    }

    /// Why the scenario cannot be simulated, naming the key, if it cannot.
    pub fn check(&self) -> Result<(), ScenarioError> {
        let bad = |key: &str, reason: String| Err(ScenarioError::key(key, reason));
        for (key, text) in [
            ("name", &self.name),
            ("title", &self.title),
            ("reception_model", &self.reception_model),
        ] {
            if text.trim().is_empty() {
                return bad(key, "must not be empty".into());
            }
        }
        if self.end < self.start {
            return bad(
                "end",
                format!("{} is before start ({})", self.end, self.start),
            );
        }
        if self.horizon_weeks() > MAX_HORIZON_WEEKS {
            return bad(
                "end",
                format!(
                    "the horizon is {} weeks; at most {MAX_HORIZON_WEEKS} (ten years)",
                    self.horizon_weeks()
                ),
            );
        }
        self.check_flows()?;
        self.check_stages()?;
        self.check_pledges()?;
        self.check_shocks()?;
        Ok(())
    }

    fn check_flows(&self) -> Result<(), ScenarioError> {
        let bad = |key: String, reason: String| Err(ScenarioError::key(key, reason));
        let sizes = &self.family_sizes.value;
        if sizes.is_empty() || sizes.len() > 20 {
            return bad(
                "families.size_weights".into(),
                format!(
                    "give the weight of 1, 2, … persons, at most 20 sizes; got {}",
                    sizes.len()
                ),
            );
        }
        if sizes.iter().any(|w| !w.is_finite() || *w < 0.0) || sizes.iter().sum::<f64>() <= 0.0 {
            return bad(
                "families.size_weights".into(),
                "weights must be 0 or more and not all 0".into(),
            );
        }
        let rate = self.acceptance_rate.value;
        if !(0.0..=1.0).contains(&rate) {
            return bad(
                "decision.acceptance_rate".into(),
                format!("must be from 0 to 1, got {rate}"),
            );
        }
        self.decision_weeks
            .value
            .check()
            .or_else(|r| bad("decision.weeks".into(), r))?;
        self.pre_departure_weeks
            .value
            .check()
            .or_else(|r| bad("pre_departure.weeks".into(), r))?;
        let mut total: u64 = 0;
        for (i, m) in self.missions.iter().enumerate() {
            let key = |f: &str| format!("missions[{i}].{f}");
            if !is_name(&m.name) {
                return bad(
                    key("name"),
                    format!(
                        "{:?} is not a name (lower-case letters, digits, - and _)",
                        m.name
                    ),
                );
            }
            if self.missions[..i].iter().any(|o| o.name == m.name) {
                return bad(key("name"), format!("{:?} is named twice", m.name));
            }
            if m.persons > MAX_PERSONS {
                return bad(
                    key("persons"),
                    format!("at most {MAX_PERSONS}, got {}", m.persons),
                );
            }
            if m.month > self.end {
                return bad(
                    key("month"),
                    format!("{} is after end ({})", m.month, self.end),
                );
            }
            total += u64::from(m.persons);
        }
        for (i, d) in self.dossiers.iter().enumerate() {
            let key = |f: &str| format!("dossiers[{i}].{f}");
            if !(d.persons_per_month.is_finite()
                && (0.0..=f64::from(MAX_PERSONS)).contains(&d.persons_per_month))
            {
                return bad(
                    key("persons_per_month"),
                    format!(
                        "must be from 0 to {MAX_PERSONS}, got {}",
                        d.persons_per_month
                    ),
                );
            }
            if d.until < d.from {
                return bad(
                    key("until"),
                    format!("{} is before from ({})", d.until, d.from),
                );
            }
            let months = months_between(d.from, d.until) + 1;
            total += (d.persons_per_month * f64::from(months)).ceil() as u64;
        }
        let waiting: u64 = self.cases.iter().map(|c| u64::from(c.persons)).sum::<u64>()
            + self
                .stages
                .iter()
                .map(|s| u64::from(s.occupied_at_start))
                .sum::<u64>();
        if total + waiting > MAX_TOTAL_PERSONS {
            return bad(
                "missions".into(),
                format!(
                    "the scenario brings {} persons through its pipeline; at most {MAX_TOTAL_PERSONS}",
                    total + waiting
                ),
            );
        }
        for (i, c) in self.cases.iter().enumerate() {
            if c.persons == 0 || c.persons > 100 {
                return bad(
                    format!("cases[{i}].persons"),
                    format!("must be from 1 to 100, got {}", c.persons),
                );
            }
            if let Position::Stage(k) = c.at
                && k >= self.stages.len()
            {
                return bad(format!("cases[{i}].at"), format!("there is no stage {k}"));
            }
        }
        Ok(())
    }

    fn check_stages(&self) -> Result<(), ScenarioError> {
        let bad = |key: String, reason: String| Err(ScenarioError::key(key, reason));
        if self.stages.is_empty() || self.stages.len() > MAX_STAGES {
            return bad(
                "stages".into(),
                format!("give 1 to {MAX_STAGES} stages, got {}", self.stages.len()),
            );
        }
        for (i, s) in self.stages.iter().enumerate() {
            let key = |f: &str| format!("stages[{i}].{f}");
            if !is_name(&s.name) {
                return bad(
                    key("name"),
                    format!(
                        "{:?} is not a name (lower-case letters, digits, - and _)",
                        s.name
                    ),
                );
            }
            if self.stages[..i].iter().any(|o| o.name == s.name) {
                return bad(key("name"), format!("{:?} is named twice", s.name));
            }
            if let Some(c) = s.capacity
                && c > MAX_PERSONS
            {
                return bad(key("capacity"), format!("at most {MAX_PERSONS}, got {c}"));
            }
            s.weeks.check().or_else(|r| bad(key("weeks"), r))?;
            if s.occupied_at_start > MAX_PERSONS {
                return bad(
                    key("occupied_at_start"),
                    format!("at most {MAX_PERSONS}, got {}", s.occupied_at_start),
                );
            }
            for (j, c) in s.changes.iter().enumerate() {
                let key = |f: &str| format!("stages[{i}].changes[{j}].{f}");
                if s.capacity.is_none() {
                    return bad(
                        key("capacity"),
                        format!("stage {} has no capacity to change", s.name),
                    );
                }
                if c.capacity > MAX_PERSONS {
                    return bad(
                        key("capacity"),
                        format!("at most {MAX_PERSONS}, got {}", c.capacity),
                    );
                }
                if j > 0 && c.from <= s.changes[j - 1].from {
                    return bad(
                        key("from"),
                        format!(
                            "{} is not after the change before it ({})",
                            c.from,
                            s.changes[j - 1].from
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    fn check_pledges(&self) -> Result<(), ScenarioError> {
        for (i, p) in self.pledges.iter().enumerate() {
            let key = |f: &str| format!("pledges[{i}].{f}");
            let years = self.start.year()..=self.end.year();
            for (f, y) in [("year", p.first_year), ("until", p.last_year)] {
                if !years.contains(&y) {
                    return Err(ScenarioError::key(
                        key(f),
                        format!(
                            "{y} lies outside the simulated years {}–{}",
                            years.start(),
                            years.end()
                        ),
                    ));
                }
            }
            if p.last_year < p.first_year {
                return Err(ScenarioError::key(
                    key("until"),
                    format!("{} is before year ({})", p.last_year, p.first_year),
                ));
            }
            if p.persons > MAX_PERSONS || p.arrived_before_start > MAX_PERSONS {
                return Err(ScenarioError::key(
                    key("persons"),
                    format!("at most {MAX_PERSONS}, got {}", p.persons),
                ));
            }
        }
        Ok(())
    }

    fn check_shocks(&self) -> Result<(), ScenarioError> {
        let all = self
            .shocks
            .iter()
            .enumerate()
            .map(|(i, s)| ("shocks", i, s));
        let what_if = self
            .what_if
            .iter()
            .enumerate()
            .map(|(i, s)| ("what_if", i, s));
        for (table, i, s) in all.chain(what_if) {
            let key = |f: &str| format!("{table}[{i}].{f}");
            match s {
                Shock::Halt { months, .. } => {
                    if !(1..=120).contains(months) {
                        return Err(ScenarioError::key(
                            key("months"),
                            format!("must be from 1 to 120, got {months}"),
                        ));
                    }
                }
                Shock::MissionCancelled { mission, .. } => {
                    if !self.missions.iter().any(|m| &m.name == mission) {
                        return Err(ScenarioError::key(
                            key("mission"),
                            format!("there is no mission named {mission:?}"),
                        ));
                    }
                }
                Shock::PlacesClosed {
                    stage,
                    places,
                    months,
                    ..
                } => {
                    match self.stage_index(stage) {
                        None => {
                            return Err(ScenarioError::key(
                                key("stage"),
                                format!("there is no stage named {stage:?}"),
                            ));
                        }
                        Some(k) if self.stages[k].capacity.is_none() => {
                            return Err(ScenarioError::key(
                                key("stage"),
                                format!("stage {stage} has no places to close"),
                            ));
                        }
                        Some(_) => {}
                    }
                    if *places > MAX_PERSONS {
                        return Err(ScenarioError::key(
                            key("places"),
                            format!("at most {MAX_PERSONS}, got {places}"),
                        ));
                    }
                    if let Some(m) = months
                        && !(1..=120).contains(m)
                    {
                        return Err(ScenarioError::key(
                            key("months"),
                            format!("must be from 1 to 120, got {m}"),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Whether `s` is a name a key can refer to: lower-case ASCII letters, digits, `-` and `_`,
/// starting with a letter.
fn is_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Whole months from the month of `a` to the month of `b` (0 for the same month).
pub(crate) fn months_between(a: Date, b: Date) -> i32 {
    (b.year() - a.year()) * 12 + (b.month() as i32 - a.month() as i32)
}

/// The first day of the month `n` months after the month of `d`.
pub(crate) fn add_months(d: Date, n: i32) -> Date {
    let index = d.year() * 12 + (d.month() as i32 - 1) + n;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let month = time::Month::try_from(month as u8).expect("1 to 12");
    Date::from_calendar_date(year, month, 1).unwrap_or(d)
}
