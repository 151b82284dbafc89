use super::*;

/// A case officer's morning: the overdue work list, filtered and paged; a case from it; a
/// step refused (the form keeps what was typed and says why), then taken (the page says so).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_works_the_overdue_list_and_takes_a_step() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        // The whole list's next page starts after the last case of the first, every
        // filter kept.
        c.goto(&format!("{}/cases?per_page=3&state=housed", s.base))
            .await
            .unwrap();
        let first_page = text_of(c, "#cases tbody").await;
        let last = c
            .find_all(Locator::Css("#cases tbody td:first-child"))
            .await
            .unwrap()
            .pop()
            .expect("housed cases")
            .text()
            .await
            .unwrap();
        click(c, "a[rel='next']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let url = c.current_url().await.unwrap();
        let query = url.query().unwrap_or("");
        assert!(
            query.contains("state=housed") && query.contains(&format!("after={last}")),
            "{}: the next page starts after {last}, the filter kept: {url}",
            s.backend
        );
        assert_ne!(text_of(c, "#cases tbody").await, first_page);
        assert!(text_of(c, "nav.pages").await.contains("page 2 of"));
        assert!(
            text_of(c, "#cases tbody")
                .await
                .to_lowercase()
                .contains("housed")
        );
        click(c, "a[rel='first']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(text_of(c, "#cases tbody").await, first_page);
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
            text_of(c, "#step-error")
                .await
                .contains("Reason, in words: "),
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
        click(
            c,
            "select[name='reason_code'] option[value='family_declined']",
        )
        .await;
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
            history.contains("to withdrawn")
                && history
                    .contains("the family declined resettlement (the family asked to withdraw)"),
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
