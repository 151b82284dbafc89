//! Fuzzing every file parser on stable Rust: each shipped file, damaged the ways files get
//! damaged (a cut, a byte changed, a line lost or doubled, text pasted in), is read or
//! refused with an error, never a panic. Random text alone would be refused at its first
//! line and test little; a shipped file with one fault reaches every part of a parser.
//!
//! The parsers: policy profiles, forecast scenarios, fair-share indicator, key and
//! population/GDP tables, placement instances. The spreadsheet import is fuzzed beside its
//! code (`crates/app/src/import/tests.rs`), query parameters in `crates/web/tests/web/bounds.rs`,
//! and the whole API against its OpenAPI document by `scripts/api-fuzz`.
use proptest::prelude::*;
use resettle_domain::policy::PolicyProfile;
use resettle_domain::quota::{parse_indicators_csv, parse_key_csv, parse_pop_gdp_csv};
use resettle_forecast::Scenario;
use resettle_placement::Instance;

const POLICIES: [&str; 2] = [
    include_str!("../../../../policies/belgium.toml"),
    include_str!("../../../../policies/netherlands-2012.toml"),
];
const SCENARIOS: [&str; 2] = [
    include_str!("../../../../data/scenarios/belgium-growth-path.toml"),
    include_str!("../../../../data/scenarios/belgium-2018-2019.toml"),
];
/// The indicators of the 2015 key, and the latest population and GDP table.
const INDICATORS: &str = include_str!("../../../../data/indicators/ec2015.csv");
const POP_GDP: &str = include_str!("../../../../data/indicators/eu27_latest.csv");
const KEYS: [&str; 3] = [
    include_str!("../../../../data/keys/ec2015_published.csv"),
    include_str!("../../../../data/keys/ec2015_agenda_relocation_rounded.csv"),
    include_str!("../../../../data/keys/ec2015_relocation_com2015_286.csv"),
];

/// One way a file gets damaged, at a position given as a share of its length.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut off from here.
    Cut(f64),
    /// A span of bytes lost.
    Lose(f64, usize),
    /// One character changed into another.
    Change(f64, char),
    /// Text pasted in.
    Paste(f64, String),
    /// A line doubled.
    Double(f64),
    /// A line lost.
    Drop(f64),
}

fn damage() -> impl Strategy<Value = Damage> {
    let at = 0.0..1.0f64;
    // Characters a parser treats specially, digits and signs, and any other.
    let char = prop_oneof![
        prop::sample::select(vec![
            '"', '\'', '=', '[', ']', '{', '}', ',', ';', '\n', '#', '-', '.', '0', '9', 'e',
            '\u{0}', '\u{feff}', 'ش', '\u{202e}',
        ]),
        any::<char>(),
    ];
    prop_oneof![
        at.clone().prop_map(Damage::Cut),
        (at.clone(), 1..40usize).prop_map(|(a, n)| Damage::Lose(a, n)),
        (at.clone(), char).prop_map(|(a, c)| Damage::Change(a, c)),
        (
            at.clone(),
            prop_oneof![
                "\\PC{0,20}",
                Just("1e309".to_string()),
                Just("-1".to_string()),
                Just("99999999999999999999".to_string()),
                Just("NaN".to_string()),
                Just("\n[[stages]]\n".to_string()),
                Just(",,,,".to_string()),
            ]
        )
            .prop_map(|(a, s)| Damage::Paste(a, s)),
        at.clone().prop_map(Damage::Double),
        at.prop_map(Damage::Drop),
    ]
}

/// The byte offset at `share` of `text`, moved back to a character's start.
fn offset(text: &str, share: f64) -> usize {
    let mut at = ((text.len() as f64) * share) as usize;
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at.min(text.len())
}

/// The start and end of the line around `share` of `text`.
fn line_at(text: &str, share: f64) -> (usize, usize) {
    let at = offset(text, share);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    (start, end)
}

fn damaged(text: &str, damages: &[Damage]) -> String {
    let mut t = text.to_string();
    for d in damages {
        match d {
            Damage::Cut(a) => t.truncate(offset(&t, *a)),
            Damage::Lose(a, n) => {
                let from = offset(&t, *a);
                let mut to = (from + n).min(t.len());
                while !t.is_char_boundary(to) {
                    to += 1;
                }
                t.replace_range(from..to, "");
            }
            Damage::Change(a, c) => {
                let at = offset(&t, *a);
                let len = t[at..].chars().next().map_or(0, char::len_utf8);
                t.replace_range(at..at + len, &c.to_string());
            }
            Damage::Paste(a, s) => {
                let at = offset(&t, *a);
                t.insert_str(at, s);
            }
            Damage::Double(a) => {
                let (start, end) = line_at(&t, *a);
                let line = t[start..end].to_string();
                t.insert_str(end, &line);
            }
            Damage::Drop(a) => {
                let (start, end) = line_at(&t, *a);
                t.replace_range(start..end, "");
            }
        }
    }
    t
}

fn damages() -> impl Strategy<Value = Vec<Damage>> {
    prop::collection::vec(damage(), 1..4)
}

#[test]
fn the_shipped_files_are_read_whole() {
    for p in POLICIES {
        PolicyProfile::parse(p).unwrap();
    }
    for s in SCENARIOS {
        Scenario::parse(s).unwrap();
    }
    parse_indicators_csv(INDICATORS).unwrap();
    parse_pop_gdp_csv(POP_GDP).unwrap();
    for k in KEYS {
        parse_key_csv(k).unwrap();
    }
    Instance::from_json(&resettle_placement::generate(12, 4, 3, 7).to_json()).unwrap();
}

#[test]
fn the_damage_is_done() {
    // The fuzzing tests what it means to: a damaged file differs from the shipped one.
    let text = POLICIES[0];
    assert_eq!(damaged(text, &[Damage::Cut(0.5)]).len(), offset(text, 0.5));
    let doubled = damaged(text, &[Damage::Double(0.0)]);
    let first = text.lines().next().unwrap();
    assert!(doubled.starts_with(&format!("{first}\n{first}\n")));
    assert!(!damaged(text, &[Damage::Drop(0.0)]).starts_with(first));
    assert!(PolicyProfile::parse(&damaged(text, &[Damage::Cut(0.3)])).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_damaged_policy_profile_is_read_or_refused(
        which in 0..POLICIES.len(), d in damages()
    ) {
        let _ = PolicyProfile::parse(&damaged(POLICIES[which], &d));
    }

    #[test]
    fn a_damaged_scenario_is_read_or_refused(which in 0..SCENARIOS.len(), d in damages()) {
        if let Ok(s) = Scenario::parse(&damaged(SCENARIOS[which], &d)) {
            // What is read is a scenario that can be run: it checks.
            prop_assert!(s.check().is_ok());
        }
    }

    #[test]
    fn a_damaged_fair_share_table_is_read_or_refused(key in 0..KEYS.len(), d in damages()) {
        let _ = parse_indicators_csv(&damaged(INDICATORS, &d));
        let _ = parse_pop_gdp_csv(&damaged(POP_GDP, &d));
        let _ = parse_key_csv(&damaged(KEYS[key], &d));
    }

    #[test]
    fn a_damaged_placement_instance_is_read_or_refused(
        cases in 1..12usize, places in 1..5usize, seed in any::<u64>(), d in damages()
    ) {
        let json = resettle_placement::generate(cases, places, 3, seed).to_json();
        let _ = Instance::from_json(&damaged(&json, &d));
    }
}
