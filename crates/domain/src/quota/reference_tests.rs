//! Tests against published tables kept in the team's `shared/data` folder beside the
//! checkout (tests may read files; the crate may not). Those tables may not be copied into
//! the project, so a checkout without the folder skips these tests, saying so on stderr;
//! in CI (`CI=true`), where the folder is always present, a missing folder fails them.
use std::collections::BTreeMap;

use super::shares::{Parts, capped_effect, combine};
use super::{Method, Weights, compute_shares, parse_indicators_csv};

/// The text of a shared table, or `None` (announced on stderr) outside CI without it.
pub(super) fn shared(name: &str) -> Option<String> {
    use std::io::Write;
    let path = format!("{}/../../../shared/data/{name}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => panic!("{path}: {e}"),
        Err(_) => {
            // Past the harness's output capture, so the skip is seen.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED a reference-table test: {path} is absent (the team's shared folder \
                 is not beside this checkout; CI runs it)"
            );
            None
        }
    }
}

/// Grech (2016), Table 1, as rows of column name → cell.
fn grech_rows() -> Option<Vec<BTreeMap<String, String>>> {
    let text = shared("grech2016_table1.csv")?;
    Some(
        csv::Reader::from_reader(text.as_bytes())
            .deserialize()
            .map(Result::unwrap)
            .collect(),
    )
}

fn num(r: &BTreeMap<String, String>, k: &str) -> f64 {
    r[k].parse().unwrap_or_else(|_| panic!("{k}: {:?}", r[k]))
}

/// The table prints 4 decimals and its inputs are themselves rounded to 4 decimals, so a
/// faithful recomputation lands within one unit of the last printed place (1e-4); in
/// practice the largest deviation is about 7.6e-5, and most rows round to the printed value.
const PRINTED: f64 = 1e-4;

fn grech_parts(rows: &[BTreeMap<String, String>]) -> Vec<Parts> {
    rows.iter()
        .map(|r| Parts {
            population: num(r, "pop_share"),
            gdp: num(r, "gdp_share"),
            effort: num(r, "pure_asylum_effect"),
            unemployment: num(r, "pure_unemployment_effect"),
        })
        .collect()
}

#[test]
fn grech_pure_effects_are_inverse_shares_of_the_raw_figures() {
    let Some(rows) = grech_rows() else { return };
    assert_eq!(rows.len(), 32);
    let inv_u: f64 = rows.iter().map(|r| 1.0 / num(r, "unemployment_pct")).sum();
    let inv_a: f64 = rows
        .iter()
        .map(|r| 1.0 / num(r, "asylum_applicants_per_million_avg5y"))
        .sum();
    for r in &rows {
        let u = (1.0 / num(r, "unemployment_pct")) / inv_u;
        assert!(
            (u - num(r, "pure_unemployment_effect")).abs() < PRINTED,
            "{}",
            r["state"]
        );
        // Applicants per million are printed as whole numbers (PT: 48), which alone moves a
        // small state's inverse share by up to ~1%; allow that much.
        let a = (1.0 / num(r, "asylum_applicants_per_million_avg5y")) / inv_a;
        let printed = num(r, "pure_asylum_effect");
        assert!(
            (a - printed).abs() < PRINTED + 0.011 * printed,
            "{}: {a} vs {printed}",
            r["state"]
        );
    }
}

#[test]
fn grech_uncapped_total_is_ec2015() {
    let Some(rows) = grech_rows() else { return };
    let got = combine(&grech_parts(&rows), &Weights::EC2015, None);
    for (r, g) in rows.iter().zip(got) {
        let want = num(r, "total_share_uncapped");
        assert!((g - want).abs() < PRINTED, "{}: {g} vs {want}", r["state"]);
    }
}

#[test]
fn grech_capped_columns_use_cap_0_15_of_pop_plus_gdp() {
    let Some(rows) = grech_rows() else { return };
    let parts = grech_parts(&rows);
    // Grech's table: cap = 0.3 × base = 0.15 × (pop + GDP), handed back ∝ base.
    let got = combine(&parts, &Weights::EC2015, Some(0.15));
    let mut worst: f64 = 0.0;
    for ((r, p), g) in rows.iter().zip(&parts).zip(&got) {
        let cu = capped_effect(p.unemployment, p, Some(0.15));
        let ca = capped_effect(p.effort, p, Some(0.15));
        assert!(
            (cu - num(r, "capped_unemployment_effect")).abs() < PRINTED,
            "{}",
            r["state"]
        );
        assert!(
            (ca - num(r, "capped_asylum_effect")).abs() < PRINTED,
            "{}",
            r["state"]
        );
        let want = num(r, "total_share_capped");
        worst = worst.max((g - want).abs());
        assert!((g - want).abs() < PRINTED, "{}: {g} vs {want}", r["state"]);
        let base = num(r, "base_share");
        assert!(
            (0.5 * (p.population + p.gdp) - base).abs() < PRINTED,
            "{}",
            r["state"]
        );
    }
    assert!(worst < 8e-5, "worst deviation {worst}");
    // The printed input shares themselves sum to 0.9998–1.0001, so the total does too.
    assert!((got.iter().sum::<f64>() - 1.0).abs() < 5e-4);
}

#[test]
fn implemented_ec2015_capped_rule_differs_from_grechs_table() {
    // Our `ec2015-capped` caps at 0.3 × (pop + GDP) — the wording, Grech's eq. (2)
    // (2κ × base with κ = 0.3) and the georgeblck/refugee-distribution code — which is twice
    // the cap Grech's Table 1 was computed with. Documented in docs/quota.md; this test pins
    // the size of the difference so it is not forgotten.
    let Some(rows) = grech_rows() else { return };
    let ours = combine(
        &grech_parts(&rows),
        &Weights::EC2015,
        Method::Ec2015Capped.cap(),
    );
    let worst = rows
        .iter()
        .zip(&ours)
        .map(|(r, g)| (g - num(r, "total_share_capped")).abs())
        .fold(0.0, f64::max);
    assert!(worst > 3e-3 && worst < 3.5e-3, "worst deviation {worst}");
}

#[test]
fn ec2015_on_the_eu28_indicators_gives_belgium_about_2_45_percent() {
    // The Commission's resettlement key gave BE 2.45% on spring-2015 data. This file is a
    // revised Eurostat vintage without resettled refugees in the effort figure, so we only
    // check a loose band (it gives ≈ 2.43%).
    let Some(text) = shared("ec2015_indicators_eu28.csv") else {
        return;
    };
    let set = parse_indicators_csv(&text).unwrap();
    assert_eq!(set.len(), 28);
    let shares = compute_shares(&set, &Method::Ec2015).unwrap();
    let be = shares.iter().find(|s| s.state.as_str() == "BE").unwrap();
    assert!((0.022..0.027).contains(&be.share), "BE {}", be.share);
    for m in [
        Method::Ec2015,
        Method::Ec2015Capped,
        Method::Dublin2016,
        Method::Population,
        Method::Gdp,
    ] {
        let s = compute_shares(&set, &m).unwrap();
        assert!(
            (s.iter().map(|x| x.share).sum::<f64>() - 1.0).abs() < 1e-12,
            "{m}"
        );
    }
}
