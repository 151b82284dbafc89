//! The live programme as a forecast scenario: the one place that reads what the forecast
//! needs from storage, so it can be re-pointed when storage learns more.
//!
//! - Where each case stands today and for how long: awaiting a decision, preparing to
//!   travel, ready, in a reception stage (by the kind of its current stay), in integration support.
//! - Places per stage: the sum of the capacities of the programme's places of that kind.
//! - Pledges: the programme's pledges from this year on, with this year's arrivals so far.
//! - Submissions ahead: the persons submitted in the last twelve months, continued.
//! - Durations, the acceptance rate and family sizes: fitted from the programme's own
//!   history where it holds at least [`ENOUGH_SPELLS`] completed spells ended within the last
//!   [`HISTORY_YEARS`] years, otherwise the defaults of the shipped scenario for the
//!   programme's reception model. 50 spells put the empirical distribution within 0.19 of
//!   the true one everywhere with 95 % confidence (Dvoretzky–Kiefer–Wolfowitz:
//!   sqrt(ln(2/0.05) / (2 × 50)) = 0.19); fewer would let a handful of unusual cases set
//!   the forecast. Each distribution is the product-limit estimate over every stay, the
//!   families still waiting included, as the family status page's estimates are: fitted
//!   from ended stays alone, a forecast made during a backlog would assume it clears fast.
//! - Lengths of stay per reception stage: fitted the same way from the programme's dated
//!   stays of the stage's kind, and each family in reception counted in the stage of its
//!   current stay since the day that stay began.
use std::collections::BTreeMap;

use resettle_domain::case::CaseState;
use resettle_domain::reception::OccupancyRule;
use resettle_domain::statistics::durations::{Spell, StepDurations};
use resettle_domain::{Refusal, RefusalKind};
use resettle_forecast::{CaseInPipeline, DossierFlow, Pledge, Position, Scenario, Sourced, Weeks};
use resettle_storage::PipelineCase;
use time::{Date, Duration, Month};

use crate::{App, AppError};

/// Completed spells a duration needs before the programme's own history replaces the
/// scenario default.
pub const ENOUGH_SPELLS: usize = 50;

/// How far back a spell may have ended to count: recent practice, not the programme's
/// first years.
pub const HISTORY_YEARS: i32 = 3;

/// The shipped scenario whose defaults a programme of each reception model takes.
fn defaults_for(model: &str) -> Result<&'static Scenario, AppError> {
    super::shipped()
        .iter()
        .find(|s| s.reception_model == model)
        .ok_or_else(|| {
            Refusal::of(
                "programme",
                RefusalKind::NoScenarioFor {
                    model: model.to_string(),
                },
            )
            .into()
        })
}

fn weeks_between(from: Date, to: Date) -> u32 {
    days_between(from, to) / 7
}

/// The stays from the first entry into a state matching `pick` to the next entry into one
/// matching `then`, for every case that entered `pick`: ended when `then` came (and
/// counted when it came since `since`), still going on otherwise, until today for a case
/// still open and until the case ended for one that ended another way (it waits no longer,
/// but nobody learnt how long it would have waited). A stay still going on counts: leaving
/// out the families still waiting would make every fitted duration too short.
fn stays(
    cases: &[PipelineCase],
    pick: impl Fn(CaseState) -> bool,
    then: impl Fn(CaseState) -> bool,
    since: Date,
    today: Date,
) -> Vec<Spell> {
    cases
        .iter()
        .filter_map(|c| {
            let i = c.entries.iter().position(|(s, _)| pick(*s))?;
            let from = c.entries[i].1;
            let later = &c.entries[i + 1..];
            let spell = match later.iter().find(|(s, _)| then(*s)) {
                Some(&(_, to)) if to < since => return None,
                Some(&(_, to)) => Spell {
                    days: days_between(from, to),
                    ended: true,
                },
                None if c.state.is_terminal() => {
                    let until = c.entries.last().map_or(today, |e| e.1);
                    if until < since {
                        return None;
                    }
                    Spell {
                        days: days_between(from, until),
                        ended: false,
                    }
                }
                None => Spell {
                    days: days_between(from, today),
                    ended: false,
                },
            };
            Some(spell)
        })
        .collect()
}

