//! Policy profiles: those shipped in `policies/` (compiled into the binary, checked once)
//! and custom ones a user added to the database (checked when added).
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::sync::{Arc, LazyLock};

use resettle_domain::policy::{PolicyError, PolicyProfile};

use crate::access::audit::succeeded;
use crate::{App, AppError, Caller};

/// A programme and the policy profile it runs under.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyInForce {
    /// The programme's code.
    pub programme: String,
    /// The programme's name.
    pub programme_name: String,
    /// The profile in full, as the domain serialises it.
    pub profile: Arc<PolicyProfile>,
}

/// The shipped profiles as (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "policies/belgium.toml",
        include_str!("../../../policies/belgium.toml"),
    ),
    (
        "policies/netherlands-2012.toml",
        include_str!("../../../policies/netherlands-2012.toml"),
    ),
];

static PROFILES: LazyLock<Vec<Arc<PolicyProfile>>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|(file, text)| {
            Arc::new(PolicyProfile::parse(text).unwrap_or_else(|e| panic!("{}", e.in_file(file))))
        })
        .collect()
});

/// Every shipped profile.
pub fn all() -> &'static [Arc<PolicyProfile>] {
    &PROFILES
}

/// The shipped profile with this name, or a refusal listing the names there are.
pub fn named(name: &str) -> Result<Arc<PolicyProfile>, AppError> {
    all().iter().find(|p| p.name() == name).cloned().ok_or_else(|| {
        AppError::NotFound(format!(
            "no policy profile {name:?}; shipped: {} (add your own with `resettle policy add FILE`)",
            all().iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
        ))
    })
}

impl App {
    /// A profile by name: a shipped one, else one added to this database.
    pub async fn policy(&self, name: &str) -> Result<Arc<PolicyProfile>, AppError> {
        if let Ok(p) = named(name) {
            return Ok(p);
        }
        match self.store.policy_profile_text(name).await? {
            Some(text) => PolicyProfile::parse(&text)
                .map(Arc::new)
                .map_err(|e| AppError::Internal(format!("stored profile {}", e.in_file(name)))),
            None => named(name),
        }
    }

    /// Every profile: the shipped ones, then those added to this database.
    pub async fn policies(&self) -> Result<Vec<Arc<PolicyProfile>>, AppError> {
        let mut out: Vec<Arc<PolicyProfile>> = all().to_vec();
        for text in self.store.policy_profile_texts().await? {
            let p = PolicyProfile::parse(&text).map_err(|e| {
                AppError::Internal(format!(
                    "a stored profile no longer parses: {}",
                    e.in_file("(stored)")
                ))
            })?;
            out.push(Arc::new(p));
        }
        Ok(out)
    }

    /// Each programme with the profile it runs under, for the administrator's read-only
    /// view: the settings of the programmes in force, not every profile on the shelf.
    pub async fn policies_in_force(&self, caller: &Caller) -> Result<Vec<PolicyInForce>, AppError> {
        self.require(
            caller,
            crate::Permission::ManageSettings,
            AuditEntity::PolicyProfile,
            "",
        )
        .await?;
        let mut out = Vec::new();
        for programme in self.store.programmes().await? {
            out.push(PolicyInForce {
                profile: self.policy(&programme.policy_profile).await?,
                programme: programme.code,
                programme_name: programme.name,
            });
        }
        Ok(out)
    }

    /// Checks a custom profile and stores it, so programmes can run under it. A name used
    /// by a shipped or stored profile is refused.
    pub async fn add_policy(
        &self,
        caller: &Caller,
        file: &str,
        text: &str,
    ) -> Result<Arc<PolicyProfile>, AppError> {
        self.require(
            caller,
            crate::Permission::ManageSettings,
            AuditEntity::PolicyProfile,
            file,
        )
        .await?;
        // Only the CLI adds a profile, from a file: the file is what was refused.
        let profile = check(file, text).map_err(|detail| {
            resettle_domain::Refusal::of(
                "file",
                resettle_domain::RefusalKind::Unreadable { detail },
            )
        })?;
        if named(profile.name()).is_ok() {
            return Err(AppError::Conflict(format!(
                "policy profile {} is shipped with resettle; give yours another name",
                profile.name()
            )));
        }
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::PolicyProfile,
            profile.name(),
            "",
            "added",
        );
        self.store
            .add_policy_profile(profile.name(), text, &[entry])
            .await?;
        Ok(Arc::new(profile))
    }
}

/// Checks a profile file's text; the error names the file, line and reason.
pub fn check(file: &str, text: &str) -> Result<PolicyProfile, String> {
    PolicyProfile::parse(text).map_err(|e: PolicyError| e.in_file(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_profile_parses_and_is_found_by_name() {
        assert_eq!(all().len(), SHIPPED.len());
        assert_eq!(named("belgium").unwrap().name(), "belgium");
        assert!(named("netherlands-2012").unwrap().has_integration_check());
        let e = named("atlantis").unwrap_err().to_string();
        assert!(e.contains("belgium"), "{e}");
    }

    #[test]
    fn a_malformed_profile_names_file_and_line() {
        let e = check("custom.toml", "name = \"x\"\nversion = [").unwrap_err();
        assert!(e.starts_with("custom.toml: line 2"), "{e}");
    }
}
