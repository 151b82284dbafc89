//! Group commit of audit entries: every caller queues its entries and waits; one writer at
//! a time takes everything queued, appends it to the chain in one transaction (in queue
//! order, so the chain is sealed in one sequence), commits, and only then answers each
//! caller with its last sequence number. An entry is therefore durable before the act it
//! records is answered, as one transaction per entry made it, but a busy server pays one
//! commit (and, on PostgreSQL, one hold of the chain's lock) per batch instead of per read.
//!
//! The writer is a task started when entries arrive and no writer runs, which ends once
//! the queue is empty: nothing runs while the server is idle, and it needs no handle to
//! shut down. It is a spawned task rather than the first caller's own future so that a
//! caller whose request is dropped mid-commit (the client went away) cannot abort the
//! others' batch.
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::oneshot;

use super::NewAuditEntry;
use crate::{StorageError, Store};

/// At most this many callers' entries go into one transaction, so one batch's commit
/// does not keep its first caller waiting behind an unbounded queue.
const MAX_CALLERS_PER_BATCH: usize = 512;

/// The queue of one store (shared by its clones) and whether a writer is draining it.
#[derive(Debug, Default)]
pub(crate) struct GroupCommit {
    queue: Mutex<Vec<Pending>>,
    writing: AtomicBool,
}

/// One caller's entries and where to send their outcome.
#[derive(Debug)]
struct Pending {
    entries: Vec<NewAuditEntry>,
    done: oneshot::Sender<Result<i64, StorageError>>,
}

/// Queues `entries`, starts a writer if none runs, and waits until they are committed.
pub(super) async fn append(
    store: &Store,
    entries: Vec<NewAuditEntry>,
) -> Result<i64, StorageError> {
    let (done, outcome) = oneshot::channel();
    let group = &store.audit.group;
    group
        .queue
        .lock()
        .expect("audit queue lock")
        .push(Pending { entries, done });
    if !group.writing.swap(true, Ordering::AcqRel) {
        tokio::spawn(drain(store.clone()));
    }
    outcome
        .await
        .map_err(|_| StorageError::AuditBatch("the writer stopped before committing".into()))?
}

/// Commits batches until the queue is empty, then gives up the writer's role; a caller
/// that queued just after the last look finds no writer and starts one.
async fn drain(store: Store) {
    let group = &store.audit.group;
    loop {
        let batch: Vec<Pending> = {
            let mut queue = group.queue.lock().expect("audit queue lock");
            let n = queue.len().min(MAX_CALLERS_PER_BATCH);
            queue.drain(..n).collect()
        };
        if batch.is_empty() {
            group.writing.store(false, Ordering::Release);
            let more = !group.queue.lock().expect("audit queue lock").is_empty();
            if more && !group.writing.swap(true, Ordering::AcqRel) {
                continue;
            }
            return;
        }
        let entries: Vec<NewAuditEntry> = batch
            .iter()
            .flat_map(|p| p.entries.iter().cloned())
            .collect();
        match store.commit_audit_batch(&entries).await {
            Ok(last) => {
                let mut seq = last - entries.len() as i64;
                for p in batch {
                    seq += p.entries.len() as i64;
                    // A caller that went away needs no answer.
                    let _ = p.done.send(Ok(seq));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, callers = batch.len(), "audit batch not committed");
                // A key missing for a keyed chain stays what it is; a failure is told to
                // each caller as what it is.
                let each = |e: &StorageError| match e {
                    StorageError::NoKey(m) => StorageError::NoKey(m.clone()),
                    other => StorageError::AuditBatch(other.to_string()),
                };
                for p in batch {
                    let _ = p.done.send(Err(each(&e)));
                }
            }
        }
    }
}
