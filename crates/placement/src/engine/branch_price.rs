//! Branch and price: the set-partitioning bound (`partition.rs`) re-solved under
//! branching decisions, to prove a plan optimal where the root bound alone leaves a gap
//! (on the agency benchmark the root master splits about 80 families between places).
//!
//! A node decides some (group, place) pairs: the group goes there, or not there. Both
//! only forbid pairs (going there forbids every other place), so a node's master is the
//! root's with the forbidden pairs' columns priced at a penalty, and its pricing leaves
//! those pairs out of the knapsacks and the large places' terms. The basis stays feasible
//! under new prices, so each node starts from where the last one stopped, with every
//! column found so far. A node's bound is the Lagrangian `L` over its allowed pairs at the
//! master's duals: valid at any prices, so an unconverged node or a penalised column left
//! in the master only loosens it.
//!
//! A node is pruned when its bound is within the gap of the best plan. Otherwise it
//! branches on the pair whose share in the master's solution is nearest ½ and goes on
//! down the branch that puts the group there (a dive, which finds plans: a master whose
//! solution is integral is one), leaving the other for later; when a dive ends, the open
//! node with the largest bound is next (best first, so the bound over the open nodes
//! falls as fast as it can). Stopped early, the largest bound of the open nodes is still
//! a bound on every plan.
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};
use std::time::Instant;

use super::partition::Generation;
use crate::model::plan::Plan;
use crate::model::problem::Problem;

/// Limits of one search.
pub(crate) struct Limits {
    pub nodes: usize,
    pub gap: f64,
    pub deadline: Option<Instant>,
}

/// The outcome of a search.
pub(crate) struct Found {
    /// A plan better than the incumbent, if one was found.
    pub plan: Option<Plan>,
    /// No plan scores more than this.
    pub bound: f64,
}

/// A decision: group `group` goes to place `place` (`there`) or not.
#[derive(Clone, Copy)]
struct Decision {
    group: usize,
    place: usize,
    there: bool,
}

/// An open node: its decisions and a bound on the plans that meet them (its parent's).
struct Node {
    bound: f64,
    /// Creation order, for a deterministic choice among equal bounds.
    seq: usize,
    decisions: Vec<Decision>,
}

impl PartialEq for Node {
    fn eq(&self, other: &Node) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Node {}
impl PartialOrd for Node {
    fn partial_cmp(&self, other: &Node) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Node {
    /// The largest bound first; among equal ones the newest (the deeper).
    fn cmp(&self, other: &Node) -> Ordering {
        self.bound
            .total_cmp(&other.bound)
            .then(self.seq.cmp(&other.seq))
    }
}

/// How one node ended.
enum Outcome {
    /// Its bound is within the gap of the best plan (or it holds no plan at all).
    Pruned(f64),
    /// Branch on this pair.
    Branch(f64, usize, usize),
    /// The time ran out; its bound so far.
    Stopped(f64),
}

/// Searches for a plan better than `incumbent` (a complete plan) from the column
/// generation at the root, whose bound is `root`; `complete` turns a dive's rounded
/// solution into a plan and its value.
pub(crate) fn search(
    p: &Problem,
    generation: &mut Generation,
    incumbent: &Plan,
    root: f64,
    limits: &Limits,
    complete: &mut dyn FnMut(Plan) -> Option<(Plan, f64)>,
) -> Found {
    let mut search = Search {
        p,
        limits,
        value: incumbent.score(p),
        plan: None,
        buf: Vec::new(),
        proven: f64::NEG_INFINITY,
        complete,
    };
    let mut open = BinaryHeap::new();
    let mut seq = 0;
    let mut next = Some(Node {
        bound: root,
        seq,
        decisions: Vec::new(),
    });
    let mut nodes = 0;
    while let Some(node) = next.take().or_else(|| open.pop()) {
        if nodes >= limits.nodes || limits.deadline.is_some_and(|d| Instant::now() >= d) {
            open.push(node);
            break;
        }
        nodes += 1;
        if node.bound <= search.cutoff() {
            search.proven = search.proven.max(node.bound);
            continue;
        }
        match search.node(generation, &node.decisions, node.bound) {
            Outcome::Pruned(bound) => search.proven = search.proven.max(bound),
            Outcome::Stopped(bound) => {
                open.push(Node { bound, ..node });
                break;
            }
            Outcome::Branch(bound, group, place) => {
                for there in [false, true] {
                    let mut decisions = node.decisions.clone();
                    decisions.push(Decision {
                        group,
                        place,
                        there,
                    });
                    seq += 1;
                    let child = Node {
                        bound,
                        seq,
                        decisions,
                    };
                    if there {
                        next = Some(child);
                    } else {
                        open.push(child);
                    }
                }
            }
        }
    }
    let open_bound = open
        .iter()
        .map(|n| n.bound)
        .fold(f64::NEG_INFINITY, f64::max);
    Found {
        bound: root.min(search.proven.max(open_bound).max(search.value)),
        plan: search.plan,
    }
}

struct Search<'a> {
    p: &'a Problem,
    limits: &'a Limits,
    /// The best plan's score.
    value: f64,
    /// The best plan, if better than the incumbent.
    plan: Option<Plan>,
    buf: Vec<(f64, usize)>,
    /// The largest bound of a pruned node.
    proven: f64,
    /// Completes a dive node's rounded solution (which may leave families out) into a
    /// plan with its value, or `None` (the solver's repair and local search).
    complete: &'a mut dyn FnMut(Plan) -> Option<(Plan, f64)>,
}

impl Search<'_> {
    /// Nodes bounded at or below this hold nothing better than the best plan within the
    /// gap.
    fn cutoff(&self) -> f64 {
        self.value + self.limits.gap * self.value.abs().max(1e-9)
    }

