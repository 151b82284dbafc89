//! From acceptance to arrival: travel authorisation, health assessment and cultural
//! orientation, a departure date told to the family, and the slips that move it.
use resettle_domain::case::{CaseState, Priority, PromiseKind};
use serde_json::{Value, json};
use time::Date;
use time::macros::date;

use super::{Over, Walker};
use crate::calendar::add_days;

/// Until this day travel could still be held up by pandemic measures.
const PANDEMIC_MEASURES_UNTIL: Date = date!(2022 - 06 - 30);

/// While departures were suspended in 2020, the programme itself was on hold.
const PROGRAMME_HOLD: (Date, Date) = (date!(2020 - 03 - 15), date!(2020 - 09 - 30));

/// Why a departure date slipped, whether the family goes back to preparing (a new date
/// only once that is done), and how often (per mille).
struct Slip {
    /// The code from the Belgian profile's slip list (`policies/belgium.toml`).
    code: &'static str,
    /// The reason recorded and given to the family.
    reason: &'static str,
    /// Whether the case goes back to `pre_departure` until the cause is solved.
    back_to_preparation: bool,
    /// Relative frequency.
    weight: u32,
}

const SLIPS: &[Slip] = &[
    Slip {
        code: "visa",
        reason: "travel document (ICRC laissez-passer) not yet issued",
        back_to_preparation: true,
        weight: 25,
    },
    Slip {
        code: "medical_clearance",
        reason: "medical clearance pending after the IOM health assessment",
        back_to_preparation: true,
        weight: 15,
    },
    Slip {
        code: "other",
        reason: "exit permit not granted by the country of asylum",
        back_to_preparation: false,
        weight: 10,
    },
    Slip {
        code: "security_check",
        reason: "security check of an adult member not yet completed",
        back_to_preparation: false,
        weight: 5,
    },
    Slip {
        code: "flight_availability",
        reason: "flight cancelled; no seats for the family before the next charter",
        back_to_preparation: false,
        weight: 15,
    },
    Slip {
        code: "reception_capacity",
        reason: "no reception place available in Belgium on the planned date",
        back_to_preparation: false,
        weight: 25,
    },
    Slip {
        code: "travel_restrictions",
        reason: "travel restrictions (pandemic measures)",
        back_to_preparation: false,
        weight: 10,
    },
    Slip {
        code: "programme_hold",
        reason: "resettlement departures suspended while the programme was on hold (pandemic)",
        back_to_preparation: false,
        weight: 10,
    },
];

