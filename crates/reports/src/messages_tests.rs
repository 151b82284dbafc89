//! Every message a document may use is in every language it is written in: the family's
//! export in five, the report to Parliament in three. A missing one would print its id.
use resettle_domain::case::{
    CareNeed, CaseState, Channel, Priority, PromiseKind, Relationship, Sex, Stage,
    SubmissionCategory,
};
use resettle_domain::mission::MissionStatus;
use resettle_domain::reunification::ReunificationStatus;

use crate::lang::DocLang;

/// Values for every variable a message may take.
const ARGS: &[(&str, &str)] = &[
    ("case", "BE-26-00001"),
    ("programme", "P"),
    ("months", "18"),
    ("years", "10"),
    ("date", "1 May 2026"),
    ("provider", "X"),
    ("year", "2026"),
    ("threshold", "5"),
    ("below", "4"),
    ("value", "95"),
    ("band", "18-34"),
    ("dimension", "d"),
    ("interval", "i"),
    ("days", "183"),
    ("source", "s"),
    ("amount", "1"),
    ("day", "1"),
    ("month", "5"),
    ("yes", "3"),
    ("of", "4"),
    ("percent", "75"),
];

/// The quoted ids of `source` that start with one of `prefixes`.
fn literal_ids(source: &'static str, prefixes: &[&str]) -> Vec<String> {
    source
        .split('"')
        .filter(|s| {
            prefixes.iter().any(|p| s.starts_with(p))
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c))
                && !s.ends_with('-')
        })
        .map(str::to_string)
        .collect()
}

/// The codes of one kind of word that staff.ftl names (countries, languages).
fn staff_codes(kind: &str) -> Vec<String> {
    include_str!("../../../locales/en/staff.ftl")
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{kind}-")))
        .filter_map(|l| l.split_once(" =").map(|(code, _)| code.to_string()))
        .collect()
}

fn words<T: Copy>(kind: &str, all: &[T], code: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|&v| format!("{kind}-{}", code(v))).collect()
}

fn missing(langs: &[DocLang], ids: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for lang in langs {
        for id in ids {
            if let Err(e) = lang.try_message(id, ARGS) {
                out.push(e);
            }
        }
    }
    out
}

#[test]
fn every_message_and_word_of_the_export_is_in_all_five_languages() {
    let mut ids = literal_ids(include_str!("subject_access.rs"), &["sar-", "doc-"]);
    ids.extend(
        [
            "sar-action-read",
            "sar-action-write",
            "sar-action-export",
            "date",
        ]
        .map(String::from),
    );
    ids.extend(words("state", CaseState::ALL, CaseState::as_str));
    ids.extend(words("stage", Stage::ALL, Stage::as_str));
    ids.extend(words(
        "category",
        SubmissionCategory::ALL,
        SubmissionCategory::as_str,
    ));
    ids.extend(words("priority", Priority::ALL, Priority::as_str));
    ids.extend(words(
        "channel",
        &[Channel::Mission, Channel::Dossier],
        Channel::as_str,
    ));
    ids.extend(words(
        "relationship",
        Relationship::ALL,
        Relationship::as_str,
    ));
    ids.extend(words("sex", Sex::ALL, Sex::as_str));
    ids.extend(words("care_need", CareNeed::ALL, CareNeed::as_str));
    ids.extend(words("promise", PromiseKind::ALL, PromiseKind::as_str));
    ids.extend(words(
        "reunification",
        ReunificationStatus::ALL,
        ReunificationStatus::as_str,
    ));
    for kind in ["country", "language"] {
        ids.extend(staff_codes(kind).into_iter().map(|c| format!("{kind}-{c}")));
    }
    assert!(ids.len() > 150, "{}", ids.len());
    let gaps = missing(&DocLang::ALL, &ids);
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

#[test]
fn every_message_of_the_report_is_in_dutch_french_and_english() {
    let mut ids = literal_ids(
        include_str!("annual.rs"),
        &["report-", "money-", "dashboard-cohort-", "quota-target-"],
    );
    ids.extend(["africa", "syria", "other"].map(|s| format!("quota-situation-{s}")));
    ids.extend(words("channel", Channel::ALL, Channel::as_str));
    ids.extend(literal_ids(
        include_str!("funding.rs"),
        &["report-", "claim-"],
    ));
    let dynamic = [
        "by-nationality",
        "by-country_of_asylum",
        "by-category",
        "by-age_band",
        "by-sex",
        "by-family_size",
        "by-medical_needs",
        "by-ground",
        "by-waiting",
        "medical-yes",
        "medical-no",
        "waiting-under_6_months",
        "waiting-6_to_12_months",
        "waiting-1_to_2_years",
        "waiting-2_years_and_more",
        "interval-submission_to_decision",
        "interval-acceptance_to_arrival",
        "delay-departure_moved",
        "delay-interview_moved",
        "delay-departure_called_off",
        "delay-decision_deferred",
        "place-centre",
        "place-loi",
        "place-municipality",
        "place-total",
    ];
    ids.extend(dynamic.iter().map(|d| format!("report-{d}")));
    ids.extend(words(
        "report-mission",
        MissionStatus::ALL,
        MissionStatus::as_str,
    ));
    ids.extend(["date", "doc-page", "doc-page-of"].map(String::from));
    ids.extend(words(
        "category",
        SubmissionCategory::ALL,
        SubmissionCategory::as_str,
    ));
    ids.extend(words("sex", Sex::ALL, Sex::as_str));
    assert!(ids.len() > 100, "{}", ids.len());
    let gaps = missing(&DocLang::REPORT, &ids);
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}
