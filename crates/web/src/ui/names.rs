//! The words of the names a case's policy profile defines (assessment checks and so refusal
//! grounds, pre-departure checks, reasons for a slip, a deferral or a withdrawal): the
//! profile's own labels, which the `named` and `label` filters put in the reader's language.
//! Staff messages never duplicate them, so a programme adding a reason adds its words in
//! the same file.
use std::collections::BTreeMap;

use minijinja::value::{Serde, Value};
use resettle_domain::case::{CaseEvent, CaseState, reason_list};
use resettle_domain::policy::{Labels, NameList, PolicyProfile, ReasonList};

/// Every labelled name of `profile`, by list word and code (`names.slip.visa`), for the
/// `named` filter.
pub(crate) fn names(profile: &PolicyProfile) -> Value {
    let lists: BTreeMap<&str, BTreeMap<&str, &Labels>> = NameList::ALL
        .into_iter()
        .map(|list| (list.as_str(), profile.labelled(list).into_iter().collect()))
        .collect();
    Value::from(Serde(lists))
}

/// The events of a timeline, each with the word of the list its reason code comes from
/// (`reason_list`), so the template can name the code by its label.
pub(crate) fn timeline(events: &[CaseEvent]) -> Vec<serde_json::Value> {
    events
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).expect("an event serialises");
            if let Some(list) = e.reason_list() {
                v["reason_list"] = list.as_str().into();
            }
            v
        })
        .collect()
}

/// The reason lists the step form offers, for a case in `state` that may move to
/// `allowed`: a deferral's, a withdrawal's or a breakdown's (a sponsored family stepping
/// back into reception) where those steps are allowed, and the slip
/// list where a departure can be called off or scheduled again after one was told
/// (`departure_promised`). In the order the form shows them.
pub(crate) fn step_lists(
    state: CaseState,
    allowed: &[CaseState],
    departure_promised: bool,
) -> Vec<&'static str> {
    let mut lists: Vec<ReasonList> = allowed
        .iter()
        .filter_map(|&to| reason_list(state, to))
        .collect();
    if departure_promised && allowed.contains(&CaseState::DepartureScheduled) {
        lists.push(ReasonList::Slip);
    }
    ReasonList::ALL
        .iter()
        .filter(|l| lists.contains(l))
        .map(|l| l.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseState::*;

    #[test]
    fn the_step_form_offers_the_lists_of_the_steps_allowed() {
        assert_eq!(
            step_lists(DossierReview, &[Accepted, Deferred, Withdrawn], false),
            ["deferral", "withdrawal"]
        );
        assert_eq!(
            step_lists(DepartureScheduled, &[Arrived, PreDeparture], true),
            ["slip"]
        );
        assert_eq!(
            step_lists(PreDeparture, &[DepartureScheduled, Withdrawn], true),
            ["slip", "withdrawal"]
        );
        assert!(step_lists(PreDeparture, &[DepartureScheduled], false).is_empty());
        assert_eq!(
            step_lists(Housed, &[IntegrationSupport, InReception], false),
            ["breakdown"]
        );
    }
}
