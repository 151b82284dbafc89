//! Integration support through the app layer, on SQLite and PostgreSQL: a sponsor group
//! records a check-in for its family and the problem it flags opens a task on its work
//! list; the health answers are sealed and shown only to those who may read them; the
//! family answers its own check-in with its consent; the cohort figures are published
//! with small cells withheld; and each refusal (another provider's family, a role without
//! the permission) changes nothing.
use crate::common;
use resettle_app::support::{CheckInAnswers, CloseTask, FamilyCheckIn, NewContact, NewSupportPlan};
use resettle_app::{App, AppError, Caller};
use resettle_domain::support::{ContactKind, HealthAccess, ProviderKind, Schooling, Work};
use serde_json::Value;
use sqlx::Row;

use crate::common::caller_of;

/// The app on this file's demo caseload.
async fn demo_app(url: &str) -> App {
    common::demo_app(url, 3, 150).await
}

async fn count(url: &str, sql: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let n = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap();
    pool.close().await;
    n
}

/// The case numbers in integration support a caller may see.
async fn in_support(app: &App, caller: &Caller) -> Vec<String> {
    let list = app
        .list_cases(
            caller,
            &resettle_app::cases::CaseQuery {
                state: Some(resettle_domain::case::CaseState::IntegrationSupport),
                per_page: Some(500),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    list.items.into_iter().map(|c| c.case_number).collect()
}

/// Complete answers for a family (every child of school age, each working-age adult),
/// still in a shared house with a child out of school.
async fn answers(app: &App, number: &str, months: u32) -> CheckInAnswers {
    let case: Value = app.case(&Caller::operator(), number).await.unwrap();
    let ages: Vec<(u32, i64)> = case["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["member_no"].as_u64().unwrap() as u32,
                m["age"].as_i64().unwrap(),
            )
        })
        .collect();
    CheckInAnswers {
        months,
        answered_on: None,
        own_home: false,
        own_kitchen: false,
        own_shower: true,
        rooms: 2,
        language_course: true,
        schooling: ages
            .iter()
            .filter(|(_, age)| (5..=17).contains(age))
            .map(|&(member_no, _)| Schooling {
                member_no,
                in_school: true,
            })
            .collect(),
        work: ages
            .iter()
            .filter(|(_, age)| (18..=64).contains(age))
            .map(|&(member_no, _)| Work {
                member_no,
                working: true,
                training: false,
                matches_qualification: false,
            })
            .collect(),
        health: Some(HealthAccess {
            registered_with_doctor: true,
            care_when_needed: false,
        }),
        relatives_abroad: 1,
        feeling: 3,
    }
}

#[tokio::test]
async fn a_sponsor_records_a_check_in_and_the_flagged_problem_is_on_its_work_list() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let sponsor = caller_of(&app, "sponsor").await;
        let number = in_support(&app, &sponsor)
            .await
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{}: the demo sponsor supports no family", db.backend));
        // The latest check-in that has fallen due since the family arrived.
        let case: Value = app.case(&sponsor, &number).await.unwrap();
        let arrived: time::Date = serde_json::from_value(case["arrived_on"].clone()).unwrap();
        let months = [3, 6, 12, 18]
            .into_iter()
            .filter(|&m| {
                resettle_domain::support::checkin_due(arrived, m) <= resettle_testkit::TODAY
            })
            .max()
            .unwrap_or_else(|| panic!("{}: {number} arrived {arrived}", db.backend));
        assert!(months >= 6, "{}: {number} arrived {arrived}", db.backend);
        let view = app
            .record_checkin(&sponsor, &number, &answers(&app, &number, months).await)
            .await
            .unwrap();
        let open: Vec<&str> = view
            .tasks
            .iter()
            .filter(|t| t.closed_on.is_none())
            .map(|t| t.kind.as_str())
            .collect();
        let expected: &[&str] = if months >= 12 {
            &["no_own_housing", "relative_abroad"]
        } else {
            &["no_own_housing"]
        };
        for kind in expected {
            assert!(
                open.contains(kind),
                "{}: {kind} not in {open:?}",
                db.backend
            );
        }
        // A sponsor group records health answers but does not read them back.
        let answered = |v: &resettle_app::support::SupportView| {
            v.checkins
                .iter()
                .find(|c| c.months == months)
                .cloned()
                .unwrap()
        };
        assert_eq!(answered(&view).health, None);
        let list = app.support_work_list(&sponsor).await.unwrap();
        assert!(list.tasks.iter().any(|t| t.case_number == number));
        // The second answer to the same check-in opens no task twice.
        let tasks_of = format!(
            "SELECT COUNT(*) FROM support_tasks t JOIN cases c ON c.id = t.case_id \
             WHERE c.case_number = '{number}'"
        );
        let before = count(&db.url, &tasks_of).await;
        app.record_checkin(&sponsor, &number, &answers(&app, &number, months).await)
            .await
            .unwrap();
        assert_eq!(count(&db.url, &tasks_of).await, before, "{}", db.backend);
        // The health answers are sealed in the database, and a medical officer reads them.
        let stored: i64 = count(
            &db.url,
            "SELECT COUNT(*) FROM wellbeing_checkins WHERE health LIKE '%doctor%'",
        )
        .await;
        assert_eq!(
            stored, 0,
            "{}: health answers stored in the clear",
            db.backend
        );
        let medical = caller_of(&app, "medical-officer").await;
        let err = app.support(&medical, &number).await.unwrap_err();
        assert!(matches!(err, AppError::Forbidden { .. }), "{err:?}");
        let operator = Caller::operator();
        let seen = app.support(&operator, &number).await.unwrap();
        assert_eq!(
            answered(&seen).health,
            Some(HealthAccess {
                registered_with_doctor: true,
                care_when_needed: false,
            })
        );
        // Employment at a follow-up feeds the placement model's observed outcomes.
        if months >= 12 {
            let outcomes = count(
                &db.url,
                &format!(
                    "SELECT COUNT(*) FROM integration_outcomes o \
                     JOIN cases c ON c.id = o.case_id \
                     WHERE c.case_number = '{number}' AND o.months = {months} \
                     AND o.employed"
                ),
            )
            .await;
            assert!(outcomes >= 1, "{}: no outcome recorded", db.backend);
        }
    }
}

