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
pub(crate) struct KeptCohorts(RwLock<HashMap<String, (OffsetDateTime, Arc<ProgrammeCohorts>)>>);

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
        let now = self.now();
        let kept = {
            let kept = self.cohorts.0.read().unwrap_or_else(|e| e.into_inner());
            kept.get(programme)
                .filter(|(at, _)| now - *at <= COHORTS_KEPT_FOR)
                .map(|(_, figures)| figures.clone())
        };
        if let Some(figures) = kept {
            return Ok(figures);
        }
        let figures = Arc::new(self.cohort_figures(programme).await?);
        self.cohorts
            .0
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(programme.to_string(), (now, figures.clone()));
        Ok(figures)
    }

    /// Forgets the kept figures, after a check-in changed them.
    pub(crate) fn forget_cohort_figures(&self) {
        self.cohorts
            .0
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}
