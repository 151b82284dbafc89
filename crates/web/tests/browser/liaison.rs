use super::*;

/// Presses the button `label` of the submission form, which posts the form back to the
/// address it came from, and waits for the new page (the old form goes stale).
async fn post_back(c: &Client, label: &str) {
    let form = c.find(Locator::Css("form.submission")).await.unwrap();
    click_button(c, label).await;
    for _ in 0..100 {
        if form.text().await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no answer to {label:?}");
}

/// The full names typed into the form, member by member.
async fn members(c: &Client) -> Vec<String> {
    let mut names = Vec::new();
    for field in c
        .find_all(Locator::Css("fieldset.member input[name$='-full_name']"))
        .await
        .unwrap()
    {
        names.push(field.prop("value").await.unwrap().unwrap_or_default());
    }
    names
}

/// Whether the case `number` exists, asked of the app as the operator.
async fn exists(s: &Served, number: &str) -> bool {
    let q = resettle_app::cases::CaseQuery {
        q: Some(number.into()),
        ..Default::default()
    };
    s.app
        .list_cases(&resettle_app::Caller::operator(), &q)
        .await
        .unwrap()
        .total
        > 0
}

/// The case part of the form, as the demo's liaison (UNHCR in Türkiye) fills it.
async fn fill_the_case(c: &Client, number: &str) {
    type_into(c, "case_number", number).await;
    choose(c, "country_of_asylum", "TR").await;
    choose(c, "nationality", "SY").await;
    choose(c, "priority", "normal").await;
    choose(c, "channel", "mission").await;
    choose(c, "primary_category", "legal_physical_protection").await;
    click(c, "input[name='categories'][value='children_at_risk']").await;
}

/// A UNHCR liaison's day: the case typed into the form, members added and removed by
/// posting the form back, a refusal that keeps everything typed and names the field, the
/// case submitted and found among the office's submissions; then the same in Dutch, and
/// a role without the permission is refused the form and a forged post of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_liaison_submits_a_case_and_follows_the_office_s_submissions() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let backend = s.backend;
        sign_in(&s, &b, "unhcr-liaison").await;
        c.find(Locator::LinkText("Submit a case"))
            .await
            .expect("a Submit a case link in the navigation")
            .click()
            .await
            .unwrap();
        left(c, "/cases").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/cases/new");
        review(c, backend, "submission-form").await;
        assert_eq!(
            value_of(c, "[name='submitted_on']").await,
            "2026-11-23",
            "{backend}: submitted today unless said otherwise"
        );
        let number = "TUR-26C19999";
        fill_the_case(c, number).await;
        type_into(c, "member-0-full_name", "Amal Haddad").await;
        set_date(c, "member-0-date_of_birth", "1985-03-03").await;
        choose(c, "member-0-sex", "female").await;
        click(c, "input[name='member-0-languages'][value='ar']").await;

        // Two members added: the form comes back each time with a row more, all kept.
        post_back(c, "Add a member").await;
        type_into(c, "member-1-full_name", "Omar Haddad").await;
        post_back(c, "Add a member").await;
        assert_eq!(
            members(c).await,
            ["Amal Haddad", "Omar Haddad", ""],
            "{backend}"
        );
        assert_eq!(
            value_of(c, "[name='case_number']").await,
            number,
            "{backend}"
        );
        assert_eq!(value_of(c, "[name='nationality']").await, "SY", "{backend}");
        assert_eq!(
            value_of(c, "[name='member-0-date_of_birth']").await,
            "1985-03-03",
            "{backend}"
        );
        assert!(
            checked(c, "input[name='member-0-languages'][value='ar']").await,
            "{backend}"
        );
        assert!(
            checked(c, "input[name='categories'][value='children_at_risk']").await,
            "{backend}"
        );
        review(c, backend, "submission-three-members").await;

        // One removed: the rows after it move up.
        post_back(c, "Remove member 2").await;
        assert_eq!(members(c).await, ["Amal Haddad", ""], "{backend}");

        // Submitted without the second member's name: refused, the reason names the
        // field in words, everything typed is kept, nothing is saved.
        set_date(c, "member-1-date_of_birth", "2014-06-01").await;
        choose(c, "member-1-sex", "female").await;
        choose(c, "member-1-relationship", "child").await;
        post_back(c, "Submit the case").await;
        review(c, backend, "submission-refused").await;
        let problem = text_of(c, "#submit-problem").await;
        assert_eq!(
            problem,
            "Not submitted, nothing was saved: member 2, Full name: this is to be filled in.",
            "{backend}"
        );
        let marked = c
            .find(Locator::Css("[aria-invalid='true']"))
            .await
            .expect("the field refused is marked")
            .attr("name")
            .await
            .unwrap();
        assert_eq!(marked.as_deref(), Some("member-1-full_name"), "{backend}");
        c.find(Locator::LinkText("member 2, Full name"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let focused = c
            .execute("return document.activeElement.name", Vec::new())
            .await
            .unwrap();
        assert_eq!(
            focused, "member-1-full_name",
            "{backend}: the link leads to the field"
        );
        review(c, backend, "submission-refused-field").await;
        assert_eq!(members(c).await, ["Amal Haddad", ""], "{backend}");
        assert_eq!(
            value_of(c, "[name='case_number']").await,
            number,
            "{backend}"
        );
        assert_eq!(
            value_of(c, "[name='country_of_asylum']").await,
            "TR",
            "{backend}"
        );
        assert_eq!(
            value_of(c, "[name='member-1-date_of_birth']").await,
            "2014-06-01",
            "{backend}"
        );
        assert_eq!(
            value_of(c, "[name='member-1-relationship']").await,
            "child",
            "{backend}"
        );
        assert!(
            checked(c, "input[name='member-0-languages'][value='ar']").await,
            "{backend}"
        );
        assert!(!exists(&s, number).await, "{backend}: nothing was saved");

        // Corrected and submitted: the new case, with a line saying so.
        type_into(c, "member-1-full_name", "Sara Haddad").await;
        click_button(c, "Submit the case").await;
        left(c, "/cases/new").await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            format!("/cases/{number}"),
            "{backend}"
        );
        review(c, backend, "submission-done").await;
        assert_eq!(
            text_of(c, "#submitted").await,
            format!("Case {number} submitted. It waits for assessment by the case officers."),
            "{backend}"
        );
        let family = text_of(c, "#members").await;
        assert!(
            family.contains("Sara Haddad") && family.contains("principal applicant"),
            "{backend}: {family}"
        );
        assert_worded(c, backend, &ENGLISH, &["Syria", "Türkiye"]).await;

        // Among the office's own submissions, newest first, its state in words.
        c.find(Locator::LinkText("Our submissions"))
            .await
            .expect("an Our submissions link in the navigation")
            .click()
            .await
            .unwrap();
        left(c, &format!("/cases/{number}")).await;
        review(c, backend, "our-submissions").await;
        assert_eq!(text_of(c, "h1").await, "Our submissions", "{backend}");
        let row = c
            .find(Locator::XPath(&format!(
                "//table[@id='cases']//tr[td/a[text()='{number}']]"
            )))
            .await
            .unwrap_or_else(|e| panic!("{backend}: {number} not among the submissions: {e}"))
            .text()
            .await
            .unwrap();
        assert!(
            row.contains("23 November 2026") && row.contains("submitted"),
            "{backend}: {row}"
        );
        let days = texts_of(c, "#cases tbody td:nth-child(2)").await;
        assert_eq!(days[0], "23 November 2026", "{backend}: newest first");
        assert_worded(c, backend, &ENGLISH, &["Our submissions"]).await;

        // The same day in Dutch: the form, the success line and the list in its words.
        c.find(Locator::LinkText("Nederlands"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.find(Locator::LinkText("Dossier voordragen"))
            .await
            .expect("the form in the Dutch navigation")
            .click()
            .await
            .unwrap();
        left(c, "/cases").await;
        review(c, backend, "submission-form-nl").await;
        let dutch_number = "TUR-26C19998";
        fill_the_case(c, dutch_number).await;
        type_into(c, "member-0-full_name", "Hadi Saleh").await;
        set_date(c, "member-0-date_of_birth", "1979-01-15").await;
        choose(c, "member-0-sex", "male").await;
        post_back(c, "Dossier voordragen").await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            format!("/cases/{dutch_number}"),
            "{backend}: {}",
            text_of(c, "#submit-problem").await
        );
        review(c, backend, "submission-done-nl").await;
        let dutch = Words {
            code: "nl",
            name: "Nederlands",
            sign_in: "Aanmelden",
            next: "Doorgaan",
            sign_out: "Afmelden",
        };
        assert_worded(
            c,
            backend,
            &dutch,
            &[
                &format!("Dossier {dutch_number} voorgedragen."),
                "hoofdaanvrager",
                "Syrië",
            ],
        )
        .await;
        c.find(Locator::LinkText("Onze voordrachten"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        left(c, &format!("/cases/{dutch_number}")).await;
        review(c, backend, "our-submissions-nl").await;
        assert_worded(
            c,
            backend,
            &dutch,
            &["Onze voordrachten", "Voorgedragen op", "voorgedragen"],
        )
        .await;
        assert!(
            text(c).await.contains(dutch_number),
            "{backend}: the Dutch submission is listed"
        );
        click_button(c, dutch.sign_out).await;
        left(c, "/cases").await;

        // A reception officer may not submit: no link, the form refused, and a forged post
        // of it (with the officer's own CSRF token) refused with nothing saved.
        c.goto(&format!("{}/login?lang=en", s.base)).await.unwrap();
        sign_in_on_this_page(&s, &b, "reception-officer", &ENGLISH).await;
        assert!(
            c.find(Locator::LinkText("Submit a case")).await.is_err(),
            "{backend}: no form link for a reception officer"
        );
        c.goto(&format!("{}/cases/new", s.base)).await.unwrap();
        review(c, backend, "submission-refused-role").await;
        assert_eq!(
            text_of(c, "#error-detail").await,
            "Your roles (reception officer) do not allow submitting cases for UNHCR.",
            "{backend}"
        );
        assert!(c.find(Locator::Css("form.submission")).await.is_err());
        assert_worded(c, backend, &ENGLISH, &["Not allowed"]).await;
        let status = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const body = new URLSearchParams({
                   csrf: document.querySelector(\"input[name='csrf']\").value,
                   case_number: 'TUR-26C19997', programme: 'BE', country_of_asylum: 'TR',
                   nationality: 'SY', primary_category: 'medical_needs', priority: 'normal',
                   channel: 'mission', submitted_on: '2026-11-20',
                   'member-0-full_name': 'Forged Person', 'member-0-date_of_birth': '1990-01-01',
                   'member-0-sex': 'male', 'member-0-relationship': 'principal_applicant',
                   action: 'submit' });
                 fetch('/cases/new', { method: 'POST', body }).then(r => done(r.status));",
                Vec::new(),
            )
            .await
            .unwrap();
        assert_eq!(status, 403, "{backend}");
        assert!(
            !exists(&s, "TUR-26C19997").await,
            "{backend}: the refusal saved nothing"
        );
        b.client.clone().close().await.unwrap();
    }
}
