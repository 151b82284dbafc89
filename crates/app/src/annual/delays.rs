//! Every delay of the year, grouped by reason, with the families and persons it held up:
//! departure (and interview) dates replaced by later ones, departures called off back to
//! preparation, and decisions deferred.
use std::collections::BTreeMap;

use resettle_domain::case::{CaseState, PromiseKind};
use resettle_storage::{CaseStep, SlippedPromise};
use serde::Serialize;

use super::counting::Rules;

/// What was delayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DelayKind {
    /// A departure date told to the family was replaced by a later one.
    DepartureMoved,
    /// An interview date told to the family was replaced by a later one.
    InterviewMoved,
    /// A scheduled departure was called off and the family went back to preparing.
    DepartureCalledOff,
    /// A decision was deferred.
    DecisionDeferred,
}

impl DelayKind {
    /// The kind's code, for messages and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            DelayKind::DepartureMoved => "departure_moved",
            DelayKind::InterviewMoved => "interview_moved",
            DelayKind::DepartureCalledOff => "departure_called_off",
            DelayKind::DecisionDeferred => "decision_deferred",
        }
    }
}

/// The group one delay counts in: its kind, and its reason as a code (a word the report
/// translates, `slip-<code>`) or, where the record holds only words, those words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DelayReason {
    /// What was delayed.
    pub kind: DelayKind,
    /// The reason's code, or its recorded text.
    pub reason: String,
    /// Whether `reason` is a code.
    pub coded: bool,
}

/// Groups a delay by its reason: the one place that decides how delays are grouped. A
/// step's reason code wins; a promise carries only the words its reason was recorded in,
/// so those words are the group (spelled alike, grouped alike). Point this at the reason
/// codes once slips and holds carry them everywhere.
pub fn delay_group(kind: DelayKind, code: Option<&str>, text: &str) -> DelayReason {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => DelayReason {
            kind,
            reason: code.to_string(),
            coded: true,
        },
        None => DelayReason {
            kind,
            reason: text.trim().to_string(),
            coded: false,
        },
    }
}

/// Delays of one kind and reason, and whom they held up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelayGroup {
    /// What was delayed.
    pub kind: DelayKind,
    /// The reason's code, or its recorded text.
    pub reason: String,
    /// Whether `reason` is a code (translated in the report) or recorded text.
    pub coded: bool,
    /// Delays; withheld when small.
    pub delays: Option<u64>,
    /// Families held up, each once; withheld when small.
    pub families: Option<u64>,
    /// Persons in those families; withheld when small.
    pub persons: Option<u64>,
}

/// The text after "departure postponed: " and the like: the words a step's reason gives
/// after its summary, or all of it.
fn why(reason: &str) -> &str {
    reason.split_once(": ").map_or(reason, |(_, why)| why)
}

/// Every delay of the period grouped by [`delay_group`], the most frequent first within
/// each kind.
pub(crate) fn groups(
    slips: &[SlippedPromise],
    steps: &[CaseStep],
    rules: &Rules,
) -> Vec<DelayGroup> {
    // Per group: delays, and each family with its size.
    let mut held: BTreeMap<DelayReason, (u64, BTreeMap<i64, i64>)> = BTreeMap::new();
    let mut add = |group: DelayReason, case_id: i64, persons: i64| {
        let entry = held.entry(group).or_default();
        entry.0 += 1;
        entry.1.insert(case_id, persons);
    };
    for s in slips {
        let kind = match s.kind {
            PromiseKind::Interview => DelayKind::InterviewMoved,
            PromiseKind::Departure => DelayKind::DepartureMoved,
        };
        add(delay_group(kind, None, &s.reason), s.case_id, s.family_size);
    }
    for s in steps {
        let code = |key: &str| {
            s.payload
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let group = match (s.from, s.to) {
            (Some(CaseState::DepartureScheduled), CaseState::PreDeparture) => delay_group(
                DelayKind::DepartureCalledOff,
                code("slip").as_deref(),
                why(&s.reason),
            ),
            (_, CaseState::Deferred) => delay_group(
                DelayKind::DecisionDeferred,
                None,
                &code("grounds").unwrap_or_else(|| why(&s.reason).to_string()),
            ),
            _ => continue,
        };
        add(group, s.case_id, s.family_size);
    }
    let mut rows: Vec<(DelayReason, u64, u64, u64)> = held
        .into_iter()
        .map(|(g, (n, families))| {
            let persons = families.values().map(|&p| p.max(0) as u64).sum();
            (g, n, families.len() as u64, persons)
        })
        .collect();
    rows.sort_by(|a, b| {
        a.0.kind
            .cmp(&b.0.kind)
            .then(b.1.cmp(&a.1))
            .then(a.0.reason.cmp(&b.0.reason))
    });
    // Families decide what is withheld: a group's delays and persons are at least its
    // families, so they are never small where the families are shown, and withheld with
    // them (as the dashboard withholds persons with cases).
    let families = rules.column(&rows.iter().map(|r| r.2).collect::<Vec<_>>());
    rows.into_iter()
        .zip(families.cells)
        .map(|((g, delays, _, persons), families)| DelayGroup {
            kind: g.kind,
            reason: g.reason,
            coded: g.coded,
            delays: families.and_then(|_| rules.count(delays)),
            families,
            persons: families.and_then(|_| rules.count(persons)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_groups_before_words_and_words_group_as_spelled() {
        let coded = delay_group(
            DelayKind::DepartureCalledOff,
            Some("exit_permit"),
            "whatever",
        );
        assert_eq!((coded.reason.as_str(), coded.coded), ("exit_permit", true));
        let worded = delay_group(DelayKind::DepartureMoved, None, " flight cancelled ");
        assert_eq!(
            (worded.reason.as_str(), worded.coded),
            ("flight cancelled", false)
        );
        assert_eq!(why("departure postponed: exit permit"), "exit permit");
    }
}
