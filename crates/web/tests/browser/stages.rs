use super::reception::{arrived_unrecorded, choose_step};
use super::*;
use resettle_domain::reception::PlaceKind;

/// A place of the programme of `kind` with room for `persons` more (`room`), or without
/// it (`!room`), other than `not`, as the reception page counts it.
async fn place(app: &App, kind: PlaceKind, persons: i64, room: bool, not: &str) -> String {
    let op = resettle_app::Caller::operator();
    app.reception_day(&op, "BE", None, None)
        .await
        .unwrap()
        .places
        .into_iter()
        .find(|p| {
            p.kind == kind
                && p.code != not
                && (p.occupied_persons + persons <= p.capacity_persons) == room
        })
        .unwrap_or_else(|| panic!("no {kind} with room {room} for {persons}"))
        .code
}

/// The texts of the stays in the case page's history.
async fn stays_shown(c: &Client) -> Vec<String> {
    texts_of(c, "#timeline li.stay").await
}

/// Reception in stages, in the browser: a reception officer takes a family that arrived to
/// a centre, has placement propose it an LOI and confirms it (the family moves there that
/// day), is refused a move to an LOI without room (the form keeps what was typed and says
/// why; nothing changes), sees the family among those due a home, and moves it into a home.
/// Each stay shows in the case's history in words, in English, Dutch and French.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_moves_from_a_centre_to_an_loi_to_a_home() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let op = resettle_app::Caller::operator();
        // The family came in over the weekend; its arrival is on record.
        let (n, arrived_on) = arrived_unrecorded(&s.app).await;
        let version = s.app.case(&op, &n).await.unwrap()["version"]
            .as_i64()
            .unwrap();
        s.app
            .transition(
                &op,
                &n,
                &resettle_app::cases::TransitionRequest {
                    arrived_on: Some(arrived_on),
                    ..resettle_app::cases::TransitionRequest::to(
                        resettle_domain::case::CaseState::Arrived,
                        version,
                    )
                },
            )
            .await
            .unwrap();
        let persons = s.app.case(&op, &n).await.unwrap()["members"]
            .as_array()
            .unwrap()
            .len() as i64;
        let centre = place(&s.app, PlaceKind::Centre, persons, true, "").await;

        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "reception-officer").await;
        c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
        choose_step(c, "in_reception").await;
        type_into(c, "reason", "taken from the airport").await;
        type_into(c, "reception_place", &centre).await;
        submit(c, "Take the step").await;
        review(c, s.backend, "stages-in-centre").await;
        assert!(
            text_of(c, "#step-done").await.contains("in reception"),
            "{}: {}",
            s.backend,
            text_of(c, "#step-error").await
        );
        let stays = stays_shown(c).await;
        assert_eq!(stays.len(), 1, "{}: {stays:?}", s.backend);
        assert!(
            stays[0].contains("moved into reception centre Fedasil reception centre")
                && stays[0].contains("ends by"),
            "{}: {stays:?}",
            s.backend
        );

        // Placement proposes the family in its centre an LOI; confirming moves it there.
        c.goto(&format!("{}/placement", s.base)).await.unwrap();
        submit(c, "Propose places for the waiting families").await;
        let row = text_of(c, &format!("tr[id='{n}']")).await;
        assert!(
            row.contains("in reception centre") && row.contains("ends by"),
            "{}: the proposal says where the family is: {row}",
            s.backend
        );
        c.execute(
            &format!("document.getElementById('{n}').scrollIntoView()"),
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "stages-proposed").await;
        c.find(Locator::Css(&format!("button[aria-label='Confirm {n}']")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(
            text_of(c, &format!("tr[id='{n}']"))
                .await
                .contains("confirmed"),
            "{}",
            s.backend
        );
        c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
        let stays = stays_shown(c).await;
        assert_eq!(stays.len(), 2, "{}: {stays:?}", s.backend);
        assert!(
            stays[0].contains("stayed until") && stays[1].contains("local reception initiative"),
            "{}: {stays:?}",
            s.backend
        );
        let loi = s.app.case(&op, &n).await.unwrap()["reception_place"]
            .as_str()
            .unwrap()
            .to_string();

        // A move to an LOI without room is refused, keeping what was typed.
        let full = place(&s.app, PlaceKind::Loi, persons, false, &loi).await;
        type_into(c, "place", &full).await;
        c.find(Locator::Css("#move [name='reason']"))
            .await
            .unwrap()
            .send_keys("nearer the school")
            .await
            .unwrap();
        submit(c, "Record the move").await;
        review(c, s.backend, "stages-move-refused").await;
        let why = text_of(c, "#move-error").await;
        assert!(
            why.contains("Not moved, nothing changed")
                && why.contains("Over capacity, because")
                && !why.contains('_'),
            "{}: {why}",
            s.backend
        );
        assert_eq!(value_of(c, "#move [name='place']").await, full);
        assert_eq!(
            value_of(c, "#move [name='reason']").await,
            "nearer the school"
        );
        assert_eq!(
            stays_shown(c).await.len(),
            2,
            "{}: nothing moved",
            s.backend
        );

        // In its LOI the family is due a home; it moves into one.
        c.goto(&format!("{}/placement", s.base)).await.unwrap();
        let due = text_of(c, "#due-home").await;
        assert!(due.contains(&n), "{}: {due:.300}", s.backend);
        c.execute(
            "document.getElementById('due-home-title').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "stages-due-home").await;
        c.goto(&format!("{}/cases/{n}", s.base)).await.unwrap();
        choose_step(c, "housed").await;
        type_into(c, "reason", "a flat found by the LOI").await;
        type_into(c, "municipality", "Gent").await;
        type_into(c, "address", "Veldstraat 1, 9000 Gent").await;
        submit(c, "Take the step").await;
        assert!(
            text_of(c, "#step-done").await.contains("housed"),
            "{}: {}",
            s.backend,
            text_of(c, "#step-error").await
        );
        c.execute(
            "document.getElementById('timeline').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "stages-home").await;
        let stays = stays_shown(c).await;
        assert_eq!(stays.len(), 3, "{}: {stays:?}", s.backend);
        assert!(
            stays[2].contains("moved into a home of its own"),
            "{}: {stays:?}",
            s.backend
        );
        assert!(
            !text(c).await.contains("Record the move"),
            "{}: a family at home has no move to record",
            s.backend
        );
        // The same history in Dutch and French.
        for (code, words) in [
            (
                "nl",
                [
                    "verhuisd naar opvangcentrum",
                    "verhuisd naar een eigen woning",
                ],
            ),
            (
                "fr",
                [
                    "début du séjour : centre d'accueil",
                    "début du séjour dans un logement propre",
                ],
            ),
        ] {
            c.goto(&format!("{}/cases/{n}?lang={code}", s.base))
                .await
                .unwrap();
            c.execute(
                "document.getElementById('timeline').scrollIntoView()",
                Vec::new(),
            )
            .await
            .unwrap();
            review(c, s.backend, &format!("stages-home-{code}")).await;
            let stays = stays_shown(c).await.join("\n");
            for w in words {
                assert!(stays.contains(w), "{}: no {w:?} in {stays}", s.backend);
            }
        }
        c.goto(&format!("{}/reception?lang=en", s.base))
            .await
            .unwrap();
        review(c, s.backend, "stages-reception").await;
        b.client.clone().close().await.unwrap();
    }
}
