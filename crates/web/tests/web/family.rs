//! Families informed (issue 20), in process, on SQLite and PostgreSQL: the family status
//! page opened with an access code (and every way in that must fail), the family's view
//! of its case and nothing more, the trail naming the family, programme holds through the
//! API and on both pages, and the fonts the pages are set in.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use resettle_app::cases::CaseQuery;
use resettle_app::{App, AppError, AuditQuery, Caller, Role};

use crate::common::{Answer, demo_app, get, send};

fn sign_in(case: &str, code: &str) -> Request<Body> {
    let form = serde_urlencoded::to_string([("case_number", case), ("code", code)]).unwrap();
    Request::post("/family")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "resettle.test")
        .body(Body::from(form))
        .unwrap()
}

fn api(method: &str, path: &str, token: Option<&str>, body: serde_json::Value) -> Request<Body> {
    let mut r = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_string())).unwrap()
}

/// The cookie pair a `Set-Cookie` value sets, to send back.
fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

/// The first demo case in `state`.
async fn first_in(app: &App, state: &str) -> String {
    app.list_cases(
        &Caller::operator(),
        &CaseQuery {
            state: Some(state.parse().unwrap()),
            ..CaseQuery::default()
        },
    )
    .await
    .unwrap()
    .items[0]
        .case_number
        .clone()
}

/// Someone of these roles, to be refused or allowed.
fn staff(roles: &[Role]) -> Caller {
    Caller {
        username: "someone".into(),
        roles: roles.to_vec(),
        organisation: Some("Gent".into()),
        source: "test".into(),
    }
}

/// Everything the family must never read on its page: names, staff's own words, who
/// acted, UNHCR categories, care needs and diagnoses, places and addresses.
async fn secrets_of(app: &App, case: &str) -> Vec<String> {
    let op = Caller::operator();
    let full = app.case_full(&op, case).await.unwrap();
    let mut secrets: Vec<String> = full.members.iter().map(|m| m.full_name.clone()).collect();
    for e in app.case_events(&op, case).await.unwrap() {
        secrets.push(e.actor.clone());
        if !e.reason.is_empty() {
            secrets.push(e.reason.clone());
        }
    }
    for c in &full.categories {
        secrets.push(c.as_str().to_string());
    }
    for m in app.medical_records(&op, case).await.unwrap() {
        secrets.push(m.condition.clone());
    }
    secrets.extend(full.reception_place.clone());
    secrets.extend(full.address.clone());
    // What the programme tells every family (its contact names UNHCR and Fedasil, who
    // also act on cases) is no secret.
    let profile = resettle_app::policies::named(&full.policy_profile).unwrap();
    let told = profile.family().unwrap();
    secrets.retain(|s| s.len() > 3 && !told.contact.get("en").contains(s.as_str()));
    secrets
}

/// A family signs in with the code an officer issued, reads where its case stands and
/// its history in plain words, and nothing it must not: no name, no staff reason, no
/// actor, no category, no diagnosis, no place. The trail names the family as the reader.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_reads_its_own_case_and_nothing_more() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let (app, _clock) = demo_app(&db.url).await;
        let case = first_in(&app, "departure_scheduled").await;
        let issued = app
            .issue_family_code(&staff(&[Role::CaseOfficer]), &case)
            .await
            .unwrap();
        let a = send(&app, sign_in(&case, &issued.code)).await;
        assert_eq!(
            (a.status, a.location.as_str()),
            (StatusCode::SEE_OTHER, "/family"),
            "{who}: {}",
            a.body
        );
        let set = a
            .cookie("__Host-resettle-family=")
            .expect("a family cookie");
        for flag in ["HttpOnly", "Secure", "SameSite=Strict", "Max-Age=1800"] {
            assert!(set.contains(flag), "{who}: {set}");
        }
        let cookie = pair(&set);
        let page = send(&app, get("/family", Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::OK, "{who}");
        assert!(page.body.contains(&case), "{who}");
        assert!(page.body.contains("Departure date set"), "{who}");
        assert!(page.body.contains("Your case so far"), "{who}");
        assert!(page.body.contains("Estimate, not a promise"), "{who}");
        assert!(page.body.contains("What not to do yet"), "{who}");
        assert!(
            !page.body.contains("(by "),
            "{who}: no one is named as acting"
        );
        // Once the programme's history is counted, the estimate is no longer "being
        // prepared" (the first view after a start never waits for the count).
        app.rebuild_step_durations().await.unwrap();
        let counted = send(&app, get("/family", Some(&cookie))).await;
        assert!(!counted.body.contains("being prepared"), "{who}");
        assert!(counted.body.contains("id=\"estimate\""), "{who}");
        for secret in secrets_of(&app, &case).await {
            assert!(
                !page.body.contains(&secret),
                "{who}: the family page shows {secret:?}"
            );
        }
        let trail = app
            .audit_entries(
                &staff(&[Role::Auditor]),
                &AuditQuery {
                    actor: Some(format!("family:{case}")),
                    ..AuditQuery::default()
                },
            )
            .await
            .unwrap();
        assert!(
            trail
                .iter()
                .any(|e| e.action == "read" && e.entity_id == case && e.entity == "case"),
            "{who}: {trail:?}"
        );
        assert!(trail.iter().any(|e| e.action == "login"), "{who}");
        // The session is the family's own: half an hour, then the sign-in form again.
        _clock.advance(time::Duration::minutes(31));
        let later = send(&app, get("/family", Some(&cookie))).await;
        assert!(later.body.contains("Your session has ended"), "{who}");
        assert!(!later.body.contains("Departure date set"), "{who}");
    }
}

