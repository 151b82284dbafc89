use std::sync::Arc;

use resettle_app::{Courier, MailSecurity, MailSettings, NoticeSettings};
use resettle_testkit::smtp::SmtpSink;

use super::*;

/// Sets a date field as a person picking a day would (date inputs take typing in the
/// browser's own order, which differs by locale).
async fn pick_day(c: &Client, name: &str, day: time::Date) {
    c.execute(
        &format!("document.querySelector(\"[name='{name}']\").value = '{day}'"),
        Vec::new(),
    )
    .await
    .unwrap();
}

/// Types the reason of the date form (the step form has a reason of its own).
/// Chooses a departure date in the date form (its first choice is the interview).
async fn departure(c: &Client) {
    click(
        c,
        "form[action*='/promise'] select[name='kind'] option[value='departure']",
    )
    .await;
}

/// Chooses the slip's reason from the profile's list, then types the words for staff.
async fn reason(c: &Client, text: &str) {
    click(
        c,
        "form[action*='/promise'] select[name='reason_code'] option[value='flight_availability']",
    )
    .await;
    let field = c
        .find(Locator::Css("form[action*='/promise'] [name='reason']"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// An officer's slip told to the family: a departure date recorded on the case page, then
/// moved (refused without a reason, then with one); the notices wait for the family's
/// contact, then go out through a real SMTP server and show as sent; weeks later the date
/// has passed without a departure and the work list shows it. A liaison has no work list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_records_a_slip_and_sees_the_family_told_and_the_date_passed() {
    let smtp = SmtpSink::start();
    for db in resettle_testkit::databases() {
        let clock = Arc::new(FixedClock::on(resettle_testkit::TODAY));
        let courier = Courier::new(
            Some(MailSettings {
                host: "127.0.0.1".into(),
                port: Some(smtp.port()),
                security: MailSecurity::None,
                username: None,
                password: None,
                from: "Fedasil <resettlement@fedasil.example>".into(),
                ca_pem: None,
            }),
            None,
        )
        .unwrap();
        let settings = NoticeSettings::new("https://resettle.example.org", courier).unwrap();
        let moved = clock.clone();
        let s = serve_with(db, move |app| app.with_clock(moved).with_notices(settings)).await;
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases?state=pre_departure", s.base))
            .await
            .unwrap();
        click(c, "#cases tbody a[href^='/cases/']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = c.current_url().await.unwrap().path().to_string();
        let number = path.trim_start_matches("/cases/").to_string();

        let first = resettle_testkit::TODAY + time::Duration::days(10);
        let later = resettle_testkit::TODAY + time::Duration::days(40);
        departure(c).await;
        pick_day(c, "promised_date", first).await;
        submit(c, "Record the date").await;
        // A demo case back in preparation may have had a date already: then this one is
        // a slip too, and needs its reason.
        if !text_of(c, "#promise-error").await.is_empty() {
            reason(c, "reception place not ready").await;
            departure(c).await;
            pick_day(c, "promised_date", first).await;
            submit(c, "Record the date").await;
        }
        assert!(
            text_of(c, "#promise-done").await.contains("departure"),
            "{}: {}",
            s.backend,
            text(c).await
        );
        // The slip: refused without a reason, and nothing changes.
        departure(c).await;
        pick_day(c, "promised_date", later).await;
        submit(c, "Record the date").await;
        review(c, s.backend, "notices-slip-refused").await;
        let refusal = text_of(c, "#promise-error").await;
        assert!(
            refusal.contains("In words") && refusal.contains("say why it changed"),
            "{}: the refusal names the field: {refusal}",
            s.backend
        );
        reason(c, "flight cancelled").await;
        departure(c).await;
        pick_day(c, "promised_date", later).await;
        submit(c, "Record the date").await;
        assert!(
            !text_of(c, "#promise-done").await.is_empty(),
            "{}",
            s.backend
        );
        let notices = text_of(c, "#notices").await;
        assert!(
            notices.contains("departure date moved") && notices.contains("waiting to be sent"),
            "{}: the slip's notice is queued, in words: {notices}",
            s.backend
        );
        assert!(
            text_of(c, "#notices-waiting")
                .await
                .contains("No e-mail address"),
            "{}: the page says why it waits",
            s.backend
        );
        // The family's e-mail address, then one pass of the delivery worker.
        type_into(c, "email", "family@mail.example.org").await;
        submit(c, "Save the contact details").await;
        assert!(
            !text_of(c, "#contact-saved").await.is_empty(),
            "{}",
            s.backend
        );
        review(c, s.backend, "notices-queued").await;
        let before = smtp.received().len();
        let sent = s.app.deliver_notices().await.unwrap().sent;
        assert!(
            sent >= 2,
            "{}: the date and the slip at least: {sent}",
            s.backend
        );
        let mails = smtp.wait_for(before + sent as usize, Duration::from_secs(10));
        assert!(
            mails[before..].iter().all(|m| m.body.contains(&number)
                && m.body.contains("https://resettle.example.org/family")),
            "{}: {:?}",
            s.backend,
            &mails[before..]
        );
        c.goto(&format!("{}{path}", s.base)).await.unwrap();
        c.execute(
            "document.getElementById('notices').scrollIntoView()",
            Vec::new(),
        )
        .await
        .unwrap();
        review(c, s.backend, "notices-sent").await;
        let notices = text_of(c, "#notices").await;
        assert!(
            notices.contains("sent on")
                && notices.contains("by e-mail")
                && !notices.contains("waiting to be sent"),
            "{}: {notices}",
            s.backend
        );
        assert!(
            text_of(c, "#notices-waiting").await.is_empty(),
            "{}",
            s.backend
        );

        // Fifty days on, the date promised forty days ahead passed ten days ago, and the
        // family has not left: the work list says so.
        clock.advance(time::Duration::days(50));
        sign_in(&s, &b, "case-officer").await;
        click(c, "nav a[href='/inform']").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        review(c, s.backend, "inform").await;
        let row = text_of(c, &format!("#inform-{number}-departure")).await;
        assert!(
            row.contains("passed 10 days ago"),
            "{}: the passed date is listed: {row}\n{}",
            s.backend,
            text_of(c, "#to-inform").await
        );
        assert!(
            row.contains("sent"),
            "{}: its last notice: {row}",
            s.backend
        );
        let rows = texts_of(c, "#to-inform tbody tr").await;
        assert!(!rows.is_empty() && rows.len() <= 50, "{}: paged", s.backend);
        b.client.clone().close().await.unwrap();

        // A liaison has no work list, nor the family's contact.
        let b = browser(1280).await;
        let c = &b.client;
        sign_in(&s, &b, "unhcr-liaison").await;
        assert!(
            c.find(Locator::Css("nav a[href='/inform']")).await.is_err(),
            "{}: no link for a liaison",
            s.backend
        );
        c.goto(&format!("{}/inform", s.base)).await.unwrap();
        review(c, s.backend, "inform-refused").await;
        let page = text(c).await;
        assert!(
            page.contains("informing families") && !page.contains(&number),
            "{}: refused in words: {page:.400}",
            s.backend
        );
        b.client.clone().close().await.unwrap();
    }
}
