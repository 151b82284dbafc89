//! What every case refers to and is drawn against: the window of submissions, the
//! missions, the reception places and the sponsor groups.
use resettle_domain::sponsor::SponsorGroup;
use time::Date;
use time::macros::date;

use crate::DemoConfig;
use crate::calendar::{add_days, day_between, days_between};
use crate::missions::Missions;
use crate::places::Places;
use crate::rng::Rng;
use crate::sponsors;

/// The first day a demo case may be submitted: the first year resettle runs the
/// programme (earlier years are the published pledges).
const FIRST_SUBMISSION: Date = date!(2022 - 01 - 01);

/// How UNHCR's submissions grow from year to year: in proportion to the NGOs' fair-share
/// growth path for 2022–2024 (2,000 / 3,000 / 3,821 persons, report section 3.3; DOMAIN.md),
/// held at 3,821 afterwards. Only the proportions matter (the pledges follow the caseload,
/// see `pledges`), so a year weighs its persons in hundreds.
const SUBMISSION_GROWTH: [(i32, u32); 3] = [(2022, 2_000), (2023, 3_000), (2024, 3_821)];

/// The weight of [`SUBMISSION_GROWTH`] for years after its last.
const SUBMISSION_GROWTH_AFTER: u32 = 3_821;

/// Weight of one submission day in `year`.
fn submission_weight(year: i32) -> u32 {
    let persons = SUBMISSION_GROWTH
        .iter()
        .find(|&&(y, _)| y == year)
        .map_or(SUBMISSION_GROWTH_AFTER, |&(_, p)| p);
    persons / 100
}

/// Streams of the seed used for the world, apart from the per-case ones.
const PLACES_STREAM: u64 = 1;
const MISSIONS_STREAM: u64 = 2;
const SPONSORS_STREAM: u64 = 3;

/// The programme's surroundings for one demo.
pub(crate) struct World {
    /// The demo seed, for per-case streams.
    pub(crate) seed: u64,
    /// Nothing is dated after this day.
    pub(crate) as_of: Date,
    /// The first day of submissions.
    pub(crate) first_day: Date,
    /// The last day of `as_of`'s year, up to which the pipeline is followed for the pledge
    /// of the year not yet over.
    pub(crate) year_end: Date,
    /// Centres and LOIs.
    pub(crate) places: Places,
    /// Selection missions.
    pub(crate) missions: Missions,
    /// Community sponsor groups.
    pub(crate) sponsors: Vec<SponsorGroup>,
    /// `((first day, last day), weight)` per calendar year of the submission window.
    years: Vec<((Date, Date), u32)>,
}

impl World {
    /// Builds the surroundings of `config`.
    pub(crate) fn new(config: &DemoConfig) -> Self {
        let as_of = config.as_of;
        let first_day = FIRST_SUBMISSION.min(as_of);
        let years = (first_day.year()..=as_of.year())
            .map(|year| {
                let from = Date::from_ordinal_date(year, 1)
                    .expect("1 January")
                    .max(first_day);
                let to = Date::from_ordinal_date(year + 1, 1)
                    .map_or(as_of, |next| add_days(next, -1))
                    .min(as_of);
                // Submissions grow along the fair-share path, as UNHCR submits to what a
                // programme plans.
                let days = days_between(from, to) as u32 + 1;
                ((from, to), days * submission_weight(year))
            })
            .collect();
        Self {
            seed: config.seed,
            as_of,
            first_day,
            year_end: Date::from_calendar_date(as_of.year(), time::Month::December, 31)
                .expect("31 December"),
            places: Places::generate(&mut Rng::stream(config.seed, &[PLACES_STREAM])),
            missions: Missions::generate(
                &mut Rng::stream(config.seed, &[MISSIONS_STREAM]),
                first_day.year(),
                as_of,
            ),
            sponsors: sponsors::generate(&mut Rng::stream(config.seed, &[SPONSORS_STREAM])),
            years,
        }
    }

    /// A submission day, more of them in later years of the growth path.
    pub(crate) fn submission_day(&self, rng: &mut Rng) -> Date {
        let (from, to) = rng.weighted(&self.years);
        day_between(rng, from, to)
    }
}
