//! Loading the demo caseload.
use resettle_demo::DemoConfig;
use resettle_storage::ImportSummary;

use crate::{App, AppError};

impl App {
    /// Loads the demo caseload. Refuses when the database already holds a programme,
    /// unless `replace` is set, in which case all data is deleted first: demo data must
    /// never be mixed into a real programme by accident.
    pub async fn load_demo(
        &self,
        config: &DemoConfig,
        replace: bool,
    ) -> Result<ImportSummary, AppError> {
        let existing = self.store.programmes().await?;
        if !existing.is_empty() {
            if !replace {
                return Err(AppError::Conflict(format!(
                    "the database already holds programme {}; pass --replace to delete all data \
                     and load the demo instead",
                    existing[0].code
                )));
            }
            self.store.delete_all_data().await?;
        }
        let import = resettle_demo::generate(config);
        let summary = self.store.import_programme(&import).await?;
        tracing::info!(
            cases = summary.cases,
            persons = summary.persons,
            events = summary.events,
            "demo caseload loaded"
        );
        Ok(summary)
    }

    /// Loads the demo caseload into an empty database and leaves a non-empty one alone, so
    /// `serve --demo` can be run again on the same file.
    pub async fn ensure_demo(
        &self,
        config: &DemoConfig,
    ) -> Result<Option<ImportSummary>, AppError> {
        if self.store.programmes().await?.is_empty() {
            self.load_demo(config, false).await.map(Some)
        } else {
            Ok(None)
        }
    }
}
