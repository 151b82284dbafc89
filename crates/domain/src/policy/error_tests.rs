//! Broken profiles are refused with the line, column and key to fix.
use super::*;

/// The smallest reason lists: `other` alone in each, labelled in English only.
macro_rules! minimal_reasons {
    () => {
        r#"
[[reasons.slip]]
code = "other"
label.en = "other reason"
[[reasons.deferral]]
code = "other"
label.en = "other reason"
[[reasons.withdrawal]]
code = "other"
label.en = "other reason"
[[reasons.breakdown]]
code = "other"
label.en = "other reason"
"#
    };
}
pub(super) use minimal_reasons;

/// The smallest profile that passes; tests append to it or replace parts of it.
const MINIMAL: &str = concat!(
    r#"name = "test"
version = 1
title = "Test"
country = "BE"
sources = ["tests"]

[channels.mission]
[channels.dossier]
emergency = true

[assessment]
authority = "CGVS"
[[assessment.checks]]
name = "protection_need"
label.en = "need for protection"
"#,
    minimal_reasons!(),
    r#"
[reception]
model = "centre_then_local"
"#
);

/// The line (from 1) of `text` on which `needle` first appears.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

fn refuse(text: &str) -> PolicyError {
    match PolicyProfile::parse(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn the_minimal_profile_passes_with_defaults() {
    let p = PolicyProfile::parse(MINIMAL).unwrap();
    assert_eq!(p.identity().version, Version::Number(1));
    assert!(
        p.steps().off().is_empty()
            && p.time_limits().is_empty()
            && p.pre_departure_checks().is_empty()
    );
    assert_eq!(p.support_months(), DEFAULT_SUPPORT_MONTHS);
    assert_eq!(p.data_protection(), DataProtection::default());
    assert_eq!(p.allowance_cents(3, 3, true), 0);
    assert!(p.planning().is_none());
}

#[test]
fn malformed_toml_reports_line_and_column() {
    let text = format!("{MINIMAL}\n[integration]\nsupport_months = = 18\n");
    let e = refuse(&text);
    let loc = e.location.unwrap();
    assert_eq!(loc.line, line_of(&text, "support_months = ="));
    assert_eq!(loc.column, 18, "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("line {}, column 18: ", loc.line)),
        "{e}"
    );
}

#[test]
fn an_unterminated_string_is_placed_on_its_line() {
    let text = MINIMAL.replace(r#"title = "Test""#, r#"title = "Test"#);
    let e = refuse(&text);
    assert_eq!(e.location.unwrap().line, 3, "{e}");
}

#[test]
fn a_misspelt_key_is_refused_with_its_line() {
    let text = format!("{MINIMAL}sponsorship_skips_center = true\n");
    let e = refuse(&text);
    assert_eq!(
        e.location.unwrap().line,
        line_of(&text, "sponsorship_skips_center"),
        "{e}"
    );
    assert!(e.reason.contains("sponsorship_skips_center"), "{e}");
}

#[test]
fn an_unknown_state_names_the_key_and_the_states() {
    let text =
        format!("{MINIMAL}\n[[time_limits]]\nfrom = \"accepted\"\nto = \"arived\"\ndays = 183\n");
    let e = refuse(&text);
    assert_eq!(e.key.as_deref(), Some("time_limits[0].to"));
    let loc = e.location.unwrap();
    assert_eq!(
        (loc.line, loc.column),
        (line_of(&text, "to = \"arived\""), 6)
    );
    let msg = e.in_file("policies/x.toml");
    assert!(
        msg.starts_with(&format!(
            "policies/x.toml: line {}, column 6: time_limits[0].to: unknown state \"arived\"; expected one of: submitted,",
            loc.line
        )),
        "{msg}"
    );
}

#[test]
fn an_unknown_priority_names_the_key() {
    let text = format!(
        "{MINIMAL}\n[[time_limits]]\nfrom = \"accepted\"\nto = \"arrived\"\ndays = 9\npriority = \"asap\"\n"
    );
    let e = refuse(&text);
    assert_eq!(e.key.as_deref(), Some("time_limits[0].priority"));
    assert!(
        e.reason
            .contains("unknown priority \"asap\"; expected one of: emergency, urgent, normal"),
        "{e}"
    );
}

#[test]
fn negative_days_are_refused_with_the_key() {
    let text = format!(
        "{MINIMAL}\n[[time_limits]]\nfrom = \"accepted\"\nto = \"arrived\"\ndays = 30\n\n[[time_limits]]\nfrom = \"arrived\"\nto = \"housed\"\ndays = -5\n"
    );
    let e = refuse(&text);
    assert_eq!(e.key.as_deref(), Some("time_limits[1].days"));
    assert_eq!(e.location.unwrap().line, line_of(&text, "days = -5"));
    assert!(e.reason.contains("got -5"), "{e}");
}

#[test]
fn a_limit_on_a_switched_off_or_unreachable_state_is_refused() {
    let off = MINIMAL.replace(
        "[reception]\nmodel = \"centre_then_local\"",
        "[steps]\noff = [\"in_reception\"]\n\n[reception]\nmodel = \"direct_municipality\"",
    );
    let e = refuse(&format!(
        "{off}\n[[time_limits]]\nfrom = \"arrived\"\nto = \"in_reception\"\ndays = 9\n"
    ));
    assert_eq!(e.key.as_deref(), Some("time_limits[0].to"), "{e}");
    let e = refuse(&format!(
        "{MINIMAL}\n[[time_limits]]\nfrom = \"arrived\"\nto = \"accepted\"\ndays = 9\n"
    ));
    assert!(e.reason.contains("can never reach accepted"), "{e}");
}

#[test]
fn switching_off_a_state_that_strands_others_is_refused_naming_it() {
    let text = MINIMAL.replace("[reception]", "[steps]\noff = [\"housed\"]\n\n[reception]");
    let e = refuse(&text);
    assert_eq!(e.key.as_deref(), Some("steps.off"));
    assert_eq!(e.location.unwrap().line, line_of(&text, "off = "));
    assert!(e.reason.contains("strands arrived"), "{e}");
}

#[test]
fn a_required_state_cannot_be_switched_off() {
    let text = MINIMAL.replace(
        "[reception]",
        "[steps]\noff = [\"in_reception\", \"closed\"]\n\n[reception]",
    );
    let e = refuse(&text);
    assert_eq!(e.key.as_deref(), Some("steps.off[1]"));
    assert!(e.reason.contains("closed cannot be switched off"), "{e}");
}

#[test]
fn a_programme_without_missions_switches_their_steps_off() {
    let no_missions = MINIMAL.replace("[channels.mission]\n", "");
    let e = refuse(&no_missions);
    assert!(
        e.reason
            .contains("scheduled_for_mission must be switched off"),
        "{e}"
    );
    let ok = no_missions.replace(
        "[reception]",
        "[steps]\noff = [\"scheduled_for_mission\", \"interviewed\"]\n\n[reception]",
    );
    let p = PolicyProfile::parse(&ok).unwrap();
    assert_eq!(
        p.next(CaseState::Submitted),
        [
            CaseState::DossierReview,
            CaseState::Withdrawn,
            CaseState::Deceased
        ]
    );
    let e = refuse(&MINIMAL.replace(
        "[reception]",
        "[steps]\noff = [\"interviewed\"]\n\n[reception]",
    ));
    assert_eq!(e.key.as_deref(), Some("channels.mission"), "{e}");
}

#[test]
fn the_reception_model_must_match_the_steps() {
    let e = refuse(&MINIMAL.replace("centre_then_local", "direct_municipality"));
    assert!(e.reason.contains("add in_reception to steps.off"), "{e}");
    let custom =
        PolicyProfile::parse(&MINIMAL.replace("centre_then_local", "hotel_first")).unwrap();
    assert_eq!(
        custom.reception_model(),
        &ReceptionModel::Custom("hotel_first".into())
    );
}

#[test]
fn emergency_limits_need_a_channel_for_emergencies() {
    let text = MINIMAL.replace("emergency = true", "emergency = false");
    let e = refuse(&format!(
        "{text}\n[[time_limits]]\nfrom = \"submitted\"\nto = \"arrived\"\ndays = 7\npriority = \"emergency\"\n"
    ));
    assert_eq!(e.key.as_deref(), Some("time_limits[0].priority"), "{e}");
}

#[test]
fn refusal_grounds_follow_the_checks() {
    let text = MINIMAL.replace(
        "name = \"protection_need\"",
        "name = \"protection_need\"\nlabel.en = \"need\"\n[[assessment.checks]]\nname = \"integration_perspective\"\nlabel.en = \"integration\"\n[[assessment.checks]]\nname = \"balanced_caseload\"\nrefusal_ground = false",
    );
    let p = PolicyProfile::parse(&text).unwrap();
    assert_eq!(
        p.refusal_grounds(),
        ["protection_need", "integration_perspective"]
    );
    let e = refuse(&MINIMAL.replace("name = \"protection_need\"", "name = \"Protection need\""));
    assert_eq!(e.key.as_deref(), Some("assessment.checks[0].name"));
}

#[test]
fn money_and_numbers_out_of_range_are_refused() {
    let e = refuse(&format!(
        "{MINIMAL}\n[money.allowance]\nper_adult_cents = -100\n"
    ));
    assert_eq!(e.key.as_deref(), Some("money.allowance.per_adult_cents"));
    let e = refuse(&format!(
        "{MINIMAL}\n[data_protection]\nsmall_cell_threshold = 1\n"
    ));
    assert_eq!(
        e.key.as_deref(),
        Some("data_protection.small_cell_threshold")
    );
    let e = refuse(&format!("{MINIMAL}\n[integration]\nsupport_months = 0\n"));
    assert!(e.reason.contains("integration_support step is on"), "{e}");
    let e = refuse(&format!(
        "{MINIMAL}\n[support]\ncheckin_months = [3, 12, 6]\n"
    ));
    assert_eq!(e.key.as_deref(), Some("support.checkin_months"));
    assert!(e.reason.contains("6 must come after 12"), "{e}");
    let e = refuse(&format!("{MINIMAL}\n[support]\ncheckin_months = [0]\n"));
    assert_eq!(e.key.as_deref(), Some("support.checkin_months"));
    let e = refuse(&MINIMAL.replace("version = 1", "version = -3"));
    assert_eq!(e.key.as_deref(), Some("version"));
    let e = refuse(&MINIMAL.replace("country = \"BE\"", "country = \"BEL\""));
    assert_eq!(e.key.as_deref(), Some("country"));
}

#[test]
fn the_quota_must_add_up() {
    let plan = "\n[planning]\nkind = \"multi_year\"\nfirst_year = 2012\nlast_year = 2015\nper_year = 500\ntotal = 2_000\n";
    assert!(PolicyProfile::parse(&format!("{MINIMAL}{plan}")).is_ok());
    let e = refuse(&format!("{MINIMAL}{}", plan.replace("2_000", "2_500")));
    assert_eq!(e.key.as_deref(), Some("planning.total"));
    let e = refuse(&format!(
        "{MINIMAL}{plan}[planning.per_channel]\nmission = 400\ndossier = 200\n"
    ));
    assert_eq!(e.key.as_deref(), Some("planning.per_channel"));
    let e = refuse(&format!(
        "{MINIMAL}{}",
        plan.replace("multi_year", "yearly")
    ));
    assert_eq!(e.key.as_deref(), Some("planning.last_year"));
}

#[test]
fn a_name_without_an_english_label_is_refused_at_its_key() {
    let text = MINIMAL.replace("label.en = \"need for protection\"\n", "");
    let e = refuse(&text);
    assert_eq!(
        e.key.as_deref(),
        Some("assessment.checks[0].label.en"),
        "{e}"
    );
    assert_eq!(
        e.location.unwrap().line,
        line_of(&text, "name = \"protection_need\"")
    );
    let text = MINIMAL.replace(
        "label.en = \"need for protection\"",
        "label.nl = \"beschermingsnood\"",
    );
    let e = refuse(&text);
    assert_eq!(
        e.key.as_deref(),
        Some("assessment.checks[0].label.en"),
        "{e}"
    );
    let e = refuse(&MINIMAL.replace(
        "label.en = \"need for protection\"",
        "label.en = \"need\"\nlabel.de = \"Schutzbedarf\"",
    ));
    assert!(e.reason.contains("de"), "{e}");
    let e = refuse(&MINIMAL.replace("label.en = \"need for protection\"", "label.en = \" \""));
    assert_eq!(
        e.key.as_deref(),
        Some("assessment.checks[0].label.en"),
        "{e}"
    );
}

#[test]
fn reason_lists_are_required_hold_other_and_name_each_code_once() {
    let start = MINIMAL.find("\n[[reasons.slip]]").unwrap();
    let end = MINIMAL.find("\n[reception]").unwrap();
    let without = format!("{}{}", &MINIMAL[..start], &MINIMAL[end..]);
    assert_eq!(refuse(&without).key.as_deref(), Some("reasons"));
    let e = refuse(&MINIMAL.replacen(
        "[[reasons.slip]]\ncode = \"other\"",
        "[[reasons.slip]]\ncode = \"visa\"",
        1,
    ));
    assert_eq!(e.key.as_deref(), Some("reasons.slip"), "{e}");
    assert!(e.reason.contains("\"other\""), "{e}");
    let twice = MINIMAL.replacen(
        "[[reasons.deferral]]",
        "[[reasons.deferral]]\ncode = \"other\"\nlabel.en = \"other\"\n[[reasons.deferral]]",
        1,
    );
    let e = refuse(&twice);
    assert_eq!(e.key.as_deref(), Some("reasons.deferral[1].code"), "{e}");
    let e = refuse(&MINIMAL.replacen("code = \"other\"", "code = \"Other reason\"", 1));
    assert_eq!(e.key.as_deref(), Some("reasons.slip[0].code"), "{e}");
    let e = refuse(&MINIMAL.replacen(
        "[[reasons.withdrawal]]\ncode = \"other\"\nlabel.en = \"other reason\"\n",
        "",
        1,
    ));
    assert_eq!(e.key.as_deref(), Some("reasons.withdrawal"), "{e}");
    let e = refuse(&MINIMAL.replacen(
        "[[reasons.breakdown]]\ncode = \"other\"\nlabel.en = \"other reason\"\n",
        "",
        1,
    ));
    assert_eq!(e.key.as_deref(), Some("reasons.breakdown"), "{e}");
    assert!(e.reason.contains("breakdown reasons"), "{e}");
    let e = refuse(&MINIMAL.replacen(
        "[[reasons.breakdown]]\ncode = \"other\"",
        "[[reasons.breakdown]]\ncode = \"group_dissolved\"",
        1,
    ));
    assert_eq!(e.key.as_deref(), Some("reasons.breakdown"), "{e}");
    assert!(e.reason.contains("\"other\""), "{e}");
}

#[test]
fn a_reason_code_outside_the_list_is_refused_and_other_needs_words() {
    let p = PolicyProfile::parse(MINIMAL).unwrap();
    let e = p
        .check_reason_code(ReasonList::Withdrawal, Some("moved_away"), "gone")
        .unwrap_err();
    assert_eq!(e.field, "reason_code");
    assert!(e.reason().contains("allowed: other"), "{e}");
    let e = p
        .check_reason_code(ReasonList::Withdrawal, Some("other"), " ")
        .unwrap_err();
    assert_eq!(e.field, "reason");
    assert_eq!(
        p.check_reason_code(ReasonList::Withdrawal, Some("other"), "moved away"),
        Ok("other".into())
    );
}

#[test]
fn a_family_text_needs_english_and_real_language_codes() {
    let without_english = format!(
        "{MINIMAL}\n[family]\nadvice = {{ nl = \"Wacht.\" }}\ncontact = {{ en = \"UNHCR\" }}\n"
    );
    let e = refuse(&without_english);
    assert!(e.to_string().contains("family.advice"), "{e}");
    assert!(e.to_string().contains("English"), "{e}");
    let bad_code = format!(
        "{MINIMAL}\n[family]\nadvice = {{ en = \"Wait.\", Arabic = \"x\" }}\ncontact = {{ en = \"UNHCR\" }}\n"
    );
    assert!(refuse(&bad_code).to_string().contains("Arabic"));
    let blank = format!(
        "{MINIMAL}\n[family]\nadvice = {{ en = \"Wait.\" }}\ncontact = {{ en = \"  \" }}\n"
    );
    assert!(refuse(&blank).to_string().contains("family.contact.en"));
    assert!(PolicyProfile::parse(MINIMAL).unwrap().family().is_none());
}
