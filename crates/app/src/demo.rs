//! Loading the demo caseload. The cases stream from the generator into one open import,
//! [`CASES_PER_BATCH`] at a time, each batch with its families' support plans' goals and
//! check-ins, so that 100,000 of them load in bounded memory and still all or none
//! (issue #23); what the users need of the whole caseload is counted on the way, and they
//! are added in the same transaction before it commits.
use std::collections::BTreeMap;

use resettle_demo::{Demo, DemoConfig};
use resettle_domain::access::Role;
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{CaseFile, CaseState};
use resettle_domain::outcomes::{FOLLOW_UP_MONTHS, FollowUp, follow_up_due};
use resettle_domain::reception::ReceptionPlace;
use resettle_domain::sponsor::SponsorGroup;
use resettle_storage::{ImportSummary, NewAuditEntry, OpenImport};

use crate::access::audit::succeeded;
use crate::access::users::{NewOrganisation, NewUser};
use crate::support::demo_support;
use crate::{App, AppError, Caller};

/// Case files generated and held before they are written: enough for few, large
/// statements, few enough that their memory stays small (about 15 KB a case with its
/// rows).
const CASES_PER_BATCH: usize = 1_000;

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

/// What the demo users' organisations are chosen from, counted over the cases as they
/// stream past: the UNHCR office of the commonest country of asylum, the municipality
/// with the most families placed, the NGO supporting the most families and the first
/// sponsor group that took a family.
#[derive(Default)]
struct DemoScopes {
    asylum: BTreeMap<String, usize>,
    municipality: BTreeMap<String, usize>,
    providers: BTreeMap<String, usize>,
    sponsor: Option<String>,
}

impl DemoScopes {
    /// Counts case `f`.
    fn count(&mut self, f: &CaseFile, places: &[ReceptionPlace]) {
        // The NGO that supports the most families in support now: its support workers
        // have plans to follow.
        if let Some(plan) = f.support.as_ref().filter(|p| {
            p.provider_kind == resettle_domain::support::ProviderKind::Ngo
                && f.events
                    .last()
                    .is_some_and(|e| e.to == CaseState::IntegrationSupport)
        }) {
            *self.providers.entry(plan.provider.clone()).or_insert(0) += 1;
        }
        *self
            .asylum
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
        if let Some(place) = placed_loi(f, places).filter(|_| open) {
            *self
                .municipality
                .entry(place.municipality.clone())
                .or_insert(0) += 1;
        }
        if self.sponsor.is_none() {
            self.sponsor.clone_from(&f.sponsor_group);
        }
    }

    /// The countries of asylum of the cases, each once, in order.
    fn countries_of_asylum(&self) -> impl Iterator<Item = &String> {
        self.asylum.keys()
    }

    /// The demo users: one per role, named after it, with the organisation that scopes it.
    fn users(self, places: &[ReceptionPlace], sponsor_groups: &[SponsorGroup]) -> Vec<DemoUser> {
        let most = |counts: BTreeMap<String, usize>| {
            counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(k, _)| k)
                .unwrap_or_default()
        };
        let DemoScopes {
            asylum,
            mut municipality,
            providers,
            sponsor,
        } = self;
        let provider = most(providers);
        let sponsor = sponsor
            .or_else(|| sponsor_groups.first().map(|g| g.name.clone()))
            .unwrap_or_default();
        if municipality.is_empty()
            && let Some(p) = places
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
}

