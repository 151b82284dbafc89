//! Integration support after arrival (issue 25), as people use it: a family answers its
//! own wellbeing check-in in Arabic on its status page, on a phone, right to left — first
//! without its consent, which is refused in Arabic and writes nothing, then with it; the
//! problem its answers flag opens a task on the support work list; and the cohort figures
//! the programme learns appear on the dashboard, small cells withheld.
use resettle_app::Caller;
use resettle_app::cases::CaseQuery;

use super::*;

/// A family in integration support with a check-in to answer, and its access code.
async fn family_with_a_checkin(app: &App) -> (String, String) {
    let op = Caller::operator();
    let list = app
        .list_cases(
            &op,
            &CaseQuery {
                state: Some("integration_support".into()),
                per_page: Some(500),
                ..CaseQuery::default()
            },
        )
        .await
        .unwrap();
    for (i, item) in list.items.iter().enumerate() {
        let issued = app.issue_family_code(&op, &item.case_number).await.unwrap();
        let (_, family) = app
            .family_sign_in(
                &item.case_number,
                &issued.code,
                &format!("192.0.2.{}", i % 250),
            )
            .await
            .unwrap();
        if app
            .family_checkin_form(&family)
            .await
            .unwrap()
            .is_some_and(|f| f.months >= 6)
        {
            return (item.case_number.clone(), issued.code);
        }
    }
    panic!("no family in support with a check-in of 6 months or more to answer");
}

/// Scrolls the element with id `id` to the top of the window, so the screenshot shows it.
async fn scroll_to(c: &Client, id: &str) {
    c.execute(
        "document.getElementById(arguments[0]).scrollIntoView()",
        vec![serde_json::json!(id)],
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_answers_its_check_in_in_arabic_and_the_problem_is_on_the_work_list() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let who = s.backend;
        let (case, code) = family_with_a_checkin(&s.app).await;
        let op = Caller::operator();
        let before = s.app.support(&op, &case).await.unwrap().checkins.len();

        let phone = browser(390).await;
        let p = &phone.client;
        p.goto(&format!("{}/family?lang=ar", s.base)).await.unwrap();
        type_into(p, "case_number", &case).await;
        type_into(p, "code", &code).await;
        submit(p, "افتح ملفي").await;
        assert!(
            p.find(Locator::Css("#checkin-form")).await.is_ok(),
            "{who}: no check-in on the family's page"
        );
        scroll_to(p, "checkin").await;
        review(p, who, "family-checkin-ar").await;

        // Without consent: refused in Arabic, nothing written.
        click(p, "[name='feeling'][value='4']").await;
        submit(p, "أرسلوا إجاباتنا").await;
        assert_eq!(
            text_of(p, "#checkin-error").await,
            "لا تُحفظ إجاباتكم إلا بموافقتكم: ضعوا علامة في المربع في آخر الاستمارة.",
            "{who}"
        );
        scroll_to(p, "checkin-error").await;
        review(p, who, "family-checkin-refused-ar").await;
        assert_eq!(
            s.app.support(&op, &case).await.unwrap().checkins.len(),
            before,
            "{who}: a refused check-in was written"
        );

        // With consent: still no home of its own, so a task opens for the provider.
        click(p, "[name='feeling'][value='2']").await;
        click(p, "[name='language_course']").await;
        click(p, "[name='consent']").await;
        submit(p, "أرسلوا إجاباتنا").await;
        assert_eq!(
            text_of(p, "#family-notice").await,
            "شكرًا لكم. تم تسجيل إجاباتكم.",
            "{who}"
        );
        review(p, who, "family-checkin-thanks-ar").await;
        let view = s.app.support(&op, &case).await.unwrap();
        assert!(
            view.checkins
                .iter()
                .any(|c| c.answered_by.as_str() == "family" && c.feeling == 2),
            "{who}: the family's answers were not recorded"
        );
        let list = s.app.support_work_list(&op).await.unwrap();
        assert!(
            list.tasks
                .iter()
                .any(|t| t.case_number == case && t.kind == "no_own_housing"),
            "{who}: no task for a family without a home of its own"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cohort_figures_are_on_the_dashboard_with_small_cells_withheld() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let who = s.backend;
        let wide = browser(1280).await;
        let c = &wide.client;
        c.goto(&format!("{}/", s.base)).await.unwrap();
        let table = text_of(c, "#cohorts-BE").await;
        assert!(table.contains("Own housing by month 6"), "{who}: {table}");
        assert!(table.contains(" of "), "{who}: no published share: {table}");
        scroll_to(c, "cohorts-BE").await;
        review(c, who, "dashboard-cohorts").await;
    }
}
