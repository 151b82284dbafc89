//! The people in a case. Their health data is kept apart, in [`super::MedicalRecord`].
use serde::{Deserialize, Serialize};
use time::Date;

use crate::word_enum;

/// Sex as recorded by UNHCR on the registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Other or not recorded.
    Other,
}
word_enum!(Sex, "sex", { Female => "female", Male => "male", Other => "other" });

/// A member's relationship to the principal applicant. Adult children and dependent
/// relatives matter: they are the ones most often left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relationship {
    /// The person the case is registered under.
    PrincipalApplicant,
    /// Husband, wife or partner.
    Spouse,
    /// Son or daughter, of any age.
    Child,
    /// Father or mother.
    Parent,
    /// Brother or sister.
    Sibling,
    /// Grandchild.
    Grandchild,
    /// Another relative or dependant living with the family.
    OtherDependant,
}
word_enum!(Relationship, "relationship", {
    PrincipalApplicant => "principal_applicant",
    Spouse => "spouse",
    Child => "child",
    Parent => "parent",
    Sibling => "sibling",
    Grandchild => "grandchild",
    OtherDependant => "other_dependant",
});

/// One person in a case. What is here may be seen by every role that handles the case;
/// health data is in [`super::MedicalRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyMember {
    /// Position in the case, 1 for the principal applicant.
    pub member_no: u32,
    /// Full name as on the UNHCR registration.
    pub full_name: String,
    /// Date of birth (UNHCR records 1 January where only the year is known).
    pub date_of_birth: Date,
    /// Sex as registered.
    pub sex: Sex,
    /// Relationship to the principal applicant.
    pub relationship: Relationship,
    /// Languages spoken, as their codes in the shipped ISO 639 list
    /// ([`crate::reference::language`]: `ar`, or `din` for Dinka, which has no ISO 639-1 code).
    pub languages: Vec<String>,
    /// Highest education completed, in words.
    pub education: Option<String>,
    /// Last occupation, in words.
    pub occupation: Option<String>,
}

impl FamilyMember {
    /// Age in whole years on `on`.
    pub fn age_on(&self, on: Date) -> i32 {
        crate::calendar::age_on(self.date_of_birth, on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn member(dob: Date) -> FamilyMember {
        FamilyMember {
            member_no: 1,
            full_name: "A".into(),
            date_of_birth: dob,
            sex: Sex::Female,
            relationship: Relationship::PrincipalApplicant,
            languages: vec![],
            education: None,
            occupation: None,
        }
    }

    #[test]
    fn age_counts_whole_years_up_to_the_birthday() {
        let m = member(date!(2000 - 06 - 15));
        assert_eq!(m.age_on(date!(2020 - 06 - 14)), 19);
        assert_eq!(m.age_on(date!(2020 - 06 - 15)), 20);
    }
}