/// The local reception initiative a family stayed in last, if it stayed in one.
fn placed_loi<'a>(f: &CaseFile, places: &'a [ReceptionPlace]) -> Option<&'a ReceptionPlace> {
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
fn add_demo_outcomes(f: &mut CaseFile, places: &[ReceptionPlace], config: &DemoConfig) {
    let Some(place) = placed_loi(f, places) else {
        return;
    };
    let Some(arrived) = f.arrived_on() else {
        return;
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

fn unhcr_office(country_of_asylum: &str) -> String {
    format!("UNHCR {country_of_asylum}")
}

impl App {
    /// Loads the demo caseload. Refuses when the database already holds a programme,
    /// unless `replace` is set, in which case all data is deleted first: demo data must
    /// never be mixed into a real programme by accident. The deletion and the caseload
    /// are one transaction: a case refused on the way leaves the database as it was.
    pub async fn load_demo(
        &self,
        config: &DemoConfig,
        replace: bool,
    ) -> Result<ImportSummary, AppError> {
        let demo = Demo::plan(config);
        self.load_planned_demo(&demo, config, replace, |f| f).await
    }

    /// Loads `demo`, passing each case file through `amend` before it is checked: the
    /// seam a test uses to spoil a case part-way and see that nothing is written.
    async fn load_planned_demo(
        &self,
        demo: &Demo,
        config: &DemoConfig,
        replace: bool,
        amend: impl Fn(CaseFile) -> CaseFile,
    ) -> Result<ImportSummary, AppError> {
        let reference = demo.reference();
        let policy = self.policy(&reference.programme.policy_profile).await?;
        let existing = self.store.programmes().await?;
        let mut audit = Vec::new();
        if let Some(p) = existing.first() {
            if !replace {
                return Err(AppError::Conflict(format!(
                    "the database already holds programme {}; pass --replace to delete all data \
                     and load the demo instead",
                    p.code
                )));
            }
            audit.push(succeeded(
                &Caller::operator(),
                AuditAction::Write,
                AuditEntity::Programme,
                &p.code,
                "",
                "all data deleted to load the demo (--replace); the audit trail is kept",
            ));
        }
        // Only what is there is deleted: users made before a first demo load stay.
        let replacing = !existing.is_empty();
        let operator = Caller::operator();
        let mut import = self.store.begin_import(&reference, replacing).await?;
        let mut scopes = DemoScopes::default();
        let mut batch = Vec::with_capacity(CASES_PER_BATCH);
        let mut support = Vec::new();
        let mut cases = demo.cases().map(amend).peekable();
        while let Some(mut f) = cases.next() {
            add_demo_outcomes(&mut f, &reference.places, config);
            if let Some((s, entries)) = demo_support(
                &mut f,
                &operator,
                policy.checkin_months(),
                config.as_of,
                self.today(),
                unit,
            )? {
                support.push(s);
                audit.extend(entries);
            }
            // Checked like any other case, with the outcomes its check-ins recorded; a
            // refusal drops the import, writing nothing.
            f.check(&policy, self.today())
                .map_err(|e| AppError::internal(&format!("demo case {}", f.case.case_number), e))?;
            scopes.count(&f, &reference.places);
            batch.push(f);
            if batch.len() == CASES_PER_BATCH || cases.peek().is_none() {
                import
                    .add_cases(&batch, &support, &operator.username, &audit)
                    .await?;
                batch.clear();
                support.clear();
                audit.clear();
            }
        }
        audit.push(succeeded(
            &operator,
            AuditAction::Write,
            AuditEntity::Programme,
            &reference.programme.code,
            "",
            &format!("demo caseload loaded: {} cases", demo.case_count()),
        ));
        audit.extend(self.add_demo_users(&mut import, scopes, &reference).await?);
        let summary = import.commit(&audit).await?;
        // One commit of thousands of entries: anchor its head now, as the many small
        // commits of a load used to by the anchoring policy, rather than leaving the whole
        // demo's trail to the next process's writes.
        self.store.anchor_audit_head().await?;
        self.forget_cohort_figures();
        tracing::info!(
            cases = summary.cases,
            persons = summary.persons,
            events = summary.events,
            "demo caseload loaded"
        );
        Ok(summary)
    }

    /// Adds to `import` the demo's organisations and one user per role, each with the demo
    /// password and second factor, and records which UNHCR office submitted each case;
    /// returns the audit entries recording them, to commit with the import.
    async fn add_demo_users(
        &self,
        import: &mut OpenImport<'_>,
        scopes: DemoScopes,
        reference: &resettle_domain::programme::ProgrammeImport,
    ) -> Result<Vec<NewAuditEntry>, AppError> {
        let operator = Caller::operator();
        let mut audit = Vec::new();
        for country in scopes.countries_of_asylum() {
            let office = NewOrganisation::of(&operator, &unhcr_office(country), "unhcr")?;
            import
                .add_organisation(&office.name, office.kind.as_str())
                .await?;
            import.set_submitted_by(country, &office.name).await?;
            audit.push(office.entry);
        }
        let secret = resettle_secure::totp::from_base32(DEMO_TOTP_SECRET)
            .map_err(|e| AppError::internal("the demo second factor", e))?;
        for u in scopes.users(&reference.places, &reference.sponsor_groups) {
            let kind = match u.role {
                Role::UnhcrLiaison => None,
                Role::Municipality => Some("municipality"),
                Role::Sponsor => Some("sponsor"),
                Role::SupportProvider => Some("ngo"),
                _ => Some("agency"),
            };
            if let Some(kind) = kind
                && !import.organisation_exists(&u.organisation).await?
            {
                let org = NewOrganisation::of(&operator, &u.organisation, kind)?;
                import
                    .add_organisation(&org.name, org.kind.as_str())
                    .await?;
                audit.push(org.entry);
            }
            let user = NewUser::of(&operator, &u.username, u.role.as_str(), DEMO_PASSWORD)?;
            let sealed = self.sealed_totp_secret(&user.username, &secret)?;
            import
                .add_user(
                    &user.username,
                    &user.roles,
                    Some(&u.organisation),
                    &user.hash,
                    &sealed,
                )
                .await?;
            audit.push(user.entry);
        }
        Ok(audit)
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

#[cfg(test)]
mod tests {
    use super::*;
    use resettle_domain::case::CaseNumber;
    use resettle_domain::reunification::ReunificationRequest;

    /// Enough cases that the spoiled one comes after a first batch was written, and that
    /// some families after that batch have arrived and answered check-ins (the cases come
    /// in submission order, and the newest have not arrived).
    const PAST_A_BATCH: usize = CASES_PER_BATCH + 500;

    fn config(seed: u64, cases: usize) -> DemoConfig {
        DemoConfig {
            seed,
            cases,
            as_of: resettle_testkit::TODAY,
        }
    }

    async fn open(url: &str) -> App {
        App::open(url)
            .await
            .unwrap()
            .with_keys(
                resettle_secure::cipher::Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap(),
            )
            .with_clock(std::sync::Arc::new(crate::FixedClock::on(
                resettle_testkit::TODAY,
            )))
    }

    /// A history the rules refuse (no events), on the case after the first batch.
    fn refused_past_a_batch(demo: &Demo) -> impl Fn(CaseFile) -> CaseFile + use<> {
        let victim = demo
            .cases()
            .nth(CASES_PER_BATCH + 50)
            .unwrap()
            .case
            .case_number;
        move |mut f: CaseFile| {
            if f.case.case_number == victim {
                f.events.clear();
            }
            f
        }
    }

    /// The number of an earlier case given to one after the first batch: each batch is
    /// valid on its own, and the database refuses the second.
    fn duplicate_past_a_batch(demo: &Demo) -> impl Fn(CaseFile) -> CaseFile + use<> {
        let mut files = demo.cases();
        let first: CaseNumber = files.next().unwrap().case.case_number;
        let victim = files.nth(CASES_PER_BATCH + 50).unwrap().case.case_number;
        move |mut f: CaseFile| {
            if f.case.case_number == victim {
                f.case.case_number = first.clone();
            }
            f
        }
    }

    /// More relatives waiting abroad than a check-in may record (fifty), for the first
    /// family after the first batch that has check-ins: its case file is valid, its
    /// check-ins are refused, so the load fails in its support part.
    fn checkin_refused_past_a_batch(
        demo: &Demo,
        config: &DemoConfig,
        checkin_months: &[u32],
    ) -> impl Fn(CaseFile) -> CaseFile + use<> {
        let places = demo.reference().places;
        let victim = demo
            .cases()
            .skip(CASES_PER_BATCH)
            .find(|f| {
                let mut f = f.clone();
                add_demo_outcomes(&mut f, &places, config);
                demo_support(
                    &mut f,
                    &Caller::operator(),
                    checkin_months,
                    config.as_of,
                    config.as_of,
                    unit,
                )
                .unwrap()
                .is_some_and(|(s, _)| !s.checkins.is_empty())
            })
            .unwrap()
            .case
            .case_number;
        move |mut f: CaseFile| {
            if f.case.case_number == victim {
                for i in 0..51 {
                    f.reunification.push(ReunificationRequest::opened(
                        &format!("Relative {i}"),
                        "cousin",
                        f.case.nationality.clone(),
                        f.case.submitted_on,
                        None,
                    ));
                }
            }
            f
        }
    }

    /// The newest entry of the audit trail, if any.
    async fn audit_head(app: &App) -> Option<i64> {
        let newest = resettle_storage::AuditFilter {
            limit: 1,
            ..Default::default()
        };
        let entries = app.store.audit_entries(&newest).await.unwrap();
        entries.first().map(|e| e.seq)
    }

    #[tokio::test]
    async fn a_demo_load_that_fails_part_way_writes_nothing() {
        let config = config(4, PAST_A_BATCH);
        let demo = Demo::plan(&config);
        for db in resettle_testkit::databases() {
            let policy = open(&db.url)
                .await
                .policy(&demo.reference().programme.policy_profile)
                .await
                .unwrap();
            for (what, amend, error) in [
                (
                    "a case the rules refuse",
                    Box::new(refused_past_a_batch(&demo)) as Box<dyn Fn(CaseFile) -> CaseFile>,
                    "events",
                ),
                (
                    "a case number repeated",
                    Box::new(duplicate_past_a_batch(&demo)),
                    "case",
                ),
                (
                    "a check-in the rules refuse",
                    Box::new(checkin_refused_past_a_batch(
                        &demo,
                        &config,
                        policy.checkin_months(),
                    )),
                    "the support of demo case",
                ),
            ] {
                let app = open(&db.url).await;
                let users = app.store.users().await.unwrap();
                let head = audit_head(&app).await;
                let refused = app.load_planned_demo(&demo, &config, false, amend).await;
                let Err(e) = refused else {
                    panic!("{}: {what} was loaded", db.backend);
                };
                assert!(
                    e.to_string().contains(error),
                    "{}: {what} was refused for something else: {e}",
                    db.backend
                );
                assert!(
                    app.store.programmes().await.unwrap().is_empty(),
                    "{}: {what} left a programme",
                    db.backend
                );
                assert!(
                    app.store.case_numbers().await.unwrap().is_empty(),
                    "{}: {what} left cases",
                    db.backend
                );
                assert!(
                    app.store.organisations().await.unwrap().is_empty(),
                    "{}: {what} left organisations",
                    db.backend
                );
                assert_eq!(
                    app.store.users().await.unwrap(),
                    users,
                    "{}: {what} left users",
                    db.backend
                );
                assert_eq!(
                    audit_head(&app).await,
                    head,
                    "{}: {what} left audit entries",
                    db.backend
                );
            }
            // And the same demo, unspoiled, loads whole afterwards.
            let app = open(&db.url).await;
            let summary = app.load_demo(&config, false).await.unwrap();
            assert_eq!(summary.cases, PAST_A_BATCH, "{}", db.backend);
            assert_eq!(
                app.store.case_numbers().await.unwrap().len(),
                PAST_A_BATCH,
                "{}",
                db.backend
            );
        }
    }

    #[tokio::test]
    async fn a_demo_load_refused_on_its_users_writes_nothing() {
        let config = config(4, PAST_A_BATCH);
        for db in resettle_testkit::databases() {
            let app = open(&db.url).await;
            // A user made before a first demo load stays, and takes a demo user's name.
            app.add_user(&Caller::operator(), "admin", "admin", None, DEMO_PASSWORD)
                .await
                .unwrap();
            let users = app.store.users().await.unwrap();
            let head = audit_head(&app).await;
            let refused = app.load_demo(&config, false).await;
            let Err(e) = refused else {
                panic!(
                    "{}: a demo user's name already taken was loaded",
                    db.backend
                );
            };
            assert!(
                e.to_string().contains("user admin"),
                "{}: refused for something else: {e}",
                db.backend
            );
            assert!(
                app.store.programmes().await.unwrap().is_empty(),
                "{}",
                db.backend
            );
            assert!(
                app.store.case_numbers().await.unwrap().is_empty(),
                "{}",
                db.backend
            );
            assert!(
                app.store.organisations().await.unwrap().is_empty(),
                "{}",
                db.backend
            );
            assert_eq!(app.store.users().await.unwrap(), users, "{}", db.backend);
            assert_eq!(audit_head(&app).await, head, "{}", db.backend);
        }
    }

    #[tokio::test]
    async fn a_failed_replacing_load_keeps_the_demo_it_was_to_replace() {
        let config = config(4, PAST_A_BATCH);
        let demo = Demo::plan(&config);
        for db in resettle_testkit::databases() {
            let app = open(&db.url).await;
            app.load_demo(&self::config(1, 300), false).await.unwrap();
            let everyone = resettle_storage::CaseFilter::default();
            let before = (
                app.store.case_numbers().await.unwrap(),
                app.store.families_in_support(&everyone).await.unwrap(),
                app.store.users().await.unwrap(),
                app.store.organisations().await.unwrap(),
                audit_head(&app).await,
            );
            assert!(
                before.1.iter().any(|f| !f.answered.is_empty()),
                "{}: the demo replaced has check-ins",
                db.backend
            );
            let policy = app
                .policy(&demo.reference().programme.policy_profile)
                .await
                .unwrap();
            for (what, refused) in [
                (
                    "a case the rules refuse",
                    app.load_planned_demo(&demo, &config, true, refused_past_a_batch(&demo))
                        .await,
                ),
                (
                    "a check-in the rules refuse",
                    app.load_planned_demo(
                        &demo,
                        &config,
                        true,
                        checkin_refused_past_a_batch(&demo, &config, policy.checkin_months()),
                    )
                    .await,
                ),
            ] {
                assert!(refused.is_err(), "{}: {what} was loaded", db.backend);
                let after = (
                    app.store.case_numbers().await.unwrap(),
                    app.store.families_in_support(&everyone).await.unwrap(),
                    app.store.users().await.unwrap(),
                    app.store.organisations().await.unwrap(),
                    audit_head(&app).await,
                );
                assert_eq!(
                    after, before,
                    "{}: {what}: the deletion was undone with the load",
                    db.backend
                );
            }
        }
    }
}
