//! Families informed: notices queued with the steps and dates they tell of, delivered
//! through a real SMTP server (aiosmtpd, started by the test harness) and a local HTTP
//! receiver standing for an SMS gateway, on SQLite and PostgreSQL. What arrives is read
//! back: the case number and the link, and nothing about the family.
use std::sync::{Arc, Mutex};

use resettle_app::cases::{NewCase, NewMember, NewPromise, TransitionRequest};
use resettle_app::{
    App, AppError, Caller, Courier, DemoConfig, FixedClock, InformQuery, MailSecurity,
    MailSettings, NewContact, NoticeSettings, Role, SmsSettings,
};
use resettle_testkit::smtp::SmtpSink;
use time::macros::date;

use crate::common::open_with;

const CASE: &str = "BEL-26C00901";
const PUBLIC_URL: &str = "https://resettle.example.org";
const NAMES: &[&str] = &["Amal", "Haddad", "Omar", "Sara"];
/// The demo's UNHCR office in Lebanon.
const LIAISON_OFFICE: &str = "UNHCR LB";

/// A stand-in SMS gateway: answers `GET /send?to=…&text=…` and keeps what it was sent.
struct SmsReceiver {
    port: u16,
    received: Arc<Mutex<Vec<(String, String)>>>,
}

async fn sms_receiver() -> SmsReceiver {
    use axum::extract::{Query, State};
    type Inbox = Arc<Mutex<Vec<(String, String)>>>;
    async fn send(
        State(inbox): State<Inbox>,
        Query(q): Query<std::collections::HashMap<String, String>>,
    ) -> &'static str {
        inbox.lock().unwrap().push((
            q.get("to").cloned().unwrap_or_default(),
            q.get("text").cloned().unwrap_or_default(),
        ));
        "queued"
    }
    let received: Inbox = Arc::default();
    let router = axum::Router::new()
        .route("/send", axum::routing::get(send))
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    SmsReceiver { port, received }
}

fn delivery(smtp: &SmtpSink, sms: Option<&SmsReceiver>) -> NoticeSettings {
    let courier = Courier::new(
        Some(MailSettings {
            host: "127.0.0.1".into(),
            port: Some(smtp.port()),
            security: MailSecurity::None,
            username: None,
            password: None,
            from: "Resettlement programme <notices@resettle.example.org>".into(),
            ca_pem: None,
        }),
        sms.map(|r| SmsSettings {
            url_template: format!(
                "http://127.0.0.1:{}/send?to={{phone}}&text={{text}}",
                r.port
            ),
        }),
    )
    .unwrap();
    NoticeSettings::new(PUBLIC_URL, courier).unwrap()
}

fn op() -> Caller {
    Caller::operator()
}

fn as_role(role: Role, organisation: Option<&str>) -> Caller {
    Caller {
        username: format!("test-{}", role.as_str()),
        roles: vec![role],
        organisation: organisation.map(str::to_string),
        source: "test".into(),
    }
}