#[tokio::test]
async fn another_providers_family_is_not_found_and_a_role_without_the_permission_changes_nothing() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let provider = caller_of(&app, "support-provider").await;
        let sponsor = caller_of(&app, "sponsor").await;
        let mine = in_support(&app, &provider).await;
        assert!(
            !mine.is_empty(),
            "{}: the demo provider supports no family",
            db.backend
        );
        let theirs = in_support(&app, &sponsor).await[0].clone();
        assert!(!mine.contains(&theirs));
        let before = count(&db.url, "SELECT COUNT(*) FROM wellbeing_checkins").await;
        let err = app
            .record_checkin(&provider, &theirs, &answers(&app, &theirs, 6).await)
            .await
            .unwrap_err();
        assert!(not_found(&err), "{err:?}");
        let err = app.support(&provider, &theirs).await.unwrap_err();
        assert!(not_found(&err), "{err:?}");
        // A municipality records check-ins but does not set plans.
        let municipality = caller_of(&app, "municipality").await;
        let theirs_too = in_support(&app, &municipality).await;
        if let Some(n) = theirs_too.first() {
            let err = app
                .set_support_plan(
                    &municipality,
                    n,
                    &NewSupportPlan {
                        provider: "Someone".into(),
                        provider_kind: ProviderKind::Ngo,
                        starts_on: None,
                    },
                )
                .await
                .unwrap_err();
            assert!(matches!(err, AppError::Forbidden { .. }), "{err:?}");
        }
        // An auditor may not record a check-in, even on a family it names correctly.
        let auditor = caller_of(&app, "auditor").await;
        let err = app
            .record_checkin(&auditor, &mine[0], &answers(&app, &mine[0], 6).await)
            .await
            .unwrap_err();
        assert!(
            matches!(err, AppError::Forbidden { .. }) || not_found(&err),
            "{err:?}"
        );
        assert_eq!(
            count(&db.url, "SELECT COUNT(*) FROM wellbeing_checkins").await,
            before,
            "{}: a refusal wrote a check-in",
            db.backend
        );
        // The provider's own family: a contact before the plan starts is refused naming
        // the field; one today is logged; its check-in's health answers are the
        // provider's to read.
        let early = app
            .log_support_contact(
                &provider,
                &mine[0],
                &NewContact {
                    on: Some(time::macros::date!(2000 - 01 - 01)),
                    kind: ContactKind::Visit,
                    note: "first visit".into(),
                },
            )
            .await
            .unwrap_err();
        assert!(early.to_string().starts_with("on: "), "{early}");
        let view = app
            .log_support_contact(
                &provider,
                &mine[0],
                &NewContact {
                    on: None,
                    kind: ContactKind::Visit,
                    note: "home visit, school registration".into(),
                },
            )
            .await
            .unwrap();
        assert_eq!(view.contacts.len(), 1);
        let mut a = answers(&app, &mine[0], 6).await;
        a.schooling.push(Schooling {
            member_no: 40,
            in_school: true,
        });
        let refused = app
            .record_checkin(&provider, &mine[0], &a)
            .await
            .unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("member_no: 40 is not in the family"),
            "{refused}"
        );
        let view = app
            .record_checkin(&provider, &mine[0], &answers(&app, &mine[0], 6).await)
            .await
            .unwrap();
        let six = view.checkins.iter().find(|c| c.months == 6).unwrap();
        assert!(six.health.is_some());
    }
}

