//! The database's own ceiling for the load harness (`scripts/load`): the work of a case
//! transition or of an audited case read, as plain SQL straight to the database, without
//! HTTP, authentication, policy or JSON, from `--tasks` concurrent tasks for `--seconds`.
//!
//! A transition is what `Store::append_event` does: read the case, move its state and
//! version, insert the event, take the chain's head and append an audit entry, commit. A
//! read reads the case and appends an entry. The entries go to a shadow table
//! (`load_raw_audit`, dropped at the end) so the real trail's chain is left alone; the
//! cases' events are real, so run it only on a throwaway database (the harness does).
//!
//! Usage: `raw_transactions URL transition|read SECONDS TASKS CASE…` (the cases: numbers of
//! cases in `dossier_review` or `deferred`, split between the tasks). Prints one JSON line.
use std::str::FromStr;
use std::time::{Duration, Instant};

use resettle_storage::Backend;
use sha2::{Digest, Sha256};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, AssertSqlSafe, Executor, Row};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, mode, seconds, tasks, cases @ ..] = args.as_slice() else {
        return Err("usage: raw_transactions URL transition|read SECONDS TASKS CASE…".into());
    };
    let sqlite = url.starts_with("sqlite:");
    let seconds: f64 = seconds.parse()?;
    let tasks: usize = tasks.parse()?;
    let transition = match mode.as_str() {
        "transition" => true,
        "read" => false,
        other => return Err(format!("mode {other:?}: transition or read").into()),
    };
    let pool = connect(url, sqlite).await?;
    create_shadow(&pool, sqlite).await?;
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut handles = Vec::new();
    for share in cases.chunks(cases.len().div_ceil(tasks.max(1)).max(1)) {
        let (pool, share) = (pool.clone(), share.to_vec());
        handles.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut i = 0;
            while Instant::now() < deadline {
                let case = &share[i % share.len()];
                i += 1;
                let t = Instant::now();
                if let Err(e) = once(&pool, sqlite, transition, case).await {
                    eprintln!("{case}: {e}");
                    continue;
                }
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for h in handles {
        latencies.extend(h.await?);
    }
    let elapsed = started.elapsed().as_secs_f64();
    pool.execute("DROP TABLE load_raw_audit").await?;
    latencies.sort();
    let p = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{{\"mode\":\"{mode}\",\"transactions\":{},\"seconds\":{elapsed:.2},\"rate\":{:.1},\"p50_ms\":{:.2},\"p99_ms\":{:.2}}}",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        p(0.5),
        p(0.99)
    );
    Ok(())
}

/// A pool as the store opens one (same size and, on SQLite, the same pragmas; set
/// RESETTLE_SQLITE_SYNCHRONOUS=NORMAL to measure the server's former setting).
async fn connect(url: &str, sqlite: bool) -> Result<AnyPool, sqlx::Error> {
    install_default_drivers();
    let options = AnyConnectOptions::from_str(url)?;
    let synchronous = std::env::var("RESETTLE_SQLITE_SYNCHRONOUS").unwrap_or("FULL".into());
    let pragmas = format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; \
         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
    );
    let pool = AnyPoolOptions::new().max_connections(if sqlite { 4 } else { 8 });
    if sqlite {
        pool.after_connect(move |conn, _| {
            let pragmas = pragmas.clone();
            Box::pin(async move {
                conn.execute(sqlx::AssertSqlSafe(pragmas)).await?;
                Ok(())
            })
        })
        .connect_with(options)
        .await
    } else {
        pool.connect_with(options).await
    }
}

/// The shadow trail, shaped and indexed as `audit_log`.
async fn create_shadow(pool: &AnyPool, sqlite: bool) -> Result<(), sqlx::Error> {
    pool.execute("DROP TABLE IF EXISTS load_raw_audit").await?;
    let seq = if sqlite { "INTEGER" } else { "BIGINT" };
    pool.execute(sqlx::AssertSqlSafe(format!(
        "CREATE TABLE load_raw_audit (seq {seq} PRIMARY KEY, at TEXT NOT NULL, \
         actor TEXT NOT NULL, source TEXT NOT NULL, action TEXT NOT NULL, \
         entity TEXT NOT NULL, entity_id TEXT NOT NULL, fields TEXT NOT NULL, \
         outcome TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, \
         hash TEXT NOT NULL, key_id TEXT NOT NULL DEFAULT '')"
    )))
    .await?;
    pool.execute("CREATE INDEX load_raw_audit_actor ON load_raw_audit (actor, seq)")
        .await?;
    pool.execute("CREATE INDEX load_raw_audit_entity ON load_raw_audit (entity, entity_id)")
        .await?;
    Ok(())
}

/// One transaction: a transition (dossier review ⇄ deferred) or an audited read.
async fn once(
    pool: &AnyPool,
    sqlite: bool,
    transition: bool,
    case: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = if sqlite {
        pool.begin_with("BEGIN IMMEDIATE").await?
    } else {
        pool.begin().await?
    };
    let row = sqlx::query("SELECT id, state, version FROM cases WHERE case_number = $1")
        .bind(case.to_string())
        .fetch_one(&mut *tx)
        .await?;
    let (id, state, version): (i64, String, i64) =
        (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
    let at = "2026-11-23T12:00:00Z";
    let backend = if sqlite {
        Backend::Sqlite
    } else {
        Backend::Postgres
    };
    if transition {
        let to = if state == "deferred" {
            "dossier_review"
        } else {
            "deferred"
        };
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE cases SET state = $1, state_since = {}, version = $3 \
             WHERE id = $4 AND version = $5",
            backend.time_param("$2")
        )))
        .bind(to.to_string())
        .bind(at.to_string())
        .bind(version + 1)
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO case_events (case_id, seq, at, actor, from_state, to_state, reason, \
             payload) VALUES ($1, $2, {}, $4, $5, $6, $7, $8)",
            backend.time_param("$3")
        )))
        .bind(id)
        .bind(version + 1)
        .bind(at.to_string())
        .bind("load".to_string())
        .bind(state)
        .bind(to.to_string())
        .bind("load test".to_string())
        .bind("{}".to_string())
        .execute(&mut *tx)
        .await?;
    }
    if !sqlite {
        tx.execute("LOCK TABLE load_raw_audit IN SHARE ROW EXCLUSIVE MODE")
            .await?;
    }
    let head = sqlx::query("SELECT seq, hash FROM load_raw_audit ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut *tx)
        .await?;
    let (seq, prev): (i64, String) = match head {
        Some(r) => (r.try_get(0)?, r.try_get(1)?),
        None => (0, String::new()),
    };
    let hash = hex::encode(Sha256::digest(format!("{prev}{}{case}", seq + 1)));
    sqlx::query(
        "INSERT INTO load_raw_audit (seq, at, actor, source, action, entity, entity_id, \
         fields, outcome, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(seq + 1)
    .bind(at.to_string())
    .bind("load".to_string())
    .bind("127.0.0.1".to_string())
    .bind(if transition { "write" } else { "read" }.to_string())
    .bind("case".to_string())
    .bind(case.to_string())
    .bind("".to_string())
    .bind("ok".to_string())
    .bind("".to_string())
    .bind(prev)
    .bind(hash)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
