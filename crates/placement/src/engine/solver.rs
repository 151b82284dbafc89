//! The general solver, in order:
//! 1. subgradient optimisation (deflected, Polyak steps towards the best plan) of the
//!    capacity-row Lagrangian bound, with a price-guided greedy, repair and local search
//!    every 20 or more iterations (`lagrange.rs`, `heuristic.rs`,
//!    `local_search.rs`);
//! 2. for few large places, the exact LP (`linear.rs`): its prices and a plan rounded from
//!    its solution; with fewer families than places, the set-partitioning bound by column
//!    generation (`partition.rs`), whose master's integral optimum is also a plan;
//! 3. large-neighbourhood search on the best plan, then a min-cost-flow re-assignment
//!    among families of identical demand (`lns.rs`);
//! 4. with more families than places, the set-partitioning bound on the small places
//!    among the large ones (after the searches, so a short time limit goes to the plan);
//! 5. relaxation-induced neighbourhoods around the LP's and the master's rounded
//!    solutions, then branch and price from the set-partitioning master
//!    (`branch_price.rs`), whose dives' rounded solutions are completed into plans;
//! 6. branch and bound with Lagrangian bounds and reduced-cost fixing, within a node
//!    limit (`branch.rs`): exact on small instances; above 1,000 groups only while no
//!    plan places everyone.
//!
//! Every step stops as soon as the plan is within the requested gap of the bound, and at
//! the time limit.
//!
//! First it looks for a plan that places every family. Only when none is found does it
//! switch to the lexicographic objective (each placed person worth more than any score
//! difference) so that as many persons as possible get a place.
//!
//! Floors (per-place minimums, fairness bands) are hard in both modes. If no plan meeting
//! them is found at all, it answers `None`; the caller then solves the instance without
//! minimums and bands, so planners still see a plan and the diagnosis says why.
use std::time::Instant;

use super::branch::{Limits, search};
use super::heuristic::{construct, fill_floors, repair};
use super::lagrange::Relaxation;
use super::local_search::{improve, insert_unplaced};
use super::partition::Dual;
use crate::model::plan::{NONE, Plan};
use crate::model::problem::Problem;
use crate::model::solution::relative_gap;

/// What the general solver found.
pub(crate) struct Outcome {
    /// The best plan.
    pub plan: Plan,
    /// Upper bound on the total score of any plan placing at least as many persons.
    pub bound: f64,
    /// Whether the plan leaves someone unplaced (lexicographic mode was used).
    pub lexicographic: bool,
    /// In lexicographic mode: whether the bound proves no plan places more persons.
    pub placement_proven_maximal: bool,
    /// Final capacity prices (for the diagnosis of binding rows).
    pub prices: Vec<f64>,
    /// Whether no plan meeting the floors was found, so `plan` ignores them.
    pub floors_unmet: bool,
}

/// Limits for one run.
pub(crate) struct Budget {
    pub gap: f64,
    pub deadline: Option<Instant>,
    pub iterations: usize,
}

impl Budget {
    fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

struct Run {
    plan: Option<Plan>,
    value: f64,
    bound: f64,
    /// The capacity prices `λ` of the best bound.
    prices: Vec<f64>,
    /// The floor prices `μ` of the best bound.
    floor_prices: Vec<f64>,
}

impl Run {
    /// Keeps `plan` if it qualifies and beats the best so far.
    fn offer(&mut self, p: &Problem, relax: &Relaxation, plan: Plan) {
        if let Some(v) = value(p, relax, &plan)
            && v > self.value + 1e-12
        {
            self.value = v;
            self.plan = Some(plan);
        }
    }

