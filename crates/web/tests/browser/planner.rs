use super::*;

/// The value in the field named `name`, as the page holds it now.
async fn value_of(c: &Client, name: &str) -> String {
    c.find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("no field {name}: {e}"))
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// The text of the row of `year` in the table `table`.
async fn year_row(c: &Client, table: &str, year: i32) -> String {
    let row = format!("//table[@id='{table}']//tr[th[starts-with(normalize-space(.), '{year}')]]");
    match c.find(Locator::XPath(&row)).await {
        Ok(r) => r.text().await.unwrap(),
        Err(_) => String::new(),
    }
}

/// The text of the element `css`, read in one step in the page so that a swap or a
/// navigation under way gives nothing instead of a stale element.
async fn settled_text(c: &Client, css: &str) -> String {
    c.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
        vec![serde_json::json!(css)],
    )
    .await
    .ok()
    .and_then(|v| v.as_str().map(str::to_string))
    .unwrap_or_default()
}

/// The persons pledged for `year` in the Belgian programme, as stored.
async fn stored(s: &Served, year: i32) -> Option<i64> {
    s.app
        .pledges("BE")
        .await
        .unwrap()
        .into_iter()
        .find(|y| y.year == year)
        .map(|y| y.pledged)
}

/// A planner's day with the pledges: from the navigation, record next year's pledge (typed
/// with a thousands separator) and see it on the page and on the public dashboard; a
/// negative count and, in Dutch, a count above the bound are refused by field in the
/// reader's language with the form as typed, and nothing is written; a case officer is
/// refused the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_records_a_pledge_and_sees_it_on_the_dashboard() {
    const SOURCE: &str = "Council of Ministers, decision of 20 November 2026";
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "planner").await;
        click(c, "header nav a[href='/pledges']").await;
        left(c, "/cases").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/pledges", "{who}");
        review(c, who, "pledges").await;
        assert!(
            year_row(c, "pledges-BE", 2026).await.contains("so far"),
            "{who}: this year's row is marked as not over"
        );
        let renewed = stored(&s, 2027).await;
        assert!(
            renewed.is_some(),
            "{who}: the demo renews 2026's pledge for 2027"
        );

        // Next year's pledge, as the form opens on it with the pledge stored: revised.
        assert_eq!(value_of(c, "year").await, "2027", "{who}");
        assert_eq!(
            value_of(c, "pledged").await,
            renewed.unwrap().to_string(),
            "{who}: the form holds next year's pledge as stored"
        );
        type_into(c, "pledged", "4,321").await;
        type_into(c, "source", SOURCE).await;
        submit(c, "Save pledge").await;
        let done = status_line(c).await;
        assert!(
            done.contains("4,321 persons pledged for 2027"),
            "{who}: no success line: {done:?}"
        );
        let row = year_row(c, "pledges-BE", 2027).await;
        assert!(
            row.contains("4,321") && row.contains(SOURCE),
            "{who}: 2027 is not listed as saved: {row:?}"
        );
        review(c, who, "pledges-saved").await;
        assert_eq!(stored(&s, 2027).await, Some(4321), "{who}");

        // The public dashboard shows it among the others.
        click(c, "header nav a[href='/']").await;
        left(c, "/pledges").await;
        let row = year_row(c, "pledges", 2027).await;
        assert!(
            row.contains("4,321"),
            "{who}: the dashboard does not show the pledge: {row:?}"
        );
        review(c, who, "dashboard-planner").await;

        // A negative count: refused by field, the form as typed, nothing written.
        click(c, "header nav a[href='/pledges']").await;
        left(c, "/").await;
        type_into(c, "year", "2029").await;
        type_into(c, "pledged", "-5").await;
        type_into(c, "source", "a draft").await;
        submit(c, "Save pledge").await;
        let refusal = text_of(c, "#problem-BE").await;
        assert!(
            refusal.contains("Not saved")
                && refusal.contains("Persons pledged: from 0 to 10,000,000; -5 is outside that."),
            "{who}: the negative count is not refused by field: {refusal:?}"
        );
        assert_eq!(
            (
                value_of(c, "year").await,
                value_of(c, "pledged").await,
                value_of(c, "source").await
            ),
            ("2029".into(), "-5".into(), "a draft".into()),
            "{who}: the form is not kept as typed"
        );
        let flagged = c
            .find(Locator::Css("[name='pledged']"))
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap();
        assert_eq!(flagged.as_deref(), Some("true"), "{who}");
        review(c, who, "pledges-refused").await;
        assert_eq!(
            stored(&s, 2029).await,
            None,
            "{who}: a refusal wrote a pledge"
        );

        // In Dutch, through the row's change link: the form opens on the year as stored,
        // and a count above the bound is refused in Dutch, with Dutch separators.
        c.goto(&format!("{}/pledges?lang=nl", s.base))
            .await
            .unwrap();
        click(c, "#pledges-BE a[href*='year=2027']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            (value_of(c, "pledged").await, value_of(c, "source").await),
            ("4321".into(), SOURCE.into()),
            "{who}: the change link does not open on the year as stored"
        );
        assert!(
            year_row(c, "pledges-BE", 2027).await.contains("4.321"),
            "{who}: Dutch groups with a dot"
        );
        type_into(c, "pledged", "20.000.000").await;
        submit(c, "Toezegging opslaan").await;
        let refusal = text_of(c, "#problem-BE").await;
        assert!(
            refusal.contains("Niet opgeslagen")
                && refusal.contains(
                    "Toegezegde personen: van 0 tot 10.000.000; 20.000.000 valt daarbuiten."
                ),
            "{who}: the count above the bound is not refused in Dutch: {refusal:?}"
        );
        assert_eq!(value_of(c, "pledged").await, "20.000.000", "{who}");
        review(c, who, "pledges-refused-nl").await;
        assert_eq!(
            stored(&s, 2027).await,
            Some(4321),
            "{who}: a refusal changed 2027"
        );
        c.goto(&format!("{}/pledges?lang=en", s.base))
            .await
            .unwrap();

        // A case officer has no way to the page and is refused it.
        click_button(c, "Sign out").await;
        left(c, "/pledges").await;
        sign_in(&s, &b, "case-officer").await;
        assert!(
            c.find(Locator::Css("header nav a[href='/pledges']"))
                .await
                .is_err(),
            "{who}: a case officer is shown the pledges in the navigation"
        );
        c.goto(&format!("{}/pledges", s.base)).await.unwrap();
        let page = text(c).await;
        assert!(
            !page.contains("Save pledge") && page.contains("Not allowed"),
            "{who}: a case officer gets the pledge form: {page:.300}"
        );
        b.client.clone().close().await.unwrap();
    }
}

