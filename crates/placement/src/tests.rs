//! Solver tests: brute force on tiny instances, every hard constraint checked on the
//! returned plan, infeasible instances diagnosed, determinism, and random tiny instances.
use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::engine::{branch, branch_price, knapsack, lagrange, linear, partition, solver};

/// The most place `j` may receive in `dimension` without the band: its capacity, or its
/// maximum when lower.
fn room(instance: &Instance, j: usize, dimension: &str) -> f64 {
    let cap = instance.capacity(j, dimension);
    instance.places[j]
        .maximum
        .get(dimension)
        .map_or(cap, |&most| cap.min(most))
}

/// Per place and dimension, the least and the most it may receive: the declared minimum and
/// capacity (or maximum), narrowed by the fairness band (computed here from the definition in
/// docs/placement.md, independently of the solver).
fn limits(instance: &Instance) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let mut least: Vec<Vec<f64>> = (0..instance.places.len())
        .map(|j| {
            instance
                .dimensions
                .iter()
                .map(|d| instance.minimum(j, d))
                .collect()
        })
        .collect();
    let mut most: Vec<Vec<f64>> = (0..instance.places.len())
        .map(|j| {
            instance
                .dimensions
                .iter()
                .map(|d| room(instance, j, d))
                .collect()
        })
        .collect();
    if let Some(f) = &instance.fairness {
        let d = instance
            .dimensions
            .iter()
            .position(|x| *x == f.dimension)
            .unwrap();
        let total: f64 = instance
            .cases
            .iter()
            .map(|c| c.demand.get(&f.dimension).copied().unwrap_or(0.0))
            .sum();
        let weights: f64 = instance.places.iter().map(|p| p.fair_share.unwrap()).sum();
        for (j, place) in instance.places.iter().enumerate() {
            let target = total * place.fair_share.unwrap() / weights;
            let low = ((1.0 - f.band) * target + 1e-9).floor().max(0.0);
            let high = ((1.0 + f.band) * target - 1e-9).ceil();
            least[j][d] = least[j][d].max(low);
            most[j][d] = most[j][d].min(high);
        }
    }
    (least, most)
}

/// Checks every hard rule on `solution` and returns (persons placed, score). Floors are
/// checked unless the solution is `infeasible` (which may ignore them, and says so).
fn check(instance: &Instance, solution: &Solution) -> (f64, f64) {
    let (least, most) = limits(instance);
    let place_index = instance.place_index();
    let mut at = vec![None; instance.cases.len()];
    for a in &solution.assignment {
        let i = instance.cases.iter().position(|c| c.id == a.case).unwrap();
        assert!(at[i].is_none(), "case {} placed twice", a.case);
        at[i] = Some(place_index[a.place.as_str()]);
    }
    let mut load = vec![vec![0.0; instance.dimensions.len()]; instance.places.len()];
    let mut score = 0.0;
    let mut persons = 0.0;
    for (i, case) in instance.cases.iter().enumerate() {
        match at[i] {
            None => assert!(solution.unassigned.contains(&case.id)),
            Some(j) => {
                let s = instance.scores[i][j].expect("forbidden pair chosen");
                score += s;
                persons += instance.demand(i, "persons").max(1.0);
                assert!(
                    instance.missing_services(i, j).is_empty(),
                    "requirement broken"
                );
                for (d, name) in instance.dimensions.iter().enumerate() {
                    load[j][d] += instance.demand(i, name);
                }
                for other in &case.together_with {
                    let k = instance.cases.iter().position(|c| &c.id == other).unwrap();
                    assert_eq!(at[k], Some(j), "linked cases apart");
                }
            }
        }
        if at[i].is_none() {
            for other in &case.together_with {
                let k = instance.cases.iter().position(|c| &c.id == other).unwrap();
                assert_eq!(at[k], None, "linked cases apart");
            }
        }
    }
    for (j, row) in load.iter().enumerate() {
        for (d, name) in instance.dimensions.iter().enumerate() {
            assert!(
                row[d] <= room(instance, j, name) + 1e-9,
                "capacity or maximum {name} at {} exceeded",
                instance.places[j].id
            );
            if solution.status != Status::Infeasible {
                assert!(
                    row[d] <= most[j][d] + 1e-9,
                    "fairness band {name} at {} exceeded",
                    instance.places[j].id
                );
                assert!(
                    row[d] >= least[j][d] - 1e-9,
                    "minimum {name} at {} not met",
                    instance.places[j].id
                );
            }
        }
    }
    assert!((score - solution.objective).abs() < 1e-6);
    assert!(
        solution.bound >= solution.objective - 1e-9,
        "bound below objective"
    );
    (persons, score)
}

/// The best (persons placed, score) over every assignment, by enumeration; with `floors`,
/// only among those that meet every minimum and fairness band.
fn brute_force(instance: &Instance, floors: bool) -> (f64, f64) {
    let (least, most) = limits(instance);
    let n = instance.cases.len();
    let m = instance.places.len();
    let mut best = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut at = vec![0; n];
    loop {
        let mut ok = true;
        let mut load = vec![vec![0.0; instance.dimensions.len()]; m];
        let (mut persons, mut score) = (0.0, 0.0);
        for (i, &j) in at.iter().enumerate() {
            if j == m {
                continue;
            }
            match instance.scores[i][j] {
                Some(s) if instance.missing_services(i, j).is_empty() => score += s,
                _ => ok = false,
            }
            persons += instance.demand(i, "persons").max(1.0);
            for (d, name) in instance.dimensions.iter().enumerate() {
                load[j][d] += instance.demand(i, name);
            }
        }
        for (i, case) in instance.cases.iter().enumerate() {
            for other in &case.together_with {
                let k = instance.cases.iter().position(|c| &c.id == other).unwrap();
                ok &= at[k] == at[i];
            }
        }
        for (j, row) in load.iter().enumerate() {
            for (d, name) in instance.dimensions.iter().enumerate() {
                ok &= row[d] <= room(instance, j, name) + 1e-9;
                if floors {
                    ok &= row[d] <= most[j][d] + 1e-9 && row[d] >= least[j][d] - 1e-9;
                }
            }
        }
        if ok && (persons > best.0 + 1e-9 || (persons > best.0 - 1e-9 && score > best.1)) {
            best = (persons, score);
        }
        let mut k = 0;
        loop {
            if k == n {
                return best;
            }
            at[k] += 1;
            if at[k] <= m {
                break;
            }
            at[k] = 0;
            k += 1;
        }
    }
}

