//! What a family reads on its status page: where its case stands and since when, every
//! step it took with its date, the dates promised to it and those that slipped (old date,
//! new date, why), an estimate for the next step from the programme's own history, the
//! holds that stop its journey, and what the programme tells every family. Nothing else:
//! the history comes through the one field matrix ([`Audience::Family`]), so no staff
//! name, no staff reason, no category, ground, medical word, place or address.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::sync::Arc;

use resettle_domain::case::{CaseEvent, CaseState, Promise, PromiseKind, open_promises};
use resettle_domain::policy::PolicyProfile;
use resettle_domain::statistics::durations::ComparableGroup;
use serde::Serialize;
use time::Date;

use super::code::FamilySession;
use crate::access::visibility::{Audience, project_event};
use crate::cases::case_number;
use crate::{App, AppError};

/// A date the family was promised and still waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PromisedDate {
    /// What the date is for: interview or departure.
    pub kind: PromiseKind,
    /// The date.
    pub date: Date,
    /// Whether it has passed without the step being taken (no new date given yet).
    pub passed: bool,
    /// Whether a programme hold covers it, so it cannot be kept.
    pub held: bool,
}

/// A promised date that moved: from what to what, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateSlip {
    /// What the date is for.
    pub kind: PromiseKind,
    /// The date promised before.
    pub old_date: Date,
    /// The date promised instead.
    pub new_date: Date,
    /// When the new date was set.
    pub on: Date,
    /// Why, as a code of the profile's slip list, which the page words in the family's
    /// language; `None` for a slip recorded before the lists existed. The officer's own
    /// words stay with staff.
    pub reason: Option<String>,
}

/// The estimate for the next step, labelled as one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepEstimate {
    /// The programme's history is still being counted (the first minute after the server
    /// starts): no estimate yet.
    NotReady,
    /// Fewer than 20 comparable cases waited as long: no estimate.
    TooFew {
        /// How many did.
        comparable: usize,
    },
    /// More than half of the comparable cases are still waiting: nobody knows yet.
    NotYetKnown {
        /// How many comparable cases.
        comparable: usize,
    },
    /// Half of the comparable cases moved on within `median_days`, nine in ten within
    /// `p90_days` (if that is known yet).
    Range {
        /// How many comparable cases.
        comparable: usize,
        /// Days within which half moved on.
        median_days: u32,
        /// Days within which nine in ten moved on; `None` while more than one in ten
        /// still wait.
        p90_days: Option<u32>,
    },
}

/// A hold of the programme the family should know of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoldNotice {
    /// The first day of the hold.
    pub from: Date,
    /// The last day.
    pub until: Date,
    /// Why, as a code the page words in the family's language.
    pub reason: String,
    /// Whether it has begun.
    pub current: bool,
    /// The family's own promised dates inside it.
    pub breaks: Vec<PromiseKind>,
}

/// The family's status page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyStatus {
    /// The case.
    pub case_number: String,
    /// Where it stands.
    pub state: CaseState,
    /// Since when.
    pub since: Date,
    /// Days in this step so far.
    pub days_in_step: u32,
    /// Whether the family has arrived (the advice not to give things up no longer applies).
    pub arrived: bool,
    /// Whether the case has ended for the family (closed, withdrawn, refused): nothing
    /// comes next.
    pub ended: bool,
    /// Every step with its date, oldest first, as the family may see it.
    pub history: Vec<CaseEvent>,
    /// The dates promised and still awaited.
    pub promised: Vec<PromisedDate>,
    /// Every promised date that moved, oldest first.
    pub slips: Vec<DateSlip>,
    /// The estimate for the next step; `None` once the case has ended.
    pub estimate: Option<StepEstimate>,
    /// Holds of the programme that stop the family's journey: current or to come, while
    /// the family has not travelled.
    pub holds: Vec<HoldNotice>,
    /// The programme's policy profile: what it tells every family (what not to do yet,
    /// whom to contact) and the words of its reason codes, in the family's language.
    #[serde(skip)]
    pub policy: Arc<PolicyProfile>,
}

/// Every promise that replaced an earlier one of its kind, with the date it replaced.
fn slips(promises: &[Promise]) -> Vec<DateSlip> {
    promises
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_slip())
        .filter_map(|(i, p)| {
            let before = promises[..i].iter().rev().find(|e| e.kind == p.kind)?;
            Some(DateSlip {
                kind: p.kind,
                old_date: before.promised_date,
                new_date: p.promised_date,
                on: p.made_on,
                reason: p.slip_reason_code.clone(),
            })
        })
        .collect()
}

