//! Families informed (issue 20), as people use it: a case officer prints the letter with a
//! family's access code in Arabic; the family opens /family on a 390 px phone in Arabic
//! with it and reads its history, its next step with an estimate and why its date moved,
//! right to left; the same works with JavaScript off. A planner records a programme hold,
//! the case page flags the date it breaks, and the family reads the hold in Persian.
use resettle_app::Caller;
use resettle_app::cases::CaseQuery;
use resettle_domain::case::open_promises;
use resettle_domain::statistics::durations::ComparableGroup;
use resettle_testkit::webdriver::browser_without_script;

use super::*;

/// Every Arabic-Indic digit: the family's dates and counts are written in them.
const ARABIC_DIGITS: &[char] = &['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

/// A family to inform: its departure date set and still to come, a date that slipped
/// before, and enough comparable families for an estimate of the next step.
async fn family_to_inform(app: &App) -> String {
    let op = Caller::operator();
    let list = app
        .list_cases(
            &op,
            &CaseQuery {
                state: Some(resettle_domain::case::CaseState::DepartureScheduled),
                per_page: Some(500),
                ..CaseQuery::default()
            },
        )
        .await
        .unwrap();
    let table = app.rebuild_step_durations().await.unwrap();
    for item in list.items {
        let c = app.case_full(&op, &item.case_number).await.unwrap();
        let group = ComparableGroup {
            programme: c.programme.clone(),
            channel: c.channel,
            priority: c.priority,
            country_of_asylum: resettle_domain::country::CountryCode::parse(
                "country",
                &c.country_of_asylum,
            )
            .unwrap(),
        };
        let waited = c.waiting.last().map_or(0, |w| w.days) as u32;
        let estimate = table
            .table
            .remaining(&group, c.state, waited)
            .and_then(|r| r.median.zip(r.p90));
        let to_come = open_promises(&c.promises, c.state)
            .iter()
            .any(|p| p.promised_date >= app.today());
        if c.slipped_promises > 0 && to_come && estimate.is_some() {
            return c.case_number;
        }
    }
    panic!("no family with a date to come, a slip and an estimate in the demo");
}

/// The rectangle `(x, y, width, height)` of the element `css`.
async fn rect(c: &Client, css: &str) -> (f64, f64, f64, f64) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .rectangle()
        .await
        .unwrap()
}

/// The `lang` and `dir` of the page.
async fn html_lang_dir(c: &Client) -> (String, String) {
    let html = c.find(Locator::Css("html")).await.unwrap();
    (
        html.attr("lang").await.unwrap().unwrap_or_default(),
        html.attr("dir").await.unwrap().unwrap_or_default(),
    )
}