/// Every way in that must fail fails alike and shows nothing of the case: a wrong code,
/// another case's code, the old code after a new one (whose sessions end with it), a
/// code for a case number that does not exist; guessing past the allowance is refused
/// with 429 and Retry-After, even with the right code, until the window ends, and never
/// for good.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_old_and_foreign_codes_and_guessing_are_refused_alike() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let (app, clock) = demo_app(&db.url).await;
        let officer = staff(&[Role::ReceptionOfficer]);
        let case = first_in(&app, "pre_departure").await;
        let other = first_in(&app, "departure_scheduled").await;
        let mine = app.issue_family_code(&officer, &case).await.unwrap();
        let theirs = app.issue_family_code(&officer, &other).await.unwrap();
        let secrets = secrets_of(&app, &case).await;
        let refused = |a: &Answer, what: &str| {
            assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{who}: {what}");
            assert!(
                a.cookie("__Host-resettle-family=").is_none(),
                "{who}: {what}"
            );
            assert!(a.body.contains("is wrong"), "{who}: {what}");
            assert!(
                !a.body.contains("Preparing your journey"),
                "{who}: {what} shows the state"
            );
            for s in &secrets {
                assert!(!a.body.contains(s), "{who}: {what} shows {s:?}");
            }
        };
        refused(
            &send(&app, sign_in(&case, "2222-3333-4444")).await,
            "a wrong code",
        );
        refused(
            &send(&app, sign_in(&case, &theirs.code)).await,
            "another case's code",
        );
        refused(
            &send(&app, sign_in("XYZ-26C99999", &mine.code)).await,
            "an unknown case",
        );
        // The right code opens the page; a new code ends it and the old code with it.
        let set = send(&app, sign_in(&case, &mine.code))
            .await
            .cookie("__Host-resettle-family=")
            .unwrap();
        let cookie = pair(&set);
        assert_eq!(
            send(&app, get("/family", Some(&cookie))).await.status,
            StatusCode::OK
        );
        let renewed = app.issue_family_code(&officer, &case).await.unwrap();
        let ended = send(&app, get("/family", Some(&cookie))).await;
        assert!(ended.body.contains("Your session has ended"), "{who}");
        refused(
            &send(&app, sign_in(&case, &mine.code)).await,
            "the old code after a new one",
        );
        // 3 wrong so far for this case; 8 more pass the allowance of 10 (each still
        // checked and refused as wrong), then even the right code waits: 429.
        for _ in 0..8 {
            let a = send(&app, sign_in(&case, "2222-3333-4444")).await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{who}");
        }
        let throttled = send(&app, sign_in(&case, &renewed.code)).await;
        assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "{who}");
        assert!(
            throttled.cookie("__Host-resettle-family=").is_none(),
            "{who}"
        );
        let wait: u64 = throttled.headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=900).contains(&wait), "{who}: {wait}");
        assert!(throttled.body.contains("Too many wrong codes"), "{who}");
        for s in &secrets {
            assert!(!throttled.body.contains(s), "{who}: 429 shows {s:?}");
        }
        // The window ends: the family is never locked out for good.
        clock.advance(time::Duration::seconds(wait as i64 + 1));
        let back = send(&app, sign_in(&case, &renewed.code)).await;
        assert_eq!(back.status, StatusCode::SEE_OTHER, "{who}: {}", back.body);
    }
}