fn place(id: &str, capacity: &[(&str, f64)], services: &[&str]) -> Place {
    Place {
        id: id.into(),
        capacity: capacity.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        services: services.iter().map(|s| s.to_string()).collect(),
        region: None,
        minimum: BTreeMap::new(),
        maximum: BTreeMap::new(),
        fair_share: None,
    }
}

fn case(id: &str, demand: &[(&str, f64)], requires: &[&str], together: &[&str]) -> Case {
    Case {
        id: id.into(),
        demand: demand.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        requires: requires.iter().map(|s| s.to_string()).collect(),
        together_with: together.iter().map(|s| s.to_string()).collect(),
    }
}

fn solve_default(instance: &Instance) -> Solution {
    solve(instance, &SolveOptions::default()).unwrap()
}

/// Less effort, for generated instances in debug builds.
fn solve_quick(instance: &Instance) -> Solution {
    let options = SolveOptions {
        iterations: 200,
        ..SolveOptions::default()
    };
    solve(instance, &options).unwrap()
}

#[test]
fn a_small_instance_is_solved_optimally_within_every_rule() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into(), "school".into()],
        places: vec![
            place(
                "Gent",
                &[("persons", 6.0), ("school", 1.0)],
                &["wheelchair"],
            ),
            place("Aalst", &[("persons", 5.0), ("school", 2.0)], &[]),
            place("Lier", &[("persons", 3.0)], &[]),
        ],
        cases: vec![
            case("a", &[("persons", 4.0), ("school", 1.0)], &[], &[]),
            case("b", &[("persons", 2.0)], &["wheelchair"], &[]),
            case("c", &[("persons", 1.0)], &[], &["d"]),
            case("d", &[("persons", 2.0)], &[], &[]),
            case("e", &[("persons", 2.0), ("school", 1.0)], &[], &[]),
        ],
        scores: vec![
            vec![Some(2.0), Some(1.5), Some(1.0)],
            vec![Some(1.0), Some(2.0), None],
            vec![Some(0.5), Some(0.4), Some(0.9)],
            vec![Some(0.5), None, Some(0.2)],
            vec![Some(1.2), Some(1.1), Some(0.3)],
        ],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.status, Status::Optimal);
    let (persons, score) = check(&instance, &solution);
    let (bp, bs) = brute_force(&instance, true);
    assert_eq!(persons, bp);
    assert!((score - bs).abs() < 1e-9, "{score} vs brute force {bs}");
    assert_eq!(solution.place_of("b"), Some("Gent"));
    assert_eq!(solution.place_of("c"), solution.place_of("d"));
}

#[test]
fn pure_assignment_goes_through_min_cost_flow_and_is_exact() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["cases".into()],
        places: vec![
            place("A", &[("cases", 1.0)], &[]),
            place("B", &[("cases", 2.0)], &[]),
        ],
        cases: vec![
            case("x", &[("cases", 1.0)], &[], &[]),
            case("y", &[("cases", 1.0)], &[], &[]),
            case("z", &[("cases", 1.0)], &[], &[]),
        ],
        scores: vec![
            vec![Some(3.0), Some(1.0)],
            vec![Some(2.5), Some(0.1)],
            vec![Some(1.0), Some(0.9)],
        ],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.status, Status::Optimal);
    assert_eq!(solution.bound, solution.objective);
    let (_, score) = check(&instance, &solution);
    assert!((score - brute_force(&instance, true).1).abs() < 1e-9);
    assert_eq!(score, 1.0 + 2.5 + 0.9);
}

#[test]
fn infeasible_capacity_is_diagnosed_and_most_persons_placed() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![
            place("A", &[("persons", 4.0)], &[]),
            place("B", &[("persons", 3.0)], &[]),
        ],
        cases: vec![
            case("big", &[("persons", 4.0)], &[], &[]),
            case("mid", &[("persons", 3.0)], &[], &[]),
            case("one", &[("persons", 1.0)], &[], &[]),
        ],
        scores: vec![vec![Some(1.0), Some(1.0)]; 3],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.status, Status::Infeasible);
    assert_eq!(solution.unassigned, vec!["one"]);
    check(&instance, &solution);
    let text = solution.diagnosis.join("\n");
    assert!(text.contains("capacity persons"), "{text}");
    assert!(text.contains("short by 1"), "{text}");
    assert_eq!(
        solution.diagnosis[0],
        "capacity persons: the 3 families need 8 in all, the 2 places offer 7, short by 1"
    );
}

#[test]
fn when_every_place_is_full_the_diagnosis_says_so_once_and_lists_a_few() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![place("A", &[("persons", 0.0)], &[])],
        cases: (0..20)
            .map(|i| case(&format!("c{i}"), &[("persons", 2.0)], &[], &[]))
            .collect(),
        scores: vec![vec![Some(1.0)]; 20],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.unassigned.len(), 20);
    assert!(
        solution.diagnosis[0].ends_with("offer 0, short by 40"),
        "{:?}",
        solution.diagnosis
    );
    assert!(solution.diagnosis.len() <= 12, "{:?}", solution.diagnosis);
    assert!(
        solution
            .diagnosis
            .iter()
            .any(|d| d.starts_with("and 12 more"))
    );
}