#[tokio::test]
async fn a_family_answers_its_own_check_in_only_with_its_consent_and_cohorts_are_suppressed() {
    for db in resettle_testkit::databases() {
        let app = demo_app(&db.url).await;
        let officer = caller_of(&app, "reception-officer").await;
        let number = in_support(&app, &officer).await[0].clone();
        let issued = app.issue_family_code(&officer, &number).await.unwrap();
        let (_, family) = app
            .family_sign_in(&number, &issued.code, "192.0.2.1")
            .await
            .unwrap();
        let answers = answers(&app, &number, 3).await;
        let err = app
            .family_checkin(
                &family,
                &FamilyCheckIn {
                    consent: false,
                    answers: answers.clone(),
                },
            )
            .await
            .unwrap_err();
        assert!(err.to_string().starts_with("consent:"), "{err}");
        app.family_checkin(
            &family,
            &FamilyCheckIn {
                consent: true,
                answers,
            },
        )
        .await
        .unwrap();
        let view = app.support(&officer, &number).await.unwrap();
        let three = view.checkins.iter().find(|c| c.months == 3).unwrap();
        assert_eq!(three.answered_by.as_str(), "family");
        let cohorts = app.cohort_figures("BE").await.unwrap();
        assert_eq!(cohorts.small_cell_threshold, 5);
        // The demo's check-ins give figures; none shows a small count.
        assert!(
            cohorts
                .cohorts
                .iter()
                .any(|c| c.language_course.of.is_some()),
            "{}: {cohorts:?}",
            db.backend
        );
        for c in &cohorts.cohorts {
            for s in [
                c.own_housing_by_month_6,
                c.language_course,
                c.children_in_school,
                c.employed_12,
                c.reunification_pending,
            ] {
                if let (Some(of), Some(yes)) = (s.of, s.yes) {
                    for n in [yes, of - yes] {
                        assert!(n == 0 || n >= 5, "{}: {c:?}", db.backend);
                    }
                }
            }
        }
    }
}

/// The staff pages' rules: a task is closed only by those who manage support, only with a
/// note of what was done, and each refusal changes nothing; the check-in form is asked
/// only by those who record check-ins, of their own families; the work list lists the
/// caller's families only.
#[tokio::test]
async fn a_task_is_closed_with_a_note_by_whom_manages_support_and_refusals_change_nothing() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        let sponsor = caller_of(&app, "sponsor").await;
        let provider = caller_of(&app, "support-provider").await;
        let theirs = in_support(&app, &sponsor).await[0].clone();
        // The sponsor's family, also followed by the provider's NGO.
        let operator = Caller::operator();
        let plan = app.support(&operator, &theirs).await.unwrap().plan.unwrap();
        app.set_support_plan(
            &operator,
            &theirs,
            &NewSupportPlan {
                provider: provider.organisation.clone().unwrap(),
                provider_kind: ProviderKind::Ngo,
                starts_on: Some(plan.starts_on),
            },
        )
        .await
        .unwrap();
        // The check-in due, or once all are answered the latest, to record again.
        let months = app
            .checkin_form(&sponsor, &theirs)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{who}: no check-in to record for {theirs}"))
            .months;
        let view = app
            .record_checkin(&sponsor, &theirs, &answers(&app, &theirs, months).await)
            .await
            .unwrap();
        let task = view
            .tasks
            .iter()
            .find(|t| t.closed_on.is_none())
            .unwrap_or_else(|| panic!("{who}: no task opened"))
            .id;
        let open =
            format!("SELECT COUNT(*) FROM support_tasks WHERE closed_on IS NULL AND id = {task}");
        let note = |n: &str| CloseTask { note: n.into() };
        // A sponsor group records check-ins but does not close tasks.
        let err = app
            .close_support_task(&sponsor, &theirs, task, &note("done"))
            .await
            .unwrap_err();
        assert!(matches!(err, AppError::Forbidden { .. }), "{who}: {err:?}");
        // The provider without a note, with an overlong one, or another family's task.
        for (n, field) in [("  ", "note"), (&"x".repeat(1001)[..], "note")] {
            let err = app
                .close_support_task(&provider, &theirs, task, &note(n))
                .await
                .unwrap_err();
            assert!(
                matches!(&err, AppError::Refused(r) if r.field == field),
                "{who}: {err:?}"
            );
        }
        let mine = in_support(&app, &provider).await;
        let other = mine.iter().find(|n| **n != theirs).unwrap();
        let err = app
            .close_support_task(&provider, other, task, &note("done"))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, AppError::Refused(r) if r.field == "task_id"),
            "{who}: {err:?}"
        );
        assert_eq!(
            count(&db.url, &open).await,
            1,
            "{who}: a refusal closed the task"
        );
        let view = app
            .close_support_task(&provider, &theirs, task, &note("School place found"))
            .await
            .unwrap();
        let closed = view.tasks.iter().find(|t| t.id == task).unwrap();
        assert_eq!(
            closed.closed_note.as_deref(),
            Some("School place found"),
            "{who}"
        );
        assert_eq!(count(&db.url, &open).await, 0, "{who}");
        // The check-in form: not an auditor's, and not of another provider's family.
        let auditor = caller_of(&app, "auditor").await;
        let err = app.checkin_form(&auditor, &theirs).await.unwrap_err();
        assert!(
            matches!(err, AppError::Forbidden { .. }) || not_found(&err),
            "{who}: {err:?}"
        );
        let sponsors = in_support(&app, &sponsor).await;
        if let Some(n) = mine.iter().find(|n| !sponsors.contains(n)) {
            let err = app.checkin_form(&sponsor, n).await.unwrap_err();
            assert!(not_found(&err), "{who}: {err:?}");
        }
        // The work list names the caller's families only.
        let list = app.support_work_list(&sponsor).await.unwrap();
        assert!(
            list.families
                .iter()
                .all(|f| sponsors.contains(&f.case_number)),
            "{who}"
        );
        assert!(
            list.families.iter().any(|f| f.case_number == theirs),
            "{who}"
        );
    }
}

