//! Loading the demo caseload.
use std::collections::BTreeMap;

use resettle_demo::DemoConfig;
use resettle_domain::access::Role;
use resettle_domain::case::{CaseFile, CaseState};
use resettle_domain::outcomes::{FOLLOW_UP_MONTHS, FollowUp, follow_up_due};
use resettle_domain::programme::ProgrammeImport;
use resettle_storage::ImportSummary;

use crate::access::audit::succeeded;
use crate::{App, AppError, Caller};

/// The password of every demo user (README, "Signing in"). Demo only: the demo refuses to
/// load into a database that holds a real programme.
pub const DEMO_PASSWORD: &str = "resettle-demo-password";

/// The second-factor secret of every demo user, base32, for an authenticator app or
/// `resettle user code --secret …`.
pub const DEMO_TOTP_SECRET: &str = "RESETTLEDEMO2FAS3CRETFORNEWUSERS";

/// The demo users: one per role, named after it, with the organisation that scopes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoUser {
    /// Login name (the role's word).
    pub username: String,
    /// Its one role.
    pub role: Role,
    /// Its organisation.
    pub organisation: String,
}

/// The organisations whose scope shows demo cases: the UNHCR office of the commonest
/// country of asylum, the municipality with the most families placed, and the first
/// sponsor group that took a family.
fn demo_users(import: &ProgrammeImport) -> Vec<DemoUser> {
    let most = |counts: BTreeMap<String, usize>| {
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(k, _)| k)
            .unwrap_or_default()
    };
    let mut asylum = BTreeMap::new();
    let mut municipality = BTreeMap::new();
    let mut providers = BTreeMap::new();
    for f in &import.cases {
        // The NGO that supports the most families in support now: its support workers
        // have plans to follow.
        if let Some(plan) = f.support.as_ref().filter(|p| {
            p.provider_kind == resettle_domain::support::ProviderKind::Ngo
                && f.events
                    .last()
                    .is_some_and(|e| e.to == CaseState::IntegrationSupport)
        }) {
            *providers.entry(plan.provider.clone()).or_insert(0) += 1;
        }
        *asylum
            .entry(f.case.country_of_asylum.to_string())
            .or_insert(0) += 1;
        // The municipality whose LOIs received the most of the families still in
        // reception or supported at home: its staff have families to follow.
        let open = f.events.last().is_some_and(|e| {
            matches!(
                e.to,
                CaseState::InReception | CaseState::Housed | CaseState::IntegrationSupport
            )
        });
        if let Some(place) = placed_loi(f, &import.places).filter(|_| open) {
            *municipality.entry(place.municipality.clone()).or_insert(0) += 1;
        }
    }
    let provider = most(providers);
    let sponsor = import
        .cases
        .iter()
        .find_map(|f| f.sponsor_group.clone())
        .or_else(|| import.sponsor_groups.first().map(|g| g.name.clone()))
        .unwrap_or_default();
    if municipality.is_empty()
        && let Some(p) = import
            .places
            .iter()
            .find(|p| p.kind == resettle_domain::reception::PlaceKind::Loi)
    {
        municipality.insert(p.municipality.clone(), 0);
    }
    let org = |role: Role| match role {
        Role::UnhcrLiaison => unhcr_office(&most(asylum.clone())),
        Role::Municipality => most(municipality.clone()),
        Role::Sponsor => sponsor.clone(),
        Role::SupportProvider => provider.clone(),
        _ => "Fedasil".to_string(),
    };
    Role::ALL
        .iter()
        .map(|&role| DemoUser {
            username: role.as_str().to_string(),
            role,
            organisation: org(role),
        })
        .filter(|u| !u.organisation.is_empty())
        .collect()
}

/// The local reception initiative a family stayed in last, if it stayed in one.
fn placed_loi<'a>(
    f: &CaseFile,
    places: &'a [resettle_domain::reception::ReceptionPlace],
) -> Option<&'a resettle_domain::reception::ReceptionPlace> {
    let code = f
        .stays
        .iter()
        .rev()
        .find(|s| s.kind == resettle_domain::reception::StayKind::Loi)?
        .place
        .as_ref()?;
    places.iter().find(|p| &p.code == code)
}

