//! After arrival: about six weeks in a Fedasil centre, up to six months in an LOI (longer
//! when no home can be found), a home, and 18 months of individual integration support;
//! or, for sponsored families, straight into the home their sponsor group found, which
//! now and then breaks down: the family goes back to an LOI, then to a home of its own.
//! Each place is a dated stay.
use std::convert::Infallible;

use resettle_domain::case::CaseState;
use resettle_domain::reception::StayKind;
use resettle_domain::support::{ProviderKind, SupportPlan};
use serde_json::{Value, json};
use time::Date;

use super::{Over, Walker};
use crate::municipalities::{MUNICIPALITIES, Region, region_of};

/// Share of arrived families received by a community sponsor group.
const SPONSORED: f64 = 0.012;

/// Months of individual support the NGOs ask for.
const SUPPORT_MONTHS: u32 = 18;

/// Share of sponsorships that break down during the support (the sponsorship box of the
/// Belgian report, §3.1, asks what happens then: the family returns to state reception).
const BREAKS_DOWN: f64 = 0.2;

/// Why a sponsorship broke down: the code from the Belgian profile's breakdown list and
/// the officer's words.
const BREAKDOWNS: &[(&str, &str)] = &[
    (
        "group_dissolved",
        "the sponsor group dissolved after two members moved away",
    ),
    (
        "housing_lost",
        "the landlord ended the lease the group had signed",
    ),
    (
        "relationship_broke_down",
        "the family and the group no longer agreed on the support",
    ),
];

