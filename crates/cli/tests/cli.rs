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
        .output()
        .expect("run resettle")
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
            .args(args)
            .args(["--addr", &addr])
            .env_remove("RESETTLE_DATABASE_URL")
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
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("resettle.db").display());
    let server = Server::start(&["--database", &db, "serve", "--demo", "--demo-cases", "400"]);
    let health = server.get_json("/api/v1/health");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], "sqlite");
    assert!(health["schema_version"].as_i64().unwrap() >= 1);
    assert!(dir.path().join("resettle.db").is_file(), "the SQLite file was created");
    let dashboard = server.get_json("/api/v1/dashboard");
    assert_eq!(dashboard["total_cases"], 400);
    for s in dashboard["states"].as_array().unwrap() {
        assert!(s["cases"].as_i64().unwrap() > 0, "no demo case in {}", s["state"]);
    }
}

#[test]
fn the_home_page_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("resettle.db").display());
    let server = Server::start(&["--database", &db, "serve", "--demo", "--demo-cases", "300"]);
    let url = format!("http://127.0.0.1:{}/", server.port);
    let dom = resettle_testkit::chromium::rendered_dom(&url);
    assert!(dom.contains("Pledges against arrivals"), "{dom}");
    assert!(dom.contains(r#"<span id="total-cases">300</span>"#), "{dom}");
    assert!(dom.contains("<svg class=\"chart\""), "the chart is in the page");
    let png = dir.path().join("home.png");
    resettle_testkit::chromium::screenshot(&url, &png);
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000, "a real screenshot");
}

#[test]
fn migrate_brings_both_backends_to_the_latest_schema() {
    for db in resettle_testkit::databases() {
        let out = resettle(&["--database", &db.url, "migrate"]);
        assert!(out.status.success(), "{}: {}", db.backend, String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("was 0"), "{}: {text}", db.backend);
        let again = resettle(&["--database", &db.url, "migrate"]);
        assert!(String::from_utf8_lossy(&again.stdout).contains("0 migration(s) applied"));
    }
}

#[test]
fn demo_loads_into_postgres_and_refuses_a_second_load_without_replace() {
    for db in resettle_testkit::databases() {
        let args = ["--database", &db.url, "demo", "--cases", "250", "--as-of", "2026-11-23"];
        let out = resettle(&args);
        assert!(out.status.success(), "{}: {}", db.backend, String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("loaded 250 cases"));
        let again = resettle(&args);
        assert!(!again.status.success(), "a second load must be refused");
        assert!(String::from_utf8_lossy(&again.stderr).contains("--replace"));
        let replaced = resettle(&[&args[..], &["--replace"]].concat());
        assert!(replaced.status.success(), "{}", String::from_utf8_lossy(&replaced.stderr));
    }
}

#[test]
fn every_subcommand_has_help() {
    for sub in [&["--help"][..], &["serve", "--help"], &["migrate", "--help"], &["demo", "--help"]] {
        let out = resettle(sub);
        assert!(out.status.success(), "{sub:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: resettle"), "{sub:?}");
    }
}

#[test]
fn a_bad_database_url_fails_with_a_clear_message() {
    let out = resettle(&["--database", "mysql://x/y", "migrate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database URL"));
}
