//! The shipped profiles in `policies/` parse, validate and mean what their sources say.
use time::macros::date;

use super::*;
use crate::case::CaseState::*;

const BELGIUM: &str = include_str!("../../../../policies/belgium.toml");
const NETHERLANDS: &str = include_str!("../../../../policies/netherlands-2012.toml");

fn belgium() -> PolicyProfile {
    PolicyProfile::parse(BELGIUM)
        .unwrap_or_else(|e| panic!("{}", e.in_file("policies/belgium.toml")))
}

fn netherlands() -> PolicyProfile {
    PolicyProfile::parse(NETHERLANDS)
        .unwrap_or_else(|e| panic!("{}", e.in_file("policies/netherlands-2012.toml")))
}

#[test]
fn both_profiles_parse_with_their_identity() {
    let be = belgium();
    let nl = netherlands();
    assert_eq!(
        (be.name(), be.identity().country.as_str()),
        ("belgium", "BE")
    );
    assert_eq!(
        (nl.name(), nl.identity().country.as_str()),
        ("netherlands-2012", "NL")
    );
    assert_eq!(nl.identity().version, Version::Text("2012-02-07".into()));
    assert!(!be.identity().sources.is_empty() && !nl.identity().sources.is_empty());
}

#[test]
fn belgium_receives_in_a_centre_and_the_netherlands_does_not() {
    let be = belgium();
    let nl = netherlands();
    assert_eq!(be.allows(Arrived, InReception), Ok(()));
    let e = nl.allows(Arrived, InReception).unwrap_err();
    assert_eq!(e.allowed, vec![Housed, Deceased]);
    assert_eq!(nl.allows(Arrived, Housed), Ok(()));
    assert_eq!(nl.next(Arrived), vec![Housed, Deceased]);
    assert_eq!(be.next(Arrived), vec![InReception, Housed, Deceased]);
    assert_eq!(be.reception_model(), &ReceptionModel::CentreThenLocal);
    assert_eq!(nl.reception_model(), &ReceptionModel::DirectMunicipality);
    assert!(be.reception().sponsorship_skips_centre);
    let loi = &be.reception().phases[1];
    assert_eq!(
        (loi.place, loi.max_days),
        (crate::reception::PlaceKind::Loi, Some(183))
    );
}

#[test]
fn a_profile_never_allows_what_the_generic_table_refuses() {
    for p in [belgium(), netherlands()] {
        for &from in CaseState::ALL {
            for &to in CaseState::ALL {
                if p.allows(from, to).is_ok() {
                    assert!(from.next().contains(&to), "{}: {from} -> {to}", p.name());
                }
            }
        }
    }
}

#[test]
fn only_the_dutch_policy_may_refuse_on_integration_perspective() {
    let nl = netherlands();
    assert_eq!(
        nl.refusal_grounds(),
        [
            "refugee_convention",
            "exclusion_1f",
            "article_29_a",
            "article_29_b",
            "article_29_c",
            "integration_perspective"
        ]
    );
    assert!(nl.has_integration_check() && nl.refusal_grounds().contains(&INTEGRATION_PERSPECTIVE));
    let be = belgium();
    assert_eq!(be.refusal_grounds(), ["protection_need"]);
    assert!(
        !be.has_integration_check() && !be.refusal_grounds().contains(&INTEGRATION_PERSPECTIVE)
    );
    assert_eq!(be.assessment().expected_acceptance_rate, Some(0.95));
    assert_eq!(
        (
            be.assessment().authority.as_str(),
            nl.assessment().authority.as_str()
        ),
        ("CGVS", "IND")
    );
}

#[test]
fn emergencies_go_by_dossier() {
    for p in [belgium(), netherlands()] {
        assert!(
            p.channel_allows(Channel::Dossier, Priority::Emergency),
            "{}",
            p.name()
        );
        assert!(
            !p.channel_allows(Channel::Mission, Priority::Emergency),
            "{}",
            p.name()
        );
        assert!(
            p.channel_allows(Channel::Mission, Priority::Normal),
            "{}",
            p.name()
        );
    }
}

#[test]
fn pre_departure_checks_follow_the_sources() {
    let names = |p: &PolicyProfile| {
        p.pre_departure_checks()
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&belgium()),
        [
            "travel_authorisation",
            "humanitarian_visa",
            "cultural_orientation",
            "medical_check"
        ]
    );
    let nl = netherlands();
    let co = &nl.pre_departure_checks()[0];
    assert_eq!(co.name, "cultural_orientation");
    assert!(co.required && co.by.starts_with("COA") && co.description.contains("six half-days"));
}