impl Walker<'_> {
    /// Walks from acceptance to arrival; returns the arrival day.
    pub(super) fn travel(&mut self, accepted: Date) -> Result<Date, Over> {
        let priority = self.sub.priority;
        let (lo, hi) = match priority {
            Priority::Emergency => (0, 2),
            Priority::Urgent => (3, 14),
            Priority::Normal => (10, 60),
        };
        let mut since = self.later(accepted, lo, hi);
        self.hazard(accepted, since, true)?;
        self.record(
            since,
            CaseState::PreDeparture,
            "Fedasil",
            "travel authorisation requested; health assessment and cultural orientation with IOM"
                .into(),
            Value::Null,
        )?;
        let (lo, hi) = match priority {
            Priority::Emergency => (2, 10),
            Priority::Urgent => (20, 60),
            Priority::Normal => (45, 200),
        };
        let mut preparing = self.rng.range(lo, hi);
        let mut slipped: Option<&'static Slip> = None;
        let mut slips = 0;
        loop {
            let set_on = add_days(since, preparing);
            self.hazard(since, set_on, true)?;
            let (lo, hi) = match priority {
                Priority::Emergency => (1, 5),
                Priority::Urgent => (10, 30),
                Priority::Normal => (21, 60),
            };
            let mut departs = self.later(set_on, lo, hi);
            let checks = self.checks(since, set_on, departs, slipped.map(|s| s.code));
            self.rec.within(set_on)?;
            let told = self.told(slipped.is_some());
            self.promise(
                PromiseKind::Departure,
                departs,
                set_on,
                slipped.map(|s| (s.code, s.reason)),
                told,
            );
            match slipped {
                None => self.record(
                    set_on,
                    CaseState::DepartureScheduled,
                    "Fedasil",
                    "departure date set and told to the family".to_string(),
                    checks,
                )?,
                Some(s) => self.record_reasoned(
                    set_on,
                    CaseState::DepartureScheduled,
                    "Fedasil",
                    (
                        s.code,
                        format!("new departure date set after delay: {}", s.reason),
                    ),
                    checks,
                )?,
            }
            let mut last_news = set_on;
            loop {
                if !self.slips_again(slips) {
                    self.hazard(last_news, departs, true)?;
                    self.rec.within(departs)?;
                    self.walk.arrived_on = Some(departs);
                    self.record(
                        departs,
                        CaseState::Arrived,
                        "Fedasil",
                        "arrived at Brussels Airport; welcomed by Fedasil".into(),
                        Value::Null,
                    )?;
                    return Ok(departs);
                }
                slips += 1;
                let slip = self.slip_cause(departs);
                // Most slips are known before the date; some only after it has passed.
                let noticed = if self.rng.chance(0.3) {
                    self.later(departs, 1, 45)
                } else {
                    self.later(departs, -14, -1)
                }
                .max(add_days(last_news, 1));
                self.hazard(last_news, noticed, true)?;
                if slip.back_to_preparation {
                    self.record_reasoned(
                        noticed,
                        CaseState::PreDeparture,
                        "Fedasil",
                        (slip.code, format!("departure postponed: {}", slip.reason)),
                        json!({ "promised_date": departs.to_string() }),
                    )?;
                    since = noticed;
                    preparing = self.slip_delay();
                    slipped = Some(slip);
                    break;
                }
                self.rec.within(noticed)?;
                let delay = self.slip_delay();
                departs = add_days(departs.max(noticed), delay);
                let told = self.told(true);
                self.promise(
                    PromiseKind::Departure,
                    departs,
                    noticed,
                    Some((slip.code, slip.reason)),
                    told,
                );
                last_news = noticed;
            }
        }
    }

    /// Whether the departure date slips (again): a first slip for ~27% of families, a
    /// second for a quarter of those. Steered walks do not slip.
    fn slips_again(&mut self, slips: u32) -> bool {
        let p = match slips {
            0 => 0.27,
            1 => 0.25,
            _ => 0.0,
        };
        self.branch(p, &[])
    }

    /// Why the date at `departs` slips; medical cases wait for clearance more often.
    fn slip_cause(&mut self, departs: Date) -> &'static Slip {
        let medical = !self.sub.medical.is_empty();
        let table: Vec<(&'static Slip, u32)> = SLIPS
            .iter()
            .map(|s| {
                let (hold_from, hold_until) = PROGRAMME_HOLD;
                let weight = match s.code {
                    "travel_restrictions" if departs > PANDEMIC_MEASURES_UNTIL => 0,
                    "programme_hold" if departs < hold_from || departs > hold_until => 0,
                    "medical_clearance" if medical => s.weight * 4,
                    _ => s.weight,
                };
                (s, weight)
            })
            .collect();
        self.rng.weighted(&table)
    }

    /// How much later the new date is: mostly weeks, sometimes months, and for one slip in
    /// ten more than ten months (as families told the NGOs in 2021).
    fn slip_delay(&mut self) -> i64 {
        let (lo, hi) = self
            .rng
            .weighted(&[((14, 56), 60), ((60, 180), 30), ((300, 420), 10)]);
        self.rng.range(lo, hi)
    }

    /// After how many days the family is told of a date; a fifth of new dates after a
    /// slip are never told (`None`).
    fn told(&mut self, after_slip: bool) -> Option<i64> {
        if after_slip && self.rng.chance(0.2) {
            None
        } else {
            Some(self.rng.range(0, 5))
        }
    }

    /// The pre-departure steps done between `since` and `set_on`, and the departure day;
    /// after a slip (`redone`), only the step that held the family back.
    fn checks(&mut self, since: Date, set_on: Date, departs: Date, redone: Option<&str>) -> Value {
        // The check names are those of the Belgian policy profile (`policies/belgium.toml`),
        // so the app can show each check with its date and hold departures for missing ones.
        let papers_on = self.day(since, set_on).to_string();
        let health = self.day(since, set_on).to_string();
        match redone {
            Some("visa") => json!({
                "checks": { "humanitarian_visa": papers_on },
                "departure_date": departs.to_string(),
            }),
            Some(_) => json!({
                "checks": { "medical_check": health },
                "departure_date": departs.to_string(),
            }),
            None => {
                let orientation_from = self.day(since, add_days(set_on, -3).max(since));
                json!({
                    "checks": {
                        "travel_authorisation": papers_on,
                        "humanitarian_visa": papers_on,
                        "medical_check": health,
                        "cultural_orientation": orientation_from.to_string(),
                    },
                    "departure_date": departs.to_string(),
                })
            }
        }
    }
}
