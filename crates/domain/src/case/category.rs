//! UNHCR's seven resettlement submission categories.
use crate::word_enum;

/// Why UNHCR asks for resettlement (UNHCR Resettlement Handbook, chapter 6). A case has one
/// primary and usually a second category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubmissionCategory {
    /// Legal and/or physical protection needs.
    LegalPhysicalProtection,
    /// Survivors of violence and/or torture.
    SurvivorOfViolenceTorture,
    /// Medical needs.
    MedicalNeeds,
    /// Women and girls at risk.
    WomenAndGirlsAtRisk,
    /// Family reunification.
    FamilyReunification,
    /// Children and adolescents at risk.
    ChildrenAtRisk,
    /// Lack of foreseeable alternative durable solutions.
    NoAlternativeDurableSolution,
}
word_enum!(SubmissionCategory, "category", {
    LegalPhysicalProtection => "legal_physical_protection",
    SurvivorOfViolenceTorture => "survivor_of_violence_torture",
    MedicalNeeds => "medical_needs",
    WomenAndGirlsAtRisk => "women_and_girls_at_risk",
    FamilyReunification => "family_reunification",
    ChildrenAtRisk => "children_at_risk",
    NoAlternativeDurableSolution => "no_alternative_durable_solution",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_round_trips_through_its_word() {
        assert_eq!(SubmissionCategory::ALL.len(), 7);
        for c in SubmissionCategory::ALL {
            assert_eq!(c.as_str().parse::<SubmissionCategory>().unwrap(), *c);
        }
    }

    #[test]
    fn unknown_word_lists_the_allowed_ones() {
        let e = "medical".parse::<SubmissionCategory>().unwrap_err();
        assert_eq!(e.field, "category");
        assert!(e.reason().contains("medical_needs"));
    }
}