#[test]
fn families_with_nowhere_to_go_are_named_with_the_reason() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![place("A", &[("persons", 10.0)], &[])],
        cases: vec![
            case("needs", &[("persons", 1.0)], &["wheelchair"], &[]),
            case("null", &[("persons", 1.0)], &[], &[]),
            case("huge", &[("persons", 12.0)], &[], &[]),
            case("fine", &[("persons", 2.0)], &[], &["stuck"]),
            case("stuck", &[("persons", 1.0)], &[], &[]),
        ],
        scores: vec![
            vec![Some(1.0)],
            vec![None],
            vec![Some(1.0)],
            vec![Some(1.0)],
            vec![None],
        ],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.status, Status::Infeasible);
    assert_eq!(
        solution.unassigned,
        vec!["needs", "null", "huge", "fine", "stuck"]
    );
    let text = solution.diagnosis.join("\n");
    assert!(text.contains("case needs: requires wheelchair"), "{text}");
    assert!(text.contains("case null: every score is null"), "{text}");
    assert!(
        text.contains(
            "case huge: demand persons 12 exceeds the largest allowed capacity (10 at A)"
        ),
        "{text}"
    );
    assert!(text.contains("case stuck: every score is null"), "{text}");
}

fn with_minimum(mut place: Place, dimension: &str, least: f64) -> Place {
    place.minimum.insert(dimension.to_string(), least);
    place
}

#[test]
fn a_minimum_draws_families_away_from_their_best_place_at_the_least_cost() {
    // Everyone prefers A; B must receive at least 3 persons.
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![
            place("A", &[("persons", 10.0)], &[]),
            with_minimum(place("B", &[("persons", 10.0)], &[]), "persons", 3.0),
        ],
        cases: vec![
            case("two", &[("persons", 2.0)], &[], &[]),
            case("one", &[("persons", 1.0)], &[], &[]),
            case("four", &[("persons", 4.0)], &[], &[]),
        ],
        scores: vec![
            vec![Some(2.0), Some(1.5)],
            vec![Some(2.0), Some(0.5)],
            vec![Some(3.0), Some(2.0)],
        ],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.status, Status::Optimal);
    check(&instance, &solution);
    // "two" and "one" to B cost 0.5 + 1.5 = 2; "four" alone costs 1.
    let at_b: Vec<&str> = solution
        .assignment
        .iter()
        .filter(|a| a.place == "B")
        .map(|a| a.case.as_str())
        .collect();
    assert_eq!(at_b, vec!["four"]);
    assert!((solution.objective - 6.0).abs() < 1e-9);
    // The explanation says what holds "four" at B, and that moving it is not possible.
    let why = &explain(&instance, &solution)[2];
    assert_eq!(why.place.as_deref(), Some("B"));
    assert_eq!(
        why.better_places[0].reasons,
        vec!["B needs it to keep its minimum persons 3 (4 there now)"]
    );
    assert_eq!(why.alternatives[0].place, "A");
    assert_eq!(why.alternatives[0].cost, None);
}

#[test]
fn a_fairness_band_holds_on_generated_instances() {
    for band in [0.1, 0.25] {
        let instance = generate_with_band(150, 12, 3, 2, Some(band));
        let free = solve_quick(&generate(150, 12, 3, 2));
        let solution = solve_quick(&instance);
        assert_ne!(
            solution.status,
            Status::Infeasible,
            "{:?}",
            solution.diagnosis
        );
        // check() asserts every place's persons within its band.
        check(&instance, &solution);
        assert!(solution.gap < 0.05, "gap {}", solution.gap);
        // The band costs score; it cannot add any.
        assert!(solution.objective <= free.bound + 1e-9);
    }
}

#[test]
fn unreachable_minimums_are_named_and_a_plan_without_them_is_shown() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![
            place("A", &[("persons", 10.0)], &[]),
            with_minimum(place("B", &[("persons", 10.0)], &[]), "persons", 5.0),
        ],
        cases: vec![
            case("x", &[("persons", 3.0)], &[], &[]),
            case("y", &[("persons", 3.0)], &[], &[]),
        ],
        // Only x may go to B: B can never reach 5.
        scores: vec![vec![Some(1.0), Some(0.5)], vec![Some(1.0), None]],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.status, Status::Infeasible);
    assert!(solution.unassigned.is_empty());
    assert!((solution.objective - 2.0).abs() < 1e-9);
    assert_eq!(
        solution.diagnosis,
        vec![
            "minimum persons 5 at B cannot be reached: the families allowed there and fitting its room bring 3 in all",
            "the plan shown ignores the minimums",
        ]
    );
    // A band whose bottom is out of reach is named as such.
    let mut banded = instance.clone();
    banded.places[1].minimum.clear();
    banded.fairness = Some(Fairness {
        dimension: "persons".into(),
        band: 0.0,
    });
    // Targets 1.5 and 4.5 persons: A within [1, 2], B within [4, 5].
    banded.places[0].fair_share = Some(1.0);
    banded.places[1].fair_share = Some(3.0);
    let solution = solve_default(&banded);
    assert_eq!(solution.status, Status::Infeasible);
    assert!(
        solution.diagnosis.contains(
            &"fair-share band minimum persons 4 at B cannot be reached: the families allowed there and fitting its room bring 3 in all"
                .to_string()
        ),
        "{:?}",
        solution.diagnosis
    );
    // The plan shown ignores the band: both families placed, at their best places.
    assert!(solution.unassigned.is_empty());
    assert!((solution.objective - 2.0).abs() < 1e-9);
}