/// A case officer prints the letter in Arabic from the case page; the family types the
/// letter's case number and code on a phone in Arabic and reads, right to left and in
/// Arabic digits: where its case stands, its whole history, the next step with its date
/// and an estimate as a range, and that its date moved. The page is mirrored (the title
/// starts at the right, the language switcher at the left), and it works with JavaScript
/// off: a plain form post.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_reads_its_case_in_arabic_on_a_phone_with_the_code_from_the_officers_letter() {
    for db in resettle_testkit::databases() {
        let s = serve_cases(db, 1500).await;
        let who = s.backend;
        let case = family_to_inform(&s.app).await;

        // The officer's letter.
        let officer = browser(1280).await;
        let c = &officer.client;
        sign_in(&s, &officer, "case-officer").await;
        c.goto(&format!("{}/cases/{case}", s.base)).await.unwrap();
        review(c, who, "case-family-code").await;
        choose(c, "language", "ar").await;
        submit(c, "Issue a new code and print the letter").await;
        assert_eq!(
            html_lang_dir(c).await,
            ("ar".into(), "rtl".into()),
            "{who}: the letter is in Arabic"
        );
        assert!(
            text_of(c, "#letter-issued").await.contains(&case),
            "{who}: the officer reads, in English, that a code was issued"
        );
        assert_eq!(text_of(c, "#letter-case").await, case, "{who}");
        let code = text_of(c, "#letter-code").await;
        assert_eq!(code.len(), 14, "{who}: {code:?}");
        assert!(text_of(c, "#letter").await.contains("رمز الدخول"), "{who}");
        assert!(
            text_of(c, "#letter-address").await.ends_with("/family"),
            "{who}"
        );
        review(c, who, "family-letter-ar").await;

        // The family's phone.
        let phone = browser(390).await;
        let p = &phone.client;
        p.goto(&format!("{}/family?lang=ar", s.base)).await.unwrap();
        assert_eq!(html_lang_dir(p).await, ("ar".into(), "rtl".into()), "{who}");
        review(p, who, "family-sign-in-ar").await;
        type_into(p, "case_number", &case).await;
        type_into(p, "code", &code).await;
        submit(p, "افتح ملفي").await;
        assert_eq!(p.current_url().await.unwrap().path(), "/family", "{who}");
        review(p, who, "family-status-ar").await;
        assert_eq!(html_lang_dir(p).await, ("ar".into(), "rtl".into()), "{who}");
        let page = text(p).await;
        assert!(page.contains(&case), "{who}");
        assert!(page.contains("تحدّد موعد السفر"), "{who}: where it stands");
        assert!(
            page.chars().any(|ch| ARABIC_DIGITS.contains(&ch)),
            "{who}: Arabic digits"
        );
        // The whole history, one line a step.
        let history = s.app.case_events(&Caller::operator(), &case).await.unwrap();
        assert_eq!(
            texts_of(p, "#timeline > li").await.len(),
            history.len(),
            "{who}"
        );
        // The next step, its date, and the estimate as a range, labelled.
        let next = text_of(p, "#next").await;
        assert!(next.contains("سفركم ووصولكم"), "{who}: {next}");
        assert!(next.contains("موعد سفركم"), "{who}: the date promised");
        let estimate = text_of(p, "#estimate").await;
        assert!(estimate.contains("تقدير، وليس وعدًا"), "{who}: {estimate}");
        assert!(estimate.contains("على الأرجح خلال"), "{who}: {estimate}");
        assert!(estimate.contains("إلى"), "{who}: a range: {estimate}");
        // Why its date moved: old and new dates, and the reason as the profile words it in
        // Arabic, never the officer's own words.
        let slips = text_of(p, "#slips").await;
        assert!(slips.contains("تغيّر موعد سفركم من"), "{who}: {slips}");
        let c = s.app.case_full(&Caller::operator(), &case).await.unwrap();
        let last = c.promises.iter().rev().find(|p| p.is_slip()).unwrap();
        let profile = resettle_app::policies::named(&c.policy_profile).unwrap();
        let slip =
            resettle_domain::policy::NameList::Reason(resettle_domain::policy::ReasonList::Slip);
        let words = profile
            .label(slip, last.slip_reason_code.as_deref().unwrap(), "ar")
            .unwrap();
        assert!(slips.contains(&format!("السبب: {words}")), "{who}: {slips}");
        assert!(
            !slips.contains(last.slip_reason.as_deref().unwrap()),
            "{who}: staff's words shown"
        );
        assert!(
            text_of(p, "#advice").await.contains("لا تتركوا مسكنكم"),
            "{who}"
        );
        // The rest of the page, for people to look at: the slips, the history, the advice.
        for part in ["slips", "history", "advice"] {
            p.execute(
                "document.getElementById(arguments[0]).scrollIntoView()",
                vec![part.into()],
            )
            .await
            .unwrap();
            save_screenshot(p, &shot(who, &format!("family-status-ar-{part}"))).await;
        }
        for code in CODES {
            assert!(!page.contains(code), "{who}: {code} is shown");
        }
        // Mirrored: the title starts at the right edge of the phone, the brand sits at
        // the right of the header; in English the brand is back at the left.
        let (x, _, w, _) = rect(p, "h1").await;
        assert!(
            x + w > 330.0,
            "{who}: the title is not at the right ({x} + {w})"
        );
        let (bx, _, bw, _) = rect(p, "header.top .brand").await;
        assert!(
            bx + bw > 330.0,
            "{who}: the brand is not at the right ({bx})"
        );
        click(p, "nav.languages a[hreflang='en']").await;
        for _ in 0..100 {
            if html_lang_dir(p).await.0 == "en" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(html_lang_dir(p).await, ("en".into(), "ltr".into()), "{who}");
        let (bx, _, _, _) = rect(p, "header.top .brand").await;
        assert!(
            bx < 60.0,
            "{who}: in English the brand is at the left ({bx})"
        );
        review(p, who, "family-status-en").await;

        // With JavaScript off: the same form, posted as it is.
        let plain = browser_without_script(390).await;
        let q = &plain.client;
        q.goto(&format!("{}/family?lang=ar", s.base)).await.unwrap();
        type_into(q, "case_number", &case.to_lowercase()).await;
        type_into(q, "code", &code.replace('-', " ")).await;
        submit(q, "افتح ملفي").await;
        save_screenshot(q, &shot(who, "family-status-ar-no-script")).await;
        let page = text(q).await;
        assert!(
            page.contains("تحدّد موعد السفر") && page.contains(&case),
            "{who}: without script: {page:.300}"
        );
    }
}

