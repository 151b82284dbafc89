//! How the plan is found and proven: the bounds (Lagrangian relaxation, the exact LP on the
//! simplex of `master.rs`, column generation on the set-partitioning formulation with the
//! knapsack of one place as pricing), the plan (greedy, repair, local search,
//! large-neighbourhood search, min-cost flow for pure assignment) and the searches that
//! close the gap (branch and bound, branch and price), driven in order by `solver.rs`.
pub mod branch;
pub mod branch_price;
pub mod flow;
pub mod heuristic;
pub mod knapsack;
pub mod lagrange;
pub mod linear;
pub mod lns;
pub mod local_search;
pub mod master;
pub mod partition;
pub mod solver;
