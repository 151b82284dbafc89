//! Signing in through the browser pages, in process: password, second factor, session
//! cookie, CSRF tokens, logout, and the security headers of every answer.
use crate::common;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use resettle_app::App;

use crate::common::{get, send};

const DEMO_SECRET: &str = "RESETTLEDEMO2FAS3CRETFORNEWUSERS";

fn post(path: &str, cookie: Option<&str>, form: &str) -> Request<Body> {
    let mut r = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "resettle.test");
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::from(form.to_string())).unwrap()
}

/// The value of the hidden `csrf` input of a page.
fn csrf(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
    page[at..].split('"').next().unwrap().to_string()
}

/// The demo users' one-time code at the app's now.
fn code(app: &App) -> String {
    let secret = resettle_secure::totp::from_base32(DEMO_SECRET).unwrap();
    resettle_secure::totp::code(&secret, app.now().unix_timestamp() as u64)
}

/// The app over a fresh demo database, and the database (removed when dropped).
async fn demo_app() -> (App, resettle_testkit::TestDatabase) {
    let db = resettle_testkit::sqlite();
    let (app, _) = common::demo_app(&db.url).await;
    (app, db)
}

#[tokio::test]
async fn a_case_officer_signs_in_with_a_second_factor_sees_cases_and_signs_out() {
    let (app, _db) = demo_app().await;
    let a = send(&app, get("/cases", None)).await;
    assert_eq!(
        (a.status, a.location.as_str()),
        (StatusCode::SEE_OTHER, "/login")
    );
    let a = send(
        &app,
        post(
            "/login",
            None,
            "username=case-officer&password=wrong+password!",
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert!(a.cookies.first().cloned().is_none());
    let a = send(
        &app,
        post(
            "/login",
            None,
            "username=case-officer&password=resettle-demo-password",
        ),
    )
    .await;
    assert_eq!(a.location, "/login/code");
    let set = a.cookies.first().cloned().unwrap();
    for flag in [
        "__Host-resettle=",
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/",
    ] {
        assert!(set.contains(flag), "{set}");
    }
    let cookie = set.split(';').next().unwrap().to_string();
    // Half signed in: the case list still sends to the code page.
    let a = send(&app, get("/cases", Some(&cookie))).await;
    assert_eq!(a.location, "/login/code");
    let page = send(&app, get("/login/code", Some(&cookie))).await.body;
    let token = csrf(&page);
    let a = send(
        &app,
        post(
            "/login/code",
            Some(&cookie),
            &format!("code={}", code(&app)),
        ),
    )
    .await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "a code without the CSRF token"
    );
    let a = send(
        &app,
        post(
            "/login/code",
            Some(&cookie),
            &format!("code={}&csrf={token}", code(&app)),
        ),
    )
    .await;
    assert_eq!(a.location, "/cases", "{}", a.body);
    // The session moves to a new cookie at the second factor; the half-signed-in one
    // sends back to sign-in.
    let renewed = a
        .cookies
        .first()
        .cloned()
        .expect("a new cookie after the second factor");
    assert!(renewed.contains("__Host-resettle=") && renewed.contains("HttpOnly"));
    let renewed = renewed.split(';').next().unwrap().to_string();
    assert_ne!(renewed, cookie);
    let a = send(&app, get("/cases", Some(&cookie))).await;
    assert_ne!(a.status, StatusCode::OK, "the pre-code cookie is dead");
    let cookie = renewed;
    let a = send(&app, get("/cases", Some(&cookie))).await;
    assert_eq!(a.status, StatusCode::OK);
    let pre_code_token = token;
    let token = csrf(&a.body);
    assert_ne!(token, pre_code_token, "the CSRF token is renewed too");
    assert!(a.body.contains("cases you may see") && a.body.contains("case-officer"));
    let number = a.body.split("<td><a href=\"/cases/").nth(1).unwrap();
    let number = number.split('"').next().unwrap();
    let a = send(&app, get(&format!("/cases/{number}"), Some(&cookie))).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.body.contains("Subject-access export"),
        "case officers may export"
    );
    assert!(
        !a.body.contains("Medical record"),
        "diagnoses are for medical officers"
    );
    let a = send(
        &app,
        get(&format!("/cases/{number}/export.pdf"), Some(&cookie)),
    )
    .await;
    assert!(a.body.starts_with("%PDF-"), "a typeset PDF");
    // Logout without the token is refused; with it the session ends for good.
    let a = send(&app, post("/logout", Some(&cookie), "")).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let a = send(
        &app,
        post("/logout", Some(&cookie), &format!("csrf={pre_code_token}")),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "the pre-code CSRF token");
    let a = send(
        &app,
        post("/logout", Some(&cookie), &format!("csrf={token}")),
    )
    .await;
    assert_eq!(a.location, "/login");
    let a = send(&app, get("/cases", Some(&cookie))).await;
    assert_eq!(a.location, "/login");
}

