//! The one rate limiter, and the bounded pools for CPU-heavy work.
//!
//! Anonymous callers must not be able to make the server do more than a small, bounded
//! amount of work, nor fill the audit trail: sign-in attempts and failed credentials are
//! counted per client address in fixed windows, and past the limit a request is refused
//! at once (429, with the seconds until the window ends) and only the first refusal of a
//! window is recorded. Wrong access codes to the family status page are counted the same
//! way, per case and per address, and expensive endpoints take their limits from the same
//! table ([`Limited`]).
//!
//! Hashing a password and running the placement optimiser take whole CPU cores for
//! milliseconds or seconds; they run on blocking threads, never on the async workers that
//! answer everyone else, and only as many at once as [`Pools`] allows: placement one at a
//! time (a second run is refused with 503 and `Retry-After`), hashing on all but one core,
//! queued briefly and then refused the same way. The windows use the application's clock,
//! so tests move time instead of waiting (`docs/decisions/0010-rate-limits-and-heavy-work.md`).
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use time::{Duration, OffsetDateTime};
use tokio::sync::Semaphore;

use crate::{App, AppError};

/// What is limited, each with its allowance per client address and window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Password and one-time-code attempts from one address: a person mistypes a few
    /// times, a script tries thousands.
    SignIn,
    /// Requests with an unknown, expired or revoked API token from one address: the trail
    /// records the first few of each window, then one line for the rest.
    BadToken,
    /// Wrong family access codes for one case, from anywhere: a family mistypes a few
    /// times; a guesser spread over many addresses gets ten tries a quarter of an hour at
    /// a code of 60 bits. The window ends, so a family is never locked out for good.
    FamilyCodeCase,
    /// Wrong family access codes (or case numbers) from one address, over every case: a
    /// guesser trying many cases from one place. Generous, because families share the
    /// address of a camp's or an office's network.
    FamilyCodeClient,
}

impl Limited {
    /// Requests allowed per window, and the window's length.
    fn allowance(self) -> (u32, Duration) {
        match self {
            Limited::SignIn => (20, Duration::minutes(1)),
            Limited::BadToken => (10, Duration::minutes(1)),
            Limited::FamilyCodeCase => (10, Duration::minutes(15)),
            Limited::FamilyCodeClient => (30, Duration::minutes(15)),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Limited::SignIn => "sign-in attempts",
            Limited::BadToken => "requests with a bad token",
            Limited::FamilyCodeCase => "wrong access codes for this case",
            Limited::FamilyCodeClient => "wrong access codes",
        }
    }

    /// What the key counted is, for the trail's entry of a refusal.
    fn entity(self) -> AuditEntity {
        match self {
            Limited::FamilyCodeCase => AuditEntity::Case,
            _ => AuditEntity::Client,
        }
    }
}

/// Keys kept before windows that have ended are dropped: bounds the limiter's memory
/// however many addresses call.
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Window {
    started: OffsetDateTime,
    count: u32,
}

/// Counts per (what, address) in fixed windows.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<(Limited, String), Window>>,
}

/// What the limiter says of one more request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Within the allowance.
    Admitted,
    /// Over it: refuse, and record this refusal (the first of its window).
    FirstRefused {
        /// Until the window ends.
        retry_after: Duration,
    },
    /// Over it, again: refuse without recording.
    Refused {
        /// Until the window ends.
        retry_after: Duration,
    },
}

impl RateLimiter {
    /// Counts one request of `what` from `key` at `now`, and says whether it is admitted.
    pub fn admit(&self, what: Limited, key: &str, now: OffsetDateTime) -> Admission {
        let (allowed, length) = what.allowance();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() >= MAX_KEYS {
            windows.retain(|(w, _), v| now - v.started < w.allowance().1);
        }
        let w = windows.entry((what, key.to_string())).or_insert(Window {
            started: now,
            count: 0,
        });
        if now - w.started >= length || now < w.started {
            *w = Window {
                started: now,
                count: 0,
            };
        }
        w.count = w.count.saturating_add(1);
        let retry_after = length - (now - w.started);
        match w.count {
            n if n <= allowed => Admission::Admitted,
            n if n == allowed + 1 => Admission::FirstRefused { retry_after },
            _ => Admission::Refused { retry_after },
        }
    }

