//! A case is read in one statement, its child lists aggregated as JSON inside the row
//! (docs/performance.md, "Audited case reads"): what comes back must be what was written,
//! whatever the text holds, on both databases, and no rows must read as empty lists. So
//! are a family's contact and notices, read together.
mod common;

use resettle_domain::case::{
    CareNeed, CaseFile, CaseNumber, MedicalRecord, News, Promise, SubmissionCategory,
};
use resettle_domain::outcomes::FollowUp;
use resettle_domain::reception::{Stay, StayKind};
use resettle_storage::{FamilyContact, NewNotice};
use sqlx::Connection;
use time::Duration;
use time::macros::date;

/// Text that JSON must escape, and scripts other than Latin.
const AWKWARD: &str = "«Ḥabib» \"quoted\" back\\slash\nnew line\ttab — حبيب ሃብቶም";

/// A demo case made to hold several rows in every child list, with [`AWKWARD`] text
/// wherever a list holds free text.
fn full_case(import: &resettle_domain::programme::ProgrammeImport) -> CaseFile {
    let files = &import.cases;
    let mut f = files
        .iter()
        .find(|f| f.case.members.len() >= 2 && f.stays.last().is_some_and(|s| s.place.is_some()))
        .expect("a demo family of two or more in a reception place")
        .clone();
    let case = &mut f.case;
    case.categories = vec![
        SubmissionCategory::MedicalNeeds,
        SubmissionCategory::ChildrenAtRisk,
        SubmissionCategory::LegalPhysicalProtection,
    ];
    let mut links: Vec<CaseNumber> = files
        .iter()
        .map(|o| o.case.case_number.clone())
        .filter(|n| *n != case.case_number)
        .take(2)
        .collect();
    links.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    case.linked_cases = links;
    case.members[0].full_name = "Ḥabib O'Neil \"Abu Samir\" حبيب".into();
    case.members[1].full_name = "ሃብቶም \\ Tesfay".into();
    case.members[0].education = Some(AWKWARD.into());
    case.members[1].education = None;
    case.members[1].occupation = Some("nurse, \"senior\"".into());

    // Moments to the microsecond, which is all either backend keeps.
    for e in &mut f.events {
        e.at += Duration::microseconds(123_457);
    }
    let last = f.events.len() - 1;
    f.events[last].reason = AWKWARD.into();
    f.events[last].reason_code = Some("other".into());
    f.events[last].payload = serde_json::json!({ "note": AWKWARD, "n": [1, 2], "ok": true });

    let promise = |slip: Option<&str>| Promise {
        kind: resettle_domain::case::PromiseKind::Departure,
        promised_date: date!(2026 - 03 - 01),
        made_on: date!(2026 - 01 - 10),
        slip_reason: slip.map(str::to_string),
        slip_reason_code: slip.map(|_| "flight_cancelled".to_string()),
        family_notified_on: slip.map(|_| date!(2026 - 01 - 12)),
    };
    f.promises = vec![promise(None), promise(Some(AWKWARD)), promise(None)];

    f.medical = vec![
        MedicalRecord {
            member_no: case.members[0].member_no,
            condition: AWKWARD.into(),
            care_needs: vec![CareNeed::WheelchairAccess, CareNeed::RegularTreatment],
            consent_to_share: true,
            fit_to_travel: None,
        },
        MedicalRecord {
            member_no: case.members[1].member_no,
            condition: "asthma".into(),
            care_needs: vec![],
            consent_to_share: false,
            fit_to_travel: Some(false),
        },
    ];

    let mut requests: Vec<_> = files
        .iter()
        .flat_map(|o| o.reunification.clone())
        .take(2)
        .collect();
    assert_eq!(requests.len(), 2, "the demo has reunification requests");
    requests[0].relative_name = AWKWARD.into();
    requests[1].reason = Some("\"no\" \\ لا".into());
    f.reunification = requests;

    let mut support = files
        .iter()
        .find_map(|o| o.support.clone())
        .expect("a demo support plan");
    support.provider = "Église \"Saint-Jean\" \\ Brussel".into();
    f.support = Some(support);

    f.outcomes = vec![
        FollowUp {
            member_no: case.members[0].member_no,
            months: 12,
            employed: true,
            recorded_on: date!(2026 - 07 - 01),
        },
        FollowUp {
            member_no: case.members[1].member_no,
            months: 12,
            employed: false,
            recorded_on: date!(2026 - 07 - 02),
        },
        FollowUp {
            member_no: case.members[0].member_no,
            months: 18,
            employed: false,
            recorded_on: date!(2027 - 01 - 03),
        },
    ];

    // A stay at a place, then one at home, which has none.
    let at_place = f.stays.pop().unwrap();
    let moved = at_place.from + Duration::days(40);
    f.stays = vec![
        Stay {
            until: Some(moved),
            reason: AWKWARD.into(),
            over_capacity_reason: Some("«full» \"but\" \\ kept".into()),
            ..at_place.clone()
        },
        Stay {
            kind: StayKind::Home,
            place: None,
            from: moved,
            until: None,
            persons: at_place.persons,
            reason: String::new(),
            over_capacity_reason: None,
        },
    ];

    f.after_arrival = [
        ("asylum_registration".to_string(), date!(2024 - 02 - 29)),
        ("bank_account".to_string(), date!(2024 - 03 - 04)),
    ]
    .into_iter()
    .collect();
    f
}

