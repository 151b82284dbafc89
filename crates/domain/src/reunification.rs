//! Family reunification for members left behind: the request, where it stands, the moves
//! each status allows, the dependency and proof of family ties it rests on, and its time
//! limit. The Belgian NGOs (§3.4 "Gezinshereniging") report adult children left behind,
//! UNHCR's call to weigh financial and emotional dependency broadly and to accept other
//! proof of family ties where documents are missing, and a request that dragged on for more
//! than a year.
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

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

/// How the relative left behind depends on the family (UNHCR asks that financial and
/// emotional dependency be weighed broadly); a request may name several, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dependency {
    /// Assessed: the relative does not depend on the family.
    NoDependency,
    /// The relative lives on what the family sends.
    Financial,
    /// The relative depends on the family emotionally (a young adult child).
    Emotional,
    /// The relative needs the family's care, or the family theirs.
    Medical,
}
word_enum!(Dependency, "dependency", {
    NoDependency => "none",
    Financial => "financial",
    Emotional => "emotional",
    Medical => "medical",
});

/// The proof of family ties offered: documents where the family has them, and the
/// alternatives to take into account where they are missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Evidence {
    /// Civil-status documents (birth, marriage certificates, family book).
    Documents,
    /// A DNA test.
    Dna,
    /// Statements of the family and the relative, taken at interview.
    Testimony,
    /// Photographs and other records of a life together.
    Photographs,
    /// UNHCR's registration records listing the relative with the family.
    UnhcrRecords,
}
word_enum!(Evidence, "evidence", {
    Documents => "documents",
    Dna => "dna",
    Testimony => "testimony",
    Photographs => "photographs",
    UnhcrRecords => "unhcr_records",
});

/// Refuses a dependency or evidence list that names a value twice, or that says `none`
/// beside a dependency.
pub fn check_ties(dependency: &[Dependency], evidence: &[Evidence]) -> Result<(), ParseError> {
    if let Some(d) = twice(dependency) {
        return Err(ParseError::of(
            "dependency",
            RefusalKind::ListedTwice {
                given: d.as_str().into(),
            },
        ));
    }
    if let Some(e) = twice(evidence) {
        return Err(ParseError::of(
            "evidence",
            RefusalKind::ListedTwice {
                given: e.as_str().into(),
            },
        ));
    }
    if dependency.len() > 1 && dependency.contains(&Dependency::NoDependency) {
        return Err(ParseError::of("dependency", RefusalKind::NoneBesideOthers));
    }
    Ok(())
}

/// The first value listed a second time.
fn twice<T: PartialEq + Copy>(values: &[T]) -> Option<T> {
    values
        .iter()
        .enumerate()
        .find(|&(i, v)| values[..i].contains(v))
        .map(|(_, &v)| v)
}

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
    /// How the relative depends on the family; empty until assessed.
    #[serde(default)]
    pub dependency: Vec<Dependency>,
    /// The proof of family ties offered; empty until some is.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// The last day for a decision under the profile's time limit; `None` where the
    /// profile sets none (or for requests filed before limits were recorded).
    #[serde(default)]
    pub due_on: Option<Date>,
}

impl ReunificationRequest {
    /// A request for `relative_name` filed on `on`, due within the profile's `limit_days`
    /// if it sets a limit, with dependency and evidence still to record.
    pub fn opened(
        relative_name: &str,
        relationship: &str,
        location: CountryCode,
        on: Date,
        limit_days: Option<u32>,
    ) -> ReunificationRequest {
        ReunificationRequest {
            relative_name: relative_name.trim().to_string(),
            relationship: relationship.trim().to_string(),
            location,
            status: Requested,
            requested_on: on,
            resolved_on: None,
            reason: None,
            dependency: Vec::new(),
            evidence: Vec::new(),
            due_on: limit_days.and_then(|d| on.checked_add(Duration::days(d.into()))),
        }
    }

    /// Days past its limit on `today` of a request still waiting for a decision; `None`
    /// when it is decided, on time, or has no limit. A request decided late is no longer
    /// overdue: the delay is on record in its dates.
    pub fn days_overdue(&self, today: Date) -> Option<i64> {
        let due = self.due_on.filter(|_| self.status == Requested)?;
        let over = (today - due).whole_days();
        (over > 0).then_some(over)
    }

    /// The request with its dependency and evidence replaced, refused as [`check_ties`]
    /// refuses them.
    pub fn with_ties(
        &self,
        dependency: Vec<Dependency>,
        evidence: Vec<Evidence>,
    ) -> Result<ReunificationRequest, ParseError> {
        check_ties(&dependency, &evidence)?;
        Ok(ReunificationRequest {
            dependency,
            evidence,
            ..self.clone()
        })
    }