#[test]
fn dutch_allowances_per_adult_and_for_the_first_cohort() {
    let nl = netherlands();
    assert_eq!(
        nl.allowance_cents(2, 3, true),
        700_000,
        "2 × €2,000 + 3 × €1,000"
    );
    assert_eq!(
        nl.allowance_cents(2, 3, false),
        200_000,
        "2 × €1,000, nothing per minor"
    );
    assert_eq!(belgium().allowance_cents(2, 3, false), 0);
    assert_eq!(
        belgium().money().eu_funding_per_person_cents,
        Some(1_000_000)
    );
    assert_eq!(nl.money().eu_funding_per_person_cents, None);
}

#[test]
fn support_quota_and_data_protection() {
    let be = belgium();
    let nl = netherlands();
    assert_eq!((be.support_months(), nl.support_months()), (18, 18));
    assert_eq!(be.checkin_months(), [3, 6, 12, 18]);
    assert_eq!(nl.checkin_months(), [3, 6, 12, 18]);
    let plan = nl.planning().unwrap();
    assert_eq!(
        (plan.kind, plan.per_year, plan.total),
        (PlanningKind::MultiYear, Some(500), Some(2_000))
    );
    assert_eq!((plan.first_year, plan.last_year), (Some(2012), Some(2015)));
    assert_eq!(
        plan.per_channel,
        [
            ChannelQuota {
                channel: Channel::Mission,
                per_year: 400
            },
            ChannelQuota {
                channel: Channel::Dossier,
                per_year: 100
            }
        ]
    );
    assert_eq!(be.planning().unwrap().kind, PlanningKind::Yearly);
    assert_eq!(
        nl.data_protection(),
        DataProtection {
            retention_years: 10,
            small_cell_threshold: 5
        }
    );
}

#[test]
fn time_limits_by_priority() {
    let nl = netherlands();
    let limits = |p| {
        nl.time_limits_for(p)
            .iter()
            .map(|l| (l.from, l.to, l.days))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        limits(Priority::Emergency),
        [
            (Accepted, Arrived, 183),
            (AcceptedInPart, Arrived, 183),
            (Submitted, Arrived, 7)
        ]
    );
    assert_eq!(
        limits(Priority::Normal),
        [(Accepted, Arrived, 183), (AcceptedInPart, Arrived, 183)]
    );
    assert_eq!(nl.time_limits().len(), 8);
    assert!(
        belgium()
            .time_limits_for(Priority::Normal)
            .iter()
            .any(|l| (l.from, l.to, l.days) == (Arrived, Housed, 225))
    );
}

/// A normal Dutch case accepted on 1 March 2013.
fn accepted_on_1_march() -> Vec<(CaseState, Date)> {
    vec![
        (Submitted, date!(2012 - 11 - 05)),
        (ScheduledForMission, date!(2012 - 12 - 01)),
        (Interviewed, date!(2013 - 02 - 10)),
        (Accepted, date!(2013 - 03 - 01)),
        (PreDeparture, date!(2013 - 03 - 20)),
    ]
}

#[test]
fn a_case_that_arrives_within_six_months_is_on_time() {
    let mut h = accepted_on_1_march();
    h.push((DepartureScheduled, date!(2013 - 07 - 01)));
    // 1 March + 183 days = 31 August: arriving on the due day is on time.
    h.push((Arrived, date!(2013 - 08 - 31)));
    assert_eq!(
        netherlands().overdue(Priority::Normal, &h, date!(2014 - 01 - 01)),
        []
    );
}

#[test]
fn a_case_that_arrives_late_is_overdue_by_the_days_past_due() {
    let mut h = accepted_on_1_march();
    h.push((Arrived, date!(2013 - 09 - 10)));
    let o = netherlands().overdue(Priority::Normal, &h, date!(2014 - 01 - 01));
    assert_eq!(o.len(), 1);
    let o = &o[0];
    assert_eq!((o.limit.from, o.limit.to), (Accepted, Arrived));
    assert_eq!(
        (o.since, o.due, o.days_over),
        (date!(2013 - 03 - 01), date!(2013 - 08 - 31), 10)
    );
    assert_eq!(
        o.stopped,
        Some(Stop {
            state: Arrived,
            on: date!(2013 - 09 - 10)
        })
    );
}

#[test]
fn a_waiting_case_is_not_yet_due_then_overdue_until_today() {
    let nl = netherlands();
    let h = accepted_on_1_march();
    assert_eq!(nl.overdue(Priority::Normal, &h, date!(2013 - 08 - 31)), []);
    let o = nl.overdue(Priority::Normal, &h, date!(2013 - 09 - 30));
    assert_eq!((o[0].days_over, o[0].stopped), (30, None));
}

