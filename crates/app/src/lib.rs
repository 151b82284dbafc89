//! Use cases shared by the web server and the CLI, so both entry points apply the same rules
//! (and, with the access-control work, the same authorisation).
mod access;
pub mod cases;
mod dashboard;
mod demo;
mod error;
pub mod fair_share;
mod missions;
mod pledges;
pub mod policies;
mod programmes;
pub mod reference;
mod retention;
mod scenarios;

pub use access::{Caller, UserSummary};
pub use dashboard::{Dashboard, PledgeYear, ProgrammeSummary, StageCount};
pub use error::AppError;
pub use missions::{
    MissionList, MissionView, MissionYear, NewMission, NewSponsorGroup, SponsorGroupView,
};
pub use resettle_demo::DemoConfig;
pub use resettle_storage::{Backend, ImportSummary};
pub use retention::{DueCase, RetentionReport};
pub use scenarios::Scenario;

use resettle_storage::Store;
use serde::Serialize;

/// The running application: a migrated store and the use cases over it.
#[derive(Debug, Clone)]
pub struct App {
    store: Store,
}

/// What the health endpoint reports.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `"ok"` when the database answered.
    #[schema(example = "ok")]
    pub status: &'static str,
    /// `"sqlite"` or `"postgres"`.
    pub database: &'static str,
    /// The schema version the database is at.
    pub schema_version: i64,
}

impl App {
    /// Connects to `database_url` and brings its schema up to date, so a server never runs
    /// against a schema older than its code.
    pub async fn open(database_url: &str) -> Result<App, AppError> {
        let store = Store::connect(database_url).await?;
        let applied = store.migrate().await?;
        if applied > 0 {
            tracing::info!(applied, "database migrated");
        }
        Ok(App { store })
    }

    /// Connects without migrating, for `resettle migrate` to report what it did.
    pub async fn connect_unmigrated(database_url: &str) -> Result<(App, i64), AppError> {
        let store = Store::connect(database_url).await?;
        let version = store.schema_version().await?;
        Ok((App { store }, version))
    }

    /// Applies pending migrations; returns how many.
    pub async fn migrate(&self) -> Result<usize, AppError> {
        Ok(self.store.migrate().await?)
    }

    /// The schema version this build migrates to.
    pub fn latest_schema_version() -> i64 {
        Store::latest_schema_version()
    }

    /// Checks that the database answers and reports its kind and schema version.
    pub async fn health(&self) -> Result<Health, AppError> {
        Ok(Health {
            status: "ok",
            database: self.store.backend().as_str(),
            schema_version: self.store.schema_version().await?,
        })
    }
}
