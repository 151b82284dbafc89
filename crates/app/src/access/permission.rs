//! The permissions of each role, and which cases a caller may know exist.
//!
//! Need to know: a role gets what its work needs and nothing else. `admin` runs users and
//! settings, `planner` quotas and aggregates, `auditor` the trail: none of the three sees
//! case content. Of the case roles, liaisons, municipalities and sponsors see only their
//! organisation's cases, and a case outside one's scope is "not found", never "forbidden",
//! so its existence is not revealed.
use resettle_domain::access::Role;
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::CaseState;
use resettle_storage::{NewAuditEntry, ScopeFilter};

use super::Caller;
use crate::{App, AppError};

/// Something a caller may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Add users and organisations, issue tokens.
    ManageUsers,
    /// Programmes, policy profiles, retention.
    ManageSettings,
    /// Save scenarios and set pledges.
    PlanQuotas,
    /// Browse, export and verify the audit trail.
    ReadAudit,
    /// Submit a case for UNHCR.
    SubmitCase,
    /// Read cases (within the caller's scope).
    ReadCases,
    /// Move a case to this state.
    MoveCase(CaseState),
    /// Record promised dates and reunification requests.
    RecordPromises,
    /// Read the medical record (diagnoses).
    ReadMedical,
    /// Write the medical record.
    WriteMedical,
    /// Plan missions and record sponsor groups.
    ManageMissions,
    /// Propose and confirm placements.
    Place,
    /// Record integration follow-up (work 12 and 18 months after arrival).
    RecordOutcomes,
    /// Export everything held on one person (a subject-access request).
    ExportSubject,
    /// Keep how to reach a family, follow the families to inform of a change, and issue a
    /// family's access code to its status page (the letter that carries it).
    InformFamilies,
    /// Build the report to Parliament: aggregates only, small cells withheld.
    BuildReports,
    /// File a funding claim: stored and frozen, the persons in it never claimed again.
    FileClaims,
    /// Read a family's support plan, goals, contacts, check-ins (without the health
    /// answers) and tasks, and the work list.
    ReadSupport,
    /// Set a support plan and its goals, log contacts, close tasks.
    ManageSupport,
    /// Record a wellbeing check-in for a family.
    RecordCheckIns,
    /// Read the health answers of check-ins (special-category, need to know).
    ReadCheckInHealth,
}

impl Permission {
    /// The permission as a word of its own (`read_cases`, `move_case`), for pages that say
    /// in the reader's language what a refused role may not do; `MoveCase` names its state
    /// apart.
    pub fn code(self) -> &'static str {
        match self {
            Permission::ManageUsers => "manage_users",
            Permission::ManageSettings => "manage_settings",
            Permission::PlanQuotas => "plan_quotas",
            Permission::ReadAudit => "read_audit",
            Permission::SubmitCase => "submit_case",
            Permission::ReadCases => "read_cases",
            Permission::MoveCase(_) => "move_case",
            Permission::RecordPromises => "record_promises",
            Permission::ReadMedical => "read_medical",
            Permission::WriteMedical => "write_medical",
            Permission::ManageMissions => "manage_missions",
            Permission::Place => "place",
            Permission::RecordOutcomes => "record_outcomes",
            Permission::ExportSubject => "export_subject",
            Permission::InformFamilies => "inform_families",
            Permission::BuildReports => "build_reports",
            Permission::FileClaims => "file_claims",
            Permission::ReadSupport => "read_support",
            Permission::ManageSupport => "manage_support",
            Permission::RecordCheckIns => "record_checkins",
            Permission::ReadCheckInHealth => "read_checkin_health",
        }
    }

    /// A short name for refusals and the audit trail.
    pub fn name(self) -> String {
        match self {
            Permission::MoveCase(s) => format!("move a case to {s}"),
            other => format!("{other:?}"),
        }
    }
}

/// The states a case officer decides: assessment, decision, and ending a case.
fn decides(to: CaseState) -> bool {
    use CaseState::*;
    matches!(
        to,
        Submitted
            | ScheduledForMission
            | DossierReview
            | Interviewed
            | Accepted
            | AcceptedInPart
            | Refused
            | Deferred
            | Withdrawn
            | Deceased
            | Closed
    )
}

