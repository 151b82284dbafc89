//! Placement in the programme: build the instance from the families awaiting their next
//! stay and the places' free capacity, solve it, store the plan as proposals, and let a
//! reception officer confirm (possibly elsewhere) or reject each one.
//!
//! Placement proposes the next stay the programme's reception model gives a family
//! (`resettle_domain::reception::stay::placed_next`): in Belgium an LOI, to a family on its
//! way (reserved for its arrival) or in a centre; in the Netherlands a municipality. A
//! family in an LOI is due to move into a home of its own, by the day the profile's limit
//! says ([`App::due_home`]). Confirming a family that has arrived moves it to
//! `in_reception` at the place, a lifecycle event like any other; confirming a family in a
//! centre records its move to the LOI.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::BTreeMap;
use std::time::Duration;

use resettle_domain::case::CaseState;
use resettle_domain::outcomes::EmploymentModel;
use resettle_domain::policy::{PolicyProfile, Reception};
use resettle_domain::reception::stay::{due_to_move_on, placed_next};
use resettle_domain::reception::{
    OccupancyRule, PlaceKind, PlacementVerdict, ProposalStatus, Stay, StayKind,
    check_proposal_current, check_room, proposal_lapsed,
};
use resettle_domain::reference::{RegionFacts, region_facts};
use resettle_domain::{Refusal, RefusalKind};
use resettle_placement::{
    self as placement, CaseProfile, DistributionPlan, Explanation, Instance, PlaceLoad,
    PlaceProfile, SolveOptions,
};
use resettle_storage::{Awaiting, AwaitingCase, NewProposal, PlacementPlace};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::cases::{MoveRequest, TransitionRequest};
use crate::{App, AppError, Caller, Permission};

/// A run of the optimiser over a programme's waiting families.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlacementRun {
    /// optimal, feasible or infeasible.
    pub status: String,
    /// Total score of the plan.
    pub objective: f64,
    /// Upper bound on any plan's total score.
    pub bound: f64,
    /// Relative distance between the two.
    pub gap: f64,
    /// Solver time.
    pub seconds: f64,
    /// Families in the run.
    pub families: usize,
    /// Places in the run.
    pub places: usize,
    /// Families the plan could not place.
    pub unassigned: Vec<String>,
    /// Why, when some could not be placed.
    pub diagnosis: Vec<String>,
    /// Where the employment chances came from: the programme's own recorded outcomes
    /// when there are enough, else regional unemployment rates.
    pub model: String,
    /// The distribution plan the run followed (the profile's `[placement.fairness]`), if
    /// any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
}

/// A proposal as a reception officer reviews it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ProposalView {
    /// UNHCR case number.
    pub case_number: String,
    /// Proposed (or chosen) place.
    pub place: String,
    /// Score there.
    pub score: f64,
    /// Rank among the places allowed for the family (1 = best).
    pub rank: Option<usize>,
    /// Why the family is proposed there: better places and why not, next-best places
    /// and what choosing them would cost the plan.
    #[schema(value_type = Object)]
    pub explanation: serde_json::Value,
    /// proposed, confirmed, rejected, or lapsed (still open, but its case changed since:
    /// it can no longer be confirmed).
    pub status: String,
    /// Who decided.
    pub decided_by: Option<String>,
    /// Why the family was confirmed at a place without room for it, if it was.
    pub over_capacity_reason: Option<String>,
    /// Persons in the family who travelled: what the place must hold.
    pub family_size: i64,
    /// Where the family stays now, if it is in a stay (a family in a centre is proposed
    /// its LOI).
    #[schema(value_type = Option<Object>)]
    pub current_stay: Option<Stay>,
    /// The day the current stay should end by under the profile (a centre: about six
    /// weeks after the family came).
    #[schema(value_type = Option<String>, format = Date)]
    pub due_by: Option<Date>,
}

/// A family whose next stay is a home of its own (in Belgium: a family in an LOI), with
/// the day its stay should end by.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DueHome {
    /// UNHCR case number.
    pub case_number: String,
    /// Persons who travelled.
    pub persons: i64,
    /// The stay it is in.
    #[schema(value_type = Object)]
    pub stay: Stay,
    /// The day the profile's limit ends it (a Belgian LOI: 183 days), if it sets one.
    #[schema(value_type = Option<String>, format = Date)]
    pub due_by: Option<Date>,
    /// Past that day.
    pub overdue: bool,
}

/// The families due to move into a home, the soonest due first.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DueHomes {
    /// The first of them (at most 50).
    pub families: Vec<DueHome>,
    /// How many there are in all.
    pub total: i64,
}

