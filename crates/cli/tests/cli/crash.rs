//! The crash test (issue 23): while case officers move cases and read them, the server is
//! killed with SIGKILL at random moments and started again, on SQLite and on PostgreSQL.
//! Afterwards every acknowledged step is there, each step (acknowledged or not) has its
//! audit entry and each acknowledged read its entry, the audit chain verifies, and every
//! case's stored state and version are those its events give.
//!
//! Bounded: `ROUNDS` kills per database, each at most `MAX_RUN_MS` after the round's first
//! acknowledged step (awaited for at most `FIRST_STEP_WITHIN_S`); every request goes to
//! 127.0.0.1.
//!
//! Beside it, the graceful stop: SIGTERM while a long request runs lets it finish, anchors
//! the chain's head and exits cleanly; and each audit entry names its request's id.
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::Row;

/// Kills per database.
const ROUNDS: u64 = 10;
/// The longest a round's load runs before the kill (the shortest is a tenth of it).
const MAX_RUN_MS: u64 = 600;
/// How long a round waits for its first acknowledged step before the kill's countdown.
const FIRST_STEP_WITHIN_S: u64 = 20;
/// Case officers sending requests at once, each moving its own cases.
const CLIENTS: usize = 4;
/// Cases each client moves.
const CASES_PER_CLIENT: usize = 3;

