use super::*;
use resettle_app::Caller;
use resettle_app::cases::{CaseQuery, TransitionRequest};

use super::reception::arrived_unrecorded;

const HOME: &str = "Veldstraat 1, 9000 Gent";
const SPONSORED_HOME: &str = "Kerkstraat 12, 3000 Leuven";

/// The caller behind a fresh token of the demo user `username`, and the token.
async fn demo_caller(app: &App, username: &str) -> (Caller, String) {
    let token = app
        .create_token(&Caller::operator(), username, None, Some(1))
        .await
        .unwrap();
    (app.authenticate_token(&token, "test").await.unwrap(), token)
}

/// Moves a family in reception, one `whose` scope holds, into a home in `town` at
/// `address` (as a reception officer does); returns its case number.
async fn house_one_of(app: &App, whose: &Caller, town: &str, address: &str) -> String {
    let n = app
        .list_cases(
            whose,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::InReception),
                per_page: Some(500),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items
        .first()
        .unwrap_or_else(|| panic!("no family in reception for {whose:?}"))
        .case_number
        .clone();
    let version = app
        .case_full(&Caller::operator(), &n)
        .await
        .unwrap()
        .version;
    let (reception, _) = demo_caller(app, "reception-officer").await;
    app.transition(
        &reception,
        &n,
        &TransitionRequest {
            reason: "a home found".into(),
            municipality: Some(town.into()),
            address: Some(address.into()),
            ..TransitionRequest::to(resettle_domain::case::CaseState::Housed, version)
        },
    )
    .await
    .unwrap();
    n
}

/// A family that arrived over the weekend goes straight into the home its sponsor group
/// found, and the group starts supporting it; returns its case number.
async fn sponsor_one(app: &App, group: &str) -> String {
    let (n, arrived_on) = arrived_unrecorded(app).await;
    let (reception, _) = demo_caller(app, "reception-officer").await;
    let version = app
        .case_full(&Caller::operator(), &n)
        .await
        .unwrap()
        .version;
    let step = |to: &str, version: i64| TransitionRequest {
        reason: "sponsorship".into(),
        ..TransitionRequest::to(to.parse().unwrap(), version)
    };
    app.transition(
        &reception,
        &n,
        &TransitionRequest {
            arrived_on: Some(arrived_on),
            ..step("arrived", version)
        },
    )
    .await
    .unwrap();
    app.transition(
        &reception,
        &n,
        &TransitionRequest {
            sponsor_group: Some(group.into()),
            address: Some(SPONSORED_HOME.into()),
            ..step("housed", version + 1)
        },
    )
    .await
    .unwrap();
    app.transition(
        &reception,
        &n,
        &TransitionRequest {
            provider: Some(group.into()),
            ..step("integration_support", version + 2)
        },
    )
    .await
    .unwrap();
    n
}

/// A family supported by neither `municipality` nor `sponsor`.
async fn outside(app: &App, municipality: &Caller, sponsor: &Caller) -> String {
    let op = Caller::operator();
    let supported = app
        .list_cases(
            &op,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::IntegrationSupport),
                per_page: Some(500),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for c in supported.items {
        if app.case(municipality, &c.case_number).await.is_err()
            && app.case(sponsor, &c.case_number).await.is_err()
        {
            return c.case_number;
        }
    }
    panic!("every supported family is in the municipality or with the sponsor")
}

/// The families page, reached from the navigation, then with every family on one page.
async fn our_families(s: &Served, c: &Client, name: &str) -> String {
    c.find(Locator::LinkText("Our families"))
        .await
        .expect("an 'Our families' link in the navigation")
        .click()
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(c.current_url().await.unwrap().path(), "/families");
    review(c, s.backend, name).await;
    c.goto(&format!("{}/families?per_page=500", s.base))
        .await
        .unwrap();
    text(c).await
}

