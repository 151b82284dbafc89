//! Use cases shared by the web server and the CLI, so both entry points apply the same rules
//! (and, with the access-control work, the same authorisation).
pub mod access;
pub mod annual;
pub mod backup;
pub mod bounds;
pub mod cases;
mod dashboard;
mod demo;
mod error;
pub mod export_csv;
pub mod exports;
pub mod fair_share;
pub mod families;
pub mod family;
pub mod filed_claims;
mod filters;
pub mod forecast;
pub mod funding;
pub mod import;
mod missions;
pub mod notices;
pub mod open_data;
mod placement;
mod pledges;
pub mod policies;
mod programmes;
pub mod quota;
mod reception;
pub mod reference;
mod retention;
mod scenarios;
pub mod support;

pub use access::audit::{AuditQuery, AuditRecord, ChainStatus, in_request, new_request_id};
pub use access::session::{NewSession, Session};
pub use access::{Caller, Organisation, Permission, UserSummary};
pub use dashboard::{Dashboard, PledgeYear, ProgrammeSummary, StageCount};
pub use error::AppError;
pub use missions::{
    MissionList, MissionView, MissionYear, NewMission, NewSponsorGroup, SponsorGroupView,
};
pub use notices::{
    Delivered, FamiliesToInform, FamilyToInformView, InformQuery, NewContact, NoticeSettings,
    NoticeView,
};
pub use placement::{
    DueHome, DueHomes, PlacementDecision, PlacementRun, ProposalView, build_instance,
};
pub use policies::PolicyInForce;
pub use reception::ReceptionDay;
pub use resettle_demo::DemoConfig;
pub use resettle_domain::access::Role;
pub use resettle_notify::{Courier, MailSecurity, MailSettings, SmsSettings};
pub use resettle_secure::cipher::Keyring;
pub use resettle_storage::clock::{Clock, FixedClock, SystemClock};
pub use resettle_storage::{AnchorPolicy, ChainCheck, Fault};
pub use resettle_storage::{
    Backend, ImportSummary, TOKENS_KEPT_FOR, redacted_url, sqlite_path, warn_if_readable_by_others,
};
pub use retention::{DueCase, RetentionReport};
pub use scenarios::Scenario;

use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_storage::Store;
use serde::Serialize;

/// The running application: a migrated store and the use cases over it.
#[derive(Clone)]
pub struct App {
    store: Store,
    /// The data key for special-category fields; kept out of the database by design.
    keys: Option<std::sync::Arc<Keyring>>,
    security: std::sync::Arc<Security>,
    /// Where "now" comes from: the wall clock at the entry points, a fixed day in tests.
    clock: std::sync::Arc<dyn Clock>,
    /// Requests counted per address (sign-in, bad tokens), shared by every entry point.
    limits: std::sync::Arc<access::limits::RateLimiter>,
    /// How much CPU-heavy work may run at once.
    pools: std::sync::Arc<access::limits::Pools>,
    /// The step durations behind the families' estimates, built once and kept fresh.
    durations: std::sync::Arc<family::Durations>,
    /// The cohort figures the dashboard shows, counted at most a quarter of an hour ago.
    cohorts: std::sync::Arc<support::KeptCohorts>,
    /// Where notices to families go; `None` keeps them queued.
    notices: Option<std::sync::Arc<NoticeSettings>>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("store", &self.store)
            .field("data_key", &self.keys.as_ref().map(|k| k.current_id()))
            .field("security", &self.security)
            .field("clock", &self.clock)
            .finish()
    }
}

/// Sign-in settings a deployment may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Security {
    /// Roles whose holders must give a one-time password at sign-in.
    pub second_factor_roles: Vec<Role>,
    /// Idle time-out of a session.
    pub idle: time::Duration,
    /// Absolute time-out of a session.
    pub absolute: time::Duration,
    /// Reverse proxies whose `Forwarded`/`X-Forwarded-For` name the client (and whose
    /// `proto` names its scheme); from anyone else those headers are ignored.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl Default for Security {
    fn default() -> Self {
        Security {
            second_factor_roles: access::session::SECOND_FACTOR_ROLES.to_vec(),
            idle: access::session::IDLE,
            absolute: access::session::ABSOLUTE,
            trusted_proxies: Vec::new(),
        }
    }
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
        Ok(App::with_store(store))
    }

    fn with_store(store: Store) -> App {
        App {
            store,
            keys: None,
            security: std::sync::Arc::default(),
            clock: std::sync::Arc::new(SystemClock),
            limits: std::sync::Arc::default(),
            pools: std::sync::Arc::default(),
            durations: std::sync::Arc::default(),
            cohorts: std::sync::Arc::default(),
            notices: None,
        }
    }

    /// The same application reading "now" from `clock` (and its store stamping records
    /// with it): tests give a [`FixedClock`], so no answer depends on the day they run.
    pub fn with_clock(mut self, clock: std::sync::Arc<dyn Clock>) -> App {
        self.store = self.store.with_clock(clock.clone());
        self.clock = clock;
        self
    }

    /// Now, by the application's clock: the one source of "now" for every use case.
    pub fn now(&self) -> time::OffsetDateTime {
        self.clock.now()
    }

    /// Today, by the application's clock: for waiting times, overdue checks and dates that
    /// may not lie in the future.
    pub fn today(&self) -> time::Date {
        self.clock.today()
    }

    /// The same application with a data key (see `docs/security.md`, "Keys").
    pub fn with_keys(mut self, keys: Keyring) -> App {
        let keys = std::sync::Arc::new(keys);
        self.store = self.store.with_keys(keys.clone());
        self.keys = Some(keys);
        self
    }

    /// The same application anchoring its audit trail's head in `file` as often as
    /// `policy` says (see `docs/decisions/0011-keyed-anchored-audit-trail.md`).
    pub fn with_audit_anchor(mut self, file: std::path::PathBuf, policy: AnchorPolicy) -> App {
        self.store = self.store.with_audit_anchor(file, policy);
        self
    }

    /// Re-seals every encrypted value not under the current key (after a new key was put
    /// first in the key ring); returns how many were re-sealed.
    pub async fn reseal(&self, caller: &Caller) -> Result<u64, AppError> {
        self.require(caller, Permission::ManageSettings, AuditEntity::DataKey, "")
            .await?;
        self.keys()?;
        let entry = |n: &u64| {
            vec![access::audit::succeeded(
                caller,
                AuditAction::Write,
                AuditEntity::DataKey,
                "",
                "condition,care_needs,fit_to_travel,totp_secret",
                &format!("{n} values re-sealed"),
            )]
        };
        Ok(self
            .store
            .reseal_all(access::session::totp_context, &entry)
            .await?)
    }

    /// The same application with other sign-in settings.
    pub fn with_security(mut self, security: Security) -> App {
        self.security = std::sync::Arc::new(security);
        self
    }

    /// The sign-in and network settings in force.
    pub fn security(&self) -> &Security {
        &self.security
    }

    /// The data key, or a refusal naming how to configure one.
    pub(crate) fn keys(&self) -> Result<&Keyring, AppError> {
        self.keys
            .as_deref()
            .ok_or_else(|| AppError::Internal(resettle_storage::NO_DATA_KEY.into()))
    }

    /// Connects without migrating, for `resettle migrate` to report what it did.
    pub async fn connect_unmigrated(database_url: &str) -> Result<(App, i64), AppError> {
        let store = Store::connect(database_url).await?;
        let version = store.schema_version().await?;
        Ok((App::with_store(store), version))
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
