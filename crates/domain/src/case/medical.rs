//! The medical record of one family member (special-category health data), and the rules a
//! medical officer's entry must meet before it replaces what is recorded.
use serde::{Deserialize, Serialize};

use super::FamilyMember;
use crate::refusal::{Refusal, RefusalKind, Vocabulary};
use crate::word_enum;

/// What care a person needs, without the diagnosis: enough for reception and placement to
/// choose a suitable place, nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CareNeed {
    /// Housing must be wheelchair accessible.
    WheelchairAccess,
    /// Needs a hospital with specialised care nearby.
    SpecialisedHospitalCare,
    /// Needs access to mental-health or trauma care.
    MentalHealthSupport,
    /// Needs regular treatment (dialysis, chemotherapy, …).
    RegularTreatment,
}
word_enum!(CareNeed, "care_need", {
    WheelchairAccess => "wheelchair_access",
    SpecialisedHospitalCare => "specialised_hospital_care",
    MentalHealthSupport => "mental_health_support",
    RegularTreatment => "regular_treatment",
});

/// Special-category (GDPR art. 9) health data of one member. Stored in its own table and
/// returned only to roles that need it; every read and write is audited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MedicalRecord {
    /// The member this record is about.
    pub member_no: u32,
    /// The medical condition in the words of the medical officer.
    pub condition: String,
    /// The care needs derived from it, which reception officers may see.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub care_needs: Vec<CareNeed>,
    /// Whether the family consented to share the condition with the receiving municipality.
    pub consent_to_share: bool,
    /// Whether the member may travel, as a medical officer last assessed it; null (`None`)
    /// until assessed. Three values, not a flag: the pre-departure medical check comes
    /// late, and "not yet assessed" must never read as "fit" (nor hold a family back as
    /// "not fit"). Records kept before assessments were recorded read as not assessed.
    #[serde(default)]
    pub fit_to_travel: Option<bool>,
}

/// The longest condition a record holds, in characters: a diagnosis with its treatment in
/// a few sentences fits many times over, while a pasted document does not become
/// special-category data sealed in every backup.
pub const CONDITION_MAX_CHARS: usize = 2_000;

/// What a medical officer writes about one member, as given (the condition untrimmed,
/// care needs perhaps repeated); checked against the family before it replaces the
/// member's record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MedicalEntry {
    /// The condition in words (at most 2,000 characters, not empty).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Type 1 diabetes, insulin supply irregular")
    )]
    pub condition: String,
    /// Care needs.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = json!(["regular_treatment"])))]
    pub care_needs: Vec<CareNeed>,
    /// Whether the family consented to share the condition with the receiving municipality.
    pub consent_to_share: bool,
    /// true (fit), false (not fit), or null / absent (not yet assessed).
    #[serde(default)]
    pub fit_to_travel: Option<bool>,
}

impl MedicalEntry {
    /// The record of member `member_no` of a family of `members`, or the first thing
    /// refused. The condition is trimmed; care needs are a set (sorted, each once).
    pub fn record_for(
        &self,
        member_no: u32,
        members: &[FamilyMember],
    ) -> Result<MedicalRecord, Refusal> {
        if !members.iter().any(|m| m.member_no == member_no) {
            return Err(Refusal::not_in_list(
                "member_no",
                member_no,
                members.iter().map(|m| m.member_no),
                Vocabulary::Plain,
            ));
        }
        let condition = self.condition.trim();
        if condition.is_empty() {
            return Err(Refusal::of("condition", RefusalKind::Missing));
        }
        let chars = condition.chars().count();
        if chars > CONDITION_MAX_CHARS {
            return Err(Refusal::of(
                "condition",
                RefusalKind::TooLong {
                    max: CONDITION_MAX_CHARS,
                    got: chars,
                },
            ));
        }
        let mut care_needs = self.care_needs.clone();
        care_needs.sort_unstable();
        care_needs.dedup();
        Ok(MedicalRecord {
            member_no,
            condition: condition.to_string(),
            care_needs,
            consent_to_share: self.consent_to_share,
            fit_to_travel: self.fit_to_travel,
        })
    }
}