/// Only officers who tell families their dates issue codes: a medical officer, a
/// municipality, a planner and a liaison are refused, the refusal is audited, and the
/// family's code still works (nothing changed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_case_and_reception_officers_issue_codes_and_a_refusal_changes_nothing() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let (app, _clock) = demo_app(&db.url).await;
        let case = first_in(&app, "accepted").await;
        let code = app
            .issue_family_code(&staff(&[Role::CaseOfficer]), &case)
            .await
            .unwrap()
            .code;
        for role in [
            Role::MedicalOfficer,
            Role::Municipality,
            Role::Planner,
            Role::UnhcrLiaison,
            Role::Auditor,
        ] {
            let e = app
                .issue_family_code(&staff(&[role]), &case)
                .await
                .unwrap_err();
            assert!(
                matches!(e, AppError::Forbidden { .. } | AppError::NotFound(_))
                    || matches!(&e, AppError::Refused(r) if r.kind.as_str() == "no_such_case"),
                "{who}: {role} got {e:?}"
            );
        }
        let a = send(&app, sign_in(&case, &code)).await;
        assert_eq!(
            a.status,
            StatusCode::SEE_OTHER,
            "{who}: the code still works"
        );
        let refusals = app
            .audit_entries(
                &staff(&[Role::Auditor]),
                &AuditQuery {
                    action: Some(resettle_domain::audit::AuditAction::Refused),
                    entity_id: Some(case.clone()),
                    ..AuditQuery::default()
                },
            )
            .await
            .unwrap();
        assert!(refusals.len() >= 5, "{who}: {refusals:?}");
    }
}

/// A planner records a hold over a family's departure date through the API: the answer
/// counts the family, the list is public without staff's note, the case page flags the
/// broken date and the family reads the hold and its reason in Arabic, right to left in
/// Arabic digits. Others may not record holds, a backwards hold is refused naming the
/// field, and neither records anything.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hold_is_recorded_by_a_planner_flagged_on_the_case_and_told_to_the_family() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let (app, _clock) = demo_app(&db.url).await;
        let op = Caller::operator();
        let token = |role: Role| {
            let app = app.clone();
            async move {
                app.create_token(&Caller::operator(), role.as_str(), None, Some(1))
                    .await
                    .unwrap()
            }
        };
        let planner = token(Role::Planner).await;
        let officer = token(Role::CaseOfficer).await;
        let case = first_in(&app, "departure_scheduled").await;
        let departs = app
            .case_full(&op, &case)
            .await
            .unwrap()
            .promises
            .last()
            .unwrap()
            .promised_date;
        let hold = serde_json::json!({
            "from": (departs - time::Duration::days(3)).to_string(),
            "until": (departs + time::Duration::days(60)).to_string(),
            "reason": "reception_capacity",
            "note": "the four centres are full until spring",
        });
        let path = "/api/v1/programmes/BE/holds";
        let refused = send(&app, api("POST", path, Some(&officer), hold.clone())).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{who}");
        let backwards = serde_json::json!({
            "from": "2027-03-01", "until": "2027-01-01", "reason": "other"
        });
        let invalid = send(&app, api("POST", path, Some(&planner), backwards)).await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY, "{who}");
        assert!(
            invalid.body.starts_with("{") && invalid.body.contains("until"),
            "{who}"
        );
        let unknown = serde_json::json!({
            "from": "2027-01-01", "until": "2027-02-01", "reason": "budget"
        });
        let invalid = send(&app, api("POST", path, Some(&planner), unknown)).await;
        assert!(invalid.body.contains("reason"), "{who}: {}", invalid.body);
        let listed = send(&app, api("GET", path, None, serde_json::json!(null))).await;
        assert_eq!(listed.body, "[]", "{who}: nothing recorded by the refusals");

        let created = send(&app, api("POST", path, Some(&planner), hold)).await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{who}: {}",
            created.body
        );
        let recorded: serde_json::Value = serde_json::from_str(&created.body).unwrap();
        assert!(
            recorded["families_affected"].as_u64().unwrap() >= 1,
            "{who}"
        );
        assert!(
            recorded.get("broken").is_none(),
            "{who}: no case numbers to a planner"
        );
        let listed = send(&app, api("GET", path, None, serde_json::json!(null))).await;
        let listed: serde_json::Value = serde_json::from_str(&listed.body).unwrap();
        assert_eq!(listed[0]["reason"], "reception_capacity", "{who}");
        assert!(
            listed[0].get("note").is_none(),
            "{who}: the note stays with staff"
        );

        let case_json = send(
            &app,
            api(
                "GET",
                &format!("/api/v1/cases/{case}"),
                Some(&officer),
                serde_json::json!(null),
            ),
        )
        .await;
        let case_json: serde_json::Value = serde_json::from_str(&case_json.body).unwrap();
        assert_eq!(
            case_json["held_promises"][0]["promised_date"],
            departs.to_string(),
            "{who}: {case_json}"
        );

        let code = app
            .issue_family_code(&staff(&[Role::CaseOfficer]), &case)
            .await
            .unwrap()
            .code;
        let cookie = pair(
            &send(&app, sign_in(&case, &code))
                .await
                .cookie("__Host-resettle-family=")
                .unwrap(),
        );
        let page = send(&app, get("/family?lang=ar", Some(&cookie))).await;
        assert!(page.body.contains(r#"<html lang="ar" dir="rtl">"#), "{who}");
        assert!(
            page.body.contains("البرنامج متوقف"),
            "{who}: the hold, in Arabic"
        );
        assert!(
            page.body.contains("لا يتوفر مكان استقبال"),
            "{who}: its reason, in Arabic, as the profile words it"
        );
        assert!(page.body.contains("يقع موعد سفركم خلال هذه الفترة"), "{who}");
        assert!(
            !page.body.contains("the four centres"),
            "{who}: not the note"
        );
        assert!(
            page.body.contains("٢٠٢٦") || page.body.contains("٢٠٢٧"),
            "{who}: Arabic digits"
        );
        let remembered = page
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("lang=ar"));
        assert!(remembered, "{who}: the choice is kept");
    }
}

