//! Setting up a programme: a state's resettlement programme under a policy profile.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::country::CountryCode;
use resettle_domain::programme::{Programme, ProgrammeImport};
use resettle_domain::refusal::Vocabulary;
use resettle_domain::{Refusal, RefusalKind};
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
        self.require(
            caller,
            crate::Permission::ManageSettings,
            AuditEntity::Programme,
            code,
        )
        .await?;
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Refusal::of("code", RefusalKind::Missing).into());
        }
        if code.len() > 16 {
            return Err(Refusal::of(
                "code",
                RefusalKind::TooLong {
                    max: 16,
                    got: code.len(),
                },
            )
            .into());
        }
        if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(Refusal::of(
                "code",
                RefusalKind::Characters {
                    given: code,
                    others: "-".into(),
                },
            )
            .into());
        }
        if name.trim().is_empty() {
            return Err(Refusal::of("name", RefusalKind::Missing).into());
        }
        if let Err(e) = self.policy(policy_profile).await {
            return Err(match e {
                AppError::NotFound(_) => {
                    let known: Vec<String> = self
                        .policies()
                        .await?
                        .iter()
                        .map(|p| p.name().to_string())
                        .collect();
                    Refusal::not_in_list("policy", policy_profile, known, Vocabulary::Plain).into()
                }
                other => other,
            });
        }
        let import = ProgrammeImport {
            programme: Programme {
                code,
                name: name.trim().to_string(),
                state: CountryCode::parse("state", state)?,
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
            AuditAction::Write,
            AuditEntity::Programme,
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
