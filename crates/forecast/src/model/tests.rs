//! The model's invariants on small scenarios: nobody appears or vanishes, unlimited places
//! never make anyone wait, no places let nobody arrive, and a seed gives one answer.
use proptest::prelude::*;
use time::macros::date;

use super::parallel::simulate;
use super::plan::{Plan, Variant};
use super::run::{Account, Record, Workspace, columns};
use crate::scenario::{
    CaseInPipeline, DossierFlow, Mission, Pledge, Position, Scenario, Shock, Sourced, Stage,
};
use crate::weeks::Weeks;

/// A small two-stage programme over two years: four missions and a dossier flow.
pub(crate) fn small(centre: Option<u32>, loi: Option<u32>) -> Scenario {
    let stage = |name: &str, capacity, weeks| Stage {
        name: name.into(),
        capacity,
        weeks,
        occupied_at_start: 0,
        changes: Vec::new(),
        source: "test".into(),
    };
    Scenario {
        name: "small".into(),
        title: "Small".into(),
        description: String::new(),
        sources: vec!["test".into()],
        reception_model: "centre_then_local".into(),
        start: date!(2027 - 01 - 04),
        end: date!(2028 - 12 - 31),
        family_sizes: Sourced::new(vec![2.0, 3.0, 3.0, 2.0, 1.0], "test"),
        acceptance_rate: Sourced::new(0.9, "test"),
        decision_weeks: Sourced::new(Weeks::Uniform { min: 1.0, max: 6.0 }, "test"),
        pre_departure_weeks: Sourced::new(
            Weeks::Triangular {
                min: 4.0,
                mode: 10.0,
                max: 20.0,
            },
            "test",
        ),
        missions: (0..4)
            .map(|i| Mission {
                name: format!("m{i}"),
                month: crate::scenario::add_months(date!(2027 - 01 - 01), 5 * i),
                persons: 60,
                source: "test".into(),
            })
            .collect(),
        dossiers: vec![DossierFlow {
            from: date!(2027 - 01 - 01),
            until: date!(2028 - 06 - 01),
            persons_per_month: 4.5,
            source: "test".into(),
        }],
        stages: vec![
            stage(
                "centre",
                centre,
                Weeks::Triangular {
                    min: 4.0,
                    mode: 6.0,
                    max: 9.0,
                },
            ),
            stage(
                "loi",
                loi,
                Weeks::Uniform {
                    min: 8.0,
                    max: 26.0,
                },
            ),
            stage("integration_support", None, Weeks::Fixed(78.0)),
        ],
        pledges: vec![
            Pledge {
                first_year: 2027,
                last_year: 2027,
                persons: 150,
                arrived_before_start: 0,
                source: "test".into(),
            },
            Pledge {
                first_year: 2027,
                last_year: 2028,
                persons: 300,
                arrived_before_start: 0,
                source: "test".into(),
            },
        ],
        shocks: Vec::new(),
        what_if: Vec::new(),
        cases: Vec::new(),
    }
}

fn accounts(s: &Scenario, seed: u64, run: u64) -> (Vec<Account>, Vec<u32>, u64) {
    let plan = Plan::compile(s, &[], Variant::AsWritten);
    let mut ws = Workspace::default();
    let mut series = vec![0; plan.weeks * columns(plan.stages)];
    let mut pledged = vec![0; plan.pledges.len()];
    let mut accounts = Vec::new();
    ws.run(
        &plan,
        seed,
        run,
        Record {
            series: Some(&mut series),
            short: None,
            pledged: &mut pledged,
        },
        Some(&mut accounts),
    );
    (accounts, series, ws.persons())
}

fn with_cases(mut s: Scenario) -> Scenario {
    s.cases = vec![
        CaseInPipeline {
            persons: 4,
            at: Position::Deciding,
            weeks_in: 3,
        },
        CaseInPipeline {
            persons: 2,
            at: Position::PreDeparture,
            weeks_in: 30,
        },
        CaseInPipeline {
            persons: 6,
            at: Position::Ready,
            weeks_in: 2,
        },
        CaseInPipeline {
            persons: 5,
            at: Position::Stage(0),
            weeks_in: 2,
        },
        CaseInPipeline {
            persons: 3,
            at: Position::Stage(1),
            weeks_in: 40,
        },
        CaseInPipeline {
            persons: 1,
            at: Position::Stage(2),
            weeks_in: 10,
        },
    ];
    s.stages[1].occupied_at_start = 17;
    s.shocks = vec![
        Shock::Halt {
            from: date!(2027 - 06 - 01),
            months: 3,
            source: "test".into(),
        },
        Shock::PlacesClosed {
            stage: "centre".into(),
            from: date!(2027 - 09 - 01),
            places: 20,
            months: Some(4),
            source: "test".into(),
        },
    ];
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every person drawn is, every week, in exactly one place: not yet submitted, being
    /// decided or prepared, refused, waiting, in a stage, or done; and the arrivals counted
    /// are exactly those who entered the stages.
    #[test]
    fn nobody_appears_or_vanishes(
        seed: u64,
        centre in prop::option::of(0u32..80),
        loi in prop::option::of(0u32..150),
    ) {
        let s = with_cases(small(centre, loi));
        let (accounts, series, persons) = accounts(&s, seed, 0);
        let in_stages_at_start: u64 = s.cases.iter()
            .filter(|c| matches!(c.at, Position::Stage(_)))
            .map(|c| u64::from(c.persons))
            .sum::<u64>() + 17;
        let cols = columns(s.stages.len());
        let mut arrived = 0u64;
        for (w, a) in accounts.iter().enumerate() {
            let placed: u64 = a.in_stage.iter().sum();
            let total = a.not_yet_submitted + a.deciding_or_preparing + a.refused + a.waiting + placed + a.done;
            prop_assert_eq!(total, persons, "week {}: {:?}", w, a);
            arrived += u64::from(series[w * cols]);
            prop_assert_eq!(a.arrived, arrived);
            prop_assert_eq!(placed + a.done, in_stages_at_start + arrived, "week {}", w);
        }
    }

    /// With places for everyone, nobody ever waits for one.
    #[test]
    fn unlimited_places_never_make_a_queue(seed: u64) {
        let mut s = with_cases(small(None, None));
        s.shocks.clear();
        let plan = Plan::compile(&s, &[], Variant::AsWritten);
        let runs = simulate(&plan, 8, seed, 2, true, &|_| {});
        let cols = columns(plan.stages);
        for r in 0..runs.runs {
            for w in 0..runs.weeks {
                let row = &runs.series[(r * runs.weeks + w) * cols..];
                prop_assert_eq!(row[1], 0, "run {} week {}: someone waits", r, w);
                prop_assert_eq!(runs.short[r * runs.weeks + w], 0);
            }
        }
    }

    /// With no places in the first stage, nobody arrives, and everyone accepted waits.
    #[test]
    fn no_places_no_arrivals(seed: u64) {
        let s = small(Some(0), Some(100));
        let plan = Plan::compile(&s, &[], Variant::AsWritten);
        let runs = simulate(&plan, 8, seed, 1, true, &|_| {});
        let cols = columns(plan.stages);
        for r in 0..runs.runs {
            let arrived: u32 = (0..runs.weeks).map(|w| runs.series[(r * runs.weeks + w) * cols]).sum();
            prop_assert_eq!(arrived, 0);
            let last = &runs.series[(r * runs.weeks + runs.weeks - 1) * cols..];
            prop_assert!(last[1] > 0, "the accepted wait at the end");
        }
    }
}