/// A municipality's and a sponsor group's day: the families they support, each with its
/// home, support plan and follow-ups, and none they do not support; each sees only what
/// the field matrix shows its role (a sponsor no care needs, no date of birth).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_municipality_and_a_sponsor_see_the_families_they_support() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let (municipality, _) = demo_caller(&s.app, "municipality").await;
        let (sponsor, _) = demo_caller(&s.app, "sponsor").await;
        let town = municipality.organisation.clone().unwrap();
        let group = sponsor.organisation.clone().unwrap();
        let housed = house_one_of(&s.app, &Caller::operator(), &town, HOME).await;
        let sponsored = sponsor_one(&s.app, &group).await;
        let elsewhere = outside(&s.app, &municipality, &sponsor).await;

        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "municipality").await;
        let page = our_families(&s, c, "families-municipality").await;
        assert_worded(
            c,
            s.backend,
            &ENGLISH,
            &["Our families", "Expected arrivals"],
        )
        .await;
        let family = text_of(c, &format!("#family-{housed}")).await;
        assert!(
            family.contains(HOME) && family.contains("years") && family.contains("arrived on"),
            "{}: the family's home, ages and arrival: {family}",
            s.backend
        );
        let supported: Vec<String> = texts_of(c, "#families section.family")
            .await
            .into_iter()
            .filter(|t| {
                t.contains("12 months after arrival, due") && !t.contains("no support plan yet")
            })
            .collect();
        assert!(
            !supported.is_empty(),
            "{}: a family of {town} with its support plan and follow-ups",
            s.backend
        );
        c.execute(
            "[...document.querySelectorAll('section.family')].find(s => \
             s.textContent.includes('12 months after arrival, due') && \
             !s.textContent.includes('no support plan yet')).scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "families-municipality-supported").await;
        assert!(
            supported
                .iter()
                .all(|t| t.contains("18 months after arrival, due")
                    && ["recorded", "overdue, not recorded", "not yet due"]
                        .iter()
                        .any(|w| t.contains(w))),
            "{}: {supported:?}",
            s.backend
        );
        assert!(
            !page.contains(&elsewhere) && !page.contains(&sponsored),
            "{}: {town} sees no family it does not support",
            s.backend
        );
        click_button(c, "Sign out").await;
        left(c, "/families").await;

        sign_in(&s, &b, "sponsor").await;
        let page = our_families(&s, c, "families-sponsor").await;
        let family = text_of(c, &format!("#family-{sponsored}")).await;
        c.execute(
            &format!("document.getElementById('family-{sponsored}').scrollIntoView()"),
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "families-sponsor-family").await;
        assert!(
            family.contains(SPONSORED_HOME)
                && family.contains(&format!("{group}, from"))
                && family.contains("12 months after arrival, due")
                && family.contains("not yet due")
                && family.contains("years"),
            "{}: the sponsored family with its home, support plan and follow-ups: {family}",
            s.backend
        );
        assert!(
            !family.contains("care needs") && !family.contains("date of birth"),
            "{}: a sponsor sees no care needs and no date of birth: {family}",
            s.backend
        );
        assert!(
            !page.contains(&elsewhere) && !page.contains(&housed),
            "{}: the sponsor sees no family it does not support",
            s.backend
        );
        // In the group's languages, with no code shown.
        for (words, expected) in [
            (
                Words {
                    code: "nl",
                    name: "Nederlands",
                    sign_in: "Aanmelden",
                    next: "Doorgaan",
                    sign_out: "Afmelden",
                },
                ["Onze gezinnen", "Opvolging", "maanden na aankomst"],
            ),
            (
                Words {
                    code: "fr",
                    name: "Français",
                    sign_in: "Se connecter",
                    next: "Continuer",
                    sign_out: "Se déconnecter",
                },
                ["Nos familles", "Suivi", "mois après l'arrivée"],
            ),
        ] {
            c.goto(&format!("{}/families?lang={}", s.base, words.code))
                .await
                .unwrap();
            review(c, s.backend, &format!("families-sponsor-{}", words.code)).await;
            assert_worded(c, s.backend, &words, &expected).await;
        }
        b.client.clone().close().await.unwrap();
    }
}

/// The body of an API answer to `token`.
async fn api(app: &App, token: &str, path: &str) -> (u16, String) {
    use tower::ServiceExt;
    let request = axum::http::Request::builder()
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let response = resettle_web::router(app.clone())
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// Attack: a UNHCR liaison (whose office submitted the family) and a planner try to learn
/// where a family lives, through the API and through the pages; the address is never in
/// what they get, and the families page refuses them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_liaison_and_the_planner_never_see_where_a_family_lives() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let (liaison, liaison_token) = demo_caller(&s.app, "unhcr-liaison").await;
        let (_, planner_token) = demo_caller(&s.app, "planner").await;
        let (municipality, _) = demo_caller(&s.app, "municipality").await;
        let town = municipality.organisation.clone().unwrap();
        let n = house_one_of(&s.app, &liaison, &town, HOME).await;
        for (token, path) in [
            (&liaison_token, format!("/api/v1/cases/{n}")),
            (&liaison_token, format!("/api/v1/cases/{n}/events")),
            (&liaison_token, "/api/v1/cases?per_page=500".to_string()),
            (&planner_token, format!("/api/v1/cases/{n}")),
            (&planner_token, format!("/api/v1/cases/{n}/events")),
        ] {
            let (status, body) = api(&s.app, token, &path).await;
            assert!(
                !body.contains("Veldstraat") && !body.contains("\"address\""),
                "{}: {path} answered {status} with the address: {body:.300}",
                s.backend
            );
        }
        let (status, case) = api(&s.app, &liaison_token, &format!("/api/v1/cases/{n}")).await;
        assert_eq!(status, 200, "{}: the liaison reads the case", s.backend);
        assert!(case.contains("\"arrived_on\""), "{}", s.backend);

        let b = browser(1280).await;
        let c = &b.client;
        for who in ["unhcr-liaison", "planner"] {
            sign_in(&s, &b, who).await;
            assert!(
                c.find(Locator::LinkText("Our families")).await.is_err(),
                "{}: no families page in the {who}'s navigation",
                s.backend
            );
            c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
            review(c, s.backend, &format!("case-as-{who}")).await;
            assert!(
                !text(c).await.contains("Veldstraat"),
                "{}: {who}",
                s.backend
            );
            c.goto(&format!("{}/families?municipality={town}", s.base))
                .await
                .unwrap();
            review(c, s.backend, &format!("families-refused-{who}")).await;
            let page = text(c).await;
            assert!(
                !page.contains("Veldstraat") && !page.contains(&n),
                "{}: {who} sees no family: {page:.400}",
                s.backend
            );
            assert!(
                page.contains("do not allow") || page.contains("do not see where families live"),
                "{}: the page says why {who} is refused: {page:.400}",
                s.backend
            );
            let path = c.current_url().await.unwrap().path().to_string();
            click_button(c, "Sign out").await;
            left(c, &path).await;
        }
        b.client.clone().close().await.unwrap();
    }
}
