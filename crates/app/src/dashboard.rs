//! The programme at a glance: cases per lifecycle stage and pledges against arrivals.
use resettle_domain::case::{CaseState, Stage};
use serde::Serialize;

use crate::{App, AppError};

/// Cases and persons in one lifecycle state, with the stage it belongs to.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StageCount {
    /// The state.
    #[schema(value_type = String, example = "arrived")]
    pub state: CaseState,
    /// The phase of the programme the state is in.
    #[schema(value_type = String, example = "travel")]
    pub stage: Stage,
    /// Cases in it.
    pub cases: i64,
    /// Persons in those cases.
    pub persons: i64,
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
    /// Pledged minus arrived; positive when the pledge was not kept.
    pub gap: i64,
    /// Where the figures come from.
    pub source: String,
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
    /// Cases in the database.
    pub total_cases: i64,
    /// Persons in those cases.
    pub total_persons: i64,
}

impl App {
    /// Builds the dashboard. Aggregates only: no personal data.
    pub async fn dashboard(&self) -> Result<Dashboard, AppError> {
        let states: Vec<StageCount> = self
            .store
            .count_by_state()
            .await?
            .into_iter()
            .map(|c| StageCount {
                state: c.state,
                stage: c.state.stage(),
                cases: c.cases,
                persons: c.persons,
            })
            .collect();
        let mut programmes = Vec::new();
        for p in self.store.programmes().await? {
            programmes.push(ProgrammeSummary {
                pledges: self.pledges(&p.code).await?,
                code: p.code,
                name: p.name,
                policy_profile: p.policy_profile,
            });
        }
        Ok(Dashboard {
            programmes,
            total_cases: states.iter().map(|s| s.cases).sum(),
            total_persons: states.iter().map(|s| s.persons).sum(),
            states,
        })
    }
}
