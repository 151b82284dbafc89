//! Registering a case submitted by UNHCR.
use resettle_domain::audit::AuditEntity;
use resettle_domain::case::{
    Case, CaseEvent, CaseFile, CaseNumber, CaseState, Channel, FamilyMember, Priority,
    Relationship, Sex, SubmissionCategory,
};
use resettle_domain::country::CountryCode;
use resettle_domain::policy::PolicyProfile;
use resettle_domain::{Refusal, RefusalKind, reference};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use serde_json::Value;

use super::view::case_written;
use crate::bounds::{CASE_MEMBERS, at_most_entries};
use crate::{App, AppError, Caller, Permission};

/// A family member as submitted.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewMember {
    /// Full name as on the UNHCR registration.
    pub full_name: String,
    /// Date of birth.
    #[schema(value_type = String, format = Date)]
    pub date_of_birth: Date,
    /// Sex as registered.
    pub sex: Sex,
    /// Relationship to the principal applicant.
    pub relationship: Relationship,
    /// Languages spoken: ISO 639-1 codes (ISO 639-3 for a language without one, such as
    /// `din` for Dinka) or their English names, stored as codes.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Highest education completed.
    pub education: Option<String>,
    /// Last occupation.
    pub occupation: Option<String>,
}

/// A case as UNHCR submits it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewCase {
    /// UNHCR case number, unique.
    #[schema(example = "LEB-26C00001")]
    pub case_number: String,
    /// The programme receiving the submission (e.g. `BE`).
    pub programme: String,
    /// First country of asylum (ISO alpha-2).
    pub country_of_asylum: String,
    /// Nationality of the principal applicant.
    pub nationality: String,
    /// UNHCR submission categories, primary first (two expected).
    pub categories: Vec<SubmissionCategory>,
    /// How urgently the family must travel.
    pub priority: Priority,
    /// How the programme selects the family: on a mission or from the dossier.
    pub channel: Channel,
    /// Day of submission; default today.
    #[schema(value_type = Option<String>, format = Date)]
    pub submitted_on: Option<Date>,
    /// The family, with exactly one principal_applicant (at most 50 members).
    pub members: Vec<NewMember>,
    /// Relatives resettled as separate cases.
    #[serde(default)]
    pub linked_cases: Vec<String>,
}

/// `v`, refused on the field `name` as missing when blank.
fn given<'v>(name: &str, v: &'v str) -> Result<&'v str, AppError> {
    if v.trim().is_empty() {
        return Err(Refusal::of(name.to_string(), RefusalKind::Missing).into());
    }
    Ok(v)
}

impl NewCase {
    /// The case file of a submission, checked whole by the domain.
    pub(crate) fn into_file(
        self,
        actor: &str,
        now: OffsetDateTime,
        policy: &PolicyProfile,
    ) -> Result<CaseFile, AppError> {
        let today = now.date();
        at_most_entries("members", self.members.len(), *CASE_MEMBERS.end() as usize)?;
        let members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                Ok(FamilyMember {
                    member_no: i as u32 + 1,
                    full_name: m.full_name.trim().to_string(),
                    date_of_birth: m.date_of_birth,
                    sex: m.sex,
                    relationship: m.relationship,
                    languages: m
                        .languages
                        .iter()
                        .map(|l| reference::language("languages", l).map(str::to_string))
                        .collect::<Result<_, _>>()
                        .map_err(|e| e.within(format!("members[{i}]")))?,
                    education: m.education.clone(),
                    occupation: m.occupation.clone(),
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        if let Some(i) = members.iter().position(|m| m.full_name.is_empty()) {
            return Err(Refusal::of("full_name", RefusalKind::Missing)
                .within(format!("members[{i}]"))
                .into());
        }
        let submitted_on = self.submitted_on.unwrap_or(today);
        let case = Case {
            case_number: CaseNumber::parse(given("case_number", &self.case_number)?)?,
            programme: self.programme,
            country_of_asylum: CountryCode::parse(
                "country_of_asylum",
                given("country_of_asylum", &self.country_of_asylum)?,
            )?,
            nationality: CountryCode::parse(
                "nationality",
                given("nationality", &self.nationality)?,
            )?,
            categories: self.categories,
            priority: self.priority,
            channel: self.channel,
            submitted_on,
            members,
            linked_cases: self
                .linked_cases
                .iter()
                .map(|n| {
                    CaseNumber::parse(n).map_err(|e| Refusal {
                        field: "linked_cases".into(),
                        ..e
                    })
                })
                .collect::<Result<_, _>>()?,
        };
        let file = CaseFile {
            case,
            events: vec![CaseEvent {
                seq: 1,
                at: now,
                actor: actor.to_string(),
                from: None,
                to: CaseState::Submitted,
                reason: "submitted by UNHCR".into(),
                reason_code: None,
                payload: serde_json::Value::Null,
            }],
            promises: vec![],
            medical: vec![],
            reunification: vec![],
            mission: None,
            reception_place: None,
            sponsor_group: None,
            support: None,
            outcomes: vec![],
            stays: vec![],
            after_arrival: Default::default(),
        };
        file.check(policy, today)?;
        Ok(file)
    }
}

impl App {
    /// Registers a submitted case. Refused whole, naming the field, on any invalid value,
    /// a channel the policy profile does not take for the priority, or a case number
    /// already registered.
    pub async fn create_case(&self, caller: &Caller, new: NewCase) -> Result<Value, AppError> {
        self.require(
            caller,
            Permission::SubmitCase,
            AuditEntity::Case,
            &new.case_number,
        )
        .await?;
        let programme = new.programme.clone();
        // A programme nobody set up is refused as input, on the field that named it.
        let policy = self
            .programme_policy(&programme)
            .await
            .map_err(|e| match e {
                AppError::NotFound(_) => Refusal::of(
                    "programme",
                    RefusalKind::NotDefined {
                        given: programme.clone(),
                    },
                )
                .into(),
                other => other,
            })?;
        let file = new.into_file(&caller.username, self.now(), &policy)?;
        let (priority, channel) = (file.case.priority, file.case.channel);
        if !policy.channel_allows(channel, priority) {
            return Err(
                Refusal::of("channel", RefusalKind::ChannelRefuses { priority, channel }).into(),
            );
        }
        let number = file.case.case_number.to_string();
        self.store
            .create_case(
                &programme,
                &file,
                caller.organisation.as_deref(),
                &[case_written(caller, &number, "categories", "submitted")],
            )
            .await
            .map_err(|e| match e {
                resettle_storage::StorageError::Duplicate { .. } => Refusal::of(
                    "case_number",
                    RefusalKind::Duplicate {
                        given: number.clone(),
                    },
                )
                .into(),
                other => AppError::from(other),
            })?;
        self.case(caller, &number).await
    }
}