    /// Net prices `λ − μ` of the best bound and the constant part of its `L`.
    fn best_prices(&self, relax: &Relaxation) -> (Vec<f64>, f64) {
        let mut net = Vec::new();
        relax.net(&self.prices, &self.floor_prices, &mut net);
        (net, relax.constant(&self.prices, &self.floor_prices))
    }
}

/// Solves `p`: all placed if a plan is found, else lexicographically; `None` if no plan
/// meets the floors.
pub(crate) fn solve(p: &Problem, budget: &Budget) -> Option<Outcome> {
    let anyone_stuck = p.groups.iter().any(|g| g.options.is_empty());
    if !anyone_stuck {
        let relax = Relaxation::new(p, None);
        let run = optimise(p, &relax, budget);
        if let Some(plan) = run.plan {
            return Some(Outcome {
                plan,
                bound: run.bound,
                lexicographic: false,
                placement_proven_maximal: true,
                prices: run.prices,
                floors_unmet: false,
            });
        }
    }
    let b = p.lexicographic_weight();
    let relax = Relaxation::new(p, Some(b));
    let run = optimise(p, &relax, budget);
    // Without floors the empty plan always qualifies, so only floors leave none.
    let plan = run.plan?;
    let placed = plan.placed_weight(p);
    let score = plan.score(p);
    // No plan places more persons if even the bound cannot pay for one more person.
    let proven = run.bound < b * (placed + 1.0) - 1e-6 * b;
    Some(Outcome {
        bound: (run.bound - b * placed).max(score),
        plan,
        lexicographic: true,
        placement_proven_maximal: proven,
        prices: run.prices,
        floors_unmet: false,
    })
}

/// The plan's value under `relax`'s objective (`None` if it must place everyone and does not).
fn value(p: &Problem, relax: &Relaxation, plan: &Plan) -> Option<f64> {
    if (!relax.allow_unplaced && !plan.complete()) || !plan.meets_floors(p) {
        return None;
    }
    let mut v = plan.score(p);
    for (g, &j) in plan.at.iter().enumerate() {
        if j != NONE {
            v += relax.bonus[g];
        }
    }
    Some(v)
}

/// A plan from net prices: greedy, repair, filling the floors, local search.
fn heuristic(p: &Problem, relax: &Relaxation, net: &[f64], budget: &Budget) -> Plan {
    let mut plan = construct(p, net);
    polish(p, relax, &mut plan, budget);
    plan
}

/// Completes a partial plan (repair, filling the floors) and improves it by local search.
fn polish(p: &Problem, relax: &Relaxation, plan: &mut Plan, budget: &Budget) {
    repair(p, plan, budget.deadline);
    if relax.allow_unplaced {
        insert_unplaced(p, plan);
    }
    fill_floors(p, plan, budget.deadline);
    improve(p, plan, 50, LOCAL_SEARCH_WORK, budget.deadline);
}

fn optimise(p: &Problem, relax: &Relaxation, budget: &Budget) -> Run {
    let rows = p.places * p.dims;
    let mut lambda = vec![0.0; rows];
    let mut mu = vec![0.0; rows];
    let mut net = vec![0.0; rows];
    let mut run = Run {
        plan: None,
        value: f64::NEG_INFINITY,
        bound: f64::INFINITY,
        prices: lambda.clone(),
        floor_prices: mu.clone(),
    };
    run.offer(p, relax, heuristic(p, relax, &net, budget));
    let mut choice = vec![NONE; p.groups.len()];
    let mut slack = Vec::new();
    let mut direction = vec![0.0; relax.rows.len() + relax.floor_rows.len()];
    let mut theta = 1.0;
    let mut stalled = 0;
    let pairs: usize = p.groups.iter().map(|g| g.options.len()).sum();
    let heuristic_every = (pairs / 20_000).max(20);
    for it in 0..budget.iterations {
        relax.net(&lambda, &mu, &mut net);
        let l = relax.evaluate(&net, relax.constant(&lambda, &mu), &mut choice);
        if l == f64::NEG_INFINITY {
            break;
        }
        if l < run.bound {
            if l < run.bound - 1e-9 * l.abs().max(1.0) {
                stalled = 0;
            } else {
                stalled += 1;
            }
            run.bound = l;
            run.prices.clone_from(&lambda);
            run.floor_prices.clone_from(&mu);
        } else {
            stalled += 1;
        }
        if stalled >= STALL {
            theta *= 0.5;
            stalled = 0;
        }
        if run.plan.is_some() && relative_gap(run.bound, run.value) <= budget.gap {
            break;
        }
        if theta < 1e-6 || budget.expired() {
            break;
        }
        relax.slack(&choice, &mut slack);
        let norm: f64 = slack.iter().map(|s| s * s).sum();
        // Deflected direction (Camerini, Fratta and Maffioli): mixing in the previous
        // direction when the new subgradient turns back on it damps the zig-zag of plain
        // subgradient steps; measured, it brings the bound closer to the LP value.
        {
            let dot: f64 = slack.iter().zip(&direction).map(|(a, b)| a * b).sum();
            let dd: f64 = direction.iter().map(|d| d * d).sum();
            let beta = if dd > 0.0 {
                (-1.5 * dot / dd).max(0.0)
            } else {
                0.0
            };
            for (d, s) in direction.iter_mut().zip(&slack) {
                *d = s + beta * *d;
            }
        }
        let dnorm: f64 = direction.iter().map(|s| s * s).sum();
        if norm < 1e-18 {
            // The relaxed choice fits every capacity: it is a plan, and optimal.
            let mut plan = Plan::empty(p);
            for (g, &j) in choice.iter().enumerate() {
                if j != NONE {
                    plan.place(p, g, j);
                }
            }
            run.offer(p, relax, plan);
            break;
        }
        let every = if it < 200 {
            heuristic_every
        } else {
            5 * heuristic_every
        };
        if it > 0 && it % every == 0 {
            run.offer(p, relax, heuristic(p, relax, &net, budget));
        }
        let target = if run.value.is_finite() {
            run.value
        } else {
            l - 0.05 * l.abs().max(1.0)
        };
        let step = theta * (l - target).max(1e-6 * l.abs().max(1.0)) / dnorm.max(1e-18);
        for (k, &r) in relax.rows.iter().enumerate() {
            lambda[r] = (lambda[r] - step * direction[k]).max(0.0);
        }
        let caps = relax.rows.len();
        for (k, &r) in relax.floor_rows.iter().enumerate() {
            mu[r] = (mu[r] - step * direction[caps + k]).max(0.0);
        }
    }
    // A last plan from the best prices (always when there is no plan yet: a time limit
    // never leaves the caller without one).
    if run.plan.is_none() || (relative_gap(run.bound, run.value) > budget.gap && !budget.expired())
    {
        let (prices, _) = run.best_prices(relax);
        run.offer(p, relax, heuristic(p, relax, &prices, budget));
    }
    // The LP's solution with the split groups left out, for the neighbourhood it induces.
    let mut lp_rounded: Option<Plan> = None;
    if !relax.allow_unplaced
        && p.groups.len() > p.places
        && relative_gap(run.bound, run.value) > budget.gap
        && !budget.expired()
        && let Some(plan) = &run.plan
        && let Some(lp) = super::linear::solve(p, relax, plan, budget.deadline)
    {
        // Few large places: the exact LP prices (the subgradient only approaches them),
        // and a plan rounded from the LP's solution.
        let lambda = lp.prices;
        let zero = vec![0.0; lambda.len()];
        let l = relax.evaluate(&lambda, relax.constant(&lambda, &zero), &mut choice);
        if l < run.bound {
            run.bound = l;
            run.prices = lambda;
            run.floor_prices = zero;
        }
        let mut plan = lp.rounded.clone();
        lp_rounded = Some(lp.rounded);
        polish(p, relax, &mut plan, budget);
        run.offer(p, relax, plan);
    }
    // Many small places (the Dutch shape): the set-partitioning bound first, since it can
    // prove the plan optimal and spare the searches.
    if p.groups.len() <= p.places
        && let Some(mut dual) = partition(p, relax, budget, &mut run)
    {
        if !dual.integral {
            neighbourhood(p, relax, &dual.rounded, budget, &mut run);
        }
        branch_price(p, relax, &mut dual, budget, &mut run);
    }
    // The neighbourhood search re-runs the local search over every group each round:
    // worth it up to a few thousand groups, not for national batches.
    if p.groups.len() <= LNS_GROUPS
        && relative_gap(run.bound, run.value) > budget.gap
        && let Some(plan) = run.plan.take()
    {
        let bound = run.bound;
        let gap = budget.gap;
        let bonus: f64 = plan
            .at
            .iter()
            .enumerate()
            .filter(|&(_, &j)| j != NONE)
            .map(|(g, _)| relax.bonus[g])
            .sum();
        // Rounds in inverse proportion to the instance's size (about the same work for
        // all), scaled with the iteration budget so one knob sets the effort.
        let pairs: usize = p.groups.iter().map(|g| g.options.len()).sum();
        let rounds = (LNS_WORK / pairs.max(1)).clamp(30, 3000) * budget.iterations / 2000;
        // Under a time limit, leave a share for the set-partitioning bound that follows on
        // the agency shape: its first rounds tighten the bound most.
        let deadline = match (budget.deadline, &lp_rounded) {
            (Some(d), Some(_)) => {
                let now = Instant::now();
                Some(now + d.saturating_duration_since(now).mul_f64(1.0 - BOUND_SHARE))
            }
            (d, _) => d,
        };
        let expired = || deadline.is_some_and(|d| Instant::now() >= d);
        let mut plan = super::lns::search(p, plan, rounds, 5, deadline, |v| {
            expired() || relative_gap(bound, v + bonus) <= gap
        });
        if !expired() {
            super::local_search::same_demand_flows(p, &mut plan);
        }
        run.value = value(p, relax, &plan).unwrap_or(run.value);
        run.plan = Some(plan);
    }
    // Few large places among small ones (the agency shape): the bound after the plan's
    // searches, which use the time a short limit allows better; then the neighbourhoods
    // the LP and the master induce.
    let mut master = if p.groups.len() > p.places {
        partition(p, relax, budget, &mut run)
    } else {
        None
    };
    let master_rounded = master.as_ref().filter(|d| !d.integral).map(|d| &d.rounded);
    for rounded in lp_rounded.iter().chain(master_rounded) {
        neighbourhood(p, relax, rounded, budget, &mut run);
    }
    if let Some(dual) = &mut master {
        branch_price(p, relax, dual, budget, &mut run);
    }
    // Also when the heuristics found no plan placing everyone, at any size: the search
    // then looks for one (no incumbent), and if it finishes without one, none exists.
    if !budget.expired()
        && (run.plan.is_none()
            || (p.groups.len() <= BRANCH_GROUPS && relative_gap(run.bound, run.value) > budget.gap))
    {
        let limits = Limits {
            nodes: NODES * budget.iterations / 2000,
            gap: budget.gap,
            deadline: budget.deadline,
        };
        let (prices, constant) = run.best_prices(relax);
        let found = search(p, relax, &prices, constant, run.value, &limits);
        if let Some(plan) = found.plan {
            run.value = found.value;
            run.plan = Some(plan);
        }
        if found.finished {
            run.bound = run.bound.min(found.proven.max(run.value));
        }
    }
    run
}

/// Tightens the bound by the set-partitioning LP over the small places (`partition.rs`),
/// and takes the master's plan when it is integral; answers the column generation.
fn partition<'a>(
    p: &'a Problem,
    relax: &Relaxation,
    budget: &Budget,
    run: &mut Run,
) -> Option<Dual<'a>> {
    if !relax.allow_unplaced
        && relative_gap(run.bound, run.value) > budget.gap
        && !budget.expired()
        && let Some(plan) = &run.plan
        && let Some(dual) = super::partition::bound(
            p,
            &run.best_prices(relax).0,
            plan,
            budget.gap,
            budget.deadline,
        )
    {
        // It keeps the floors (partition.rs), so it is a bound on plans meeting them.
        run.bound = run.bound.min(dual.bound);
        if dual.integral {
            run.offer(p, relax, dual.rounded.clone());
        }
        return Some(dual);
    }
    None
}

