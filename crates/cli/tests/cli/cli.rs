//! The `resettle` binary as a user runs it: real processes, a real socket, SQLite and a
//! real PostgreSQL, and the web UI in headless Chromium.
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn resettle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resettle"))
        .args(args)
        .env_remove("RESETTLE_DATABASE_URL")
        .env("RESETTLE_DATA_KEY", resettle_testkit::TEST_DATA_KEY)
        .output()
        .expect("run resettle")
}

/// A temporary directory and the URL of a SQLite file in it (kept while the dir lives).
fn temp_database(file: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join(file).display());
    (dir, db)
}

/// A temporary database holding the demo caseload as of the session's fixed day.
fn demo_database(cases: u32) -> (tempfile::TempDir, String) {
    let (dir, db) = temp_database("demo.db");
    let cases = cases.to_string();
    let out = resettle(&[
        "--database",
        &db,
        "demo",
        "--cases",
        &cases,
        "--as-of",
        "2026-11-23",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, db)
}

/// Adds the Dutch programme under the shipped netherlands-2012 profile.
fn add_dutch_programme(db: &str) {
    let out = resettle(&[
        "--database",
        db,
        "programme",
        "add",
        "--code",
        "NL",
        "--name",
        "Dutch programme",
        "--state",
        "NL",
        "--policy",
        "netherlands-2012",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A plain HTTP/1.0 GET, enough to talk to our own server without an HTTP client crate.
fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let status = raw.split(' ').nth(1)?.parse().ok()?;
    let body = raw.split_once("\r\n\r\n")?.1.to_string();
    Some((status, body))
}

/// A `resettle serve` process, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let port = free_port();
        let addr = format!("127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_resettle"))
            .args(["--log-level", "warn"])
            .args(args)
            .args(["--addr", &addr])
            .env_remove("RESETTLE_DATABASE_URL")
            .env("RESETTLE_DATA_KEY", resettle_testkit::TEST_DATA_KEY)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start resettle serve");
        let mut server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if let Some((200, _)) = http_get(port, "/api/v1/health") {
                return server;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("resettle serve exited early with {status}");
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        server.child.kill().ok();
        panic!("resettle serve did not answer /api/v1/health within 120 s");
    }

    fn get_json(&self, path: &str) -> serde_json::Value {
        let (status, body) = http_get(self.port, path).expect("answer");
        assert_eq!(status, 200, "{path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

#[test]
fn serve_demo_on_a_fresh_directory_answers_health_and_holds_every_state() {
    let (dir, db) = temp_database("resettle.db");
    let server = Server::start(&["--database", &db, "serve", "--demo", "--demo-cases", "400"]);
    let health = server.get_json("/api/v1/health");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], "sqlite");
    assert!(health["schema_version"].as_i64().unwrap() >= 1);
    assert!(
        dir.path().join("resettle.db").is_file(),
        "the SQLite file was created"
    );
    let dashboard = server.get_json("/api/v1/dashboard");
    assert_eq!(dashboard["total_cases"], 400);
    // The published dashboard withholds small counts, so the states are counted from the
    // case list, as an officer would, on the same database the server uses.
    for s in dashboard["states"].as_array().unwrap() {
        let state = s["state"].as_str().unwrap();
        let list = stdout_json(&resettle(&[
            "--database",
            &db,
            "case",
            "list",
            "--state",
            state,
            "--per-page",
            "1",
            "--format",
            "json",
        ]));
        assert!(
            list["total"].as_i64().unwrap() > 0,
            "no demo case in {state}"
        );
    }
}

#[test]
fn the_home_page_renders_in_headless_chromium() {
    let (dir, db) = temp_database("resettle.db");
    let server = Server::start(&["--database", &db, "serve", "--demo", "--demo-cases", "300"]);
    let url = format!("http://127.0.0.1:{}/", server.port);
    let dom = resettle_testkit::chromium::rendered_dom(&url);
    assert!(dom.contains("Pledges against arrivals"), "{dom}");
    assert!(
        dom.contains(r#"<span id="total-cases">300</span>"#),
        "{dom}"
    );
    assert!(
        dom.contains("<svg class=\"chart\""),
        "the chart is in the page"
    );
    let login = resettle_testkit::chromium::rendered_dom(&format!(
        "http://127.0.0.1:{}/login",
        server.port
    ));
    assert!(
        login.contains(r#"name="username""#)
            && login.contains(r#"type="password""#)
            && login.contains("Sign in"),
        "{login}"
    );
    let png = dir.path().join("home.png");
    resettle_testkit::chromium::screenshot(&url, &png);
    assert!(
        std::fs::metadata(&png).unwrap().len() > 10_000,
        "a real screenshot"
    );
}

#[test]
fn migrate_brings_both_backends_to_the_latest_schema() {
    for db in resettle_testkit::databases() {
        let out = resettle(&["--database", &db.url, "migrate"]);
        assert!(
            out.status.success(),
            "{}: {}",
            db.backend,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("was 0"), "{}: {text}", db.backend);
        let again = resettle(&["--database", &db.url, "migrate"]);
        assert!(String::from_utf8_lossy(&again.stdout).contains("0 migration(s) applied"));
    }
}

#[test]
fn demo_loads_into_postgres_and_refuses_a_second_load_without_replace() {
    for db in resettle_testkit::databases() {
        let args = [
            "--database",
            &db.url,
            "demo",
            "--cases",
            "250",
            "--as-of",
            "2026-11-23",
        ];
        let out = resettle(&args);
        assert!(
            out.status.success(),
            "{}: {}",
            db.backend,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("loaded 250 cases"));
        let again = resettle(&args);
        assert!(!again.status.success(), "a second load must be refused");
        assert!(String::from_utf8_lossy(&again.stderr).contains("--replace"));
        let replaced = resettle(&[&args[..], &["--replace"]].concat());
        assert!(
            replaced.status.success(),
            "{}",
            String::from_utf8_lossy(&replaced.stderr)
        );
    }
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["demo", "--help"],
        &["case", "medical", "set", "--help"],
    ] {
        let out = resettle(sub);
        assert!(out.status.success(), "{sub:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage: resettle"),
            "{sub:?}"
        );
    }
}

#[test]
fn a_bad_database_url_fails_with_a_clear_message() {
    let out = resettle(&["--database", "mysql://x/y", "migrate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database URL"));
}

fn stdout_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn fair_share_plan_reproduces_the_belgian_report() {
    let out = resettle(&[
        "fair-share",
        "plan",
        "--needs",
        "1473156",
        "--growth",
        "40000",
        "--years",
        "3",
        "--regional-share",
        "0.2",
        "--state",
        "BE",
        "--share",
        "0.0284",
        "--first-years",
        "2000,3000",
        "--rounding",
        "floor",
        "--start-year",
        "2022",
        "--format",
        "json",
    ]);
    let plan = stdout_json(&out);
    assert_eq!(
        (
            &plan["global_needs"],
            &plan["regional_target"],
            &plan["state_total"]
        ),
        (
            &serde_json::json!(1553156),
            &serde_json::json!(310631),
            &serde_json::json!(8821)
        )
    );
    assert_eq!(
        plan["path"],
        serde_json::json!([
            {"year": 2022, "persons": 2000}, {"year": 2023, "persons": 3000}, {"year": 2024, "persons": 3821}
        ])
    );
    let table = resettle(&[
        "fair-share",
        "plan",
        "--needs-year",
        "2022",
        "--growth",
        "40000",
        "--years",
        "3",
        "--regional-share",
        "0.2",
        "--state",
        "BE",
        "--share",
        "0.0284",
        "--first-years",
        "2000,3000",
    ]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("8821"));
    assert!(
        String::from_utf8_lossy(&table.stderr).contains("UNHCR"),
        "provenance is printed"
    );
}

#[test]
fn fair_share_keys_sum_to_one_and_distributions_to_their_total() {
    for method in ["ec2015", "ec2015-capped", "dublin2016", "population", "gdp"] {
        let key = stdout_json(&resettle(&[
            "fair-share",
            "key",
            "--method",
            method,
            "--format",
            "json",
        ]));
        assert_eq!(key["method"], method);
        let sum: f64 = key["states"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["share"].as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-12, "{method}: {sum}");
    }
    let out = resettle(&[
        "fair-share",
        "distribute",
        "--total",
        "20000",
        "--method",
        "ec2015",
        "--format",
        "csv",
    ]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("state,quota,persons\n"));
    let total: u64 = csv
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, 20000);
    let one = stdout_json(&resettle(&[
        "fair-share",
        "distribute",
        "--total",
        "20000",
        "--method",
        "ec2015",
        "--state",
        "BE",
        "--rounding",
        "floor",
        "--format",
        "json",
    ]));
    assert_eq!(one["states"].as_array().unwrap().len(), 1);
}

#[test]
fn fair_share_refusals_name_the_field() {
    let out = resettle(&[
        "fair-share",
        "key",
        "--method",
        "custom",
        "--weights",
        "population=0.5,gdp=0.4",
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("sum"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "state,population,gdp,effort_per_million,unemployment_rate\nBE,11000000,400000,2000,0\n",
    )
    .unwrap();
    let out = resettle(&[
        "fair-share",
        "key",
        "--method",
        "ec2015",
        "--indicators",
        bad.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("unemployment_rate") && err.contains("BE"),
        "{err}"
    );
    // A word outside its list is refused by the option, naming the words it takes.
    for (option, word, words) in [
        ("--method", "ec2016", "ec2015, ec2015-capped"),
        ("--rounding", "ceil", "floor, nearest"),
    ] {
        let mut args = vec!["fair-share", "distribute", "--total", "100"];
        if option != "--method" {
            args.extend(["--method", "ec2015", "--state", "BE"]);
        }
        args.extend([option, word]);
        let out = resettle(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains(option) && err.contains(words),
            "{err}"
        );
    }
}

#[test]
fn fair_share_update_applies_the_ngo_formula() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let key = write("key.csv", "state,share\nAA,0.5\nBB,0.5\n");
    let from = write("from.csv", "state,population,gdp\nAA,50,50\nBB,50,50\n");
    let to = write("to.csv", "state,population,gdp\nAA,60,50\nBB,40,50\n");
    let out = stdout_json(&resettle(&[
        "fair-share",
        "update",
        "--key",
        &key,
        "--from",
        &from,
        "--to",
        &to,
        "--format",
        "json",
    ]));
    // AA: 0.5 + 0.4 × (0.6 − 0.5) + 0.4 × 0 = 0.54
    let aa = out["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == "AA")
        .unwrap();
    assert!(
        (aa["share"].as_f64().unwrap() - 0.54).abs() < 1e-12,
        "{out}"
    );
}

#[test]
fn pledges_are_listed_as_csv_and_set_with_a_source() {
    let (_dir, db) = demo_database(200);
    let set = resettle(&[
        "--database",
        &db,
        "pledge",
        "set",
        "--programme",
        "BE",
        "--year",
        "2027",
        "--pledged",
        "4000",
        "--source",
        "Council of Ministers decision (test)",
    ]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let out = resettle(&[
        "--database",
        &db,
        "pledge",
        "list",
        "--programme",
        "BE",
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains("2020,1150,176,974,") && csv.contains("2027,4000,"),
        "{csv}"
    );
    // A year not over by the CLI's today is partial, every earlier year is not: the partial
    // years are the last ones, whatever day the test runs on, and a published year (2020)
    // never is. The table marks exactly those.
    let json = stdout_json(&resettle(&[
        "--database",
        &db,
        "pledge",
        "list",
        "--programme",
        "BE",
        "--format",
        "json",
    ]));
    let years = json.as_array().unwrap();
    let partial: Vec<bool> = years.iter().map(|y| y["partial"] == true).collect();
    assert!(
        partial.windows(2).all(|w| w[0] <= w[1]),
        "partial years must be the last ones: {json}"
    );
    assert!(
        years
            .iter()
            .any(|y| y["year"] == 2020 && y["partial"] == false),
        "{json}"
    );
    let table = resettle(&["--database", &db, "pledge", "list", "--programme", "BE"]);
    let table = String::from_utf8(table.stdout).unwrap();
    for y in years {
        let marked = format!("{} (so far)", y["year"]);
        assert_eq!(table.contains(&marked), y["partial"] == true, "{table}");
    }
    let missing = resettle(&["--database", &db, "pledge", "list", "--programme", "XX"]);
    assert!(!missing.status.success());
}

/// A deferral names its reason from the profile's list (`--reason-code`, which clap asks
/// for) as well as in words; a code from no list is refused naming the codes allowed.
#[test]
fn a_deferral_from_the_cli_names_a_reason_of_the_profile() {
    let (_dir, db) = demo_database(200);
    let list = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "list",
        "--state",
        "dossier_review",
        "--format",
        "json",
    ]));
    let number = list["items"][0]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    let defer = |code: Option<&str>| {
        let mut args = vec![
            "--database",
            &db,
            "case",
            "transition",
            &number,
            "--to",
            "deferred",
            "--reason",
            "UNHCR to confirm the family composition",
        ];
        if let Some(code) = code {
            args.extend(["--reason-code", code]);
        }
        resettle(&args)
    };
    let without = defer(None);
    assert!(!without.status.success());
    assert!(String::from_utf8_lossy(&without.stderr).contains("--reason-code"));
    let wrong = defer(Some("visa"));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        !wrong.status.success()
            && err.contains("reason_code: \"visa\" is not a deferral reason")
            && err.contains("family_composition"),
        "{err}"
    );
    let moved = defer(Some("family_composition"));
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    let events = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "events",
        &number,
        "--format",
        "json",
    ]));
    assert_eq!(
        events.as_array().unwrap().last().unwrap()["reason_code"],
        "family_composition"
    );
}

