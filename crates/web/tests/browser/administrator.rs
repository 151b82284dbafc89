use super::*;

/// An administrator's day, through the pages: add a user (after a refused weak password),
/// change their roles, disable and re-enable them, reset their password and second factor,
/// revoke their token, add an organisation, read the policy in force; then the new user
/// signs in with the password and the secret the pages gave.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_runs_users_organisations_and_reads_the_policy() {
    const NEW: &str = "new-officer";
    const FIRST: &str = "a first long passphrase";
    const SECOND: &str = "a second long passphrase";
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        sign_in(&s, &b, "admin").await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            "/admin",
            "{who}: an administrator lands on the administration"
        );
        click(c, "header nav a[href='/admin']").await;
        review(c, who, "admin-users").await;
        assert!(
            row_of(c, "case-officer").await.contains("case officer"),
            "{who}"
        );

        // A weak password is refused in the page, by field; the name, roles and
        // organisation typed are kept, the passwords are not.
        type_into(c, "username", NEW).await;
        click(c, "input[name='roles'][value='case-officer']").await;
        let organisation = c
            .find(Locator::Css(
                "select[name='organisation'] option:nth-child(2)",
            ))
            .await
            .expect("an organisation to choose")
            .attr("value")
            .await
            .unwrap()
            .unwrap();
        click(c, "select[name='organisation'] option:nth-child(2)").await;
        type_into(c, "password", "too short").await;
        type_into(c, "password_again", "too short").await;
        submit(c, "Add user").await;
        let refused = text(c).await;
        assert!(
            refused.contains("Not done. Password: at least 12 characters"),
            "{who}: the weak password is not refused by field: {refused:.600}"
        );
        review(c, who, "admin-users-refused").await;
        let kept = |css: &'static str| async move {
            c.find(Locator::Css(css))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
        };
        assert_eq!(
            kept("input[name='username']").await.as_deref(),
            Some(NEW),
            "{who}"
        );
        assert_eq!(
            kept("input[name='password']").await.as_deref(),
            Some(""),
            "{who}"
        );
        assert_eq!(
            kept("select[name='organisation']").await,
            Some(organisation.clone()),
            "{who}"
        );
        assert!(
            c.find(Locator::Css("input[value='case-officer']"))
                .await
                .unwrap()
                .is_selected()
                .await
                .unwrap(),
            "{who}: the role checked is kept"
        );
        type_into(c, "password", FIRST).await;
        type_into(c, "password_again", FIRST).await;
        submit(c, "Add user").await;
        assert_eq!(
            status_line(c).await,
            format!("User {NEW} added."),
            "{who}: {:.400}",
            text(c).await
        );
        let row = row_of(c, NEW).await;
        assert!(
            row.contains("case officer") && row.contains(&organisation) && row.contains("active"),
            "{who}: {row}"
        );

        // Roles: from case officer to medical and reception officer.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        review(c, who, "admin-user").await;
        click(c, "input[name='roles'][value='case-officer']").await;
        click(c, "input[name='roles'][value='medical-officer']").await;
        click(c, "input[name='roles'][value='reception-officer']").await;
        submit(c, "Change roles").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("Roles of {NEW} changed")),
            "{who}"
        );
        assert!(
            row_of(c, NEW)
                .await
                .contains("medical officer, reception officer"),
            "{who}: {}",
            row_of(c, NEW).await
        );

        // Disable, then re-enable.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Disable").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("User {NEW} disabled")),
            "{who}"
        );
        assert!(row_of(c, NEW).await.contains("disabled"), "{who}");
        review(c, who, "admin-users-disabled").await;
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Re-enable").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("User {NEW} re-enabled")),
            "{who}"
        );
        assert!(row_of(c, NEW).await.contains("active"), "{who}");

        // A new password, typed differently twice, then the same.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        type_into(c, "password", SECOND).await;
        type_into(c, "password_again", FIRST).await;
        submit(c, "Reset password").await;
        assert!(
            text(c).await.contains("The two passwords differ"),
            "{who}: {:.400}",
            text(c).await
        );
        type_into(c, "password", SECOND).await;
        type_into(c, "password_again", SECOND).await;
        submit(c, "Reset password").await;
        assert!(
            status_line(c)
                .await
                .starts_with(&format!("Password of {NEW} reset")),
            "{who}"
        );

        // Tokens: one issued from the command line, revoked from the page.
        s.app
            .create_token(&resettle_app::Caller::operator(), NEW, None, None)
            .await
            .unwrap();
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Revoke API tokens").await;
        assert_eq!(
            status_line(c).await,
            format!("One API token of {NEW} revoked."),
            "{who}"
        );

        // The second factor: the secret and its link, once, on the answer.
        click(c, &format!("a[href='/admin/users/{NEW}']")).await;
        submit(c, "Reset second factor").await;
        review(c, who, "admin-second-factor").await;
        let secret = c
            .find(Locator::Css("#secret"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let uri = c
            .find(Locator::Css("#uri"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            uri.starts_with("otpauth://totp/") && uri.contains(&secret),
            "{who}: {uri} {secret}"
        );
        assert!(text(c).await.contains("shown only now"), "{who}");

        // Organisations.
        click(c, "nav.admin a[href='/admin/organisations']").await;
        type_into(c, "organisation", "Gemeente Testdorp").await;
        click(c, "select[name='kind'] option[value='municipality']").await;
        submit(c, "Add organisation").await;
        assert_eq!(
            status_line(c).await,
            "Organisation Gemeente Testdorp added.",
            "{who}"
        );
        let listed = c
            .find(Locator::Css("#organisations"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            listed.contains("Gemeente Testdorp municipality"),
            "{who}: {listed}"
        );
        review(c, who, "admin-organisations").await;
        type_into(c, "organisation", "Gemeente Testdorp").await;
        submit(c, "Add organisation").await;
        assert!(
            text(c).await.contains("Not done. Organisation:"),
            "{who}: a second organisation of the same name is refused by field"
        );

        // The policy in force, in words.
        click(c, "nav.admin a[href='/admin/policy']").await;
        review(c, who, "admin-policy").await;
        let policy = text(c).await;
        for words in [
            "Steps switched off",
            "reception centre, then local reception, then own home",
            "Integration support",
            "18 months",
            "travel authorisation",
            "accepted",
            "183 days",
            "After arrival",
            "refugee certificate issued",
            "A request for family reunification is decided within 183 days.",
            "Why the sponsorship broke down",
            "the sponsor group dissolved",
        ] {
            assert!(
                policy.contains(words),
                "{who}: {words:?} not on the policy page"
            );
        }
        for code in [
            "centre_then_local",
            "travel_authorisation",
            "pre_departure",
            "refugee_certificate",
        ] {
            assert!(
                !policy.contains(code),
                "{who}: the code {code} is on the policy page"
            );
        }

        // Each change is in the trail under the administrator's name, recorded by the app
        // layer whatever the page did.
        let trail = s
            .app
            .audit_entries(
                &resettle_app::Caller::operator(),
                &resettle_app::AuditQuery {
                    actor: Some("admin".into()),
                    entity_id: Some(NEW.into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let mut details: Vec<&str> = trail
            .iter()
            .filter(|e| e.action == "write")
            .map(|e| e.detail.as_str())
            .collect();
        details.sort_unstable();
        assert_eq!(
            details,
            [
                "1 revoked",
                "added with roles case-officer",
                "disabled; 0 session(s) ended, 0 token(s) revoked",
                "password reset; 0 session(s) ended, 0 token(s) revoked",
                "re-enabled; 0 session(s) ended, 0 token(s) revoked",
                "roles set to medical-officer,reception-officer; 0 session(s) ended, 0 token(s) revoked",
                "second factor enrolled",
            ],
            "{who}"
        );

        // The new user signs in with what the pages gave the administrator.
        click_button(c, "Sign out").await;
        left(c, "/admin/policy").await;
        c.goto(&format!("{}/login", s.base)).await.unwrap();
        type_into(c, "username", NEW).await;
        type_into(c, "password", SECOND).await;
        submit(c, "Sign in").await;
        assert_eq!(
            c.current_url().await.unwrap().path(),
            "/login/code",
            "{who}"
        );
        let key = resettle_secure::totp::from_base32(&secret).unwrap();
        let code = resettle_secure::totp::code(&key, s.app.now().unix_timestamp() as u64);
        type_into(c, "code", &code).await;
        submit(c, "Continue").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/cases", "{who}");
        b.client.clone().close().await.unwrap();
    }
}

/// The administration is the administrator's: a case officer who opens it gets the
/// refusal page in their language, and no link to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_is_refused_the_administration() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        assert!(!text(c).await.contains("Administration"), "{}", s.backend);
        c.goto(&format!("{}/admin?lang=nl", s.base)).await.unwrap();
        review(c, s.backend, "admin-refused-nl").await;
        let page = text(c).await;
        assert!(
            page.contains("Niet toegestaan")
                && page.contains("staan het beheer van gebruikers en organisaties niet toe")
                && !page.contains("ManageUsers"),
            "{}: {page:.400}",
            s.backend
        );
        assert!(
            c.find(Locator::Css("#users")).await.is_err(),
            "{}: the users are listed",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
