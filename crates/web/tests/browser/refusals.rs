use super::*;

/// Signs in as `username` with the pages in French, chosen with the switcher.
async fn sign_in_in_french(s: &Served, b: &Browser, username: &str) {
    b.client.goto(&format!("{}/login", s.base)).await.unwrap();
    click(&b.client, &format!("a[lang='{}']", FRENCH.code)).await;
    sign_in_on_this_page(s, b, username, &FRENCH).await;
}

/// A planner who saves a plan without a name, and an administrator who gives a new user
/// a short password, read why in French, the field named by its label; nothing is saved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_settings_read_in_french() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let who = s.backend;

        let b = browser(1280).await;
        let c = &b.client;
        sign_in_in_french(&s, &b, "planner").await;
        c.goto(&format!("{}/fair-share", s.base)).await.unwrap();
        type_into(c, "name", " ").await;
        click_button(c, "Enregistrer").await;
        left(c, "/fair-share").await;
        let page = text(c).await;
        assert!(
            page.contains("nom : ce champ est à remplir."),
            "{who}: the nameless plan is not refused in French: {page:.600}"
        );
        scroll_to(c, "save-error").await;
        review(c, who, "fair-share-refused-fr").await;
        assert!(s.app.scenarios().await.unwrap().is_empty(), "{who}");
        b.client.clone().close().await.unwrap();

        let b = browser(1280).await;
        let c = &b.client;
        sign_in_in_french(&s, &b, "admin").await;
        c.goto(&format!("{}/admin", s.base)).await.unwrap();
        let users = s
            .app
            .users(&resettle_app::Caller::operator())
            .await
            .unwrap();
        type_into(c, "username", "nouvelle").await;
        click(c, "input[name='roles'][value='case-officer']").await;
        type_into(c, "password", "trop court").await;
        type_into(c, "password_again", "trop court").await;
        submit(c, "Ajouter l’utilisateur").await;
        let page = text(c).await;
        assert!(
            page.contains(
                "il faut au moins 12 caractères, sans compter les espaces au début et à la fin ; il y en a 10."
            ),
            "{who}: the short password is not refused in French: {page:.600}"
        );
        review(c, who, "admin-users-refused-fr").await;
        assert_eq!(
            s.app
                .users(&resettle_app::Caller::operator())
                .await
                .unwrap(),
            users,
            "{who}"
        );
        b.client.clone().close().await.unwrap();
    }
}
