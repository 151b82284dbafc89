//! The programme at a glance: cases per lifecycle stage and pledges against arrivals.
use resettle_domain::case::{CaseState, Stage};
use resettle_domain::policy::DataProtection;
use resettle_domain::statistics::suppress;
use serde::Serialize;

use crate::{App, AppError};

/// Cases and persons in one lifecycle state, with the stage it belongs to.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StageCount {
    /// The state.
    #[schema(example = "arrived")]
    pub state: CaseState,
    /// The phase of the programme the state is in.
    #[schema(example = "travel")]
    pub stage: Stage,
    /// Cases in it; `null` where withheld as a small cell.
    pub cases: Option<i64>,
    /// Persons in those cases; `null` where withheld.
    pub persons: Option<i64>,
}

/// One year of a programme's pledges against arrivals.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PledgeYear {
    /// Calendar year.
    pub year: i32,
    /// Persons pledged.
    pub pledged: i64,
    /// Persons arrived (counted from cases, plus published figures before resettle).
    pub arrived: i64,
    /// Pledged minus arrived; positive when the pledge was not kept (or, in a partial
    /// year, not yet).
    pub gap: i64,
    /// The year is not over by the application's today (it is this year or a later one):
    /// `arrived` counts those who arrived so far and `gap` is not final.
    pub partial: bool,
    /// The year has not begun by the application's today: a pledge made ahead, against
    /// which nobody can have arrived yet.
    pub ahead: bool,
    /// Where the figures come from.
    pub source: String,
    /// Arrivals entered by hand from published figures (years before the programme ran in
    /// resettle), already counted in `arrived`; shown so that correcting a year's pledge
    /// can keep them.
    pub arrived_before_resettle: Option<i64>,
}

/// A programme with its pledges.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProgrammeSummary {
    /// Short code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Policy profile it runs under.
    pub policy_profile: String,
    /// Pledges against arrivals per year.
    pub pledges: Vec<PledgeYear>,
}

/// What the home page and `GET /api/v1/dashboard` show.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    /// Every programme in the database.
    pub programmes: Vec<ProgrammeSummary>,
    /// Cases per lifecycle state, every state listed.
    pub states: Vec<StageCount>,
    /// Cases in the database; `null` where it would reveal a withheld cell.
    pub total_cases: Option<i64>,
    /// Persons in those cases; `null` where withheld.
    pub total_persons: Option<i64>,
    /// Counts from 1 to this number minus one are withheld (`null`), and so is any cell
    /// or total that would reveal one: the dashboard is published without sign-in.
    pub small_cell_threshold: u32,
    /// What each programme learns from its wellbeing check-ins, per arrival year, in the
    /// order of `programmes`; small cells withheld.
    pub cohorts: Vec<crate::support::ProgrammeCohorts>,
}

impl App {
    /// A programme with its pledges against arrivals, as the dashboard and the planner's
    /// pledge page show it.
    pub(crate) async fn summary(
        &self,
        p: resettle_storage::ProgrammeRow,
    ) -> Result<ProgrammeSummary, AppError> {
        Ok(ProgrammeSummary {
            pledges: self.pledges(&p.code).await?,
            code: p.code,
            name: p.name,
            policy_profile: p.policy_profile,
        })
    }

    /// Builds the dashboard. Aggregates only, with small cells withheld under the
    /// strictest threshold of the programmes' policy profiles.
    pub async fn dashboard(&self) -> Result<Dashboard, AppError> {
        let rows = self.store.programmes().await?;
        let mut threshold = DataProtection::default().small_cell_threshold;
        let mut programmes = Vec::new();
        let mut cohorts = Vec::new();
        for p in rows {
            cohorts.push((*self.kept_cohort_figures(&p.code).await?).clone());
            threshold = threshold.max(
                self.policy(&p.policy_profile)
                    .await?
                    .data_protection()
                    .small_cell_threshold,
            );
            programmes.push(self.summary(p).await?);
        }
        let counts = self.store.count_by_state().await?;
        let cases = suppress(
            &counts.iter().map(|c| c.cases as u64).collect::<Vec<_>>(),
            u64::from(threshold),
        );
        // A persons cell is withheld with its cases cell: persons ≥ cases, so no other
        // cell is small, and the same cells stay hidden behind the total.
        let shown = |v: Option<u64>| v.map(|v| v as i64);
        let states: Vec<StageCount> = counts
            .iter()
            .zip(&cases.cells)
            .map(|(c, cell)| StageCount {
                state: c.state,
                stage: c.state.stage(),
                cases: shown(*cell),
                persons: cell.map(|_| c.persons),
            })
            .collect();
        let total_persons: i64 = counts.iter().map(|c| c.persons).sum();
        Ok(Dashboard {
            programmes,
            total_cases: shown(cases.total),
            total_persons: cases.total.map(|_| total_persons),
            states,
            small_cell_threshold: threshold,
            cohorts,
        })
    }
}