/// Reads fit to travel as people type it (`yes`, `no`, `unknown`), for the command line and
/// the page's choice.
pub fn parse_fit_to_travel(word: &str) -> Result<Option<bool>, Refusal> {
    match word.trim() {
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        "unknown" => Ok(None),
        other => Err(Refusal::not_in_list(
            "fit_to_travel",
            other,
            ["yes", "no", "unknown"],
            Vocabulary::Plain,
        )),
    }
}

/// Fit to travel as [`parse_fit_to_travel`] reads it.
pub fn fit_to_travel_word(fit: Option<bool>) -> &'static str {
    match fit {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Relationship, Sex};
    use super::*;
    use time::macros::date;

    fn family() -> Vec<FamilyMember> {
        [1, 2]
            .map(|member_no| FamilyMember {
                member_no,
                full_name: format!("Member {member_no}"),
                date_of_birth: date!(1990 - 01 - 01),
                sex: Sex::Female,
                relationship: if member_no == 1 {
                    Relationship::PrincipalApplicant
                } else {
                    Relationship::Child
                },
                languages: vec![],
                education: None,
                occupation: None,
            })
            .to_vec()
    }

    fn entry(condition: &str, needs: &[CareNeed]) -> MedicalEntry {
        MedicalEntry {
            condition: condition.into(),
            care_needs: needs.to_vec(),
            consent_to_share: true,
            fit_to_travel: Some(false),
        }
    }

    #[test]
    fn an_entry_becomes_the_record_trimmed_with_its_needs_as_a_set() {
        let r = entry(
            "  Heart failure ",
            &[
                CareNeed::SpecialisedHospitalCare,
                CareNeed::RegularTreatment,
                CareNeed::RegularTreatment,
            ],
        )
        .record_for(2, &family())
        .unwrap();
        assert_eq!(r.member_no, 2);
        assert_eq!(r.condition, "Heart failure");
        assert_eq!(
            r.care_needs,
            [
                CareNeed::SpecialisedHospitalCare,
                CareNeed::RegularTreatment
            ]
        );
        assert!(r.consent_to_share);
        assert_eq!(r.fit_to_travel, Some(false));
    }

    #[test]
    fn a_refusal_names_the_field_and_why() {
        let refused = |e: MedicalEntry, member_no| e.record_for(member_no, &family()).unwrap_err();
        let e = refused(entry("Asthma", &[]), 3);
        assert_eq!(
            e,
            Refusal::not_in_list("member_no", 3, [1, 2], Vocabulary::Plain)
        );
        assert_eq!(e.to_string(), "member_no: \"3\" is not one of: 1, 2");
        let e = refused(entry(" \n ", &[]), 1);
        assert_eq!(e, Refusal::of("condition", RefusalKind::Missing));
        let long = "é".repeat(CONDITION_MAX_CHARS + 1);
        let e = refused(entry(&long, &[]), 1);
        assert_eq!(
            e.kind,
            RefusalKind::TooLong {
                max: 2000,
                got: 2001
            }
        );
        assert_eq!(
            e.to_string(),
            "condition: at most 2000 characters, got 2001"
        );
        assert!(
            entry(&long[2..], &[]).record_for(1, &family()).is_ok(),
            "2,000 characters, counted as characters not bytes"
        );
    }

    #[test]
    fn fit_to_travel_reads_the_three_words_it_writes() {
        for fit in [Some(true), Some(false), None] {
            assert_eq!(parse_fit_to_travel(fit_to_travel_word(fit)), Ok(fit));
        }
        assert_eq!(
            parse_fit_to_travel("maybe").unwrap_err().field,
            "fit_to_travel"
        );
    }

    #[test]
    fn a_record_from_before_fit_to_travel_reads_as_not_assessed() {
        let r: MedicalRecord = serde_json::from_str(
            r#"{"member_no":1,"condition":"Asthma","care_needs":[],"consent_to_share":false}"#,
        )
        .unwrap();
        assert_eq!(r.fit_to_travel, None);
    }
}