#[test]
fn minimums_and_bands_are_validated_naming_the_field() {
    let mut instance = generate(4, 2, 1, 1);
    instance.places[0].fair_share = Some(1.0);
    assert_eq!(
        instance.validate().unwrap_err().to_string(),
        "places[0].fair_share: is set but the instance has no `fairness` to apply it"
    );
    instance.fairness = Some(Fairness {
        dimension: "beds".into(),
        band: 0.2,
    });
    assert_eq!(
        instance.validate().unwrap_err().to_string(),
        r#"fairness.dimension: unknown dimension "beds" (not in `dimensions`)"#
    );
    instance.fairness = Some(Fairness {
        dimension: "persons".into(),
        band: -0.2,
    });
    assert_eq!(
        instance.validate().unwrap_err().to_string(),
        "fairness.band: must be a finite number >= 0, got -0.2"
    );
    instance.fairness.as_mut().unwrap().band = 0.2;
    assert_eq!(
        instance.validate().unwrap_err().to_string(),
        "places[1].fair_share: is required when the instance sets `fairness`"
    );
    instance.places[1].fair_share = Some(2.0);
    instance.validate().unwrap();
    let room = instance.capacity(0, "persons");
    instance.places[0]
        .minimum
        .insert("persons".into(), room + 1.0);
    assert_eq!(
        instance.validate().unwrap_err().to_string(),
        format!(
            "places[0].minimum.persons: {} exceeds the capacity {room}",
            room + 1.0
        )
    );
}

#[test]
fn solving_twice_gives_identical_json() {
    let instance = generate(80, 10, 7, 5);
    let mut a = solve_quick(&instance);
    let mut b = solve_quick(&instance);
    a.seconds = 0.0;
    b.seconds = 0.0;
    assert_eq!(a.to_json(), b.to_json());
    check(&instance, &a);
}

#[test]
fn generated_instances_place_everyone_within_capacity() {
    for seed in 1..4 {
        let instance = generate(120, 15, 7, seed);
        let solution = solve_quick(&instance);
        assert_ne!(
            solution.status,
            Status::Infeasible,
            "{:?}",
            solution.diagnosis
        );
        assert!(solution.unassigned.is_empty());
        check(&instance, &solution);
        assert!(solution.gap < 0.05, "gap {}", solution.gap);
    }
}

#[test]
fn explanations_name_full_capacities_missing_services_and_alternatives() {
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![
            place("Best", &[("persons", 3.0)], &[]),
            place("Clinic", &[("persons", 9.0)], &[]),
            place("Ok", &[("persons", 9.0)], &["wheelchair"]),
            place("Far", &[("persons", 9.0)], &["wheelchair"]),
        ],
        cases: vec![
            case("a", &[("persons", 3.0)], &[], &[]),
            case("b", &[("persons", 2.0)], &["wheelchair"], &[]),
        ],
        scores: vec![
            vec![Some(5.0), Some(1.0), Some(1.0), Some(0.5)],
            vec![Some(4.0), Some(3.0), Some(2.0), Some(1.0)],
        ],
    };
    let solution = solve_default(&instance);
    assert_eq!(solution.place_of("b"), Some("Ok"));
    let explanations = explain(&instance, &solution);
    let b = &explanations[1];
    assert_eq!(b.rank, Some(1));
    assert_eq!(b.allowed_places, 2);
    assert_eq!(b.better_places[0].place, "Best");
    assert!(
        b.better_places[0]
            .reasons
            .contains(&"lacks service wheelchair".to_string())
    );
    assert_eq!(b.better_places[1].reasons, vec!["lacks service wheelchair"]);
    assert_eq!(b.alternatives.len(), 1);
    assert_eq!(b.alternatives[0].place, "Far");
    assert_eq!(b.alternatives[0].cost, Some(1.0));
    let a = &explanations[0];
    assert_eq!(a.place.as_deref(), Some("Best"));
    assert!(a.better_places.is_empty());
    // Moving a to Clinic costs 4.
    assert_eq!(a.alternatives[0].cost, Some(4.0));
    // A third family that only fits where a is: the capacity reason is named.
    let mut crowded = instance.clone();
    crowded.cases.push(case("c", &[("persons", 1.0)], &[], &[]));
    crowded
        .scores
        .push(vec![Some(9.0), Some(1.0), Some(0.0), Some(0.0)]);
    let solution = solve_default(&crowded);
    let c = &explain(&crowded, &solution)[2];
    if c.place.as_deref() != Some("Best") {
        assert!(
            c.better_places[0].reasons[0].starts_with("capacity persons at Best full"),
            "{:?}",
            c.better_places
        );
    }
    let a = &explain(&crowded, &solution)[0];
    if a.place.as_deref() != Some("Best") {
        assert!(a.better_places[0].reasons[0].starts_with("capacity persons at Best full"));
    }
}

#[test]
fn bad_gap_is_refused() {
    let instance = generate(5, 2, 1, 1);
    let options = SolveOptions {
        gap: -1.0,
        ..SolveOptions::default()
    };
    assert_eq!(
        solve(&instance, &options).unwrap_err().to_string(),
        "gap: must be >= 0, got -1"
    );
}

