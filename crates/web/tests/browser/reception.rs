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

/// A family on its way, and a day before today it could have arrived on: it came in over
/// the weekend (its flight perhaps brought forward), and its arrival is recorded on Monday.
/// The day is no earlier than the case's last step.
pub(super) async fn arrived_unrecorded(app: &App) -> (String, time::Date) {
    let op = resettle_app::Caller::operator();
    let waiting = app
        .list_cases(
            &op,
            &resettle_app::cases::CaseQuery {
                state: Some(resettle_domain::case::CaseState::DepartureScheduled),
                per_page: Some(500),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let weekend = resettle_testkit::TODAY - time::Duration::days(2);
    for c in waiting.items {
        let case = app.case_full(&op, &c.case_number).await.unwrap();
        let last_step = case.waiting.last().unwrap().entered_on;
        if last_step < resettle_testkit::TODAY {
            return (c.case_number, last_step.max(weekend));
        }
    }
    panic!("the demo has no family on its way since before today")
}

/// Types a day into the date field `name` as a person does in the browser's date picker
/// (month, day, year in the browser's English), and checks the field holds that day.
pub(super) async fn type_day(c: &Client, name: &str, day: time::Date) {
    let field = c
        .find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("no field {name}: {e}"));
    field
        .send_keys(&format!(
            "{:02}{:02}{}",
            u8::from(day.month()),
            day.day(),
            day.year()
        ))
        .await
        .unwrap();
    assert_eq!(
        field.prop("value").await.unwrap().as_deref(),
        Some(day.to_string().as_str()),
        "the date field {name} holds {day}"
    );
}

/// Chooses the step to `state` in the case page's step form and opens its step data.
pub(super) async fn choose_step(c: &Client, state: &str) {
    click(c, &format!("select[name='to'] option[value='{state}']")).await;
    let open = c
        .find(Locator::Css("form.step details"))
        .await
        .unwrap()
        .attr("open")
        .await
        .unwrap();
    if open.is_none() {
        click(c, "form.step details summary").await;
    }
}

/// The value of the form field `name` as the browser holds it.
async fn value_of(c: &Client, name: &str) -> String {
    c.find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// A reception officer records a family that came in over the weekend on the day it
/// arrived (a day in the future is refused, the form keeping what was typed and saying
/// why), then moves a family from its reception place into a home at its address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reception_officer_records_an_arrival_day_and_a_home_address() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let (n, arrived_on) = arrived_unrecorded(&s.app).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "reception-officer").await;
        c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
        choose_step(c, "arrived").await;
        type_into(c, "reason", "arrived on the Saturday flight").await;
        let tomorrow = resettle_testkit::TODAY + time::Duration::days(1);
        type_day(c, "arrived_on", tomorrow).await;
        review(c, s.backend, "case-arrival-form").await;
        click_button(c, "Take the step").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        review(c, s.backend, "case-arrival-refused").await;
        let why = text_of(c, "#step-error").await;
        assert!(
            why.contains("Arrived on: ") && why.contains("is after today") && !why.contains('_'),
            "{}: the refusal names the field and the reason: {why}",
            s.backend
        );
        assert_eq!(value_of(c, "arrived_on").await, tomorrow.to_string());
        assert_eq!(
            value_of(c, "reason").await,
            "arrived on the Saturday flight"
        );
        assert_eq!(value_of(c, "to").await, "arrived", "{}", s.backend);
        assert!(
            !text_of(c, "#case-fields").await.contains("Arrived on"),
            "{}: nothing was recorded",
            s.backend
        );
        type_day(c, "arrived_on", arrived_on).await;
        submit(c, "Take the step").await;
        review(c, s.backend, "case-arrived").await;
        assert!(
            text_of(c, "#step-done").await.contains("arrived"),
            "{}",
            s.backend
        );
        let day = resettle_testkit::TODAY - arrived_on;
        let written = format!(
            "{} {} {}",
            arrived_on.day(),
            arrived_on.month(),
            arrived_on.year()
        );
        let fields = text_of(c, "#case-fields").await;
        assert!(
            fields.contains(&format!("arrived on\n{written}"))
                || fields.contains(&format!("arrived on {written}")),
            "{}: the case says the day it arrived ({} days ago): {fields}",
            s.backend,
            day.whole_days()
        );
        let history = texts_of(c, "#timeline > li:not(.stay)")
            .await
            .pop()
            .unwrap_or_default();
        assert!(
            history.starts_with(&written),
            "{}: the history dates the arrival the day it happened: {history}",
            s.backend
        );
        // A family in reception moves into its own home.
        c.goto(&format!("{}/cases?state=in_reception", s.base))
            .await
            .unwrap();
        click(c, "#cases tbody a[href^='/cases/']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        choose_step(c, "housed").await;
        type_into(c, "reason", "a flat found by the LOI").await;
        type_into(c, "municipality", "Gent").await;
        type_into(c, "address", "Veldstraat 1, 9000 Gent").await;
        review(c, s.backend, "case-housing-form").await;
        submit(c, "Take the step").await;
        review(c, s.backend, "case-housed").await;
        assert!(
            text_of(c, "#step-done").await.contains("housed"),
            "{}: {}",
            s.backend,
            text_of(c, "#step-error").await
        );
        assert!(
            text_of(c, "#case-fields")
                .await
                .contains("Veldstraat 1, 9000 Gent"),
            "{}: the case shows the home address",
            s.backend
        );
        // The last step (the stays the steps began follow them in the history).
        let steps = texts_of(c, "#timeline > li:not(.stay)").await;
        let history = steps.last().cloned().unwrap_or_default();
        assert!(
            history.contains("home address: Veldstraat 1, 9000 Gent"),
            "{}: {history}",
            s.backend
        );
        let housed = c.current_url().await.unwrap().path().replace("/cases/", "");
        // The family among Gent's, as the municipality's staff see them.
        c.goto(&format!("{}/reception", s.base)).await.unwrap();
        c.find(Locator::LinkText("Families by municipality"))
            .await
            .expect("a link to the families by municipality")
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        review(c, s.backend, "families-choose").await;
        click(c, "select[name='municipality'] option[value='Gent']").await;
        submit(c, "Show").await;
        review(c, s.backend, "families-gent").await;
        assert!(
            text_of(c, &format!("#family-{housed}"))
                .await
                .contains("Veldstraat 1, 9000 Gent"),
            "{}: the family housed is among Gent's",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
