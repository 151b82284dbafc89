//! A scenario compiled for running: everything that is the same in every run, in weeks from
//! the first day (capacities per stage and week, halted weeks, the draw tables, the
//! submissions), so a run does nothing but draw and move families.
use time::{Date, Duration};

use crate::scenario::{CaseInPipeline, Scenario, Shock, add_months, months_between};
use crate::weeks::Sampler;

/// No limit on a stage.
pub(crate) const UNLIMITED: u32 = u32::MAX;

/// Submissions that share their timing: one mission (decided and prepared together), or one
/// dossier family (decided and prepared alone).
#[derive(Debug, Clone)]
pub(crate) struct Batch {
    /// Week of submission (negative: before the first day).
    pub week: i32,
    /// Persons.
    pub persons: u32,
    /// Whether the batch's families share one decision and one preparation time.
    pub together: bool,
    /// False for a cancelled mission: its families are drawn (so other runs' draws do not
    /// shift when the shock is removed) but never submitted.
    pub submitted: bool,
}

/// A pledge as weeks: arrivals in weeks `first..end` count towards it.
#[derive(Debug, Clone)]
pub(crate) struct PledgeWindow {
    pub first: usize,
    pub end: usize,
    pub before: u32,
}

/// Which shocks a compiled scenario applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variant {
    /// The shocks that happen, not the what-ifs.
    AsWritten,
    /// Without shock `i` of those that happen.
    Without(usize),
    /// With what-if `i` as well.
    With(usize),
}

/// The compiled scenario.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub weeks: usize,
    pub stages: usize,
    /// Places of stage `k` in week `w` at `k * weeks + w`; [`UNLIMITED`] for none.
    pub capacity: Vec<u32>,
    pub halted: Vec<bool>,
    pub stay: Vec<Sampler>,
    pub decision: Sampler,
    pub pre_departure: Sampler,
    /// Family sizes as a table of 1,024 draws.
    pub sizes: Box<[u8; 1024]>,
    pub acceptance: f64,
    pub batches: Vec<Batch>,
    pub cases: Vec<CaseInPipeline>,
    pub occupied_at_start: Vec<u32>,
    pub pledges: Vec<PledgeWindow>,
}

/// The week (from the first day) a date falls in; negative before the first day.
pub(crate) fn week_of(start: Date, d: Date) -> i64 {
    (d - start).whole_days().div_euclid(7)
}

/// The same day `n` months later (the month's last day when it has fewer days).
fn months_later(d: Date, n: u32) -> Date {
    let first = add_months(d, n as i32);
    let mut day = d.day();
    loop {
        if let Ok(x) = first.replace_day(day) {
            return x;
        }
        day -= 1;
    }
}