fn days_between(from: Date, to: Date) -> u32 {
    u32::try_from((to - from).whole_days().max(0)).unwrap_or(u32::MAX)
}

/// The programme's own durations if enough stays have ended, else the default, each with
/// its source. The distribution is the product-limit estimate over every stay, so the
/// families still waiting lengthen it.
fn fitted(spells: &[Spell], default: &Sourced<Weeks>, what: &str, since: Date) -> Sourced<Weeks> {
    let ended = spells.iter().filter(|s| s.ended).count();
    let going_on = spells.len() - ended;
    if ended < ENOUGH_SPELLS {
        return Sourced::new(
            default.value.clone(),
            format!(
                "scenario default ({ended} {what} ended since {since} in the programme's \
                 history; {ENOUGH_SPELLS} needed): {}",
                default.source
            ),
        );
    }
    let mut weeks: BTreeMap<u32, f64> = BTreeMap::new();
    for (days, share) in StepDurations::new(spells.iter().copied()).distribution() {
        *weeks
            .entry((days / 7).min(resettle_forecast::MAX_WEEKS as u32))
            .or_default() += share;
    }
    Sourced::new(
        Weeks::Empirical {
            weeks: weeks.keys().copied().collect(),
            weights: weeks.values().copied().collect(),
        },
        format!(
            "fitted: {ended} {what} ended since {since} in the programme's history and \
             {going_on} still going on (product-limit estimate)"
        ),
    )
}

fn is_decision(s: CaseState) -> bool {
    matches!(
        s,
        CaseState::Accepted | CaseState::AcceptedInPart | CaseState::Refused
    )
}

fn is_acceptance(s: CaseState) -> bool {
    matches!(s, CaseState::Accepted | CaseState::AcceptedInPart)
}

/// The day a case last entered `state`.
fn entered(entries: &[(CaseState, Date)], pick: impl Fn(CaseState) -> bool) -> Option<Date> {
    entries
        .iter()
        .rev()
        .find(|(s, _)| pick(*s))
        .map(|(_, d)| *d)
}

impl App {
    /// The live programme as a scenario (no permission check: the callers check).
    pub(super) async fn live_scenario(&self, code: &str) -> Result<Scenario, AppError> {
        let programme = self
            .store
            .programmes()
            .await?
            .into_iter()
            .find(|p| p.code == code)
            .ok_or_else(|| AppError::NotFound(format!("programme {code} does not exist")))?;
        let policy = self.policy(&programme.policy_profile).await?;
        let model = policy.reception().model.as_str().to_string();
        let defaults = defaults_for(&model)?;
        let today = self.today();
        let since = today
            .replace_year(today.year() - HISTORY_YEARS)
            .unwrap_or(today);
        let cases = self.store.pipeline_cases(code).await?;
        let rule = OccupancyRule::on(policy.reception(), today);
        let places = self.store.reception_occupancy(code, &rule).await?;

        let mut scenario = defaults.clone();
        scenario.name = format!("programme-{}", code.to_ascii_lowercase());
        scenario.title = format!("{} today", programme.name);
        scenario.description = format!(
            "Programme {code}'s cases where they stand on {today}, its places and pledges, \
             durations from its own history where it holds enough, else from the scenario \
             {:?}; submissions continue at the last twelve months' pace.",
            defaults.name
        );
        scenario.sources = vec![format!(
            "programme {code} in this database, read on {today}"
        )];
        scenario.start = today;
        scenario.end = Date::from_calendar_date(today.year() + 2, Month::December, 31)
            .map_err(|e| AppError::internal("the end of the forecast", e))?;
        scenario.missions.clear();
        scenario.shocks.clear();
        scenario.what_if.clear();

        fit_history(&mut scenario, defaults, &cases, since, today);
        place_stages(&mut scenario, &places);
        scenario.cases = where_they_stand(&scenario, &cases, today);
        scenario.dossiers = submissions_ahead(&cases, today, scenario.end);
        scenario.pledges = self
            .pledges(code)
            .await?
            .into_iter()
            .filter(|p| (today.year()..=scenario.end.year()).contains(&p.year))
            .map(|p| Pledge {
                first_year: p.year,
                last_year: p.year,
                persons: u32::try_from(p.pledged).unwrap_or(0),
                arrived_before_start: if p.year == today.year() {
                    u32::try_from(p.arrived).unwrap_or(0)
                } else {
                    0
                },
                source: if p.source.trim().is_empty() {
                    format!("programme {code}'s pledge for {}", p.year)
                } else {
                    p.source
                },
            })
            .collect();
        scenario.check().map_err(super::refused)?;
        Ok(scenario)
    }
}

