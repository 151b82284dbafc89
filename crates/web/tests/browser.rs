//! The web UI as people use it: a real Chromium, driven through WebDriver, types, clicks
//! and submits against the server on a loopback port, on SQLite and PostgreSQL. Screenshots
//! of each page it reaches are saved under `target/tmp/screenshots/` for review.
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, Locator};
use resettle_app::{App, DemoConfig, FixedClock, Keyring};
use resettle_testkit::webdriver::{Browser, accessibility_violations, browser, save_screenshot};

const DEMO_SECRET: &str = "RESETTLEDEMO2FAS3CRETFORNEWUSERS";
const DEMO_PASSWORD: &str = "resettle-demo-password";

/// A demo programme served on a loopback port, on the fixed test day.
struct Served {
    app: App,
    base: String,
    backend: &'static str,
    _db: resettle_testkit::TestDatabase,
}

async fn serve(db: resettle_testkit::TestDatabase) -> Served {
    let app = App::open(&db.url)
        .await
        .unwrap()
        .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
        .with_clock(std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY)));
    app.load_demo(
        &DemoConfig {
            seed: 5,
            cases: 150,
            as_of: resettle_testkit::TODAY,
        },
        false,
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = resettle_web::router(app.clone());
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    Served {
        app,
        base,
        backend: db.backend,
        _db: db,
    }
}

/// Where a page's screenshot goes.
/// Reviews the page the browser shows: a screenshot under `name` for people, and axe-core
/// for the machine, which must find no violation of serious or critical impact.
async fn review(c: &Client, backend: &str, name: &str) {
    save_screenshot(c, &shot(backend, name)).await;
    let violations = accessibility_violations(c).await;
    assert!(
        violations.is_empty(),
        "{backend}: page {name} has accessibility violations:\n{}",
        violations.join("\n")
    );
}

fn shot(backend: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("screenshots")
        .join(format!("{backend}-{name}.png"))
}

