//! The cohort figures: what the programme learns from its check-ins, per arrival year,
//! small cells withheld. One function gives them to the dashboard, the API and (later)
//! the annual report.
//!
//! The dashboard keeps them for [`COHORTS_KEPT_FOR`]: counting them reads every check-in
//! of the programme (1.5 s at 100,000 cases, 130,000 check-ins), and the dashboard is
//! every staff member's first page. A check-in recorded by this server makes the next
//! view count again; one recorded through another server over the same database shows
//! within that time. The API and the annual report always count afresh.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use resettle_domain::statistics::cohorts::{CohortFigures, cohort_figures};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

use crate::{App, AppError};

/// How long the dashboard shows cohort figures before counting them again.
pub const COHORTS_KEPT_FOR: Duration = Duration::minutes(15);

/// The cohort figures last counted per programme, and when; shared by every clone of the
/// application.
#[derive(Debug, Default)]
pub(crate) struct KeptCohorts {
    figures: RwLock<HashMap<String, (OffsetDateTime, Arc<ProgrammeCohorts>)>>,
    /// One count at a time. When nothing is kept (after a start, a check-in, or a quarter
    /// of an hour), every dashboard opened meanwhile used to count for itself, each holding
    /// a pooled connection for seconds at 100,000 cases: the first dashboards after a start
    /// held all four SQLite connections, and case reads waited 6 s for one
    /// (docs/performance.md, "The first dashboards after a start"). The others now wait
    /// here, holding no connection, and take what the one counted.
    counting: tokio::sync::Mutex<()>,
    /// Moves on at every forgetting, so that a count which began before a check-in is
    /// not kept after it.
    generation: AtomicU64,
}

impl KeptCohorts {
    /// The figures of `programme` counted at most [`COHORTS_KEPT_FOR`] before `now`.
    fn kept(&self, programme: &str, now: OffsetDateTime) -> Option<Arc<ProgrammeCohorts>> {
        let kept = self.figures.read().unwrap_or_else(|e| e.into_inner());
        kept.get(programme)
            .filter(|(at, _)| now - *at <= COHORTS_KEPT_FOR)
            .map(|(_, figures)| figures.clone())
    }
}

/// One programme's cohort figures.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProgrammeCohorts {
    /// The programme's code.
    pub programme: String,
    /// Counts from 1 to this number minus one are withheld.
    pub small_cell_threshold: u32,
    /// Per arrival year, oldest first; years without a check-in are left out.
    pub cohorts: Vec<CohortFigures>,
}

impl App {
    /// The cohort figures of `programme`: aggregates only, withheld where small under the
    /// programme's profile's threshold, so they may be published (the dashboard shows
    /// them without sign-in; the annual report prints them).
    pub async fn cohort_figures(&self, programme: &str) -> Result<ProgrammeCohorts, AppError> {
        let policy = self.programme_policy(programme).await?;
        let threshold = policy.data_protection().small_cell_threshold;
        let families: Vec<_> = self
            .store
            .cohort_families(programme)
            .await?
            .into_iter()
            .map(|f| (f.arrived_on, f.checkins))
            .collect();
        Ok(ProgrammeCohorts {
            programme: programme.to_string(),
            small_cell_threshold: threshold,
            cohorts: cohort_figures(&families, threshold),
        })
    }

    /// The cohort figures of `programme` as the dashboard shows them: counted at most
    /// [`COHORTS_KEPT_FOR`] ago, or since this server last recorded a check-in.
    pub(crate) async fn kept_cohort_figures(
        &self,
        programme: &str,
    ) -> Result<Arc<ProgrammeCohorts>, AppError> {
        if let Some(figures) = self.cohorts.kept(programme, self.now()) {
            return Ok(figures);
        }
        let _turn = self.cohorts.counting.lock().await;
        // Counted by the one ahead while this one waited.
        let now = self.now();
        if let Some(figures) = self.cohorts.kept(programme, now) {
            return Ok(figures);
        }
        let generation = self.cohorts.generation.load(Ordering::Acquire);
        let figures = Arc::new(self.cohort_figures(programme).await?);
        let mut kept = self
            .cohorts
            .figures
            .write()
            .unwrap_or_else(|e| e.into_inner());
        if self.cohorts.generation.load(Ordering::Acquire) == generation {
            kept.insert(programme.to_string(), (now, figures.clone()));
        }
        Ok(figures)
    }

    /// Forgets the kept figures, after a check-in changed them.
    pub(crate) fn forget_cohort_figures(&self) {
        let mut kept = self
            .cohorts
            .figures
            .write()
            .unwrap_or_else(|e| e.into_inner());
        self.cohorts.generation.fetch_add(1, Ordering::AcqRel);
        kept.clear();
    }
}

#[cfg(test)]
mod tests {
    use crate::{App, DemoConfig, FixedClock};
    use std::sync::Arc;

    /// Dashboards opened together while nothing is kept count once: all get the very
    /// figures the one count made (each counting for itself made an `Arc` of its own).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn dashboards_opened_together_count_the_cohorts_once() {
        let db = resettle_testkit::sqlite();
        let app = App::open(&db.url)
            .await
            .unwrap()
            .with_keys(
                resettle_secure::cipher::Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap(),
            )
            .with_clock(Arc::new(FixedClock::on(resettle_testkit::TODAY)));
        app.load_demo(
            &DemoConfig {
                cases: 600,
                as_of: resettle_testkit::TODAY,
                ..DemoConfig::default()
            },
            false,
        )
        .await
        .unwrap();
        let views: Vec<_> = (0..8)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move { app.kept_cohort_figures("BE").await.unwrap() })
            })
            .collect();
        let mut figures = Vec::new();
        for v in views {
            figures.push(v.await.unwrap());
        }
        assert!(
            !figures[0].cohorts.is_empty(),
            "the demo has check-ins to count"
        );
        for f in &figures[1..] {
            assert!(Arc::ptr_eq(&figures[0], f), "counted more than once");
        }

        // A check-in forgets them: the next view counts again, and the one after keeps it.
        app.forget_cohort_figures();
        let again = app.kept_cohort_figures("BE").await.unwrap();
        assert!(
            !Arc::ptr_eq(&again, &figures[0]),
            "not counted again after forgetting"
        );
        let kept = app.kept_cohort_figures("BE").await.unwrap();
        assert!(Arc::ptr_eq(&again, &kept), "not kept");
    }
}