/// Whom placement matches, and to which kinds of place, under a reception model: the
/// families whose next stay is a place placement proposes, on their way or in a stay.
pub(crate) fn matched(reception: &Reception) -> (Awaiting, Vec<PlaceKind>) {
    let mut kinds: Vec<PlaceKind> = Vec::new();
    let before = placed_next(reception, None);
    kinds.extend(before);
    let mut staying_in = Vec::new();
    for &k in StayKind::ALL {
        if let Some(p) = placed_next(reception, Some(k)) {
            staying_in.push(k);
            if !kinds.contains(&p) {
                kinds.push(p);
            }
        }
    }
    (
        Awaiting {
            before_any_stay: before.is_some(),
            staying_in,
        },
        kinds,
    )
}

/// A reception officer's decision on a proposal.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct PlacementDecision {
    /// Whether the family goes to the place or the proposal is set aside.
    pub decision: PlacementVerdict,
    /// Confirm at this place instead of the proposed one (an override).
    pub place: Option<String>,
    /// Why the family goes to a place without room for it; a confirmation over the
    /// place's capacity is refused without one, and the plan shows it with one.
    #[serde(default)]
    pub over_capacity_reason: Option<String>,
}

/// Why a family confirmed by placement moves to a place, naming the place.
fn placed_at(code: &str, place: &Option<(PlaceKind, String)>) -> String {
    format!(
        "placed at {}",
        place.as_ref().map_or(code, |(_, name)| name.as_str())
    )
}

/// The members of working age on the day of the run, for the labour-market term.
fn working_age(births: &[Date], today: Date) -> u32 {
    births
        .iter()
        .filter(|&&born| resettle_domain::outcomes::is_working_age(born, today))
        .count() as u32
}

fn free(p: &PlacementPlace) -> u32 {
    p.capacity_persons
        .saturating_sub(p.occupied_persons + p.reserved_persons)
}

/// The instance of a programme's waiting families and places, scored by the transparent
/// default model. Inputs: nationality (community only), languages, family size and
/// working-age adults; never religion, ethnicity or health. With a distribution plan,
/// each place's capacity and minimum for the run come from it.
pub fn build_instance(
    waiting: &[AwaitingCase],
    places: &[PlacementPlace],
    policy: &PolicyProfile,
    model: Option<&EmploymentModel>,
    today: Date,
) -> Instance {
    let fairness = policy.placement_fairness();
    let country = policy.identity().country.as_str();
    let limits: Vec<(f64, f64)> = match fairness {
        Some(plan) => {
            let loads: Vec<PlaceLoad> = places
                .iter()
                .map(|p| PlaceLoad {
                    declared: f64::from(p.capacity_persons),
                    present: f64::from(p.occupied_persons + p.reserved_persons),
                    free: f64::from(free(p)),
                })
                .collect();
            let batch: u32 = waiting.iter().map(|c| c.family_size).sum();
            plan.limits(&loads, f64::from(batch))
        }
        None => places.iter().map(|p| (0.0, f64::from(free(p)))).collect(),
    };
    let ids: Vec<&str> = waiting.iter().map(|c| c.case_number.as_str()).collect();
    let profiles: Vec<CaseProfile> = waiting
        .iter()
        .map(|c| CaseProfile {
            nationality: c.nationality.clone(),
            languages: c.languages.clone(),
            family_size: c.family_size,
            working_age_adults: working_age(&c.births, today),
            needs: Vec::new(),
        })
        .collect();
    let place_profiles: Vec<PlaceProfile> = places
        .iter()
        .map(|p| {
            // No figures for the country: every place gets the same labour-market term.
            let facts = region_facts(country, &p.region).unwrap_or(RegionFacts {
                languages: Vec::new(),
                unemployment_rate: 0.0,
            });
            let unemployment_rate = model.map_or(facts.unemployment_rate, |m| {
                1.0 - m.probability(&p.code, &p.region)
            });
            let room = free(p);
            let housing_units = [("small", 1), ("medium", 3), ("large", 6)]
                .into_iter()
                .map(|(class, persons)| (class.to_string(), u32::from(room >= persons)))
                .collect();
            PlaceProfile {
                languages: facts.languages.iter().map(|l| l.to_string()).collect(),
                community: p.community.clone(),
                unemployment_rate,
                housing_units,
                services: Vec::new(),
            }
        })
        .collect();
    Instance {
        dimensions: vec!["persons".into()],
        places: places
            .iter()
            .zip(&limits)
            .map(|(p, &(least, most))| {
                let room = f64::from(free(p));
                let only_if = |x: f64, keep: bool| {
                    if keep {
                        BTreeMap::from([("persons".to_string(), x)])
                    } else {
                        BTreeMap::new()
                    }
                };
                placement::Place {
                    id: p.code.clone(),
                    capacity: BTreeMap::from([("persons".to_string(), room)]),
                    services: Vec::new(),
                    region: Some(p.region.clone()),
                    minimum: only_if(least, least > 0.0),
                    maximum: only_if(most, most < room),
                    fair_share: None,
                }
            })
            .collect(),
        cases: waiting
            .iter()
            .map(|c| placement::Case {
                id: c.case_number.clone(),
                demand: BTreeMap::from([("persons".to_string(), f64::from(c.family_size))]),
                requires: Vec::new(),
                together_with: c
                    .linked_cases
                    .iter()
                    .filter(|l| ids.contains(&l.as_str()))
                    .cloned()
                    .collect(),
            })
            .collect(),
        scores: placement::score_matrix(&profiles, &place_profiles, policy.placement_weights()),
        fairness: None,
    }
}

