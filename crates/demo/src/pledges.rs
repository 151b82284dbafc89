//! The Belgian programme and its yearly pledges: published figures up to 2021, then demo
//! pledges that follow the demo's own caseload (whose arrivals resettle counts from the
//! generated cases).
use std::collections::BTreeMap;

use resettle_domain::country::CountryCode;
use resettle_domain::programme::{Pledge, Programme};
use time::Date;

use crate::caseload::Sketch;
use crate::rng::Rng;

/// Where the published 2018–2021 figures come from (DOMAIN.md, "Numbers").
const NGO_REPORT: &str = "11.11.11 et al. (2021), Belgian NGO report on resettlement, \
                          section 2 (figures from Fedasil/CGVS)";

/// The first year the demo invents: its cases are submitted from 1 January 2022, after
/// the last published figure (June 2021).
pub const FIRST_DEMO_YEAR: i32 = 2022;

/// The share of a demo year's pledge that arrives, in per mille, drawn uniformly in this
/// range for each year: the 80–95 % the staff workspace asked for, a programme that keeps
/// most of its word. (2019–2021 fell much further short, 15–42 % in the published rows
/// below, with the programme on hold and then COVID-19; a demo doing so year after year
/// would read as a programme in collapse.)
pub const FULFILMENT_PER_MILLE: std::ops::RangeInclusive<u32> = 800..=950;

/// Stream purpose of the yearly fulfilment rates (the world uses 1–3, cases 10–20).
const FULFILMENT_STREAM: u64 = 30;

/// The programme the whole demo belongs to.
pub(crate) fn programme() -> Programme {
    Programme {
        code: "BE".into(),
        name: "Belgian resettlement programme (demo)".into(),
        state: CountryCode::parse("state", "BE").expect("BE is a country code"),
        policy_profile: "belgium".into(),
    }
}

/// The share (per mille) of `year`'s pledge that arrives, drawn from the seed.
fn fulfilment(seed: u64, year: i32) -> u32 {
    let mut rng = Rng::stream(seed, &[FULFILMENT_STREAM, year as u64]);
    let (lo, hi) = (*FULFILMENT_PER_MILLE.start(), *FULFILMENT_PER_MILLE.end());
    rng.range(i64::from(lo), i64::from(hi)) as u32
}

/// The pledge under which `arrivals` persons are `per_mille` of it: the smallest whole
/// number of persons `p` with `arrivals ≤ p × per_mille / 1000`.
pub fn pledge_for(arrivals: u64, per_mille: u32) -> u32 {
    u32::try_from((arrivals * 1_000).div_ceil(u64::from(per_mille)))
        .expect("a demo year's pledge fits in u32")
}

/// Persons arriving per year, counted as resettle counts them (the persons who travelled
/// on every case whose `arrived` event falls in the year), plus those still on their way
/// on `as_of` who arrive before its year is out.
pub(crate) fn arrivals_by_year(cases: &[Sketch]) -> BTreeMap<i32, u64> {
    let mut years = BTreeMap::new();
    for s in cases {
        if let Some((year, persons)) = s.arrived {
            *years.entry(year).or_default() += u64::from(persons);
        }
        if let Some(a) = s.later {
            *years.entry(a.on.year()).or_default() += u64::from(a.persons);
        }
    }
    years
}

/// The pledges from 2018 to `as_of`'s year: the published ones as the report gives them,
/// then for each demo year the persons the caseload brings in that year (`arrivals`, for
/// `as_of`'s year to 31 December) divided by that year's drawn fulfilment rate, rounded up;
/// then `as_of`'s year's pledge renewed for the years ahead ([`renewed`]).
pub(crate) fn pledges(seed: u64, as_of: Date, arrivals: &BTreeMap<i32, u64>) -> Vec<Pledge> {
    let last_year = as_of.year();
    let published = |year, pledged, arrived, note: &str| Pledge {
        year,
        pledged,
        arrived_before_resettle: Some(arrived),
        source: format!("{NGO_REPORT}; {note}"),
    };
    let split = "the pledge was 2,000 for 2018–2019 combined, split evenly by the demo; \
                 1,119 arrived in 2018–2019, 239 of them in 2019";
    let mut out = vec![
        published(2018, 1_000, 1_119 - 239, split),
        published(2019, 1_000, 239, split),
        published(
            2020,
            1_150,
            176,
            "arrivals held back by COVID-19 travel restrictions",
        ),
        published(
            2021,
            1_500,
            635,
            "arrivals by end of June 2021; Fedasil planned ~1,500",
        ),
    ];
    out.retain(|p| p.year <= last_year);
    out.extend((FIRST_DEMO_YEAR..=last_year).map(|year| {
        let arrived = arrivals.get(&year).copied().unwrap_or(0);
        let rate = fulfilment(seed, year);
        let percent = f64::from(rate) / 10.0;
        let mut source = format!(
            "demo figure (illustrative, not published): set so that the {arrived} persons \
             the demo's cases bring in that year are {percent} % of it"
        );
        if year == last_year {
            source.push_str(&format!(
                "; the year is not over on the demo's day ({as_of}): those arriving by \
                 31 December as the cases go on are counted"
            ));
        }
        Pledge {
            year,
            pledged: pledge_for(arrived, rate),
            arrived_before_resettle: None,
            source,
        }
    }));
    out.extend(renewed(out.last(), last_year));
    out
}

/// Years after the demo's day that already hold a pledge: a state pledges for the years
/// ahead (Belgium's plans run over two and three years), and the capacity forecast, which
/// runs over the pledges from this year on, needs them to look further than 31 December.
pub const RENEWED_YEARS: i32 = 2;

/// The pledges of the [`RENEWED_YEARS`] after `last_year`: the last pledge made, renewed
/// unchanged, as the demo has no caseload yet to set them by.
fn renewed(last: Option<&Pledge>, last_year: i32) -> Vec<Pledge> {
    let Some(last) = last.filter(|p| p.year == last_year) else {
        return Vec::new();
    };
    (1..=RENEWED_YEARS)
        .map(|ahead| Pledge {
            year: last_year + ahead,
            pledged: last.pledged,
            arrived_before_resettle: None,
            source: format!(
                "demo figure (illustrative, not published): {last_year}'s pledge of {} \
                 persons renewed, as a state pledges for the years ahead",
                last.pledged
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pledge_is_the_smallest_the_arrivals_keep_at_the_rate() {
        assert_eq!(pledge_for(880, 800), 1_100);
        assert_eq!(pledge_for(881, 800), 1_102);
        assert_eq!(pledge_for(0, 900), 0);
        for (arrived, rate) in [(48, 800), (1_256, 950), (97, 873)] {
            let p = u64::from(pledge_for(arrived, rate));
            assert!(arrived * 1_000 <= p * u64::from(rate));
            assert!(arrived * 1_000 > (p - 1) * u64::from(rate));
        }
    }

    #[test]
    fn fulfilment_rates_stay_in_range_and_differ_between_years() {
        let rates: Vec<u32> = (2022..2040).map(|y| fulfilment(2021, y)).collect();
        assert!(rates.iter().all(|r| FULFILMENT_PER_MILLE.contains(r)));
        assert!(rates.windows(2).any(|w| w[0] != w[1]));
    }
}