#[test]
fn a_case_is_followed_from_the_cli_and_a_refused_step_changes_nothing() {
    let (_dir, db) = demo_database(200);
    let list = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "list",
        "--state",
        "dossier_review",
        "--format",
        "json",
    ]));
    let number = list["items"][0]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    let before = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "show",
        &number,
        "--format",
        "json",
    ]));
    let refused = resettle(&[
        "--database",
        &db,
        "case",
        "transition",
        &number,
        "--to",
        "housed",
        "--reason",
        "x",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("allowed next"));
    let after = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "show",
        &number,
        "--format",
        "json",
    ]));
    assert_eq!(before, after, "a refused step changed the case");
    // A decision needs its reason: clap asks for --reason, and a blank one is refused by
    // the rule itself; neither changes the case.
    let without = resettle(&[
        "--database",
        &db,
        "case",
        "transition",
        &number,
        "--to",
        "accepted",
    ]);
    assert!(!without.status.success());
    assert!(String::from_utf8_lossy(&without.stderr).contains("--reason"));
    let blank = resettle(&[
        "--database",
        &db,
        "case",
        "transition",
        &number,
        "--to",
        "accepted",
        "--reason",
        " ",
    ]);
    assert!(!blank.status.success());
    assert!(
        String::from_utf8_lossy(&blank.stderr).contains("reason: a move to accepted"),
        "{}",
        String::from_utf8_lossy(&blank.stderr)
    );
    let after = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "show",
        &number,
        "--format",
        "json",
    ]));
    assert_eq!(
        before, after,
        "a decision without a reason changed the case"
    );
    let moved = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "transition",
        &number,
        "--to",
        "accepted",
        "--reason",
        "protection need established",
        "--format",
        "json",
    ]));
    assert_eq!(moved["state"], "accepted");
    let events = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "events",
        &number,
        "--format",
        "json",
    ]));
    assert_eq!(
        events.as_array().unwrap().last().unwrap()["reason"],
        "protection need established"
    );
    // A place nobody defined is refused as input, naming the field, and changes nothing.
    let arrived = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "list",
        "--state",
        "arrived",
        "--format",
        "json",
    ]))["items"][0]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    let show = |number: &str| {
        stdout_json(&resettle(&[
            "--database",
            &db,
            "case",
            "show",
            number,
            "--format",
            "json",
        ]))
    };
    let before = show(&arrived);
    let nowhere = resettle(&[
        "--database",
        &db,
        "case",
        "transition",
        &arrived,
        "--to",
        "in_reception",
        "--reception-place",
        "NOWHERE",
    ]);
    assert!(!nowhere.status.success());
    assert!(
        String::from_utf8_lossy(&nowhere.stderr)
            .contains("reception_place: \"NOWHERE\" is not defined in this programme"),
        "{}",
        String::from_utf8_lossy(&nowhere.stderr)
    );
    assert_eq!(before, show(&arrived), "a refused place changed the case");
    let overdue = resettle(&["--database", &db, "case", "list", "--overdue"]);
    assert!(
        overdue.status.success(),
        "{}",
        String::from_utf8_lossy(&overdue.stderr)
    );
}

