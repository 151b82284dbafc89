//! What UNHCR submits: the family, its origin, submission categories, priority and the
//! channel it will be assessed through.
use resettle_domain::case::{Channel, MedicalRecord, Priority, SubmissionCategory};
use time::Date;

use crate::family::{self, Household, Shape};
use crate::medical;
use crate::missions::Missions;
use crate::origins::{self, Origin};
use crate::rng::Rng;

use SubmissionCategory::*;

/// Primary categories: protection needs and survivors of violence or torture lead.
const PRIMARY: &[(SubmissionCategory, u32)] = &[
    (LegalPhysicalProtection, 30),
    (SurvivorOfViolenceTorture, 25),
    (MedicalNeeds, 11),
    (WomenAndGirlsAtRisk, 6),
    (ChildrenAtRisk, 8),
    (FamilyReunification, 4),
    (NoAlternativeDurableSolution, 15),
];

/// Second categories, given on three submissions in four.
const SECOND: &[(SubmissionCategory, u32)] = &[
    (LegalPhysicalProtection, 20),
    (SurvivorOfViolenceTorture, 25),
    (MedicalNeeds, 9),
    (WomenAndGirlsAtRisk, 4),
    (ChildrenAtRisk, 10),
    (FamilyReunification, 5),
    (NoAlternativeDurableSolution, 26),
];

/// A case as submitted, before anything happened to it.
pub(crate) struct Submission {
    /// Nationality, country of asylum and people.
    pub(crate) origin: Origin,
    /// The primary category first.
    pub(crate) categories: Vec<SubmissionCategory>,
    /// Emergency, urgent or normal.
    pub(crate) priority: Priority,
    /// Mission or dossier, as planned at submission.
    pub(crate) channel: Channel,
    /// The family.
    pub(crate) household: Household,
    /// Health data, for medical-needs cases.
    pub(crate) medical: Vec<MedicalRecord>,
}

/// Draws a submission made on `on`.
pub(crate) fn draw(rng: &mut Rng, on: Date) -> Submission {
    let origin = origins::draw(rng);
    let primary = rng.weighted(PRIMARY);
    let mut categories = vec![primary];
    if rng.chance(0.75) {
        let second: Vec<(SubmissionCategory, u32)> = SECOND
            .iter()
            .copied()
            .filter(|&(c, _)| c != primary)
            .collect();
        categories.push(rng.weighted(&second));
    }
    let (emergency, urgent) = match primary {
        LegalPhysicalProtection | MedicalNeeds => (50, 140),
        _ => (15, 70),
    };
    let priority = rng.weighted(&[
        (Priority::Emergency, emergency),
        (Priority::Urgent, urgent),
        (Priority::Normal, 1000 - emergency - urgent),
    ]);
    let channel = if !Missions::visit(origin.asylum)
        || priority == Priority::Emergency
        || (priority == Priority::Urgent && rng.chance(0.1))
    {
        Channel::Dossier
    } else {
        Channel::Mission
    };
    let size = rng.weighted(&origins::family_sizes(origin.people));
    let shape = Shape {
        size,
        woman_at_risk: categories.contains(&WomenAndGirlsAtRisk),
        child_at_risk: categories.contains(&ChildrenAtRisk),
    };
    let household = family::draw(rng, origin, shape, on);
    let medical = if categories.contains(&MedicalNeeds) {
        medical::draw(rng, &household.members, on)
    } else {
        Vec::new()
    };
    Submission {
        origin,
        categories,
        priority,
        channel,
        household,
        medical,
    }
}
