//! The caseload, in two passes so that 100,000 cases never sit in memory at once. The
//! first pass draws every case from its own random streams, keeps a sketch of it (its
//! day, its state, its arrival), makes every state present, sorts the sketches by
//! submission day and numbers them the way UNHCR offices number cases. The second pass
//! draws each case again from the same streams, in that order, as its full case file.
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

/// Which streams a case is drawn from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source {
    /// Its own streams, as drawn.
    Natural,
    /// Redrawn by `coverage` to end in `target`, from the streams of `attempt`.
    Steered { attempt: u64, target: CaseState },
}

/// What the first pass keeps of a case: enough to number it, count the states and the
/// arrivals, and draw it again.
pub(crate) struct Sketch {
    /// Its position in generation order, which keys its random streams.
    pub(crate) index: u64,
    /// The day UNHCR submitted it.
    pub(crate) submitted_on: Date,
    /// The streams it is drawn from.
    pub(crate) source: Source,
    /// Its state on `as_of`.
    pub(crate) state: CaseState,
    /// The UNHCR office that numbers it.
    office: &'static str,
    /// The year its family arrived and the persons who travelled, counted as resettle
    /// counts arrivals (the first `arrived` event, the persons travelling).
    pub(crate) arrived: Option<(i32, u32)>,
    /// A family still on its way that arrives later in `as_of`'s year.
    pub(crate) later: Option<LaterArrival>,
    /// Its case number, given once the sketches are sorted.
    number: Option<CaseNumber>,
}

impl Sketch {
    /// The sketch of `d`, drawn from `source`.
    pub(crate) fn of(world: &World, d: Draft, source: Source) -> Sketch {
        let (index, submitted_on, state) = (d.index, d.submitted_on, d.walk.state());
        let office = office(d.sub.origin.asylum);
        let later = d
            .arrives_later_this_year
            .map(|(on, persons)| LaterArrival { on, persons });
        // Counted on the case file itself, so the pledges count exactly what resettle will.
        let placeholder = CaseNumber::parse("XXX-00C00000").expect("a valid number");
        let file = into_file(world, d, placeholder);
        let arrived = file
            .events
            .iter()
            .find(|e| e.to == CaseState::Arrived)
            .map(|e| (e.at.year(), file.travelling().len() as u32));
        Sketch {
            index,
            submitted_on,
            source,
            state,
            office,
            arrived,
            later,
            number: None,
        }
    }

    /// The case drawn again, whole, from the same streams as in the first pass.
    fn redraw(&self, world: &World) -> Draft {
        let (sub_rng, history_rng, steer) = match self.source {
            Source::Natural => (
                Rng::stream(world.seed, &[SUBMISSION_STREAM, self.index]),
                Rng::stream(world.seed, &[HISTORY_STREAM, self.index]),
                None,
            ),
            Source::Steered { attempt, target } => {
                let (sub_rng, history_rng) = coverage::streams(world, self.index, attempt);
                (sub_rng, history_rng, Some(target))
            }
        };
        draft(
            world,
            self.index,
            self.submitted_on,
            &sub_rng,
            &history_rng,
            steer,
        )
    }
}

/// A family the pipeline brings in after `as_of` but within its year: the day and the
/// persons who travel (counted as resettle counts arrivals).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LaterArrival {
    /// The day it would arrive.
    pub(crate) on: Date,
    /// Its persons.
    pub(crate) persons: u32,
}

/// The first pass: a sketch of each of `count` cases for `world`, every state present,
/// sorted by submission day and numbered.
pub(crate) fn sketch(world: &World, count: usize) -> Vec<Sketch> {
    let seed = world.seed;
    let mut sketches: Vec<Sketch> = (0..count as u64)
        .map(|i| {
            let day = world.submission_day(&mut Rng::stream(seed, &[DAY_STREAM, i]));
            let sub_rng = Rng::stream(seed, &[SUBMISSION_STREAM, i]);
            let history_rng = Rng::stream(seed, &[HISTORY_STREAM, i]);
            let d = draft(world, i, day, &sub_rng, &history_rng, None);
            Sketch::of(world, d, Source::Natural)
        })
        .collect();
    coverage::complete(world, &mut sketches);
    sketches.sort_by_key(|s| (s.submitted_on, s.index));

    let mut numbers = Rng::stream(seed, &[NUMBER_STREAM]);
    let mut last_number: BTreeMap<(&str, i32), u32> = BTreeMap::new();
    for s in &mut sketches {
        let year = s.submitted_on.year();
        let step = numbers.range(1, 9) as u32;
        let start = numbers.range(1_000, 20_000) as u32;
        let n = last_number
            .entry((s.office, year))
            .and_modify(|n| *n += step)
            .or_insert(start);
        let number = format!("{}-{:02}C{n:05}", s.office, year.rem_euclid(100));
        s.number = Some(CaseNumber::parse(&number).expect("office-year-C-digits is valid"));
    }
    sketches
}

/// The second pass: the case file of a numbered sketch.
pub(crate) fn file(world: &World, s: &Sketch) -> CaseFile {
    let number = s.number.clone().expect("sketches are numbered when sorted");
    into_file(world, s.redraw(world), number)
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