/// A sponsorship that breaks down, from the command line: the step back into reception
/// names its reason from the profile's breakdown list (`--reason-code`); without one, or
/// with a code of another list, it is refused naming the codes allowed and changes
/// nothing.
#[test]
fn a_step_back_from_the_cli_names_a_breakdown_reason() {
    let (_dir, db) = demo_database(200);
    let cli = |args: &[&str]| {
        let mut all = vec!["--database", db.as_str()];
        all.extend(args);
        resettle(&all)
    };
    let added = cli(&[
        "sponsor",
        "add",
        "--programme",
        "BE",
        "--name",
        "Welkom Leuven",
        "--municipality",
        "Leuven",
        "--contact",
        "L. Maes",
        "--members",
        "6",
        "--capacity",
        "12",
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let place = stdout_json(&cli(&[
        "case",
        "show",
        &first_in(&db, "in_reception"),
        "--format",
        "json",
    ]))["reception_place"]
        .as_str()
        .unwrap()
        .to_string();
    let number = first_in(&db, "arrived");
    let housed = cli(&[
        "case",
        "transition",
        &number,
        "--to",
        "housed",
        "--sponsor-group",
        "Welkom Leuven",
        "--address",
        "Naamsestraat 3, 3000 Leuven",
    ]);
    assert!(
        housed.status.success(),
        "{}",
        String::from_utf8_lossy(&housed.stderr)
    );
    let show = || stdout_json(&cli(&["case", "show", &number, "--format", "json"]));
    let before = show();
    let back = |code: Option<&str>| {
        let mut args = vec![
            "case",
            "transition",
            &number,
            "--to",
            "in_reception",
            "--reception-place",
            &place,
            "--over-capacity-reason",
            "the family's former place",
            "--reason",
            "the group dissolved after two members moved away",
        ];
        if let Some(code) = code {
            args.extend(["--reason-code", code]);
        }
        cli(&args)
    };
    for (code, says) in [
        (None, "reason_code: say which breakdown reason applies"),
        (
            Some("visa"),
            "reason_code: \"visa\" is not a breakdown reason",
        ),
    ] {
        let refused = back(code);
        let err = String::from_utf8_lossy(&refused.stderr);
        assert!(
            !refused.status.success() && err.contains(says) && err.contains("group_dissolved"),
            "{err}"
        );
        assert_eq!(before, show(), "a refused step changed the case");
    }
    let moved = back(Some("group_dissolved"));
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    let events = stdout_json(&cli(&["case", "events", &number, "--format", "json"]));
    let last = events.as_array().unwrap().last().unwrap();
    assert_eq!(
        (&last["to"], &last["reason_code"]),
        (
            &serde_json::json!("in_reception"),
            &serde_json::json!("group_dissolved")
        )
    );
}

/// The first case of the demo in `state`.
fn first_in(db: &str, state: &str) -> String {
    let list = stdout_json(&resettle(&[
        "--database",
        db,
        "case",
        "list",
        "--state",
        state,
        "--format",
        "json",
    ]));
    list["items"][0]["case_number"]
        .as_str()
        .unwrap_or_else(|| panic!("no demo case in {state}: {list}"))
        .to_string()
}

#[test]
fn an_arrival_day_and_a_home_address_are_recorded_from_the_cli() {
    let (_dir, db) = demo_database(200);
    let abroad = first_in(&db, "departure_scheduled");
    let refused = resettle(&[
        "--database",
        &db,
        "case",
        "move",
        &abroad,
        "--to",
        "arrived",
        "--arrived-on",
        "2999-01-01",
    ]);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && err.contains("arrived_on") && err.contains("after today"),
        "{err}"
    );
    let received = first_in(&db, "in_reception");
    let home = |address: Option<&str>| {
        let mut args = vec![
            "--database",
            &db,
            "case",
            "move",
            &received,
            "--to",
            "housed",
            "--municipality",
            "Gent",
            "--format",
            "json",
        ];
        if let Some(a) = address {
            args.extend(["--address", a]);
        }
        resettle(&args)
    };
    let refused = home(None);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && err.contains("address"),
        "{err}"
    );
    let moved = home(Some("Veldstraat 1, 9000 Gent"));
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    let case = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "show",
        &received,
        "--format",
        "json",
    ]));
    assert_eq!(case["address"], "Veldstraat 1, 9000 Gent");
    assert_eq!(case["state"], "housed");
}

/// A family in reception is moved to another place from the command line: a move over
/// the place's capacity is refused without a reason and changes nothing; with one it is
/// recorded, and `case show` lists the stays.
#[test]
fn a_move_between_places_is_recorded_from_the_cli() {
    let (_dir, db) = demo_database(200);
    let received = first_in(&db, "in_reception");
    let show = || {
        stdout_json(&resettle(&[
            "--database",
            &db,
            "case",
            "show",
            &received,
            "--format",
            "json",
        ]))
    };
    let before = show();
    let here = before["reception_place"].as_str().unwrap().to_string();
    // A centre other than the family's place (from an LOI, a step back: it says why).
    let target = ["CENTRE-kapellen", "CENTRE-florennes"]
        .into_iter()
        .find(|c| *c != here)
        .unwrap();
    let stay = |over: Option<&str>| {
        let mut args = vec![
            "--database",
            &db,
            "case",
            "stay",
            &received,
            "--place",
            target,
            "--reason",
            "moved by the CLI test",
            "--format",
            "json",
        ];
        if let Some(o) = over {
            args.extend(["--over-capacity-reason", o]);
        }
        resettle(&args)
    };
    let first = stay(None);
    if !first.status.success() {
        let err = String::from_utf8_lossy(&first.stderr);
        assert!(err.contains("over_capacity_reason:"), "{err}");
        assert_eq!(before, show(), "a refused move changed the case");
    }
    let moved = if first.status.success() {
        first
    } else {
        stay(Some("the only place with an interpreter"))
    };
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    let after = show();
    assert_eq!(after["reception_place"], target);
    let stays = after["stays"].as_array().unwrap();
    assert_eq!(stays.last().unwrap()["place"], target);
    assert_eq!(stays[stays.len() - 2]["place"], here.as_str());
    let table = resettle(&["--database", &db, "case", "show", &received]);
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("stay"),
        "{}",
        String::from_utf8_lossy(&table.stdout)
    );
}