/// The visible text of the page.
async fn text(c: &Client) -> String {
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Waits until the browser has left `path` (a form posted and the answer loaded).
async fn left(c: &Client, path: &str) {
    for _ in 0..100 {
        if c.current_url().await.unwrap().path() != path {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types into the field named `name`.
async fn type_into(c: &Client, name: &str, value: &str) {
    let field = c
        .find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("no field {name}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

/// Clicks the button whose text is `label`.
async fn click_button(c: &Client, label: &str) {
    c.find(Locator::XPath(&format!(
        "//button[normalize-space(.)='{label}']"
    )))
    .await
    .unwrap_or_else(|e| panic!("no button {label:?}: {e}"))
    .click()
    .await
    .unwrap();
}

/// The words of the buttons the tests click, in one language of the pages.
struct Words {
    /// The `lang` of the page and of `?lang=`.
    code: &'static str,
    /// The language's own name, as the switcher in the header links it.
    name: &'static str,
    sign_in: &'static str,
    next: &'static str,
    sign_out: &'static str,
}

const ENGLISH: Words = Words {
    code: "en",
    name: "English",
    sign_in: "Sign in",
    next: "Continue",
    sign_out: "Sign out",
};

/// Signs in as `username` with the password and, where the page asks, the one-time code.
async fn sign_in(s: &Served, b: &Browser, username: &str) {
    b.client.goto(&format!("{}/login", s.base)).await.unwrap();
    sign_in_on_this_page(s, b, username, &ENGLISH).await;
}

/// Signs in from the sign-in page the browser is on, clicking the buttons in `words`.
async fn sign_in_on_this_page(s: &Served, b: &Browser, username: &str, words: &Words) {
    let c = &b.client;
    review(c, s.backend, &format!("login-{}", words.code)).await;
    type_into(c, "username", username).await;
    type_into(c, "password", DEMO_PASSWORD).await;
    click_button(c, words.sign_in).await;
    left(c, "/login").await;
    if c.current_url().await.unwrap().path() == "/login/code" {
        let secret = resettle_secure::totp::from_base32(DEMO_SECRET).unwrap();
        let code = resettle_secure::totp::code(&secret, s.app.now().unix_timestamp() as u64);
        type_into(c, "code", &code).await;
        click_button(c, words.next).await;
        left(c, "/login/code").await;
    }
    let page = text(c).await;
    let path = c.current_url().await.unwrap().path().to_string();
    assert!(
        !path.starts_with("/login") && page.contains(words.sign_out),
        "{}: {username} is not signed in; the browser is at {path}: {page:.300}",
        s.backend
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_signs_in_opens_a_case_and_signs_out() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        review(c, s.backend, "cases").await;
        c.find(Locator::Css("main table a[href^='/cases/']"))
            .await
            .expect("a case in the list")
            .click()
            .await
            .unwrap();
        left(c, "/cases").await;
        let case = c.current_url().await.unwrap().path().to_string();
        assert!(case.starts_with("/cases/"), "{case}");
        review(c, s.backend, "case").await;
        click_button(c, "Sign out").await;
        left(c, &case).await;
        assert!(
            !text(c).await.contains("Sign out"),
            "{}: still signed in after signing out",
            s.backend
        );
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        assert!(
            c.current_url().await.unwrap().path().starts_with("/login")
                || !text(c).await.contains(&case[7..]),
            "{}: the case list is shown after signing out",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_saves_a_scenario_and_deletes_it() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "planner").await;
        c.goto(&format!("{}/fair-share", s.base)).await.unwrap();
        type_into(c, "name", "Browser plan").await;
        click_button(c, "Save").await;
        left(c, "/fair-share").await;
        review(c, s.backend, "scenarios").await;
        let page = text(c).await;
        assert!(
            page.contains("Browser plan") && page.contains("8,821"),
            "{}: the saved scenario is not listed: {page:.400}",
            s.backend
        );
        click_button(c, "Delete").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !text(c).await.contains("Browser plan"),
            "{}: the scenario is still listed after deleting it",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}

/// The internal codes a page must never show a reader, whatever the language.
const CODES: &[&str] = &[
    "pre_departure",
    "scheduled_for_mission",
    "principal_applicant",
    "survivor_of_violence_torture",
    "no_alternative_durable_solution",
];

/// Asserts the page is in `words`' language, shows the `expected` words and no code.
async fn assert_worded(c: &Client, backend: &str, words: &Words, expected: &[&str]) {
    let html_lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(html_lang.as_deref(), Some(words.code), "{backend}");
    let page = text(c).await;
    for word in expected {
        assert!(page.contains(word), "{backend}: no {word:?} in {page:.600}");
    }
    for code in CODES {
        assert!(
            !page.contains(code),
            "{backend}: {code} is shown: {page:.600}"
        );
    }
    let coded: Vec<&str> = page
        .split_whitespace()
        .filter(|w| w.contains('_'))
        .collect();
    assert!(
        coded.is_empty(),
        "{backend}: codes shown as words: {coded:?}"
    );
}

/// A case officer chooses a language with the switcher, signs in, and reads the case
/// list and a case in words of that language: no state, category or relationship code
/// and no country code is visible.
async fn a_case_officer_reads_cases_in(words: &Words, case_list: &[&str], case: &[&str]) {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        c.find(Locator::LinkText(words.name))
            .await
            .unwrap_or_else(|e| panic!("no switcher link {}: {e}", words.name))
            .click()
            .await
            .unwrap();
        sign_in_on_this_page(&s, &b, "case-officer", words).await;
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        review(c, s.backend, &format!("cases-{}", words.code)).await;
        assert_worded(c, s.backend, words, case_list).await;
        for cell in c
            .find_all(Locator::Css("#cases tbody td:nth-child(4)"))
            .await
            .unwrap()
        {
            let nationality = cell.text().await.unwrap();
            assert!(
                nationality.len() > 2,
                "{}: a nationality shown as a code: {nationality}",
                s.backend
            );
        }
        c.find(Locator::Css("main table a[href^='/cases/']"))
            .await
            .expect("a case in the list")
            .click()
            .await
            .unwrap();
        left(c, "/cases").await;
        review(c, s.backend, &format!("case-{}", words.code)).await;
        c.execute(
            "document.getElementById('members').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, &format!("case-family-{}", words.code)).await;
        assert_worded(c, s.backend, words, case).await;
        click_button(c, words.sign_out).await;
        b.client.clone().close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_reads_the_cases_in_dutch() {
    let dutch = Words {
        code: "nl",
        name: "Nederlands",
        sign_in: "Aanmelden",
        next: "Doorgaan",
        sign_out: "Afmelden",
    };
    a_case_officer_reads_cases_in(
        &dutch,
        &[
            "Dossiers",
            "Nationaliteit",
            "Dagen in status",
            "dossiers die u mag zien",
        ],
        &[
            "land van eerste asiel",
            "hoofdaanvrager",
            "Gezin",
            "Volgende stap",
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_reads_the_cases_in_french() {
    let french = Words {
        code: "fr",
        name: "Français",
        sign_in: "Se connecter",
        next: "Continuer",
        sign_out: "Se déconnecter",
    };
    a_case_officer_reads_cases_in(
        &french,
        &[
            "Dossiers",
            "Nationalité",
            "Jours dans l'état",
            "dossiers que vous pouvez voir",
        ],
        &[
            "pays de premier asile",
            "demandeur principal",
            "Famille",
            "Étape suivante",
        ],
    )
    .await;
}

/// The accessibility check is live: a page with an unlabelled field and an image without
/// a text alternative fails it, so a page that passes has passed something.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accessibility_check_finds_an_unlabelled_field_and_a_bare_image() {
    let b = browser(1280).await;
    b.client
        .goto("data:text/html,<html lang=en><title>t</title><main><img src=x.png><input></main></html>")
        .await
        .unwrap();
    let found = accessibility_violations(&b.client).await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt"))
            && found.iter().any(|v| v.starts_with("label")),
        "{found:?}"
    );
    b.client.clone().close().await.unwrap();
}

/// Submits the form the browser is on with the button `label` and waits for the answer:
/// a redirect to a status line, or the form again at the URL it posted to.
async fn submit(c: &Client, label: &str) {
    let before = c.current_url().await.unwrap();
    click_button(c, label).await;
    for _ in 0..100 {
        if c.current_url().await.unwrap() != before {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no answer to {label:?} at {before}");
}

/// Clicks the element `css` (a checkbox, an option, a link).
async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// The text of the status line a change ends on.
async fn status_line(c: &Client) -> String {
    match c.find(Locator::Css("#done")).await {
        Ok(e) => e.text().await.unwrap(),
        Err(_) => String::new(),
    }
}

/// The text of one user's row in the table of users.
async fn row_of(c: &Client, username: &str) -> String {
    c.find(Locator::Css(&format!("#user-{username}")))
        .await
        .unwrap_or_else(|e| panic!("no row for {username}: {e}"))
        .text()
        .await
        .unwrap()
}

/// An administrator's day, through the pages: add a user (after a refused weak password),
/// change their roles, disable and re-enable them, reset their password and second factor,
/// revoke their token, add an organisation, read the policy in force; then the new user
/// signs in with the password and the secret the pages gave.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_runs_users_organisations_and_reads_the_policy() {
    const NEW: &str = "new-officer";
    const FIRST: &str = "a first long passphrase";
    const SECOND: &str = "a second long passphrase";
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "admin").await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            "/admin",
            "{who}: an administrator lands on the administration"
        );
        click(c, "header nav a[href='/admin']").await;
        review(c, who, "admin-users").await;
        assert!(
            row_of(c, "case-officer").await.contains("case officer"),
            "{who}"
        );

        // A weak password is refused in the page, by field; the name, roles and
        // organisation typed are kept, the passwords are not.
        type_into(c, "username", NEW).await;
        click(c, "input[name='roles'][value='case-officer']").await;
        let organisation = c
            .find(Locator::Css(
                "select[name='organisation'] option:nth-child(2)",
            ))
            .await
            .expect("an organisation to choose")
            .attr("value")
            .await
            .unwrap()
            .unwrap();
        click(c, "select[name='organisation'] option:nth-child(2)").await;
        type_into(c, "password", "too short").await;
        type_into(c, "password_again", "too short").await;
        submit(c, "Add user").await;
        let refused = text(c).await;
        assert!(
            refused.contains("Not done. Password: at least 12 characters"),
            "{who}: the weak password is not refused by field: {refused:.600}"
        );
        review(c, who, "admin-users-refused").await;
        let kept = |css: &'static str| async move {
            c.find(Locator::Css(css))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
        };
        assert_eq!(
            kept("input[name='username']").await.as_deref(),
            Some(NEW),
            "{who}"
        );
        assert_eq!(
            kept("input[name='password']").await.as_deref(),
            Some(""),
            "{who}"
        );
        assert_eq!(
            kept("select[name='organisation']").await,
            Some(organisation.clone()),
            "{who}"
        );
        assert!(
            c.find(Locator::Css("input[value='case-officer']"))
                .await
                .unwrap()
                .is_selected()
                .await
                .unwrap(),
            "{who}: the role checked is kept"
        );
        type_into(c, "password", FIRST).await;
        type_into(c, "password_again", FIRST).await;
        submit(c, "Add user").await;
        assert_eq!(
            status_line(c).await,
            format!("User {NEW} added."),
            "{who}: {:.400}",
            text(c).await
        );
        let row = row_of(c, NEW).await;
        assert!(
            row.contains("case officer") && row.contains(&organisation) && row.contains("active"),
            "{who}: {row}"
        );

        // Roles: from case officer to medical and reception officer.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        review(c, who, "admin-user").await;
        click(c, "input[name='roles'][value='case-officer']").await;
        click(c, "input[name='roles'][value='medical-officer']").await;
        click(c, "input[name='roles'][value='reception-officer']").await;
        submit(c, "Change roles").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("Roles of {NEW} changed")),
            "{who}"
        );
        assert!(
            row_of(c, NEW)
                .await
                .contains("medical officer, reception officer"),
            "{who}: {}",
            row_of(c, NEW).await
        );

        // Disable, then re-enable.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Disable").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("User {NEW} disabled")),
            "{who}"
        );
        assert!(row_of(c, NEW).await.contains("disabled"), "{who}");
        review(c, who, "admin-users-disabled").await;
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Re-enable").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("User {NEW} re-enabled")),
            "{who}"
        );
        assert!(row_of(c, NEW).await.contains("active"), "{who}");

        // A new password, typed differently twice, then the same.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        type_into(c, "password", SECOND).await;
        type_into(c, "password_again", FIRST).await;
        submit(c, "Reset password").await;
        assert!(
            text(c).await.contains("The two passwords differ"),
            "{who}: {:.400}",
            text(c).await
        );
        type_into(c, "password", SECOND).await;
        type_into(c, "password_again", SECOND).await;
        submit(c, "Reset password").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("Password of {NEW} reset")),
            "{who}"
        );

        // Tokens: one issued from the command line, revoked from the page.
        s.app
            .create_token(&resettle_app::Caller::operator(), NEW, None, None)
            .await
            .unwrap();
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Revoke API tokens").await;
        assert_eq!(
            status_line(c).await,
            format!("One API token of {NEW} revoked."),
            "{who}"
        );

        // The second factor: the secret and its link, once, on the answer.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Reset second factor").await;
        review(c, who, "admin-second-factor").await;
        let secret = c
            .find(Locator::Css("#secret"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let uri = c
            .find(Locator::Css("#uri"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            uri.starts_with("otpauth://totp/") && uri.contains(&secret),
            "{who}: {uri} {secret}"
        );
        assert!(text(c).await.contains("shown only now"), "{who}");

        // Organisations.
        click(c, "nav.admin a[href='/admin/organisations']").await;
        type_into(c, "organisation", "Gemeente Testdorp").await;
        click(c, "select[name='kind'] option[value='municipality']").await;
        submit(c, "Add organisation").await;
        assert_eq!(
            status_line(c).await,
            "Organisation Gemeente Testdorp added.",
            "{who}"
        );
        let listed = c
            .find(Locator::Css("#organisations"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            listed.contains("Gemeente Testdorp municipality"),
            "{who}: {listed}"
        );
        review(c, who, "admin-organisations").await;
        type_into(c, "organisation", "Gemeente Testdorp").await;
        submit(c, "Add organisation").await;
        assert!(
            text(c).await.contains("Not done. Organisation:"),
            "{who}: a second organisation of the same name is refused by field"
        );

        // The policy in force, in words.
        click(c, "nav.admin a[href='/admin/policy']").await;
        review(c, who, "admin-policy").await;
        let policy = text(c).await;
        for words in [
            "Steps switched off",
            "reception centre, then local reception, then own home",
            "Integration support",
            "18 months",
            "travel authorisation",
            "accepted",
            "183 days",
        ] {
            assert!(
                policy.contains(words),
                "{who}: {words:?} not on the policy page"
            );
        }
        for code in ["centre_then_local", "travel_authorisation", "pre_departure"] {
            assert!(
                !policy.contains(code),
                "{who}: the code {code} is on the policy page"
            );
        }

        // Each change is in the trail under the administrator's name, recorded by the app
        // layer whatever the page did.
        let trail = s
            .app
            .audit_entries(
                &resettle_app::Caller::operator(),
                &resettle_app::AuditQuery {
                    actor: Some("admin".into()),
                    entity_id: Some(NEW.into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let mut details: Vec<&str> = trail
            .iter()
            .filter(|e| e.action == "write")
            .map(|e| e.detail.as_str())
            .collect();
        details.sort_unstable();
        assert_eq!(
            details,
            [
                "1 revoked",
                "added with roles case-officer",
                "disabled; 0 session(s) ended, 0 token(s) revoked",
                "password reset; 0 session(s) ended, 0 token(s) revoked",
                "re-enabled; 0 session(s) ended, 0 token(s) revoked",
                "roles set to medical-officer,reception-officer; 0 session(s) ended, 0 token(s) revoked",
                "second factor enrolled",
            ],
            "{who}"
        );

        // The new user signs in with what the pages gave the administrator.
        click_button(c, "Sign out").await;
        left(c, "/admin/policy").await;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        type_into(c, "username", NEW).await;
        type_into(c, "password", SECOND).await;
        submit(c, "Sign in").await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            "/login/code",
            "{who}"
        );
        let key = resettle_secure::totp::from_base32(&secret).unwrap();
        let code = resettle_secure::totp::code(&key, s.app.now().unix_timestamp() as u64);
        type_into(c, "code", &code).await;
        submit(c, "Continue").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/cases", "{who}");
        b.client.clone().close().await.unwrap();
    }
}

/// The administration is the administrator's: a case officer who opens it gets the
/// refusal page in their language, and no link to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_is_refused_the_administration() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        assert!(!text(c).await.contains("Administration"), "{}", s.backend);
        c.goto(&format!("{}/admin?lang=nl", s.base)).await.unwrap();
        review(c, s.backend, "admin-refused-nl").await;
        let page = text(c).await;
        assert!(
            page.contains("Niet toegestaan") && page.contains("ManageUsers"),
            "{}: {page:.400}",
            s.backend
        );
        assert!(
            c.find(Locator::Css("#users")).await.is_err(),
            "{}: the users are listed",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}

/// The text of the element `css`, or nothing when the page has none.
async fn text_of(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap(),
        Err(_) => String::new(),
    }
}

/// A case officer's morning: the overdue work list, filtered and paged; a case from it; a
/// step refused (the form keeps what was typed and says why), then taken (the page says so).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_works_the_overdue_list_and_takes_a_step() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases?per_page=3", s.base))
            .await
            .unwrap();
        click(c, "input[name='overdue']").await;
        submit(c, "Filter").await;
        review(c, s.backend, "cases-overdue").await;
        let header = text_of(c, "#cases thead").await;
        assert!(header.contains("Days overdue"), "{}: {header}", s.backend);
        let days: Vec<i64> = {
            let mut v = Vec::new();
            for cell in c
                .find_all(Locator::Css("#cases tbody td:last-child"))
                .await
                .unwrap()
            {
                v.push(cell.text().await.unwrap().replace(',', "").parse().unwrap());
            }
            v
        };
        assert!(
            !days.is_empty(),
            "{}: no overdue case in the demo",
            s.backend
        );
        assert!(
            days.windows(2).all(|w| w[0] >= w[1]),
            "{}: most overdue first: {days:?}",
            s.backend
        );
        let first_page = text_of(c, "#cases tbody").await;
        c.find(Locator::Css("a[rel='next']"))
            .await
            .expect("a second page of overdue cases")
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let url = c.current_url().await.unwrap();
        assert!(
            url.query().unwrap_or("").contains("overdue=true")
                && url.query().unwrap_or("").contains("page=2"),
            "{}: the filter is kept across pages: {url}",
            s.backend
        );
        assert_ne!(text_of(c, "#cases tbody").await, first_page);
        assert!(text_of(c, "nav.pages").await.contains("page 2 of"));
        click(c, "#cases tbody a[href^='/cases/']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let case = c.current_url().await.unwrap().path().to_string();
        // A step that needs a reason, without one: refused, and what was typed stays.
        let options = c
            .find_all(Locator::Css("select[name='to'] option"))
            .await
            .unwrap();
        let mut withdrawn = None;
        for o in &options {
            if o.attr("value").await.unwrap().as_deref() == Some("withdrawn") {
                withdrawn = Some(o.clone());
            }
        }
        withdrawn
            .expect("an open case may be withdrawn")
            .click()
            .await
            .unwrap();
        click(c, "details summary").await;
        type_into(c, "provider", "Caritas International").await;
        click_button(c, "Take the step").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        review(c, s.backend, "case-step-refused").await;
        assert!(
            text_of(c, "#step-error").await.contains("reason"),
            "{}: the refusal names the field",
            s.backend
        );
        let provider = c
            .find(Locator::Css("input[name='provider']"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(provider.as_deref(), Some("Caritas International"));
        let chosen = c
            .find(Locator::Css("select[name='to']"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(chosen.as_deref(), Some("withdrawn"), "{}", s.backend);
        type_into(c, "reason", "the family asked to withdraw").await;
        submit(c, "Take the step").await;
        review(c, s.backend, "case-step-taken").await;
        assert!(
            text_of(c, "#step-done").await.contains("withdrawn"),
            "{}: the page says the step was taken",
            s.backend
        );
        assert!(c.current_url().await.unwrap().path() == case);
        let history = text_of(c, "#timeline").await;
        assert!(
            history.contains("to withdrawn") && history.contains("the family asked to withdraw"),
            "{}: the history says what happened and why, in words: {history}",
            s.backend
        );
        c.execute(
            "document.getElementById('timeline').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "case-history").await;
        b.client.clone().close().await.unwrap();
    }
}

/// A reception officer's morning: who arrives when, and how full every place is, from the
/// navigation; the figures agree with each other, and other roles are refused the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reception_officer_sees_arrivals_and_occupancy() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "reception-officer").await;
        c.find(Locator::LinkText("Reception"))
            .await
            .expect("a Reception link in the navigation")
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(c.current_url().await.unwrap().path(), "/reception");
        review(c, s.backend, "reception").await;
        let mut persons = 0;
        let mut dates = Vec::new();
        for row in c
            .find_all(Locator::Css("#arrivals tbody tr"))
            .await
            .unwrap()
        {
            let cells = row.find_all(Locator::Css("td")).await.unwrap();
            persons += cells[3]
                .text()
                .await
                .unwrap()
                .replace(',', "")
                .parse::<i64>()
                .unwrap();
            dates.push(cells[0].text().await.unwrap());
        }
        assert!(
            !dates.is_empty(),
            "{}: the demo has families with a date",
            s.backend
        );
        let summary = text_of(c, "#reception-summary").await;
        assert!(
            summary.contains(&format!("({persons} persons)")),
            "{}: the summary counts the persons listed: {summary}",
            s.backend
        );
        for row in c.find_all(Locator::Css("#places tbody tr")).await.unwrap() {
            let cells = row.find_all(Locator::Css("td")).await.unwrap();
            let number = |t: String| -> i64 {
                t.split_whitespace()
                    .next()
                    .unwrap()
                    .replace(',', "")
                    .parse()
                    .unwrap()
            };
            let occupied = number(cells[3].text().await.unwrap());
            let capacity = number(cells[4].text().await.unwrap());
            let flagged = row.attr("class").await.unwrap().as_deref() == Some("over");
            assert_eq!(flagged, occupied > capacity, "{}", s.backend);
        }
        click_button(c, "Sign out").await;
        left(c, "/reception").await;
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/reception", s.base)).await.unwrap();
        assert!(
            !text(c).await.contains("Expected arrivals"),
            "{}: a case officer does not get the reception page",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