impl Plan {
    /// Compiles a checked scenario with `buffer` extra places on each stage that has a
    /// capacity (in stage order; missing entries are 0), with the shocks of `variant`.
    pub(crate) fn compile(scenario: &Scenario, buffer: &[u32], variant: Variant) -> Plan {
        let start = scenario.start;
        let weeks = scenario.horizon_weeks() as usize;
        let stages = scenario.stages.len();
        let week_start = |w: usize| start + Duration::weeks(w as i64);
        let mut shocks: Vec<&Shock> = scenario
            .shocks
            .iter()
            .enumerate()
            .filter(|(i, _)| variant != Variant::Without(*i))
            .map(|(_, s)| s)
            .collect();
        if let Variant::With(i) = variant {
            shocks.extend(scenario.what_if.get(i));
        }

        let mut capacity = vec![UNLIMITED; stages * weeks];
        for (k, stage) in scenario.stages.iter().enumerate() {
            let Some(base) = stage.capacity else { continue };
            let row = &mut capacity[k * weeks..(k + 1) * weeks];
            for (w, slot) in row.iter_mut().enumerate() {
                let day = week_start(w);
                let mut places = stage
                    .changes
                    .iter()
                    .rev()
                    .find(|c| c.from <= day)
                    .map_or(base, |c| c.capacity);
                for s in &shocks {
                    if let Shock::PlacesClosed {
                        stage: name,
                        from,
                        places: closed,
                        months,
                        ..
                    } = s
                        && *name == stage.name
                        && *from <= day
                        && months.is_none_or(|m| day < months_later(*from, m))
                    {
                        places = places.saturating_sub(*closed);
                    }
                }
                let extra = scenario.stages[..k]
                    .iter()
                    .filter(|s| s.capacity.is_some())
                    .count();
                *slot = places.saturating_add(buffer.get(extra).copied().unwrap_or(0));
            }
        }

        let halted = (0..weeks)
            .map(|w| {
                let day = week_start(w);
                shocks.iter().any(|s| {
                    matches!(s, Shock::Halt { from, months, .. }
                        if *from <= day && day < months_later(*from, *months))
                })
            })
            .collect();

        let cancelled = |name: &str| {
            shocks
                .iter()
                .any(|s| matches!(s, Shock::MissionCancelled { mission, .. } if mission == name))
        };
        let mut batches = Vec::new();
        for m in &scenario.missions {
            let week = week_of(start, m.month);
            if week < weeks as i64 {
                batches.push(Batch {
                    week: week as i32,
                    persons: m.persons,
                    together: true,
                    submitted: !cancelled(&m.name),
                });
            }
        }
        for d in &scenario.dossiers {
            let months = months_between(d.from, d.until) + 1;
            let mut before = 0.0f64;
            for i in 0..months {
                let month = add_months(d.from, i);
                let first = week_of(start, month);
                let after = before + d.persons_per_month;
                let persons = (after.floor() - before.floor()) as u32;
                before = after;
                if first >= weeks as i64 {
                    break;
                }
                // Submitted in the month's first week; each family draws its own decision
                // and preparation time, which spread their readiness.
                batches.push(Batch {
                    week: first as i32,
                    persons,
                    together: false,
                    submitted: true,
                });
            }
        }

        let year_weeks = |first_year: i32, last_year: i32| {
            let from = Date::from_calendar_date(first_year, time::Month::January, 1)
                .expect("a checked year");
            let to = Date::from_calendar_date(last_year + 1, time::Month::January, 1)
                .expect("a checked year");
            let first = (0..weeks).find(|&w| week_start(w) >= from).unwrap_or(weeks);
            let end = (0..weeks).find(|&w| week_start(w) >= to).unwrap_or(weeks);
            (first, end)
        };
        let pledges = scenario
            .pledges
            .iter()
            .map(|p| {
                let (first, end) = year_weeks(p.first_year, p.last_year);
                PledgeWindow {
                    first,
                    end,
                    before: p.arrived_before_start,
                }
            })
            .collect();

        let weights = &scenario.family_sizes.value;
        let total: f64 = weights.iter().sum();
        let mut sizes = Box::new([1u8; 1024]);
        for (i, slot) in sizes.iter_mut().enumerate() {
            let p = (i as f64 + 0.5) / 1024.0 * total;
            let mut seen = 0.0;
            for (s, w) in weights.iter().enumerate() {
                seen += w;
                if p <= seen && *w > 0.0 {
                    *slot = (s + 1) as u8;
                    break;
                }
            }
        }

        Plan {
            weeks,
            stages,
            capacity,
            halted,
            stay: scenario
                .stages
                .iter()
                .map(|s| Sampler::new(&s.weeks, 1))
                .collect(),
            decision: Sampler::new(&scenario.decision_weeks.value, 0),
            pre_departure: Sampler::new(&scenario.pre_departure_weeks.value, 0),
            sizes,
            acceptance: scenario.acceptance_rate.value,
            batches,
            cases: scenario.cases.clone(),
            occupied_at_start: scenario
                .stages
                .iter()
                .map(|s| s.occupied_at_start)
                .collect(),
            pledges,
        }
    }

    /// Places of stage `k` in week `w`.
    #[inline]
    pub(crate) fn places(&self, k: usize, w: usize) -> u32 {
        self.capacity[k * self.weeks + w]
    }
}
