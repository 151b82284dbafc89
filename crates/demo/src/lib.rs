//! A deterministic, realistic demo caseload for the Belgian resettlement programme, so
//! that every screen, report and check of resettle can be shown and tried without real
//! (and confidential) case data. Figures follow DOMAIN.md; where the sources are silent
//! the demo's own choices are stated here.
//!
//! # Determinism
//!
//! Every case draws from its own SplitMix64 streams keyed by (seed, purpose, case index),
//! so the same [`DemoConfig`] gives the same [`ProgrammeImport`], byte for byte, and cases
//! are independent of one another. 100,000 cases generate in a few seconds (debug build).
//!
//! # Memory
//!
//! A caseload of 100,000 families does not fit comfortably in memory (about 1.5 GB held at
//! once), so [`Demo::plan`] keeps only a sketch of each case (its day, state, arrival and
//! number: what numbering, state coverage and pledges need of the whole caseload) and
//! [`Demo::cases`] draws the full case files again from the same streams, one at a time,
//! for a loader to write in batches.
//!
//! # The programme
//!
//! - Programme `BE`, policy profile `belgium`. Pledges 2018–2021 as published (2,000 for
//!   2018–2019 split 1,000/1,000; arrivals 880, 239, 176, 635 by June 2021), and no demo
//!   case arrives before 2022, so resettle shows those years exactly as published.
//! - From 2022 ([`FIRST_DEMO_YEAR`]) the pledges follow the caseload, whatever its size. The
//!   rule: a year's pledge is `⌈A ÷ r⌉` persons, where `A` is the persons the demo's cases
//!   bring to Belgium that year, counted as resettle counts arrivals (the family size of
//!   each case whose `arrived` event falls in it), and `r` is a fulfilment rate drawn from
//!   the seed for each year, uniformly in 80.0–95.0 % ([`FULFILMENT_PER_MILLE`],
//!   [`pledge_for`]). So every full year arrives at 80–95 % of its pledge (a programme that
//!   keeps most of its word, not one in collapse), while the cases' own slipped departure
//!   dates carry families from one year into the next. For `as_of`'s year, which is not
//!   over, `A` also counts the families still on their way on `as_of` whose history,
//!   walked on with the same luck, reaches Belgium by 31 December: its pledge is a
//!   full-year figure and its arrivals so far fall short of it (the dashboard marks the
//!   year partial). Each demo pledge's source states its `A` and `r`. With the default
//!   1,500 families the pledges are of Belgium's published size (about 500–1,450 a year
//!   from 2023); 2022 is small (about 50) because the demo's first cases are submitted on
//!   1 January 2022 and take most of a year to arrive. Submissions still grow along the
//!   NGOs' fair-share path 2,000 / 3,000 / 3,821 (as weights), so the cases are the same as
//!   when that path was the pledge. The two years after `as_of`'s ([`RENEWED_YEARS`]) hold
//!   its pledge renewed, so the capacity forecast looks past 31 December.
//! - Reception: the four Fedasil centres (Sint-Truiden 140, Pondrôme 90, Florennes 120,
//!   Kapellen 80 places; demo capacities) and 250 LOIs in real municipalities, 4–30 persons.
//! - 15 community sponsor groups, 5–14 members, room for 4–8 persons.
//! - Selection missions: nine a year (Lebanon and Türkiye twice; Jordan, Egypt, Uganda,
//!   Tanzania, Rwanda once), 8–13 days, teams of 2–4 from CGVS and Fedasil; past ones
//!   completed, one or two cancelled, planned up to nine months after `as_of`.
//!
//! # The cases
//!
//! - Submitted from 2022-01-01 to `as_of`, more in later years of the fair-share growth path.
//! - Origins: Syrians ~59% (Lebanon, Türkiye, Jordan, Egypt; 15% Kurdish), Congolese ~18%
//!   (Uganda, Tanzania, Rwanda, Burundi), Afghans ~9% (Türkiye, Pakistan, Iran), Sudanese
//!   and Eritreans ~12% (Egypt, Rwanda, Niger, Libya), South Sudanese ~2% (Uganda).
//! - Families of 1–10, mean ≈ 3.9: Syrian, Congolese and Afghan families often 4–6,
//!   Sudanese and Eritrean cases often single adults; women at risk mostly without a
//!   husband; now and then an elderly parent, a sibling or a grandchild. Names combine
//!   first and family names of each people at random (patronymic for Sudanese and
//!   Eritreans); languages, schooling and last occupation per adult.
//! - Categories: 75% two, 25% one (so the "UNHCR requires two" warning shows). Share of
//!   cases carrying each: legal/physical protection ~43%, survivors of violence/torture
//!   ~42%, no alternative durable solution ~36%, medical needs ~19% (with 1–2 medical
//!   records, consent to share 70%), children at risk ~15%, women and girls at risk ~11%,
//!   family reunification ~7%.
//! - Priority: ~3% emergency, ~10% urgent. Channel: ~85% mission; dossier for emergencies,
//!   countries without missions (Burundi, Niger, Libya, Pakistan, Iran) and cases whose
//!   mission was cancelled.
//!
//! # Timings and outcomes
//!
//! | step | normal (urgent / emergency) |
//! |---|---|
//! | submission → scheduled | 7–30 days, on the next mission ≥ 45 days out |
//! | interview date told | 2–6 weeks before the mission |
//! | submission → dossier review | 10–45 days (3–14 / 0–2) |
//! | interview → decision | 30–120 days |
//! | dossier review → decision | 45–180 days (10–40 / 1–7) |
//! | deferral → back in review | 30–150 days |
//! | decision → pre-departure | 10–60 days (3–14 / 0–2) |
//! | pre-departure → date set | 45–200 days (20–60 / 2–10) |
//! | date set → departure | 21–60 days (10–30 / 1–5) |
//! | centre | 28–60 days, then 75% to an LOI for 60–183 days (8% stay up to 270) |
//! | home → individual support | 7–45 days (85%); else closed after 90–365 days |
//! | integration support | 18 months, then closed |
//!
//! - Decisions: 86% accepted, 5% accepted in part (one member left out, with grounds),
//!   5.5% refused (40% of refusals later closed), 4.5% deferred once.
//! - Departure slips: ~27% of families get a second date, a quarter of those a third;
//!   reasons: travel document, medical clearance (both back to pre-departure), exit
//!   permit, flight cancelled, no reception place, pandemic measures (until mid-2022).
//!   New dates mostly weeks later, 30% months, 10% over ten months; a fifth of new dates
//!   are never told to the family.
//! - Withdrawal ~2% (before travel only), death of the principal applicant ~0.5%.
//! - ~1% of arrived families are received by a sponsor group (straight into a home); ~10%
//!   ask for a relative left behind (mostly an adult son or daughter), decided after 8–18
//!   months.
//! - Every state holds at least one case when there are 17 cases or more and `as_of` is
//!   from September 2023 on (earlier, the pipeline up to the end of support does not fit):
//!   a missing state is given to a case of the most common state, redrawn with every
//!   branch taken toward it and submitted as late as still reaches it.
mod calendar;
mod caseload;
mod coverage;
mod family;
mod history;
mod livelihoods;
mod medical;
mod missions;
mod municipalities;
mod names;
mod origins;
mod places;
mod pledges;
mod reunification;
mod rng;
mod sponsors;
mod submission;
mod world;

