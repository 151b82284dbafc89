use super::*;

/// A case officer chooses a language with the switcher, signs in, and reads the case
/// list and a case in words of that language: no state, category or relationship code
/// and no country code is visible.
async fn a_case_officer_reads_cases_in(words: &Words, case_list: &[&str], case: &[&str]) {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        c.find(Locator::LinkText(words.name))
            .await
            .unwrap_or_else(|e| panic!("no switcher link {}: {e}", words.name))
            .click()
            .await
            .unwrap();
        sign_in_on_this_page(&s, &b, "case-officer", words).await;
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        review(c, s.backend, &format!("cases-{}", words.code)).await;
        assert_worded(c, s.backend, words, case_list).await;
        for cell in c
            .find_all(Locator::Css("#cases tbody td:nth-child(4)"))
            .await
            .unwrap()
        {
            let nationality = cell.text().await.unwrap();
            assert!(
                nationality.len() > 2,
                "{}: a nationality shown as a code: {nationality}",
                s.backend
            );
        }
        c.find(Locator::Css("main table a[href^='/cases/']"))
            .await
            .expect("a case in the list")
            .click()
            .await
            .unwrap();
        left(c, "/cases").await;
        review(c, s.backend, &format!("case-{}", words.code)).await;
        c.execute(
            "document.getElementById('members').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, &format!("case-family-{}", words.code)).await;
        assert_worded(c, s.backend, words, case).await;
        click_button(c, words.sign_out).await;
        b.client.clone().close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_reads_the_cases_in_dutch() {
    a_case_officer_reads_cases_in(
        &DUTCH,
        &[
            "Dossiers",
            "Nationaliteit",
            "Dagen in status",
            "dossiers die u mag zien",
        ],
        &[
            "land van eerste asiel",
            "hoofdaanvrager",
            "Gezin",
            "Volgende stap",
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_reads_the_cases_in_french() {
    a_case_officer_reads_cases_in(
        &FRENCH,
        &[
            "Dossiers",
            "Nationalité",
            "Jours dans l'état",
            "dossiers que vous pouvez voir",
        ],
        &[
            "pays de premier asile",
            "demandeur principal",
            "Famille",
            "Étape suivante",
        ],
    )
    .await;
}

/// Words an English sentence uses and neither a Dutch nor a French one does: a refusal
/// showing any of them fell back to English.
const ENGLISH_WORDS: &[&str] = &[
    " the ",
    " must ",
    " say ",
    " cannot ",
    " which ",
    " given",
    " after today",
    " before ",
    " choose ",
    " allowed",
    "reason",
    " not ",
];

/// Signs `user` in through the switcher of `words`' language, in a new browser.
async fn signed_in_in(s: &Served, words: &Words, user: &str) -> Browser {
    let b = browser(1280).await;
    b.client.goto(&format!("{}/login", s.base)).await.unwrap();
    b.client
        .find(Locator::LinkText(words.name))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    sign_in_on_this_page(s, &b, user, words).await;
    b
}

/// Switches the page the browser is on to `words`' language with the switcher (the choice
/// sticks with the user), unless it is in it already.
async fn switch_to(c: &Client, words: &Words) {
    let lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    if lang.as_deref() == Some(words.code) {
        return;
    }
    let before = c.current_url().await.unwrap();
    c.find(Locator::LinkText(words.name))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for _ in 0..100 {
        let now = c.find(Locator::Css("html")).await.ok();
        if let Some(html) = now
            && html.attr("lang").await.ok().flatten().as_deref() == Some(words.code)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{before}: the page did not switch to {}", words.code);
}

/// Clicks `button` and waits for the refusal `css` to show, then checks it is in `words`'
/// language: the page's language, no code and no English sentence.
async fn refused_in(c: &Client, s: &Served, words: &Words, button: &str, css: &str, page: &str) {
    click(c, button).await;
    for _ in 0..100 {
        if c.find(Locator::Css(css)).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    review(c, s.backend, &format!("{page}-refused-{}", words.code)).await;
    let lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    let refusal = text_of(c, css).await;
    assert!(
        lang.as_deref() == Some(words.code) && !refusal.is_empty(),
        "{}: {page} in {}: no refusal shown ({lang:?})",
        s.backend,
        words.code
    );
    let english: Vec<&&str> = ENGLISH_WORDS
        .iter()
        .filter(|w| refusal.contains(**w))
        .collect();
    assert!(
        english.is_empty() && !refusal.contains('_'),
        "{}: the {page} refusal in {} holds English {english:?} or a code: {refusal}",
        s.backend,
        words.code
    );
}

/// A refusal on each form — the step form, the promise form, the submission form, the
/// medical form and the pledges form — reads in Dutch and in French: the field by the
/// form's label, the reason by its kind, the values it names in the reader's words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_on_every_form_reads_in_dutch_and_in_french() {
    use resettle_app::Caller;
    use resettle_app::cases::CaseQuery;
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let op = Caller::operator();
        let first = |state: Option<&'static str>, category: Option<&'static str>| {
            let app = s.app.clone();
            let op = op.clone();
            async move {
                let q = CaseQuery {
                    state: state.map(|s| s.parse().unwrap()),
                    category: category.map(|c| c.parse().unwrap()),
                    per_page: Some(100),
                    ..Default::default()
                };
                app.list_cases(&op, &q).await.unwrap().items
            }
        };
        let reviewing = first(Some("dossier_review"), None).await[0]
            .case_number
            .clone();
        let mut scheduled = None;
        for item in first(Some("departure_scheduled"), None).await {
            let case = s.app.case_full(&op, &item.case_number).await.unwrap();
            if case.promises.iter().any(|p| p.kind.as_str() == "departure") {
                scheduled = Some(item.case_number);
                break;
            }
        }
        let scheduled = scheduled.expect("a case with a departure date");
        let medical = first(None, Some("medical_needs")).await[0]
            .case_number
            .clone();
        // Each user signs in once (a one-time code is good once), in Dutch, then reads the
        // same refusal in French after switching.
        let both = [&DUTCH, &FRENCH];
        let b = signed_in_in(&s, &DUTCH, "case-officer").await;
        let c = &b.client;
        for words in both {
            // The step form: a deferral without its reason from the profile's list.
            c.goto(&format!("{}/cases/{reviewing}", s.base))
                .await
                .unwrap();
            switch_to(c, words).await;
            click(c, "select[name='to'] option[value='deferred']").await;
            type_into(c, "reason", "UNHCR").await;
            refused_in(
                c,
                &s,
                words,
                "form[action*='/step'] button",
                "#step-error",
                "step",
            )
            .await;
            // The promise form: a new departure date without its slip reason.
            c.goto(&format!("{}/cases/{scheduled}", s.base))
                .await
                .unwrap();
            click(
                c,
                "#promise-form select[name='kind'] option[value='departure']",
            )
            .await;
            super::reception::type_day(c, "promised_date", time::macros::date!(2027 - 01 - 15))
                .await;
            refused_in(
                c,
                &s,
                words,
                "#promise-form button",
                "#promise-error",
                "promise",
            )
            .await;
        }
        b.client.clone().close().await.unwrap();

        // The submission form, sent empty.
        let b = signed_in_in(&s, &DUTCH, "unhcr-liaison").await;
        let c = &b.client;
        for words in both {
            c.goto(&format!("{}/cases/new", s.base)).await.unwrap();
            switch_to(c, words).await;
            refused_in(
                c,
                &s,
                words,
                "form.submission p button[value='submit']",
                "#submit-problem",
                "submission",
            )
            .await;
        }
        b.client.clone().close().await.unwrap();

        // The medical form, without a condition.
        let b = signed_in_in(&s, &DUTCH, "medical-officer").await;
        let c = &b.client;
        for words in both {
            c.goto(&format!("{}/cases/{medical}/medical/1", s.base))
                .await
                .unwrap();
            switch_to(c, words).await;
            c.execute(
                "document.querySelector(\"[name='condition']\").removeAttribute('required')",
                Vec::new(),
            )
            .await
            .unwrap();
            c.find(Locator::Css("[name='condition']"))
                .await
                .unwrap()
                .clear()
                .await
                .unwrap();
            refused_in(
                c,
                &s,
                words,
                "form.medical button",
                "#medical-error",
                "medical",
            )
            .await;
        }
        b.client.clone().close().await.unwrap();

        // The pledges form, with a count below nothing.
        let b = signed_in_in(&s, &DUTCH, "planner").await;
        let c = &b.client;
        for words in both {
            c.goto(&format!("{}/pledges", s.base)).await.unwrap();
            switch_to(c, words).await;
            type_into(c, "pledged", "-5").await;
            type_into(c, "source", "x").await;
            refused_in(
                c,
                &s,
                words,
                "#pledge-form-BE button",
                "#problem-BE",
                "pledges",
            )
            .await;
        }
        b.client.clone().close().await.unwrap();
    }
}
