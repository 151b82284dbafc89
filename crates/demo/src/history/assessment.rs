//! From submission to decision: scheduling on a selection mission and the interview, or
//! review of the paper dossier; then acceptance (whole or in part), refusal or deferral.
use resettle_domain::case::{CaseState, Channel, Priority, PromiseKind, Relationship};
use resettle_domain::mission::MissionStatus;
use serde_json::{Value, json};
use time::Date;

use super::{Over, Walker};
use crate::calendar::add_days;

/// UNHCR submits at least this long before a mission interviews the case.
const MISSION_LEAD_DAYS: i64 = 45;

/// Grounds on which Belgium refuses (never integration potential).
const REFUSALS: &[&str] = &[
    "protection need not established on the evidence",
    "exclusion clause (article 1F Refugee Convention)",
    "threat to public order or national security",
    "statements not credible on essential points",
    "effective protection available in a third country",
];

/// Share of refused cases whose file is formally closed; the others stay refused.
const REFUSALS_FILED: f64 = 0.4;

/// Why a decision is put off.
const DEFERRALS: &[(&str, &str)] = &[
    (
        "family_composition",
        "additional information requested from UNHCR (family composition)",
    ),
    ("security_screening", "security screening not yet completed"),
    (
        "medical_assessment",
        "medical file incomplete; UNHCR asked for a recent report",
    ),
    ("documents_missing", "identity documents to be verified"),
];

/// Why one member is left out of an acceptance, whoever it is.
const PARTIAL: &[&str] = &[
    "exclusion clause (article 1F Refugee Convention) for this member",
    "holds another nationality with effective protection",
    "security screening of this member not cleared",
];

/// Why an adult child is left out: a household of their own.
const OWN_HOUSEHOLD: &str = "adult child with a household of their own; UNHCR to submit \
                             them as a separate case";

/// The decisions the assessment can reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The whole family.
    Accept,
    /// All but one member.
    AcceptInPart,
    /// Refused, with grounds.
    Refuse,
    /// Put off until UNHCR answers.
    Defer,
}

