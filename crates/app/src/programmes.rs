//! Setting up a programme: a state's resettlement programme under a policy profile.
use resettle_domain::country::CountryCode;
use resettle_domain::programme::{Programme, ProgrammeImport};
use resettle_storage::ProgrammeRow;

use crate::access::audit::succeeded;
use crate::{App, AppError, Caller};

impl App {
    /// Adds an empty programme under a shipped policy profile.
    pub async fn add_programme(
        &self,
        caller: &Caller,
        code: &str,
        name: &str,
        state: &str,
        policy_profile: &str,
    ) -> Result<(), AppError> {
        self.require(caller, crate::Permission::ManageSettings, "programme", code)
            .await?;
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty()
            || code.len() > 16
            || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(AppError::Invalid(format!(
                "code: {code:?} must be 1-16 letters, digits or dashes"
            )));
        }
        if name.trim().is_empty() {
            return Err(AppError::Invalid("name: is empty".into()));
        }
        self.policy(policy_profile)
            .await
            .map_err(|e| AppError::Invalid(format!("policy: {e}")))?;
        let import = ProgrammeImport {
            programme: Programme {
                code,
                name: name.trim().to_string(),
                state: CountryCode::parse("state", state)
                    .map_err(|e| AppError::Invalid(e.to_string()))?,
                policy_profile: policy_profile.to_string(),
            },
            pledges: vec![],
            places: vec![],
            sponsor_groups: vec![],
            missions: vec![],
            cases: vec![],
        };
        let entry = succeeded(
            caller,
            "write",
            "programme",
            &import.programme.code,
            "",
            "added",
        );
        self.store.import_programme(&import, &[entry]).await?;
        Ok(())
    }

    /// Every programme.
    pub async fn programmes(&self) -> Result<Vec<ProgrammeRow>, AppError> {
        Ok(self.store.programmes().await?)
    }
}