    /// Whether `key` is over its allowance of `what` at `now`, without counting.
    pub fn over(&self, what: Limited, key: &str, now: OffsetDateTime) -> Option<Duration> {
        let (allowed, length) = what.allowance();
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        windows
            .get(&(what, key.to_string()))
            .filter(|w| now - w.started < length && w.count > allowed)
            .map(|w| length - (now - w.started))
    }
}

/// Whole seconds to wait, at least one.
pub(crate) fn seconds(d: Duration) -> u64 {
    u64::try_from(d.whole_seconds()).unwrap_or(0).max(1)
}

/// The blocking work allowed at once.
#[derive(Debug)]
pub struct Pools {
    hashing: Arc<Semaphore>,
    placement: Arc<Semaphore>,
    forecast: Arc<Semaphore>,
    documents: Arc<Semaphore>,
}

impl Default for Pools {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Pools {
            // One core stays free for the requests that do not hash.
            hashing: Arc::new(Semaphore::new(cores.saturating_sub(1).max(1))),
            placement: Arc::new(Semaphore::new(1)),
            forecast: Arc::new(Semaphore::new(1)),
            // Typesetting a report takes a core for a second or more; one stays free.
            documents: Arc::new(Semaphore::new(cores.saturating_sub(1).max(1))),
        }
    }
}

/// How long a password check waits for a free core before it is refused.
const HASHING_QUEUE: std::time::Duration = std::time::Duration::from_secs(2);
/// How long a document waits for a free core before it is refused.
const DOCUMENT_QUEUE: std::time::Duration = std::time::Duration::from_secs(10);
/// When a refused caller should come back.
const BUSY_RETRY: Duration = Duration::seconds(10);

impl App {
    /// Counts a request of `what` from `source`; past the allowance, refuses it with the
    /// seconds to wait, recording only the first refusal of the window.
    pub(crate) async fn admit(&self, what: Limited, source: &str) -> Result<(), AppError> {
        match self.count(what, source, source).await? {
            None => Ok(()),
            Some(retry_after) => Err(too_many(what, retry_after)),
        }
    }

    /// Counts one of `what` by `key` (an address, or a case for wrong family codes) from
    /// `source`; past the allowance, gives the time until the window ends, recording only
    /// the first refusal of the window.
    pub(crate) async fn count(
        &self,
        what: Limited,
        key: &str,
        source: &str,
    ) -> Result<Option<Duration>, AppError> {
        let retry_after = match self.limits.admit(what, key, self.now()) {
            Admission::Admitted => return Ok(None),
            Admission::FirstRefused { retry_after } => {
                self.record(
                    &crate::Caller::anonymous(source),
                    resettle_storage::NewAuditEntry {
                        action: AuditAction::Throttled.as_str().into(),
                        entity: what.entity().as_str().into(),
                        entity_id: key.chars().take(64).collect(),
                        outcome: "refused".into(),
                        detail: format!(
                            "more than {} {} within {}; further ones refused unrecorded \
                             for {} s",
                            what.allowance().0,
                            what.name(),
                            what.allowance().1,
                            seconds(retry_after)
                        ),
                        ..Default::default()
                    },
                )
                .await?;
                retry_after
            }
            Admission::Refused { retry_after } => retry_after,
        };
        Ok(Some(retry_after))
    }

    /// Refuses at once, unrecorded, a key (an address, a case) already over its allowance
    /// of `what`.
    pub(crate) fn check_not_over(&self, what: Limited, key: &str) -> Result<(), AppError> {
        match self.limits.over(what, key, self.now()) {
            Some(retry_after) => Err(too_many(what, retry_after)),
            None => Ok(()),
        }
    }

