//! Reasons from the policy profile's lists, in the reader's language: a case officer
//! reading French records a departure date that moved, choosing why from the profile's slip
//! list; the page words the reason with the profile's French label beside the officer's own
//! words, and the timeline of a demo case words its slips the same way. A reception officer
//! reading Dutch steps a family whose sponsorship broke down back into reception, choosing
//! why from the breakdown list.
use resettle_app::Caller;
use resettle_app::cases::CaseQuery;
use resettle_domain::case::PromiseKind;
use resettle_domain::reception::PlaceKind;

use super::*;

/// A demo case with a departure date told to the family, still waiting to travel.
async fn scheduled_case(s: &Served) -> String {
    let op = Caller::operator();
    let list = s
        .app
        .list_cases(
            &op,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::DepartureScheduled),
                per_page: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for item in &list.items {
        let case = s.app.case_full(&op, &item.case_number).await.unwrap();
        if case
            .promises
            .iter()
            .any(|p| p.kind == PromiseKind::Departure)
        {
            return item.case_number.clone();
        }
    }
    panic!("{}: no demo case with a departure date", s.backend);
}

/// A demo case whose departure was called off, with its slip reason on the step.
async fn called_off_case(s: &Served) -> (String, String) {
    let op = Caller::operator();
    for state in ["pre_departure", "departure_scheduled", "arrived", "housed"] {
        let list = s
            .app
            .list_cases(
                &op,
                &CaseQuery {
                    state: Some(state.parse().unwrap()),
                    per_page: Some(100),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        for item in &list.items {
            let events = s.app.case_events(&op, &item.case_number).await.unwrap();
            if let Some(code) = events
                .iter()
                .find(|e| e.to.as_str() == "pre_departure" && e.reason_code.is_some())
                .and_then(|e| e.reason_code.clone())
            {
                return (item.case_number.clone(), code);
            }
        }
    }
    panic!("{}: no demo case whose departure was called off", s.backend);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_records_a_slip_with_a_reason_of_the_profile_in_french() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        c.find(Locator::LinkText(FRENCH.name))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        sign_in_on_this_page(&s, &b, "case-officer", &FRENCH).await;
        let number = scheduled_case(&s).await;
        let path = format!("/cases/{number}");
        c.goto(&format!("{}{path}", s.base)).await.unwrap();
        // The slip list is offered in the profile's French labels.
        let offered = texts_of(c, "#promise-form select[name='reason_code'] option").await;
        assert!(
            offered.contains(&"aucun vol disponible à la date prévue".to_string())
                && offered.contains(&"autre raison".to_string()),
            "{}: {offered:?}",
            s.backend
        );
        // A new date without a reason from the list: refused, what was typed kept.
        click(
            c,
            "#promise-form select[name='kind'] option[value='departure']",
        )
        .await;
        super::reception::type_day(c, "promised_date", time::macros::date!(2027 - 01 - 15)).await;
        let words = "plus de places sur le vol affrété";
        c.find(Locator::Css("#promise-form input[name='reason']"))
            .await
            .unwrap()
            .send_keys(words)
            .await
            .unwrap();
        click_button(c, "Enregistrer la date").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        review(c, s.backend, "promise-refused-fr").await;
        let refusal = text_of(c, "#promise-error").await;
        assert!(
            refusal.contains("Si elle remplace une date : pourquoi celle-ci a changé : choisissez parmi : visa ou documents de voyage pas encore délivrés")
                && !refusal.contains('_'),
            "{}: the refusal names the field by its label: {refusal}",
            s.backend
        );
        assert_eq!(
            value_of(c, "#promise-form input[name='reason']").await,
            words,
            "{}: the words typed are kept",
            s.backend
        );
        click(
            c,
            "#promise-form select[name='reason_code'] option[value='flight_availability']",
        )
        .await;
        submit(c, "Enregistrer la date").await;
        review(c, s.backend, "promise-recorded-fr").await;
        assert!(
            text_of(c, "#promise-done").await.contains("départ"),
            "{}: the page says the date was recorded",
            s.backend
        );
        let promises = text_of(c, "#promise-list").await;
        assert!(
            promises.contains(&format!(
                "reportée : aucun vol disponible à la date prévue — {words}"
            )),
            "{}: the slip reads as the profile's French label beside the words: {promises}",
            s.backend
        );
        assert!(!promises.contains("flight_availability"), "{promises}");

        // A demo case whose departure was called off words the reason on its timeline.
        let (called_off, code) = called_off_case(&s).await;
        c.goto(&format!("{}/cases/{called_off}", s.base))
            .await
            .unwrap();
        c.execute(
            "document.getElementById('timeline').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "timeline-slip-fr").await;
        let history = text_of(c, "#timeline").await;
        let profile = resettle_app::policies::named("belgium").unwrap();
        let label = profile
            .label(
                resettle_domain::policy::NameList::Reason(
                    resettle_domain::policy::ReasonList::Slip,
                ),
                &code,
                "fr",
            )
            .unwrap();
        assert!(
            history.contains(label) && !history.contains("_"),
            "{}: the slip {code} reads as {label:?}: {history}",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}

/// A demo family that arrived, housed by the first sponsor group (set up as its reception
/// officer would, through the application): the family whose sponsorship will break down.
/// Returns its number and an LOI with room for it.
async fn sponsored_case(s: &Served) -> (String, String) {
    let op = Caller::operator();
    let list = s
        .app
        .list_cases(
            &op,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::Arrived),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let number = list.items[0].case_number.clone();
    let case = s.app.case_full(&op, &number).await.unwrap();
    let group = s.app.sponsor_groups(&op).await.unwrap()[0]
        .group
        .name
        .clone();
    s.app
        .transition(
            &op,
            &number,
            &resettle_app::cases::TransitionRequest {
                sponsor_group: Some(group),
                address: Some("Kerkstraat 2, 9000 Gent".into()),
                ..resettle_app::cases::TransitionRequest::to(
                    resettle_domain::case::CaseState::Housed,
                    case.version,
                )
            },
        )
        .await
        .unwrap();
    let persons = case.members.len() as i64;
    let loi = s
        .app
        .reception_day(&op, "BE", None, None)
        .await
        .unwrap()
        .places
        .into_iter()
        .find(|p| p.kind == PlaceKind::Loi && p.occupied_persons + persons <= p.capacity_persons)
        .unwrap()
        .code;
    (number, loi)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reception_officer_steps_a_sponsored_family_back_choosing_why_in_dutch() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let (number, loi) = sponsored_case(&s).await;
        let b = browser(1280).await;
        let c = &b.client;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        c.find(Locator::LinkText(DUTCH.name))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        sign_in_on_this_page(&s, &b, "reception-officer", &DUTCH).await;
        c.goto(&format!("{}/cases/{number}", s.base)).await.unwrap();
        // The breakdown list is offered under its own heading, in the profile's Dutch labels.
        let heading = c
            .find(Locator::Css(
                "form.step select[name='reason_code'] optgroup",
            ))
            .await
            .unwrap()
            .attr("label")
            .await
            .unwrap();
        assert_eq!(
            heading.as_deref(),
            Some("Waarom de sponsoring misliep"),
            "{}",
            s.backend
        );
        let offered = texts_of(c, "form.step select[name='reason_code'] option").await;
        assert!(
            offered.contains(&"de sponsorgroep is ontbonden".to_string())
                && offered.contains(&"andere reden".to_string()),
            "{}: {offered:?}",
            s.backend
        );
        super::reception::choose_step(c, "in_reception").await;
        let words = "twee leden van de groep zijn verhuisd";
        type_into(c, "reason", words).await;
        type_into(c, "reception_place", &loi).await;
        // Words without a reason from the list: refused, what was typed kept.
        click_button(c, "Stap zetten").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        review(c, s.backend, "step-back-refused-nl").await;
        let refusal = text_of(c, "#step-error").await;
        assert!(
            refusal.contains("Reden uit de lijst")
                && refusal.contains("de sponsorgroep is ontbonden")
                && !refusal.contains('_'),
            "{}: the refusal names the field and the reasons allowed in Dutch: {refusal}",
            s.backend
        );
        assert_eq!(
            value_of(c, "form.step input[name='reason']").await,
            words,
            "{}: the words typed are kept",
            s.backend
        );
        let op = Caller::operator();
        assert_eq!(
            s.app.case_full(&op, &number).await.unwrap().state.as_str(),
            "housed",
            "{}: nothing was recorded",
            s.backend
        );
        click(
            c,
            "form.step select[name='reason_code'] option[value='group_dissolved']",
        )
        .await;
        submit(c, "Stap zetten").await;
        review(c, s.backend, "step-back-nl").await;
        assert!(
            text_of(c, "#step-done").await.starts_with("Stap gezet"),
            "{}: {}",
            s.backend,
            text_of(c, "#step-error").await
        );
        let events = s.app.case_events(&op, &number).await.unwrap();
        let last = events.last().unwrap();
        assert_eq!(
            (last.to.as_str(), last.reason_code.as_deref()),
            ("in_reception", Some("group_dissolved")),
            "{}",
            s.backend
        );
        // The timeline words the reason by its Dutch label beside the officer's words.
        let steps = texts_of(c, "#timeline > li:not(.stay)").await;
        let history = steps.last().cloned().unwrap_or_default();
        assert!(
            history.contains(&format!("de sponsorgroep is ontbonden ({words})"))
                && !history.contains("group_dissolved"),
            "{}: {history}",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
