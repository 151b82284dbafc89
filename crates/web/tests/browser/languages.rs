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