    /// Checks a password against its hash on a blocking thread, at most as many at once as
    /// there are spare cores; refused as busy when none frees up soon.
    pub(crate) async fn check_password(
        &self,
        password: &str,
        hash: &str,
    ) -> Result<bool, AppError> {
        let permit =
            tokio::time::timeout(HASHING_QUEUE, self.pools.hashing.clone().acquire_owned())
                .await
                .map_err(|_| busy("sign-in"))?
                .map_err(|_| busy("sign-in"))?;
        let (password, hash) = (password.to_string(), hash.to_string());
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            super::users::verify_password(&password, &hash)
        })
        .await
        .map_err(|e| AppError::internal("the password check", e))
    }

    /// Renders a document (typesetting a PDF, writing a workbook) on a blocking thread, at
    /// most as many at once as there are spare cores; one that waits too long for a core
    /// is refused as busy, so a burst of reports cannot starve the other requests.
    pub async fn run_document<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let permit =
            tokio::time::timeout(DOCUMENT_QUEUE, self.pools.documents.clone().acquire_owned())
                .await
                .map_err(|_| busy("a document"))?
                .map_err(|_| busy("a document"))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|e| AppError::internal("a document", e))
    }

    /// Runs CPU-heavy placement work on a blocking thread, one run at a time; a run asked
    /// for while another goes is refused as busy rather than queued.
    pub(crate) async fn run_placement<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        run_alone(&self.pools.placement, "a placement run", work).await
    }

    /// Runs a capacity forecast on a blocking thread, one at a time, like placement.
    pub(crate) async fn run_forecast<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        run_alone(&self.pools.forecast, "a capacity forecast", work).await
    }
}

/// Runs `work` on a blocking thread if `pool` has a permit free, else refuses as busy with
/// `what`.
async fn run_alone<T: Send + 'static>(
    pool: &Arc<Semaphore>,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let permit = pool.clone().try_acquire_owned().map_err(|_| busy(what))?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work()
    })
    .await
    .map_err(|e| AppError::internal(what, e))
}

fn too_many(what: Limited, retry_after: Duration) -> AppError {
    let from = match what {
        Limited::FamilyCodeCase => "",
        _ => " from your address",
    };
    AppError::TooManyRequests {
        detail: format!("too many {}{from}; try again later", what.name()),
        retry_after: seconds(retry_after),
    }
}

fn busy(what: &str) -> AppError {
    AppError::Busy {
        detail: format!("the server is busy with {what}; try again shortly"),
        retry_after: seconds(BUSY_RETRY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// Two placement runs at once stalled every request for seconds: a second run while
    /// one goes is now shed at once, and the first runs on a blocking thread.
    #[tokio::test]
    async fn a_second_heavy_run_is_shed_while_one_goes() {
        let db = resettle_testkit::sqlite();
        let app = App::open(&db.url).await.unwrap();
        let slow = app.run_placement(|| std::thread::sleep(std::time::Duration::from_millis(400)));
        let second = async {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            app.run_placement(|| ()).await
        };
        let (first, second) = tokio::join!(slow, second);
        assert!(first.is_ok());
        match second {
            Err(AppError::Busy { retry_after, .. }) => assert!(retry_after >= 1),
            other => panic!("a second run went ahead: {other:?}"),
        }
        assert!(
            app.run_placement(|| ()).await.is_ok(),
            "free again after the first"
        );
    }

    #[test]
    fn a_window_admits_its_allowance_then_refuses_until_it_ends() {
        let l = RateLimiter::default();
        let t0 = datetime!(2026-11-23 12:00 UTC);
        for _ in 0..10 {
            assert_eq!(l.admit(Limited::BadToken, "a", t0), Admission::Admitted);
        }
        assert_eq!(l.over(Limited::BadToken, "a", t0), None);
        assert_eq!(
            l.admit(Limited::BadToken, "a", t0 + Duration::seconds(15)),
            Admission::FirstRefused {
                retry_after: Duration::seconds(45)
            }
        );
        assert!(matches!(
            l.admit(Limited::BadToken, "a", t0 + Duration::seconds(20)),
            Admission::Refused { .. }
        ));
        assert!(l.over(Limited::BadToken, "a", t0).is_some());
        assert_eq!(
            l.admit(Limited::BadToken, "b", t0),
            Admission::Admitted,
            "another address has its own allowance"
        );
        assert_eq!(
            l.admit(Limited::SignIn, "a", t0),
            Admission::Admitted,
            "another kind has its own allowance"
        );
        assert_eq!(
            l.admit(Limited::BadToken, "a", t0 + Duration::minutes(1)),
            Admission::Admitted,
            "a new window"
        );
    }
}
