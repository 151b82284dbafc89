//! Placement benchmark: generates the named instances of docs/placement.md and solves each,
//! printing objective, bound, gap and time. `cargo bench -p resettle-placement --bench
//! placement [-- NAME…]`; `scripts/bench-placement` compares with HiGHS. With
//! `PLACEMENT_WRITE=DIR` each instance is also written to `DIR/NAME.json`.
use std::time::Duration;

use resettle_placement::{SolveOptions, Status, generate, solve};

/// (name, cases, places, dimensions, time limit in seconds).
const INSTANCES: [(&str, usize, usize, usize, f64); 6] = [
    ("nl", 200, 342, 7, 60.0),
    ("hias", 500, 20, 7, 60.0),
    ("be", 1200, 300, 7, 60.0),
    ("be5", 2500, 300, 5, 60.0),
    ("be7", 2500, 300, 7, 60.0),
    ("large", 25000, 200, 7, 120.0),
];

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    println!(
        "{:<6} {:>6} {:>6} {:>4} {:>10} {:>12} {:>12} {:>9} {:>8} {:>9}",
        "name",
        "cases",
        "places",
        "dims",
        "status",
        "objective",
        "bound",
        "gap %",
        "seconds",
        "unplaced"
    );
    for (name, cases, places, dims, limit) in INSTANCES {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        let instance = generate(cases, places, dims, 1);
        if let Ok(dir) = std::env::var("PLACEMENT_WRITE") {
            let path = format!("{dir}/{name}.json");
            std::fs::write(&path, instance.to_json()).expect("write the instance");
        }
        let options = SolveOptions {
            time_limit: Some(Duration::from_secs_f64(limit)),
            ..SolveOptions::default()
        };
        let s = solve(&instance, &options).expect("a valid instance");
        let status = match s.status {
            Status::Optimal => "optimal",
            Status::Feasible => "feasible",
            Status::Infeasible => "infeasible",
        };
        println!(
            "{:<6} {:>6} {:>6} {:>4} {:>10} {:>12.4} {:>12.4} {:>9.4} {:>8.2} {:>9}",
            name,
            cases,
            places,
            dims,
            status,
            s.objective,
            s.bound,
            s.gap * 100.0,
            s.seconds,
            s.unassigned.len()
        );
    }
}
