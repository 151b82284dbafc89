//! Health data for members of medical-needs cases: a condition as a medical officer would
//! word it, the care needs reception may see, and whether the family consented to share.
use resettle_domain::case::{CareNeed, FamilyMember, MedicalRecord};
use time::Date;

use crate::rng::Rng;

use CareNeed::*;

/// Conditions seen in children.
const CHILD: &[(&str, &[CareNeed])] = &[
    (
        "Cerebral palsy with severe motor impairment",
        &[WheelchairAccess, SpecialisedHospitalCare],
    ),
    (
        "Congenital heart defect; surgery required",
        &[SpecialisedHospitalCare],
    ),
    (
        "Beta-thalassaemia major, transfusion-dependent",
        &[RegularTreatment, SpecialisedHospitalCare],
    ),
    (
        "Acute lymphoblastic leukaemia, treatment interrupted",
        &[RegularTreatment, SpecialisedHospitalCare],
    ),
    (
        "Type 1 diabetes, insulin supply irregular",
        &[RegularTreatment],
    ),
    (
        "Profound hearing loss; candidate for cochlear implant",
        &[SpecialisedHospitalCare],
    ),
    ("Epilepsy, poorly controlled", &[SpecialisedHospitalCare]),
    (
        "Autism spectrum disorder, non-verbal",
        &[MentalHealthSupport],
    ),
    (
        "Burns with contractures; reconstructive surgery needed",
        &[SpecialisedHospitalCare],
    ),
    (
        "Spina bifida with hydrocephalus",
        &[WheelchairAccess, SpecialisedHospitalCare, RegularTreatment],
    ),
];

/// Conditions seen in adults.
const ADULT: &[(&str, &[CareNeed])] = &[
    (
        "Post-traumatic stress disorder after detention and torture",
        &[MentalHealthSupport],
    ),
    (
        "Spinal cord injury (war injury), paraplegia",
        &[WheelchairAccess, SpecialisedHospitalCare],
    ),
    (
        "Lower-limb amputation (blast injury); needs a prosthesis",
        &[SpecialisedHospitalCare],
    ),
    (
        "End-stage renal disease, haemodialysis three times a week",
        &[RegularTreatment, SpecialisedHospitalCare],
    ),
    (
        "Breast cancer, chemotherapy interrupted",
        &[RegularTreatment, SpecialisedHospitalCare],
    ),
    ("HIV, on antiretroviral treatment", &[RegularTreatment]),
    (
        "Multiple sclerosis",
        &[SpecialisedHospitalCare, RegularTreatment],
    ),
    (
        "Severe depression with suicidal ideation",
        &[MentalHealthSupport],
    ),
    (
        "Shrapnel injuries with chronic pain",
        &[SpecialisedHospitalCare],
    ),
    (
        "Loss of sight in both eyes after an explosion",
        &[SpecialisedHospitalCare],
    ),
];

/// Conditions seen in older people.
const ELDERLY: &[(&str, &[CareNeed])] = &[
    (
        "Heart failure",
        &[RegularTreatment, SpecialisedHospitalCare],
    ),
    (
        "Stroke with right-sided hemiplegia",
        &[WheelchairAccess, RegularTreatment],
    ),
    ("Type 2 diabetes with foot ulcers", &[RegularTreatment]),
    ("Chronic obstructive pulmonary disease", &[RegularTreatment]),
    (
        "Advanced Parkinson's disease",
        &[WheelchairAccess, SpecialisedHospitalCare],
    ),
];

/// One or two records for a medical-needs case; 70% of families consent to sharing the
/// condition with the receiving municipality.
pub(crate) fn draw(rng: &mut Rng, members: &[FamilyMember], on: Date) -> Vec<MedicalRecord> {
    let count = if members.len() > 1 && rng.chance(0.2) {
        2
    } else {
        1
    };
    let mut picked: Vec<&FamilyMember> = Vec::with_capacity(count);
    while picked.len() < count {
        let m = rng.pick(members);
        if !picked.iter().any(|p| p.member_no == m.member_no) {
            picked.push(m);
        }
    }
    picked.sort_by_key(|m| m.member_no);
    picked
        .into_iter()
        .map(|m| {
            let age = m.age_on(on);
            let table = if age < 18 {
                CHILD
            } else if age < 60 {
                ADULT
            } else {
                ELDERLY
            };
            let &(condition, needs) = rng.pick(table);
            let mut care_needs = needs.to_vec();
            care_needs.sort_unstable();
            MedicalRecord {
                member_no: m.member_no,
                condition: condition.into(),
                care_needs,
                consent_to_share: rng.chance(0.7),
                // The medical check before departure comes later in the case.
                fit_to_travel: None,
            }
        })
        .collect()
}
