//! The forecast as its callers use it: the shipped scenarios read and answer, a seed gives
//! one forecast, the buffer search agrees with a brute-force scan, and the scenario reader
//! refuses every bad file naming the key.
use proptest::prelude::*;
use resettle_forecast::{Options, Scenario, Shock, forecast};

const BELGIUM_2018: &str = include_str!("../../../data/scenarios/belgium-2018-2019.toml");
const GROWTH_PATH: &str = include_str!("../../../data/scenarios/belgium-growth-path.toml");

fn options(runs: u32) -> Options {
    Options {
        runs,
        seed: 7,
        threads: 2,
        ..Options::default()
    }
}

#[test]
fn the_shipped_scenarios_read_and_answer() {
    let belgium = Scenario::parse(BELGIUM_2018).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(belgium.pledges.len(), 1);
    assert_eq!(belgium.pledges[0].persons, 2_000);
    assert_eq!(belgium.shocks.len(), 3);
    let f = forecast(&belgium, &options(300), &|_| {}).unwrap();
    let p = &f.pledges[0];
    assert_eq!(p.label, "2018–2019");
    assert!(p.p_met < 0.05, "the pledge was missed: {}", p.p_met);
    assert!(
        (950..=1_300).contains(&p.arrivals.median),
        "near the 1,119 who arrived: {:?}",
        p.arrivals
    );
    let halt = f
        .shocks
        .iter()
        .find(|s| matches!(s.shock, Shock::Halt { .. }))
        .unwrap();
    assert!(halt.applied);

    let growth = Scenario::parse(GROWTH_PATH).unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<String> = growth.pledges.iter().map(|p| p.label()).collect();
    assert_eq!(labels, ["2027", "2028", "2029"]);
    assert_eq!(
        growth.pledges.iter().map(|p| p.persons).sum::<u32>(),
        8_821,
        "the NGOs' three-year path"
    );
    assert_eq!(growth.what_if.len(), 3);
}

#[test]
fn a_seed_gives_one_forecast() {
    let s = Scenario::parse(BELGIUM_2018).unwrap();
    let a = forecast(&s, &options(200), &|_| {}).unwrap();
    let b = forecast(
        &s,
        &Options {
            threads: 1,
            ..options(200)
        },
        &|_| {},
    )
    .unwrap();
    assert_eq!(a, b, "the same on one thread as on two");
    let c = forecast(
        &s,
        &Options {
            seed: 8,
            ..options(200)
        },
        &|_| {},
    )
    .unwrap();
    assert_ne!(a.arrived, c.arrived, "another seed, other runs");
}

