use super::*;
use resettle_app::Caller;
use resettle_app::cases::{NewOutcomeRecord, TransitionRequest};

/// The row of a case on the placement page (a case number may start with a digit, so not
/// an `#id` selector).
fn row(number: &str) -> String {
    format!("tr[id='{number}']")
}

/// A reception officer's placements and follow-up, where what cannot be is refused: a
/// family confirmed into a full place needs a reason, which the plan then shows; a proposal
/// whose case moved on by hand shows as lapsed, without a confirm button; an outcome
/// recorded for an adult once due appears on the case page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reception_officer_cannot_overfill_a_place_or_confirm_a_lapsed_proposal() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let op = Caller::operator();
        sign_in(&s, &b, "reception-officer").await;
        c.goto(&format!("{}/placement", s.base)).await.unwrap();
        submit(c, "Propose places for the waiting families").await;
        // The fullest place, and a family proposed elsewhere that does not fit in it.
        let instance = s.app.placement_instance(&op, "BE").await.unwrap();
        let fullest = instance
            .places
            .iter()
            .min_by(|a, b| a.capacity["persons"].total_cmp(&b.capacity["persons"]))
            .unwrap();
        let (_, proposals) = s.app.proposals(&op, "BE").await.unwrap();
        let mut pick = None;
        for p in proposals.iter().filter(|p| p.place != fullest.id) {
            let case = s.app.case_full(&op, &p.case_number).await.unwrap();
            if case.members.len() as f64 > fullest.capacity["persons"] {
                pick = Some(p.case_number.clone());
                break;
            }
        }
        let number = pick.expect("a family larger than the fullest place's room");
        let field = |name: &str| format!("{} input[name='{name}']", row(&number));
        let confirm = format!("{} button[value='confirm']", row(&number));
        // The row says how many persons the place must hold, and its controls are named
        // for the family, so a screen reader does not hear twenty bare "Confirm" buttons.
        let size = s.app.case_full(&op, &number).await.unwrap().members.len();
        assert!(
            text_of(c, &row(&number))
                .await
                .contains(&format!("{size} persons")),
            "{}: no family size on the row of {number}",
            s.backend
        );
        let named = c
            .find(Locator::Css(&confirm))
            .await
            .unwrap()
            .attr("aria-label")
            .await
            .unwrap();
        assert_eq!(named.as_deref(), Some(format!("Confirm {number}").as_str()));
        let fill = |css: String, value: String| async move {
            let input = c.find(Locator::Css(&css)).await.unwrap();
            input.clear().await.unwrap();
            input.send_keys(&value).await.unwrap();
        };
        fill(field("place"), fullest.id.clone()).await;
        click(c, &confirm).await;
        left(c, "/placement").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        review(c, s.backend, "placement-over-capacity-refused").await;
        let why = text_of(c, &format!("{} #decide-error", row(&number))).await;
        assert!(
            why.starts_with(&format!("Not confirmed: {} holds ", fullest.id))
                && why.contains("say why the family goes there anyway"),
            "{}: the refusal is at the family's row, in words: {why}",
            s.backend
        );
        let still = s.app.proposal(&op, &number).await.unwrap().unwrap();
        assert_eq!(
            still.status, "proposed",
            "{}: a refusal changed the plan",
            s.backend
        );
        let kept = c
            .find(Locator::Css(&field("place")))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            kept.as_deref(),
            Some(fullest.id.as_str()),
            "{}: the place typed is kept",
            s.backend
        );
        fill(
            field("over_capacity_reason"),
            "joins her brother's family".into(),
        )
        .await;
        click(c, &confirm).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let shown = text_of(c, &row(&number)).await;
        assert!(
            shown.contains("over capacity: joins her brother's family"),
            "{}: the plan shows why the place went over: {shown}",
            s.backend
        );
        // A proposal whose case moves on by hand lapses.
        let mut moved = None;
        for p in proposals.iter().filter(|p| p.case_number != number) {
            let case = s.app.case_full(&op, &p.case_number).await.unwrap();
            if case
                .allowed_transitions
                .contains(&resettle_domain::case::CaseState::Withdrawn)
            {
                moved = Some(case);
                break;
            }
        }
        let moved = moved.expect("a proposed family that may still withdraw");
        s.app
            .transition(
                &op,
                &moved.case_number,
                &TransitionRequest {
                    reason: "the family withdrew".into(),
                    reason_code: Some("family_declined".into()),
                    ..TransitionRequest::to(
                        resettle_domain::case::CaseState::Withdrawn,
                        moved.version,
                    )
                },
            )
            .await
            .unwrap();
        c.goto(&format!("{}/placement#{}", s.base, moved.case_number))
            .await
            .unwrap();
        review(c, s.backend, "placement-lapsed").await;
        let lapsed = text_of(c, &row(&moved.case_number)).await;
        assert!(
            lapsed.contains("lapsed: the case changed since; propose again"),
            "{}: {lapsed}",
            s.backend
        );
        assert!(
            c.find(Locator::Css(&format!(
                "{} button[value='confirm']",
                row(&moved.case_number)
            )))
            .await
            .is_err(),
            "{}: a lapsed proposal offers no confirmation",
            s.backend
        );
        // An outcome recorded once due shows on the case page.
        let mut due = None;
        let mut settled = Vec::new();
        for state in ["housed", "integration_support", "in_reception"] {
            let query = resettle_app::cases::CaseQuery {
                state: Some(state.parse().unwrap()),
                per_page: Some(500),
                ..Default::default()
            };
            settled.extend(s.app.list_cases(&op, &query).await.unwrap().items);
        }
        for item in settled {
            let case = s.app.case_full(&op, &item.case_number).await.unwrap();
            let Some(arrived) = case
                .waiting
                .iter()
                .find(|w| w.state == resettle_domain::case::CaseState::Arrived)
            else {
                continue;
            };
            let at_12 = resettle_domain::calendar::add_months(arrived.entered_on, 12);
            let adult = case.members.iter().find(|m| m.is_working_age(at_12));
            if let Some(m) = adult.filter(|_| at_12 <= resettle_testkit::TODAY) {
                due = Some((case.case_number.clone(), m.member_no));
                break;
            }
        }
        let (case, member) = due.expect("a settled adult a year after arrival");
        s.app
            .record_outcome(
                &op,
                &case,
                &NewOutcomeRecord {
                    member_no: member,
                    months: 12,
                    employed: true,
                    recorded_on: None,
                },
            )
            .await
            .unwrap();
        c.goto(&format!("{}/cases/{case}", s.base)).await.unwrap();
        c.execute(
            "document.getElementById('outcomes').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "case-outcomes").await;
        let outcomes = text_of(c, "#outcomes").await;
        assert!(
            outcomes.contains(&format!(
                "member {member} at 12 months (recorded 23 November 2026): in work"
            )),
            "{}: {outcomes}",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}

/// The fair-share page's headline and its table agree (the report's plan at its given
/// 2.84 % once showed Belgium 8,821 above a row of 7,052), and a state code nobody defined
/// is refused on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fair_share_table_says_what_the_plan_says() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        c.goto(&format!("{}/fair-share", s.base)).await.unwrap();
        review(c, s.backend, "fair-share-form").await;
        c.execute(
            "document.getElementById('distribution').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "fair-share-agrees").await;
        let headline = text_of(c, "#state-total").await;
        let row = text_of(c, "#distribution tr.this-state").await;
        assert_eq!(headline, "8,821", "{}", s.backend);
        assert!(
            row.ends_with(" 8,821"),
            "{}: the table's row for Belgium is the plan's total: {row}",
            s.backend
        );
        assert!(
            text_of(c, "#key-heading + p")
                .await
                .contains("Belgium takes the plan's 8,821"),
            "{}",
            s.backend
        );
        type_into(c, "state", "ZZ").await;
        submit(c, "Compute").await;
        c.execute(
            "document.getElementById('plan-error').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "fair-share-unknown-state").await;
        let error = text_of(c, "#plan-error").await;
        assert!(
            error.starts_with("state: \"ZZ\" is not one of"),
            "{}: {error}",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
