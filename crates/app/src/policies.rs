//! The policy profiles shipped in `policies/`, compiled into the binary and checked once.
use std::sync::LazyLock;

use resettle_domain::policy::{PolicyError, PolicyProfile};

use crate::AppError;

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

static PROFILES: LazyLock<Vec<PolicyProfile>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|(file, text)| {
            PolicyProfile::parse(text).unwrap_or_else(|e| panic!("{}", e.in_file(file)))
        })
        .collect()
});

/// Every shipped profile.
pub fn all() -> &'static [PolicyProfile] {
    &PROFILES
}

/// The shipped profile with this name, or a refusal listing the names there are.
pub fn named(name: &str) -> Result<&'static PolicyProfile, AppError> {
    all().iter().find(|p| p.name() == name).ok_or_else(|| {
        AppError::NotFound(format!(
            "no policy profile {name:?}; shipped: {}",
            all()
                .iter()
                .map(PolicyProfile::name)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
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
