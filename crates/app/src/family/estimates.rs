//! The duration table behind the families' estimates (and, later, capacity forecasts and
//! the report), kept in memory: the stays of every case in every state, counted by the
//! database and grouped by comparable cases. A status page reads it and never the whole
//! history, so the page costs the same at 100,000 cases as at 100.
//!
//! Built in the background, never while a family waits: the server starts building it as
//! it starts; a view that finds none (the first minute after a start) starts the build if
//! none runs and shows that the estimate is being prepared; a view that finds it older
//! than [`REFRESH_AFTER`] starts a rebuild and answers from the old table meanwhile. The
//! estimate is a statistic over months of history, which an hour does not change. The
//! age is measured by the application's clock, so tests on a fixed day build it once.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use resettle_domain::statistics::durations::{ComparableGroup, DurationTable};
use time::{Duration, OffsetDateTime};

use crate::{App, AppError};

/// How old the table may grow before a view starts rebuilding it.
pub const REFRESH_AFTER: Duration = Duration::hours(1);

/// The table as built, and when.
#[derive(Debug)]
pub struct StepDurationTable {
    /// Step durations per comparable group and step.
    pub table: DurationTable<ComparableGroup>,
    /// When it was built, by the application's clock.
    pub built_at: OffsetDateTime,
}

/// The table shared by every clone of the application.
#[derive(Debug, Default)]
pub(crate) struct Durations {
    built: RwLock<Option<Arc<StepDurationTable>>>,
    /// Set while a build runs, so views start one at a time.
    building: AtomicBool,
}

impl Durations {
    fn current(&self) -> Option<Arc<StepDurationTable>> {
        self.built.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl App {
    /// The step durations of every case, per comparable group and step, as last built;
    /// `None` before the first build is done. Never waits for a build: one that is missing
    /// or older than [`REFRESH_AFTER`] is started in the background.
    pub fn step_durations(&self) -> Option<Arc<StepDurationTable>> {
        let current = self.durations.current();
        let stale = current
            .as_ref()
            .is_none_or(|t| self.now() - t.built_at > REFRESH_AFTER);
        if stale && !self.durations.building.swap(true, Ordering::AcqRel) {
            let app = self.clone();
            tokio::spawn(async move {
                if let Err(e) = app.rebuild_step_durations().await {
                    tracing::warn!(error = %e, "the duration table could not be built");
                }
                app.durations.building.store(false, Ordering::Release);
            });
        }
        current
    }

    /// Builds the table from the database now and puts it in place of the old one; for
    /// the background builds, and for tests and tools that need the table at once.
    pub async fn rebuild_step_durations(&self) -> Result<Arc<StepDurationTable>, AppError> {
        let started = std::time::Instant::now();
        let rows = self.store.step_spells(self.today()).await?;
        let counted = rows.len();
        let built = Arc::new(StepDurationTable {
            table: DurationTable::from_counts(rows),
            built_at: self.now(),
        });
        tracing::info!(
            stays = built.table.len(),
            rows = counted,
            ms = started.elapsed().as_millis() as u64,
            "duration table built"
        );
        *self
            .durations
            .built
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(built.clone());
        Ok(built)
    }
}
