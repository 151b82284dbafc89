//! The demo caseload is deterministic, complete and consistent with the domain's rules.
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use proptest::prelude::*;
use resettle_demo::{
    DemoConfig, FIRST_DEMO_YEAR, FULFILMENT_PER_MILLE, RENEWED_YEARS, generate, pledge_for,
};
use resettle_domain::case::{CaseState, PromiseKind};
use resettle_domain::mission::MissionStatus;
use resettle_domain::policy::PolicyProfile;
use resettle_domain::programme::ProgrammeImport;
use resettle_domain::reception::StayKind;
use time::macros::date;

/// The default demo, generated once for all tests that only read it.
fn default_demo() -> &'static ProgrammeImport {
    static DEMO: OnceLock<ProgrammeImport> = OnceLock::new();
    DEMO.get_or_init(|| generate(&DemoConfig::default()))
}

/// The profile the demo programme runs under.
fn belgium() -> &'static PolicyProfile {
    static PROFILE: OnceLock<PolicyProfile> = OnceLock::new();
    PROFILE.get_or_init(|| {
        PolicyProfile::parse(include_str!("../../../policies/belgium.toml")).unwrap()
    })
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
        file.check(belgium(), config.as_of)
            .unwrap_or_else(|e| panic!("{n}: {e}"));
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
        // Where the family stays now agrees with where its case stands.
        let now = file.current_stay().map(|s| s.kind);
        match file.state().unwrap() {
            CaseState::InReception => assert!(
                now.is_some_and(StayKind::is_state_reception),
                "{n}: in reception but staying {now:?}"
            ),
            CaseState::Housed | CaseState::IntegrationSupport => assert!(
                matches!(now, Some(StayKind::Home | StayKind::Sponsor)),
                "{n}: housed but staying {now:?}"
            ),
            _ if file.arrived_on().is_none() => {
                assert!(file.stays.is_empty(), "{n}: stays before arrival")
            }
            _ => {}
        }
        if file.sponsor_group.is_some() {
            assert!(
                file.reception_place.is_none(),
                "{n}: sponsored families skip reception"
            );
            assert_eq!(now, Some(StayKind::Sponsor), "{n}");
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
fn pledges_run_from_2018_to_the_years_after_the_demo_year() {
    let pledges = &default_demo().pledges;
    let years: Vec<i32> = pledges.iter().map(|p| p.year).collect();
    assert_eq!(years, (2018..=2026 + RENEWED_YEARS).collect::<Vec<_>>());
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

/// Persons arrived per year as resettle counts them: the persons who travelled on every
/// case whose `arrived` event falls in the year (not members a split decision left
/// behind).
fn arrivals_by_year(demo: &ProgrammeImport) -> BTreeMap<i32, u64> {
    let mut years = BTreeMap::new();
    for file in &demo.cases {
        if let Some(e) = file.events.iter().find(|e| e.to == CaseState::Arrived) {
            *years.entry(e.at.year()).or_default() += file.travelling().len() as u64;
        }
    }
    years
}

/// The rule of the demo pledges: every full year from 2022 to the year before `as_of`'s has
/// the pledge `⌈arrived ÷ r⌉` for a fulfilment rate `r` of 80.0–95.0 % (so arrivals are
/// 75–100 % of it, and more than none arrive); `as_of`'s year has a pledge at least its
/// arrivals so far and says it is not over.
fn assert_pledges_follow_the_caseload(demo: &ProgrammeImport, config: &DemoConfig) {
    let arrived = arrivals_by_year(demo);
    let as_of_year = config.as_of.year();
    for year in FIRST_DEMO_YEAR..as_of_year {
        let pledge = demo.pledges.iter().find(|p| p.year == year).unwrap();
        let a = arrived.get(&year).copied().unwrap_or(0);
        assert!(a > 0, "{year}: nobody arrived");
        assert!(
            FULFILMENT_PER_MILLE
                .clone()
                .any(|r| pledge_for(a, r) == pledge.pledged),
            "{year}: pledge {} is not ⌈{a} ÷ 80–95 %⌉",
            pledge.pledged
        );
        let share = a as f64 / f64::from(pledge.pledged);
        assert!(
            (0.75..=1.0).contains(&share),
            "{year}: {a} arrived of {} pledged ({share:.3})",
            pledge.pledged
        );
        assert!(pledge.arrived_before_resettle.is_none(), "{year}");
    }
    let current = demo.pledges.iter().find(|p| p.year == as_of_year).unwrap();
    let so_far = arrived.get(&as_of_year).copied().unwrap_or(0);
    assert!(
        u64::from(current.pledged) >= so_far,
        "{as_of_year}: {so_far} arrived so far of {} pledged",
        current.pledged
    );
    assert!(current.source.contains("not over"), "{}", current.source);
    // The years ahead hold this year's pledge renewed, and nobody has arrived in them.
    let ahead: Vec<_> = demo
        .pledges
        .iter()
        .filter(|p| p.year > as_of_year)
        .collect();
    assert_eq!(
        ahead.iter().map(|p| p.year).collect::<Vec<_>>(),
        (1..=RENEWED_YEARS)
            .map(|a| as_of_year + a)
            .collect::<Vec<_>>()
    );
    for p in ahead {
        assert_eq!(p.pledged, current.pledged, "{}", p.year);
        assert_eq!(arrived.get(&p.year), None, "{}", p.year);
        assert!(p.arrived_before_resettle.is_none() && p.source.contains("renewed"));
    }
}

#[test]
fn published_years_are_exactly_the_published_figures() {
    let published: Vec<(i32, u32, Option<u32>)> = default_demo().pledges[..4]
        .iter()
        .map(|p| (p.year, p.pledged, p.arrived_before_resettle))
        .collect();
    assert_eq!(
        published,
        [
            (2018, 1_000, Some(880)),
            (2019, 1_000, Some(239)),
            (2020, 1_150, Some(176)),
            (2021, 1_500, Some(635)),
        ]
    );
    assert!(
        default_demo().pledges[..4]
            .iter()
            .all(|p| p.source.starts_with("11.11.11 et al. (2021)"))
    );
    // No demo case arrives in a published year, so resettle shows the published arrivals.
    let arrived = arrivals_by_year(default_demo());
    assert!(arrived.keys().all(|&y| y >= FIRST_DEMO_YEAR), "{arrived:?}");
}

#[test]
fn every_full_demo_year_arrives_at_80_to_95_percent_of_its_pledge() {
    let runs = [
        DemoConfig::default(),
        DemoConfig {
            seed: 7,
            cases: 1_500,
            as_of: date!(2025 - 06 - 15),
        },
        DemoConfig {
            seed: 42,
            cases: 2_000,
            as_of: date!(2024 - 09 - 30),
        },
    ];
    for config in &runs {
        let demo = if *config == DemoConfig::default() {
            default_demo().clone()
        } else {
            generate(config)
        };
        assert_pledges_follow_the_caseload(&demo, config);
    }
}

#[test]
fn the_default_demo_pledges_and_arrivals_read_like_a_programme() {
    let demo = default_demo();
    let arrived = arrivals_by_year(demo);
    let pledged: BTreeMap<i32, u32> = demo.pledges.iter().map(|p| (p.year, p.pledged)).collect();
    // From 2023, when cases submitted from January 2022 have come through, a year's pledge
    // is of the programme's published size (hundreds to about 1,500 persons).
    for year in 2023..=2026 {
        assert!(
            (400..=2_000).contains(&pledged[&year]),
            "{year}: {}",
            pledged[&year]
        );
    }
    // The arrivals of 2026 up to 23 November fall short of the full year's pledge by more
    // than a full year does: the year is partial.
    let share_2026 = arrived[&2026] as f64 / f64::from(pledged[&2026]);
    assert!(share_2026 < 0.9, "{share_2026}");
}

#[test]
fn slipped_departures_carry_families_into_the_next_year() {
    // Persons whose first departure date fell in one year and who arrived in a later one.
    let carried: u64 = default_demo()
        .cases
        .iter()
        .filter_map(|file| {
            let planned = file
                .promises
                .iter()
                .find(|p| p.kind == PromiseKind::Departure)?
                .promised_date
                .year();
            let arrived = file.events.iter().find(|e| e.to == CaseState::Arrived)?;
            (arrived.at.year() > planned).then_some(file.case.members.len() as u64)
        })
        .sum();
    assert!(
        carried >= 20,
        "only {carried} persons slipped into a later year"
    );
}

/// Families are received in stages: most go from a centre to an LOI to a home, each stay
/// beginning the day the one before ended; a few sponsored families go back into
/// reception when their sponsorship breaks down, and the stay says why.
#[test]
fn families_are_received_in_dated_stages_and_some_sponsorships_break_down() {
    let config = DemoConfig {
        cases: 12_000,
        ..DemoConfig::default()
    };
    let demo = generate(&config);
    let paths: Vec<Vec<StayKind>> = demo
        .cases
        .iter()
        .map(|f| f.stays.iter().map(|s| s.kind).collect())
        .collect();
    let count = |path: &[StayKind]| paths.iter().filter(|p| p.as_slice() == path).count();
    let staged = count(&[StayKind::Centre, StayKind::Loi, StayKind::Home]);
    let direct = count(&[StayKind::Centre, StayKind::Home]);
    assert!(
        staged > 2 * direct && direct > 0,
        "{staged} through an LOI, {direct} not"
    );
    let broke: Vec<_> = demo
        .cases
        .iter()
        .flat_map(|f| &f.stays)
        .filter(|s| s.reason.starts_with("the sponsorship broke down"))
        .collect();
    assert!(
        !broke.is_empty(),
        "no sponsorship broke down in 12,000 cases"
    );
    assert!(broke.iter().all(|s| s.kind == StayKind::Loi));
    let coded: Vec<_> = demo
        .cases
        .iter()
        .flat_map(|f| &f.events)
        .filter(|e| e.reason_list() == Some(resettle_domain::policy::ReasonList::Breakdown))
        .collect();
    assert_eq!(coded.len(), broke.len(), "each breakdown is a step back");
    assert!(
        coded
            .iter()
            .all(|e| e.reason_code.as_deref().is_some_and(|c| c != "other")),
        "each step back names its breakdown reason"
    );
}

#[test]
fn a_hundred_thousand_cases_generate_with_pledges_to_match() {
    let config = DemoConfig {
        cases: 100_000,
        ..DemoConfig::default()
    };
    let demo = generate(&config);
    assert_eq!(demo.cases.len(), 100_000);
    assert_pledges_follow_the_caseload(&demo, &config);
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