/// Family sizes, the acceptance rate and the decision, preparation and support
/// durations from the history, where it holds enough.
fn fit_history(
    scenario: &mut Scenario,
    defaults: &Scenario,
    cases: &[PipelineCase],
    since: Date,
    today: Date,
) {
    let sizes: Vec<usize> = cases
        .iter()
        .map(|c| usize::try_from(c.family_size).unwrap_or(1).clamp(1, 20))
        .collect();
    if sizes.len() >= ENOUGH_SPELLS {
        let mut weights = vec![0.0; sizes.iter().copied().max().unwrap_or(1)];
        for s in &sizes {
            weights[s - 1] += 1.0;
        }
        scenario.family_sizes = Sourced::new(
            weights,
            format!("fitted: the {} cases of the programme", sizes.len()),
        );
    }

    // The acceptance rate from the decisions taken since `since`: the first decision
    // after each submission.
    let decisions: Vec<CaseState> = cases
        .iter()
        .filter_map(|c| {
            let i = c
                .entries
                .iter()
                .position(|(s, _)| *s == CaseState::Submitted)?;
            let &(outcome, on) = c.entries[i + 1..].iter().find(|(s, _)| is_decision(*s))?;
            (on >= since).then_some(outcome)
        })
        .collect();
    if decisions.len() >= ENOUGH_SPELLS {
        let accepted = decisions.iter().filter(|s| is_acceptance(**s)).count();
        scenario.acceptance_rate = Sourced::new(
            accepted as f64 / decisions.len() as f64,
            format!(
                "fitted: {accepted} of {} decisions since {since} accepted",
                decisions.len()
            ),
        );
    } else {
        scenario.acceptance_rate.source = format!(
            "scenario default ({} decisions since {since}; {ENOUGH_SPELLS} needed): {}",
            decisions.len(),
            defaults.acceptance_rate.source
        );
    }
    scenario.decision_weeks = fitted(
        &stays(
            cases,
            |s| s == CaseState::Submitted,
            is_decision,
            since,
            today,
        ),
        &defaults.decision_weeks,
        "waits for a decision",
        since,
    );
    scenario.pre_departure_weeks = fitted(
        &stays(
            cases,
            is_acceptance,
            |s| s == CaseState::Arrived,
            since,
            today,
        ),
        &defaults.pre_departure_weeks,
        "journeys from acceptance to arrival",
        since,
    );

    fit_stays(scenario, defaults, cases, since, today);
    if let Some(k) = scenario.stage_index("integration_support") {
        // At least a week: a support period recorded as ended the day it began still
        // took a place for a while.
        let support: Vec<Spell> = stays(
            cases,
            |s| s == CaseState::IntegrationSupport,
            |s| s == CaseState::Closed,
            since,
            today,
        )
        .into_iter()
        .map(|s| Spell {
            days: s.days.max(7),
            ..s
        })
        .collect();
        let default = Sourced::new(
            defaults.stages[k].weeks.clone(),
            defaults.stages[k].source.clone(),
        );
        let f = fitted(&support, &default, "periods of integration support", since);
        scenario.stages[k].weeks = f.value;
        scenario.stages[k].source = f.source;
    }
}