impl App {
    /// The status page of the family signed in, recorded in the trail as read by the
    /// family (`family:CASE`).
    pub async fn family_status(&self, family: &FamilySession) -> Result<FamilyStatus, AppError> {
        let number = case_number(family.case_number())?;
        let stored = self
            .store
            .case(&number)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("case {number} does not exist")))?;
        let policy = self.policy(&stored.policy_profile).await?;
        let holds = self.programme_holds(&stored.programme).await?;
        let today = self.today();
        let file = &stored.file;
        let state = stored.state;
        let since = file
            .events
            .last()
            .map_or(file.case.submitted_on, |e| e.at.date());
        let days_in_step = u32::try_from((today - since).whole_days()).unwrap_or(0);
        // A refusal ends what the family waits for, though staff still close the case.
        let ended = state.is_terminal() || state == CaseState::Refused;
        let travelling = !ended && !state.has_arrived();
        // The dates told to the family, as the field matrix lets the family see them.
        let told: &[Promise] = if Audience::Family.sees("promises") {
            &file.promises
        } else {
            &[]
        };
        let open = open_promises(told, state);
        let promised = open
            .iter()
            .map(|p| PromisedDate {
                kind: p.kind,
                date: p.promised_date,
                passed: p.promised_date < today,
                held: holds.iter().any(|h| h.covers(p.promised_date)),
            })
            .collect();
        let holds = if travelling {
            holds
                .iter()
                .filter(|h| h.lasts_on_or_after(today) || !h.breaks(told, state).is_empty())
                .map(|h| HoldNotice {
                    from: h.from,
                    until: h.until,
                    reason: h.reason.clone(),
                    current: h.covers(today),
                    breaks: h.breaks(told, state).into_iter().map(|p| p.kind).collect(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let estimate = if ended {
            None
        } else {
            let group = ComparableGroup {
                programme: stored.programme.clone(),
                channel: file.case.channel,
                priority: file.case.priority,
                country_of_asylum: file.case.country_of_asylum.clone(),
            };
            Some(match self.step_durations() {
                None => StepEstimate::NotReady,
                Some(table) => {
                    let step = table.table.step(&group, state);
                    match step.and_then(|s| s.remaining(days_in_step)) {
                        None => StepEstimate::TooFew {
                            comparable: step.map_or(0, |s| s.comparable(days_in_step)),
                        },
                        Some(r) => match r.median {
                            None => StepEstimate::NotYetKnown {
                                comparable: r.comparable,
                            },
                            Some(median_days) => StepEstimate::Range {
                                comparable: r.comparable,
                                median_days,
                                p90_days: r.p90,
                            },
                        },
                    }
                }
            })
        };
        let status = FamilyStatus {
            case_number: number.to_string(),
            state,
            since,
            days_in_step,
            arrived: state.has_arrived() || (ended && file.arrived_on().is_some()),
            ended,
            history: file
                .events
                .iter()
                .cloned()
                .map(|e| project_event(Audience::Family, e))
                .collect(),
            promised,
            slips: slips(told),
            estimate,
            holds,
            policy,
        };
        self.record_ok(
            family.caller(),
            AuditAction::Read,
            AuditEntity::Case,
            number.as_str(),
            "",
            "family status page",
        )
        .await?;
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn promise(on: Date, made: Date, code: Option<&str>) -> Promise {
        Promise {
            kind: PromiseKind::Departure,
            promised_date: on,
            made_on: made,
            slip_reason: code.map(|_| "the IOM doctor in Beirut wants another X-ray".into()),
            slip_reason_code: code.map(str::to_string),
            family_notified_on: None,
        }
    }

    #[test]
    fn a_slip_names_the_old_and_new_date_and_the_coded_reason_not_staffs_words() {
        let promises = [
            promise(date!(2026 - 09 - 01), date!(2026 - 07 - 01), None),
            promise(
                date!(2026 - 10 - 15),
                date!(2026 - 08 - 20),
                Some("flight_availability"),
            ),
            promise(
                date!(2027 - 01 - 10),
                date!(2026 - 10 - 01),
                Some("medical_clearance"),
            ),
        ];
        let s = slips(&promises);
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].old_date, s[0].new_date, s[0].reason.as_deref()),
            (
                date!(2026 - 09 - 01),
                date!(2026 - 10 - 15),
                Some("flight_availability")
            )
        );
        assert_eq!(s[1].old_date, date!(2026 - 10 - 15));
        assert_eq!(s[1].reason.as_deref(), Some("medical_clearance"));
        let shown = serde_json::to_string(&s).unwrap();
        assert!(
            !shown.contains("X-ray"),
            "staff's own words never reach the family"
        );
    }
}
