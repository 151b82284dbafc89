use proptest::prelude::*;

use super::*;

const HEADER: &str = "case_number,country_of_asylum,nationality,categories,priority,channel,\
submitted_on,member_no,relationship,full_name,date_of_birth,sex,languages,education,\
occupation,linked_cases";

fn table(csv: &str) -> Vec<Vec<String>> {
    read_table(FileKind::Csv, csv.as_bytes()).unwrap()
}

fn file(rows: &[&str]) -> String {
    let mut s = HEADER.to_string();
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s
}

const MOTHER: &str = "LEB-26C00001,LB,SY,legal_physical_protection;medical_needs,normal,mission,2026-03-02,1,principal_applicant,\
Amal Haddad,1990-04-01,female,ar;en,secondary,teacher,";
const SON: &str = "LEB-26C00001,LB,SY,legal_physical_protection;medical_needs,normal,mission,2026-03-02,2,child,Omar Haddad,\
2015-09-12,male,ar,,,";

#[test]
fn a_family_on_two_rows_is_one_case_with_its_members_in_order() {
    let cases = cases("BE", &table(&file(&[SON, MOTHER]))).unwrap();
    assert_eq!(cases.len(), 1);
    let c = &cases[0].1;
    assert_eq!(cases[0].0, 2, "the case starts on its first row");
    assert_eq!(
        (c.programme.as_str(), c.case_number.as_str()),
        ("BE", "LEB-26C00001")
    );
    assert_eq!(
        c.categories.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        ["legal_physical_protection", "medical_needs"]
    );
    let names: Vec<&str> = c.members.iter().map(|m| m.full_name.as_str()).collect();
    assert_eq!(names, ["Amal Haddad", "Omar Haddad"]);
    assert_eq!(c.members[0].languages, ["ar", "en"]);
    assert_eq!(c.members[1].education, None);
}

#[test]
fn every_bad_cell_is_named_by_row_column_value_and_reason() {
    let bad = "LEB-26C00002,XX,SY,medical_needs,soon,mission,2026-13-01,1,principal_applicant,,\
1990-01-01,female,ar,,,";
    let problems = cases("BE", &table(&file(&[MOTHER, bad]))).unwrap_err();
    let at: Vec<(usize, &str, &str)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            (3, "country_of_asylum", "XX"),
            (3, "priority", "soon"),
            (3, "submitted_on", "2026-13-01"),
            (3, "full_name", ""),
        ]
    );
    assert!(problems.iter().all(|p| !p.reason.is_empty()));
}

#[test]
fn a_family_whose_rows_disagree_or_skip_a_member_is_refused() {
    let other_day = SON.replace("2026-03-02", "2026-03-03");
    let problems = cases("BE", &table(&file(&[MOTHER, &other_day]))).unwrap_err();
    assert_eq!(
        (problems[0].row, problems[0].column.as_str()),
        (3, "submitted_on")
    );
    assert!(
        problems[0].reason.contains("differs from row 2"),
        "{problems:?}"
    );

    let third = SON.replace(",2,child,", ",3,child,");
    let problems = cases("BE", &table(&file(&[MOTHER, &third]))).unwrap_err();
    assert_eq!(
        (problems[0].row, problems[0].column.as_str()),
        (2, "member_no")
    );

    let problems = cases("BE", &table(&file(&[MOTHER, MOTHER]))).unwrap_err();
    assert!(problems[0].reason.contains("twice"), "{problems:?}");
}

#[test]
fn a_header_other_than_the_layout_and_an_empty_file_are_refused() {
    let moved = HEADER.replace(
        "case_number,country_of_asylum",
        "country_of_asylum,case_number",
    );
    let problems = cases("BE", &table(&format!("{moved}\n{MOTHER}"))).unwrap_err();
    assert_eq!((problems.len(), problems[0].row), (1, 1));
    assert!(cases("BE", &[]).is_err());
    assert!(cases("BE", &table(HEADER)).is_err());
    assert_eq!(FileKind::of("UNHCR.XLSX"), Some(FileKind::Xlsx));
    assert_eq!(FileKind::of("cases.ods"), None);
}

#[test]
fn a_workbook_reads_as_its_csv_does_with_days_and_whole_numbers() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let mother: Vec<&str> = MOTHER.split(',').collect();
    for (c, v) in mother.iter().enumerate() {
        match c {
            7 => {
                sheet.write_number(1, c as u16, 1.0).unwrap();
            }
            6 => {
                let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 3, 2).unwrap();
                let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                sheet
                    .write_datetime_with_format(1, c as u16, &day, &format)
                    .unwrap();
            }
            _ => {
                sheet.write_string(1, c as u16, *v).unwrap();
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let from_xlsx = cases("BE", &read_table(FileKind::Xlsx, &bytes).unwrap()).unwrap();
    let from_csv = cases("BE", &table(&file(&[MOTHER]))).unwrap();
    assert_eq!(
        serde_json::to_value(&from_xlsx).unwrap(),
        serde_json::to_value(&from_csv).unwrap()
    );
    assert!(read_table(FileKind::Xlsx, b"PK not a workbook").is_err());
}

/// A cell: mostly valid values, sometimes anything at all.
fn any_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("LEB-26C00001".to_string()),
        Just("1".to_string()),
        Just("2026-03-02".to_string()),
        Just("legal_physical_protection;medical_needs".to_string()),
        "\\PC{0,12}",
    ]
}

proptest! {
    /// Whatever the cells, checking never panics; the cases come out only with no
    /// problem, and then every non-empty row is a member of exactly one case.
    #[test]
    fn checking_any_table_never_panics_and_is_all_or_nothing(
        rows in prop::collection::vec(prop::collection::vec(any_cell(), 0..18), 0..6),
        valid in prop::collection::vec(0usize..2, 0..4),
    ) {
        let mut t = vec![COLUMNS.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
        for v in valid {
            let row = if v == 0 { MOTHER } else { SON };
            t.push(row.split(',').map(str::to_string).collect());
        }
        t.extend(rows);
        match cases("BE", &t) {
            Ok(cs) => {
                let members: usize = cs.iter().map(|(_, c)| c.members.len()).sum();
                let filled = t[1..].iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).count();
                prop_assert_eq!(members, filled);
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    /// Any bytes, as CSV or as a workbook: read or refused, never a panic.
    #[test]
    fn reading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_table(FileKind::Csv, &bytes).map(|t| cases("BE", &t));
        let _ = read_table(FileKind::Xlsx, &bytes);
    }
}
