//! A realistic synthetic instance, deterministic in `(cases, places, dimensions, seed)`,
//! for benchmarks, demos and tests. The distributions, and where they come from, are in
//! docs/placement.md; in short:
//!
//! - family sizes follow the pooled case sizes of the public HIAS FY16 and FY17 files
//!   (828 cases, 2,143 persons, mean 2.59; github.com/nhhai196/Refugee-Resettlement);
//! - one adult for a single person, else 1/2/3 adults with p = .25/.65/.10 (assumed);
//!   60 % of children of school age, 15 % of families needing specialised medical care,
//!   single-parent families supported (assumed);
//! - eight languages with skewed frequencies; each place supports each with p = .65 (at
//!   least one), matching the 63–64 % compatibility of the HIAS files;
//! - place sizes log-normal (σ = 1); capacities planted: every family is first put at a
//!   compatible place drawn by size, and each capacity is `ceil(1.1 × planted demand)`, so
//!   every instance can place everyone with about 10 % slack (Annie MOORE's 110 %);
//! - scores Annie-style: per adult `p = logistic(−0.45 + N(0,.6) person + N(0,.35) place
//!   + N(0,.3) language×place + N(0,.25) idiosyncratic)`, summed over the family's adults
//!   ([`FamilyScore::SumOfMembers`]);
//! - about 3 % of families are linked to the previous family (same language) and must be
//!   placed together.
use std::collections::BTreeMap;

use super::instance::{Case, Instance, Place};
use super::score::FamilyScore;

/// Capacity dimensions, in the order `dimensions` takes them.
const DIMENSIONS: [&str; 7] = [
    "persons",
    "unit_small",
    "unit_medium",
    "unit_large",
    "school",
    "medical",
    "single_parent",
];
/// Pooled HIAS FY16+FY17 family sizes 1..=10 (counts of cases).
const SIZE_COUNTS: [f64; 10] = [382.0, 90.0, 96.0, 107.0, 88.0, 41.0, 18.0, 3.0, 1.0, 2.0];
const LANGUAGES: [&str; 8] = ["ar", "fa", "ti", "so", "sw", "uk", "ps", "ku"];
const LANGUAGE_P: [f64; 8] = [0.35, 0.15, 0.12, 0.10, 0.10, 0.08, 0.06, 0.04];

/// xoshiro256** seeded by splitmix64: small, fast, and the same on every platform.
struct Rng([u64; 4]);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng([next(), next(), next(), next()])
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1).
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self, sd: f64) -> f64 {
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        sd * (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    /// Index drawn with probability proportional to `weights`.
    fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut u = self.uniform() * total;
        for (k, w) in weights.iter().enumerate() {
            if u < *w {
                return k;
            }
            u -= w;
        }
        weights.len() - 1
    }
}

struct Family {
    size: u32,
    adults: u32,
    school: u32,
    medical: bool,
    language: usize,
}

/// A generated instance with `cases` families, `places` places and the first `dimensions`
/// (1..=7) of persons, unit_small, unit_medium, unit_large, school, medical, single_parent.
pub fn generate(cases: usize, places: usize, dimensions: usize, seed: u64) -> Instance {
    generate_with_band(cases, places, dimensions, seed, None)
}

