//! Requests to bring a relative left behind, most often an adult son or daughter still in
//! the country of asylum; decisions take the better part of a year.
use resettle_domain::case::{FamilyMember, Sex};
use resettle_domain::country::CountryCode;
use resettle_domain::reunification::{
    Dependency, Evidence, ReunificationRequest, ReunificationStatus,
};
use time::Date;

use crate::calendar::add_days;
use crate::names;
use crate::rng::Rng;
use crate::submission::Submission;

/// Days a request may wait for a decision: the Belgian profile's limit
/// (`policies/belgium.toml`, `[reunification]`), which the demo programmes follow.
const LIMIT_DAYS: u32 = 183;

/// Share of arrived families who ask for a relative to join them.
const SHARE: f64 = 0.10;

/// Why a request was approved, as the decision says (§3.4 of the Belgian report: financial
/// and emotional dependency, alternative proof of family ties).
const APPROVALS: &[&str] = &[
    "family ties and dependency on the family established",
    "family ties shown by alternative proof (no civil documents available)",
    "the relative lived in the family's household and depends on it",
];

/// Why a request was refused.
const REFUSALS: &[&str] = &[
    "no proof of family ties accepted",
    "the relative has a household of their own; no dependency shown",
    "the relative could not be reached for the interview",
];

/// A request for `sub`'s family, arrived on `arrived_on`, if it made one by `as_of`.
pub(crate) fn draw(
    rng: &mut Rng,
    sub: &Submission,
    arrived_on: Date,
    as_of: Date,
) -> Vec<ReunificationRequest> {
    if !rng.chance(SHARE) {
        return Vec::new();
    }
    let requested_on = add_days(arrived_on, rng.range(30, 240));
    if requested_on > as_of {
        return Vec::new();
    }
    let principal: &FamilyMember = &sub.household.members[0];
    let sex = if rng.chance(0.6) {
        Sex::Male
    } else {
        Sex::Female
    };
    let old_enough_for_adult_child = principal.age_on(requested_on) >= 38;
    let (relationship, name) = if old_enough_for_adult_child && rng.chance(0.9) {
        let word = if sex == Sex::Male { "son" } else { "daughter" };
        let given = names::given(rng, sub.origin.people, sex);
        (word, format!("{given} {}", sub.household.children_name))
    } else {
        let word = if sex == Sex::Male {
            "brother"
        } else {
            "sister"
        };
        let given = names::given(rng, sub.origin.people, sex);
        let second = principal.full_name.split_once(' ').map_or("", |(_, s)| s);
        (word, format!("{given} {second}"))
    };
    let location = if rng.chance(0.9) {
        sub.origin.asylum
    } else {
        sub.origin.nationality
    };
    let decided_on = add_days(requested_on, rng.range(240, 540));
    let (status, resolved_on, reason) = if decided_on > as_of {
        (ReunificationStatus::Requested, None, None)
    } else if rng.chance(0.2) {
        let why = *rng.pick(REFUSALS);
        (ReunificationStatus::Refused, Some(decided_on), Some(why))
    } else {
        let why = *rng.pick(APPROVALS);
        let joined_on = add_days(decided_on, rng.range(60, 180));
        if joined_on <= as_of {
            (ReunificationStatus::Reunited, Some(joined_on), Some(why))
        } else {
            (ReunificationStatus::Approved, Some(decided_on), Some(why))
        }
    };
    // Drawn from what is already drawn, so the rest of the caseload stays as it was: an
    // adult child depends on the parents financially and emotionally, a sibling
    // financially; a family without civil documents offers testimony and a DNA test.
    let dependency = if matches!(relationship, "son" | "daughter") {
        vec![Dependency::Financial, Dependency::Emotional]
    } else {
        vec![Dependency::Financial]
    };
    let evidence = if reason.is_some_and(|r| r.contains("alternative proof")) {
        vec![Evidence::Testimony, Evidence::Dna]
    } else {
        vec![Evidence::Documents]
    };
    let mut request = ReunificationRequest::opened(
        &name,
        relationship,
        CountryCode::parse("location", location).expect("origin codes are valid"),
        requested_on,
        Some(LIMIT_DAYS),
    )
    .with_ties(dependency, evidence)
    .expect("distinct ties");
    request.status = status;
    request.resolved_on = resolved_on;
    request.reason = reason.map(String::from);
    vec![request]
}