fn resettle(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resettle"))
        .args(["--log-level", "warn", "--database", db])
        .args(args)
        .env_remove("RESETTLE_DATABASE_URL")
        .env("RESETTLE_DATA_KEY", resettle_testkit::TEST_DATA_KEY)
        .output()
        .expect("run resettle")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A plain HTTP/1.0 request with a bearer token; `None` when the server is gone.
fn http(port: u16, token: &str, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    http_with_head(port, token, method, path, body).map(|(status, _, body)| (status, body))
}

/// As [`http`], with the answer's head (status line and headers) too.
fn http_with_head(
    port: u16,
    token: &str,
    method: &str,
    path: &str,
    body: &str,
) -> Option<(u16, String, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    write!(
        s,
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let status = raw.split(' ').nth(1)?.parse().ok()?;
    let (head, body) = raw.split_once("\r\n\r\n")?;
    Some((status, head.to_lowercase(), body.to_string()))
}

fn start(db: &str, dir: &std::path::Path) -> (Child, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_resettle"))
        .args(["--log-level", "error", "--database", db, "serve", "--addr"])
        .arg(format!("127.0.0.1:{port}"))
        .current_dir(dir)
        .env_remove("RESETTLE_DATABASE_URL")
        .env("RESETTLE_DATA_KEY", resettle_testkit::TEST_DATA_KEY)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start resettle serve");
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some((200, _)) = http(port, "", "GET", "/api/v1/health", "") {
            return (child, port);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().ok();
    child.wait().ok();
    panic!("resettle serve did not answer /api/v1/health within 60 s");
}

/// What the clients were told: steps acknowledged (case, version after) and reads
/// acknowledged per case.
#[derive(Default)]
struct Acknowledged {
    steps: Vec<(String, i64)>,
    reads: BTreeMap<String, u64>,
}

/// A small deterministic generator for the kill moments (no dependency for one number).
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// One client: moves its cases into dossier review (from submission or deferral) and to
/// deferred (from review or an interview), reading each before its first step, until told
/// to stop or the server is gone. Learns each case's version from the server when a step
/// is not acknowledged (it may have committed before the kill).
fn client(port: u16, token: &str, cases: &[String], stop: &AtomicBool, acks: &Mutex<Acknowledged>) {
    let mut known: BTreeMap<&str, (String, i64)> = BTreeMap::new();
    while !stop.load(Ordering::Relaxed) {
        for case in cases {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let path = format!("/api/v1/cases/{case}");
            if !known.contains_key(case.as_str()) {
                let Some((200, body)) = http(port, token, "GET", &path, "") else {
                    return;
                };
                acks.lock()
                    .unwrap()
                    .reads
                    .entry(case.clone())
                    .and_modify(|n| *n += 1)
                    .or_insert(1);
                let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                let state = v["state"].as_str().unwrap().to_string();
                known.insert(case, (state, v["version"].as_i64().unwrap()));
            }
            let (state, version) = known[case.as_str()].clone();
            let body = if state == "deferred" || state == "submitted" {
                format!(r#"{{"to":"dossier_review","expected_version":{version}}}"#)
            } else {
                // The step back names its reason from the profile's list (free words alone
                // are refused, and a refused step would leave the case stuck in review).
                format!(
                    r#"{{"to":"deferred","reason_code":"other","reason":"crash test","expected_version":{version}}}"#
                )
            };
            match http(port, token, "POST", &format!("{path}/transitions"), &body) {
                Some((200, answer)) => {
                    let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
                    let after = v["version"].as_i64().unwrap();
                    acks.lock().unwrap().steps.push((case.clone(), after));
                    known.insert(case, (v["state"].as_str().unwrap().to_string(), after));
                }
                Some((status, answer)) => {
                    assert!(status < 500, "{case}: {status} {answer}");
                    known.remove(case.as_str());
                }
                None => return,
            }
        }
    }
}

#[test]
fn acknowledged_writes_and_their_entries_survive_the_server_being_killed() {
    for db in resettle_testkit::databases() {
        let started = Instant::now();
        let dir = tempfile::tempdir().unwrap();
        let url = &db.url;
        ok(resettle(
            url,
            &["demo", "--cases", "300", "--as-of", "2026-11-23"],
        ));
        let token = ok(resettle(
            url,
            &["user", "token", "--username", "case-officer"],
        ))
        .trim()
        .to_string();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let pool = runtime.block_on(async {
            sqlx::any::install_default_drivers();
            sqlx::AnyPool::connect(url).await.unwrap()
        });
        let query =
            |sql: &'static str| runtime.block_on(sqlx::query(sql).fetch_all(&pool)).unwrap();
        let movable: Vec<String> = query(
            "SELECT case_number FROM cases WHERE state IN ('submitted', 'interviewed', \
             'dossier_review', 'deferred') ORDER BY case_number",
        )
        .iter()
        .map(|r| r.get(0))
        .take(CLIENTS * CASES_PER_CLIENT)
        .collect();
        assert!(
            movable.len() >= CLIENTS,
            "{}: too few cases to move",
            db.backend
        );
        let versions_before: BTreeMap<String, i64> =
            query("SELECT case_number, version FROM cases")
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
        let acks = Arc::new(Mutex::new(Acknowledged::default()));
        let mut seed = 0x5eed_c0de_u64;
        for _ in 0..ROUNDS {
            let (mut server, port) = start(url, dir.path());
            let stop = Arc::new(AtomicBool::new(false));
            let clients: Vec<_> = movable
                .chunks(CASES_PER_CLIENT)
                .map(|cases| {
                    let (cases, stop, acks, token) =
                        (cases.to_vec(), stop.clone(), acks.clone(), token.clone());
                    std::thread::spawn(move || client(port, &token, &cases, &stop, &acks))
                })
                .collect();
            // The random moment counts from the round's first acknowledged step, so even
            // a slow machine (a debug build beside other work) is killed under load.
            let before = acks.lock().unwrap().steps.len();
            let deadline = Instant::now() + Duration::from_secs(FIRST_STEP_WITHIN_S);
            while acks.lock().unwrap().steps.len() == before && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            let moved = acks.lock().unwrap().steps.len() > before;
            let run = MAX_RUN_MS / 10 + next(&mut seed) % (MAX_RUN_MS * 9 / 10);
            std::thread::sleep(Duration::from_millis(run));
            server.kill().unwrap(); // SIGKILL: no shutdown, no flush, no anchor
            server.wait().unwrap();
            stop.store(true, Ordering::Relaxed);
            for c in clients {
                c.join().unwrap();
            }
            // A round without an acknowledged step killed an idle server and proved
            // nothing (and cost the whole wait): a failure, not a pass.
            assert!(
                moved,
                "{}: no step acknowledged within {FIRST_STEP_WITHIN_S} s of the server's start",
                db.backend
            );
        }
        let acks = acks.lock().unwrap();
        assert!(
            !acks.steps.is_empty(),
            "{}: no step was acknowledged",
            db.backend
        );

        // Every acknowledged step is there.
        let events: BTreeMap<(String, i64), String> = query(
            "SELECT c.case_number, e.seq, e.to_state FROM case_events e \
             JOIN cases c ON c.id = e.case_id",
        )
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect();
        for (case, version) in &acks.steps {
            assert!(
                events.contains_key(&(case.clone(), *version)),
                "{}: acknowledged step {case} v{version} is missing",
                db.backend
            );
        }
        // Every case's stored state and version are those its events give.
        for r in query("SELECT case_number, state, version FROM cases") {
            let (case, state, version): (String, String, i64) = (r.get(0), r.get(1), r.get(2));
            let last = events
                .range((case.clone(), 0)..=(case.clone(), i64::MAX))
                .last();
            let (derived_version, derived_state) = last.map(|((_, v), s)| (*v, s.clone())).unwrap();
            assert_eq!(
                (version, state.as_str()),
                (derived_version, derived_state.as_str()),
                "{}: case {case} stored apart from its events",
                db.backend
            );
        }
        // Every step taken (acknowledged or cut off by the kill after its commit) has its
        // entry, and every acknowledged read its own.
        let entries: BTreeMap<(String, String), i64> = query(
            "SELECT entity_id, action, COUNT(*) FROM audit_log \
             WHERE actor = 'case-officer' AND entity = 'case' GROUP BY entity_id, action",
        )
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect();
        for case in &movable {
            let steps = events
                .range((case.clone(), 0)..=(case.clone(), i64::MAX))
                .count() as i64
                - versions_before[case];
            let written = entries
                .get(&(case.clone(), "write".into()))
                .copied()
                .unwrap_or(0);
            assert_eq!(
                written, steps,
                "{}: {case}: steps without entries",
                db.backend
            );
            let read = entries
                .get(&(case.clone(), "read".into()))
                .copied()
                .unwrap_or(0);
            let acked = acks.reads.get(case).copied().unwrap_or(0) as i64;
            assert!(
                read >= acked,
                "{}: {case}: {acked} reads answered, {read} recorded",
                db.backend
            );
        }
        runtime.block_on(pool.close());
        // The chain verifies (and against the anchors written before each kill).
        let verified = ok(resettle(url, &["audit", "verify"]));
        assert!(verified.contains("intact"), "{}: {verified}", db.backend);
        eprintln!(
            "{}: {ROUNDS} kills, {} steps and {} reads acknowledged, checked in {:.1} s",
            db.backend,
            acks.steps.len(),
            acks.reads.values().sum::<u64>(),
            started.elapsed().as_secs_f64()
        );
    }
}

/// SIGTERM while a placement run (seconds of work) is under way: the run is answered, the
/// server exits 0, and the chain's head is anchored, so the anchor file ends at the last
/// entry. Each entry names the request it was made in, as the answer's `X-Request-Id` does.
#[test]
fn sigterm_finishes_the_request_under_way_anchors_the_head_and_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("stop.db").display());
    ok(resettle(
        &url,
        &["demo", "--cases", "1500", "--as-of", "2026-11-23"],
    ));
    let officer = ok(resettle(
        &url,
        &["user", "token", "--username", "reception-officer"],
    ))
    .trim()
    .to_string();
    let (server, port) = start(&url, dir.path());

    let (status, head, body) =
        http_with_head(port, &officer, "GET", "/api/v1/cases?per_page=1", "").expect("an answer");
    assert_eq!(status, 200, "{body}");
    let id = head
        .lines()
        .find_map(|l| l.strip_prefix("x-request-id: "))
        .expect("an X-Request-Id header")
        .trim()
        .to_string();
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );

    let run = std::thread::spawn(move || {
        let started = Instant::now();
        let answer = http(
            port,
            &officer,
            "POST",
            "/api/v1/programmes/BE/placement",
            "",
        );
        (answer, started.elapsed())
    });
    std::thread::sleep(Duration::from_millis(300));
    let term = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let (answer, took) = run.join().unwrap();
    let (status, body) = answer.expect("the run under way is answered, not cut");
    assert_eq!(status, 200, "{body}");
    assert!(
        took > Duration::from_millis(300),
        "the run ended before the signal: {took:?}"
    );
    let mut server = server;
    let deadline = Instant::now() + Duration::from_secs(60);
    let exit = loop {
        if let Some(exit) = server.try_wait().unwrap() {
            break exit;
        }
        assert!(
            Instant::now() < deadline,
            "still running 60 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit}");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (head_seq, read_id): (i64, String) = runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&url).await.unwrap();
        let head: i64 = sqlx::query("SELECT MAX(seq) FROM audit_log")
            .fetch_one(&pool)
            .await
            .unwrap()
            .get(0);
        let read: String = sqlx::query(
            "SELECT request_id FROM audit_log WHERE action = 'read' AND entity = 'case_list' \
             AND actor = 'reception-officer'",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
        .get(0);
        pool.close().await;
        (head, read)
    });
    assert_eq!(read_id, id, "the list's entry names its request");
    let anchors = std::fs::read_to_string(dir.path().join("stop.db.anchor")).unwrap();
    let last = anchors.lines().last().expect("an anchor at shutdown");
    assert!(
        last.starts_with(&format!("{head_seq} ")),
        "{last} / head {head_seq}"
    );
    let verified = ok(resettle(&url, &["audit", "verify"]));
    assert!(verified.contains("intact"), "{verified}");
}
