//! The demo caseload is deterministic, complete and consistent with the domain's rules.
use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use resettle_demo::{DemoConfig, generate};
use resettle_domain::case::CaseState;
use resettle_domain::mission::MissionStatus;
use resettle_domain::programme::ProgrammeImport;
use time::macros::date;

/// The default demo, generated once for all tests that only read it.
fn default_demo() -> &'static ProgrammeImport {
    static DEMO: OnceLock<ProgrammeImport> = OnceLock::new();
    DEMO.get_or_init(|| generate(&DemoConfig::default()))
}

fn state_counts(demo: &ProgrammeImport) -> Vec<(CaseState, usize)> {
    CaseState::ALL
        .iter()
        .map(|&s| {
            let n = demo
                .cases
                .iter()
                .filter(|c| c.state().unwrap() == s)
                .count();
            (s, n)
        })
        .collect()
}

/// Every rule an import relies on: legal histories, valid cases, unique numbers, existing
/// references, nothing dated after `as_of`.
fn assert_consistent(demo: &ProgrammeImport, config: &DemoConfig) {
    assert_eq!(demo.cases.len(), config.cases);
    let missions: BTreeSet<&str> = demo.missions.iter().map(|m| m.code.as_str()).collect();
    let places: BTreeSet<&str> = demo.places.iter().map(|p| p.code.as_str()).collect();
    let sponsors: BTreeSet<&str> = demo
        .sponsor_groups
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(
        missions.len(),
        demo.missions.len(),
        "mission codes are unique"
    );
    assert_eq!(places.len(), demo.places.len(), "place codes are unique");
    assert_eq!(
        sponsors.len(),
        demo.sponsor_groups.len(),
        "sponsor names are unique"
    );
    let mut numbers = BTreeSet::new();
    for file in &demo.cases {
        let n = file.case.case_number.as_str();
        assert!(numbers.insert(n), "duplicate case number {n}");
        file.case.validate().unwrap_or_else(|e| panic!("{n}: {e}"));
        file.state().unwrap_or_else(|e| panic!("{n}: {e}"));
        assert!((1..=10).contains(&file.case.members.len()), "{n}");
        assert!(file.case.submitted_on <= config.as_of, "{n}");
        let first = &file.events[0];
        assert_eq!(
            (first.seq, first.from, first.to),
            (1, None, CaseState::Submitted),
            "{n}"
        );
        for (i, pair) in file.events.windows(2).enumerate() {
            assert_eq!(pair[1].seq, i as u32 + 2, "{n}");
            assert!(pair[0].at <= pair[1].at, "{n}: events go back in time");
        }
        for e in &file.events {
            assert!(e.at.date() <= config.as_of, "{n}: event after as_of");
        }
        for p in &file.promises {
            assert!(p.made_on <= config.as_of, "{n}: promise after as_of");
            if let Some(told) = p.family_notified_on {
                assert!(p.made_on <= told && told <= config.as_of, "{n}");
            }
        }
        for m in &file.medical {
            assert!(
                file.case.members.iter().any(|x| x.member_no == m.member_no),
                "{n}"
            );
        }
        for r in &file.reunification {
            assert!(r.requested_on <= config.as_of, "{n}");
            assert!(
                r.resolved_on
                    .is_none_or(|d| r.requested_on <= d && d <= config.as_of)
            );
        }
        if let Some(m) = &file.mission {
            assert!(missions.contains(m.as_str()), "{n}: unknown mission {m}");
        }
        let mission_status = |code: &Option<String>| {
            let code = code.as_deref().unwrap_or_else(|| panic!("{n}: no mission"));
            demo.missions
                .iter()
                .find(|m| m.code == code)
                .unwrap()
                .status
        };
        match file.state().unwrap() {
            CaseState::ScheduledForMission => {
                assert_eq!(mission_status(&file.mission), MissionStatus::Planned, "{n}")
            }
            CaseState::Interviewed => {
                assert_eq!(
                    mission_status(&file.mission),
                    MissionStatus::Completed,
                    "{n}"
                )
            }
            CaseState::InReception => assert!(file.reception_place.is_some(), "{n}"),
            CaseState::IntegrationSupport => assert!(file.support.is_some(), "{n}"),
            _ => {}
        }
        if file.sponsor_group.is_some() {
            assert!(
                file.reception_place.is_none(),
                "{n}: sponsored families skip reception"
            );
        }
        if let Some(p) = &file.reception_place {
            assert!(places.contains(p.as_str()), "{n}: unknown place {p}");
        }
        if let Some(g) = &file.sponsor_group {
            assert!(
                sponsors.contains(g.as_str()),
                "{n}: unknown sponsor group {g}"
            );
        }
        if let Some(s) = &file.support {
            assert!(s.starts_on <= config.as_of, "{n}");
        }
    }
}

#[test]
fn same_config_same_demo_and_another_seed_another_demo() {
    let config = DemoConfig {
        cases: 300,
        ..DemoConfig::default()
    };
    let a = generate(&config);
    assert_eq!(a, generate(&config));
    assert_ne!(a, generate(&DemoConfig { seed: 7, ..config }));
}

#[test]
fn the_default_demo_is_consistent() {
    assert_consistent(default_demo(), &DemoConfig::default());
}

#[test]
fn every_state_has_cases_in_the_default_demo() {
    for (state, n) in state_counts(default_demo()) {
        assert!(n > 0, "no case in {state}");
    }
}

#[test]
fn every_state_has_cases_from_two_hundred_cases_on() {
    let runs = [
        (1, date!(2026 - 11 - 23)),
        (2, date!(2024 - 06 - 01)),
        (3, date!(2025 - 01 - 15)),
    ];
    for (seed, as_of) in runs {
        let config = DemoConfig {
            seed,
            cases: 200,
            as_of,
        };
        let demo = generate(&config);
        assert_consistent(&demo, &config);
        for (state, n) in state_counts(&demo) {
            assert!(n > 0, "seed {seed}, {as_of}: no case in {state}");
        }
    }
}

#[test]
fn families_have_plausible_sizes() {
    let cases = &default_demo().cases;
    let persons: usize = cases.iter().map(|c| c.case.members.len()).sum();
    let mean = persons as f64 / cases.len() as f64;
    assert!((3.3..=4.3).contains(&mean), "mean family size {mean}");
}

#[test]
fn pledges_run_from_2018_to_the_demo_year() {
    let pledges = &default_demo().pledges;
    let years: Vec<i32> = pledges.iter().map(|p| p.year).collect();
    assert_eq!(years, (2018..=2026).collect::<Vec<_>>());
    let arrived_2018_2019: u32 = pledges[..2]
        .iter()
        .map(|p| p.arrived_before_resettle.unwrap())
        .sum();
    assert_eq!(arrived_2018_2019, 1_119);
    assert!(
        pledges[4..]
            .iter()
            .all(|p| p.arrived_before_resettle.is_none())
    );
}

#[test]
fn a_hundred_thousand_cases_generate() {
    let config = DemoConfig {
        cases: 100_000,
        ..DemoConfig::default()
    };
    assert_eq!(generate(&config).cases.len(), 100_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_seed_size_and_day_gives_a_consistent_demo(
        seed: u64,
        cases in 0usize..60,
        days_after_2022 in -400i64..2_000,
    ) {
        let config = DemoConfig {
            seed,
            cases,
            as_of: date!(2022 - 01 - 01) + time::Duration::days(days_after_2022),
        };
        assert_consistent(&generate(&config), &config);
    }
}