#[test]
fn a_limit_that_never_started_is_not_overdue() {
    let h = [
        (Submitted, date!(2013 - 01 - 01)),
        (DossierReview, date!(2013 - 01 - 02)),
    ];
    assert_eq!(
        netherlands().overdue(Priority::Normal, &h, date!(2020 - 01 - 01)),
        []
    );
}

#[test]
fn an_emergency_has_days_not_months() {
    let nl = netherlands();
    let h = [
        (Submitted, date!(2013 - 05 - 01)),
        (DossierReview, date!(2013 - 05 - 01)),
        (Accepted, date!(2013 - 05 - 03)),
    ];
    // Due on 8 May; on 12 May the family is still waiting: 4 days over.
    let o = nl.overdue(Priority::Emergency, &h, date!(2013 - 05 - 12));
    assert_eq!(o.len(), 1);
    assert_eq!(
        (o[0].limit.from, o[0].due, o[0].days_over),
        (Submitted, date!(2013 - 05 - 08), 4)
    );
    // The same history as a normal case is well within its limits.
    assert_eq!(nl.overdue(Priority::Normal, &h, date!(2013 - 05 - 12)), []);
}

#[test]
fn a_withdrawal_stops_the_clock() {
    let nl = netherlands();
    let mut h = accepted_on_1_march();
    h.push((Withdrawn, date!(2013 - 06 - 01)));
    assert_eq!(nl.overdue(Priority::Normal, &h, date!(2015 - 01 - 01)), []);
    let mut late = accepted_on_1_march();
    late.push((Withdrawn, date!(2013 - 09 - 05)));
    let o = nl.overdue(Priority::Normal, &late, date!(2015 - 01 - 01));
    assert_eq!(
        (o[0].days_over, o[0].stopped.map(|s| s.state)),
        (5, Some(Withdrawn))
    );
}

#[test]
fn a_profile_serialises_to_json_for_display() {
    let v = serde_json::to_value(netherlands()).unwrap();
    assert_eq!(v["name"], "netherlands-2012");
    assert_eq!(v["steps"]["off"][0], "in_reception");
    assert_eq!(v["reception"]["model"], "direct_municipality");
    assert_eq!(v["time_limits"][0]["priority"], "emergency");
    assert_eq!(
        v["money"]["first_cohort_allowance"]["per_minor_cents"],
        100_000
    );
}

#[test]
fn placement_weights_come_from_the_profile_and_a_misspelt_one_is_refused() {
    use resettle_placement::{FamilyScore, ScoreWeights};
    assert_eq!(belgium().placement_weights(), &ScoreWeights::default());
    let geomatch = BELGIUM.replace(
        "family_score = \"sum_of_members\"",
        "family_score = \"at_least_one\"",
    );
    let p = PolicyProfile::parse(&geomatch).unwrap();
    assert_eq!(p.placement_weights().family_score, FamilyScore::AtLeastOne);
    let typo = BELGIUM.replace("labour_market = 1.0", "labor_market = 1.0");
    let e = PolicyProfile::parse(&typo).unwrap_err().to_string();
    assert!(e.contains("labor_market"), "{e}");
}

#[test]
fn the_dutch_profile_has_a_distribution_plan_and_a_bad_band_is_refused() {
    assert_eq!(belgium().placement_fairness(), None);
    let nl = PolicyProfile::parse(NETHERLANDS).unwrap();
    let plan = nl.placement_fairness().expect("a distribution plan");
    assert_eq!(plan.band, 0.5);
    assert_eq!(plan.minimum_persons, 0);
    let bad = NETHERLANDS.replace("band = 0.5", "band = -0.5");
    assert_eq!(
        PolicyProfile::parse(&bad).unwrap_err().to_string(),
        "placement.fairness.band: must be a finite number >= 0, got -0.5"
    );
    let typo = NETHERLANDS.replace("minimum_persons = 0", "minimum_person = 0");
    let e = PolicyProfile::parse(&typo).unwrap_err().to_string();
    assert!(e.contains("minimum_person"), "{e}");
}

#[test]
fn a_refusal_cites_grounds_from_the_profile_list_and_other_steps_cite_none() {
    use crate::case::CaseState::{Accepted, Refused};
    let be = belgium();
    assert_eq!(be.check_grounds(Refused, &[]).unwrap_err().field, "grounds");
    let e = be
        .check_grounds(Refused, &["balanced_caseload".into()])
        .unwrap_err();
    assert!(e.reason().contains("protection_need"), "{e}");
    be.check_grounds(Refused, &["protection_need".into()])
        .unwrap();
    be.check_grounds(Accepted, &[]).unwrap();
}

