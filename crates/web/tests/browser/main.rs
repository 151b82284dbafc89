//! The web UI as people use it: a real Chromium, driven through WebDriver, types, clicks
//! and submits against the server on a loopback port, on SQLite and PostgreSQL. Screenshots
//! of each page it reaches are saved under `target/tmp/screenshots/` for review.
//!
//! This file holds the harness (a served demo, signing in, reviewing a page); each role's
//! day is a module of its own.

mod accessibility;
mod administrator;
mod aftercare;
mod case_officer;
mod claims;
mod exports;
mod family;
mod forecast;
mod import;
mod impossible_data;
mod languages;
mod liaison;
mod medical_officer;
mod municipality;
mod narrow;
mod notices;
mod planner;
mod quota;
mod reasons;
mod reception;
mod refusals;
mod report;
mod sessions;
mod stages;
mod unity;

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
    serve_with(db, |app| app).await
}

/// A demo programme served as [`serve`] does, the application changed by `configure`
/// first (a clock the test moves, notices delivered somewhere).
async fn serve_with(
    db: resettle_testkit::TestDatabase,
    configure: impl FnOnce(App) -> App,
) -> Served {
    serve_demo(db, 150, configure).await
}

/// A demo programme of `cases` families served as [`serve`] does: more cases where a test
/// needs the programme's own history to say something (an estimate needs 20 comparable
/// families).
async fn serve_cases(db: resettle_testkit::TestDatabase, cases: usize) -> Served {
    serve_demo(db, cases, |app| app).await
}

async fn serve_demo(
    db: resettle_testkit::TestDatabase,
    cases: usize,
    configure: impl FnOnce(App) -> App,
) -> Served {
    let app = configure(
        App::open(&db.url)
            .await
            .unwrap()
            .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
            .with_clock(std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY))),
    );
    app.load_demo(
        &DemoConfig {
            seed: 5,
            cases,
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
/// Scrolls the element with id `id` to the top of the window, so the screenshot shows it.
async fn scroll_to(c: &Client, id: &str) {
    c.execute(
        "document.getElementById(arguments[0]).scrollIntoView()",
        vec![serde_json::json!(id)],
    )
    .await
    .unwrap();
}

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

const DUTCH: Words = Words {
    code: "nl",
    name: "Nederlands",
    sign_in: "Aanmelden",
    next: "Doorgaan",
    sign_out: "Afmelden",
};

const FRENCH: Words = Words {
    code: "fr",
    name: "Français",
    sign_in: "Se connecter",
    next: "Continuer",
    sign_out: "Se déconnecter",
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

/// The text of the element `css`, or nothing when the page has none. A page swapping its
/// content (htmx) can replace the element between finding and reading it; the element is
/// then found again.
async fn text_of(c: &Client, css: &str) -> String {
    for _ in 0..10 {
        let Ok(e) = c.find(Locator::Css(css)).await else {
            return String::new();
        };
        match e.text().await {
            Ok(text) => return text,
            Err(error) if is_stale(&error) => continue,
            Err(error) => panic!("reading {css}: {error}"),
        }
    }
    panic!("{css} was replaced ten times while it was read")
}

/// Whether WebDriver says the element found is no longer in the page.
fn is_stale(error: &fantoccini::error::CmdError) -> bool {
    matches!(
        error,
        fantoccini::error::CmdError::Standard(e)
            if e.error == fantoccini::error::ErrorStatus::StaleElementReference
    )
}

/// The texts of every element `css`, in page order.
/// Read again from the start when the page replaces an element while it is read.
async fn texts_of(c: &Client, css: &str) -> Vec<String> {
    'read: for _ in 0..10 {
        let mut texts = Vec::new();
        for e in c.find_all(Locator::Css(css)).await.unwrap() {
            match e.text().await {
                Ok(text) => texts.push(text),
                Err(error) if is_stale(&error) => continue 'read,
                Err(error) => panic!("reading {css}: {error}"),
            }
        }
        return texts;
    }
    panic!("{css} was replaced ten times while it was read")
}

/// The value of the form field `css` (what the browser would post).
async fn value_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Whether the checkbox or radio button `css` is checked.
async fn checked(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .prop("checked")
        .await
        .unwrap()
        .as_deref()
        == Some("true")
}

/// Chooses `value` in the select named `name`.
async fn choose(c: &Client, name: &str, value: &str) {
    click(c, &format!("select[name='{name}'] option[value='{value}']")).await;
}

/// Sets the date input `name` to a `YYYY-MM-DD` day (typed keys follow the browser's
/// locale, the value does not).
async fn set_date(c: &Client, name: &str, day: &str) {
    c.execute(
        "document.querySelector(`[name='${arguments[0]}']`).value = arguments[1]",
        vec![name.into(), day.into()],
    )
    .await
    .unwrap();
}