/// As [`generate`], and with `band`, a distribution plan on `persons`: each place's
/// `fair_share` is the persons the planted plan put there (as if the plan had been drawn up
/// from the same population figures), so the band is always satisfiable.
pub fn generate_with_band(
    cases: usize,
    places: usize,
    dimensions: usize,
    seed: u64,
    band: Option<f64>,
) -> Instance {
    let dims = &DIMENSIONS[..dimensions.clamp(1, DIMENSIONS.len())];
    let mut rng = Rng::new(seed);
    let families: Vec<Family> = (0..cases)
        .map(|_| {
            let size = rng.pick(&SIZE_COUNTS) as u32 + 1;
            let adults = if size == 1 {
                1
            } else {
                (rng.pick(&[0.25, 0.65, 0.10]) as u32 + 1).min(size)
            };
            let children = size - adults;
            let school = (0..children).filter(|_| rng.uniform() < 0.6).count() as u32;
            let medical = rng.uniform() < 0.15;
            let language = rng.pick(&LANGUAGE_P);
            Family {
                size,
                adults,
                school,
                medical,
                language,
            }
        })
        .collect();
    // Linked relatives: about 3 % of families join the previous one (same language).
    let mut linked_to_previous = vec![false; cases];
    for i in 1..cases {
        if rng.uniform() < 0.03
            && families[i].language == families[i - 1].language
            && !linked_to_previous[i - 1]
        {
            linked_to_previous[i] = true;
        }
    }
    let weight: Vec<f64> = (0..places).map(|_| rng.normal(1.0).exp()).collect();
    let mut supports = vec![[false; 8]; places];
    for row in supports.iter_mut() {
        for s in row.iter_mut() {
            *s = rng.uniform() < 0.65;
        }
    }
    for row in supports.iter_mut() {
        let k = (rng.uniform() * 8.0) as usize;
        row[k.min(7)] = true;
    }
    let demand_of = |f: &Family| -> Vec<f64> {
        let unit = if f.size <= 2 {
            1
        } else if f.size <= 5 {
            2
        } else {
            3
        };
        let mut a = [0.0; 7];
        a[0] = f.size as f64;
        a[unit] = 1.0;
        a[4] = f.school as f64;
        a[5] = if f.medical { 1.0 } else { 0.0 };
        a[6] = if f.adults == 1 && f.size > 1 {
            1.0
        } else {
            0.0
        };
        a[..dims.len()].to_vec()
    };
    // Planted plan: each family (a linked pair together) at a supporting place by size.
    let mut planted = vec![0.0; places * dims.len()];
    let mut i = 0;
    while i < cases {
        let mut end = i + 1;
        while end < cases && linked_to_previous[end] {
            end += 1;
        }
        let language = families[i].language;
        let mut ok: Vec<f64> = (0..places)
            .map(|j| {
                if supports[j][language] {
                    weight[j]
                } else {
                    0.0
                }
            })
            .collect();
        if ok.iter().all(|w| *w == 0.0) {
            let j = rng.pick(&weight);
            supports[j][language] = true;
            ok[j] = weight[j];
        }
        let j = rng.pick(&ok);
        for family in &families[i..end] {
            for (d, a) in demand_of(family).into_iter().enumerate() {
                planted[j * dims.len() + d] += a;
            }
        }
        i = end;
    }
    let place_effect: Vec<f64> = (0..places).map(|_| rng.normal(0.35)).collect();
    let network: Vec<Vec<f64>> = (0..LANGUAGES.len())
        .map(|_| (0..places).map(|_| rng.normal(0.30)).collect())
        .collect();
    let mut scores = Vec::with_capacity(cases);
    for f in &families {
        let mut adult_p = vec![Vec::with_capacity(f.adults as usize); places];
        for _ in 0..f.adults {
            let person = rng.normal(0.6);
            for (j, chances) in adult_p.iter_mut().enumerate() {
                let z =
                    -0.45 + person + place_effect[j] + network[f.language][j] + rng.normal(0.25);
                chances.push(1.0 / (1.0 + (-z).exp()));
            }
        }
        scores.push(
            (0..places)
                .map(|j| {
                    supports[j][f.language].then(|| {
                        let s = FamilyScore::SumOfMembers.combine(&adult_p[j]);
                        (s * 1e6).round() / 1e6
                    })
                })
                .collect(),
        );
    }
    let width = cases.max(1).to_string().len().max(4);
    let case_id = |i: usize| format!("c{i:0width$}");
    let place_width = places.max(1).to_string().len().max(3);
    let places_out = (0..places)
        .map(|j| Place {
            id: format!("p{j:0place_width$}"),
            capacity: dims
                .iter()
                .enumerate()
                .map(|(d, name)| {
                    (
                        name.to_string(),
                        (1.1 * planted[j * dims.len() + d] - 1e-9).ceil().max(0.0),
                    )
                })
                .filter(|(_, c)| *c > 0.0)
                .collect(),
            services: LANGUAGES
                .iter()
                .enumerate()
                .filter(|(l, _)| supports[j][*l])
                .map(|(_, name)| format!("language:{name}"))
                .collect(),
            region: Some(format!("region-{}", j % 10 + 1)),
            minimum: BTreeMap::new(),
            maximum: BTreeMap::new(),
            fair_share: band.map(|_| planted[j * dims.len()]),
        })
        .collect();
    let cases_out = families
        .iter()
        .enumerate()
        .map(|(i, f)| Case {
            id: case_id(i),
            demand: dims
                .iter()
                .zip(demand_of(f))
                .filter(|(_, a)| *a > 0.0)
                .map(|(name, a)| (name.to_string(), a))
                .collect::<BTreeMap<_, _>>(),
            requires: vec![format!("language:{}", LANGUAGES[f.language])],
            together_with: if linked_to_previous[i] {
                vec![case_id(i - 1)]
            } else {
                Vec::new()
            },
        })
        .collect();
    Instance {
        dimensions: dims.iter().map(|d| d.to_string()).collect(),
        places: places_out,
        cases: cases_out,
        scores,
        fairness: band.map(|band| super::instance::Fairness {
            dimension: "persons".to_string(),
            band,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_instances_are_valid_and_deterministic() {
        let a = generate(60, 12, 7, 3);
        a.validate().unwrap();
        assert_eq!(a.to_json(), generate(60, 12, 7, 3).to_json());
        assert_ne!(a.to_json(), generate(60, 12, 7, 4).to_json());
        let b = generate(30, 5, 1, 1);
        assert_eq!(b.dimensions, vec!["persons"]);
        b.validate().unwrap();
    }

    #[test]
    fn family_sizes_follow_the_hias_distribution() {
        let instance = generate(4000, 10, 1, 9);
        let persons: f64 = (0..4000).map(|i| instance.demand(i, "persons")).sum();
        let mean = persons / 4000.0;
        assert!((mean - 2.59).abs() < 0.1, "mean family size {mean}");
    }
}