    /// Column generation under `decisions` until the node is pruned, converges (then it
    /// takes the master's solution if integral, or names the pair to branch on) or the
    /// time runs out.
    fn node(
        &mut self,
        generation: &mut Generation,
        decisions: &[Decision],
        inherited: f64,
    ) -> Outcome {
        let p = self.p;
        let n = p.groups.len();
        let mut banned = vec![false; p.places * n];
        for d in decisions {
            if d.there {
                for o in &p.groups[d.group].options {
                    banned[o.place * n + d.group] |= o.place != d.place;
                }
            } else {
                banned[d.place * n + d.group] = true;
            }
        }
        let mut placeable = vec![false; n];
        let at: Vec<Vec<(usize, f64)>> = generation
            .at
            .iter()
            .enumerate()
            .map(|(j, items)| {
                items
                    .iter()
                    .copied()
                    .filter(|&(g, _)| !banned[j * n + g])
                    .inspect(|&(g, _)| placeable[g] = true)
                    .collect()
            })
            .collect();
        if placeable.contains(&false) {
            // Some group has nowhere left to go: no plan meets these decisions.
            return Outcome::Pruned(f64::NEG_INFINITY);
        }
        generation.ban(&banned);
        let mut bound = inherited;
        let mut stalled = 0;
        let (split, uses_banned) = loop {
            if !generation.solve(self.limits.deadline) {
                return Outcome::Stopped(bound);
            }
            let (l, found) = generation.price(&at, &generation.duals(), &mut self.buf);
            if l < bound - STALL_STEP * bound.abs().max(1.0) {
                stalled = 0;
            } else {
                stalled += 1;
            }
            bound = bound.min(l);
            if bound <= self.cutoff() {
                return Outcome::Pruned(bound);
            }
            let converged = !generation.add_improving(found);
            // Branching early, once the bound stalls, saves the column generation's long
            // tail; but only on a split pair: an integral solution proves nothing until
            // the master is optimal.
            let (shares, uses_banned) = generation.shares(&banned);
            let split = split(&shares);
            if converged || (stalled >= STALL_ROUNDS && split.is_some()) {
                break (split, uses_banned);
            }
            if self.limits.deadline.is_some_and(|d| Instant::now() >= d) {
                return Outcome::Stopped(bound);
            }
        };
        let (rounded, integral) = generation.rounded();
        if let Some((group, place)) = split {
            // A dive's plan: the master's solution completed by the caller.
            if let Some((plan, value)) = (self.complete)(rounded) {
                self.offer(plan, value);
            }
            return Outcome::Branch(bound, group, place);
        }
        // The master is optimal with no pair split. Integral, free of forbidden columns
        // and meeting the floors, its solution is the best plan under these decisions;
        // otherwise (a forbidden column, or a one-group column missing its place's floor,
        // that the penalty did not drive out, or duplicate columns) the bound still holds.
        if integral && !uses_banned && rounded.meets_floors(p) {
            let value = rounded.score(p);
            self.offer(rounded, value);
        }
        Outcome::Pruned(bound)
    }

    fn offer(&mut self, plan: Plan, value: f64) {
        if value > self.value + 1e-12 {
            self.value = value;
            self.plan = Some(plan);
        }
    }
}

/// The pair the master's `shares` split nearest half and half.
fn split(shares: &BTreeMap<(usize, usize), f64>) -> Option<(usize, usize)> {
    shares
        .iter()
        .filter(|&(_, &x)| (1e-6..=1.0 - 1e-6).contains(&x))
        .min_by(|a, b| (a.1 - 0.5).abs().total_cmp(&(b.1 - 0.5).abs()))
        .map(|(&pair, _)| pair)
}

/// Rounds without a relative improvement of `STALL_STEP` in a node's bound before it
/// branches.
const STALL_ROUNDS: usize = 3;
const STALL_STEP: f64 = 1e-6;
