//! What the audit trail records: the acts ([`AuditAction`]) and the things they were done
//! to ([`AuditEntity`]). Every entry is written with one of each, so a filter of the trail
//! can list the words an entry may have and refuse any other.
use crate::word_enum;

/// An act the trail records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    /// Something was read (a case, a list, the trail itself).
    Read,
    /// Something was added, changed or deleted.
    Write,
    /// A list left the system as a file.
    Export,
    /// A report was computed from the records.
    Report,
    /// Someone signed in, or failed to.
    Login,
    /// Someone signed out.
    Logout,
    /// An act was refused to the caller.
    Refused,
    /// A caller sent more requests than allowed and was refused for a while.
    Throttled,
    /// A family was sent news of its case.
    Notify,
    /// The database was backed up.
    Backup,
    /// The database was restored from a backup.
    Restore,
    /// The trail's chain was verified.
    Verify,
}
word_enum!(AuditAction, "action", {
    Read => "read",
    Write => "write",
    Export => "export",
    Report => "report",
    Login => "login",
    Logout => "logout",
    Refused => "refused",
    Throttled => "throttled",
    Notify => "notify",
    Backup => "backup",
    Restore => "restore",
    Verify => "verify",
});

/// What an act of the trail was done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditEntity {
    /// One case.
    Case,
    /// The list of cases.
    CaseList,
    /// The events of cases (the history export).
    CaseEvents,
    /// A case's medical record.
    MedicalRecord,
    /// A family's stay in reception or a home.
    Stay,
    /// A family's integration support.
    Support,
    /// Placement proposals.
    Placement,
    /// Reception places.
    Reception,
    /// The families' page of a programme.
    Families,
    /// The families to tell of news.
    FamiliesToInform,
    /// A family's sign-in code.
    FamilyCode,
    /// How a family is reached.
    FamilyContact,
    /// A spreadsheet of cases imported.
    ImportCases,
    /// A user.
    User,
    /// A user's API token.
    ApiToken,
    /// An organisation.
    Organisation,
    /// The key that seals data at rest.
    DataKey,
    /// The audit trail itself.
    AuditLog,
    /// The whole database (a backup, a restore).
    Database,
    /// The retention of records past their time.
    Retention,
    /// A programme.
    Programme,
    /// A hold of a programme.
    ProgrammeHold,
    /// A policy profile.
    PolicyProfile,
    /// A selection mission.
    Mission,
    /// The list of missions.
    Missions,
    /// A sponsor group.
    SponsorGroup,
    /// A pledge.
    Pledge,
    /// A quota allocation.
    Quota,
    /// A quota decision.
    QuotaDecision,
    /// A saved fair-share scenario.
    Scenario,
    /// An arrivals forecast.
    Forecast,
    /// The annual report.
    AnnualReport,
    /// A funding claim.
    FundingClaim,
    /// The list of funding claims.
    FundingClaims,
    /// A caller by address, refused for sending too many requests.
    Client,
}
word_enum!(AuditEntity, "entity", {
    Case => "case",
    CaseList => "case_list",
    CaseEvents => "case_events",
    MedicalRecord => "medical_record",
    Stay => "stay",
    Support => "support",
    Placement => "placement",
    Reception => "reception",
    Families => "families",
    FamiliesToInform => "families_to_inform",
    FamilyCode => "family_code",
    FamilyContact => "family_contact",
    ImportCases => "import_cases",
    User => "user",
    ApiToken => "api_token",
    Organisation => "organisation",
    DataKey => "data_key",
    AuditLog => "audit_log",
    Database => "database",
    Retention => "retention",
    Programme => "programme",
    ProgrammeHold => "programme_hold",
    PolicyProfile => "policy_profile",
    Mission => "mission",
    Missions => "missions",
    SponsorGroup => "sponsor_group",
    Pledge => "pledge",
    Quota => "quota",
    QuotaDecision => "quota_decision",
    Scenario => "scenario",
    Forecast => "forecast",
    AnnualReport => "annual_report",
    FundingClaim => "funding_claim",
    FundingClaims => "funding_claims",
    Client => "client",
});
