use resettle_app::Caller;
use resettle_app::cases::CaseQuery;

use super::*;

/// Waits until the page shows the element `css` (the answer to a form posted to the URL
/// the browser is already at).
async fn shown(c: &Client, css: &str) {
    for _ in 0..100 {
        if c.find(Locator::Css(css)).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no {css} on the page");
}

/// Ticks or unticks the checkbox `css`, as a person clicks it.
async fn tick(c: &Client, css: &str, on: bool) {
    if checked(c, css).await != on {
        click(c, css).await;
    }
}

/// A family of the demo with a medical need and at least two members, and its first
/// member with a record: (case number, member number, member's name).
async fn medical_case(s: &Served) -> (String, u32, String) {
    let op = Caller::operator();
    let list = s
        .app
        .list_cases(
            &op,
            &CaseQuery {
                category: Some(resettle_domain::case::SubmissionCategory::MedicalNeeds),
                per_page: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let case = list
        .items
        .iter()
        .find(|c| c.family_size >= 2)
        .expect("a family with a medical need in the demo");
    let n = case.case_number.clone();
    let member_no = s.app.medical_records(&op, &n).await.unwrap()[0].member_no;
    let members = s.app.case(&op, &n).await.unwrap()["members"].clone();
    let name = members
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["member_no"] == member_no)
        .unwrap()["full_name"]
        .as_str()
        .unwrap()
        .to_string();
    (n, member_no, name)
}

/// A medical officer's day: from a case's family to one member's medical record; a save
/// refused (a condition too long, said in Dutch) keeps what was typed; a save taken shows
/// the status line and the record as stored, which a reload keeps. A case officer on the
/// same case sees the care needs but never the diagnosis, nor the form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_medical_officer_records_a_members_condition_and_a_case_officer_cannot_read_it() {
    const CONDITION: &str = "Type 1 diabetes; insulin pump since 2025, supplies for 3 months";
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let (n, member_no, name) = medical_case(&s).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "medical-officer").await;
        c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
        c.execute(
            "document.getElementById('medical-record').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, who, "medical-case").await;
        let rows = c.find_all(Locator::Css("#medical tbody tr")).await.unwrap();
        let family = c.find_all(Locator::Css("#members tbody tr")).await.unwrap();
        assert_eq!(
            rows.len(),
            family.len(),
            "{who}: every member has a line in the medical record, with a record or not"
        );
        let before = text_of(c, &format!("#medical-{member_no}")).await;
        click(c, &format!("#medical-{member_no} a")).await;
        left(c, &format!("/cases/{n}")).await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            format!("/cases/{n}/medical/{member_no}")
        );
        review(c, who, "medical-record").await;
        c.execute(
            "document.querySelector('form.medical button').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, who, "medical-record-choices").await;
        let stored = value_of(c, "textarea[name='condition']").await;
        assert!(
            !stored.is_empty() && before.contains(&stored),
            "{who}: the form opens on the record as stored: {stored:?} in {before:?}"
        );

        // Refused, in Dutch: a pasted note over 2,000 characters. What was typed stays.
        c.find(Locator::LinkText("Nederlands"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        shown(c, "html[lang='nl']").await;
        let long = format!("{CONDITION}.{}", " Controle elke week.".repeat(100));
        type_into(c, "condition", &long).await;
        tick(
            c,
            "input[name='care_needs'][value='wheelchair_access']",
            true,
        )
        .await;
        click(c, "input[name='fit_to_travel'][value='no']").await;
        submit(c, "Medisch dossier opslaan").await;
        shown(c, "#medical-error").await;
        review(c, who, "medical-record-refused-nl").await;
        let error = text_of(c, "#medical-error").await;
        let chars = long.chars().count();
        let dutch = format!("{}.{:03}", chars / 1000, chars % 1000);
        assert!(
            error.contains("Niet opgeslagen")
                && error.contains(&format!(
                    "Aandoening: hoogstens 2.000 tekens; dit heeft er {dutch}."
                )),
            "{who}: the refusal says why, in Dutch: {error}"
        );
        assert_eq!(
            value_of(c, "textarea[name='condition']").await,
            long,
            "{who}"
        );
        assert!(
            checked(c, "input[name='care_needs'][value='wheelchair_access']").await
                && checked(c, "input[name='fit_to_travel'][value='no']").await,
            "{who}: the choices made stay"
        );
        assert_eq!(
            s.app
                .medical_records(&Caller::operator(), &n)
                .await
                .unwrap()
                .iter()
                .find(|r| r.member_no == member_no)
                .unwrap()
                .condition,
            stored,
            "{who}: a refused save changes nothing"
        );

        // Saved, in English: the status line, then the record as stored.
        c.find(Locator::LinkText("English"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        shown(c, "html[lang='en']").await;
        type_into(c, "condition", CONDITION).await;
        for need in [
            "wheelchair_access",
            "specialised_hospital_care",
            "mental_health_support",
        ] {
            tick(
                c,
                &format!("input[name='care_needs'][value='{need}']"),
                false,
            )
            .await;
        }
        tick(
            c,
            "input[name='care_needs'][value='regular_treatment']",
            true,
        )
        .await;
        tick(c, "input[name='consent_to_share']", true).await;
        click(c, "input[name='fit_to_travel'][value='yes']").await;
        submit(c, "Save the medical record").await;
        assert_eq!(c.current_url().await.unwrap().path(), format!("/cases/{n}"));
        review(c, who, "medical-saved").await;
        assert_eq!(
            text_of(c, "#medical-saved").await,
            format!("Medical record of {name} saved."),
            "{who}"
        );
        let expected = [CONDITION, "regular treatment", "yes", "fit to travel"];
        c.refresh().await.unwrap();
        let row = text_of(c, &format!("#medical-{member_no}")).await;
        for word in expected {
            assert!(
                row.contains(word),
                "{who}: after a reload, no {word:?} in {row}"
            );
        }
        assert!(!row.contains("not fit"), "{who}: {row}");
        click(c, &format!("#medical-{member_no} a")).await;
        left(c, &format!("/cases/{n}")).await;
        assert_eq!(value_of(c, "textarea[name='condition']").await, CONDITION);
        assert!(
            checked(c, "input[name='care_needs'][value='regular_treatment']").await
                && !checked(c, "input[name='care_needs'][value='wheelchair_access']").await
                && checked(c, "input[name='consent_to_share']").await
                && checked(c, "input[name='fit_to_travel'][value='yes']").await,
            "{who}: the form opens on what was saved"
        );
        click_button(c, "Sign out").await;
        left(c, &format!("/cases/{n}/medical/{member_no}")).await;

        // A case officer sees the care needs the medical officer derived, not the diagnosis.
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
        let page = text(c).await;
        assert!(
            !page.contains(CONDITION) && !page.contains("Type 1 diabetes"),
            "{who}: a case officer reads the diagnosis"
        );
        assert!(
            c.find(Locator::Css("#medical")).await.is_err(),
            "{who}: a case officer gets the medical record"
        );
        assert!(
            page.contains("regular treatment"),
            "{who}: the care needs are for the case officer to see"
        );
        c.goto(&format!("{}/cases/{n}/medical/{member_no}", s.base))
            .await
            .unwrap();
        review(c, who, "medical-record-case-officer").await;
        let page = text(c).await;
        assert!(
            !page.contains(CONDITION) && c.find(Locator::Css("textarea")).await.is_err(),
            "{who}: a case officer gets the form: {page:.400}"
        );
        assert!(
            page.contains("Not allowed"),
            "{who}: the page says so: {page:.400}"
        );
        b.client.clone().close().await.unwrap();
    }
}