    /// Refuses a request of `case` that cannot be: without the relative's name, filed
    /// after `today` or before the case was submitted, resolved while still requested or
    /// decided without a day or a reason, resolved before it was filed or after today, due
    /// before it was filed, or with a dependency or evidence listed twice.
    pub fn check(&self, case: &Case, today: Date) -> Result<(), ParseError> {
        if self.relative_name.trim().is_empty() {
            return Err(ParseError::of("relative_name", RefusalKind::Missing));
        }
        check_ties(&self.dependency, &self.evidence)?;
        if let Some(due) = self.due_on {
            not_before("due_on", due, Anchor::RequestFiled, self.requested_on)?;
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
            dependency: Vec::new(),
            evidence: Vec::new(),
            due_on: Some(date!(2026 - 08 - 31)),
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

    #[test]
    fn a_request_waiting_past_its_limit_is_overdue_until_decided() {
        let r = ReunificationRequest::opened(
            " Karim ",
            "adult son",
            CountryCode::parse("location", "TR").unwrap(),
            date!(2026 - 03 - 01),
            Some(183),
        );
        assert_eq!(r.relative_name, "Karim");
        assert_eq!(r.due_on, Some(date!(2026 - 08 - 31)));
        assert_eq!(r.days_overdue(date!(2026 - 08 - 31)), None);
        assert_eq!(r.days_overdue(TODAY), Some(84));
        let decided = r
            .moved(Approved, TODAY, Some("ties proven"), &case(), TODAY)
            .unwrap();
        assert_eq!(decided.days_overdue(TODAY), None);
        let unlimited = ReunificationRequest { due_on: None, ..r };
        assert_eq!(unlimited.days_overdue(TODAY), None);
    }

    #[test]
    fn ties_named_twice_or_none_beside_a_dependency_are_refused() {
        use Dependency::*;
        let e = requested()
            .with_ties(vec![Financial, Financial], vec![])
            .unwrap_err();
        assert_eq!(
            (e.field.as_ref(), e.kind.clone()),
            (
                "dependency",
                RefusalKind::ListedTwice {
                    given: "financial".into()
                }
            )
        );
        let e = requested()
            .with_ties(vec![NoDependency, Emotional], vec![])
            .unwrap_err();
        assert_eq!(e.kind, RefusalKind::NoneBesideOthers);
        let e = requested()
            .with_ties(vec![], vec![Evidence::Dna, Evidence::Dna])
            .unwrap_err();
        assert_eq!(e.field, "evidence");
        let r = requested()
            .with_ties(
                vec![Financial, Emotional],
                vec![Evidence::Testimony, Evidence::Dna],
            )
            .unwrap();
        r.check(&case(), TODAY).unwrap();
        assert_eq!(
            "unhcr_records".parse::<Evidence>(),
            Ok(Evidence::UnhcrRecords)
        );
        assert_eq!("blood".parse::<Evidence>().unwrap_err().field, "evidence");
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

        /// Any lists of dependency and evidence: taken exactly when no value is listed
        /// twice and `none` stands alone; a refusal names the list at fault.
        #[test]
        fn ties_are_taken_exactly_when_they_can_be(
            dependency in proptest::collection::vec(proptest::sample::select(Dependency::ALL), 0..5),
            evidence in proptest::collection::vec(proptest::sample::select(Evidence::ALL), 0..6),
        ) {
            let distinct = |n: usize, mut v: Vec<String>| { v.sort(); v.dedup(); v.len() == n };
            let ok = distinct(dependency.len(), dependency.iter().map(|d| d.to_string()).collect())
                && distinct(evidence.len(), evidence.iter().map(|e| e.to_string()).collect())
                && (dependency.len() <= 1 || !dependency.contains(&Dependency::NoDependency));
            match requested().with_ties(dependency.clone(), evidence.clone()) {
                Ok(r) => {
                    prop_assert!(ok);
                    prop_assert_eq!(&r.dependency, &dependency);
                    r.check(&case(), TODAY).unwrap();
                }
                Err(e) => {
                    prop_assert!(!ok);
                    prop_assert!(e.field == "dependency" || e.field == "evidence");
                }
            }
        }

        /// A request is overdue exactly while it waits for a decision past its due day.
        #[test]
        fn overdue_only_while_requested_past_due(days in 1u32..400, s in status()) {
            let r = ReunificationRequest {
                status: s,
                ..ReunificationRequest::opened("K", "son", CountryCode::parse("location", "TR").unwrap(), date!(2026 - 03 - 01), Some(days))
            };
            let due = r.due_on.unwrap();
            prop_assert_eq!(r.days_overdue(TODAY).is_some(), s == Requested && due < TODAY);
        }

        /// Every status can only reach states listed after it; the final ones none.
        #[test]
        fn final_statuses_have_no_moves(s in status()) {
            prop_assert_eq!(s.next().is_empty(), matches!(s, Refused | Reunited));
            prop_assert!(!s.next().contains(&Requested));
        }
    }
}