#[test]
fn a_medical_record_is_written_from_the_cli_and_a_refused_one_changes_nothing() {
    let (_dir, db) = demo_database(60);
    let list = stdout_json(&resettle(&[
        "--database",
        &db,
        "case",
        "list",
        "--format",
        "json",
    ]));
    let number = list["items"][0]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    let set = |extra: &[&str]| {
        let mut args = vec!["--database", &db, "case", "medical", "set", &number];
        args.extend_from_slice(extra);
        resettle(&args)
    };
    let written = stdout_json(&set(&[
        "--member",
        "1",
        "--condition",
        " Type 1 diabetes, insulin supply irregular ",
        "--care-need",
        "regular_treatment,specialised_hospital_care",
        "--no-consent",
        "--fit-to-travel",
        "no",
        "--format",
        "json",
    ]));
    assert_eq!(
        written,
        serde_json::json!({
            "member_no": 1,
            "condition": "Type 1 diabetes, insulin supply irregular",
            "care_needs": ["specialised_hospital_care", "regular_treatment"],
            "consent_to_share": false,
            "fit_to_travel": false,
        })
    );
    let show = || {
        stdout_json(&resettle(&[
            "--database",
            &db,
            "case",
            "medical",
            "show",
            &number,
            "--format",
            "json",
        ]))
    };
    let before = show();
    assert!(before.as_array().unwrap().contains(&written), "{before}");
    // Refused on its content (the field named), and by clap (consent must be given):
    // the record stays as it was.
    for (extra, says) in [
        (
            &[
                "--member",
                "1",
                "--condition",
                "x",
                "--care-need",
                "massage",
                "--consent",
                "--fit-to-travel",
                "yes",
            ][..],
            "care_needs: unknown value \"massage\"",
        ),
        (
            &[
                "--member",
                "99",
                "--condition",
                "x",
                "--consent",
                "--fit-to-travel",
                "yes",
            ],
            "member_no: \"99\" is not one of: 1,",
        ),
        (
            &[
                "--member",
                "1",
                "--condition",
                "x",
                "--fit-to-travel",
                "yes",
            ],
            "--consent|--no-consent",
        ),
    ] {
        let out = set(extra);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && stderr.contains(says),
            "{extra:?}: {stderr}"
        );
    }
    assert_eq!(show(), before, "a refused record changed what is stored");
}

#[test]
fn an_outcome_that_cannot_exist_is_refused_and_changes_nothing() {
    let (_dir, db) = demo_database(200);
    let cli = |args: &[&str]| {
        let mut all = vec!["--database", db.as_str()];
        all.extend_from_slice(args);
        resettle(&all)
    };
    let show = |number: &str| stdout_json(&cli(&["case", "show", number, "--format", "json"]));
    // A family with a child arrives today.
    let scheduled = stdout_json(&cli(&[
        "case",
        "list",
        "--state",
        "departure_scheduled",
        "--format",
        "json",
    ]));
    let (number, child) = scheduled["items"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|c| {
            let number = c["case_number"].as_str().unwrap().to_string();
            let case = show(&number);
            let child = case["members"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["date_of_birth"].as_str().unwrap() > "2015-01-01")?["member_no"]
                .as_u64()?;
            Some((number, child.to_string()))
        })
        .expect("a family with a child about to arrive");
    let arrived = cli(&["case", "transition", &number, "--to", "arrived"]);
    assert!(
        arrived.status.success(),
        "{}",
        String::from_utf8_lossy(&arrived.stderr)
    );
    let before = show(&number);
    let refused = cli(&[
        "case",
        "outcome",
        &number,
        "--member",
        &child,
        "--months",
        "18",
        "--employed",
    ]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("member_no: member") && stderr.contains("this is for ages 18 to 64"),
        "{stderr}"
    );
    let after = show(&number);
    assert_eq!(before, after, "a refused outcome changed the case");
    assert_eq!(after["outcomes"], serde_json::json!([]));
}

