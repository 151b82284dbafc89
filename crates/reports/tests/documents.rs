//! The documents as people receive them: a family's export and the report to Parliament
//! typeset as PDF and read back with `pdftotext` (Debian's poppler-utils), the report's
//! workbook read back with calamine, its CSV parsed. Pages are also drawn as PNG with
//! `pdftoppm` under `target/tmp/documents/` for people to look at.
use std::path::PathBuf;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use resettle_app::annual::AnnualRequest;
use resettle_app::funding::{ClaimRequest, Instrument};
use resettle_app::{App, Caller, DemoConfig, FixedClock, Keyring, Role};
use resettle_reports::document::Document;
use resettle_reports::{DocLang, Format, annual, funding, render, subject_access};
use sqlx::Row;

/// A name in Arabic script, as a family writes it.
const ARABIC_NAME: &str = "فاطمة الحلبي";
/// A name in Ethiopic script (Tigrinya).
const ETHIOPIC_NAME: &str = "ሰላም ተስፋይ";

async fn demo_app(url: &str) -> App {
    let app = App::open(url)
        .await
        .unwrap()
        .with_keys(Keyring::parse(resettle_testkit::TEST_DATA_KEY).unwrap())
        .with_clock(std::sync::Arc::new(FixedClock::on(resettle_testkit::TODAY)));
    app.load_demo(
        &DemoConfig {
            seed: 11,
            cases: 200,
            as_of: resettle_testkit::TODAY,
        },
        false,
    )
    .await
    .unwrap();
    app
}