/// Branch and price from the set-partitioning master (`branch_price.rs`), when its bound
/// leaves a gap: it proves the plan optimal or finds a better one.
fn branch_price(p: &Problem, relax: &Relaxation, dual: &mut Dual, budget: &Budget, run: &mut Run) {
    if relative_gap(run.bound, run.value) <= budget.gap || budget.expired() {
        return;
    }
    let Some(plan) = &run.plan else {
        return;
    };
    let limits = super::branch_price::Limits {
        nodes: PRICED_NODES * budget.iterations / 2000,
        gap: budget.gap,
        deadline: budget.deadline,
    };
    let mut complete = |mut plan: Plan| {
        polish(p, relax, &mut plan, budget);
        value(p, relax, &plan).map(|v| (plan, v))
    };
    let found = super::branch_price::search(
        p,
        &mut dual.generation,
        plan,
        run.bound,
        &limits,
        &mut complete,
    );
    run.bound = run.bound.min(found.bound);
    if let Some(plan) = found.plan {
        run.offer(p, relax, plan);
    }
}

/// Offers the best plan of the neighbourhood that `rounded` (a relaxation's solution with
/// the split groups left out) induces around the best plan.
fn neighbourhood(p: &Problem, relax: &Relaxation, rounded: &Plan, budget: &Budget, run: &mut Run) {
    if let Some(plan) = &run.plan
        && relative_gap(run.bound, run.value) > budget.gap
        && !budget.expired()
        && let Some(better) = relaxation_induced(p, relax, rounded, plan, budget)
    {
        run.offer(p, relax, better);
    }
}