/// A number in [0, 1) from text, the same on every run (FNV-1a): demo outcomes must be
/// reproducible without a random generator.
fn unit(text: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Follow-up outcomes for the demo's adults placed at local reception places, at each
/// follow-up that fell due by the demo's day, recorded on the day it fell due. Each place
/// has its own employment rate (25 % to 65 %), so the model fitted on them has something
/// to find. Only outcomes that can exist are written ([`FollowUp::check`]: working-age
/// adults, once due). Illustrative, like the whole demo.
fn add_demo_outcomes(import: &mut ProgrammeImport, config: &DemoConfig) {
    let places = &import.places;
    for f in &mut import.cases {
        let Some(place) = placed_loi(f, places) else {
            continue;
        };
        let Some(arrived) = f.arrived_on() else {
            continue;
        };
        let rate = 0.25 + 0.4 * unit(&format!("{}:{}", config.seed, place.code));
        let file: &CaseFile = f;
        let outcomes: Vec<FollowUp> = FOLLOW_UP_MONTHS
            .iter()
            .flat_map(|&months| {
                file.case.members.iter().map(move |m| FollowUp {
                    member_no: m.member_no,
                    months,
                    employed: unit(&format!(
                        "{}:{}:{}:{months}",
                        config.seed, file.case.case_number, m.member_no
                    )) < rate,
                    recorded_on: follow_up_due(arrived, months),
                })
            })
            .filter(|o| o.check(file, config.as_of).is_ok())
            .collect();
        f.outcomes = outcomes;
    }
}

fn unhcr_office(country_of_asylum: &str) -> String {
    format!("UNHCR {country_of_asylum}")
}

impl App {
    /// Loads the demo caseload. Refuses when the database already holds a programme,
    /// unless `replace` is set, in which case all data is deleted first: demo data must
    /// never be mixed into a real programme by accident.
    pub async fn load_demo(
        &self,
        config: &DemoConfig,
        replace: bool,
    ) -> Result<ImportSummary, AppError> {
        // Checked like any other case before anything is deleted or written.
        let mut import = resettle_demo::generate(config);
        add_demo_outcomes(&mut import, config);
        let policy = self.policy(&import.programme.policy_profile).await?;
        for f in &import.cases {
            f.check(&policy, self.today())
                .map_err(|e| AppError::internal(&format!("demo case {}", f.case.case_number), e))?;
        }
        let existing = self.store.programmes().await?;
        if !existing.is_empty() {
            if !replace {
                return Err(AppError::Conflict(format!(
                    "the database already holds programme {}; pass --replace to delete all data \
                     and load the demo instead",
                    existing[0].code
                )));
            }
            let entry = succeeded(
                &Caller::operator(),
                "write",
                "programme",
                &existing[0].code,
                "",
                "all data deleted to load the demo (--replace); the audit trail is kept",
            );
            self.store.delete_all_data(&[entry]).await?;
        }
        let entry = succeeded(
            &Caller::operator(),
            "write",
            "programme",
            &import.programme.code,
            "",
            &format!("demo caseload loaded: {} cases", import.cases.len()),
        );
        let summary = self.store.import_programme(&import, &[entry]).await?;
        self.add_demo_users(&import).await?;
        self.add_demo_support(&import, config.as_of, unit).await?;
        tracing::info!(
            cases = summary.cases,
            persons = summary.persons,
            events = summary.events,
            "demo caseload loaded"
        );
        Ok(summary)
    }

    /// Adds the demo's organisations and one user per role, each with the demo password
    /// and second factor, and records which UNHCR office submitted each case.
    async fn add_demo_users(&self, import: &ProgrammeImport) -> Result<(), AppError> {
        let operator = Caller::operator();
        let mut offices: Vec<String> = import
            .cases
            .iter()
            .map(|f| f.case.country_of_asylum.to_string())
            .collect();
        offices.sort();
        offices.dedup();
        for country in &offices {
            let office = unhcr_office(country);
            self.add_organisation(&operator, &office, "unhcr").await?;
            self.store.set_submitted_by(country, &office).await?;
        }
        let secret = resettle_secure::totp::from_base32(DEMO_TOTP_SECRET)
            .map_err(|e| AppError::internal("the demo second factor", e))?;
        for u in demo_users(import) {
            let kind = match u.role {
                Role::UnhcrLiaison => None,
                Role::Municipality => Some("municipality"),
                Role::Sponsor => Some("sponsor"),
                Role::SupportProvider => Some("ngo"),
                _ => Some("agency"),
            };
            if let Some(kind) = kind
                && !self.store.organisation_exists(&u.organisation).await?
            {
                self.add_organisation(&operator, &u.organisation, kind)
                    .await?;
            }
            self.add_user(
                &operator,
                &u.username,
                u.role.as_str(),
                Some(&u.organisation),
                DEMO_PASSWORD,
            )
            .await?;
            self.set_totp_secret(&u.username, &secret, &[]).await?;
        }
        Ok(())
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
