//! `resettle place …` as a user runs it: generate an instance, solve it, and refuse a bad
//! instance with the field named. No database involved (run it alone with
//! `cargo test -p resettle --test cli place::`).
use std::process::{Command, Output};

fn resettle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resettle"))
        .args(args)
        .env_remove("RESETTLE_DATABASE_URL")
        .output()
        .expect("run resettle")
}

#[test]
fn generate_then_solve_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("instance.json");
    let file = file.to_str().unwrap();
    let out = resettle(&[
        "place",
        "generate",
        "--cases",
        "60",
        "--places",
        "8",
        "--dimensions",
        "5",
        "--seed",
        "3",
        "--output",
        file,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = resettle(&["place", "solve", "--instance", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let solution: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = solution["status"].as_str().unwrap();
    assert!(status == "optimal" || status == "feasible", "{solution}");
    assert_eq!(solution["assignment"].as_array().unwrap().len(), 60);
    assert_eq!(solution["unassigned"], serde_json::json!([]));
    assert!(solution["bound"].as_f64().unwrap() >= solution["objective"].as_f64().unwrap());
    for key in ["objective", "gap", "seconds"] {
        assert!(solution[key].is_number(), "{key}");
    }
    let table = resettle(&["place", "solve", "--instance", file, "--format", "table"]);
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("objective") && text.contains("c0000"),
        "{text}"
    );
    // Explanations: the case's place, its rank and the next-best places with their cost.
    let out = resettle(&["place", "explain", "--instance", file, "--case", "c0001"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let explained: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(explained[0]["case"], "c0001");
    assert!(explained[0]["rank"].as_u64().unwrap() >= 1);
    assert!(explained[0]["alternatives"].is_array());
    // The generator is deterministic.
    let again = resettle(&[
        "place",
        "generate",
        "--cases",
        "60",
        "--places",
        "8",
        "--dimensions",
        "5",
        "--seed",
        "3",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        std::fs::read_to_string(file).unwrap().trim()
    );
}

#[test]
fn a_bad_instance_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"{"dimensions": ["persons"],
            "places": [{"id": "A", "capacity": {"persons": 4}, "services": []}],
            "cases": [{"id": "x", "demand": {"persons": 2}, "requires": [], "together_with": ["y"]}],
            "scores": [[1.0]]}"#,
    )
    .unwrap();
    let out = resettle(&["place", "solve", "--instance", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(r#"cases[0].together_with[0]: unknown case "y""#),
        "{err}"
    );
}

#[test]
fn a_generated_fairness_band_holds_in_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("band.json");
    let file = file.to_str().unwrap();
    let args = ["place", "generate", "--cases", "80", "--places", "10"];
    let out = resettle(&[&args[..], &["--fair-band", "0.25", "--output", file]].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = resettle(&[&args[..], &["--fair-band=-1"]].concat());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--fair-band must be a number >= 0"));
    let instance: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(
        instance["fairness"],
        serde_json::json!({"dimension": "persons", "band": 0.25})
    );
    let out = resettle(&["place", "solve", "--instance", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let solution: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(solution["status"], "infeasible", "{solution}");
    // Every place's persons within [floor(.75 t), ceil(1.25 t)] of its target t.
    let persons_of = |id: &str| -> f64 {
        let case = instance["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap();
        case["demand"]["persons"].as_f64().unwrap_or(0.0)
    };
    let total: f64 = instance["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["demand"]["persons"].as_f64().unwrap_or(0.0))
        .sum();
    let places = instance["places"].as_array().unwrap();
    let weights: f64 = places
        .iter()
        .map(|p| p["fair_share"].as_f64().unwrap())
        .sum();
    for place in places {
        let id = place["id"].as_str().unwrap();
        let target = total * place["fair_share"].as_f64().unwrap() / weights;
        let used: f64 = solution["assignment"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["place"] == id)
            .map(|a| persons_of(a["case"].as_str().unwrap()))
            .sum();
        assert!(
            (0.75 * target + 1e-9).floor() <= used && used <= (1.25 * target - 1e-9).ceil(),
            "{id}: {used} persons, target {target}"
        );
    }
}
