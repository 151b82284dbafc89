use super::*;
use resettle_app::Caller;
use resettle_app::cases::CaseQuery;

/// Family unity (§3.4 of the Belgian report): a case officer's split decision opens a
/// reunification request for the member left behind, due within the profile's six months;
/// the officer records the relative's dependency and the proof of family ties offered (a
/// dependency beside "none" is refused, keeping what was ticked); a request waiting past
/// its due day shows as overdue on its case page and puts its case on the overdue list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_split_decision_opens_a_reunification_request_that_can_run_late() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let op = Caller::operator();
        // An interviewed family of several, which may be accepted in part.
        let interviewed = s
            .app
            .list_cases(
                &op,
                &CaseQuery {
                    state: Some(resettle_domain::case::CaseState::Interviewed),
                    per_page: Some(100),
                    ..CaseQuery::default()
                },
            )
            .await
            .unwrap();
        let mut pick = None;
        for item in &interviewed.items {
            let case = s.app.case_full(&op, &item.case_number).await.unwrap();
            if case.members.len() >= 2 && case.reunification.is_empty() {
                pick = Some(case);
                break;
            }
        }
        let case = pick.expect("an interviewed family of two or more");
        let number = case.case_number.clone();
        let left_behind = case.members.last().unwrap().member.full_name.clone();
        let keep: Vec<String> = case.members[..case.members.len() - 1]
            .iter()
            .map(|m| m.member.member_no.to_string())
            .collect();

        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases/{number}", s.base)).await.unwrap();
        assert!(
            c.find(Locator::Css("#reunification")).await.is_err(),
            "{}: no request before the decision",
            s.backend
        );
        click(c, "select[name='to'] option[value='accepted_in_part']").await;
        type_into(c, "reason", "one adult son not accepted: held at the exit").await;
        click(c, "details summary").await;
        type_into(c, "members", &keep.join(", ")).await;
        click_button(c, "Take the step").await;
        left(c, &format!("/cases/{number}")).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let table = text_of(c, "#reunification-requests").await;
        assert!(
            table.contains(&left_behind)
                && table.contains("requested")
                && table.contains("23 November 2026")
                && table.contains("25 May 2027")
                && table.contains("not recorded"),
            "{}: the request opened by the split decision: {table}",
            s.backend
        );

        // "none" beside a dependency cannot be: refused, nothing saved, ticks kept.
        click(c, "#ties-form-1 input[name='dependency'][value='none']").await;
        click(
            c,
            "#ties-form-1 input[name='dependency'][value='financial']",
        )
        .await;
        click(c, "#ties-form-1 input[name='evidence'][value='dna']").await;
        click(c, "#ties-form-1 button").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let refused = text_of(c, "#ties-error").await;
        assert!(
            refused.contains("Dependency") && refused.contains("cannot be chosen beside"),
            "{}: {refused}",
            s.backend
        );
        assert!(
            c.find(Locator::Css("#ties-form-1 input[value='dna']:checked"))
                .await
                .is_ok(),
            "{}: what was ticked stays",
            s.backend
        );
        scroll_to(c, "reunification").await;
        review(c, s.backend, "case-reunification-refused").await;
        let stored = s.app.case_full(&op, &number).await.unwrap();
        assert!(stored.reunification[0].request.dependency.is_empty());

        click(c, "#ties-form-1 input[name='dependency'][value='none']").await;
        click(
            c,
            "#ties-form-1 input[name='dependency'][value='emotional']",
        )
        .await;
        click(c, "#ties-form-1 input[name='evidence'][value='testimony']").await;
        click(c, "#ties-form-1 button").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            text_of(c, "#ties-saved").await.contains("request 1"),
            "{}: the page says it was saved",
            s.backend
        );
        let row = text_of(c, "#reunification-1").await;
        assert!(
            row.contains("financial, emotional") && row.contains("DNA test, testimony"),
            "{}: {row}",
            s.backend
        );
        scroll_to(c, "reunification").await;
        review(c, s.backend, "case-reunification").await;

        // A demo request still waiting past its due day: overdue on its page and listed.
        let mut late = None;
        for page in 1..=2 {
            let all = s
                .app
                .list_cases(
                    &op,
                    &CaseQuery {
                        page: Some(page),
                        per_page: Some(100),
                        ..CaseQuery::default()
                    },
                )
                .await
                .unwrap();
            for item in &all.items {
                let case = s.app.case_full(&op, &item.case_number).await.unwrap();
                if let Some(days) = case.reunification.iter().find_map(|r| r.days_overdue) {
                    late = Some((item.case_number.clone(), days));
                }
            }
        }
        let (late, days) = late.expect("a demo case late on its reunification request");
        c.goto(&format!("{}/cases/{late}", s.base)).await.unwrap();
        let overdue = text_of(c, "#overdue").await;
        assert!(
            overdue.contains("reunification of") && overdue.contains(&format!("{days} days over")),
            "{}: {overdue}",
            s.backend
        );
        scroll_to(c, "overdue").await;
        review(c, s.backend, "case-reunification-overdue").await;
        let listed = s
            .app
            .list_cases(
                &op,
                &CaseQuery {
                    overdue: Some(true),
                    per_page: Some(500),
                    ..CaseQuery::default()
                },
            )
            .await
            .unwrap();
        let item = listed
            .items
            .iter()
            .find(|i| i.case_number == late)
            .expect("the case is on the overdue list");
        // Listed by the worse of its delays.
        assert!(item.days_overdue >= Some(days), "{}", s.backend);
    }
}

