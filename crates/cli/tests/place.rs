//! `resettle place …` as a user runs it: generate an instance, solve it, and refuse a bad
//! instance with the field named. No database involved. (A file of its own so it can be
//! run alone: `cargo test -p resettle --test place`.)
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