/// What a run solves, and how it was made.
struct Prepared {
    instance: Instance,
    /// The version of each waiting case, which its proposal keeps.
    versions: BTreeMap<String, i64>,
    model: String,
    distribution: Option<String>,
}

/// A stored proposal as shown: an open one whose case changed since is `lapsed`.
fn view(row: resettle_storage::ProposalRow, reception: &Reception) -> ProposalView {
    let explanation: serde_json::Value =
        serde_json::from_str(&row.explanation).unwrap_or(serde_json::Value::Null);
    let status = if row.status == ProposalStatus::Proposed
        && proposal_lapsed(row.case_version, row.current_version)
    {
        "lapsed".to_string()
    } else {
        row.status.as_str().to_string()
    };
    ProposalView {
        rank: explanation
            .get("rank")
            .and_then(serde_json::Value::as_u64)
            .map(|r| r as usize),
        case_number: row.case_number,
        place: row.place_code,
        score: row.score,
        explanation,
        status,
        decided_by: row.decided_by,
        over_capacity_reason: row.over_capacity_reason,
        family_size: row.family_size,
        due_by: row
            .current_stay
            .as_ref()
            .and_then(|s| due_to_move_on(reception, s)),
        current_stay: row.current_stay,
    }
}

impl App {
    /// Proposes places for every family of a programme awaiting one, stores the plan as
    /// open proposals (superseding earlier open ones) and returns the run's figures.
    pub async fn propose_placements(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<PlacementRun, AppError> {
        self.require(caller, Permission::Place, AuditEntity::Placement, programme)
            .await?;
        if !self.programme_exists(programme).await? {
            return Err(AppError::NotFound(format!(
                "programme {programme} does not exist"
            )));
        }
        let prepared = self.prepare(caller, programme).await?;
        let instance = prepared.instance;
        let options = SolveOptions {
            time_limit: Some(Duration::from_secs(10)),
            ..SolveOptions::default()
        };
        let (instance, solution, explanations) = self
            .run_placement(move || {
                let solution = placement::solve(&instance, &options)?;
                let explanations: BTreeMap<String, Explanation> =
                    placement::explain(&instance, &solution)
                        .into_iter()
                        .map(|e| (e.case.clone(), e))
                        .collect();
                Ok((instance, solution, explanations))
            })
            .await?
            .map_err(|e: placement::InstanceError| {
                AppError::internal("the placement instance built from the database", e)
            })?;
        let run = PlacementRun {
            status: serde_json::to_value(solution.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            objective: solution.objective,
            bound: solution.bound,
            gap: solution.gap,
            seconds: solution.seconds,
            families: instance.cases.len(),
            places: instance.places.len(),
            unassigned: solution.unassigned.clone(),
            diagnosis: solution.diagnosis.clone(),
            model: prepared.model,
            distribution: prepared.distribution,
        };
        let proposals: Vec<NewProposal> = solution
            .assignment
            .iter()
            .map(|a| {
                let e = explanations.get(&a.case);
                NewProposal {
                    case_number: a.case.clone(),
                    place_code: a.place.clone(),
                    score: e.and_then(|e| e.score).unwrap_or(0.0),
                    explanation: serde_json::to_string(&e).expect("an explanation serialises"),
                    case_version: prepared.versions[&a.case],
                }
            })
            .collect();
        let run_json = serde_json::to_string(&run).expect("a run serialises");
        let detail = format!(
            "{} proposals, {} unplaced, {} (gap {:.4})",
            proposals.len(),
            run.unassigned.len(),
            run.status,
            run.gap
        );
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Placement,
            programme,
            "",
            &detail,
        );
        self.store
            .replace_proposals(programme, &run_json, &proposals, &[entry])
            .await?;
        Ok(run)
    }

    /// The instance a run would solve now: the waiting families, the places' free room
    /// and the default model's scores (for `place propose --instance-out` and checks).
    pub async fn placement_instance(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<Instance, AppError> {
        Ok(self.prepare(caller, programme).await?.instance)
    }

    /// The instance, which employment model scored it (the one fitted on the programme's
    /// outcomes at 12 months when there are enough, else the default) and the
    /// distribution plan it follows.
    async fn prepare(&self, caller: &Caller, programme: &str) -> Result<Prepared, AppError> {
        self.require(caller, Permission::Place, AuditEntity::Placement, programme)
            .await?;
        let policy = self.programme_policy(programme).await?;
        let (awaiting, kinds) = matched(policy.reception());
        let rule = OccupancyRule::on(policy.reception(), self.today());
        let waiting = self.store.awaiting_placement(programme, &awaiting).await?;
        let places = self
            .store
            .placement_places(programme, &kinds, &rule)
            .await?;
        let outcomes = self.store.placement_outcomes(programme, 12).await?;
        let model = EmploymentModel::fit(&outcomes);
        let described = match &model {
            Some(m) => format!(
                "employment fitted on the programme's {} outcomes at 12 months",
                m.observations
            ),
            None => format!(
                "default: regional unemployment rates ({} outcomes recorded, {} needed to fit)",
                outcomes.len(),
                resettle_domain::outcomes::MIN_OBSERVATIONS
            ),
        };
        let instance = build_instance(&waiting, &places, &policy, model.as_ref(), self.today());
        Ok(Prepared {
            instance,
            versions: waiting
                .iter()
                .map(|c| (c.case_number.clone(), c.version))
                .collect(),
            model: described,
            distribution: policy.placement_fairness().map(DistributionPlan::describe),
        })
    }

    /// The proposals of a programme with the figures of the run that made them.
    pub async fn proposals(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<(Option<PlacementRun>, Vec<ProposalView>), AppError> {
        self.require(caller, Permission::Place, AuditEntity::Placement, programme)
            .await?;
        let rows = self.store.proposals(programme).await?;
        let run = self
            .store
            .latest_run(programme)
            .await?
            .and_then(|r| serde_json::from_str(&r).ok());
        let policy = self.programme_policy(programme).await?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Placement,
            programme,
            "",
            "",
        )
        .await?;
        Ok((
            run,
            rows.into_iter()
                .map(|r| view(r, policy.reception()))
                .collect(),
        ))
    }

    /// The families of a programme due to move into a home of their own (whose next
    /// stay, under the reception model, is their home: in Belgium those in an LOI), the
    /// soonest due first, each with the day the profile's limit ends its stay.
    pub async fn due_home(&self, caller: &Caller, programme: &str) -> Result<DueHomes, AppError> {
        self.require(caller, Permission::Place, AuditEntity::Placement, programme)
            .await?;
        let policy = self.programme_policy(programme).await?;
        let reception = policy.reception();
        let kinds: Vec<StayKind> = StayKind::ALL
            .iter()
            .copied()
            .filter(|&k| {
                resettle_domain::reception::stay::next_stay(reception, Some(k))
                    == resettle_domain::reception::NextStay::Home
            })
            .collect();
        let (staying, total) = self.store.staying_in(programme, &kinds, 50).await?;
        let today = self.today();
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Placement,
            programme,
            "",
            "due home",
        )
        .await?;
        Ok(DueHomes {
            families: staying
                .into_iter()
                .map(|(case_number, persons, stay)| {
                    let due_by = due_to_move_on(reception, &stay);
                    DueHome {
                        case_number,
                        persons,
                        overdue: due_by.is_some_and(|d| d < today),
                        due_by,
                        stay,
                    }
                })
                .collect(),
            total,
        })
    }

    /// The current proposal for one case, if any.
    pub async fn proposal(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<Option<ProposalView>, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::Place, AuditEntity::Placement)
            .await?;
        let policy = self.policy(&stored.policy_profile).await?;
        Ok(self
            .store
            .proposal(number)
            .await?
            .map(|r| view(r, policy.reception())))
    }