/// Steps after arrival (§3.1, §4 of the Belgian report): a reception officer records a
/// family's asylum registration; a day before the arrival is refused and the form keeps
/// what was typed; the day taken shows with the days it took from arrival.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reception_officer_records_the_steps_after_arrival() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let op = Caller::operator();
        let received = s
            .app
            .list_cases(
                &op,
                &CaseQuery {
                    state: Some(resettle_domain::case::CaseState::InReception),
                    per_page: Some(1),
                    ..CaseQuery::default()
                },
            )
            .await
            .unwrap();
        let number = received.items[0].case_number.clone();
        let case = s.app.case_full(&op, &number).await.unwrap();
        let arrived = case.arrived_on.expect("a family in reception arrived");
        assert!(case.after_arrival.iter().all(|a| a.done_on.is_none()));
        sign_in(&s, &b, "reception-officer").await;
        c.goto(&format!("{}/cases/{number}", s.base)).await.unwrap();
        let table = text_of(c, "#after-arrival-steps").await;
        assert!(
            table.contains("asylum registration")
                && table.contains("refugee certificate issued")
                && table.contains("not yet"),
            "{}: {table}",
            s.backend
        );
        super::reception::type_day(c, "done_on", arrived - time::Duration::days(1)).await;
        click_button(c, "Record the step").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let refused = text_of(c, "#after-arrival-error").await;
        assert!(
            refused.contains("Done on") && refused.contains("arrived"),
            "{}: {refused}",
            s.backend
        );
        scroll_to(c, "after-arrival").await;
        review(c, s.backend, "case-after-arrival-refused").await;
        assert!(
            s.app.case_full(&op, &number).await.unwrap().after_arrival[0]
                .done_on
                .is_none()
        );
        let done = (arrived + time::Duration::days(5)).min(s.app.today());
        c.find(Locator::Css("[name='done_on']"))
            .await
            .unwrap()
            .clear()
            .await
            .unwrap();
        super::reception::type_day(c, "done_on", done).await;
        click_button(c, "Record the step").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            text_of(c, "#after-arrival-saved")
                .await
                .contains("asylum registration")
        );
        let days = (done - arrived).whole_days();
        let row = text_of(c, "#after-arrival-asylum_registration").await;
        assert!(row.contains(&format!("{days} day")), "{}: {row}", s.backend);
        scroll_to(c, "after-arrival").await;
        review(c, s.backend, "case-after-arrival").await;
    }
}