/// A case outside the caller's scope is refused as one that does not exist.
fn not_found(e: &AppError) -> bool {
    matches!(e, AppError::NotFound(_))
        || matches!(e, AppError::Refused(r) if r.kind.as_str() == "no_such_case")
}

/// The dashboard keeps its cohort figures a while (counting them reads every check-in):
/// a check-in recorded through another server shows once that while has passed, and one
/// recorded through this server shows at once.
#[tokio::test]
async fn the_dashboard_keeps_its_cohort_figures_until_a_check_in_or_a_quarter_of_an_hour() {
    for db in resettle_testkit::databases() {
        let b = db.backend;
        let clock = std::sync::Arc::new(resettle_app::FixedClock::on(resettle_testkit::TODAY));
        let app = demo_app(&db.url).await.with_clock(clock.clone());
        let other = App::open(&db.url)
            .await
            .unwrap()
            .with_keys(resettle_app::Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
            .with_clock(clock.clone());
        let op = Caller::operator();
        let shown = |d: resettle_app::Dashboard| d.cohorts[0].cohorts.clone();
        let before = shown(app.dashboard().await.unwrap());

        // Families without a language course, recorded through the other server until a
        // published figure changes (small cells hide the first ones).
        let mut families = in_support(&app, &op).await.into_iter();
        let mut record = async |through: &App| {
            for number in families.by_ref() {
                let case: Value = app.case(&op, &number).await.unwrap();
                let arrived: time::Date =
                    serde_json::from_value(case["arrived_on"].clone()).unwrap();
                let Some(months) = [3, 6, 12, 18].into_iter().rfind(|&m| {
                    resettle_domain::support::checkin_due(arrived, m) <= resettle_testkit::TODAY
                }) else {
                    continue;
                };
                let mut a = answers(through, &number, months).await;
                a.language_course = false;
                if through.record_checkin(&op, &number, &a).await.is_ok() {
                    return;
                }
            }
            panic!("{b}: no family left to record a check-in for");
        };
        let mut counted = before.clone();
        for _ in 0..40 {
            record(&other).await;
            counted = other.cohort_figures("BE").await.unwrap().cohorts;
            if counted != before {
                break;
            }
        }
        assert_ne!(counted, before, "{b}: forty check-ins changed no figure");
        assert_eq!(shown(app.dashboard().await.unwrap()), before, "{b}: kept");

        // A check-in through this server: counted again at once.
        record(&app).await;
        let now = app.cohort_figures("BE").await.unwrap().cohorts;
        assert_ne!(now, before, "{b}");
        assert_eq!(shown(app.dashboard().await.unwrap()), now, "{b}");

        // Through the other server: shown a quarter of an hour later.
        record(&other).await;
        clock.advance(resettle_app::support::COHORTS_KEPT_FOR + time::Duration::SECOND);
        assert_eq!(
            shown(app.dashboard().await.unwrap()),
            app.cohort_figures("BE").await.unwrap().cohorts,
            "{b}"
        );
    }
}
