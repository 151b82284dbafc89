//! Forecast benchmark: 10,000 runs of a three-year programme of 4,000 persons (twelve
//! missions and a dossier flow through a centre, local reception and integration support),
//! on every core and on one, then the buffer search. `cargo bench -p resettle-forecast`;
//! `-- RUNS` to change the runs, `-- RUNS FILE.toml` to time a scenario file instead
//! (`scripts/forecast-simpy.py` does, for the time per run beside SimPy's). The goal
//! (issue 22): 10,000 runs of the programme in under one second on two cores.
use std::time::Instant;

use resettle_forecast::{
    DossierFlow, Mission, Options, Pledge, Scenario, Sourced, Stage, Weeks, forecast,
};
use time::macros::date;

/// A three-year programme of 4,000 persons: 1,200, 1,300 and 1,500 pledged.
fn programme() -> Scenario {
    let stage = |name: &str, capacity, weeks, occupied| Stage {
        name: name.into(),
        capacity,
        weeks,
        occupied_at_start: occupied,
        changes: Vec::new(),
        source: "bench".into(),
    };
    let missions = (0..12)
        .map(|i| Mission {
            name: format!("mission-{i}"),
            month: date!(2026 - 09 - 01) + time::Duration::days(91 * i),
            persons: 280,
            source: "bench".into(),
        })
        .collect();
    let pledge = |year, persons| Pledge {
        first_year: year,
        last_year: year,
        persons,
        arrived_before_start: 0,
        source: "bench".into(),
    };
    Scenario {
        name: "bench".into(),
        title: "Three years, 4,000 persons".into(),
        description: String::new(),
        sources: vec!["bench".into()],
        reception_model: "centre_then_local".into(),
        start: date!(2027 - 01 - 01),
        end: date!(2029 - 12 - 31),
        family_sizes: Sourced::new(
            vec![13.0, 13.0, 15.0, 18.0, 16.0, 11.0, 7.0, 4.0, 2.0, 1.0],
            "bench",
        ),
        acceptance_rate: Sourced::new(0.95, "bench"),
        decision_weeks: Sourced::new(
            Weeks::Triangular {
                min: 2.0,
                mode: 4.0,
                max: 8.0,
            },
            "bench",
        ),
        pre_departure_weeks: Sourced::new(
            Weeks::Triangular {
                min: 10.0,
                mode: 16.0,
                max: 24.0,
            },
            "bench",
        ),
        missions,
        dossiers: vec![DossierFlow {
            from: date!(2027 - 01 - 01),
            until: date!(2029 - 06 - 01),
            persons_per_month: 20.0,
            source: "bench".into(),
        }],
        stages: vec![
            stage(
                "centre",
                Some(200),
                Weeks::Triangular {
                    min: 4.0,
                    mode: 6.0,
                    max: 9.0,
                },
                60,
            ),
            stage(
                "loi",
                Some(700),
                Weeks::Triangular {
                    min: 8.0,
                    mode: 20.0,
                    max: 39.0,
                },
                200,
            ),
            stage("integration_support", None, Weeks::Fixed(78.0), 0),
        ],
        pledges: vec![pledge(2027, 1200), pledge(2028, 1300), pledge(2029, 1500)],
        shocks: Vec::new(),
        what_if: Vec::new(),
        cases: Vec::new(),
    }
}

/// CPU seconds this process has used on all its threads (user and system), from
/// `/proc/self/stat` on Linux: on a shared machine the wall clock also counts other
/// people's work, this does not. `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    // Fields 14 and 15 of the whole line (utime, stime), in clock ticks of 1/100 s.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs: u32 = args
        .iter()
        .find(|a| a.parse::<u32>().is_ok())
        .map_or(10_000, |r| r.parse().expect("runs"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let s = match args.iter().find(|a| a.ends_with(".toml")) {
        Some(file) => {
            let text = std::fs::read_to_string(file).expect("a readable scenario file");
            Scenario::parse(&text).unwrap_or_else(|e| panic!("{}", e.in_file(file)))
        }
        None => programme(),
    };
    let time = |threads: usize, buffer: bool| {
        let options = Options {
            runs,
            seed: 1,
            threads,
            buffer,
            shock_effects: false,
            ..Options::default()
        };
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let f = forecast(&s, &options, &|_| {}).expect("a valid scenario");
        let cpu = cpu.zip(cpu_seconds()).map(|(a, b)| b - a);
        (t.elapsed().as_secs_f64(), cpu, f)
    };
    let cpu_text = |cpu: Option<f64>| cpu.map_or(String::new(), |c| format!(", {c:.2} s of CPU"));
    let (seconds, cpu, f) = time(cores, false);
    println!(
        "{runs} runs of {}, {cores} threads: {seconds:.3} s ({:.1} µs per run{})",
        s.title,
        seconds * 1e6 / f64::from(runs),
        cpu_text(cpu)
    );
    for p in &f.pledges {
        println!(
            "  pledge {} of {}: P(met) = {:.3}, median {}",
            p.label, p.persons, p.p_met, p.arrivals.median
        );
    }
    let (one, cpu, _) = time(1, false);
    println!(
        "{runs} runs on 1 thread: {one:.3} s ({:.1} µs per run{})",
        one * 1e6 / f64::from(runs),
        cpu_text(cpu)
    );
    let (with_buffer, _, f) = time(cores, true);
    let b = f.buffer.expect("a buffer search");
    println!(
        "with the buffer search ({} forecasts of {runs} runs): {with_buffer:.3} s; {} {} places ({})",
        b.tried.len(),
        if b.reached {
            "buffer"
        } else {
            "target not reached with"
        },
        b.places,
        b.per_stage
            .iter()
            .map(|s| format!("{} {}", s.stage, s.places))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