/// The states a reception officer records: from pre-departure to the end of support.
fn receives(to: CaseState) -> bool {
    use CaseState::*;
    matches!(
        to,
        PreDeparture
            | DepartureScheduled
            | Arrived
            | InReception
            | Housed
            | IntegrationSupport
            | Withdrawn
            | Deceased
            | Closed
    )
}

/// Whether one role grants a permission.
pub fn role_allows(role: Role, p: Permission) -> bool {
    use Permission::*;
    use Role::*;
    match p {
        ManageUsers | ManageSettings => role == Admin,
        PlanQuotas => role == Planner,
        ReadAudit => role == Auditor,
        SubmitCase => matches!(role, UnhcrLiaison | CaseOfficer),
        ReadCases => matches!(
            role,
            UnhcrLiaison
                | CaseOfficer
                | MedicalOfficer
                | ReceptionOfficer
                | Municipality
                | Sponsor
                | SupportProvider
        ),
        MoveCase(to) => match role {
            CaseOfficer => decides(to),
            ReceptionOfficer => receives(to),
            UnhcrLiaison => to == CaseState::Withdrawn,
            _ => false,
        },
        RecordPromises => matches!(role, CaseOfficer | ReceptionOfficer),
        ReadMedical | WriteMedical => role == MedicalOfficer,
        ManageMissions => matches!(role, CaseOfficer | ReceptionOfficer),
        Place | RecordOutcomes => role == ReceptionOfficer,
        ExportSubject => role == CaseOfficer,
        InformFamilies => matches!(role, CaseOfficer | ReceptionOfficer),
        // Planners write the report; auditors check what it says against the records.
        BuildReports => matches!(role, Planner | Auditor),
        // The planner who builds a claim files it; auditors read claims, never file them.
        FileClaims => role == Planner,
        // Those who support a family where it lives follow its plan and may check in
        // with it; the plan itself is set by reception and the support provider.
        ReadSupport | RecordCheckIns => {
            matches!(
                role,
                ReceptionOfficer | Municipality | Sponsor | SupportProvider
            )
        }
        ManageSupport => matches!(role, ReceptionOfficer | SupportProvider),
        // Health answers are read as the medical record is, and by the support worker
        // who arranges the family's doctor.
        ReadCheckInHealth => matches!(role, MedicalOfficer | SupportProvider),
    }
}

/// Which cases a caller may know exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every case (national agency staff).
    All,
    /// Only those within any of these limits, one per limited role the caller holds.
    Limited(Vec<ScopeFilter>),
    /// None at all.
    Nothing,
}

impl Caller {
    /// Whether any of the caller's roles grants `p`.
    pub fn may(&self, p: Permission) -> bool {
        self.roles.iter().any(|&r| role_allows(r, p))
    }

    /// The cases the caller may know exist. An agency role sees all; a liaison, a
    /// municipality, a sponsor or a support provider only their organisation's; a caller with such a role and
    /// no organisation sees none. The scopes of several limited roles unite.
    pub fn scope(&self) -> Scope {
        use Role::*;
        if self
            .roles
            .iter()
            .any(|r| matches!(r, CaseOfficer | MedicalOfficer | ReceptionOfficer))
        {
            return Scope::All;
        }
        let Some(org) = self.organisation.clone() else {
            return Scope::Nothing;
        };
        let limits: Vec<ScopeFilter> = self
            .roles
            .iter()
            .filter_map(|r| match r {
                UnhcrLiaison => Some(ScopeFilter::SubmittedBy(org.clone())),
                Municipality => Some(ScopeFilter::PlacedWith(org.clone())),
                Sponsor => Some(ScopeFilter::SponsoredBy(org.clone())),
                SupportProvider => Some(ScopeFilter::SupportedBy(org.clone())),
                _ => None,
            })
            .collect();
        if limits.is_empty() {
            Scope::Nothing
        } else {
            Scope::Limited(limits)
        }
    }
}

