use super::*;

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