/// A planner records a hold over a family's departure date on the holds page (a hold
/// that ends before it starts is refused in the reader's words and records nothing); the
/// case page flags the date; the family reads the hold, its reason and that its date
/// cannot be kept, in Persian, right to left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_holds_the_programme_and_the_family_reads_it_in_persian() {
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let who = s.backend;
        let op = Caller::operator();
        let list = s
            .app
            .list_cases(
                &op,
                &CaseQuery {
                    state: Some(resettle_domain::case::CaseState::DepartureScheduled),
                    ..CaseQuery::default()
                },
            )
            .await
            .unwrap();
        let mut chosen = None;
        for item in list.items {
            let c = s.app.case_full(&op, &item.case_number).await.unwrap();
            if let Some(p) = open_promises(&c.promises, c.state)
                .into_iter()
                .find(|p| p.promised_date > s.app.today())
            {
                chosen = Some((c.case_number.clone(), p.promised_date));
                break;
            }
        }
        let (case, departs) = chosen.expect("a departure date to come in the demo");

        let planner = browser(1280).await;
        let c = &planner.client;
        sign_in(&s, &planner, "planner").await;
        click(c, "header nav a[href='/holds']").await;
        left(c, "/cases").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/holds", "{who}");
        review(c, who, "holds").await;
        set_date(c, "from", "2027-03-01").await;
        set_date(c, "until", "2027-01-01").await;
        choose(c, "reason", "reception_capacity").await;
        submit(c, "Record hold").await;
        assert!(
            text_of(c, "#problem")
                .await
                .to_lowercase()
                .contains("until"),
            "{who}: the refused field is named"
        );
        review(c, who, "holds-refused").await;
        assert!(s.app.holds("BE").await.unwrap().is_empty(), "{who}");
        set_date(c, "from", &(departs - time::Duration::days(5)).to_string()).await;
        set_date(
            c,
            "until",
            &(departs + time::Duration::days(90)).to_string(),
        )
        .await;
        choose(c, "reason", "reception_capacity").await;
        type_into(c, "note", "the four centres are full").await;
        submit(c, "Record hold").await;
        let done = status_line(c).await;
        assert!(done.contains("Hold recorded"), "{who}: {done}");
        assert!(!done.contains(" 0 "), "{who}: {done}");
        review(c, who, "holds-recorded").await;
        assert_eq!(s.app.holds("BE").await.unwrap().len(), 1, "{who}");

        let officer = browser(1280).await;
        sign_in(&s, &officer, "case-officer").await;
        let o = &officer.client;
        o.goto(&format!("{}/cases/{case}", s.base)).await.unwrap();
        let held = text_of(o, "#held-promises").await;
        assert!(
            held.contains("no reception place available"),
            "{who}: {held}"
        );
        review(o, who, "case-held").await;

        let code = s.app.issue_family_code(&op, &case).await.unwrap().code;
        let phone = browser(390).await;
        let p = &phone.client;
        p.goto(&format!("{}/family?lang=fa", s.base)).await.unwrap();
        type_into(p, "case_number", &case).await;
        type_into(p, "code", &code).await;
        submit(p, "باز کردن پرونده من").await;
        assert_eq!(html_lang_dir(p).await, ("fa".into(), "rtl".into()), "{who}");
        let holds = text_of(p, "#holds").await;
        assert!(holds.contains("برنامه"), "{who}: {holds}");
        assert!(holds.contains("جای پذیرش در دسترس نیست"), "{who}: {holds}");
        assert!(
            holds.contains("تاریخ سفر شما در این مدت است"),
            "{who}: {holds}"
        );
        assert!(
            !holds.contains("four centres"),
            "{who}: the note stays with staff"
        );
        review(p, who, "family-status-fa").await;
    }
}