impl Walker<'_> {
    /// Walks from submission to acceptance; returns the acceptance day. A refusal is
    /// filed away (closed) and ends the walk.
    pub(super) fn assess(&mut self, submitted: Date) -> Result<Date, Over> {
        let (mut at, mut interviewed) = if self.walk.channel == Channel::Mission {
            let at = self.interview(submitted)?;
            (at, self.walk.channel == Channel::Mission)
        } else {
            let (lo, hi) = match self.sub.priority {
                Priority::Emergency => (0, 2),
                Priority::Urgent => (3, 14),
                Priority::Normal => (10, 45),
            };
            let review = self.later(submitted, lo, hi);
            self.hazard(submitted, review, true)?;
            let reason = "assessment on the UNHCR dossier".to_string();
            self.record(
                review,
                CaseState::DossierReview,
                "CGVS",
                reason,
                Value::Null,
            )?;
            (review, false)
        };
        for first_round in [true, false] {
            let (lo, hi) = match (interviewed, self.sub.priority) {
                (true, _) => (30, 120),
                (false, Priority::Emergency) => (1, 7),
                (false, Priority::Urgent) => (10, 40),
                (false, Priority::Normal) => (45, 180),
            };
            let decided = self.later(at, lo, hi);
            self.hazard(at, decided, true)?;
            match self.outcome(first_round) {
                Outcome::Accept => {
                    self.record(
                        decided,
                        CaseState::Accepted,
                        "CGVS",
                        "accepted: protection need established for the whole family".into(),
                        Value::Null,
                    )?;
                    return Ok(decided);
                }
                Outcome::AcceptInPart => {
                    self.accept_in_part(decided)?;
                    return Ok(decided);
                }
                Outcome::Refuse => {
                    let grounds = *self.rng.pick(REFUSALS);
                    self.record(
                        decided,
                        CaseState::Refused,
                        "CGVS",
                        format!("refused: {grounds}"),
                        json!({ "grounds": grounds }),
                    )?;
                    if self.branch(REFUSALS_FILED, &[CaseState::Closed]) {
                        let filed = self.later(decided, 30, 180);
                        let reason = "refusal notified to UNHCR; file closed".to_string();
                        self.record(filed, CaseState::Closed, "CGVS", reason, Value::Null)?;
                    }
                    return Err(Over);
                }
                Outcome::Defer => {
                    let &(code, why) = self.rng.pick(DEFERRALS);
                    self.record_reasoned(
                        decided,
                        CaseState::Deferred,
                        "CGVS",
                        (code, format!("deferred: {why}")),
                        Value::Null,
                    )?;
                    let back = self.later(decided, 30, 150);
                    self.hazard(decided, back, true)?;
                    let reason = "information received from UNHCR; assessment resumed".into();
                    self.record(back, CaseState::DossierReview, "CGVS", reason, Value::Null)?;
                    at = back;
                    interviewed = false;
                }
            }
        }
        Err(Over)
    }

    /// Scheduling on the next mission to the country of asylum (at least
    /// [`MISSION_LEAD_DAYS`] ahead) and the interview there;
    /// returns the interview day, or the day the case moved to dossier review because the
    /// mission was cancelled. A case no planned mission can take waits as submitted.
    fn interview(&mut self, submitted: Date) -> Result<Date, Over> {
        let earliest = add_days(submitted, MISSION_LEAD_DAYS);
        let mission = self
            .world
            .missions
            .next_for(self.sub.origin.asylum, earliest)
            .ok_or(Over)?;
        let code = mission.code.clone();
        let (starts, ends) = (mission.starts_on, mission.ends_on);
        let cancelled = mission.status == MissionStatus::Cancelled;
        let scheduled = self.later(submitted, 7, 30);
        self.hazard(submitted, scheduled, true)?;
        let interview_on = self.day(starts, ends);
        self.rec.within(scheduled)?;
        self.walk.mission = Some(code.clone());
        // The family hears its interview date two to six weeks before the mission.
        let date_set = add_days(starts, -self.rng.range(14, 42)).max(scheduled);
        let told = self.rng.range(0, 10);
        if date_set <= self.world.as_of {
            self.promise(
                PromiseKind::Interview,
                interview_on,
                date_set,
                None,
                Some(told),
            );
        }
        self.record(
            scheduled,
            CaseState::ScheduledForMission,
            "CGVS",
            format!("scheduled for interview on mission {code}"),
            Value::Null,
        )?;
        if cancelled {
            let called_off = add_days(starts, -self.rng.range(3, 14)).max(add_days(scheduled, 1));
            self.hazard(scheduled, called_off, true)?;
            self.rec.within(called_off)?;
            self.walk.channel = Channel::Dossier;
            self.record(
                called_off,
                CaseState::DossierReview,
                "CGVS",
                format!("mission {code} cancelled; the case is assessed on the dossier"),
                json!({ "mission_cancelled": code }),
            )?;
            return Ok(called_off);
        }
        self.hazard(scheduled, interview_on, true)?;
        self.record(
            interview_on,
            CaseState::Interviewed,
            "CGVS",
            format!("interviewed on mission {code}"),
            Value::Null,
        )?;
        Ok(interview_on)
    }

    /// The decision: Belgium accepts about 95% of dossiers. A steered walk takes the
    /// outcome that leads to its target.
    fn outcome(&mut self, may_defer: bool) -> Outcome {
        let family = self.sub.household.members.len() > 1;
        if let Some(target) = self.steer {
            return match target {
                CaseState::AcceptedInPart if family => Outcome::AcceptInPart,
                CaseState::Refused | CaseState::Closed => Outcome::Refuse,
                CaseState::Deferred | CaseState::DossierReview if may_defer => Outcome::Defer,
                _ => Outcome::Accept,
            };
        }
        let table = [
            (Outcome::Accept, 860),
            (Outcome::AcceptInPart, if family { 50 } else { 0 }),
            (Outcome::Refuse, 55),
            (Outcome::Defer, if may_defer { 45 } else { 0 }),
        ];
        self.rng.weighted(&table)
    }

    /// Accepts all but one member, naming the grounds: most often an adult child with a
    /// household of their own, otherwise another adult (or, failing one, any member).
    fn accept_in_part(&mut self, decided: Date) -> Result<(), Over> {
        let members = &self.sub.household.members;
        let adult = |relationship: Relationship| -> Vec<u32> {
            members
                .iter()
                .filter(|m| m.relationship == relationship && m.age_on(decided) >= 18)
                .map(|m| m.member_no)
                .collect()
        };
        let adult_children = adult(Relationship::Child);
        let (left_out, grounds) = if !adult_children.is_empty() && self.rng.chance(0.6) {
            (*self.rng.pick(&adult_children), OWN_HOUSEHOLD)
        } else {
            let others: Vec<u32> = [
                Relationship::Spouse,
                Relationship::Sibling,
                Relationship::Parent,
            ]
            .into_iter()
            .flat_map(adult)
            .chain(adult_children)
            .collect();
            let member = if others.is_empty() {
                self.rng.range(2, members.len() as i64) as u32
            } else {
                *self.rng.pick(&others)
            };
            (member, *self.rng.pick(PARTIAL))
        };
        let accepted: Vec<u32> = members
            .iter()
            .map(|m| m.member_no)
            .filter(|&n| n != left_out)
            .collect();
        self.travelling = accepted.len();
        self.record(
            decided,
            CaseState::AcceptedInPart,
            "CGVS",
            format!("accepted except member {left_out}: {grounds}"),
            json!({
                "members_accepted": accepted,
                "members_not_accepted": [{ "member_no": left_out, "grounds": grounds }],
            }),
        )
    }
}
