//! Family reunification for members left behind: the request, where it stands, and the
//! moves each status allows.
use serde::{Deserialize, Serialize};
use time::Date;

use crate::ParseError;
use crate::calendar::{not_after_today, not_before};
use crate::case::Case;
use crate::country::CountryCode;
use crate::refusal::{Anchor, RefusalKind};
use crate::word_enum;

/// Where a reunification request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReunificationStatus {
    /// Filed, waiting for a decision.
    Requested,
    /// Approved; travel being arranged.
    Approved,
    /// Refused.
    Refused,
    /// The relative has joined the family.
    Reunited,
}
word_enum!(ReunificationStatus, "status", {
    Requested => "requested",
    Approved => "approved",
    Refused => "refused",
    Reunited => "reunited",
});

use ReunificationStatus::*;

impl ReunificationStatus {
    /// The statuses a request may move to from this one. A decision is never taken back
    /// to `requested` (that would erase when it was decided); an approval may still end
    /// in a refusal (the relative's exit permit or visa refused) or in the reunion;
    /// refused and reunited are final (a refused family files a new request).
    pub fn next(self) -> &'static [ReunificationStatus] {
        match self {
            Requested => &[Approved, Refused],
            Approved => &[Reunited, Refused],
            Refused | Reunited => &[],
        }
    }

    /// Checks one move, so that a refused move changes nothing and says what may follow.
    pub fn transition(self, to: ReunificationStatus) -> Result<ReunificationStatus, ParseError> {
        if self.next().contains(&to) {
            return Ok(to);
        }
        Err(ParseError::of(
            "status",
            RefusalKind::RequestNotAllowed {
                from: self.as_str().into(),
                to: to.as_str().into(),
                allowed: self.next().iter().map(|s| s.as_str().into()).collect(),
            },
        ))
    }
}

/// A request to bring a relative left behind (often an adult son or daughter) to the family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReunificationRequest {
    /// The relative's name.
    pub relative_name: String,
    /// Their relationship to the principal applicant, in words.
    pub relationship: String,
    /// Where they are now.
    pub location: CountryCode,
    /// Where the request stands.
    pub status: ReunificationStatus,
    /// When it was filed.
    pub requested_on: Date,
    /// When it was decided or completed.
    pub resolved_on: Option<Date>,
    /// Why it was decided as it was: every decided request says why.
    #[serde(default)]
    pub reason: Option<String>,
}

