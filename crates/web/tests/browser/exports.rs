use super::*;

/// The status and content type of `path` fetched with the browser's session.
async fn fetched(c: &Client, path: &str) -> (u16, String) {
    let answer = c
        .execute(
            "return fetch(arguments[0]).then(r => [r.status, r.headers.get('content-type')]);",
            vec![serde_json::json!(path)],
        )
        .await
        .unwrap();
    (
        answer[0].as_u64().unwrap() as u16,
        answer[1].as_str().unwrap_or_default().to_string(),
    )
}

/// A case officer exports the cases and a case's history from the pages' links; the audit
/// trail's export is refused to them in words; an auditor exports it as a spreadsheet.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_are_exported_from_their_pages() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        let links = text_of(c, "#export-cases").await;
        assert!(links.contains("spreadsheet (XLSX)"), "{who}: {links}");
        review(c, who, "cases-export").await;
        for (path, media) in [
            ("/export/cases?format=csv", "text/csv; charset=utf-8"),
            (
                "/export/cases?format=xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        ] {
            assert_eq!(fetched(c, path).await, (200, media.to_string()), "{who}");
        }
        c.goto(&format!("{}/cases?state=housed", s.base))
            .await
            .unwrap();
        let href = c
            .find(Locator::Css("#export-cases a"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        assert!(
            href.contains("state=housed"),
            "{who}: the export keeps the filter: {href}"
        );
        assert_eq!(fetched(c, &href).await.0, 200, "{who}: {href}");
        click(c, "table a[href^='/cases/']").await;
        left(c, "/cases").await;
        let href = c
            .find(Locator::Css("#export-events a"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(fetched(c, &href).await.0, 200, "{who}: {href}");
        review(c, who, "case-export").await;

        c.goto(&format!("{}/export/audit?format=xlsx", s.base))
            .await
            .unwrap();
        let page = text(c).await;
        assert!(
            page.contains("reading the audit trail"),
            "{who}: {page:.400}"
        );

        let b2 = browser(1280).await;
        sign_in(&s, &b2, "auditor").await;
        let c2 = &b2.client;
        c2.goto(&format!("{}/audit", s.base)).await.unwrap();
        review(c2, who, "audit-export").await;
        assert_eq!(
            fetched(c2, "/export/audit?format=xlsx").await.0,
            200,
            "{who}"
        );
    }
}
