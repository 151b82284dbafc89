//! Where families live after arrival: centres, local reception initiatives, municipalities,
//! a sponsor group's home, their own; each stay dated ([`stay`]), and how full each place
//! is on a day ([`occupancy`]).
pub mod occupancy;
pub mod stay;

pub use occupancy::{OccupancyRule, occupancy};
pub use stay::{Move, NextStay, Stay, StayKind};

use serde::{Deserialize, Serialize};

use crate::word_enum;

/// The kind of a reception place. Belgium uses a centre then an LOI; the Netherlands
/// places directly in a municipality with a home ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A (specialised) reception centre, e.g. Fedasil Sint-Truiden.
    Centre,
    /// A local reception initiative run by a municipality's social service (BE: ≤ 6 months).
    Loi,
    /// A municipality that houses the family directly.
    Municipality,
}
word_enum!(PlaceKind, "kind", { Centre => "centre", Loi => "loi", Municipality => "municipality" });

/// A reception officer's verdict on a placement proposal: the family goes to the place
/// (the proposed one or another), or the proposal is set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlacementVerdict {
    /// The family goes to the place.
    Confirm,
    /// The proposal is set aside; the family waits for another.
    Reject,
}
word_enum!(PlacementVerdict, "decision", { Confirm => "confirm", Reject => "reject" });

impl PlacementVerdict {
    /// The status the verdict leaves the proposal in.
    pub fn status(self) -> ProposalStatus {
        match self {
            PlacementVerdict::Confirm => ProposalStatus::Confirmed,
            PlacementVerdict::Reject => ProposalStatus::Rejected,
        }
    }
}

/// Where a stored placement proposal stands: open until a reception officer decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProposalStatus {
    /// Open: awaiting a reception officer's verdict.
    Proposed,
    /// The family goes to the place.
    Confirmed,
    /// Set aside; the family waits for another proposal.
    Rejected,
}
word_enum!(ProposalStatus, "status", {
    Proposed => "proposed",
    Confirmed => "confirmed",
    Rejected => "rejected",
});

/// A place that can receive families, with its declared capacity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceptionPlace {
    /// A short code, unique in the programme.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Centre, LOI or municipality.
    pub kind: PlaceKind,
    /// The municipality it lies in.
    pub municipality: String,
    /// Region or province, for regional distribution.
    pub region: String,
    /// Persons it can house at once.
    pub capacity_persons: u32,
}

/// Refuses placing `persons` more at `place`, which holds `present` persons (staying or
/// already confirmed) of its `capacity`, when they would not fit, unless the reception
/// officer gives an `over_capacity_reason` (a family placed with relatives, an emergency).
/// Returns the reason to record with the decision when the place goes over, `None` when
/// the family fits.
pub fn check_room(
    place: &str,
    capacity: u32,
    present: u32,
    persons: u32,
    over_capacity_reason: Option<&str>,
) -> Result<Option<String>, crate::ParseError> {
    let after = present.saturating_add(persons);
    if after <= capacity {
        return Ok(None);
    }
    match over_capacity_reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        Some(reason) => Ok(Some(reason.to_string())),
        None => Err(crate::ParseError::of(
            "over_capacity_reason",
            crate::RefusalKind::OverCapacity {
                place: place.to_string(),
                present,
                capacity,
                persons,
            },
        )),
    }
}

/// A placement proposal that no longer fits its case: the case moved on (a step, a
/// promise, anything that changed its version) after the run that proposed the place, so
/// the proposal may place a family that is no longer waiting, or waiting elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the proposal for case {case} lapsed: the case changed since it was made (version {}, now \
     {now}, in state {state}); propose places again",
    proposed_for.map_or_else(|| "unknown".to_string(), |v| v.to_string())
)]
pub struct ProposalLapsed {
    /// The case.
    pub case: String,
    /// The case's version when the proposal was made; `None` if it was not recorded.
    pub proposed_for: Option<i64>,
    /// The case's version now.
    pub now: i64,
    /// The case's state now.
    pub state: crate::case::CaseState,
}

/// Whether a proposal made for a case at version `proposed_for` has lapsed now that the
/// case stands at version `now`: it lapses when its case changes, and one made before
/// versions were kept (`None`) cannot be shown to still fit.
pub fn proposal_lapsed(proposed_for: Option<i64>, now: i64) -> bool {
    proposed_for != Some(now)
}

/// Refuses to act on a proposal made for `case` at version `proposed_for` when the case
/// stands at version `now` (in `state`): see [`proposal_lapsed`].
pub fn check_proposal_current(
    case: &str,
    proposed_for: Option<i64>,
    now: i64,
    state: crate::case::CaseState,
) -> Result<(), ProposalLapsed> {
    if !proposal_lapsed(proposed_for, now) {
        return Ok(());
    }
    Err(ProposalLapsed {
        case: case.to_string(),
        proposed_for,
        now,
        state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_verdict_closes_the_proposal_as_confirmed_or_rejected() {
        assert_eq!(
            PlacementVerdict::Confirm.status(),
            ProposalStatus::Confirmed
        );
        assert_eq!(PlacementVerdict::Reject.status(), ProposalStatus::Rejected);
        assert_eq!(
            "confirmed".parse::<ProposalStatus>().unwrap(),
            ProposalStatus::Confirmed
        );
        assert!("lapsed".parse::<ProposalStatus>().is_err());
    }

    #[test]
    fn a_family_into_a_full_place_needs_a_reason_which_is_recorded() {
        let e = check_room("LOI-GENT", 18, 18, 5, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "over_capacity_reason: LOI-GENT holds 18 of its 18 places; 5 more would make 23: \
             choose a place with room, or say why the family goes there anyway"
        );
        assert!(check_room("LOI-GENT", 18, 18, 5, Some("  ")).is_err());
        assert_eq!(
            check_room("LOI-GENT", 18, 18, 5, Some(" joins her brother ")),
            Ok(Some("joins her brother".into()))
        );
        assert_eq!(check_room("LOI-GENT", 18, 13, 5, None), Ok(None));
    }

    #[test]
    fn a_proposal_lapses_when_its_case_changes() {
        use crate::case::CaseState::{Arrived, PreDeparture};
        assert_eq!(check_proposal_current("LEB-1", Some(7), 7, Arrived), Ok(()));
        let e = check_proposal_current("LEB-1", Some(7), 8, PreDeparture).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the proposal for case LEB-1 lapsed: the case changed since it was made (version \
             7, now 8, in state pre_departure); propose places again"
        );
        assert!(check_proposal_current("LEB-1", None, 8, Arrived).is_err());
    }

    proptest! {
        /// A family that fits needs no reason and records none; one that does not fit is
        /// refused without a reason and records the reason given.
        #[test]
        fn a_reason_is_needed_exactly_over_capacity(
            capacity in 0u32..100, present in 0u32..120, persons in 1u32..15, why in "[a-z ]{0,8}"
        ) {
            let fits = present + persons <= capacity;
            let given = check_room("P", capacity, present, persons, Some(&why));
            let bare = check_room("P", capacity, present, persons, None);
            prop_assert_eq!(bare.is_ok(), fits);
            if fits {
                prop_assert_eq!(given, Ok(None));
            } else {
                prop_assert_eq!(given.is_ok(), !why.trim().is_empty());
            }
        }
    }
}
