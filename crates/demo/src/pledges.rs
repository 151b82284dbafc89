//! The Belgian programme and its yearly pledges: published figures up to 2021, demo
//! figures from 2022 (whose arrivals resettle counts from the generated cases).
use resettle_domain::country::CountryCode;
use resettle_domain::programme::{Pledge, Programme};

/// Where the published 2018–2021 figures come from (DOMAIN.md, "Numbers").
const NGO_REPORT: &str = "11.11.11 et al. (2021), Belgian NGO report on resettlement, \
                          section 2 (figures from Fedasil/CGVS)";

/// What the demo says about the years it invents.
const DEMO_SOURCE: &str = "demo figure (illustrative, not published)";

/// The NGOs' fair-share growth path for 2022–2024 (section 3.3 of the report), held flat
/// at 3,821 afterwards.
const DEMO_PLEDGES: [(i32, u32); 3] = [(2022, 2_000), (2023, 3_000), (2024, 3_821)];

/// The programme the whole demo belongs to.
pub(crate) fn programme() -> Programme {
    Programme {
        code: "BE".into(),
        name: "Belgian resettlement programme (demo)".into(),
        state: CountryCode::parse("state", "BE").expect("BE is a country code"),
        policy_profile: "belgium".into(),
    }
}

/// Persons pledged for a demo year (2022 onwards).
pub(crate) fn demo_pledge(year: i32) -> u32 {
    DEMO_PLEDGES
        .iter()
        .find(|&&(y, _)| y == year)
        .map_or(3_821, |&(_, p)| p)
}

/// The pledges from 2018 to `last_year`: the published ones as the report gives them,
/// then demo ones with arrivals left to the cases.
pub(crate) fn pledges(last_year: i32) -> Vec<Pledge> {
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
    out.extend((2022..=last_year).map(|year| Pledge {
        year,
        pledged: demo_pledge(year),
        arrived_before_resettle: None,
        source: DEMO_SOURCE.into(),
    }));
    out
}