fn caller(role: Role) -> Caller {
    Caller {
        username: role.as_str().into(),
        roles: vec![role],
        organisation: None,
        source: "test".into(),
    }
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("documents");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the PDF, draws its pages as PNG (first `pages` of them) and returns its text.
fn read_back(pdf: &[u8], name: &str, pages: u32) -> String {
    let dir = out_dir();
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(text.status.success(), "pdftotext failed on {name}");
    let png = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-l", &pages.to_string()])
        .arg(&file)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (apt-get install poppler-utils)");
    assert!(png.success(), "pdftoppm failed on {name}");
    String::from_utf8(text.stdout).unwrap()
}

/// Text as compared: without the direction marks pdftotext adds around right-to-left runs,
/// without Arabic vowel marks (which it may give before or after the letter they sit on),
/// and with one space for any run of white space (a cell's text may wrap).
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                && !matches!(c, '\u{064b}'..='\u{0652}' | '\u{0670}')
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number of pages pdftotext found (pages end with a form feed).
fn page_count(text: &str) -> usize {
    text.matches('\u{c}').count()
}

/// Gives the principal applicant of a case with a medical record a name in Arabic script
/// and its second member one in Ethiopic, as a family whose names were registered in their
/// own script.
async fn family_in_own_script(url: &str) -> String {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let case: (i64, String) = {
        let r = sqlx::query(
            "SELECT c.id, c.case_number FROM cases c WHERE c.family_size >= 2 \
               AND EXISTS (SELECT 1 FROM medical_records m WHERE m.case_id = c.id) \
             ORDER BY c.id LIMIT 1",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        (r.try_get(0).unwrap(), r.try_get(1).unwrap())
    };
    for (no, name) in [(1, ARABIC_NAME), (2, ETHIOPIC_NAME)] {
        sqlx::query(
            "UPDATE family_members SET full_name = $1 WHERE case_id = $2 AND member_no = $3",
        )
        .bind(name)
        .bind(case.0)
        .bind(no)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
    case.1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_reads_its_export_in_its_own_language_with_its_names_in_their_script() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let number = family_in_own_script(&db.url).await;
    let officer = caller(Role::CaseOfficer);
    // An officer opens the case before the export, so the export has a reader to name.
    app.case_full(&officer, &number).await.unwrap();
    let export = app.subject_export(&officer, &number).await.unwrap();

    // In Arabic: headings in words, the names in their own script, joined and in order.
    // (Words with vowel marks are left out of the comparison: pdftotext gives a letter
    // carrying a shadda twice, though the page shows it once; see the PNGs.)
    let doc = subject_access::document(&export, DocLang::Ar);
    let text = plain(&read_back(
        &render(&doc, Format::Pdf).unwrap(),
        "export-ar",
        3,
    ));
    for expected in [
        ARABIC_NAME,
        "بياناتك الشخصية لدى برنامج إعادة التوطين",
        "أسرتك",
        "لماذا نحتفظ ببياناتك",
        "مراحل ملفك",
        "على بياناتك أو",
        "صفحة 1",
        &number,
    ] {
        assert!(
            text.contains(&plain(expected)),
            "{expected:?} not in the Arabic export:\n{text}"
        );
    }
    assert!(
        text.contains(ETHIOPIC_NAME),
        "the Ethiopic name prints:\n{text}"
    );
    assert!(
        !text.contains("members[") && !text.contains('?'),
        "no JSON paths, no '?'"
    );

    // In Persian and in English, with the nationality and state as words.
    let fa = read_back(
        &render(&subject_access::document(&export, DocLang::Fa), Format::Pdf).unwrap(),
        "export-fa",
        1,
    );
    let fa = plain(&fa);
    for expected in ["اطلاعات شخصی شما نزد", "سلامت شما", ARABIC_NAME] {
        assert!(
            fa.contains(expected),
            "{expected:?} not in the Persian export:\n{fa}"
        );
    }
    let en = plain(&read_back(
        &render(&subject_access::document(&export, DocLang::En), Format::Pdf).unwrap(),
        "export-en",
        2,
    ));
    let nationality = DocLang::En.word("country", &export.case.nationality);
    let state = DocLang::En.word("state", export.case.state.as_str());
    for expected in [
        "Your personal data held by the resettlement programme",
        "Why we hold your data",
        "Your family",
        "Who has seen or changed your data",
        "looked at it",
        "Your health",
        ARABIC_NAME,
        nationality.as_str(),
        state.as_str(),
    ] {
        assert!(
            en.contains(expected),
            "{expected:?} not in the English export:\n{en}"
        );
    }
    assert!(en.contains("Page 1 of"), "pages are numbered:\n{en}");
}

/// The figures of a built report as published: its tables' cells by table key.
fn cells(doc: &Document, key: &str) -> Vec<Vec<String>> {
    let (_, table) = doc.tables().find(|(_, t)| t.key == key).unwrap();
    table
        .rows
        .iter()
        .chain(table.total.iter())
        .map(|r| r.iter().map(|c| c.text.clone()).collect())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_reads_the_same_in_pdf_xlsx_and_csv() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let report = app
        .annual_report(
            &caller(Role::Planner),
            &AnnualRequest {
                programme: None,
                year: 2025,
                round_to_five: false,
            },
        )
        .await
        .unwrap();
    let persons = report.arrived_persons.unwrap();
    let doc = annual::document(&report, DocLang::Nl, app.now());

    // The PDF: title page, contents, numbered pages, the figures in Dutch.
    let raw = read_back(&render(&doc, Format::Pdf).unwrap(), "report-nl", 8);
    assert!(
        page_count(&raw) >= 4,
        "a title page, contents and the report"
    );
    let text = plain(&raw);
    for expected in [
        "Hervestiging in 2025: verslag aan het parlement",
        "Inhoud",
        "Toezeggingen tegenover aankomsten",
        "Aangekomen personen naar nationaliteit",
        "Hoe de cijfers tot stand kwamen",
        "Wat het programma na aankomst leert",
        "Het quotum per situatie tegenover aankomsten",
        &DocLang::Nl.count(persons),
        &DocLang::Nl.word("country", "SY"),
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF:\n{text}"
        );
    }
    assert!(text.contains("Pagina 2 van"), "pages are numbered:\n{text}");

    // The workbook: a sheet per table, numbers as numbers, the same as the document.
    let xlsx = render(&doc, Format::Xlsx).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("arrivals-nationality").unwrap();
    let table = cells(&doc, "arrivals-nationality");
    for (i, row) in table.iter().enumerate() {
        let label = sheet.get_value((3 + i as u32, 0)).unwrap();
        assert_eq!(label.to_string(), row[0], "row {i}");
        match sheet.get_value((3 + i as u32, 1)).unwrap() {
            Data::Float(v) => assert_eq!(DocLang::Nl.number(*v, 0), row[1], "row {i}"),
            Data::String(s) => assert_eq!(s, &row[1], "a withheld cell keeps its mark"),
            other => panic!("row {i}: {other:?}"),
        }
    }
    let total = table.last().unwrap();
    assert_eq!(total[1], DocLang::Nl.count(persons));

    // The CSV: one figure per line, numbers plain.
    let csv = String::from_utf8(render(&doc, Format::Csv).unwrap()).unwrap();
    assert!(csv.starts_with("section,table,row,column,value\n"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("arrivals,arrivals-nationality,Totaal,")
                && l.ends_with(&format!(",{persons}"))),
        "{csv}"
    );

    // What the programme learns after arrival and the quota against arrivals: the same
    // in the workbook and the CSV as in the document.
    for key in ["cohorts", "quota"] {
        let table = cells(&doc, key);
        assert!(!table.is_empty(), "no {key} table");
        let sheet = book.worksheet_range(key).unwrap();
        assert_eq!(
            sheet.get_value((3, 0)).unwrap().to_string(),
            table[0][0],
            "{key}"
        );
        assert!(
            csv.lines().any(|l| l.starts_with(&format!("{key},{key},"))),
            "no {key} line in the CSV"
        );
    }
    let housing = &cells(&doc, "cohorts")[0];
    assert_eq!(housing[0], "Eigen woning na 6 maanden");
    for (cell, c) in housing[1..].iter().zip(&report.cohorts.cohorts) {
        let s = c.own_housing_by_month_6;
        if let (Some(yes), Some(of)) = (s.yes, s.of)
            && of > 0
        {
            assert!(
                cell.starts_with(&format!(
                    "{} van {}",
                    DocLang::Nl.count(yes),
                    DocLang::Nl.count(of)
                )),
                "{cell}"
            );
        }
    }

    // The HTML: one page, in Dutch, with the chart.
    let html = String::from_utf8(render(&doc, Format::Html).unwrap()).unwrap();
    assert!(html.contains("<html lang=\"nl\" dir=\"ltr\">") && html.contains("<svg"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_reads_the_same_in_pdf_xlsx_csv_and_html() {
    let db = resettle_testkit::sqlite();
    let app = demo_app(&db.url).await;
    let claim = app
        .funding_claim(
            &caller(Role::Planner),
            &ClaimRequest {
                programme: None,
                instrument: Instrument::Amif,
                year: 2025,
            },
        )
        .await
        .unwrap();
    assert!(!claim.lines.is_empty());
    let doc = funding::document(&claim, DocLang::Fr, app.now());
    let total = DocLang::Fr.euros(claim.total_cents);

    // The PDF: the title, the total and every person's case number, in French.
    let text = plain(&read_back(
        &render(&doc, Format::Pdf).unwrap(),
        "claim-fr",
        2,
    ));
    for expected in [
        "Demande AMIF pour les arrivées de 2025",
        "Total demandé",
        &plain(&total),
        &claim.lines[0].person_id,
        &claim.lines.last().unwrap().person_id,
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF:\n{text}"
        );
    }

    // The workbook: a line per person, amounts as euros, the total last.
    let xlsx = render(&doc, Format::Xlsx).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("claim").unwrap();
    let amount_col = 5;
    for (i, line) in claim.lines.iter().enumerate() {
        let row = 3 + i as u32;
        assert_eq!(
            sheet.get_value((row, 0)).unwrap().to_string(),
            line.person_id
        );
        assert_eq!(
            sheet.get_value((row, amount_col)).unwrap(),
            &Data::Float(line.amount_cents as f64 / 100.0),
            "row {i}"
        );
    }
    assert_eq!(
        sheet
            .get_value((3 + claim.lines.len() as u32, amount_col))
            .unwrap(),
        &Data::Float(claim.total_cents as f64 / 100.0)
    );

    // The CSV and the HTML hold the same total.
    let csv = String::from_utf8(render(&doc, Format::Csv).unwrap()).unwrap();
    let euros = (claim.total_cents / 100).to_string();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("lines,claim,Total,") && l.ends_with(&format!(",{euros}"))),
        "{csv}"
    );
    let html = String::from_utf8(render(&doc, Format::Html).unwrap()).unwrap();
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">") && html.contains(&total));
}