    /// Confirms (at the proposed place or, as an override, another) or rejects a
    /// proposal. A confirmation that would take the place over its capacity is refused
    /// unless it says why ([`check_room`]); the reason is kept with the decision. A
    /// confirmed family that has arrived moves to `in_reception` there.
    pub async fn decide_placement(
        &self,
        caller: &Caller,
        number: &str,
        decision: &PlacementDecision,
    ) -> Result<ProposalView, AppError> {
        let stored = self
            .stored_case_for(caller, number, Permission::Place, AuditEntity::Placement)
            .await?;
        let confirm = decision.decision == PlacementVerdict::Confirm;
        let open = self
            .store
            .proposal(number)
            .await?
            .filter(|p| p.status == ProposalStatus::Proposed)
            .ok_or_else(|| {
                AppError::NotFound(format!("case {number} has no open placement proposal"))
            })?;
        let case = stored.file.case.case_number.as_str();
        check_proposal_current(case, open.case_version, stored.version, stored.state)
            .map_err(|e| AppError::Conflict(e.to_string()))?;
        let programme = stored.programme.clone();
        let policy = self.programme_policy(&programme).await?;
        let persons = stored.file.travelling().len() as u32;
        let (place, over_capacity, kind) = if !confirm {
            (open.place_code.clone(), None, None)
        } else {
            let code = decision
                .place
                .clone()
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| open.place_code.clone());
            let (_, kinds) = matched(policy.reception());
            let rule = OccupancyRule::on(policy.reception(), self.today());
            let places = self
                .store
                .placement_places(&programme, &kinds, &rule)
                .await?;
            let place = places.iter().find(|p| p.code == code).ok_or_else(|| {
                Refusal::of(
                    "place",
                    RefusalKind::NotDefined {
                        given: code.clone(),
                    },
                )
            })?;
            let over = check_room(
                &place.code,
                place.capacity_persons,
                place.occupied_persons + place.reserved_persons,
                persons,
                decision.over_capacity_reason.as_deref(),
            )?;
            (code, over, Some((place.kind, place.name.clone())))
        };
        let status = decision.decision.status();
        // A family that has arrived goes to the place now: into reception (a step), or
        // from its centre to the LOI (a move). One on its way keeps it for its arrival.
        let in_a_stay = stored.file.current_stay().is_some();
        if status == ProposalStatus::Confirmed && stored.state == CaseState::Arrived && !in_a_stay {
            let into_reception = policy.steps().is_on(CaseState::InReception)
                && kind
                    .as_ref()
                    .is_some_and(|(k, _)| StayKind::from(*k).is_state_reception());
            if into_reception {
                self.transition(
                    caller,
                    number,
                    &TransitionRequest {
                        reason: placed_at(&place, &kind),
                        reception_place: Some(place.clone()),
                        over_capacity_reason: over_capacity.clone(),
                        ..TransitionRequest::to(CaseState::InReception, stored.version)
                    },
                )
                .await?;
            }
        } else if status == ProposalStatus::Confirmed
            && stored.state == CaseState::InReception
            && in_a_stay
        {
            self.move_family(
                caller,
                number,
                &MoveRequest {
                    place: place.clone(),
                    on: None,
                    reason: placed_at(&place, &kind),
                    over_capacity_reason: over_capacity.clone(),
                    expected_version: stored.version,
                },
            )
            .await?;
        }
        let overridden = status == ProposalStatus::Confirmed && place != open.place_code;
        let over = over_capacity
            .as_deref()
            .map(|r| format!(", over capacity: {r}"))
            .unwrap_or_default();
        let detail = if overridden {
            format!(
                "confirmed at {place} instead of proposed {}{over}",
                open.place_code
            )
        } else {
            format!("{status} at {place}{over}")
        };
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Placement,
            number,
            "",
            &detail,
        );
        self.store
            .decide_proposal(
                number,
                status,
                &place,
                &caller.username,
                over_capacity.as_deref(),
                &[entry],
            )
            .await?;
        self.store
            .proposal(number)
            .await?
            .map(|r| view(r, policy.reception()))
            .ok_or_else(|| AppError::NotFound(format!("case {number} has no proposal")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_age_counts_adults_under_65_by_their_birthdays() {
        use time::macros::date;
        let today = date!(2026 - 11 - 23);
        let births = [
            date!(1990 - 01 - 01),
            date!(2015 - 05 - 05),
            date!(1950 - 01 - 01),
            date!(2008 - 11 - 23),
            date!(2008 - 11 - 24),
            date!(1961 - 11 - 24),
        ];
        // 18 today counts, 18 tomorrow does not; 64 until the 65th birthday.
        assert_eq!(working_age(&births, today), 3);
    }
}
