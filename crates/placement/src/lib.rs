//! Placement: which family goes to which municipality, reception place or sponsor group,
//! under multidimensional capacities, hard requirements and linked relatives, maximising the
//! total score, with a proven bound on how far the plan can be from the best one.
//!
//! The model (docs/placement.md): binary `x_cj`, every case at exactly one allowed place,
//! `Σ_c a_cd x_cj ≤ K_jd` for every place and dimension, linked cases at the same place,
//! maximise `Σ s_cj x_cj`. When not every family can be placed, the plan places as many
//! persons as possible and then maximises the score, and says why (`diagnosis`).
//!
//! How it is solved (docs/decisions/0005-placement-solver.md), in `engine/`:
//! - pure assignment (one unit of one counted dimension per family, nothing else binding)
//!   is a transportation problem: min-cost flow, exact (`flow.rs`);
//! - otherwise a Lagrangian relaxation of the capacity rows gives the bound (`lagrange.rs`;
//!   the exact LP for few large places, `linear.rs`; column generation on the
//!   set-partitioning formulation for the places that hold only a few families,
//!   `partition.rs`; both on the simplex of `master.rs`) and its prices steer a greedy, a
//!   repair, a local search and a large-neighbourhood search for the plan (`heuristic.rs`,
//!   `local_search.rs`, `lns.rs`); small instances are closed by branch and bound
//!   (`branch.rs`) or branch and price (`branch_price.rs`).
//!
//! What it works on and answers is in `model/`: the instance, the score model, the
//! distribution plan, the solution, explanations and the diagnosis.
//!
//! The crate knows nothing of cases, lifecycles or policy profiles
//! (docs/decisions/0014-placement-in-its-own-crate.md): it reads the wall clock only to
//! honour an optional time limit, which is why it is not part of `resettle-domain`.
//!
//! "Optimal" means the plan is within the requested relative gap of the bound (default
//! `1e-4`, the default `mip_rel_gap` of HiGHS), not that the bound is tight.
//! Deterministic: the same instance and options give the same plan, byte for byte; the
//! default path is bounded by iterations, not time.
use std::time::{Duration, Instant};

mod engine;
mod model;

pub use model::distribution::{DistributionPlan, PlaceLoad};
pub use model::explain::{Alternative, Excluded, Explanation, explain};
pub use model::generate::{generate, generate_with_band};
pub use model::instance::{Case, Fairness, Instance, InstanceError, Place};
pub use model::score::{
    CaseProfile, FamilyScore, PlaceProfile, ScoreBreakdown, ScoreWeights, score, score_matrix,
};
pub use model::solution::{Assignment, Solution, Status};

use engine::{flow, lagrange, solver};
use model::diagnose;
use model::plan::{NONE, Plan};
use model::problem::{EPS, Problem};
use model::solution::relative_gap;

/// How hard to try.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveOptions {
    /// Stop after this long even if the gap is not reached (`None`: only the iteration
    /// budget limits the work, which keeps results reproducible).
    pub time_limit: Option<Duration>,
    /// Relative gap at which a plan counts as optimal; default `1e-4` like HiGHS.
    pub gap: f64,
    /// The effort: subgradient iterations at most (a heuristic plan every 20 or more of
    /// them), and in proportion the large-neighbourhood search's rounds. Default 2,000.
    pub iterations: usize,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: None,
            gap: 1e-4,
            iterations: 2000,
        }
    }
}

