use super::*;

/// Clicks "Run forecast" and waits (a forecast takes seconds) until the result titled with
/// `title` is shown, or a refusal.
async fn run_forecast(c: &Client, title: &str) {
    click_button(c, "Run forecast").await;
    for _ in 0..1200 {
        if text_of(c, "#result-title").await.contains(title)
            || !text_of(c, "#problem").await.is_empty()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no forecast titled {title:?}");
}

/// The percentage in the text of `row` (`… 93.1 % …`).
fn percent_in(row: &str) -> f64 {
    let at = row
        .find(" %")
        .unwrap_or_else(|| panic!("no percentage in {row:?}"));
    let start = row[..at]
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |i| i + 1);
    row[start..at].parse().unwrap_or_else(|_| panic!("{row:?}"))
}

/// A planner's capacity forecast: from the navigation, the NGOs' growth path with today's
/// network (the page opens on it) gives each year's chance and the buffer places that bring
/// every year to 90 %; the live programme answers from its cases; too many runs are refused
/// by field with nothing run; a case officer is refused the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_reads_the_chance_of_each_pledge_and_the_buffer_places() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "planner").await;
        click(c, "header nav a[href='/forecast']").await;
        left(c, "/cases").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/forecast", "{who}");
        review(c, who, "forecast").await;
        assert!(
            checked(c, "input[value='scenario:belgium-growth-path']").await,
            "{who}: the page opens on the growth path"
        );

        type_into(c, "runs", "300").await;
        run_forecast(c, "Growth path").await;
        let rows = texts_of(c, "#forecast-pledges tbody tr").await;
        assert_eq!(rows.len(), 3, "{who}: {rows:?}");
        for (row, year) in rows.iter().zip(["2027", "2028", "2029"]) {
            assert!(row.starts_with(year), "{who}: {row:?}");
        }
        assert!(
            rows[0].contains("2,000") && rows[2].contains("3,821"),
            "{who}: {rows:?}"
        );
        let third = percent_in(&rows[2]);
        assert!(
            third < 50.0,
            "{who}: today's centres cannot take 3,821 in a year: {rows:?}"
        );
        let buffer = text_of(c, "#buffer").await;
        assert!(
            buffer.contains("buffer places (reception centre") && buffer.contains("target 90.0 %"),
            "{who}: no buffer recommendation: {buffer:?}"
        );
        let places: u32 = buffer
            .split_whitespace()
            .next()
            .and_then(|n| n.replace(',', "").parse().ok())
            .unwrap_or_else(|| panic!("{who}: {buffer:?}"));
        assert!(places > 0, "{who}: {buffer:?}");
        assert!(percent_in(&buffer) >= 90.0, "{who}: {buffer:?}");
        let charts = c.find_all(Locator::Css("#result svg.fan")).await.unwrap();
        assert_eq!(charts.len(), 5, "{who}: arrivals, three stages, waiting");
        review(c, who, "forecast-growth-path").await;
        c.execute(
            "document.getElementById('chart-stage-0-heading').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
        review(c, who, "forecast-growth-path-centre").await;

        // The live demo programme: its cases, places and pledges today.
        click(c, "input[value='programme:BE']").await;
        type_into(c, "runs", "100").await;
        run_forecast(c, "(demo) as it stands today").await;
        let rows = texts_of(c, "#forecast-pledges tbody tr").await;
        assert!(
            rows.iter().any(|r| r.starts_with("2026")),
            "{who}: the live programme's 2026 pledge: {rows:?}"
        );
        let inputs = text_of(c, "#forecast-inputs").await;
        assert!(
            inputs.contains("fitted:") && inputs.contains("cases of the programme"),
            "{who}: the history's durations: {inputs:.400}"
        );
        review(c, who, "forecast-live").await;

        // Too many runs for the server: refused by field, nothing run.
        type_into(c, "runs", "5,000").await;
        click_button(c, "Run forecast").await;
        for _ in 0..100 {
            if !text_of(c, "#problem").await.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let refusal = text_of(c, "#problem").await;
        assert!(
            refusal.contains("Not run.")
                && refusal.contains("Runs: a whole number from 1 to 2,000."),
            "{who}: {refusal:?}"
        );
        assert_eq!(text_of(c, "#result").await, "", "{who}: a refused form ran");
        assert_eq!(
            value_of(c, "[name='runs']").await,
            "5,000",
            "{who}: the form as typed"
        );
        review(c, who, "forecast-refused").await;

        // A case officer has no way to the page and is refused it.
        click_button(c, "Sign out").await;
        left(c, "/forecast").await;
        sign_in(&s, &b, "case-officer").await;
        assert!(
            c.find(Locator::Css("header nav a[href='/forecast']"))
                .await
                .is_err(),
            "{who}: a case officer is shown the forecast in the navigation"
        );
        c.goto(&format!("{}/forecast", s.base)).await.unwrap();
        let page = text(c).await;
        assert!(
            !page.contains("Run forecast") && page.contains("Not allowed"),
            "{who}: a case officer gets the forecast: {page:.300}"
        );
        b.client.clone().close().await.unwrap();
    }
}
