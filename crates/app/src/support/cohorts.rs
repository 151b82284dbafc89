//! The cohort figures: what the programme learns from its check-ins, per arrival year,
//! small cells withheld. One function gives them to the dashboard, the API and (later)
//! the annual report.
use resettle_domain::statistics::cohorts::{CohortFigures, cohort_figures};
use serde::Serialize;

use crate::{App, AppError};

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
}
