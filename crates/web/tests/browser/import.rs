//! Importing submissions from a spreadsheet in the browser (issue 21): a bad row named in the
//! reader's language with nothing written, a preview that writes nothing, then the import.
use resettle_app::Caller;

use super::*;

const HEADER: &str = "case_number,country_of_asylum,nationality,categories,priority,channel,\
submitted_on,member_no,relationship,full_name,date_of_birth,sex,languages,education,\
occupation,linked_cases";
const MOTHER: &str = "BRW-26C00001,LB,SY,medical_needs,normal,dossier,2026-03-02,1,\
principal_applicant,Amal Haddad,1990-04-01,female,ar,,,";
const SON: &str = "BRW-26C00001,LB,SY,medical_needs,normal,dossier,2026-03-02,2,child,\
Omar Haddad,2015-09-12,male,ar,,,";

/// Chooses `path` in the page's file input and checks it with the button `label`, waiting
/// for the answer.
async fn check_file(c: &Client, path: &std::path::Path, label: &str) {
    c.find(Locator::Css("input[type='file']"))
        .await
        .unwrap()
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    click_button(c, label).await;
    for _ in 0..100 {
        if c.find(Locator::Css("#import-problem, #preview"))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no answer to the check");
}

/// A case officer uploads a spreadsheet with a bad row: the row is named, in English and
/// in French, with its column, value and reason, and nothing is written. Corrected, the
/// file is checked (a preview of what would be written, still nothing written), then
/// imported from the preview.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_officer_imports_a_spreadsheet_after_correcting_its_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("submissions.csv");
    std::fs::write(
        &bad,
        format!(
            "{HEADER}\n{MOTHER}\n{}\n",
            SON.replace("2015-09-12", "12/09/2015")
        ),
    )
    .unwrap();
    let good = dir.path().join("submissions-corrected.csv");
    std::fs::write(&good, format!("{HEADER}\n{MOTHER}\n{SON}\n")).unwrap();
    for db in resettle_testkit::databases() {
        let s = serve(db).await;
        let b = browser(1280).await;
        let c = &b.client;
        let who = s.backend;
        let registered = || async {
            s.app
                .case(&Caller::operator(), "BRW-26C00001")
                .await
                .is_ok()
        };
        sign_in(&s, &b, "case-officer").await;
        c.goto(&format!("{}/cases/new", s.base)).await.unwrap();
        click(c, "a[href='/import']").await;
        left(c, "/cases/new").await;
        review(c, who, "import").await;

        check_file(c, &bad, "Check the file").await;
        let problem = text_of(c, "#import-problem").await;
        assert!(
            problem.contains("submissions.csv has one problem"),
            "{who}: {problem}"
        );
        let row = text_of(c, "#problems tbody tr").await;
        for expected in ["3", "date_of_birth", "12/09/2015", "is not a date"] {
            assert!(row.contains(expected), "{who}: no {expected:?} in {row}");
        }
        assert!(!registered().await, "{who}: a refused file writes nothing");
        review(c, who, "import-refused").await;

        // The same refusal read in French.
        c.goto(&format!("{}/import?lang=fr", s.base)).await.unwrap();
        check_file(c, &bad, "Vérifier le fichier").await;
        let problem = text_of(c, "#import-problem").await;
        assert!(problem.contains("Rien n’a été importé"), "{who}: {problem}");
        review(c, who, "import-refused-fr").await;
        c.goto(&format!("{}/import?lang=en", s.base)).await.unwrap();

        check_file(c, &good, "Check the file").await;
        let preview = text_of(c, "#preview").await;
        assert!(
            preview
                .contains("one case, 2 persons: 1 would be registered, 0 are registered already"),
            "{who}: {preview}"
        );
        assert!(!registered().await, "{who}: a check writes nothing");
        review(c, who, "import-preview").await;

        click_button(c, "Import the case").await;
        for _ in 0..100 {
            if c.find(Locator::Css("#imported")).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let done = text_of(c, "#imported").await;
        assert!(done.contains("1 registered"), "{who}: {done}");
        assert!(registered().await, "{who}");
        review(c, who, "import-done").await;
    }
}