impl App {
    /// Refuses, and audits the refusal, unless the caller's roles grant `p`. `entity` and
    /// `id` name what was asked for, for the trail.
    pub async fn require(
        &self,
        caller: &Caller,
        p: Permission,
        entity: AuditEntity,
        id: &str,
    ) -> Result<(), AppError> {
        if caller.may(p) {
            return Ok(());
        }
        let why = format!(
            "your roles ({}) do not allow this: {}",
            roles_text(caller),
            p.name()
        );
        self.record_refusal(caller, entity, id, &why).await?;
        Err(AppError::Forbidden {
            detail: why,
            lacking: Some(p),
        })
    }

    /// Records a refusal of `caller` on an entity and gives the error that says why (or
    /// the error of recording it: nothing is refused unrecorded).
    pub(crate) async fn refuse(
        &self,
        caller: &Caller,
        entity: AuditEntity,
        id: &str,
        why: &str,
    ) -> AppError {
        match self.record_refusal(caller, entity, id, why).await {
            Ok(()) => AppError::Forbidden {
                detail: why.into(),
                lacking: None,
            },
            Err(e) => e,
        }
    }

    /// Appends the trail's entry for a refusal of `caller` on an entity.
    async fn record_refusal(
        &self,
        caller: &Caller,
        entity: AuditEntity,
        id: &str,
        detail: &str,
    ) -> Result<(), AppError> {
        self.record(
            caller,
            NewAuditEntry {
                action: AuditAction::Refused.as_str().into(),
                entity: entity.as_str().into(),
                entity_id: id.into(),
                outcome: "refused".into(),
                detail: detail.into(),
                ..Default::default()
            },
        )
        .await
    }

    /// Refuses with "not found" (audited as a refusal) unless the case is in the caller's
    /// scope and the caller may read cases at all.
    pub(crate) async fn require_case(&self, caller: &Caller, number: &str) -> Result<(), AppError> {
        let visible = caller.may(Permission::ReadCases)
            && match caller.scope() {
                Scope::All => true,
                Scope::Nothing => false,
                Scope::Limited(f) => self.store.case_in_scope(number, Some(f)).await?,
            };
        if visible {
            return Ok(());
        }
        self.record_refusal(
            caller,
            AuditEntity::Case,
            number,
            "outside the caller's scope",
        )
        .await?;
        Err(crate::cases::no_such_case(number))
    }
}

fn roles_text(caller: &Caller) -> String {
    let words: Vec<&str> = caller.roles.iter().map(|r| r.as_str()).collect();
    if words.is_empty() {
        "none".into()
    } else {
        words.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(roles: &[Role], org: Option<&str>) -> Caller {
        Caller {
            username: "u".into(),
            roles: roles.to_vec(),
            organisation: org.map(str::to_string),
            source: "test".into(),
        }
    }

    #[test]
    fn only_case_roles_read_cases() {
        for &r in Role::ALL {
            let expected = !matches!(r, Role::Admin | Role::Planner | Role::Auditor);
            assert_eq!(role_allows(r, Permission::ReadCases), expected, "{r}");
        }
    }

    #[test]
    fn every_state_can_be_reached_by_some_role() {
        for &s in CaseState::ALL {
            assert!(
                Role::ALL
                    .iter()
                    .any(|&r| role_allows(r, Permission::MoveCase(s))),
                "nobody may move a case to {s}"
            );
        }
    }

    #[test]
    fn limited_roles_without_an_organisation_see_nothing() {
        assert_eq!(caller(&[Role::Sponsor], None).scope(), Scope::Nothing);
        assert_eq!(
            caller(&[Role::Municipality], Some("Gent")).scope(),
            Scope::Limited(vec![ScopeFilter::PlacedWith("Gent".into())])
        );
        assert_eq!(
            caller(&[Role::Municipality, Role::Sponsor], Some("Gent")).scope(),
            Scope::Limited(vec![
                ScopeFilter::PlacedWith("Gent".into()),
                ScopeFilter::SponsoredBy("Gent".into())
            ]),
            "the scopes of two limited roles unite"
        );
        assert_eq!(
            caller(&[Role::Sponsor, Role::CaseOfficer], None).scope(),
            Scope::All
        );
        assert_eq!(caller(&[Role::Planner], Some("X")).scope(), Scope::Nothing);
    }
}