#[test]
fn every_name_of_every_shipped_profile_is_labelled_in_all_five_languages() {
    for p in [belgium(), netherlands()] {
        for list in NameList::ALL {
            let named = p.labelled(list);
            // Steps after arrival are optional: the Dutch letter names none.
            assert!(
                !named.is_empty() || list == NameList::PostArrival,
                "{}: {list:?} is empty",
                p.name()
            );
            for (code, labels) in named {
                for lang in LABEL_LANGUAGES {
                    let label = labels
                        .given(lang)
                        .unwrap_or_else(|| panic!("{}: {code} has no label.{lang}", p.name()));
                    assert!(
                        !label.contains('_') && label != code,
                        "{}: {code} label.{lang} is {label:?}",
                        p.name()
                    );
                }
            }
        }
    }
}

/// Both shipped profiles list the same reasons a sponsorship breaks down, worded for the
/// staff pages in Dutch and French.
#[test]
fn both_profiles_list_why_a_sponsorship_breaks_down() {
    let expected = [
        "group_dissolved",
        "group_moved_away",
        "relationship_broke_down",
        "housing_lost",
        "family_request",
        "safeguarding",
        "other",
    ];
    for p in [belgium(), netherlands()] {
        let codes: Vec<&str> = p
            .reasons()
            .of(ReasonList::Breakdown)
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(codes, expected, "{}", p.name());
        let breakdown = NameList::Reason(ReasonList::Breakdown);
        assert_eq!(
            p.label(breakdown, "group_dissolved", "nl"),
            Some("de sponsorgroep is ontbonden")
        );
        assert_eq!(
            p.label(breakdown, "safeguarding", "fr"),
            Some("une inquiétude pour la sécurité de la famille")
        );
    }
}

#[test]
fn the_slip_list_is_the_one_the_family_page_words() {
    let be = belgium();
    let codes: Vec<&str> = be
        .reasons()
        .of(ReasonList::Slip)
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "visa",
            "medical_clearance",
            "flight_availability",
            "security_check",
            "reception_capacity",
            "travel_restrictions",
            "programme_hold",
            "other"
        ]
    );
    let slip = NameList::Reason(ReasonList::Slip);
    assert_eq!(
        be.label(slip, "visa", "fr"),
        Some("visa ou documents de voyage pas encore délivrés")
    );
    // A language the profile has no labels in falls back to English.
    assert_eq!(be.label(slip, "other", "de"), Some("other reason"));
    assert_eq!(be.label(slip, "weather", "en"), None);
    assert_eq!(
        be.label(NameList::Check, "protection_need", "nl"),
        Some("beschermingsnood")
    );
}

/// Both profiles tell their families what not to do yet and whom to ask, in every
/// language of the family status page, and the advice names the home and the work.
#[test]
fn both_profiles_speak_to_families_in_their_languages() {
    for profile in [belgium(), netherlands()] {
        let family = profile.family().expect("a [family] section");
        for lang in ["en", "nl", "fr", "ar", "fa"] {
            assert!(
                family.advice.given(lang).is_some() && family.contact.given(lang).is_some(),
                "{}: no {lang} text",
                profile.name()
            );
        }
        assert!(family.advice.get("en").contains("home"));
        assert!(family.advice.get("en").contains("work"));
        assert_eq!(family.advice.get("ti"), family.advice.get("en"));
    }
}

#[test]
fn belgian_emergency_places_come_on_top_and_dutch_ones_within_the_dossier_places() {
    use crate::case::Channel;
    use crate::quota::{EmergencyPlaces, SponsorshipPlaces};
    let be = belgium();
    let be = &be.planning().unwrap().allocation;
    assert_eq!(be.emergency, EmergencyPlaces::OnTop);
    assert_eq!(be.sponsorship, SponsorshipPlaces::OnTop);
    assert_eq!(be.floor_percent.get("africa"), Some(&50));
    let nl = netherlands();
    let nl = &nl.planning().unwrap().allocation;
    assert_eq!(nl.emergency, EmergencyPlaces::Within(Channel::Dossier));
    assert_eq!(nl.sponsorship, SponsorshipPlaces::Inside);
    assert!(be_and_nl_missions_are_sized(&[belgium(), netherlands()]));
}

fn be_and_nl_missions_are_sized(profiles: &[PolicyProfile]) -> bool {
    profiles.iter().all(|p| {
        p.planning()
            .and_then(|pl| pl.allocation.mission_capacity)
            .is_some_and(|c| c.persons_per_mission() > 0.0)
    })
}

#[test]
fn an_unknown_emergency_rule_is_refused_with_its_key() {
    let text = BELGIUM.replace("emergency = \"on_top\"", "emergency = \"sideways\"");
    let e = PolicyProfile::parse(&text).unwrap_err().to_string();
    assert!(e.contains("planning.allocation.emergency"), "{e}");
}