impl Walker<'_> {
    /// Walks from arrival to the end of integration support.
    pub(super) fn settle(&mut self, arrived: Date) -> Result<Infallible, Over> {
        let sponsored = self.branch(SPONSORED, &[]);
        let (housed, provider) = if sponsored && let Some(group) = self.sponsor_with_room() {
            self.sponsor_home(arrived, group)?
        } else {
            self.reception(arrived)?
        };
        if self.branch(0.85, &[CaseState::IntegrationSupport, CaseState::Closed]) {
            let starts_on = self.later(housed, 7, 45);
            self.hazard(housed, starts_on, false)?;
            let mut ends_on = self.support(starts_on, &provider)?;
            if self.walk.sponsor_group.is_some() && self.branch(BREAKS_DOWN, &[]) {
                ends_on = self.sponsorship_breaks_down(starts_on)?;
            }
            self.hazard(starts_on, ends_on, false)?;
            let reason = "integration support ended".to_string();
            let provider = self
                .walk
                .support
                .as_ref()
                .map_or(provider, |s| s.provider.clone());
            self.record(ends_on, CaseState::Closed, &provider, reason, Value::Null)?;
        } else {
            let closed = self.later(housed, 90, 365);
            self.hazard(housed, closed, false)?;
            let reason = "housed; group sessions only, no individual support".to_string();
            self.record(closed, CaseState::Closed, "Fedasil", reason, Value::Null)?;
        }
        Err(Over)
    }

    /// Starts `SUPPORT_MONTHS` of integration support by `provider` on `starts_on`;
    /// returns the day it ends.
    fn support(&mut self, starts_on: Date, provider: &str) -> Result<Date, Over> {
        let plan = SupportPlan {
            provider: provider.to_string(),
            provider_kind: ProviderKind::of(provider, self.walk.sponsor_group.as_deref(), None),
            starts_on,
            months: SUPPORT_MONTHS,
        };
        let ends_on = plan.ends_on();
        self.rec.within(starts_on)?;
        self.walk.support = Some(plan);
        self.record(
            starts_on,
            CaseState::IntegrationSupport,
            provider,
            format!("{SUPPORT_MONTHS} months of individual integration support"),
            Value::Null,
        )?;
        Ok(ends_on)
    }

    /// The sponsorship breaks down some months into the support: the family steps back
    /// into reception at an LOI, finds a home of its own a few months later and is
    /// supported from there by an NGO; returns the day that support ends.
    fn sponsorship_breaks_down(&mut self, supported_from: Date) -> Result<Date, Over> {
        let broke = self.later(supported_from, 30, 240);
        let &(code, why) = self.rng.pick(BREAKDOWNS);
        let why = format!("the sponsorship broke down: {why}");
        let loi = self
            .world
            .places
            .pick_loi(&mut self.rng, self.travelling as u32)
            .clone();
        let rehoused = self.later(broke, 45, 150);
        self.hazard(supported_from, broke, false)?;
        self.rec.within(broke)?;
        self.walk.sponsor_group = None;
        self.stay(StayKind::Loi, Some(&loi.code), broke, &why);
        self.record_reasoned(
            broke,
            CaseState::InReception,
            "Fedasil",
            (code, why),
            json!({ "reception_place": loi.code }),
        )?;
        self.hazard(broke, rehoused, false)?;
        self.rec.within(rehoused)?;
        self.stay(StayKind::Home, None, rehoused, "");
        self.record(
            rehoused,
            CaseState::Housed,
            "Fedasil",
            format!("moved into a home in {}", loi.municipality),
            json!({ "municipality": loi.municipality, "from_place": loi.code }),
        )?;
        let starts_on = self.later(rehoused, 7, 30);
        self.hazard(rehoused, starts_on, false)?;
        self.support(starts_on, "Caritas International")
    }

    /// A sponsor group with room for the family, if one is drawn.
    fn sponsor_with_room(&mut self) -> Option<usize> {
        let persons = self.travelling as u32;
        let sponsors = &self.world.sponsors;
        let fitting: Vec<usize> = (0..sponsors.len())
            .filter(|&i| sponsors[i].capacity_persons >= persons)
            .collect();
        (!fitting.is_empty()).then(|| *self.rng.pick(&fitting))
    }

    /// The sponsor group's home, the day after arrival at the latest; returns the day the
    /// family moved in and the group, which also gives the support.
    fn sponsor_home(&mut self, arrived: Date, group: usize) -> Result<(Date, String), Over> {
        let group = self.world.sponsors[group].clone();
        let housed = self.later(arrived, 0, 1);
        self.hazard(arrived, housed, false)?;
        self.rec.within(housed)?;
        self.walk.sponsor_group = Some(group.name.clone());
        self.stay(StayKind::Sponsor, Some(&group.name), housed, "");
        self.record(
            housed,
            CaseState::Housed,
            &group.name,
            "housed by a community sponsor group".into(),
            json!({ "municipality": group.municipality }),
        )?;
        Ok((housed, group.name))
    }

    /// A centre, then mostly an LOI, then a home; returns the day the family moved in and
    /// the organisation that will support it there.
    fn reception(&mut self, arrived: Date) -> Result<(Date, String), Over> {
        let world = self.world;
        let centre = world.places.pick_centre(&mut self.rng);
        // Usually the same day; now and then recorded a day or two later.
        let taken_in = if self.branch(0.2, &[CaseState::Arrived]) {
            self.later(arrived, 1, 2)
        } else {
            arrived
        };
        self.hazard(arrived, taken_in, false)?;
        self.rec.within(taken_in)?;
        self.stay(StayKind::Centre, Some(&centre.code), taken_in, "");
        self.record(
            taken_in,
            CaseState::InReception,
            "Fedasil",
            format!("taken from the airport to {}", centre.name),
            json!({ "place": centre.code }),
        )?;
        let leaves_centre = self.later(taken_in, 28, 60);
        let loi = self
            .branch(
                0.75,
                &[
                    CaseState::InReception,
                    CaseState::Housed,
                    CaseState::IntegrationSupport,
                ],
            )
            .then(|| world.places.pick_loi(&mut self.rng, self.travelling as u32));
        let housed = match loi {
            Some(loi) => {
                if self.rec.within(leaves_centre).is_ok() {
                    self.stay(StayKind::Loi, Some(&loi.code), leaves_centre, "");
                }
                // At most six months, but homes are hard to find: some stay longer.
                let (lo, hi) = if self.rng.chance(0.08) {
                    (184, 270)
                } else {
                    (60, 183)
                };
                self.later(leaves_centre, lo, hi)
            }
            None => leaves_centre,
        };
        self.hazard(taken_in, housed, false)?;
        let municipality = match loi {
            Some(loi) if self.rng.chance(0.6) => (loi.municipality.as_str(), loi.region.as_str()),
            _ => *self.rng.pick(MUNICIPALITIES),
        };
        let provider = match region_of(municipality.1) {
            Region::Flanders => *self.rng.pick(&[
                "CAW",
                "Vluchtelingenwerk Vlaanderen",
                "Caritas International",
            ]),
            Region::Wallonia => *self.rng.pick(&[
                "Caritas International",
                "Caritas International",
                "Convivial",
            ]),
            Region::Brussels => *self.rng.pick(&["Convivial", "Caritas International"]),
        };
        self.rec.within(housed)?;
        self.stay(StayKind::Home, None, housed, "");
        self.record(
            housed,
            CaseState::Housed,
            "Fedasil",
            format!("moved into a home in {}", municipality.0),
            json!({
                "municipality": municipality.0,
                "from_place": loi.map_or(&centre.code, |l| &l.code),
            }),
        )?;
        Ok((housed, provider.to_string()))
    }
}