/// A planner saves the report's plan and a five-year variant, compares them side by side
/// (each total as the plan page computed it), and deletes both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_compares_two_scenarios_and_deletes_them() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "planner").await;
        c.goto(&format!("{}/fair-share", s.base)).await.unwrap();
        type_into(c, "name", "Browser plan").await;
        click_button(c, "Save").await;
        left(c, "/fair-share").await;
        let page = text(c).await;
        assert!(
            page.contains("Browser plan") && page.contains("8,821"),
            "{who}: the saved scenario is not listed: {page:.400}"
        );

        // The same plan over five years: the page recomputes as the field changes.
        c.goto(&format!("{}/fair-share", s.base)).await.unwrap();
        type_into(c, "years", "5").await;
        let mut longer = String::new();
        for _ in 0..60 {
            longer = settled_text(c, "#state-total").await;
            if !longer.is_empty() && longer != "8,821" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_ne!(longer, "8,821", "{who}: the plan did not follow the years");
        type_into(c, "name", "Five-year plan").await;
        click_button(c, "Save").await;
        left(c, "/fair-share").await;
        review(c, who, "scenarios").await;

        let names = texts_of(c, "#scenarios thead th").await;
        let totals = texts_of(c, "#scenarios tr.total td").await;
        assert_eq!(
            names[1..],
            ["Browser plan", "Five-year plan"],
            "{who}: the two scenarios are not side by side"
        );
        assert_eq!(totals, ["8,821", longer.as_str()], "{who}");
        // Each Delete is named for its scenario, so a screen reader tells them apart.
        let mut delete_names = Vec::new();
        for b in c
            .find_all(Locator::Css("#scenarios button[type='submit']"))
            .await
            .unwrap()
        {
            delete_names.push(b.attr("aria-label").await.unwrap().unwrap_or_default());
        }
        assert_eq!(
            delete_names,
            ["Delete “Browser plan”", "Delete “Five-year plan”"],
            "{who}"
        );

        for name in ["Browser plan", "Five-year plan"] {
            click_button(c, "Delete").await;
            // The answer comes back at the same address: wait for the name to go.
            let mut listed = String::new();
            for _ in 0..40 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                listed = settled_text(c, "main").await;
                if !listed.is_empty() && !listed.contains(name) {
                    break;
                }
            }
            assert!(
                !listed.contains(name),
                "{who}: {name} is still listed after deleting it"
            );
        }
        b.client.clone().close().await.unwrap();
    }
}
