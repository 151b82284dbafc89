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
