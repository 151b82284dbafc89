//! Integration support after arrival (issue 25), as people use it: a family answers its
//! own wellbeing check-in in Arabic on its status page, on a phone, right to left — first
//! without its consent, which is refused in Arabic and writes nothing, then with it; the
//! problem its answers flag opens a task on the support work list; and the cohort figures
//! the programme learns appear on the dashboard, small cells withheld; and a sponsor group
//! records its family's check-in on the support pages, a bad value refused in Dutch, and
//! the support provider closes the task it opened.
use std::sync::Arc;

use resettle_app::cases::{CaseQuery, TransitionRequest};
use resettle_app::support::NewSupportPlan;
use resettle_app::{Caller, FixedClock};
use resettle_domain::support::ProviderKind;

use super::*;

/// A family in integration support with a check-in to answer, and its access code.
async fn family_with_a_checkin(app: &App) -> (String, String) {
    let op = Caller::operator();
    let list = app
        .list_cases(
            &op,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::IntegrationSupport),
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

/// The caller behind a fresh token of a demo user.
async fn caller_of(app: &App, username: &str) -> Caller {
    let token = app
        .create_token(&Caller::operator(), username, None, None)
        .await
        .unwrap();
    app.authenticate_token(&token, "t").await.unwrap()
}

/// The demo sponsor group's family (housed two weeks ago) enters integration support by
/// the demo support provider's NGO today, so both follow it; then the clock moves seven
/// months on, so its 3- and 6-month check-ins have fallen due. Returns the case number and
/// whether the family has a child of school age.
async fn sponsored_family_in_support(app: &App, clock: &FixedClock) -> (String, bool) {
    let sponsor = caller_of(app, "sponsor").await;
    let provider = caller_of(app, "support-provider").await;
    let op = Caller::operator();
    let list = app
        .list_cases(
            &sponsor,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::Housed),
                ..CaseQuery::default()
            },
        )
        .await
        .unwrap();
    let case = list
        .items
        .first()
        .expect("the demo sponsor group has no family housed")
        .case_number
        .clone();
    let file: serde_json::Value = app.case(&op, &case).await.unwrap();
    app.transition(
        &op,
        &case,
        &TransitionRequest {
            reason: "integration support begins".into(),
            provider: provider.organisation.clone(),
            ..TransitionRequest::to(
                resettle_domain::case::CaseState::IntegrationSupport,
                file["version"].as_i64().unwrap(),
            )
        },
    )
    .await
    .unwrap();
    app.set_support_plan(
        &op,
        &case,
        &NewSupportPlan {
            provider: provider.organisation.clone().unwrap(),
            provider_kind: ProviderKind::Ngo,
            starts_on: None,
        },
    )
    .await
    .unwrap();
    clock.advance(time::Duration::days(213));
    let asked = app
        .checkin_form(&sponsor, &case)
        .await
        .unwrap()
        .expect("no check-in fell due");
    assert_eq!(asked.fallen_due, [3, 6], "{case}");
    (case, !asked.children.is_empty())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sponsor_records_a_check_in_and_the_support_provider_closes_the_task_it_opened() {
    for db in resettle_testkit::databases() {
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let moved = clock.clone();
        let s = serve_with(db, move |app| app.with_clock(moved)).await;
        let who = s.backend;
        let (case, children) = sponsored_family_in_support(&s.app, &clock).await;
        let op = Caller::operator();
        let before = s.app.support(&op, &case).await.unwrap();

        // The sponsor group opens its family from the work list, in Dutch.
        let wide = browser(1280).await;
        let c = &wide.client;
        sign_in(&s, &wide, "sponsor").await;
        c.goto(&format!("{}/support?lang=nl", s.base))
            .await
            .unwrap();
        assert!(
            text(c).await.contains("Werklijst begeleiding"),
            "{who}: no work list"
        );
        review(c, who, "support-work-list-nl").await;
        click(c, &format!("#supported a[href='/support/{case}']")).await;
        left(c, "/support").await;
        assert!(
            text_of(c, "h1").await.contains(&case),
            "{who}: not the family's page"
        );
        // A sponsor group records check-ins; tasks and contacts are the provider's.
        assert!(
            c.find(Locator::Css("form.close-task")).await.is_err()
                && c.find(Locator::Css("#contact-form")).await.is_err(),
            "{who}: a sponsor group is offered forms it may not use"
        );
        review(c, who, "support-family-nl").await;

        // A number of rooms that is no number: refused in Dutch naming the field, and
        // nothing is written.
        let path = format!("/support/{case}");
        // The 6-month check-in, gone over with the family.
        choose(c, "months", "6").await;
        type_into(c, "rooms", "drie").await;
        click(c, "[name='feeling'][value='2']").await;
        if children {
            // A home of its own, and the child out of school is the problem to flag;
            // without a child, the family still has no home of its own.
            click(c, "[name='own_home']").await;
        }
        submit(c, "Leg de check-in vast").await;
        let refused = text_of(c, "#problem-checkin").await;
        assert_eq!(
            refused,
            "De check-in is niet vastgelegd: Kamers (zonder keuken en badkamer): \u{201c}drie\u{201d} is geen geheel getal.",
            "{who}"
        );
        assert_eq!(
            c.find(Locator::Css("#refused-field"))
                .await
                .unwrap()
                .attr("name")
                .await
                .unwrap()
                .as_deref(),
            Some("rooms"),
            "{who}"
        );
        assert_eq!(
            value_of(c, "[name='rooms']").await,
            "drie",
            "{who}: what was typed is lost"
        );
        let after = s.app.support(&op, &case).await.unwrap();
        assert_eq!(
            (after.checkins.len(), after.tasks.len()),
            (before.checkins.len(), before.tasks.len()),
            "{who}: a refused check-in was written"
        );
        scroll_to(c, "checkin").await;
        review(c, who, "support-checkin-refused-nl").await;

        // Corrected: recorded, and the problem it flags is a task on the family's page
        // and on the work list.
        type_into(c, "rooms", "3").await;
        submit(c, "Leg de check-in vast").await;
        assert_eq!(status_line(c).await, "De check-in is vastgelegd.", "{who}");
        let (kind, words) = if children {
            ("child_not_in_school", "kind gaat niet naar school")
        } else {
            ("no_own_housing", "geen eigen woning")
        };
        assert!(
            text_of(c, "#tasks").await.contains(words),
            "{who}: no task on the family's page"
        );
        assert_eq!(c.current_url().await.unwrap().path(), path, "{who}");
        review(c, who, "support-checkin-recorded-nl").await;
        let task = s
            .app
            .support(&op, &case)
            .await
            .unwrap()
            .tasks
            .into_iter()
            .find(|t| t.kind == kind && t.closed_on.is_none())
            .unwrap_or_else(|| panic!("{who}: no open {kind} task"));
        c.goto(&format!("{}/support", s.base)).await.unwrap();
        assert!(
            text_of(c, &format!("#tasks tr[data-task='{}']", task.id))
                .await
                .contains(words),
            "{who}: the task is not on the work list"
        );
        review(c, who, "support-work-list-task-nl").await;

        // The support provider closes it, in English, with a note of what was done.
        let other = browser(1280).await;
        let p = &other.client;
        sign_in(&s, &other, "support-provider").await;
        p.goto(&format!("{}/support", s.base)).await.unwrap();
        click(p, &format!("#tasks tr[data-task='{}'] a", task.id)).await;
        left(p, "/support").await;
        let close = format!("#task-{} form button", task.id);
        click(p, &close).await;
        left(p, &path).await;
        assert_eq!(
            text_of(p, &format!("#problem-task-{}", task.id)).await,
            "The task was not closed: What was done: this is to be filled in.",
            "{who}"
        );
        review(p, who, "support-task-refused").await;
        let note = if children {
            "School place found; the child starts on Monday"
        } else {
            "Flat found with its own kitchen; the family moves in on Monday"
        };
        p.find(Locator::Css(&format!("#task-{} textarea", task.id)))
            .await
            .unwrap()
            .send_keys(note)
            .await
            .unwrap();
        click(p, &close).await;
        left(p, &format!("{path}/tasks/{}", task.id)).await;
        assert_eq!(status_line(p).await, "The task is closed.", "{who}");
        assert!(
            text_of(p, &format!("#task-{}", task.id))
                .await
                .contains(note),
            "{who}: the note is not shown"
        );
        scroll_to(p, "tasks").await;
        review(p, who, "support-task-closed").await;

        // The provider logs the visit and marks the first goal reached.
        type_into(p, "note", "Home visit: the new flat, and the school nearby").await;
        submit(p, "Log the contact").await;
        assert_eq!(status_line(p).await, "The contact is logged.", "{who}");
        assert!(
            text_of(p, "#contacts")
                .await
                .contains("home visit: Home visit"),
            "{who}: the contact is not shown"
        );
        click(p, "#goal-1 form button").await;
        left(p, &path).await;
        assert_eq!(status_line(p).await, "The goal is marked reached.", "{who}");
        assert!(
            text_of(p, "#goal-1").await.contains("reached on"),
            "{who}: the goal is not reached"
        );
        review(p, who, "support-goal-reached").await;
        let closed = s.app.support(&op, &case).await.unwrap();
        assert!(
            closed
                .tasks
                .iter()
                .any(|t| t.id == task.id && t.closed_on.is_some()),
            "{who}: the task is still open"
        );
    }
}