/// The relaxation-induced neighbourhood (RINS; Danna, Rothberg and Le Pape, 2005): the
/// groups where `plan` and the LP's rounded solution `lp` agree keep their places, and the
/// others are solved as a problem of their own, by this same solver, in the room the rest
/// leaves and with the floors it leaves unmet. The searches move a few families at a time;
/// this re-decides dozens at once, exactly when the sub-problem is small enough for branch
/// and bound. Only while the neighbourhood is less than half the groups, so the nesting
/// ends.
fn relaxation_induced(
    p: &Problem,
    relax: &Relaxation,
    lp: &Plan,
    plan: &Plan,
    budget: &Budget,
) -> Option<Plan> {
    if relax.allow_unplaced {
        return None;
    }
    let free: Vec<usize> = (0..p.groups.len())
        .filter(|&g| lp.at[g] != plan.at[g])
        .collect();
    if free.is_empty() || 2 * free.len() >= p.groups.len() {
        return None;
    }
    let mut merged = plan.clone();
    for &g in &free {
        merged.remove(p, g);
    }
    let room = p.cap.iter().zip(&merged.load).map(|(c, l)| c - l).collect();
    let sub = p.restricted(&free, room, merged.unmet_floors(p).collect());
    let found = solve(&sub, budget)?;
    if found.lexicographic {
        return None;
    }
    for (k, &g) in free.iter().enumerate() {
        merged.place(p, g, found.plan.at[k]);
    }
    Some(merged)
}

