use super::*;

/// Types `value` into the field `name` of the form `form` (the page has three forms, and
/// the emergency places and the year appear in more than one).
async fn type_in(c: &Client, form: &str, name: &str, value: &str) {
    let field = c
        .find(Locator::Css(&format!("#{form} [name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("no field {name} in {form}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

/// A planner working in Dutch records the Belgian NGOs' plan (8,821 over 2022-2024 with
/// 100 emergency places a year on top) as a quota decision, reads it split over the refugee
/// situations with the African floor and over the channels, sees the selection missions it
/// implies, and follows a year to arrival; a decision without its motivation is refused by
/// field in Dutch, with nothing recorded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_splits_the_belgian_plan_and_tracks_a_year_in_dutch() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        c.find(Locator::LinkText(DUTCH.name))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        sign_in_on_this_page(&s, &b, "planner", &DUTCH).await;
        click(c, "header nav a[href='/quota']").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/quota", "{who}");
        review(c, who, "quota-nl").await;
        assert!(
            text(c).await.contains("Quotum per situatie en kanaal"),
            "{who}"
        );

        // Refused: no motivation. Nothing is recorded and the rule is in Dutch.
        type_into(c, "proposed_by", "Fedasil en het CGVS").await;
        type_into(c, "consulted", "UNHCR en de ngo's").await;
        set_date(c, "published_on", "2021-10-01").await;
        type_into(c, "years", "2022=2.000, 2023=3.000, 2024=3.821").await;
        type_in(c, "decision-form", "emergency", "100").await;
        c.execute(
            "document.querySelector(`[name='motivation']`).removeAttribute('required')",
            Vec::new(),
        )
        .await
        .unwrap();
        // The refusal is the form again at the address it posted to: wait for it.
        submit(c, "Besluit vastleggen").await;
        let problem = text_of(c, "#problem-decision").await;
        assert!(problem.contains("geef de motivering"), "{who}: {problem:?}");
        assert!(text(c).await.contains("nog geen quotumbesluit"), "{who}");
        review(c, who, "quota-refused-nl").await;

        type_into(
            c,
            "motivation",
            "2,84 % van het EU-aandeel van 20 % van de noden 2022-2024 (rapport 3.3)",
        )
        .await;
        click_button(c, "Besluit vastleggen").await;
        left(c, "/quota/decisions").await;
        assert!(
            status_line(c).await.contains("Besluit 1 vastgelegd"),
            "{who}"
        );
        for (year, places) in [("2022", "2.100"), ("2023", "3.100"), ("2024", "3.921")] {
            let table = text_of(c, &format!("#allocation-{year}")).await;
            assert!(
                table.contains("Afrikaanse situaties") && table.contains("noodplaatsen"),
                "{who}: {table:?}"
            );
            let line = text_of(c, &format!("#year-{year} + p")).await;
            assert!(line.starts_with(places), "{who}: {line:?}");
            // The African floor: half of each year's places.
            let africa = texts_of(c, &format!("#allocation-{year} tbody tr")).await;
            assert!(
                africa[0].starts_with("Afrikaanse situaties"),
                "{who}: {africa:?}"
            );
        }
        let missions = text_of(c, "#missions-2022").await;
        assert!(
            missions.contains("Libanon") && missions.contains("Oeganda"),
            "{who}: {missions:?}"
        );
        let charts = c.find_all(Locator::Css("figure.chart svg")).await.unwrap();
        assert_eq!(charts.len(), 1, "{who}");
        review(c, who, "quota-allocated-nl").await;

        type_in(c, "track-form", "year", "2025").await;
        click_button(c, "Toon het jaar").await;
        // The same path answers: wait for the year asked for in the reloaded form.
        let mut track = String::new();
        for _ in 0..100 {
            track = text_of(c, "#track-table").await;
            if value_of(c, "#track-form [name='year']").await == "2025" && !track.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            track.contains("Afrikaanse situaties") && track.contains("selectiemissie"),
            "{who}: {track:?}"
        );
        c.execute(
            "document.getElementById('track').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, who, "quota-track-nl").await;
        b.client.clone().close().await.unwrap();
    }
}