#[tokio::test]
async fn cross_site_and_tokenless_forms_are_refused_and_headers_are_set() {
    let (app, _db) = demo_app().await;
    let cookie = password_only(&app, "planner").await;
    let page = send(&app, get("/fair-share", Some(&cookie))).await;
    let token = csrf(&page.body);
    let save = |csrf: &str| {
        format!(
            "needs_source=year&needs=1473156&needs_year=2022&growth_source=given&growth=40000&years=3&regional_share_pct=20&state=BE&share_source=given&share_pct=2.84&method=ec2015&path=given&first_years=2000%2C3000&rounding=floor&start_year=2022&name=mine&csrf={csrf}"
        )
    };
    let a = send(
        &app,
        post("/fair-share/scenarios", Some(&cookie), &save("forged")),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let mut cross = post("/fair-share/scenarios", Some(&cookie), &save(&token));
    cross
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    let a = send(&app, cross).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "another site's form");
    let a = send(
        &app,
        post("/fair-share/scenarios", Some(&cookie), &save(&token)),
    )
    .await;
    assert_eq!(a.location, "/fair-share/scenarios", "{}", a.body);
    let a = send(&app, get("/", None)).await;
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(a.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(a.headers[header::REFERRER_POLICY], "same-origin");
    // The server's own time, for measuring pages apart from the network.
    let timing = a.headers["server-timing"].to_str().unwrap();
    let ms: f64 = timing
        .strip_prefix("app;dur=")
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| panic!("Server-Timing {timing:?}"));
    assert!(ms >= 0.0, "{timing}");
}

#[tokio::test]
async fn auditors_browse_and_export_the_trail_and_others_may_not() {
    let (app, _db) = demo_app().await;
    let (auditor, _) = sign_in(&app, "auditor").await;
    let a = send(&app, get("/audit?action=login", Some(&auditor))).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("intact") && a.body.contains("second factor accepted"));
    // Words, not codes: the entries' acts and the filter's choices are worded, the
    // filter shown as chosen.
    assert!(a.body.contains("<td>signed in</td>"), "{}", a.body);
    assert!(!a.body.contains("<td>login</td>"), "{}", a.body);
    assert!(
        a.body
            .contains("<option value=\"login\" selected>signed in</option>"),
        "{}",
        a.body
    );
    assert!(
        a.body
            .contains("<option value=\"medical_record\">medical record</option>"),
        "{}",
        a.body
    );
    assert!(a.body.contains("<td>done</td>"), "{}", a.body);
    assert!(!a.body.contains("<td>ok</td>"), "{}", a.body);
    // The page says when the whole chain was last verified, as a day and time in words;
    // it checks only what follows.
    assert!(
        a.body
            .contains("Whole chain last verified at 23 November 2026 12:00 UTC"),
        "{}",
        a.body
    );
    // The whole trail, page by page: the newest five, then the five before them.
    let seqs = |body: &str| -> Vec<i64> {
        body.split("<tr><td>")
            .skip(1)
            .filter_map(|r| r.split("</td>").next()?.parse().ok())
            .collect()
    };
    let first = send(&app, get("/audit?limit=5", Some(&auditor))).await.body;
    let page = seqs(&first);
    assert_eq!(page.len(), 5, "{first}");
    let older = first
        .split("href=\"")
        .find(|h| h.contains("before="))
        .and_then(|h| h.split('"').next())
        .expect("a link to older entries")
        .replace("&amp;", "&")
        .replace("&#x2f;", "/");
    let second = send(&app, get(&older, Some(&auditor))).await.body;
    let next = seqs(&second);
    assert_eq!(next.len(), 5, "{second}");
    assert!(
        next[0] < page[4] && next.windows(2).all(|w| w[0] > w[1]),
        "the next page goes on below the first: {page:?} then {next:?}"
    );
    assert!(second.contains("newest entries"));
    let a = send(&app, get("/audit.csv?actor=auditor", Some(&auditor))).await;
    assert!(
        a.body.starts_with("seq,at,actor,source,action"),
        "{}",
        a.body
    );
    let a = send(&app, get("/cases", Some(&auditor))).await;
    assert!(a.body.contains("do not give access to case content"));
    let (sponsor, _) = sign_in(&app, "sponsor").await;
    let a = send(&app, get("/audit", Some(&sponsor))).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
}