/// A small programme: one pledge over both years (so more places never lower its chance),
/// few persons (so a scan of every buffer is quick).
fn small() -> Scenario {
    Scenario::parse(
        r#"
name = "small"
title = "Small"
sources = ["test"]
reception_model = "centre_then_local"
start = "2027-01-04"
end = "2028-06-30"
[families]
size_weights = [3, 3, 2, 1]
source = "test"
[decision]
acceptance_rate = 0.9
weeks = { uniform = [1, 4] }
source = "test"
[pre_departure]
weeks = { triangular = [4, 8, 16] }
source = "test"
[[missions]]
name = "a"
month = "2027-01"
persons = 60
source = "test"
[[missions]]
name = "b"
month = "2027-06"
persons = 60
source = "test"
[[dossiers]]
from = "2027-01"
until = "2027-12"
persons_per_month = 3
source = "test"
[[stages]]
name = "centre"
capacity = 6
weeks = { triangular = [3, 5, 8] }
source = "test"
[[stages]]
name = "loi"
capacity = 10
weeks = { uniform = [8, 20] }
source = "test"
[[pledges]]
year = 2027
until = 2028
persons = 120
source = "test"
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// The lowest pledge probability with `extra` places on each limited stage (`None`: no
/// limit), through the public API only.
fn probability(s: &Scenario, extra: &[Option<u32>], runs: u32) -> f64 {
    let mut s = s.clone();
    for (stage, extra) in s
        .stages
        .iter_mut()
        .filter(|st| st.capacity.is_some())
        .zip(extra)
    {
        stage.capacity = extra.map(|e| stage.capacity.unwrap() + e);
    }
    let f = forecast(
        &s,
        &Options {
            buffer: false,
            shock_effects: false,
            ..options(runs)
        },
        &|_| {},
    )
    .unwrap();
    f.pledges.iter().map(|p| p.p_met).fold(1.0, f64::min)
}

#[test]
fn the_buffer_search_finds_what_a_scan_of_every_buffer_finds() {
    let s = small();
    let runs = 200;
    let target = 0.8;
    let advice = forecast(
        &s,
        &Options {
            target_probability: target,
            shock_effects: false,
            ..options(runs)
        },
        &|_| {},
    )
    .unwrap()
    .buffer
    .unwrap();
    assert!(advice.reached, "{advice:?}");
    assert!(advice.monotone && advice.consistent, "{advice:?}");
    assert!(advice.probability >= target);

    // Stage by stage in pipeline order, the least places that reach the target with the
    // stages before at their buffers and those after without limit.
    let centre = (0..=advice.limit)
        .find(|&b| probability(&s, &[Some(b), None], runs) >= target)
        .unwrap();
    let loi = (0..=advice.limit)
        .find(|&b| probability(&s, &[Some(centre), Some(b)], runs) >= target)
        .unwrap();
    let found: Vec<u32> = advice.per_stage.iter().map(|b| b.places).collect();
    assert_eq!(found, [centre, loi], "{advice:?}");
    assert!(centre + loi > 0, "the small network does not hold as it is");
    if centre > 0 {
        assert!(probability(&s, &[Some(centre - 1), None], runs) < target);
    }
}

#[test]
fn a_network_that_holds_needs_no_buffer_and_an_impossible_target_is_said() {
    let mut s = small();
    for st in &mut s.stages {
        st.capacity = Some(1_000);
    }
    let f = forecast(&s, &options(100), &|_| {}).unwrap();
    let b = f.buffer.unwrap();
    assert_eq!((b.places, b.reached), (0, true), "{b:?}");

    // More persons pledged than are ever submitted: no places can keep it.
    s.pledges[0].persons = 10_000;
    let b = forecast(&s, &options(100), &|_| {})
        .unwrap()
        .buffer
        .unwrap();
    assert!(!b.reached);
    assert_eq!(b.probability, 0.0);
}

/// A valid scenario's text with the given figures.
fn text(capacity: u32, rate: f64, persons: u32, weeks: (f64, f64, f64), year: i32) -> String {
    format!(
        r#"name = "p"
title = "P"
sources = ["proptest"]
reception_model = "direct_municipality"
start = "{year}-01-01"
end = "{year}-12-31"
[families]
size_weights = [1, 2, 3]
source = "assumed: test"
[decision]
acceptance_rate = {rate}
weeks = {{ fixed = 3 }}
source = "test"
[pre_departure]
weeks = {{ triangular = [{}, {}, {}] }}
source = "test"
[[missions]]
name = "m"
month = "{year}-03"
persons = {persons}
source = "test"
[[stages]]
name = "municipality"
capacity = {capacity}
weeks = {{ uniform = [10, 30] }}
source = "test"
[[pledges]]
year = {year}
persons = {persons}
source = "test"
"#,
        weeks.0, weeks.1, weeks.2
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever figures a valid file holds are read back as written.
    #[test]
    fn valid_files_read_back_their_figures(
        capacity in 0u32..100_000,
        rate in 0.0f64..=1.0,
        persons in 0u32..10_000,
        a in 0.0f64..50.0, b in 0.0f64..50.0, c in 0.0f64..50.0,
        year in 1990i32..2090,
    ) {
        let mut w = [a, b, c];
        w.sort_by(f64::total_cmp);
        let s = Scenario::parse(&text(capacity, rate, persons, (w[0], w[1], w[2]), year))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(s.stages[0].capacity, Some(capacity));
        prop_assert_eq!(s.acceptance_rate.value, rate);
        prop_assert_eq!(s.missions[0].persons, persons);
        prop_assert_eq!(s.pledges[0].first_year, year);
    }

    /// A figure out of its bounds is refused naming its key and its line.
    #[test]
    fn a_figure_out_of_bounds_is_refused_by_key(
        which in 0usize..4,
        bad in prop_oneof![-1_000_000i64..0, 1_000_001i64..10_000_000],
    ) {
        let good = text(100, 0.9, 50, (4.0, 8.0, 12.0), 2027);
        let (key, from, to) = match which {
            0 => ("stages[0].capacity", "capacity = 100", format!("capacity = {bad}")),
            1 => ("missions[0].persons", "persons = 50\nsource = \"test\"\n[[stages]]", format!("persons = {bad}\nsource = \"test\"\n[[stages]]")),
            2 => ("decision.acceptance_rate", "acceptance_rate = 0.9", format!("acceptance_rate = {}", bad as f64 / 100.0)),
            _ => ("pre_departure.weeks", "triangular = [4, 8, 12]", format!("triangular = [4, 8, {bad}]")),
        };
        let bad_text = good.replacen(from, &to, 1);
        prop_assert_ne!(&bad_text, &good);
        let e = Scenario::parse(&bad_text).unwrap_err();
        prop_assert_eq!(e.key.as_deref(), Some(key), "{}", e);
        prop_assert!(e.location.is_some(), "{}", e);
    }

    /// Any text at all is read or refused, never a panic.
    #[test]
    fn any_text_is_read_or_refused(s in "\\PC{0,300}") {
        let _ = Scenario::parse(&s);
    }

    /// A valid file cut anywhere is refused with a reason, never a panic.
    #[test]
    fn a_file_cut_short_is_refused(at in 0usize..900) {
        let good = text(100, 0.9, 50, (4.0, 8.0, 12.0), 2027);
        let mut cut = at.min(good.len());
        while !good.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Err(e) = Scenario::parse(&good[..cut]) {
            prop_assert!(!e.reason.is_empty());
        }
    }
}

#[test]
fn refusals_name_the_key_and_the_place() {
    let good = text(100, 0.9, 50, (4.0, 8.0, 12.0), 2027);
    let refused = |from: &str, to: &str| {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "{from}");
        Scenario::parse(&bad).unwrap_err()
    };
    let e = refused("capacity = 100", "capacty = 100");
    assert!(e.reason.contains("unknown field `capacty`"), "{e}");
    assert_eq!(e.location.unwrap().line, 24);

    let e = refused("source = \"assumed: test\"", "source = \" \"");
    assert_eq!(e.key.as_deref(), Some("families.source"));
    assert!(e.reason.contains("assumed"), "{e}");

    let e = refused("start = \"2027-01-01\"", "start = \"2027-13-01\"");
    assert_eq!(e.key.as_deref(), Some("start"));
    assert_eq!(
        e.to_string(),
        "line 5, column 9: start: \"2027-13-01\" is not a day written YYYY-MM-DD, e.g. \"2018-10-01\""
    );

    let e = refused("capacity = 100", "capacity = \"many\"");
    assert_eq!(e.key.as_deref(), Some("stages[0].capacity"), "{e}");

    let e = refused(
        "weeks = { uniform = [10, 30] }",
        "weeks = { uniform = [10, 30], fixed = 3 }",
    );
    assert_eq!(e.key.as_deref(), Some("stages[0].weeks"));
    assert!(e.reason.contains("exactly one"), "{e}");

    let e = refused("[[pledges]]\nyear = 2027", "[[pledges]]\nyear = 2031");
    assert_eq!(e.key.as_deref(), Some("pledges[0].year"));
    assert!(e.in_file("x.toml").starts_with("x.toml: line "), "{e}");
}
