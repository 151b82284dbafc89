//! The answer of a solve, in the exact JSON shape of issue 6: status, objective, bound, gap,
//! time, the assignment and who is left without a place.
use serde::{Deserialize, Serialize};

/// How good the plan is known to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every family placed and the gap to the bound is within the requested gap.
    Optimal,
    /// Every family placed; the gap is larger than requested (time or iteration limit).
    Feasible,
    /// Not every family could be placed; the plan places as many persons as it could and
    /// `diagnosis` names the binding constraints.
    Infeasible,
}

/// One family and where the plan puts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The case id.
    pub case: String,
    /// The place id.
    pub place: String,
}

/// A plan with its quality certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// `optimal`, `feasible` or `infeasible`.
    pub status: Status,
    /// Total score of the placed families.
    pub objective: f64,
    /// A proven upper bound on the objective of any plan that places at least as many
    /// persons as this one; always `>= objective`.
    pub bound: f64,
    /// `(bound - objective) / max(|objective|, 1e-9)`: the most the plan can be below the
    /// optimum, as a fraction of its own value (HiGHS's `mip_rel_gap` convention).
    pub gap: f64,
    /// Wall-clock seconds spent solving.
    pub seconds: f64,
    /// The placed families, in the order of the instance's cases.
    pub assignment: Vec<Assignment>,
    /// Ids of the families left without a place, in instance order (empty unless
    /// `status` is `infeasible`).
    pub unassigned: Vec<String>,
    /// Why not every family could be placed: the binding capacities, requirements or linked
    /// groups, one sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis: Vec<String>,
}

impl Solution {
    /// The JSON text, pretty-printed, fields in the documented order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a solution serialises")
    }

    /// The place id of case `case`, if placed.
    pub fn place_of(&self, case: &str) -> Option<&str> {
        self.assignment
            .iter()
            .find(|a| a.case == case)
            .map(|a| a.place.as_str())
    }
}

/// The relative gap as reported: never negative, 0 when bound and objective coincide.
pub(crate) fn relative_gap(bound: f64, objective: f64) -> f64 {
    let diff = bound - objective;
    if diff <= 1e-9 * objective.abs().max(1.0) {
        0.0
    } else {
        diff / objective.abs().max(1e-9)
    }
}