impl ReunificationRequest {
    /// Refuses a request of `case` that cannot be: without the relative's name, filed
    /// after `today` or before the case was submitted, resolved while still requested or
    /// decided without a day or a reason, or resolved before it was filed or after today.
    pub fn check(&self, case: &Case, today: Date) -> Result<(), ParseError> {
        if self.relative_name.trim().is_empty() {
            return Err(ParseError::of("relative_name", RefusalKind::Missing));
        }
        not_after_today("requested_on", self.requested_on, today)?;
        not_before(
            "requested_on",
            self.requested_on,
            Anchor::Submitted,
            case.submitted_on,
        )?;
        match (self.status, self.resolved_on) {
            (Requested, None) => {}
            (Requested, Some(on)) => {
                return Err(ParseError::of(
                    "resolved_on",
                    RefusalKind::ResolvedWhileRequested { day: on },
                ));
            }
            // A decided or completed request says when.
            (_, None) => {
                return Err(ParseError::of("resolved_on", RefusalKind::Missing));
            }
            (_, Some(on)) => {
                not_after_today("resolved_on", on, today)?;
                not_before("resolved_on", on, Anchor::RequestFiled, self.requested_on)?;
            }
        }
        if self.status != Requested && self.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            // Every decided request says why.
            return Err(ParseError::of("reason", RefusalKind::Missing));
        }
        Ok(())
    }

    /// The request after moving it to `to` on `on`, with the `reason` given (a decided
    /// request keeps its earlier reason when none is given), checked against `case` and
    /// `today`; refused, changing nothing, when the status does not allow the move or the
    /// result cannot be.
    pub fn moved(
        &self,
        to: ReunificationStatus,
        on: Date,
        reason: Option<&str>,
        case: &Case,
        today: Date,
    ) -> Result<ReunificationRequest, ParseError> {
        let status = self.status.transition(to)?;
        let given = reason.map(str::trim).filter(|r| !r.is_empty());
        let moved = ReunificationRequest {
            status,
            resolved_on: Some(on),
            reason: given.map(str::to_string).or_else(|| self.reason.clone()),
            ..self.clone()
        };
        moved.check(case, today)?;
        Ok(moved)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::date;

    use super::*;

    const TODAY: Date = date!(2026 - 11 - 23);

    fn requested() -> ReunificationRequest {
        ReunificationRequest {
            relative_name: "Karim".into(),
            relationship: "adult son".into(),
            location: CountryCode::parse("location", "LB").unwrap(),
            status: Requested,
            requested_on: date!(2026 - 03 - 01),
            resolved_on: None,
            reason: None,
        }
    }

    fn case() -> Case {
        crate::case::tests_file().case
    }

    #[test]
    fn an_approved_request_cannot_go_back_to_requested() {
        let approved = requested()
            .moved(
                Approved,
                date!(2026 - 09 - 01),
                Some("ties proven"),
                &case(),
                TODAY,
            )
            .unwrap();
        assert_eq!(approved.resolved_on, Some(date!(2026 - 09 - 01)));
        let e = approved
            .moved(Requested, TODAY, Some("reopened"), &case(), TODAY)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "status: a request that is approved cannot become requested; allowed: reunited, refused"
        );
        let reunited = approved
            .moved(Reunited, TODAY, None, &case(), TODAY)
            .unwrap();
        assert_eq!(reunited.reason.as_deref(), Some("ties proven"));
        assert!(
            reunited
                .moved(Refused, TODAY, Some("x"), &case(), TODAY)
                .unwrap_err()
                .reason()
                .contains("final")
        );
    }

    #[test]
    fn a_decision_needs_its_reason_and_a_possible_day() {
        let e = requested()
            .moved(Refused, date!(2026 - 09 - 01), Some(" "), &case(), TODAY)
            .unwrap_err();
        assert_eq!(e.field, "reason");
        let e = requested()
            .moved(Approved, date!(2026 - 02 - 01), Some("ok"), &case(), TODAY)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "resolved_on: 2026-02-01 is before the request was filed (2026-03-01)"
        );
        let e = requested()
            .moved(Approved, date!(2026 - 12 - 01), Some("ok"), &case(), TODAY)
            .unwrap_err();
        assert!(e.reason().contains("after today"), "{e}");
    }

    #[test]
    fn a_request_before_the_case_existed_is_refused() {
        let early = ReunificationRequest {
            requested_on: date!(2025 - 12 - 01),
            ..requested()
        };
        assert_eq!(
            early.check(&case(), TODAY).unwrap_err().to_string(),
            "requested_on: 2025-12-01 is before the case was submitted (2026-01-05)"
        );
    }

    fn status() -> impl Strategy<Value = ReunificationStatus> {
        proptest::sample::select(ReunificationStatus::ALL)
    }

    proptest! {
        /// Any sequence of asked moves: each is taken exactly when the status allows it,
        /// a refused one leaves the request as it was, nothing ever returns to requested,
        /// and a decided request always has its day and reason.
        #[test]
        fn the_state_machine_only_moves_forward(asked in proptest::collection::vec(status(), 0..12)) {
            let mut r = requested();
            let mut day = date!(2026 - 03 - 01);
            for to in asked {
                day = (day + time::Duration::days(7)).min(TODAY);
                let before = r.clone();
                match r.moved(to, day, Some("decided"), &case(), TODAY) {
                    Ok(next) => {
                        prop_assert!(before.status.next().contains(&to));
                        prop_assert_ne!(next.status, Requested);
                        prop_assert!(next.resolved_on.is_some() && next.reason.is_some());
                        next.check(&case(), TODAY).unwrap();
                        r = next;
                    }
                    Err(e) => {
                        prop_assert!(!before.status.next().contains(&to));
                        prop_assert_eq!(e.field, "status");
                    }
                }
            }
        }

        /// Every status can only reach states listed after it; the final ones none.
        #[test]
        fn final_statuses_have_no_moves(s in status()) {
            prop_assert_eq!(s.next().is_empty(), matches!(s, Refused | Reunited));
            prop_assert!(!s.next().contains(&Requested));
        }
    }
}
