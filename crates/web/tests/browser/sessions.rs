use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_signs_in_opens_a_case_and_signs_out() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        review(c, s.backend, "cases").await;
        c.find(Locator::Css("main table a[href^='/cases/']"))
            .await
            .expect("a case in the list")
            .click()
            .await
            .unwrap();
        left(c, "/cases").await;
        let case = c.current_url().await.unwrap().path().to_string();
        assert!(case.starts_with("/cases/"), "{case}");
        review(c, s.backend, "case").await;
        click_button(c, "Sign out").await;
        left(c, &case).await;
        assert!(
            !text(c).await.contains("Sign out"),
            "{}: still signed in after signing out",
            s.backend
        );
        c.goto(&format!("{}/cases", s.base)).await.unwrap();
        assert!(
            c.current_url().await.unwrap().path().starts_with("/login")
                || !text(c).await.contains(&case[7..]),
            "{}: the case list is shown after signing out",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