/// Signs a demo user in with the password only; returns the session cookie.
async fn password_only(app: &App, user: &str) -> String {
    let a = send(
        app,
        post(
            "/login",
            None,
            &format!("username={user}&password=resettle-demo-password"),
        ),
    )
    .await;
    a.cookies
        .first()
        .cloned()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

/// Signs a demo user in with password and second factor; returns the cookie and the
/// session's CSRF token (both renewed by the second factor).
async fn sign_in(app: &App, user: &str) -> (String, String) {
    let half = password_only(app, user).await;
    let token = csrf(&send(app, get("/login/code", Some(&half))).await.body);
    let a = send(
        app,
        post(
            "/login/code",
            Some(&half),
            &format!("code={}&csrf={token}", code(app)),
        ),
    )
    .await;
    assert_eq!(a.location, "/cases", "{user}: {}", a.body);
    let cookie = a
        .cookies
        .first()
        .cloned()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let token = csrf(&send(app, get("/cases", Some(&cookie))).await.body);
    (cookie, token)
}

#[tokio::test]
async fn a_reception_officer_proposes_sees_why_and_decides_on_the_placement_page() {
    let (app, _db) = demo_app().await;
    let (cookie, token) = sign_in(&app, "reception-officer").await;
    let a = send(&app, get("/placement", Some(&cookie))).await;
    assert!(a.body.contains("No proposals yet"), "{}", a.body);
    let a = send(
        &app,
        post(
            "/placement",
            Some(&cookie),
            &format!("programme=BE&csrf={token}"),
        ),
    )
    .await;
    assert_eq!(a.location, "/placement?programme=BE", "{}", a.body);
    let page = send(&app, get("/placement?programme=BE", Some(&cookie)))
        .await
        .body;
    assert!(page.contains("Last run:") && page.contains("gap"), "{page}");
    // The Belgian profile has no distribution plan, and the page says so.
    assert!(
        page.contains("No distribution plan in the policy profile."),
        "{page}"
    );
    assert!(
        page.contains("instead "),
        "next-best places and their cost are shown"
    );
    let number = page
        .split("<tr id=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let a = send(
        &app,
        post(
            &format!("/placement/{number}"),
            Some(&cookie),
            &format!("programme=BE&decision=reject&place=&csrf={token}"),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let page = send(&app, get("/placement?programme=BE", Some(&cookie)))
        .await
        .body;
    assert!(page.contains("rejected by reception-officer"), "{page}");
    // Another role may not open the page.
    let planner = password_only(&app, "planner").await;
    let a = send(&app, get("/placement", Some(&planner))).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_case_officer_takes_a_step_on_the_case_page_and_a_refused_one_says_why() {
    let (app, _db) = demo_app().await;
    let (cookie, token) = sign_in(&app, "case-officer").await;
    let list = send(&app, get("/cases?state=submitted", Some(&cookie)))
        .await
        .body;
    let number = list
        .split("<td><a href=\"/cases/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let page = send(&app, get(&format!("/cases/{number}"), Some(&cookie)))
        .await
        .body;
    // The state is offered in words; its code is what the form sends.
    assert!(
        page.contains("Take the step")
            && page.contains(r#"<option value="dossier_review">dossier review</option>"#)
    );
    let version: i64 = page
        .split("name=\"expected_version\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let path = format!("/cases/{number}/step");
    let step = |to: &str, extra: &str| {
        let form = format!("to={to}&reason=&expected_version={version}&csrf={token}{extra}");
        send(&app, post(&path, Some(&cookie), &form))
    };
    let a = step("withdrawn", "").await;
    assert!(
        a.body.contains("id=\"step-error\"")
            && a.body.contains("<a href=\"#refused-field\">Reason, in words</a>: moving to withdrawn is a decision or an ending: say why."),
        "a withdrawal must say why: {}",
        a.body
    );
    let a = step("dossier_review", "&departure_date=soon&mission=M-7").await;
    assert!(
        a.body.contains("Departure date</a>: “soon” is not a date."),
        "{}",
        a.body
    );
    assert!(
        a.body.contains("value=\"soon\"")
            && a.body.contains("value=\"M-7\"")
            && a.body.contains("value=\"dossier_review\" selected"),
        "a refused step keeps what was typed: {}",
        a.body
    );
    let a = step("dossier_review", "").await;
    assert_eq!(
        a.location,
        format!("/cases/{number}?moved=dossier_review#step-done"),
        "{}",
        a.body
    );
    let page = send(&app, get(&a.location, Some(&cookie))).await.body;
    assert!(page.contains("<dd>dossier review</dd>"), "{page}");
    assert!(
        page.contains("id=\"step-done\"") && page.contains("the case is now dossier review"),
        "a step taken says so: {page}"
    );
    let forged = send(
        &app,
        get(&format!("/cases/{number}?moved=%3Cb%3Ex"), Some(&cookie)),
    )
    .await
    .body;
    assert!(!forged.contains("step-done"), "only a real state is echoed");
    let a = step("accepted", "").await;
    assert!(
        a.body.contains("changed since you loaded it"),
        "a stale version: {}",
        a.body
    );
}

/// The source the audit trail recorded for the newest failed sign-in of `username`.
async fn recorded_source(app: &App, username: &str) -> String {
    app.audit_entries(
        &resettle_app::Caller::operator(),
        &resettle_app::AuditQuery {
            entity_id: Some(username.into()),
            action: Some(resettle_domain::audit::AuditAction::Login),
            ..Default::default()
        },
    )
    .await
    .unwrap()[0]
        .source
        .clone()
}

/// Attack: behind the recommended reverse proxy every entry named the proxy, and a
/// client could not be told apart; but trusting `X-Forwarded-For` from anyone would let a
/// client write any address into the trail. Only a configured proxy is believed.
#[tokio::test]
async fn the_trail_names_the_client_behind_a_trusted_proxy_and_no_one_else() {
    let (app, _db) = demo_app().await;
    let attempt = |peer: &str| {
        let mut r = post("/login", None, "username=planner&password=not-the-password");
        r.headers_mut()
            .insert("x-forwarded-for", "6.6.6.6, 198.51.100.7".parse().unwrap());
        r.extensions_mut()
            .insert(axum::extract::ConnectInfo::<std::net::SocketAddr>(
                format!("{peer}:40000").parse().unwrap(),
            ));
        r
    };
    send(&app, attempt("192.0.2.9")).await;
    assert_eq!(
        recorded_source(&app, "planner").await,
        "192.0.2.9",
        "an untrusted peer's header is ignored"
    );
    let proxied = app.clone().with_security(resettle_app::Security {
        trusted_proxies: vec!["10.0.0.2".parse().unwrap()],
        ..resettle_app::Security::default()
    });
    send(&proxied, attempt("10.0.0.2")).await;
    assert_eq!(
        recorded_source(&app, "planner").await,
        "198.51.100.7",
        "the trusted proxy names the client (its nearest untrusted hop)"
    );
}

/// Attack: the cross-site check compared only the host, so `https://` pages of another
/// service on the same host, or another port, passed it. Scheme, host and port must match.
#[tokio::test]
async fn a_form_post_from_another_scheme_or_port_is_refused() {
    let (app, _db) = demo_app().await;
    for (origin, refused) in [
        ("http://resettle.test", false),
        ("https://resettle.test", true),
        ("http://resettle.test:8443", true),
        ("null", true),
    ] {
        let mut r = post("/login", None, "username=planner&password=x");
        r.headers_mut()
            .insert(header::ORIGIN, origin.parse().unwrap());
        let a = send(&app, r).await;
        assert_eq!(
            a.status == StatusCode::FORBIDDEN && a.body.contains("cross-site"),
            refused,
            "{origin}: {}",
            a.status
        );
    }
}

/// The language a user picks sticks with the user: signed in again on another device (no
/// `lang` cookie, an English browser), the pages are in the language chosen before.
#[tokio::test]
async fn the_language_chosen_sticks_with_the_user_across_devices() {
    let (app, _db) = demo_app().await;
    let sign_in = || async {
        let a = send(
            &app,
            post(
                "/login",
                None,
                "username=planner&password=resettle-demo-password",
            ),
        )
        .await;
        let set = a.cookies.first().cloned().expect("a session cookie");
        set.split(';').next().unwrap().to_string()
    };
    let first = sign_in().await;
    let page = send(&app, get("/fair-share/scenarios", Some(&first)))
        .await
        .body;
    assert!(
        page.contains("<html lang=\"en\">"),
        "English before any choice"
    );
    send(&app, get("/fair-share/scenarios?lang=nl", Some(&first))).await;
    let second = sign_in().await;
    let a = send(&app, get("/fair-share/scenarios", Some(&second))).await;
    assert!(
        a.body.contains("<html lang=\"nl\">"),
        "the other device reads Dutch: {}",
        &a.body[..200.min(a.body.len())]
    );
    assert!(
        a.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("lang=nl")),
        "and remembers it there"
    );
    let anonymous = send(&app, get("/fair-share/scenarios", None)).await.body;
    assert!(
        anonymous.contains("<html lang=\"en\">"),
        "nobody else's choice"
    );
}

/// A role refused a page reads why in its own language: its roles and what they do not
/// allow, in words, never the permission's internal name.
#[tokio::test]
async fn a_refused_role_reads_why_in_words_in_its_language() {
    let (app, _db) = demo_app().await;
    let (officer, _) = sign_in(&app, "case-officer").await;
    let a = send(&app, get("/pledges", Some(&officer))).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(
        a.body
            .contains("Your roles (case officer) do not allow planning quotas and pledges."),
        "{}",
        a.body
    );
    assert!(!a.body.contains("PlanQuotas"), "{}", a.body);
    let a = send(&app, get("/quota", Some(&officer))).await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "the quota page is the planner's"
    );
    assert!(
        a.body
            .contains("Your roles (case officer) do not allow planning quotas and pledges."),
        "{}",
        a.body
    );
    let a = send(&app, get("/pledges?lang=fr", Some(&officer))).await;
    assert!(
        a.body
            .contains("ne permettent pas la planification des quotas et des engagements"),
        "{}",
        a.body
    );
    let (sponsor, _) = sign_in(&app, "sponsor").await;
    let a = send(&app, get("/placement?lang=nl", Some(&sponsor))).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    assert!(
        a.body
            .contains("staan het voorstellen en bevestigen van plaatsingen niet toe"),
        "{}",
        a.body
    );
}
