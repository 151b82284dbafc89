use super::*;

/// A planner files last year's EU funding claim from the report page: the claim is listed,
/// frozen, with its lines; filing again with nobody new is refused in words, with nothing
/// written; an auditor reads the claims filed and is given no form to file one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_files_a_claim_once_and_an_auditor_reads_it() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "planner").await;
        c.goto(&format!("{}/report", s.base)).await.unwrap();
        click(c, "a[href='/report/claims']").await;
        left(c, "/report").await;
        assert!(
            text(c).await.contains("No claim has been filed yet."),
            "{who}"
        );
        assert_eq!(value_of(c, "[name='year']").await, "2025", "{who}");
        review(c, who, "claims").await;

        submit(c, "File the claim").await;
        let page = text(c).await;
        for expected in [
            "The claim was filed.",
            "EU funding (AMIF), per person, 2025, claim 1",
            "Filed on 23 November 2026 by planner",
        ] {
            assert!(
                page.contains(expected),
                "{who}: no {expected:?} in {page:.800}"
            );
        }
        click(c, "details summary").await;
        let first_line = text_of(c, "details tbody tr").await;
        assert!(first_line.contains("claimed"), "{who}: {first_line}");
        assert!(first_line.contains("10,000.00"), "{who}: {first_line}");
        review(c, who, "claims-filed").await;

        // Again: nobody new, nothing changed — refused in words, nothing written.
        click_button(c, "File the claim").await;
        for _ in 0..100 {
            if c.find(Locator::Css("#problem")).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let problem = text_of(c, "#problem").await;
        assert!(
            problem.contains("The claim was not filed") && problem.contains("nothing to file"),
            "{who}: {problem}"
        );
        assert!(!text(c).await.contains("claim 2"), "{who}");
        review(c, who, "claims-refused").await;

        // The auditor reads the claim, and has no form to file one.
        let b2 = browser(1280).await;
        sign_in(&s, &b2, "auditor").await;
        let c2 = &b2.client;
        c2.goto(&format!("{}/report/claims", s.base)).await.unwrap();
        assert!(
            text(c2)
                .await
                .contains("EU funding (AMIF), per person, 2025, claim 1"),
            "{who}"
        );
        assert!(c2.find(Locator::Css("#file-form")).await.is_err(), "{who}");
        review(c2, who, "claims-auditor").await;
    }
}