/// The family's language comes from `?lang=`, else the browser's Accept-Language among
/// the families' languages (Persian for fa-AF), else English; the sign-in form works with
/// no script (a plain form posting to /family).
#[tokio::test]
async fn the_sign_in_form_speaks_the_familys_language_without_script() {
    let db = resettle_testkit::sqlite();
    let app = App::open(&db.url).await.unwrap();
    let persian = Request::get("/family")
        .header(header::ACCEPT_LANGUAGE, "fa-AF,fa;q=0.9,en;q=0.5")
        .body(Body::empty())
        .unwrap();
    let page = send(&app, persian).await;
    assert!(
        page.body.contains(r#"<html lang="fa" dir="rtl">"#),
        "{}",
        page.body
    );
    assert!(page.body.contains("کد دسترسی"));
    assert!(
        page.body
            .contains(r#"<form method="post" action="/family""#)
    );
    assert!(
        !page.body.contains("<script"),
        "the family's page needs no script"
    );
    let dutch = send(&app, get("/family?lang=nl", None)).await;
    assert!(dutch.body.contains(r#"<html lang="nl" dir="ltr">"#));
    assert!(dutch.body.contains("Toegangscode"));
    for lang in ["English", "Nederlands", "Français", "العربية", "فارسی"] {
        assert!(dutch.body.contains(lang), "the switcher offers {lang}");
    }
    let csp = dutch.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
}

/// The bundled fonts are served from the binary with a year-long cache, named by the
/// stylesheet; any other name is not found.
#[tokio::test]
async fn the_fonts_are_served_by_the_binary_with_a_long_cache() {
    let db = resettle_testkit::sqlite();
    let app = App::open(&db.url).await.unwrap();
    let css = send(&app, get("/static/style.css", None)).await.body;
    for font in [
        "NotoSans-Regular.ttf",
        "NotoNaskhArabic-Regular.ttf",
        "NotoSansEthiopic-Bold.ttf",
    ] {
        assert!(css.contains(font), "{font}");
        let a = send(&app, get(&format!("/static/fonts/{font}"), None)).await;
        assert_eq!(a.status, StatusCode::OK, "{font}");
        assert_eq!(a.headers[header::CONTENT_TYPE], "font/ttf");
        assert!(
            a.headers[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("max-age=31536000"),
            "{font}"
        );
    }
    let missing = send(&app, get("/static/fonts/../style.css", None)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