#[test]
fn policy_profiles_are_listed_shown_checked_and_added() {
    let (dir, db) = temp_database("p.db");
    let list = String::from_utf8(resettle(&["--database", &db, "policy", "list"]).stdout).unwrap();
    assert!(
        list.contains("belgium") && list.contains("netherlands-2012"),
        "{list}"
    );
    let nl = stdout_json(&resettle(&[
        "--database",
        &db,
        "policy",
        "show",
        "netherlands-2012",
        "--format",
        "json",
    ]));
    assert_eq!(nl["name"], "netherlands-2012");
    assert_eq!(nl["reasons"]["breakdown"][0]["code"], "group_dissolved");
    let table =
        String::from_utf8(resettle(&["--database", &db, "policy", "show", "belgium"]).stdout)
            .unwrap();
    assert!(
        table.contains("breakdown reasons") && table.contains("group_dissolved, group_moved_away"),
        "the table lists the codes --reason-code takes: {table}"
    );
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\nversion = 1\ntitle = [\n").unwrap();
    let out = resettle(&["policy", "check", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("bad.toml") && err.contains("line"),
        "{err}"
    );
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies/belgium.toml");
    let good = resettle(&["policy", "check", shipped]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let custom = dir.path().join("be-pilot.toml");
    let text = std::fs::read_to_string(shipped).unwrap().replacen(
        "name = \"belgium\"",
        "name = \"be-pilot\"",
        1,
    );
    std::fs::write(&custom, text).unwrap();
    let added = resettle(&["--database", &db, "policy", "add", custom.to_str().unwrap()]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let list = String::from_utf8(resettle(&["--database", &db, "policy", "list"]).stdout).unwrap();
    assert!(list.contains("be-pilot"), "{list}");
    assert!(
        resettle(&[
            "--database",
            &db,
            "programme",
            "add",
            "--code",
            "BP",
            "--name",
            "Pilot",
            "--state",
            "BE",
            "--policy",
            "be-pilot"
        ])
        .status
        .success()
    );
}

#[test]
fn users_get_tokens_and_programmes_are_added() {
    let (_dir, db) = temp_database("u.db");
    let add = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resettle"))
            .args(["--database", &db])
            .env("RESETTLE_DATA_KEY", resettle_testkit::TEST_DATA_KEY)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    assert!(
        add(&["org", "add", "--name", "Fedasil", "--kind", "agency"], "")
            .status
            .success()
    );
    let ok = add(
        &[
            "user",
            "add",
            "--username",
            "ana",
            "--role",
            "reception-officer",
            "--organisation",
            "Fedasil",
            "--password-stdin",
        ],
        "a long enough password\n",
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let short = add(
        &[
            "user",
            "add",
            "--username",
            "bo",
            "--role",
            "planner",
            "--password-stdin",
        ],
        "short\n",
    );
    assert!(!short.status.success() && String::from_utf8_lossy(&short.stderr).contains("password"));
    let token = resettle(&[
        "--database",
        &db,
        "user",
        "token",
        "--username",
        "ana",
        "--expires-days",
        "7",
    ]);
    let token = String::from_utf8(token.stdout).unwrap();
    assert_eq!(token.lines().count(), 1, "the token alone");
    assert!(
        token.starts_with("rst_") && token.trim().len() == 68,
        "{token}"
    );
    let moved = resettle(&[
        "--database",
        &db,
        "user",
        "roles",
        "ana",
        "--role",
        "case-officer",
    ]);
    let said = String::from_utf8_lossy(&moved.stdout);
    assert!(
        moved.status.success() && said.contains("tokens revoked"),
        "{said}"
    );
    let users = stdout_json(&resettle(&[
        "--database",
        &db,
        "user",
        "list",
        "--format",
        "json",
    ]));
    assert_eq!(users[0]["roles"], "case-officer", "{users}");
    add_dutch_programme(&db);
    let bad = resettle(&[
        "--database",
        &db,
        "programme",
        "add",
        "--code",
        "XX",
        "--name",
        "x",
        "--state",
        "XX",
        "--policy",
        "atlantis",
    ]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("belgium"));
}

#[test]
fn published_pledges_load_with_their_sources_and_gaps_are_named() {
    let (_dir, db) = temp_database("nl.db");
    add_dutch_programme(&db);
    let out = resettle(&[
        "--database",
        &db,
        "pledge",
        "load-published",
        "--programme",
        "NL",
        "--state",
        "NL",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("published pledge(s) of NL recorded"),
        "{text}"
    );
    assert!(
        text.contains("skipped 2020"),
        "a year without its own pledge is named: {text}"
    );
    let rows = stdout_json(&resettle(&[
        "--database",
        &db,
        "pledge",
        "list",
        "--programme",
        "NL",
        "--format",
        "json",
    ]));
    let y2012 = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["year"] == 2012)
        .unwrap();
    assert_eq!(
        y2012["pledged"], 500,
        "the 2012-2015 policy letter's 500 a year"
    );
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| !r["source"].as_str().unwrap().is_empty())
    );
}

#[test]
fn retention_has_a_dry_run_that_changes_nothing() {
    let (_dir, db) = demo_database(200);
    let dry = resettle(&["--database", &db, "retention", "apply", "--dry-run"]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(String::from_utf8_lossy(&dry.stderr).contains("nothing changed"));
    let report = stdout_json(&resettle(&[
        "--database",
        &db,
        "retention",
        "apply",
        "--dry-run",
        "--format",
        "json",
    ]));
    assert_eq!(report["applied"], false);
    assert_eq!(
        report["due"].as_array().unwrap().len(),
        0,
        "the demo's cases ended less than 10 years ago"
    );
}

#[test]
fn audit_verify_passes_on_the_demo_and_names_an_edited_entry() {
    let (_dir, db) = demo_database(100);
    let out = resettle(&["--database", &db, "audit", "verify"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("intact"), "{text}");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db).await.unwrap();
        sqlx::query("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let out = resettle(&["--database", &db, "audit", "verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a tampered trail must fail");
    assert!(err.contains("broken at entry 2"), "{err}");
}

/// Attack: cut the newest entries of a SQLite trail. `audit verify` anchored the head in
/// the file beside the database; the next verify names the cut and exits 1.
#[test]
fn audit_verify_names_entries_cut_from_the_end() {
    let (dir, db) = demo_database(60);
    let out = resettle(&["--database", &db, "audit", "verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let anchors = std::fs::read_to_string(dir.path().join("demo.db.anchor")).unwrap();
    assert_eq!(anchors.lines().count(), 1, "{anchors}");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db).await.unwrap();
        sqlx::query("DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let out = resettle(&["--database", &db, "audit", "verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the newest entries were removed"), "{err}");
}

#[test]
fn second_factors_are_enrolled_and_codes_computed_from_the_cli() {
    let (_dir, db) = demo_database(60);
    let out = resettle(&["--database", &db, "user", "totp", "planner"]);
    let uri = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && uri.starts_with("otpauth://totp/resettle:planner?secret="),
        "{uri}"
    );
    let out = resettle(&[
        "user",
        "code",
        "--secret",
        "RESETTLEDEMO2FAS3CRETFORNEWUSERS",
    ]);
    let code = String::from_utf8_lossy(&out.stdout);
    assert!(
        code.trim().len() == 6 && code.trim().chars().all(|c| c.is_ascii_digit()),
        "{code}"
    );
    let bad = resettle(&["user", "code", "--secret", "not base32!"]);
    assert!(!bad.status.success());
}

#[test]
fn the_data_key_rotates_and_the_old_one_is_dropped() {
    let (dir, db) = temp_database("k.db");
    let key_file = dir.path().join("k.key");
    let key_file = key_file.to_str().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_resettle"))
            .args(["--database", &db, "--data-key-file", key_file])
            .args(args)
            .env_remove("RESETTLE_DATABASE_URL")
            .env_remove("RESETTLE_DATA_KEY")
            .output()
            .unwrap()
    };
    let out = run(&["demo", "--cases", "80", "--as-of", "2026-11-23"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read_to_string(key_file).unwrap();
    assert!(first.starts_with("k1:"), "the demo made a key file");
    let out = run(&["key", "rotate"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("under key k2"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second = std::fs::read_to_string(key_file).unwrap();
    let ids: Vec<&str> = second
        .trim()
        .split(',')
        .map(|e| e.split(':').next().unwrap())
        .collect();
    assert_eq!(ids, ["k2", "audit-k1"], "only k1's audit chain key is kept");
    // The entries k1 keyed still verify, and new ones are keyed under k2.
    let out = run(&["audit", "verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let number: String = tokio::runtime::Runtime::new().unwrap().block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db).await.unwrap();
        let n = sqlx::query_scalar(
            "SELECT c.case_number FROM cases c JOIN medical_records m ON m.case_id = c.id LIMIT 1",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        pool.close().await;
        n
    });
    let out = run(&["case", "export", &number]);
    let export: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    assert!(
        !export["medical_records"].as_array().unwrap().is_empty(),
        "the medical records open under the new key"
    );
}

#[test]
fn place_propose_writes_the_instance_it_solves() {
    let (dir, db) = demo_database(300);
    let file = dir.path().join("be.json");
    let file = file.to_str().unwrap();
    let out = resettle(&[
        "--database",
        &db,
        "place",
        "propose",
        "--programme",
        "BE",
        "--instance-out",
        file,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let instance: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(
        instance["cases"].as_array().unwrap().len() as u64,
        run["families"].as_u64().unwrap()
    );
    assert!(run["families"].as_u64().unwrap() > 0, "{run}");
    // The file is a valid instance for `place solve`, and solving it reproduces the
    // proposal (the scores read back bit for bit; the run stays far from its time limit).
    let out = resettle(&["place", "solve", "--instance", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let solved: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for figure in ["objective", "bound", "unassigned"] {
        assert_eq!(
            solved[figure], run[figure],
            "{figure}: {solved} against {run}"
        );
    }
}

/// `resettle … | head`: when the reader closes the pipe, the command stops quietly and
/// successfully, as a Unix tool does, instead of panicking on the broken pipe.
#[test]
fn a_closed_stdout_pipe_ends_the_command_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resettle"))
        .args(["place", "generate", "--cases", "5000", "--places", "50"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run resettle");
    let mut stdout = child.stdout.take().expect("piped");
    let mut start = [0u8; 16];
    stdout.read_exact(&mut start).expect("the instance starts");
    assert_eq!(start[0], b'{', "{}", String::from_utf8_lossy(&start));
    // The instance is far larger than a pipe's buffer: the next write hits the closed pipe.
    drop(stdout);
    let out = child.wait_with_output().expect("resettle ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Attack: an organisation named as a formula reaches `--format csv` (here `user list`)
/// and a pledge source reaches `pledge list --format csv`. Before, both were printed as
/// typed and ran in a spreadsheet; now they start with `'`, and a negative gap stays a
/// number.
#[test]
fn csv_output_never_starts_a_spreadsheet_formula() {
    let (_dir, db) = temp_database("f.db");
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resettle"))
            .args(["--database", &db])
            .env("RESETTLE_DATA_KEY", resettle_testkit::TEST_DATA_KEY)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin_pipe = child.stdin.take().unwrap();
        stdin_pipe.write_all(stdin.as_bytes()).unwrap();
        drop(stdin_pipe);
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(
        &["org", "add", "--name", "@SUM(A1:A9)", "--kind", "ngo"],
        "",
    );
    let user = ["user", "add", "--username", "ngo", "--role", "planner"];
    let with_org = [
        &user[..],
        &["--organisation", "@SUM(A1:A9)", "--password-stdin"],
    ]
    .concat();
    run(&with_org, "a long enough password\n");
    let users = run(&["user", "list", "--format", "csv"], "");
    assert!(users.contains(",'@SUM(A1:A9),"), "{users}");
    add_dutch_programme(&db);
    run(
        &[
            "pledge",
            "set",
            "--programme",
            "NL",
            "--year",
            "2001",
            "--pledged",
            "5",
            "--arrived",
            "17",
            "--source=-1+cmd|' /C calc'!A0",
        ],
        "",
    );
    let pledges = run(
        &["pledge", "list", "--programme", "NL", "--format", "csv"],
        "",
    );
    assert!(
        pledges.contains("2001,5,17,-12,'-1+cmd|' /C calc'!A0"),
        "{pledges}"
    );
}

/// `resettle simulate` on a shipped scenario: the JSON holds the weekly bands, each
/// pledge's chance and the buffer; the same seed gives the same answer; the table names
/// the pledge and the buffer; a bad scenario file is refused naming its key and line.
#[test]
fn simulate_forecasts_a_scenario_file_and_refuses_a_bad_one() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/belgium-2018-2019.toml"
    );
    let args = [
        "simulate",
        "--scenario",
        file,
        "--runs",
        "60",
        "--seed",
        "3",
        "--format",
        "json",
    ];
    let json = stdout_json(&resettle(&args));
    let f = &json["forecast"];
    assert_eq!(f["runs"], 60);
    assert_eq!(f["pledges"][0]["label"], "2018–2019");
    assert!(
        f["pledges"][0]["p_met"].as_f64().unwrap() < 0.1,
        "{}",
        f["pledges"]
    );
    let weeks = f["weeks"].as_array().unwrap().len();
    assert_eq!(weeks, 105, "2018 and 2019 in weeks");
    assert_eq!(f["stages"][0]["occupancy"].as_array().unwrap().len(), weeks);
    assert!(f["buffer"]["places"].as_u64().is_some(), "{}", f["buffer"]);
    assert_eq!(json["scenario"]["name"], "belgium-2018-2019");
    assert_eq!(
        stdout_json(&resettle(&args)),
        json,
        "the same seed, the same forecast"
    );

    let table = resettle(&["simulate", "--scenario", file, "--runs", "40"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    assert!(
        text.contains("2018–2019") && text.contains("places run short"),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    let text =
        std::fs::read_to_string(file)
            .unwrap()
            .replacen("capacity = 430", "capacity = -4", 1);
    std::fs::write(&bad, text).unwrap();
    let out = resettle(&["simulate", "--scenario", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml: line ")
            && err.contains("stages[0].capacity: must be a whole number from 0, got -4"),
        "{err}"
    );
    let out = resettle(&["simulate", "--runs", "10"]);
    assert!(
        !out.status.success(),
        "a scenario or a programme is required"
    );
}

/// `resettle simulate --programme BE` answers from the demo programme's cases. (The CLI
/// reads the wall clock, so nothing here depends on the day: the app's tests check the
/// live forecast on the fixed day.)
#[test]
fn simulate_forecasts_the_live_programme() {
    let (_dir, db) = demo_database(150);
    let json = stdout_json(&resettle(&[
        "--database",
        &db,
        "simulate",
        "--programme",
        "BE",
        "--runs",
        "30",
        "--format",
        "json",
    ]));
    assert_eq!(json["scenario"]["name"], "programme-be");
    assert_eq!(json["forecast"]["runs"], 30);
    let inputs = json["scenario"]["inputs"].as_array().unwrap();
    assert!(
        inputs.iter().any(|i| i["input"] == "family_sizes"
            && i["source"]
                .as_str()
                .unwrap()
                .starts_with("fitted: the 150 cases")),
        "{inputs:?}"
    );
    let out = resettle(&["--database", &db, "simulate", "--programme", "XX"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("programme XX does not exist"));
}

/// `resettle case family-code CASE` prints a new code once; the family signs in with it,
/// and the code printed before it no longer opens the page.
#[test]
fn a_family_code_is_issued_from_the_cli_and_replaces_the_old_one() {
    let (_dir, db) = demo_database(60);
    let case = first_in(&db, "pre_departure");
    let issue = || {
        let out = resettle(&["--database", &db, "case", "family-code", &case]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let code = text.trim().rsplit(' ').next().unwrap().to_string();
        assert!(text.contains(&case), "{text}");
        assert_eq!(code.len(), 14, "twelve characters in three groups: {text}");
        code
    };
    let old = issue();
    let new = issue();
    assert_ne!(old, new);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let app = resettle_app::App::open(&db)
            .await
            .unwrap()
            .with_keys(resettle_app::Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap());
        assert!(matches!(
            app.family_sign_in(&case, &old, "192.0.2.7").await,
            Err(resettle_app::AppError::Unauthorized(_))
        ));
        let (_, family) = app
            .family_sign_in(&case, &new.to_lowercase(), "192.0.2.7")
            .await
            .unwrap();
        assert_eq!(family.case_number(), case);
    });
    let unknown = resettle(&["--database", &db, "case", "family-code", "XYZ-26C99999"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("does not exist"));
}

/// `resettle programme hold` records a hold and says how many families' dates fall
/// inside it; a hold that ends before it starts is refused naming the field, and nothing
/// is recorded.
#[test]
fn a_programme_hold_is_recorded_from_the_cli_and_a_backwards_one_refused() {
    let (_dir, db) = demo_database(60);
    let holds = || {
        stdout_json(&resettle(&[
            "--database",
            &db,
            "programme",
            "holds",
            "BE",
            "--format",
            "json",
        ]))
    };
    assert_eq!(holds(), serde_json::json!([]));
    let refused = resettle(&[
        "--database",
        &db,
        "programme",
        "hold",
        "BE",
        "--from",
        "2027-03-01",
        "--until",
        "2027-01-01",
        "--reason",
        "reception_capacity",
    ]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("until"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(holds(), serde_json::json!([]), "nothing recorded");
    let out = resettle(&[
        "--database",
        &db,
        "programme",
        "hold",
        "BE",
        "--from",
        "2026-12-01",
        "--until",
        "2027-06-30",
        "--reason",
        "reception_capacity",
        "--note",
        "the four centres are full",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("families' promised dates"));
    let listed = holds();
    assert_eq!(listed[0]["reason"], "reception_capacity");
    assert_eq!(listed[0]["note"], "the four centres are full");
    assert_eq!(listed[0]["from"], "2026-12-01");
}

/// `resettle report annual` writes the report to Parliament in each format and in the
/// language asked for (2024: a year over whatever day the test runs); a language the
/// report is not written in is refused naming the option, and nothing is written.
#[test]
fn report_annual_writes_each_format_in_the_language_asked() {
    let (dir, db) = demo_database(200);
    let report = |format: &str, language: &str, file: &str| {
        let path = dir.path().join(file);
        let out = resettle(&[
            "--database",
            &db,
            "report",
            "annual",
            "--year",
            "2024",
            "--format",
            format,
            "--language",
            language,
            "--output",
            path.to_str().unwrap(),
        ]);
        (out, path)
    };
    for (format, start) in [
        ("pdf", &b"%PDF-"[..]),
        ("xlsx", &b"PK"[..]),
        ("html", &b"<!doctype html><html lang=\"fr\""[..]),
        ("csv", &b"section,table,row,column,value"[..]),
    ] {
        let (out, path) = report(format, "fr", &format!("rapport.{format}"));
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.starts_with(start),
            "{format}: {:?}",
            &bytes[..20.min(bytes.len())]
        );
    }
    let text = Command::new("pdftotext")
        .arg(dir.path().join("rapport.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("La réinstallation en 2024 : rapport au Parlement"),
        "{text:.600}"
    );
    let (out, path) = report("pdf", "de", "bericht.pdf");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--language: \"de\" is not nl, fr or en")
    );
    assert!(!path.exists(), "nothing is written on refusal");
}

/// `resettle funding claim` lists each person of the year once with integer cents, as
/// JSON of the exact shape, a table and CSV; the lines add up to the total; an unknown
/// instrument, and one the profile does not have, are refused naming the option.
#[test]
fn funding_claim_lists_each_person_once_and_adds_up() {
    let (_dir, db) = demo_database(200);
    let claim = |instrument: &str, format: &str| {
        resettle(&[
            "--database",
            &db,
            "funding",
            "claim",
            "--instrument",
            instrument,
            "--year",
            "2024",
            "--format",
            format,
        ])
    };
    let out = claim("amif", "json");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["instrument", "lines", "total_cents", "year"]);
    assert_eq!(
        (v["instrument"].as_str(), v["year"].as_i64()),
        (Some("amif"), Some(2024))
    );
    let lines = v["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    let ids: std::collections::BTreeSet<&str> = lines
        .iter()
        .map(|l| l["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), lines.len(), "each person once");
    let sum: i64 = lines
        .iter()
        .map(|l| l["amount_cents"].as_i64().unwrap())
        .sum();
    assert_eq!(v["total_cents"].as_i64(), Some(sum));
    assert!(lines.iter().all(|l| l["case_number"].is_string()));

    let csv = String::from_utf8(claim("amif", "csv").stdout).unwrap();
    assert!(csv.starts_with(
        "person_id,case_number,member_no,arrived_on,adult,first_cohort,amount_cents\n"
    ));
    assert!(
        csv.trim_end().ends_with(&format!("total,,,,,,{sum}")),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), lines.len() + 2);
    let table = String::from_utf8(claim("amif", "table").stdout).unwrap();
    assert!(table.starts_with("person_id"), "{table}");

    let out = claim("esf", "json");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--instrument: \"esf\" is not amif or allowance")
    );
    let out = claim("allowance", "json");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("names no allowance rate"));
}

/// `resettle funding claim --file` files the claim once: filing again with nothing new is
/// refused, writing nothing; `resettle funding claims` lists the claim filed, adding up.
#[test]
fn a_filed_claim_is_listed_and_not_filed_twice() {
    let (_dir, db) = demo_database(200);
    let run = |args: &[&str]| {
        let mut all = vec!["--database", db.as_str()];
        all.extend_from_slice(args);
        resettle(&all)
    };
    let file = || {
        run(&[
            "funding",
            "claim",
            "--instrument",
            "amif",
            "--year",
            "2024",
            "--file",
            "--format",
            "json",
        ])
    };
    let out = file();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let filed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(filed["number"].as_i64(), Some(1));
    let lines = filed["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| l["kind"] == "claim"));
    let out = file();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nothing to file"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["funding", "claims", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0], filed);
    let csv = String::from_utf8(run(&["funding", "claims", "--format", "csv"]).stdout).unwrap();
    assert!(csv.starts_with(
        "instrument,year,number,filed_on,filed_by,person_id,kind,reason,amount_cents\n"
    ));
    assert!(
        csv.trim_end()
            .ends_with(&format!(",total,,,{}", filed["total_cents"])),
        "{csv}"
    );
}

/// `resettle export` writes a list as CSV to standard output or as XLSX to a file; an
/// unknown format is refused naming the option, writing nothing.
#[test]
fn export_writes_lists_as_csv_and_xlsx() {
    let (dir, db) = demo_database(60);
    let run = |args: &[&str]| {
        let mut all = vec!["--database", db.as_str()];
        all.extend_from_slice(args);
        resettle(&all)
    };
    let out = run(&["export", "cases", "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("case_number,programme,state,"),
        "{csv:.200}"
    );
    assert_eq!(csv.lines().count(), 61, "one row per case");
    let path = dir.path().join("audit.xlsx");
    let out = run(&[
        "export",
        "audit",
        "--format",
        "xlsx",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read(&path).unwrap().starts_with(b"PK"),
        "a workbook"
    );
    let out = run(&["export", "missions", "--format", "ods"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format: \"ods\" is not csv or xlsx"));
}

/// `resettle import cases` registers a file's cases once (a second import changes
/// nothing); a file with a bad row writes nothing, names row, column, value and reason,
/// and exits with status 1; a dry run writes nothing.
#[test]
fn import_cases_is_all_or_nothing_and_idempotent() {
    let (dir, db) = demo_database(20);
    let header = "case_number,country_of_asylum,nationality,categories,priority,channel,\
submitted_on,member_no,relationship,full_name,date_of_birth,sex,languages,education,\
occupation,linked_cases";
    let mother = "IMP-26C00001,LB,SY,legal_physical_protection;medical_needs,normal,dossier,\
2026-03-02,1,principal_applicant,Amal Haddad,1990-04-01,female,ar,,,";
    let son = "IMP-26C00001,LB,SY,legal_physical_protection;medical_needs,normal,dossier,\
2026-03-02,2,child,Omar Haddad,2015-09-12,male,ar,,,";
    let other = "IMP-26C00002,JO,SY,medical_needs,normal,dossier,2026-03-05,1,\
principal_applicant,Sara Nasser,1985-01-01,female,ar,,,";
    let good = dir.path().join("good.csv");
    std::fs::write(&good, format!("{header}\n{mother}\n{son}\n")).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "{header}\n{other}\n{}\n",
            son.replace("2015-09-12", "12/09/2015")
        ),
    )
    .unwrap();
    let import = |file: &std::path::Path, dry: bool| {
        let mut args = vec!["--database", &db, "import", "cases", "--programme", "BE"];
        if dry {
            args.push("--dry-run");
        }
        let f = file.to_str().unwrap().to_string();
        let mut args: Vec<String> = args.into_iter().map(String::from).collect();
        args.push(f);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        resettle(&refs)
    };
    let listed = |number: &str| {
        let out = resettle(&["--database", &db, "case", "list", "--format", "csv"]);
        String::from_utf8(out.stdout).unwrap().contains(number)
    };

    let out = import(&good, true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("would register 1"));
    assert!(!listed("IMP-26C00001"), "a dry run writes nothing");

    let out = import(&good, false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 cases, 2 persons: registered 1"));
    assert!(listed("IMP-26C00001"));
    let again = import(&good, false);
    assert!(String::from_utf8_lossy(&again.stdout).contains("registered 0, already registered 1"));

    let out = import(&bad, false);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 3, column date_of_birth, value \"12/09/2015\""),
        "{err}"
    );
    assert!(
        !listed("IMP-26C00002"),
        "nothing of a refused file is written"
    );
}

/// `resettle import cases --mapping`: the shipped proGres-like mapping reads its layout;
/// a bad mapping is refused naming its key, before anything is read or written.
#[test]
fn import_cases_reads_another_layout_through_a_mapping() {
    let (dir, db) = demo_database(20);
    let mapping = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/import-mappings/progres.toml"
    );
    let file = dir.path().join("progres.csv");
    std::fs::write(
        &file,
        "Case No.,Individual No.,Asylum Country,Nationality,Specific Needs,Urgency,Submission Date,\
Relationship to PA,Full Name,Date of Birth,Sex,Languages,Education Level,Occupation,Linked Cases\n\
MAP-26C00001,1,LB,SY,LPP|MED,N,2026-03-02,PA,Amal Haddad,1990-04-01,F,ar|en,secondary,teacher,\n\
MAP-26C00001,2,LB,SY,LPP|MED,N,2026-03-02,CHL,Omar Haddad,2015-09-12,M,ar,,,\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[columns]\ncase_no = \"Case No.\"\n").unwrap();
    let file = file.to_str().unwrap();
    let out = resettle(&[
        "--database",
        &db,
        "import",
        "cases",
        "--programme",
        "BE",
        "--mapping",
        bad.to_str().unwrap(),
        file,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("columns.case_no: is not a column of the layout"),
        "{err}"
    );

    let out = resettle(&[
        "--database",
        &db,
        "import",
        "cases",
        "--programme",
        "BE",
        "--mapping",
        mapping,
        file,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 cases, 2 persons: registered 1"));
    let out = resettle(&["--database", &db, "case", "show", "MAP-26C00001"]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("normal / dossier") && shown.contains("2 persons"),
        "{shown}"
    );
}

/// `resettle export open-data`: the year's aggregates and their dictionary, written into
/// the folder given (made when it does not exist yet) and named there.
#[test]
fn open_data_is_written_with_its_dictionary() {
    let (dir, db) = demo_database(150);
    let folder = dir.path().join("open-data");
    let out_dir = folder.to_str().unwrap();
    let out = resettle(&[
        "--database",
        &db,
        "export",
        "open-data",
        "--year",
        "2025",
        "--output",
        out_dir,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(folder.join("open-data-2025.csv")).unwrap();
    assert!(
        csv.starts_with("year,table,breakdown,value,persons,withheld\n"),
        "{csv}"
    );
    assert!(csv.contains("2025,arrivals,total,all,"), "{csv}");
    let dictionary = std::fs::read_to_string(folder.join("open-data-2025.md")).unwrap();
    assert!(dictionary.contains("| `withheld` |"), "{dictionary}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("open-data-2025.md"));
}

/// `resettle quota …`: the Belgian plan decided, split with emergency places on top, one
/// JSON object per line adding up to each year's target plus its emergency places; the
/// Dutch emergency places within the dossier places (a pledge of the framework's 500 for a
/// year the needs data covers); a year tracked.
#[test]
fn the_quota_is_decided_allocated_as_json_lines_and_tracked_from_the_cli() {
    let (_dir, db) = demo_database(150);
    let ok = |out: &Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        )
    };
    ok(&resettle(&[
        "--database",
        &db,
        "quota",
        "decide",
        "--programme",
        "BE",
        "--proposed-by",
        "Fedasil and the CGVS",
        "--consulted",
        "UNHCR and the NGOs",
        "--motivation",
        "2.84% of the EU's 20% of UNHCR's projected needs (NGO report 3.3)",
        "--published-on",
        "2021-10-01",
        "--years",
        "2022=2000,2023=3000,2024=3821",
    ]));
    let lines = |programme: &str, from: &str, to: &str, emergency: &str| {
        let out = resettle(&[
            "--database",
            &db,
            "quota",
            "allocate",
            "--programme",
            programme,
            "--from",
            from,
            "--to",
            to,
            "--emergency",
            emergency,
            "--format",
            "json",
        ]);
        ok(&out);
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let be = lines("BE", "2022", "2024", "120");
    for (year, target) in [(2022, 2_000), (2023, 3_000), (2024, 3_821)] {
        let sum: u64 = be
            .iter()
            .filter(|l| l["year"] == year)
            .map(|l| l["persons"].as_u64().unwrap())
            .sum();
        assert_eq!(sum, target + 120, "{year}");
        assert!(
            be.iter()
                .all(|l| l["situation"].is_string() && l["channel"].is_string())
        );
    }
    add_dutch_programme(&db);
    ok(&resettle(&[
        "--database",
        &db,
        "pledge",
        "set",
        "--programme",
        "NL",
        "--year",
        "2027",
        "--pledged",
        "500",
        "--source",
        "Beleidskader hervestiging 2012-2015",
    ]));
    let nl = lines("NL", "2027", "2027", "30");
    let by = |channel: &str| -> u64 {
        nl.iter()
            .filter(|l| l["channel"] == channel)
            .map(|l| l["persons"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(
        (by("mission"), by("dossier"), by("emergency")),
        (400, 70, 30)
    );
    let out = resettle(&[
        "--database",
        &db,
        "quota",
        "track",
        "--programme",
        "BE",
        "--year",
        "2025",
    ]);
    ok(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("situation") && text.contains("africa"),
        "{text}"
    );
}

/// A backup taken from a database in use is restored into a new place and holds the same
/// cases, events and trail (plus the trail's record of the restore); a damaged copy, or
/// one whose trail was edited, is refused and the database it would replace is left as it
/// was; an existing database is replaced only when asked.
#[test]
fn a_backup_restores_to_the_same_programme_and_a_bad_copy_changes_nothing() {
    let (dir, db) = demo_database(60);
    let copy = dir.path().join("copy.db");
    let copy_arg = copy.to_str().unwrap();
    let out = resettle(&["--database", &db, "backup", copy_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A backup never overwrites a file.
    let again = resettle(&["--database", &db, "backup", copy_arg]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));

    let restored = format!("sqlite://{}", dir.path().join("restored.db").display());
    let out = resettle(&["--database", &restored, "restore", copy_arg]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("restored from") && said.contains("intact"),
        "{said}"
    );
    let listing = |db: &str| {
        let out = resettle(&["--database", db, "case", "list", "--format", "csv"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(listing(&restored), listing(&db));
    let rows = |db: &str, sql: &str| -> i64 {
        tokio::runtime::Runtime::new().unwrap().block_on(async {
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(db).await.unwrap();
            let n: i64 = sqlx::Row::get(
                &sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
                    .fetch_one(&pool)
                    .await
                    .unwrap(),
                0,
            );
            pool.close().await;
            n
        })
    };
    for table in [
        "cases",
        "case_events",
        "family_members",
        "medical_records",
        "wellbeing_checkins",
    ] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(rows(&restored, &sql), rows(&db, &sql), "{table}");
    }
    // The backup's own entry is in the live trail; the restore's is in the restored one.
    let restores = "SELECT COUNT(*) FROM audit_log WHERE action = 'restore'";
    assert_eq!(rows(&restored, restores), 1);
    let out = resettle(&["--database", &restored, "audit", "verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // While another process has it open (a server), it is not replaced.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let held = runtime.block_on(async {
        let pool = sqlx::AnyPool::connect(&restored).await.unwrap();
        sqlx::query("SELECT COUNT(*) FROM cases")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool
    });
    let out = resettle(&["--database", &restored, "restore", "--replace", copy_arg]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("in use"));
    runtime.block_on(held.close());

    // Without --replace an existing database stays.
    let out = resettle(&["--database", &restored, "restore", copy_arg]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replace"));

    // A copy whose trail was edited, and a file that is no database: refused, the
    // database it would replace unchanged.
    let before = listing(&restored);
    let edited = dir.path().join("edited.db");
    std::fs::copy(&copy, &edited).unwrap();
    let edited_url = format!("sqlite://{}", edited.display());
    rows(
        &edited_url,
        "UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2 RETURNING 0",
    );
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, vec![7u8; 8192]).unwrap();
    for (bad, why) in [(&edited, "broken at entry 2"), (&garbage, "not restored")] {
        let out = resettle(&[
            "--database",
            &restored,
            "restore",
            "--replace",
            bad.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}", bad.display());
        assert!(err.contains(why), "{err}");
        assert_eq!(listing(&restored), before);
        assert!(!dir.path().join("restored.db.restoring").exists());
    }
}

/// A long list is walked page by page from the CLI: each page names the case to start the
/// next after, and the pages together are the one long list.
#[test]
fn the_case_list_is_paged_by_key_from_the_cli() {
    let (_dir, db) = demo_database(40);
    let list = |extra: &[&str]| {
        let mut args = vec!["--database", db.as_str(), "case", "list"];
        args.extend_from_slice(extra);
        resettle(&args)
    };
    let numbers = |out: &Output| -> Vec<String> {
        stdout_json(out)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["case_number"].as_str().unwrap().to_string())
            .collect()
    };
    let whole = numbers(&list(&["--per-page", "12", "--format", "json"]));
    assert_eq!(whole.len(), 12);
    let first = list(&["--per-page", "6"]);
    let told = String::from_utf8_lossy(&first.stderr).to_string();
    let after = told
        .lines()
        .find_map(|l| l.strip_prefix("next page: --after "))
        .unwrap_or_else(|| panic!("no next page named: {told}"))
        .to_string();
    assert_eq!(after, whole[5], "{told}");
    let second = numbers(&list(&[
        "--per-page",
        "6",
        "--after",
        &after,
        "--format",
        "json",
    ]));
    assert_eq!(
        second,
        whole[6..],
        "the second page goes on where the first ended"
    );
    let nowhere = list(&["--after", "XXX-00C00000", "--format", "json"]);
    assert!(!nowhere.status.success());
    let err = String::from_utf8_lossy(&nowhere.stderr);
    assert!(err.contains("after"), "{err}");
}