/// Halve the subgradient step after this many iterations without a better bound.
const STALL: usize = 40;
/// Effort bound of one local search's ejection chains and pair re-optimisations.
const LOCAL_SEARCH_WORK: usize = 4_000_000;
/// Largest number of groups for the large-neighbourhood search.
const LNS_GROUPS: usize = 5_000;
/// Allowed pairs × rounds of large-neighbourhood search.
const LNS_WORK: usize = 40_000_000;
/// Share of the time left after the LP that a time limit keeps for the set-partitioning
/// bound on the agency shape: on `hias` with one second its first round alone takes the
/// gap from 0.245 % (against the LP bound) to 0.214 %, with the same plan.
const BOUND_SHARE: f64 = 0.15;
/// Nodes the branch and bound may visit (at the default effort).
const NODES: usize = 500_000;
/// Largest number of groups for which branch and bound tries to improve a plan: on the
/// benchmark instances of 1,195 to 24,823 groups (`be`, `be5`, `be7`, `large`) its nodes
/// neither finished nor improved the plan, and took 0.8 to 38 s. It stays for the
/// neighbourhoods' sub-problems and small instances, where it proves optimality.
const BRANCH_GROUPS: usize = 1_000;
/// Nodes branch and price may visit (at the default effort).
const PRICED_NODES: usize = 20;