/// Each reception stage's length of stay (a centre, a local reception initiative) from the
/// programme's dated stays of that kind: ended ones, and those going on until today.
fn fit_stays(
    scenario: &mut Scenario,
    defaults: &Scenario,
    cases: &[PipelineCase],
    since: Date,
    today: Date,
) {
    for (k, stage) in scenario.stages.iter_mut().enumerate() {
        if stage.capacity.is_none() {
            continue;
        }
        let spells: Vec<Spell> = cases
            .iter()
            .flat_map(|c| &c.stays)
            .filter(|(kind, _, until)| *kind == stage.name && until.is_none_or(|u| u >= since))
            .map(|(_, from, until)| Spell {
                days: days_between(*from, until.unwrap_or(today)),
                ended: until.is_some(),
            })
            .collect();
        let default = Sourced::new(
            defaults.stages[k].weeks.clone(),
            defaults.stages[k].source.clone(),
        );
        let what = format!("{} stays", stage.name);
        let f = fitted(&spells, &default, &what, since);
        stage.weeks = f.value;
        stage.source = f.source;
    }
}

/// Each stage with places gets the capacity of the programme's places of its kind
/// (`centre`, `loi`, `municipality`); nobody is counted in it at the start but the cases.
fn place_stages(scenario: &mut Scenario, places: &[resettle_storage::PlaceOccupancy]) {
    for stage in &mut scenario.stages {
        stage.occupied_at_start = 0;
        stage.changes.clear();
        if stage.capacity.is_none() {
            continue;
        }
        let of_kind: Vec<_> = places
            .iter()
            .filter(|p| p.kind.as_str() == stage.name)
            .collect();
        let capacity: i64 = of_kind.iter().map(|p| p.capacity_persons.max(0)).sum();
        stage.capacity = Some(u32::try_from(capacity).unwrap_or(u32::MAX));
        stage.source = format!(
            "places: the programme's {} {} places ({capacity} persons), occupied by its cases \
             in reception today; length of stay: {}",
            of_kind.len(),
            stage.name,
            stage.source
        );
    }
}

/// Where each open case stands and for how many weeks.
fn where_they_stand(
    scenario: &Scenario,
    cases: &[PipelineCase],
    today: Date,
) -> Vec<CaseInPipeline> {
    let first_stage = 0;
    let support = scenario.stage_index("integration_support");
    cases
        .iter()
        .filter_map(|c| {
            use CaseState::*;
            let since = |pick: &dyn Fn(CaseState) -> bool| {
                entered(&c.entries, pick).map_or(0, |d| weeks_between(d, today))
            };
            let (at, weeks_in) = match c.state {
                Submitted | ScheduledForMission | DossierReview | Interviewed | Deferred => {
                    (Position::Deciding, since(&|s| s == Submitted))
                }
                Accepted | AcceptedInPart | PreDeparture => {
                    (Position::PreDeparture, since(&is_acceptance))
                }
                DepartureScheduled => (Position::Ready, since(&|s| s == DepartureScheduled)),
                Arrived => (Position::Stage(first_stage), 0),
                // The stay the family is in now says the stage and since when; a family in
                // reception without one (none is recorded) is counted in the first stage
                // from the day it entered reception.
                InReception => match c.stays.iter().rev().find(|s| s.2.is_none()) {
                    Some((kind, from, _)) => (
                        Position::Stage(scenario.stage_index(kind).unwrap_or(first_stage)),
                        weeks_between(*from, today),
                    ),
                    None => (Position::Stage(first_stage), since(&|s| s == InReception)),
                },
                Housed => (Position::Stage(support?), 0),
                IntegrationSupport => (
                    Position::Stage(support?),
                    since(&|s| s == IntegrationSupport),
                ),
                Refused | Closed | Withdrawn | Deceased => return None,
            };
            Some(CaseInPipeline {
                persons: u32::try_from(c.family_size).unwrap_or(1).clamp(1, 100),
                at,
                weeks_in,
            })
        })
        .collect()
}