/// Solves the placement problem. Validates first (so an invalid instance is refused with
/// the field and the reason); never panics on a valid instance.
pub fn solve(instance: &Instance, options: &SolveOptions) -> Result<Solution, InstanceError> {
    let start = Instant::now();
    instance.validate()?;
    if options.gap.is_nan() || options.gap < 0.0 {
        return Err(InstanceError::new(
            "gap",
            format!("must be >= 0, got {}", options.gap),
        ));
    }
    let p = Problem::build(instance);
    if let Some(plan) = pure_assignment(&p)
        && plan.complete()
    {
        let objective = plan.score(&p);
        return Ok(finish(
            instance,
            &p,
            &plan,
            objective,
            Status::Optimal,
            Vec::new(),
            start,
        ));
    }
    let budget = solver::Budget {
        gap: options.gap,
        deadline: options.time_limit.map(|t| start + t),
        iterations: options.iterations.max(1),
    };
    let (loose, outcome) = match solver::solve(&p, &budget) {
        Some(outcome) => (None, outcome),
        None => {
            // No plan meets the minimums and bands: the best plan without them (its bound
            // is valid here too, since dropping constraints can only raise it), flagged.
            let loose = Problem::build(&instance.without_floors());
            let mut outcome =
                solver::solve(&loose, &budget).expect("without floors there is always a plan");
            outcome.floors_unmet = true;
            outcome.placement_proven_maximal = false;
            (Some(loose), outcome)
        }
    };
    // The plan's pairs are allowed in the problem it was solved on (the band may forbid some
    // of them in `p`); the groups are the same in both.
    let solved = loose.as_ref().unwrap_or(&p);
    let objective = outcome.plan.score(solved);
    let bound = outcome.bound.max(objective);
    let (status, diagnosis) = if outcome.lexicographic || outcome.floors_unmet {
        let diagnosis = diagnose::diagnose(instance, &p, &outcome);
        (Status::Infeasible, diagnosis)
    } else if relative_gap(bound, objective) <= options.gap {
        (Status::Optimal, Vec::new())
    } else {
        (Status::Feasible, Vec::new())
    };
    Ok(finish(
        instance,
        solved,
        &outcome.plan,
        bound,
        status,
        diagnosis,
        start,
    ))
}

/// When every group needs exactly one unit of a single dimension and no other capacity
/// can bind, the exact plan by min-cost flow.
fn pure_assignment(p: &Problem) -> Option<Plan> {
    if p.has_floors {
        return None;
    }
    let rows = lagrange::Relaxation::new(p, None).rows;
    let dim = match rows.first() {
        None => None,
        Some(&r) => {
            let d = r % p.dims;
            if rows.iter().any(|&r| r % p.dims != d) {
                return None;
            }
            if p.groups
                .iter()
                .any(|g| !g.options.is_empty() && (g.demand[d] - 1.0).abs() > EPS)
            {
                return None;
            }
            Some(d)
        }
    };
    let n = p.groups.len() as i64;
    let capacity: Vec<i64> = (0..p.places)
        .map(|j| match dim {
            Some(d) => (p.cap[j * p.dims + d] + EPS).floor() as i64,
            None => n,
        })
        .collect();
    let options: Vec<Vec<(usize, f64)>> = p
        .groups
        .iter()
        .map(|g| g.options.iter().map(|o| (o.place, o.score)).collect())
        .collect();
    let mut plan = Plan::empty(p);
    for (g, at) in flow::max_score_assignment(&options, &capacity)
        .into_iter()
        .enumerate()
    {
        if let Some(j) = at {
            plan.place(p, g, j);
        }
    }
    Some(plan)
}

fn finish(
    instance: &Instance,
    p: &Problem,
    plan: &Plan,
    bound: f64,
    status: Status,
    diagnosis: Vec<String>,
    start: Instant,
) -> Solution {
    let mut assignment = Vec::new();
    let mut unassigned = Vec::new();
    let mut objective = 0.0;
    for (i, case) in instance.cases.iter().enumerate() {
        match plan.at[p.group_of[i]] {
            NONE => unassigned.push(case.id.clone()),
            j => {
                objective += instance.scores[i][j].expect("allowed pair");
                assignment.push(Assignment {
                    case: case.id.clone(),
                    place: instance.places[j].id.clone(),
                });
            }
        }
    }
    let bound = bound.max(objective);
    Solution {
        status,
        objective,
        bound,
        gap: relative_gap(bound, objective),
        seconds: start.elapsed().as_secs_f64(),
        assignment,
        unassigned,
        diagnosis,
    }
}

#[cfg(test)]
mod tests;
