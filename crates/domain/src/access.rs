//! Who may do what: the roles of the people who use a resettlement programme's system.
use crate::word_enum;

/// A role. Users hold one or more; what each may see and do is decided in the app layer
/// (see `docs/security.md`), so the CLI and the API apply the same rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Users and settings; no case content.
    Admin,
    /// Quotas, scenarios and aggregates; no personal data.
    Planner,
    /// Submits cases for UNHCR and sees those its office submitted.
    UnhcrLiaison,
    /// Assessment and decisions.
    CaseOfficer,
    /// The medical record.
    MedicalOfficer,
    /// Pre-departure, movement, reception and placement.
    ReceptionOfficer,
    /// The cases placed with its own municipality, and only what placement needs.
    Municipality,
    /// The case it sponsors, minimally.
    Sponsor,
    /// Integration support: the plans, check-ins and tasks of the families its
    /// organisation (an NGO, a municipality's social service) supports.
    SupportProvider,
    /// The audit trail and aggregates; no case content.
    Auditor,
}
word_enum!(Role, "role", {
    Admin => "admin",
    Planner => "planner",
    UnhcrLiaison => "unhcr-liaison",
    CaseOfficer => "case-officer",
    MedicalOfficer => "medical-officer",
    ReceptionOfficer => "reception-officer",
    Municipality => "municipality",
    Sponsor => "sponsor",
    SupportProvider => "support-provider",
    Auditor => "auditor",
});

/// The kind of organisation a user belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrganisationKind {
    /// A state agency (CGVS, IND, Fedasil, COA).
    Agency,
    /// A UNHCR office.
    Unhcr,
    /// A municipality.
    Municipality,
    /// A local reception initiative.
    Loi,
    /// A community sponsor group.
    Sponsor,
    /// A non-governmental organisation.
    Ngo,
}
word_enum!(OrganisationKind, "kind", {
    Agency => "agency",
    Unhcr => "unhcr",
    Municipality => "municipality",
    Loi => "loi",
    Sponsor => "sponsor",
    Ngo => "ngo",
});

impl Role {
    /// Parses a comma-separated list such as `case-officer,medical-officer`; refuses an
    /// empty list and names any unknown role.
    pub fn parse_list(s: &str) -> Result<Vec<Role>, crate::ParseError> {
        let mut roles: Vec<Role> = s
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()?;
        if roles.is_empty() {
            return Err(crate::ParseError::of(
                "role",
                crate::RefusalKind::NoneChosen {
                    allowed: Role::ALL.iter().map(|r| r.as_str().to_string()).collect(),
                    of: crate::refusal::Vocabulary::Word("role"),
                },
            ));
        }
        roles.sort();
        roles.dedup();
        Ok(roles)
    }

    /// Words a list of roles the way `parse_list` reads it back
    /// (`case-officer,medical-officer`): the form stored, audited and listed.
    pub fn list(roles: &[Role]) -> String {
        let words: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        words.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_lists_parse_sorted_and_unique() {
        let r = Role::parse_list("medical-officer, case-officer,case-officer").unwrap();
        assert_eq!(Role::list(&r), "case-officer,medical-officer");
        assert_eq!(r, [Role::CaseOfficer, Role::MedicalOfficer]);
    }

    #[test]
    fn an_unknown_role_is_named() {
        let e = Role::parse_list("case-officer,boss").unwrap_err();
        assert!(
            e.reason().contains("boss") && e.reason().contains("auditor"),
            "{e}"
        );
        assert!(Role::parse_list(" , ").is_err());
    }
}
