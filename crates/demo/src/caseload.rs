//! The caseload: every case drawn from its own random streams, states made complete,
//! sorted by submission day and numbered the way UNHCR offices number cases.
use std::collections::BTreeMap;

use resettle_domain::case::{Case, CaseFile, CaseNumber, CaseState};
use resettle_domain::country::CountryCode;
use time::Date;

use crate::coverage;
use crate::history::{self, Walk};
use crate::origins::office;
use crate::reunification;
use crate::rng::Rng;
use crate::submission::{self, Submission};
use crate::world::World;

/// Stream purposes of a natural (unsteered) case.
const DAY_STREAM: u64 = 10;
const SUBMISSION_STREAM: u64 = 11;
const HISTORY_STREAM: u64 = 12;
const REUNIFICATION_STREAM: u64 = 13;
const NUMBER_STREAM: u64 = 14;

/// A case before it is numbered.
pub(crate) struct Draft {
    /// Its position in generation order, which keys its random streams.
    pub(crate) index: u64,
    /// The day UNHCR submitted it.
    pub(crate) submitted_on: Date,
    /// What UNHCR submitted.
    pub(crate) sub: Submission,
    /// What happened since.
    pub(crate) walk: Walk,
    /// For a case still on its way on `as_of`: the day its family would arrive later in
    /// `as_of`'s year, as its history goes on (see `history::arrival_by`), and the persons
    /// who would travel.
    pub(crate) arrives_later_this_year: Option<(Date, u32)>,
}

/// A case submitted on `day`, drawn from copies of the given streams so that a search over
/// days sees the same family and the same luck each time.
pub(crate) fn draft(
    world: &World,
    index: u64,
    day: Date,
    submission_rng: &Rng,
    history_rng: &Rng,
    steer: Option<CaseState>,
) -> Draft {
    let sub = submission::draw(&mut submission_rng.clone(), day);
    let walk = history::walk(world, &sub, day, history_rng.clone(), steer);
    let on_its_way = walk.arrived_on.is_none() && !walk.state().is_terminal();
    let arrives_later_this_year = on_its_way
        .then(|| history::arrival_by(world, &sub, day, history_rng.clone(), steer, world.year_end))
        .flatten();
    Draft {
        index,
        submitted_on: day,
        sub,
        walk,
        arrives_later_this_year,
    }
}

/// A family the pipeline brings in after `as_of` but within its year: the day and the
/// persons who travel (counted as resettle counts arrivals).
pub(crate) struct LaterArrival {
    /// The day it would arrive.
    pub(crate) on: Date,
    /// Its persons.
    pub(crate) persons: u32,
}

/// `count` case files for `world`, with the families still on their way on `as_of` that
/// would arrive before the year is out.
pub(crate) fn generate(world: &World, count: usize) -> (Vec<CaseFile>, Vec<LaterArrival>) {
    let seed = world.seed;
    let mut drafts: Vec<Draft> = (0..count as u64)
        .map(|i| {
            let day = world.submission_day(&mut Rng::stream(seed, &[DAY_STREAM, i]));
            let sub_rng = Rng::stream(seed, &[SUBMISSION_STREAM, i]);
            let history_rng = Rng::stream(seed, &[HISTORY_STREAM, i]);
            draft(world, i, day, &sub_rng, &history_rng, None)
        })
        .collect();
    coverage::complete(world, &mut drafts);
    drafts.sort_by_key(|d| (d.submitted_on, d.index));
    let later = drafts
        .iter()
        .filter_map(|d| {
            d.arrives_later_this_year
                .map(|(on, persons)| LaterArrival { on, persons })
        })
        .collect();

    let mut numbers = Rng::stream(seed, &[NUMBER_STREAM]);
    let mut last_number: BTreeMap<(&str, i32), u32> = BTreeMap::new();
    let files = drafts
        .into_iter()
        .map(|d| {
            let office = office(d.sub.origin.asylum);
            let year = d.submitted_on.year();
            let step = numbers.range(1, 9) as u32;
            let start = numbers.range(1_000, 20_000) as u32;
            let n = last_number
                .entry((office, year))
                .and_modify(|n| *n += step)
                .or_insert(start);
            let number = format!("{office}-{:02}C{n:05}", year.rem_euclid(100));
            let case_number = CaseNumber::parse(&number).expect("office-year-C-digits is valid");
            into_file(world, d, case_number)
        })
        .collect();
    (files, later)
}

/// Assembles the case file of a numbered draft.
fn into_file(world: &World, d: Draft, case_number: CaseNumber) -> CaseFile {
    let country = |field, code| CountryCode::parse(field, code).expect("origin codes are valid");
    let reunification = d.walk.arrived_on.map_or_else(Vec::new, |arrived| {
        let mut rng = Rng::stream(world.seed, &[REUNIFICATION_STREAM, d.index]);
        reunification::draw(&mut rng, &d.sub, arrived, world.as_of)
    });
    CaseFile {
        case: Case {
            case_number,
            programme: "BE".into(),
            country_of_asylum: country("country_of_asylum", d.sub.origin.asylum),
            nationality: country("nationality", d.sub.origin.nationality),
            categories: d.sub.categories,
            priority: d.sub.priority,
            channel: d.walk.channel,
            submitted_on: d.submitted_on,
            members: d.sub.household.members,
            linked_cases: Vec::new(),
        },
        events: d.walk.events,
        promises: d.walk.promises,
        medical: d.sub.medical,
        reunification,
        mission: d.walk.mission,
        reception_place: d.walk.reception_place,
        sponsor_group: d.walk.sponsor_group,
        support: d.walk.support,
        outcomes: vec![],
        stays: d.walk.stays,
        after_arrival: Default::default(),
    }
}