pub use pledges::{FIRST_DEMO_YEAR, FULFILMENT_PER_MILLE, RENEWED_YEARS, pledge_for};

use resettle_domain::case::CaseFile;
use resettle_domain::programme::{Pledge, ProgrammeImport};
use time::Date;
use time::macros::date;

/// What to generate. The same configuration always gives the same caseload, so demos,
/// screenshots and tests can rely on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoConfig {
    /// Seed of the random streams; change it for a different but equally plausible caseload.
    pub seed: u64,
    /// Number of cases (families) to generate.
    pub cases: usize,
    /// The "today" of the demo: nothing happens or is promised after this day.
    pub as_of: Date,
}

impl Default for DemoConfig {
    /// 1,500 cases (about 5,900 persons) as of 23 November 2026: enough for every
    /// state, screen and report to have content, small enough to load in a second.
    fn default() -> Self {
        Self {
            seed: 2021,
            cases: 1_500,
            as_of: date!(2026 - 11 - 23),
        }
    }
}

/// A demo caseload planned but not yet drawn: the programme's surroundings and pledges,
/// and a light sketch of each case from which [`Demo::cases`] draws its case file.
pub struct Demo {
    world: world::World,
    sketches: Vec<caseload::Sketch>,
    pledges: Vec<Pledge>,
}

impl Demo {
    /// Plans the demo of `config`: draws every case once, keeping only what the whole
    /// caseload needs (numbers in submission order, every state present, the yearly
    /// arrivals the pledges follow).
    pub fn plan(config: &DemoConfig) -> Demo {
        let world = world::World::new(config);
        let sketches = caseload::sketch(&world, config.cases);
        let arrivals = pledges::arrivals_by_year(&sketches);
        let pledges = pledges::pledges(config.seed, config.as_of, &arrivals);
        Demo {
            world,
            sketches,
            pledges,
        }
    }

    /// Everything but the cases: the Belgian programme, its pledges, reception places,
    /// sponsor groups and selection missions (`cases` is empty).
    pub fn reference(&self) -> ProgrammeImport {
        ProgrammeImport {
            programme: pledges::programme(),
            pledges: self.pledges.clone(),
            places: self.world.places.list.clone(),
            sponsor_groups: self.world.sponsors.clone(),
            missions: self.world.missions.list.clone(),
            cases: Vec::new(),
        }
    }

    /// How many cases [`Demo::cases`] gives.
    pub fn case_count(&self) -> usize {
        self.sketches.len()
    }

    /// The case files with their histories, in case-number order within each office and
    /// year (sorted by submission day), each drawn when asked for.
    pub fn cases(&self) -> impl Iterator<Item = CaseFile> + '_ {
        self.sketches.iter().map(|s| caseload::file(&self.world, s))
    }
}

/// The whole demo programme: the Belgian programme, its pledges, reception places,
/// sponsor groups, selection missions and `config.cases` case files with their histories,
/// in one piece (for tests and small demos; a loader of a large one uses [`Demo`]).
pub fn generate(config: &DemoConfig) -> ProgrammeImport {
    let demo = Demo::plan(config);
    ProgrammeImport {
        cases: demo.cases().collect(),
        ..demo.reference()
    }
}