/// A programme with a small demo caseload, and the test family accepted and preparing to
/// travel, reachable by e-mail and phone.
async fn family(app: &App) {
    app.load_demo(
        &DemoConfig {
            seed: 3,
            cases: 20,
            as_of: resettle_testkit::TODAY,
        },
        false,
    )
    .await
    .unwrap();
    let member = |name: &str, relationship: &str, year: i32| NewMember {
        full_name: name.into(),
        date_of_birth: time::Date::from_calendar_date(year, time::Month::March, 3).unwrap(),
        sex: resettle_domain::case::Sex::Female,
        relationship: relationship.parse().unwrap(),
        languages: vec!["ar".into(), "en".into()],
        education: None,
        occupation: None,
    };
    // Submitted by the UNHCR office in Lebanon, whose liaison sees the case.
    app.create_case(
        &as_role(Role::UnhcrLiaison, Some(LIAISON_OFFICE)),
        NewCase {
            case_number: CASE.into(),
            programme: "BE".into(),
            country_of_asylum: "LB".into(),
            nationality: "SY".into(),
            categories: vec![
                resettle_domain::case::SubmissionCategory::MedicalNeeds,
                resettle_domain::case::SubmissionCategory::LegalPhysicalProtection,
            ],
            priority: resettle_domain::case::Priority::Normal,
            channel: resettle_domain::case::Channel::Dossier,
            submitted_on: Some(date!(2026 - 01 - 05)),
            members: vec![
                member("Amal Haddad", "principal_applicant", 1985),
                member("Omar Haddad", "child", 2012),
                member("Sara Haddad", "child", 2015),
            ],
            linked_cases: vec![],
        },
    )
    .await
    .unwrap();
    for (version, to) in [(1, "dossier_review"), (2, "accepted"), (3, "pre_departure")] {
        app.transition(
            &op(),
            CASE,
            &TransitionRequest {
                reason: "test step".into(),
                ..TransitionRequest::to(to.parse().unwrap(), version)
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{to}: {e}"));
    }
    app.set_contact(
        &op(),
        CASE,
        &NewContact {
            email: Some("family-901@mail.example.org".into()),
            phone: Some("+961 3 123 456".into()),
        },
    )
    .await
    .unwrap();
}

async fn promise(app: &App, on: time::Date, reason: Option<&str>) -> Result<(), AppError> {
    app.add_promise(
        &op(),
        CASE,
        &NewPromise {
            kind: resettle_domain::case::PromiseKind::Departure,
            promised_date: on,
            reason: reason.map(str::to_string),
            // A slip names its reason from the profile's list as well as in words.
            reason_code: reason.map(|_| "flight_availability".to_string()),
            family_notified_on: None,
        },
    )
    .await
    .map(|_| ())
}

/// The case's notices as an officer sees them: (news, state) newest first.
async fn notices(app: &App) -> Vec<(String, String)> {
    let case = app.case(&op(), CASE).await.unwrap();
    case["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["news"].as_str().unwrap().to_string(),
                n["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// No name of the family, no e-mail address, no reason and no date in a notice's text.
fn assert_no_personal_data(backend: &str, text: &str) {
    for name in NAMES {
        assert!(!text.contains(name), "{backend}: {name} in {text}");
    }
    for private in ["family-901", "flight", "2026-", "1985", "Syria", "medical"] {
        assert!(!text.contains(private), "{backend}: {private} in {text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officers_slip_is_told_by_email_and_sms_with_nothing_but_the_number_and_link() {
    let smtp = SmtpSink::start();
    let sms = sms_receiver().await;
    for db in resettle_testkit::databases() {
        let b = db.backend;
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let app = open_with(&db.url, &clock).await;
        family(&app).await;
        promise(&app, date!(2026 - 12 - 10), None).await.unwrap();
        // A slip without a reason is refused, and queues nothing.
        let before = notices(&app).await.len();
        let refused = promise(&app, date!(2027 - 01 - 20), None).await;
        assert!(
            matches!(&refused, Err(AppError::Refused(r)) if r.field == "reason"),
            "{b}: {refused:?}"
        );
        assert_eq!(notices(&app).await.len(), before, "{b}: nothing queued");
        promise(&app, date!(2027 - 01 - 20), Some("flight cancelled"))
            .await
            .unwrap();
        let queued = notices(&app).await;
        assert_eq!(
            queued,
            [
                ("departure_date_slipped", "queued"),
                ("departure_date", "queued"),
                ("preparing", "queued"),
                ("accepted", "queued"),
            ]
            .map(|(n, s)| (n.to_string(), s.to_string())),
            "{b}: each step and date the family should know of, queued with it"
        );

        // Without delivery settings nothing goes out, and nothing is lost.
        assert_eq!(app.deliver_notices().await.unwrap().sent, 0, "{b}");
        let mails_before = smtp.received().len();
        let app = app.with_notices(delivery(&smtp, Some(&sms)));
        let done = app.deliver_notices().await.unwrap();
        assert_eq!((done.sent, done.failed), (4, 0), "{b}");
        let mails = smtp.wait_for(mails_before + 4, std::time::Duration::from_secs(10));
        let ours: Vec<_> = mails[mails_before..].to_vec();
        assert_eq!(ours.len(), 4, "{b}: one mail per notice");
        for mail in &ours {
            assert_eq!(mail.to, "family-901@mail.example.org", "{b}");
            assert!(mail.subject.contains(CASE), "{b}: {}", mail.subject);
            assert!(
                mail.body.contains(CASE)
                    && mail.body.contains("https://resettle.example.org/family"),
                "{b}: the number and the link: {}",
                mail.body
            );
            assert!(
                mail.body.contains("مستجدات") && mail.body.contains("There is news"),
                "{b}: in the family's language, then English: {}",
                mail.body
            );
            assert_no_personal_data(b, &format!("{}\n{}", mail.subject, mail.body));
        }
        let texts: Vec<(String, String)> = {
            let all = sms.received.lock().unwrap();
            all.iter()
                .filter(|(_, text)| text.contains(CASE))
                .cloned()
                .collect()
        };
        let texts = &texts[texts.len() - 4..];
        for (to, text) in texts {
            assert_eq!(to, "+9613123456", "{b}");
            assert!(
                text.contains("https://resettle.example.org/family"),
                "{b}: {text}"
            );
            assert_no_personal_data(b, text);
        }
        assert!(
            notices(&app).await.iter().all(|(_, state)| state == "sent"),
            "{b}: the case page shows them sent"
        );
        let case = app.case(&op(), CASE).await.unwrap();
        assert_eq!(
            case["notices"][0]["sent_by"],
            serde_json::json!(["email", "sms"]),
            "{b}"
        );
        // The subject-access export holds the contact and the notices.
        let export = app.subject_export(&op(), CASE).await.unwrap();
        assert_eq!(
            export
                .case
                .contact
                .as_ref()
                .and_then(|c| c.email.as_deref()),
            Some("family-901@mail.example.org"),
            "{b}"
        );
        assert_eq!(export.case.notices.len(), 4, "{b}");
        // Never twice.
        assert_eq!(app.deliver_notices().await.unwrap().sent, 0, "{b}");
        assert_eq!(smtp.received().len(), mails_before + 4, "{b}");
        // Each delivery is in the trail, without the family's address.
        let trail = app
            .audit_entries(
                &as_role(Role::Auditor, None),
                &resettle_app::AuditQuery {
                    action: Some(resettle_domain::audit::AuditAction::Notify),
                    entity_id: Some(CASE.into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(trail.len(), 4, "{b}");
        assert!(
            trail.iter().all(|e| !e.detail.contains("family-901")),
            "{b}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mail_server_down_is_tried_again_later_and_the_notice_then_delivered() {
    let mut smtp = SmtpSink::start();
    for db in resettle_testkit::databases() {
        let b = db.backend;
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let app = open_with(&db.url, &clock).await;
        family(&app).await;
        // Only the slip is left to tell: the earlier notices went out before the server
        // went down.
        let app = app.with_notices(delivery(&smtp, None));
        assert_eq!(app.deliver_notices().await.unwrap().sent, 2, "{b}");
        promise(&app, date!(2026 - 12 - 10), None).await.unwrap();
        smtp.stop();
        let done = app.deliver_notices().await.unwrap();
        assert_eq!((done.sent, done.failed), (0, 1), "{b}");
        let case = app.case(&op(), CASE).await.unwrap();
        let failed = &case["notices"][0];
        assert_eq!(failed["state"], "failed", "{b}");
        assert_eq!(failed["attempts"], 1, "{b}");
        assert!(
            failed["last_error"]
                .as_str()
                .unwrap()
                .contains("mail server"),
            "{b}: {failed}"
        );
        assert_eq!(
            failed["next_attempt_at"], "2026-11-23T12:01:00Z",
            "{b}: tried again a minute later"
        );
        // Not before its time.
        smtp.resume();
        let before = smtp.received().len();
        assert_eq!(app.deliver_notices().await.unwrap().sent, 0, "{b}");
        clock.advance(time::Duration::seconds(61));
        let done = app.deliver_notices().await.unwrap();
        assert_eq!((done.sent, done.failed), (1, 0), "{b}");
        let mails = smtp.wait_for(before + 1, std::time::Duration::from_secs(10));
        assert_eq!(mails.len(), before + 1, "{b}");
        let case = app.case(&op(), CASE).await.unwrap();
        assert_eq!(case["notices"][0]["state"], "sent", "{b}");
        assert_eq!(case["notices"][0]["attempts"], 2, "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_server_delivers_what_was_queued_and_two_servers_never_send_twice() {
    let smtp = SmtpSink::start();
    for db in resettle_testkit::databases() {
        let b = db.backend;
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        {
            let app = open_with(&db.url, &clock).await;
            family(&app).await;
            promise(&app, date!(2026 - 12 - 10), None).await.unwrap();
            // The server stops with three notices queued.
        }
        let before = smtp.received().len();
        let first = open_with(&db.url, &clock)
            .await
            .with_notices(delivery(&smtp, None));
        let second = open_with(&db.url, &clock)
            .await
            .with_notices(delivery(&smtp, None));
        let (a, b2) = tokio::join!(first.deliver_notices(), second.deliver_notices());
        let (a, b2) = (a.unwrap(), b2.unwrap());
        assert_eq!(a.sent + b2.sent, 3, "{b}: every notice once: {a:?} {b2:?}");
        let mails = smtp.wait_for(before + 3, std::time::Duration::from_secs(10));
        assert_eq!(mails.len(), before + 3, "{b}");
        assert_eq!(first.deliver_notices().await.unwrap().sent, 0, "{b}");
        assert_eq!(second.deliver_notices().await.unwrap().sent, 0, "{b}");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(smtp.received().len(), before + 3, "{b}: never twice");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officers_see_passed_dates_and_untold_slips_until_the_family_is_told() {
    let smtp = SmtpSink::start();
    for db in resettle_testkit::databases() {
        let b = db.backend;
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let app = open_with(&db.url, &clock).await;
        family(&app).await;
        let officer = as_role(Role::CaseOfficer, None);
        let ours = |list: &resettle_app::FamiliesToInform| {
            list.items.iter().find(|f| f.case_number == CASE).cloned()
        };
        promise(&app, date!(2026 - 12 - 01), None).await.unwrap();
        let list = app
            .families_to_inform(&officer, &InformQuery::default())
            .await
            .unwrap();
        assert_eq!(
            ours(&list),
            None,
            "{b}: a date to come, told: nothing to do"
        );
        promise(&app, date!(2026 - 12 - 10), Some("flight cancelled"))
            .await
            .unwrap();
        let list = app
            .families_to_inform(&officer, &InformQuery::default())
            .await
            .unwrap();
        let row = ours(&list).expect("an untold slip is listed");
        assert!(
            row.slip_untold && row.days_past.is_none() && row.reachable,
            "{b}: {row:?}"
        );
        assert_eq!(row.last_notice.map(|s| s.as_str()), Some("queued"), "{b}");
        // Told: the notice went out.
        let app = app.with_notices(delivery(&smtp, None));
        app.deliver_notices().await.unwrap();
        let list = app
            .families_to_inform(&officer, &InformQuery::default())
            .await
            .unwrap();
        assert_eq!(ours(&list), None, "{b}: told, off the list");
        // Ten days past the date, no departure: listed again, with the days.
        clock.advance(time::Duration::days(27));
        let list = app
            .families_to_inform(
                &officer,
                &InformQuery {
                    page: Some(1),
                    per_page: Some(500),
                },
            )
            .await
            .unwrap();
        let row = ours(&list).expect("a passed date is listed");
        assert_eq!(row.days_past, Some(10), "{b}: {row:?}");
        assert!(!row.slip_untold, "{b}");
        let passed: Vec<i64> = list.items.iter().filter_map(|f| f.days_past).collect();
        assert!(
            passed.windows(2).all(|w| w[0] >= w[1]),
            "{b}: longest passed first"
        );
        // Paged: one at a time, the total is the same.
        let one = app
            .families_to_inform(
                &officer,
                &InformQuery {
                    page: Some(1),
                    per_page: Some(1),
                },
            )
            .await
            .unwrap();
        assert_eq!((one.items.len(), one.total), (1, list.total), "{b}");
        assert!(matches!(
            app.families_to_inform(&officer, &InformQuery { page: Some(0), per_page: None })
                .await,
            Err(AppError::Refused(r)) if r.field == "page"
        ));
    }
}

/// Attack: roles that do not inform families ask for the work list and the family's
/// contact details, and try to change them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_that_do_not_inform_families_see_no_work_list_and_no_contact() {
    for db in resettle_testkit::databases() {
        let b = db.backend;
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let app = open_with(&db.url, &clock).await;
        family(&app).await;
        let liaison = as_role(Role::UnhcrLiaison, Some(LIAISON_OFFICE));
        assert!(
            app.case(&liaison, CASE).await.is_ok(),
            "{b}: the liaison sees the case"
        );
        for caller in [
            liaison.clone(),
            as_role(Role::MedicalOfficer, None),
            as_role(Role::Planner, None),
            as_role(Role::Auditor, None),
        ] {
            let who = caller.username.clone();
            let refused = app
                .families_to_inform(&caller, &InformQuery::default())
                .await;
            assert!(
                matches!(refused, Err(AppError::Forbidden { .. })),
                "{b}: {who}: {refused:?}"
            );
            let changed = app
                .set_contact(
                    &caller,
                    CASE,
                    &NewContact {
                        email: Some("attacker@evil.example".into()),
                        phone: None,
                    },
                )
                .await;
            assert!(
                matches!(
                    changed,
                    Err(AppError::Forbidden { .. } | AppError::NotFound(_))
                        | Err(AppError::Refused(resettle_domain::Refusal {
                            kind: resettle_domain::RefusalKind::NoSuchCase { .. },
                            ..
                        }))
                ),
                "{b}: {who}: {changed:?}"
            );
            if let Ok(case) = app.case(&caller, CASE).await {
                assert!(case.get("contact").is_none(), "{b}: {who} sees the contact");
                assert!(case.get("notices").is_none(), "{b}: {who} sees the notices");
                assert!(!case.to_string().contains("family-901"), "{b}: {who}");
            }
        }
        // The refusals changed nothing, and are in the trail.
        let case = app.case(&op(), CASE).await.unwrap();
        assert_eq!(
            case["contact"]["email"], "family-901@mail.example.org",
            "{b}: the contact is unchanged"
        );
        let refusals = app
            .audit_entries(
                &as_role(Role::Auditor, None),
                &resettle_app::AuditQuery {
                    action: Some(resettle_domain::audit::AuditAction::Refused),
                    entity: Some(resettle_domain::audit::AuditEntity::FamiliesToInform),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert!(refusals.len() >= 4, "{b}: {refusals:?}");
        // A reception officer informs families too.
        let reception = as_role(Role::ReceptionOfficer, None);
        assert!(
            app.families_to_inform(&reception, &InformQuery::default())
                .await
                .is_ok()
        );
        let seen = app.case(&reception, CASE).await.unwrap();
        assert_eq!(seen["contact"]["phone"], "+9613123456", "{b}");
    }
}
