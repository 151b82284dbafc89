use super::*;

/// Fetches `path` from the page the browser is on, with its session, and gives back the
/// status, the content type and the size of the body: a download, seen as the browser
/// would receive it.
async fn fetched(c: &Client, path: &str) -> (u16, String, u64) {
    let answer = c
        .execute(
            "return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => \
             [r.status, r.headers.get('content-type'), b.byteLength]));",
            vec![serde_json::json!(path)],
        )
        .await
        .unwrap();
    (
        answer[0].as_u64().unwrap() as u16,
        answer[1].as_str().unwrap_or_default().to_string(),
        answer[2].as_u64().unwrap(),
    )
}

/// A planner's report to Parliament: from the navigation, in Dutch, a year that is no
/// year is refused naming the field and keeping what was typed; last year's report opens
/// as a web page in Dutch with its chart and contents, and downloads as PDF, XLSX and
/// CSV; a case officer is refused the page in words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_builds_the_report_to_parliament_in_dutch() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "planner").await;
        click(c, "header nav a[href='/report']").await;
        left(c, "/cases").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/report", "{who}");
        review(c, who, "report").await;

        // In Dutch: the form opens on last year, the report in the page's language.
        click(c, "nav.languages a[hreflang='nl']").await;
        for _ in 0..100 {
            if text(c).await.contains("Verslag aan het parlement") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(value_of(c, "[name='year']").await, "2025", "{who}");
        assert!(
            checked(c, "input[name='language'][value='nl']").await,
            "{who}"
        );
        assert!(
            checked(c, "input[name='format'][value='html']").await,
            "{who}"
        );
        review(c, who, "report-nl").await;

        // A year that is no year: refused in Dutch, the form as typed.
        type_into(c, "year", "twintig").await;
        submit(c, "Verslag opstellen").await;
        let problem = text_of(c, "#problem").await;
        assert!(
            problem.contains("geef een jaar van 1950 tot 2100"),
            "{who}: {problem}"
        );
        assert_eq!(value_of(c, "[name='year']").await, "twintig", "{who}");
        review(c, who, "report-refused-nl").await;

        // Last year's report as a web page, in Dutch.
        type_into(c, "year", "2025").await;
        submit(c, "Verslag opstellen").await;
        let page = text(c).await;
        for expected in [
            "Hervestiging in 2025: verslag aan het parlement",
            "Inhoud",
            "Toezeggingen tegenover aankomsten",
            "Aangekomen personen naar nationaliteit",
            "Beslissingen naar leeftijd",
            "Hoe de cijfers tot stand kwamen",
            "Syrië",
        ] {
            assert!(
                page.contains(expected),
                "{who}: no {expected:?} in {page:.800}"
            );
        }
        assert!(
            c.find(Locator::Css("svg.chart")).await.is_ok(),
            "{who}: the pledges chart is drawn"
        );
        let html_lang = c
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(html_lang.as_deref(), Some("nl"), "{who}");
        review(c, who, "report-2025-nl").await;

        // The same report as files to keep.
        for (format, media) in [
            ("pdf", "application/pdf"),
            (
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            ("csv", "text/csv; charset=utf-8"),
        ] {
            let (status, kind, size) = fetched(
                c,
                &format!("/report/annual?year=2025&language=nl&format={format}&round=5"),
            )
            .await;
            assert_eq!((status, kind.as_str()), (200, media), "{who}: {format}");
            assert!(size > 1000, "{who}: {format} of {size} bytes");
        }

        // A case officer may not build it: refused in words.
        let b2 = browser(1280).await;
        sign_in(&s, &b2, "case-officer").await;
        b2.client.goto(&format!("{}/report", s.base)).await.unwrap();
        let refused = text(&b2.client).await;
        assert!(
            refused.contains("building the report to Parliament"),
            "{who}: {refused:.400}"
        );
    }
}

/// A planner's funding claim on the same page, in Dutch: the municipal allowance, which the
/// Belgian profile does not pay, is refused in words keeping the choice; last year's AMIF
/// claim opens as a page with every person once and the total, and downloads as a
/// spreadsheet (the PDF is the same document, typeset: the documents' tests read it back).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_builds_a_funding_claim_in_dutch() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "planner").await;
        c.goto(&format!("{}/report", s.base)).await.unwrap();
        click(c, "nav.languages a[hreflang='nl']").await;
        for _ in 0..100 {
            if text(c).await.contains("Financieringsaanvraag") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            value_of(c, "#claim-form [name='year']").await,
            "2025",
            "{who}"
        );

        click(c, "#claim-form input[name='instrument'][value='allowance']").await;
        submit(c, "Aanvraag opstellen").await;
        let problem = text_of(c, "#claim-problem").await;
        assert!(
            problem.contains("kent deze financiering niet"),
            "{who}: {problem}"
        );
        assert!(
            checked(c, "#claim-form input[name='instrument'][value='allowance']").await,
            "{who}: the form as chosen"
        );
        review(c, who, "claim-refused-nl").await;

        click(c, "#claim-form input[name='instrument'][value='amif']").await;
        click(c, "#claim-form input[name='language'][value='nl']").await;
        submit(c, "Aanvraag opstellen").await;
        let page = text(c).await;
        for expected in [
            "AMIF-aanvraag voor de aankomsten in 2025",
            "Totaal aangevraagd",
            "Personen waarvoor wordt aangevraagd",
            "10.000,00",
        ] {
            assert!(
                page.contains(expected),
                "{who}: no {expected:?} in {page:.800}"
            );
        }
        review(c, who, "claim-2025-nl").await;

        let (status, kind, size) = fetched(
            c,
            "/report/funding?year=2025&instrument=amif&language=nl&format=xlsx",
        )
        .await;
        assert_eq!(
            (status, kind.as_str()),
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
            "{who}"
        );
        assert!(size > 1000, "{who}: {size} bytes");
    }
}
