//! Placement in the programme: build the instance from the families awaiting a place and
//! the places' free capacity, solve it, store the plan as proposals, and let a reception
//! officer confirm (possibly elsewhere) or reject each one. Confirming a family that has
//! arrived moves it to `in_reception` at the place: a lifecycle event like any other.
use std::collections::BTreeMap;
use std::time::Duration;

use resettle_domain::outcomes::EmploymentModel;
use resettle_domain::reception::{check_proposal_current, check_room, proposal_lapsed};
use resettle_placement::{
    self as placement, CaseProfile, DistributionPlan, Explanation, Instance, PlaceLoad,
    PlaceProfile, ScoreWeights, SolveOptions,
};
use resettle_storage::{AwaitingCase, NewProposal, PlacementPlace};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::cases::TransitionRequest;
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
    /// Persons in the family: what the place must hold.
    pub family_size: i64,
}

/// A reception officer's decision on a proposal.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct PlacementDecision {
    /// `confirm` or `reject`.
    pub decision: String,
    /// Confirm at this place instead of the proposed one (an override).
    pub place: Option<String>,
    /// Why the family goes to a place without room for it; a confirmation over the
    /// place's capacity is refused without one, and the plan shows it with one.
    #[serde(default)]
    pub over_capacity_reason: Option<String>,
}

/// The members of working age on the day of the run, for the labour-market term.
fn working_age(births: &[Date], today: Date) -> u32 {
    births
        .iter()
        .filter(|&&born| resettle_domain::outcomes::is_working_age(born, today))
        .count() as u32
}

/// Official languages by Belgian province, and the unemployment rates of the three
/// regions (Statbel labour force survey 2023, rounded): placeholders a programme replaces
/// with its places' own declared figures.
fn region_facts(province: &str) -> (Vec<&'static str>, f64) {
    let p = province.to_ascii_lowercase();
    if p.contains("brussel") || p.contains("bruxelles") {
        (vec!["fr", "nl", "en"], 0.11)
    } else if [
        "hainaut",
        "liège",
        "liege",
        "luxembourg",
        "namur",
        "brabant wallon",
    ]
    .iter()
    .any(|w| p.contains(w))
    {
        (vec!["fr", "en"], 0.08)
    } else {
        (vec!["nl", "en"], 0.04)
    }
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
    weights: &ScoreWeights,
    model: Option<&EmploymentModel>,
    fairness: Option<&DistributionPlan>,
    today: Date,
) -> Instance {
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
            let (languages, regional_rate) = region_facts(&p.region);
            let unemployment_rate =
                model.map_or(regional_rate, |m| 1.0 - m.probability(&p.code, &p.region));
            let room = free(p);
            let housing_units = [("small", 1), ("medium", 3), ("large", 6)]
                .into_iter()
                .map(|(class, persons)| (class.to_string(), u32::from(room >= persons)))
                .collect();
            PlaceProfile {
                languages: languages.into_iter().map(str::to_string).collect(),
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
        scores: placement::score_matrix(&profiles, &place_profiles, weights),
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
fn view(row: resettle_storage::ProposalRow) -> ProposalView {
    let explanation: serde_json::Value =
        serde_json::from_str(&row.explanation).unwrap_or(serde_json::Value::Null);
    let status =
        if row.status == "proposed" && proposal_lapsed(row.case_version, row.current_version) {
            "lapsed".to_string()
        } else {
            row.status
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
        self.require(caller, Permission::Place, "placement", programme)
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
                AppError::Invalid(format!("placement instance: {e}"))
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
        let entry = succeeded(caller, "write", "placement", programme, "", &detail);
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
        self.require(caller, Permission::Place, "placement", programme)
            .await?;
        let policy = self.programme_policy(programme).await?;
        let waiting = self.store.awaiting_placement(programme).await?;
        let places = self.store.placement_places(programme).await?;
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
        let fairness = policy.placement_fairness();
        let instance = build_instance(
            &waiting,
            &places,
            policy.placement_weights(),
            model.as_ref(),
            fairness,
            self.today(),
        );
        Ok(Prepared {
            instance,
            versions: waiting
                .iter()
                .map(|c| (c.case_number.clone(), c.version))
                .collect(),
            model: described,
            distribution: fairness.map(DistributionPlan::describe),
        })
    }

    /// The proposals of a programme with the figures of the run that made them.
    pub async fn proposals(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<(Option<PlacementRun>, Vec<ProposalView>), AppError> {
        self.require(caller, Permission::Place, "placement", programme)
            .await?;
        let rows = self.store.proposals(programme).await?;
        let run = self
            .store
            .latest_run(programme)
            .await?
            .and_then(|r| serde_json::from_str(&r).ok());
        self.record_ok(caller, "read", "placement", programme, "", "")
            .await?;
        Ok((run, rows.into_iter().map(view).collect()))
    }

    /// The current proposal for one case, if any.
    pub async fn proposal(
        &self,
        caller: &Caller,
        number: &str,
    ) -> Result<Option<ProposalView>, AppError> {
        self.stored_case_for(caller, number, Permission::Place, "placement")
            .await?;
        Ok(self.store.proposal(number).await?.map(view))
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
            .stored_case_for(caller, number, Permission::Place, "placement")
            .await?;
        if !matches!(decision.decision.as_str(), "confirm" | "reject") {
            return Err(AppError::Invalid(format!(
                "decision: {:?} is not confirm or reject",
                decision.decision
            )));
        }
        let open = self
            .store
            .proposal(number)
            .await?
            .filter(|p| p.status == "proposed")
            .ok_or_else(|| {
                AppError::NotFound(format!("case {number} has no open placement proposal"))
            })?;
        let case = stored.file.case.case_number.as_str();
        check_proposal_current(case, open.case_version, stored.version, stored.state)
            .map_err(|e| AppError::Conflict(e.to_string()))?;
        let programme = stored.programme.clone();
        let (place, over_capacity) = match decision.decision.as_str() {
            "reject" => (open.place_code.clone(), None),
            "confirm" => {
                let code = decision
                    .place
                    .clone()
                    .filter(|p| !p.trim().is_empty())
                    .unwrap_or_else(|| open.place_code.clone());
                let places = self.store.placement_places(&programme).await?;
                let place = places.iter().find(|p| p.code == code).ok_or_else(|| {
                    AppError::Invalid(format!(
                        "place: {code:?} is not a local reception place of programme {programme}"
                    ))
                })?;
                let over = check_room(
                    &place.code,
                    place.capacity_persons,
                    place.occupied_persons + place.reserved_persons,
                    stored.file.case.members.len() as u32,
                    decision.over_capacity_reason.as_deref(),
                )?;
                (code, over)
            }
            other => {
                return Err(AppError::Invalid(format!(
                    "decision: {other:?} is not confirm or reject"
                )));
            }
        };
        let status = if decision.decision == "confirm" {
            "confirmed"
        } else {
            "rejected"
        };
        if status == "confirmed" && stored.state == resettle_domain::case::CaseState::Arrived {
            self.transition(
                caller,
                number,
                &TransitionRequest {
                    to: "in_reception".into(),
                    reason: format!("placed at {place}"),
                    expected_version: stored.version,
                    reception_place: Some(place.clone()),
                    ..TransitionRequest::default()
                },
            )
            .await?;
        }
        let overridden = status == "confirmed" && place != open.place_code;
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
        let entry = succeeded(caller, "write", "placement", number, "", &detail);
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
            .map(view)
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