#[tokio::test]
async fn a_case_reads_back_whole_with_every_list_full_or_empty() {
    let mut import = resettle_demo::generate(&resettle_demo::DemoConfig {
        cases: 120,
        ..Default::default()
    });
    let full = full_case(&import);
    let i = import
        .cases
        .iter()
        .position(|f| f.case.case_number == full.case.case_number)
        .unwrap();
    import.cases[i] = full.clone();
    // A case with no rows in any list but the three a case cannot be imported without;
    // those three are emptied in the database below.
    let mut bare = import
        .cases
        .iter()
        .find(|f| f.case.case_number != full.case.case_number && f.events.len() == 1)
        .or_else(|| {
            import
                .cases
                .iter()
                .find(|f| f.case.case_number != full.case.case_number)
        })
        .unwrap()
        .clone();
    bare.case.linked_cases.clear();
    bare.promises.clear();
    bare.medical.clear();
    bare.reunification.clear();
    bare.support = None;
    bare.outcomes.clear();
    bare.stays.clear();
    bare.after_arrival.clear();
    let j = import
        .cases
        .iter()
        .position(|f| f.case.case_number == bare.case.case_number)
        .unwrap();
    import.cases[j] = bare.clone();

    let mut backends = vec![];
    for db in resettle_testkit::databases() {
        backends.push(db.backend);
        let store = common::keyed_store(&db.url).await;
        store.import_programme(&import, &[]).await.unwrap();

        let stored = store.case(&full.case.case_number).await.unwrap().unwrap();
        assert_eq!(stored.file, full, "{}", db.backend);
        let place = full.stays[0].place.clone().unwrap();
        assert_eq!(
            stored.place_names.keys().collect::<Vec<_>>(),
            [&place],
            "{}: the place's name, and none for home",
            db.backend
        );
        let name = import
            .places
            .iter()
            .find(|p| p.code == place)
            .unwrap()
            .name
            .clone();
        assert_eq!(stored.place_names[&place], name, "{}", db.backend);

        let stored = store.case(&bare.case.case_number).await.unwrap().unwrap();
        assert_eq!(stored.file, bare, "{}", db.backend);
        let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();
        for table in ["case_categories", "family_members", "case_events"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE case_id = \
                 (SELECT id FROM cases WHERE case_number = $1)"
            )))
            .bind(bare.case.case_number.to_string())
            .execute(&mut conn)
            .await
            .unwrap();
        }
        let stored = store.case(&bare.case.case_number).await.unwrap().unwrap();
        let file = &stored.file;
        assert!(
            file.case.categories.is_empty()
                && file.case.members.is_empty()
                && file.case.linked_cases.is_empty()
                && file.events.is_empty()
                && file.promises.is_empty()
                && file.medical.is_empty()
                && file.reunification.is_empty()
                && file.support.is_none()
                && file.outcomes.is_empty()
                && file.stays.is_empty()
                && file.after_arrival.is_empty()
                && stored.place_names.is_empty(),
            "{}: {file:?}",
            db.backend
        );
        // The family's contact and notices, read together in one statement.
        assert_eq!(
            store
                .contact_and_notices(&bare.case.case_number)
                .await
                .unwrap(),
            (None, vec![]),
            "{}: no contact and no notices",
            db.backend
        );
        let number = &full.case.case_number;
        let contact = FamilyContact {
            email: Some("o'neil+\"x\"@example.org".into()),
            phone: None,
        };
        store.set_contact(number, &contact, &[]).await.unwrap();
        let notice = |news| NewNotice {
            case_number: number.clone(),
            news,
            language: "ti".into(),
        };
        store
            .add_promise(
                number,
                &full.promises[0],
                &[],
                &[notice(News::MissionScheduled), notice(News::Accepted)],
            )
            .await
            .unwrap();
        let (read, notices) = store.contact_and_notices(number).await.unwrap();
        assert_eq!(read, Some(contact), "{}", db.backend);
        assert_eq!(
            notices.iter().map(|n| n.news).collect::<Vec<_>>(),
            [News::Accepted, News::MissionScheduled],
            "{}: newest first",
            db.backend
        );
        assert!(notices[0].id > notices[1].id && notices[0].sent_at.is_none());
        assert_eq!(
            store
                .contact_and_notices(&CaseNumber::parse("ZZZ-99C99999").unwrap())
                .await
                .unwrap(),
            (None, vec![]),
            "{}: no such case",
            db.backend
        );

        assert!(
            store
                .case(&CaseNumber::parse("ZZZ-99C99999").unwrap())
                .await
                .unwrap()
                .is_none(),
            "{}",
            db.backend
        );
        conn.close().await.unwrap();
        store.close().await;
    }
    // Both, unless PostgreSQL was skipped on purpose (the clock-shifted runs), which the
    // test kit says loudly.
    let expected: &[&str] = match resettle_testkit::postgres::cluster() {
        Some(_) => &["sqlite", "postgres"],
        None => &["sqlite"],
    };
    assert_eq!(backends, expected, "every database was tried");
}