/// The persons submitted in the last twelve months, as a monthly flow from next month to
/// the end (the cases already submitted are in the pipeline).
fn submissions_ahead(cases: &[PipelineCase], today: Date, end: Date) -> Vec<DossierFlow> {
    let year_ago = today - Duration::days(365);
    let persons: i64 = cases
        .iter()
        .filter(|c| {
            c.entries
                .first()
                .is_some_and(|(s, d)| *s == CaseState::Submitted && *d > year_ago)
        })
        .map(|c| c.family_size.max(0))
        .sum();
    let next_month = {
        let (y, m) = if today.month() == Month::December {
            (today.year() + 1, Month::January)
        } else {
            (today.year(), today.month().next())
        };
        Date::from_calendar_date(y, m, 1).unwrap_or(today)
    };
    if persons == 0 || next_month > end {
        return Vec::new();
    }
    let until = Date::from_calendar_date(end.year(), end.month(), 1).unwrap_or(end);
    vec![DossierFlow {
        from: next_month,
        until,
        persons_per_month: persons as f64 / 12.0,
        source: format!(
            "the programme's submissions of the last twelve months ({persons} persons), continued"
        ),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn case(state: CaseState, entries: &[(CaseState, Date)]) -> PipelineCase {
        PipelineCase {
            family_size: 1,
            state,
            place_kind: None,
            entries: entries.to_vec(),
            stays: Vec::new(),
        }
    }

    #[test]
    fn families_still_waiting_lengthen_the_fitted_wait_for_a_decision() {
        use CaseState::*;
        let today = date!(2026 - 11 - 23);
        let since = date!(2023 - 11 - 23);
        let submitted = date!(2026 - 01 - 01);
        let mut cases: Vec<PipelineCase> = (0..ENOUGH_SPELLS)
            .map(|_| {
                case(
                    Accepted,
                    &[(Submitted, submitted), (Accepted, date!(2026 - 01 - 15))],
                )
            })
            .collect();
        let default = Sourced::new(Weeks::Fixed(1.0), "assumed".to_string());
        let quick = fitted(
            &stays(&cases, |s| s == Submitted, is_decision, since, today),
            &default,
            "waits",
            since,
        );
        assert_eq!(
            quick.value,
            Weeks::Empirical {
                weeks: vec![2],
                weights: vec![1.0]
            }
        );
        // As many again, submitted the same day and still waiting today (46 weeks on).
        cases.extend((0..ENOUGH_SPELLS).map(|_| case(Interviewed, &[(Submitted, submitted)])));
        let honest = fitted(
            &stays(&cases, |s| s == Submitted, is_decision, since, today),
            &default,
            "waits",
            since,
        );
        assert_eq!(
            honest.value,
            Weeks::Empirical {
                weeks: vec![2, 46],
                weights: vec![0.5, 0.5]
            },
            "{}",
            honest.source
        );
        assert!(
            honest.source.contains("50 still going on"),
            "{}",
            honest.source
        );
        // Too few ended: the default, saying how many there were.
        let few = fitted(
            &stays(
                &cases[ENOUGH_SPELLS - 1..],
                |s| s == Submitted,
                is_decision,
                since,
                today,
            ),
            &default,
            "waits",
            since,
        );
        assert_eq!(few.value, Weeks::Fixed(1.0));
        assert!(few.source.contains("1 waits ended"), "{}", few.source);
    }
}