#[test]
fn a_seed_gives_one_answer_on_any_number_of_threads() {
    let s = with_cases(small(Some(60), Some(120)));
    let plan = Plan::compile(&s, &[], Variant::AsWritten);
    let one = simulate(&plan, 200, 42, 1, true, &|_| {});
    let two = simulate(&plan, 200, 42, 2, true, &|_| {});
    let three = simulate(&plan, 200, 42, 3, true, &|_| {});
    assert_eq!(one.series, two.series);
    assert_eq!(one.series, three.series);
    assert_eq!(one.short, three.short);
    assert_eq!(one.pledged, two.pledged);
    let other = simulate(&plan, 200, 43, 2, true, &|_| {});
    assert_ne!(one.series, other.series, "another seed, other runs");
}

#[test]
fn a_halt_stops_every_arrival_while_it_lasts() {
    let mut s = small(None, None);
    s.shocks = vec![Shock::Halt {
        from: date!(2027 - 03 - 01),
        months: 6,
        source: "test".into(),
    }];
    let plan = Plan::compile(&s, &[], Variant::AsWritten);
    let runs = simulate(&plan, 20, 1, 2, true, &|_| {});
    let cols = columns(plan.stages);
    for w in 0..plan.weeks {
        if plan.halted[w] {
            for r in 0..runs.runs {
                assert_eq!(runs.series[(r * runs.weeks + w) * cols], 0);
            }
        }
    }
    // Weeks starting 1 March to 30 August 2027.
    assert_eq!(plan.halted.iter().filter(|&&h| h).count(), 27);
}

#[test]
fn a_cancelled_mission_submits_nobody_and_shifts_no_other_draw() {
    let mut s = small(None, None);
    let base = simulate(
        &Plan::compile(&s, &[], Variant::AsWritten),
        50,
        9,
        2,
        false,
        &|_| {},
    );
    s.shocks = vec![Shock::MissionCancelled {
        mission: "m3".into(),
        source: "test".into(),
    }];
    let cancelled = simulate(
        &Plan::compile(&s, &[], Variant::AsWritten),
        50,
        9,
        2,
        false,
        &|_| {},
    );
    // m3 (October 2028) arrives after 2027: the 2027 pledge's arrivals are the same, run by
    // run, because every other family drew the same durations.
    for r in 0..50 {
        assert_eq!(base.pledged[r * 2], cancelled.pledged[r * 2], "run {r}");
        assert!(base.pledged[r * 2 + 1] >= cancelled.pledged[r * 2 + 1]);
    }
    assert!(
        (0..50).any(|r| base.pledged[r * 2 + 1] > cancelled.pledged[r * 2 + 1]),
        "m3's families are missing"
    );
}

#[test]
fn closed_places_and_changes_shape_the_capacity() {
    let mut s = small(Some(100), Some(200));
    s.stages[0].changes = vec![crate::scenario::CapacityChange {
        from: date!(2027 - 07 - 05),
        capacity: 80,
        source: "test".into(),
    }];
    s.shocks = vec![Shock::PlacesClosed {
        stage: "centre".into(),
        from: date!(2028 - 01 - 03),
        places: 30,
        months: Some(2),
        source: "test".into(),
    }];
    let plan = Plan::compile(&s, &[5, 7], Variant::AsWritten);
    assert_eq!(plan.places(0, 0), 105);
    assert_eq!(
        plan.places(0, 26),
        85,
        "the change from week 26, with the buffer"
    );
    assert_eq!(plan.places(0, 52), 55, "30 closed from week 52");
    assert_eq!(plan.places(0, 61), 85, "reopened after two months");
    assert_eq!(plan.places(1, 0), 207);
    assert_eq!(plan.places(2, 0), super::plan::UNLIMITED);
    let without = Plan::compile(&s, &[], Variant::Without(0));
    assert_eq!(without.places(0, 52), 80, "the closure removed");
}