/// A random tiny instance: up to 5 cases, 3 places, 2 dimensions, some links, services
/// and forbidden pairs; some with minimums, some with a fairness band on persons.
fn tiny() -> impl Strategy<Value = Instance> {
    (1usize..=5, 1usize..=3).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec((0u8..4, 0u8..3), m),
            prop::collection::vec((1u8..4, 0u8..2, any::<bool>(), 0u8..6), n),
            prop::collection::vec(prop::option::weighted(0.8, 0u8..20), n * m),
            prop::collection::vec(any::<bool>(), m),
            prop::collection::vec(prop::option::weighted(0.25, 0u8..4), m),
            prop::option::weighted(0.25, (0u8..4, prop::collection::vec(0u8..5, m))),
            prop::collection::vec(prop::option::weighted(0.2, 0u8..2), m),
        )
            .prop_map(
                move |(caps, demands, scores, wheel, minimums, fairness, maximums)| {
                    let places = (0..m)
                        .map(|j| Place {
                            id: format!("p{j}"),
                            capacity: BTreeMap::from([
                                ("persons".to_string(), f64::from(caps[j].0) + 1.0),
                                ("school".to_string(), f64::from(caps[j].1)),
                            ]),
                            services: if wheel[j] {
                                vec!["wheelchair".into()]
                            } else {
                                vec![]
                            },
                            region: None,
                            minimum: minimums[j]
                                .map(|x| {
                                    let x = f64::from(x).min(f64::from(caps[j].0) + 1.0);
                                    BTreeMap::from([("persons".to_string(), x)])
                                })
                                .unwrap_or_default(),
                            maximum: maximums[j]
                                .map(|x| BTreeMap::from([("school".to_string(), f64::from(x))]))
                                .unwrap_or_default(),
                            fair_share: fairness.as_ref().map(|(_, w)| f64::from(w[j]) + 0.5),
                        })
                        .collect();
                    let cases = (0..n)
                        .map(|i| {
                            let (persons, school, needs, link) = demands[i];
                            Case {
                                id: format!("c{i}"),
                                demand: BTreeMap::from([
                                    ("persons".to_string(), f64::from(persons)),
                                    ("school".to_string(), f64::from(school)),
                                ]),
                                requires: if needs && i % 2 == 0 {
                                    vec!["wheelchair".into()]
                                } else {
                                    vec![]
                                },
                                together_with: if link == 0 && i > 0 {
                                    vec![format!("c{}", i - 1)]
                                } else {
                                    vec![]
                                },
                            }
                        })
                        .collect();
                    Instance {
                        fairness: fairness.map(|(band, _)| Fairness {
                            dimension: "persons".into(),
                            band: f64::from(band) / 4.0,
                        }),
                        dimensions: vec!["persons".into(), "school".into()],
                        places,
                        cases,
                        scores: (0..n)
                            .map(|i| {
                                (0..m)
                                    .map(|j| scores[i * m + j].map(|s| f64::from(s) / 4.0))
                                    .collect()
                            })
                            .collect(),
                    }
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tiny_instances_agree_with_brute_force(instance in tiny()) {
        let solution = solve_default(&instance);
        let (persons, score) = check(&instance, &solution);
        let (bp, bs) = brute_force(&instance, true);
        if bp == f64::NEG_INFINITY {
            // No plan meets the floors: said so, and the best plan without them shown.
            prop_assert_eq!(solution.status, Status::Infeasible);
            prop_assert!(
                solution.diagnosis.iter().any(|d| d.contains("minimum")),
                "{:?}", solution.diagnosis
            );
            let (bp, bs) = brute_force(&instance, false);
            prop_assert!((persons - bp).abs() < 1e-9, "persons {} vs {}", persons, bp);
            prop_assert!((score - bs).abs() < 1e-6, "score {} vs {}", score, bs);
            return Ok(());
        }
        prop_assert!((persons - bp).abs() < 1e-9, "persons {} vs {}", persons, bp);
        prop_assert!((score - bs).abs() < 1e-6, "score {} vs {}", score, bs);
        prop_assert!(solution.bound >= bs - 1e-6);
        if solution.unassigned.is_empty() {
            prop_assert_eq!(solution.status, Status::Optimal);
        } else {
            prop_assert_eq!(solution.status, Status::Infeasible);
            prop_assert!(!solution.diagnosis.is_empty());
        }
    }
}

/// A generated instance (`n` families, `m` places, 3 dimensions) solved quickly, with its
/// problem and plan, if the plan places everyone.
fn solved(n: usize, m: usize, seed: u64) -> Option<(Instance, Problem, Plan)> {
    solved_within(generate(n, m, 3, seed))
}

/// As [`solved`], for `instance`.
fn solved_within(instance: Instance) -> Option<(Instance, Problem, Plan)> {
    let solution = solve_quick(&instance);
    if !solution.unassigned.is_empty() {
        return None;
    }
    let p = Problem::build(&instance);
    let plan = plan_of(&p, &instance, &solution);
    Some((instance, p, plan))
}

/// The LP relaxation from `plan`, and the Lagrangian bound at its prices.
fn lp_of(p: &Problem, relax: &lagrange::Relaxation, plan: &Plan) -> (linear::Relaxed, f64) {
    let lp = linear::solve(p, relax, plan, None).expect("small enough");
    let zero = vec![0.0; p.cap.len()];
    let mut choice = vec![NONE; p.groups.len()];
    let bound = relax.evaluate(&lp.prices, relax.constant(&lp.prices, &zero), &mut choice);
    (lp, bound)
}

/// A complete plan from a solution, in the solver's terms.
fn plan_of(p: &Problem, instance: &Instance, solution: &Solution) -> Plan {
    let mut plan = Plan::empty(p);
    for a in &solution.assignment {
        let i = instance.cases.iter().position(|c| c.id == a.case).unwrap();
        let j = instance
            .places
            .iter()
            .position(|x| x.id == a.place)
            .unwrap();
        let g = p.group_of[i];
        if plan.at[g] == NONE {
            plan.place(p, g, j);
        }
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The solver agrees with brute force where there are more places than families; the
    /// set-partitioning bound never cuts off the best plan; and the plan the master hands
    /// back fits, lies within the bound and is no worse than the incumbent it started from
    /// (the simplex never lowers the master's value).
    #[test]
    fn the_partition_bound_never_cuts_off_the_best_plan(
        n in 2usize..6,
        extra in 0usize..3,
        dims in 1usize..4,
        seed in any::<u64>(),
    ) {
        let instance = generate(n, n + extra, dims, seed);
        let solution = solve_default(&instance);
        prop_assume!(solution.unassigned.is_empty());
        let (_, best) = brute_force(&instance, false);
        let (_, score) = check(&instance, &solution);
        prop_assert!((score - best).abs() < 1e-6, "solver {} vs brute force {}", score, best);
        let p = Problem::build(&instance.without_floors());
        let plan = plan_of(&p, &instance, &solution);
        let lambda = vec![0.0; p.places * p.dims];
        let dual = partition::bound(&p, &lambda, &plan, 0.0, None).expect("every place is small");
        prop_assert!(dual.bound >= best - 1e-6, "bound {} below the best plan {}", dual.bound, best);
        if dual.integral {
            let found = &dual.rounded;
            prop_assert!(found.complete());
            for j in 0..p.places {
                for d in 0..p.dims {
                    prop_assert!(found.load[j * p.dims + d] <= p.cap[j * p.dims + d] + 1e-9);
                }
            }
            prop_assert!(found.score(&p) <= dual.bound + 1e-6);
            prop_assert!(found.score(&p) >= plan.score(&p) - 1e-6);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// The LP's capacity duals minimise the Lagrangian: `L` at them is no larger than at
    /// any other prices (the LP bound is `min L`), and the plan rounded from the LP's
    /// solution fits every capacity.
    #[test]
    fn the_lp_prices_minimise_the_lagrangian(
        n in 4usize..9,
        m in 2usize..4,
        seed in any::<u64>(),
        other in prop::collection::vec(0.0f64..2.0, 4 * 3),
    ) {
        let planned = solved(n, m, seed);
        prop_assume!(planned.is_some());
        let (instance, p, plan) = planned.expect("assumed");
        let relax = lagrange::Relaxation::new(&p, None);
        let (lp, lp_bound) = lp_of(&p, &relax, &plan);
        let zero = vec![0.0; p.cap.len()];
        let mut choice = vec![NONE; p.groups.len()];
        let at = |lambda: &[f64], choice: &mut [usize]| {
            relax.evaluate(lambda, relax.constant(lambda, &zero), choice)
        };
        let (_, best) = brute_force(&instance, false);
        prop_assert!(lp_bound >= best - 1e-6, "LP bound {} below the best plan {}", lp_bound, best);
        let mut lambda = zero.clone();
        for &r in &relax.rows {
            lambda[r] = other[r % other.len()];
        }
        for prices in [&zero, &lambda] {
            let l = at(prices, &mut choice);
            prop_assert!(lp_bound <= l + 1e-6, "L at the LP prices {} above L {} elsewhere", lp_bound, l);
        }
        for j in 0..p.places {
            for d in 0..p.dims {
                prop_assert!(lp.rounded.load[j * p.dims + d] <= p.cap[j * p.dims + d] + 1e-9);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Where large places and small ones meet (the agency shape), the set-partitioning
    /// bound over the small places never cuts off a plan, is never looser than the LP
    /// bound; the plan rounded from the master fits, and when the master is integral it is
    /// complete and lies within the bound.
    #[test]
    fn the_mixed_bound_lies_between_the_plan_and_the_lp(
        n in 30usize..90,
        m in 2usize..6,
        seed in any::<u64>(),
    ) {
        let planned = solved(n, m, seed);
        prop_assume!(planned.is_some());
        let (_, p, plan) = planned.expect("assumed");
        let relax = lagrange::Relaxation::new(&p, None);
        let (lp, lp_bound) = lp_of(&p, &relax, &plan);
        let Some(dual) = partition::bound(&p, &lp.prices, &plan, 0.0, None) else {
            // No small place: nothing to check.
            return Ok(());
        };
        prop_assert!(dual.bound >= plan.score(&p) - 1e-6, "bound {} below a plan {}", dual.bound, plan.score(&p));
        prop_assert!(dual.bound <= lp_bound + 1e-6, "bound {} above the LP bound {}", dual.bound, lp_bound);
        for k in 0..p.cap.len() {
            prop_assert!(dual.rounded.load[k] <= p.cap[k] + 1e-9);
        }
        if dual.integral {
            prop_assert!(dual.rounded.complete());
            prop_assert!(dual.rounded.score(&p) <= dual.bound + 1e-6);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(30))]

    /// A neighbourhood re-solved on its own (`Problem::restricted`, as the
    /// relaxation-induced search does) fits back into the room the other groups leave and
    /// meets the floors they leave unmet: merged, the plan places everyone, exceeds no
    /// capacity and meets every floor; and the sub-problem's bound is not below where the
    /// groups were.
    #[test]
    fn a_restricted_problem_solved_alone_fits_back(
        n in 20usize..50,
        m in 2usize..5,
        seed in any::<u64>(),
        every in 2usize..4,
        band in prop::option::of(prop::sample::select(vec![0.1, 0.25, 0.5])),
    ) {
        let planned = solved_within(generate_with_band(n, m, 3, seed, band));
        prop_assume!(planned.is_some());
        let (_, p, mut plan) = planned.expect("assumed");
        prop_assume!(plan.meets_floors(&p));
        let free: Vec<usize> = (0..p.groups.len()).filter(|g| g % every == 0).collect();
        let before: f64 = free.iter().filter_map(|&g| p.score(g, plan.at[g])).sum();
        for &g in &free {
            plan.remove(&p, g);
        }
        let room = p.cap.iter().zip(&plan.load).map(|(c, l)| c - l).collect();
        let sub = p.restricted(&free, room, plan.unmet_floors(&p).collect());
        let budget = solver::Budget { gap: 1e-4, deadline: None, iterations: 200 };
        // Where they were meets the floors, so the sub-problem has a plan meeting them,
        // and places them all.
        let found = solver::solve(&sub, &budget).expect("a plan meeting the floors");
        prop_assert!(!found.lexicographic);
        prop_assert!(found.plan.meets_floors(&sub));
        for (k, &g) in free.iter().enumerate() {
            prop_assert!(plan.fits(&p, g, found.plan.at[k]));
            plan.place(&p, g, found.plan.at[k]);
        }
        prop_assert!(fits(&p, &plan));
        // Where they were is a plan of the sub-problem: its bound is not below it.
        prop_assert!(found.bound >= before - 1e-6, "bound {} below {}", found.bound, before);
    }
}

/// Branch and price from `plan` with the column generation at zero capacity prices,
/// taking only the master's integral solutions as plans: the plan it ends with, its
/// bound and the root's; `None` when no place is small.
fn branch_and_price(p: &Problem, plan: &Plan, nodes: usize) -> Option<(Plan, f64, f64)> {
    let zero = vec![0.0; p.cap.len()];
    let mut dual = partition::bound(p, &zero, plan, 0.0, None)?;
    let limits = branch_price::Limits {
        nodes,
        gap: 0.0,
        deadline: None,
    };
    let found = branch_price::search(
        p,
        &mut dual.generation,
        plan,
        dual.bound,
        &limits,
        &mut |_| None,
    );
    let end = found.plan.unwrap_or_else(|| plan.clone());
    Some((end, found.bound, dual.bound))
}

/// A large place's floor is a row of the master: everyone prefers the other large place,
/// but 20 of the 30 must go to the one with the minimum, and the set-partitioning bound
/// knows it (without the row it would be 30, everyone at a place scoring 1).
#[test]
fn the_master_keeps_a_large_places_floor() {
    let mut floored = place("A", &[("persons", 30.0)], &[]);
    floored.minimum = BTreeMap::from([("persons".to_string(), 20.0)]);
    let instance = Instance {
        fairness: None,
        dimensions: vec!["persons".into()],
        places: vec![
            floored,
            place("C", &[("persons", 30.0)], &[]),
            place("B", &[("persons", 3.0)], &[]),
        ],
        cases: (0..30)
            .map(|i| case(&format!("c{i}"), &[("persons", 1.0)], &[], &[]))
            .collect(),
        scores: vec![vec![Some(0.0), Some(1.0), Some(1.0)]; 30],
    };
    let p = Problem::build(&instance);
    let mut plan = Plan::empty(&p);
    for (i, &g) in p.group_of.iter().enumerate() {
        let j = if i < 20 {
            0
        } else if i < 27 {
            1
        } else {
            2
        };
        plan.place(&p, g, j);
    }
    assert!(fits(&p, &plan));
    assert!((plan.score(&p) - 10.0).abs() < 1e-9);
    let zero = vec![0.0; p.cap.len()];
    let dual = partition::bound(&p, &zero, &plan, 0.0, None).expect("B is small");
    assert!(
        (dual.bound - 10.0).abs() < 1e-6,
        "bound {} instead of 10",
        dual.bound
    );
}

/// Whether `plan` places every group within every capacity and meets every floor.
fn fits(p: &Problem, plan: &Plan) -> bool {
    plan.complete()
        && plan.load.iter().zip(&p.cap).all(|(l, c)| *l <= c + 1e-9)
        && plan.meets_floors(p)
}

/// The best score of a plan placing everyone, proven by the Lagrangian branch and bound
/// (`branch.rs`, a method independent of the set-partitioning master), starting from
/// `plan`; `None` if it does not finish within its node limit.
fn proven_best(p: &Problem, plan: &Plan) -> Option<f64> {
    let relax = lagrange::Relaxation::new(p, None);
    let zero = vec![0.0; p.cap.len()];
    let limits = branch::Limits {
        nodes: 200_000,
        gap: 0.0,
        deadline: None,
    };
    let value = plan.score(p);
    let found = branch::search(
        p,
        &relax,
        &zero,
        relax.constant(&zero, &zero),
        value,
        &limits,
    );
    found.finished.then_some(found.value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Run to the end, branch and price proves the best plan optimal: its bound comes down
    /// to the best plan's score (never below it), and the plan it ends with is that good
    /// and fits. The best plan is the one an independent branch and bound proves.
    #[test]
    fn branch_and_price_proves_the_best_plan_optimal(
        n in 12usize..17,
        m in 4usize..8,
        seed in any::<u64>(),
    ) {
        let planned = solved(n, m, seed);
        prop_assume!(planned.is_some());
        let (_, p, plan) = planned.expect("assumed");
        let best = proven_best(&p, &plan);
        prop_assume!(best.is_some());
        let best = best.expect("assumed");
        let answer = branch_and_price(&p, &plan, 100_000).expect("every place is small");
        proves(&p, best, answer)?;
    }

    /// The same with a fairness band, whose floors the master keeps (a small place takes
    /// exactly one set that reaches its floor): the plan it ends with meets them, and the
    /// bound comes down to the best plan meeting them. (A large place's floor row is
    /// checked by `the_master_keeps_a_large_places_floor`: these instances are too small
    /// to have large places.)
    #[test]
    fn branch_and_price_proves_the_best_plan_within_a_band_optimal(
        n in 12usize..20,
        m in 3usize..6,
        band in prop::sample::select(vec![0.1, 0.25, 0.5]),
        seed in any::<u64>(),
    ) {
        let planned = solved_within(generate_with_band(n, m, 3, seed, Some(band)));
        prop_assume!(planned.is_some());
        let (_, p, plan) = planned.expect("assumed");
        prop_assume!(p.has_floors && plan.meets_floors(&p));
        let best = proven_best(&p, &plan);
        prop_assume!(best.is_some());
        let best = best.expect("assumed");
        let answer = branch_and_price(&p, &plan, 100_000);
        // A place where more than 16 of the families fit at once is large; if every one
        // is, there is no master.
        prop_assume!(answer.is_some());
        proves(&p, best, answer.expect("assumed"))?;
    }
}

/// Whether branch and price's answer `(plan, bound, root bound)` proves `best` optimal:
/// the plan fits and scores `best`, and the bound is down to it (never below).
fn proves(p: &Problem, best: f64, answer: (Plan, f64, f64)) -> Result<(), TestCaseError> {
    let (end, bound, root) = answer;
    prop_assert!(fits(p, &end));
    prop_assert!(
        (end.score(p) - best).abs() < 1e-6,
        "plan {} vs the best {}",
        end.score(p),
        best
    );
    prop_assert!(
        bound >= best - 1e-6,
        "bound {} below the best plan {}",
        bound,
        best
    );
    prop_assert!(
        bound <= best + 1e-6,
        "bound {} not down to the best plan {} (root {})",
        bound,
        best,
        root
    );
    Ok(())
}

proptest! {
    /// A place's knapsack, with or without a floor and with profits of either sign,
    /// finds the best set that fits and reaches the floor, as enumeration finds it; and
    /// says so (`-∞`) when no set reaches the floor.
    #[test]
    fn the_knapsack_finds_the_best_set_reaching_the_floor(
        seed in any::<u64>(),
        profits in prop::collection::vec(-10i8..10, 12),
        floor in 0u8..12,
        weights in prop::collection::vec(0u8..3, 3),
    ) {
        let p = Problem::build(&generate(12, 2, 3, seed));
        let mut items: Vec<(f64, usize)> = p
            .groups
            .iter()
            .enumerate()
            .filter(|(_, group)| group.options.iter().any(|o| o.place == 0))
            .map(|(g, _)| (f64::from(profits[g]) / 10.0, g))
            .collect();
        let room = p.cap[..p.dims].to_vec();
        let mut least = vec![0.0; p.dims];
        least[0] = f64::from(floor);
        if floor == 0 {
            // Without a floor, callers leave out what is not worth taking.
            items.retain(|&(q, _)| q > 0.0);
        }
        let mut expected = if floor == 0 { 0.0 } else { f64::NEG_INFINITY };
        for subset in 0u32..1 << items.len() {
            let mut load = vec![0.0; p.dims];
            let mut value = 0.0;
            for (k, &(q, g)) in items.iter().enumerate() {
                if subset & (1 << k) != 0 {
                    value += q;
                    for (l, a) in load.iter_mut().zip(&p.groups[g].demand) {
                        *l += a;
                    }
                }
            }
            let fits = load.iter().zip(&room).all(|(l, r)| *l <= r + 1e-9);
            let reaches = load.iter().zip(&least).all(|(l, f)| *l >= f - 1e-9);
            if fits && reaches {
                expected = expected.max(value);
            }
        }
        // Any weights of at least 0 make a valid surrogate row for the search's bound.
        let surrogate: Vec<f64> = weights.iter().map(|&w| f64::from(w)).collect();
        let best = knapsack::best(&p, &room, &mut items.clone(), &surrogate, &least, 1_000_000);
        if expected == f64::NEG_INFINITY {
            prop_assert_eq!(best.upper, f64::NEG_INFINITY);
            return Ok(());
        }
        prop_assert!((best.upper - expected).abs() < 1e-9, "{} vs {}", best.upper, expected);
        let value: f64 = best
            .set
            .iter()
            .map(|g| items.iter().find(|i| i.1 == *g).expect("an item").0)
            .sum();
        prop_assert!((value - expected).abs() < 1e-9);
        let mut load = vec![0.0; p.dims];
        for &g in &best.set {
            for (l, a) in load.iter_mut().zip(&p.groups[g].demand) {
                *l += a;
            }
        }
        prop_assert!(load.iter().zip(&room).all(|(l, r)| *l <= r + 1e-9));
        prop_assert!(load.iter().zip(&least).all(|(l, f)| *l >= f - 1e-9));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20))]

    /// Stopped after a few nodes where large places and small ones meet, branch and price
    /// never bounds below a plan (the incumbent's, or the one the full solver finds), never
    /// above the root, and any plan it finds fits.
    #[test]
    fn branch_and_price_stopped_early_keeps_a_valid_bound(
        n in 30usize..70,
        m in 2usize..6,
        seed in any::<u64>(),
    ) {
        let planned = solved(n, m, seed);
        prop_assume!(planned.is_some());
        let (instance, p, plan) = planned.expect("assumed");
        let Some((end, bound, root)) = branch_and_price(&p, &plan, 8) else {
            // No small place: nothing to check.
            return Ok(());
        };
        let (_, solver) = check(&instance, &solve_default(&instance));
        prop_assert!(fits(&p, &end));
        prop_assert!(end.score(&p) >= plan.score(&p) - 1e-9);
        prop_assert!(bound <= root + 1e-9);
        for score in [end.score(&p), solver] {
            prop_assert!(bound >= score - 1e-6, "bound {} below a plan {}", bound, score);
        }
    }
}
