use super::*;

/// The staff pages each role opens, by the role that opens them; `CASE` stands for the
/// first case of the case list.
const PAGES: &[(&str, &[&str])] = &[
    (
        "planner",
        &["/", "/fair-share", "/pledges", "/quota", "/forecast"],
    ),
    ("case-officer", &["/cases", CASE]),
    ("reception-officer", &["/reception"]),
    ("auditor", &["/audit"]),
    ("admin", &["/admin"]),
];

const CASE: &str = "a case";

/// Asserts the page the browser shows fits a 390 px window: nothing beyond the window's
/// width but inside a region of its own (a failure names the outermost elements that
/// stick out), and every link and button of the header on the screen. Then reviews it as
/// `narrow-<name>`.
async fn assert_reflows(c: &Client, backend: &str, name: &str) {
    let found = c
        .execute(
            "const inner = window.innerWidth;
             const off = [...document.querySelectorAll('header a, header button')]
               .filter(e => { const r = e.getBoundingClientRect();
                              return r.width === 0 || r.left < 0 || r.right > inner; })
               .map(e => e.textContent.trim());
             const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
               + (e.classList.length ? '.' + [...e.classList].join('.') : '');
             const wide = [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > inner
                            && !e.parentElement.closest('.scroll')
                            && e.parentElement.getBoundingClientRect().right <= inner)
               .map(name);
             return [inner, document.documentElement.scrollWidth, off, wide];",
            Vec::new(),
        )
        .await
        .unwrap();
    let (window, page, off, wide): (f64, f64, Vec<String>, Vec<String>) =
        serde_json::from_value(found).unwrap();
    assert_eq!(window, 390.0, "{backend}: the window is not a phone's");
    // Saved before the checks, so a failure can be seen.
    save_screenshot(c, &shot(backend, &format!("narrow-{name}"))).await;
    assert!(
        page <= window,
        "{backend}: {name} is {page} px wide at {window} px: it scrolls sideways ({wide:?} stick out)"
    );
    assert!(
        off.is_empty(),
        "{backend}: {name}: {off:?} of the header are off the screen"
    );
    review(c, backend, &format!("narrow-{name}")).await;
}

/// WCAG 1.4.10 (reflow): at 390 px, a phone held upright, no staff page scrolls sideways
/// (a wide table scrolls inside its own region) and every link of the navigation is on
/// the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_pages_reflow_at_390_px() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(390).await;
        let c = &b.client;
        for (role, pages) in PAGES {
            c.delete_all_cookies().await.unwrap();
            c.goto(&format!("{}/login", s.base)).await.unwrap();
            assert_reflows(c, s.backend, "login").await;
            sign_in_on_this_page(&s, &b, role, &ENGLISH).await;
            for page in *pages {
                let path = if *page == CASE {
                    c.goto(&format!("{}/cases", s.base)).await.unwrap();
                    c.find(Locator::Css("main table a[href^='/cases/']"))
                        .await
                        .expect("a case in the list")
                        .attr("href")
                        .await
                        .unwrap()
                        .unwrap()
                } else {
                    page.to_string()
                };
                c.goto(&format!("{}{path}", s.base)).await.unwrap();
                let name = match *page {
                    "/" => "dashboard",
                    CASE => "case",
                    p => p.trim_start_matches('/'),
                };
                assert_reflows(c, s.backend, name).await;
            }
        }
        b.client.clone().close().await.unwrap();
    }
}

/// At 1280 px, a laptop, the navigation is one line in every language, even for the role
/// with the most links and the longest account line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_navigation_is_one_line_at_1280_px() {
    let s = serve(resettle_testkit::sqlite()).await;
    let b = browser(1280).await;
    let c = &b.client;
    sign_in(&s, &b, "reception-officer").await;
    for lang in ["en", "nl", "fr"] {
        c.goto(&format!("{}/reception?lang={lang}", s.base))
            .await
            .unwrap();
        review(c, s.backend, &format!("wide-header-{lang}")).await;
        let middles: Vec<f64> = serde_json::from_value(
            c.execute(
                "return [...document.querySelectorAll('header a, header button')]
                   .map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });",
                Vec::new(),
            )
            .await
            .unwrap(),
        )
        .unwrap();
        let (low, high) = middles
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), t| (l.min(*t), h.max(*t)));
        assert!(
            high - low < 12.0,
            "{lang}: the header wraps at 1280 px (middles of its links {middles:?})"
        );
    }
    b.client.clone().close().await.unwrap();
}
