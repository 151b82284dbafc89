//! "Our families": the families a municipality or a sponsor group supports (a reception
//! officer chooses a municipality and sees what its staff see), each with what supporting
//! them takes: who they are, where they live, the care needs shared, the support plan, the
//! follow-ups due and whom to contact. Every field is shown as the field matrix lets the
//! caller see it on the case, and every family shown is recorded as read in the trail.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::BTreeMap;

use resettle_domain::case::{CaseState, FamilyMember, Relationship};
use resettle_domain::outcomes::{FOLLOW_UP_MONTHS, follow_up_due};
use resettle_storage::{FamilyRecord, FamilyStage, ScopeFilter};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::access::permission::Scope;
use crate::access::visibility::sees;
use crate::bounds::{CASES_PER_PAGE, PAGES, within};
use crate::cases::{MemberNeeds, sees_unshared_care_needs};
use crate::{App, AppError, Caller, Permission};

/// Which families to show: query parameters of `/families`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FamiliesQuery {
    /// For those who see every case (reception and case officers): the municipality whose
    /// families to show. Municipalities and sponsors always see their own.
    pub municipality: Option<String>,
    /// Page of arrived families, from 1 (at most 100,000).
    pub page: Option<u32>,
    /// Families per page, 1 to 500 (default 50).
    pub per_page: Option<u32>,
}

/// The families page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Families {
    /// Families on their way (departure date set), the soonest departure first.
    pub expected: Vec<FamilyView>,
    /// Families on their way in all (the first 500 are listed).
    pub expected_total: i64,
    /// One page of the families that arrived and whose case is open, latest arrival first.
    pub arrived: Vec<FamilyView>,
    /// Arrived families in all.
    pub total: i64,
    /// This page, from 1.
    pub page: u32,
    /// Families per page.
    pub per_page: u32,
    /// For a caller who sees every case: the municipality shown (none yet: choose one).
    pub municipality: Option<String>,
    /// For a caller who sees every case: the municipalities families live in.
    pub municipalities: Vec<String>,
}

/// A family member as its supporters see them: each part only where the field matrix
/// shows it (`members.*`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberSummary {
    /// Position in the case.
    pub member_no: u32,
    /// Full name (`members.full_name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Relationship to the principal applicant (`members.relationship`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    /// Whole years of age today (`members.age`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<i32>,
}

/// The integration support plan with its last day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportSummary {
    /// Who gives the support.
    pub provider: String,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
}

/// A follow-up after arrival: when it falls due and whether an outcome was recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    /// Months after arrival (12 or 18).
    pub months: u32,
    /// The day it falls due.
    pub due: Date,
    /// Whether any outcome was recorded for it.
    pub recorded: bool,
    /// Due before today and not recorded.
    pub overdue: bool,
}

/// A sponsor group and the contact person it named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SponsorSummary {
    /// The group.
    pub name: String,
    /// Its contact person.
    pub contact: String,
}

/// Who recorded the case's latest step, to contact about the family. resettle holds no
/// telephone numbers or e-mail addresses: the organisation is the way to reach them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseContact {
    /// The user (or, in imported histories, the organisation) recorded as acting.
    pub name: String,
    /// Their organisation, when the actor is a user.
    pub organisation: Option<String>,
}

/// One family as the caller may see it; a part its roles may not see on the case is absent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyView {
    /// UNHCR case number.
    pub case_number: String,
    /// Current state.
    pub state: CaseState,
    /// Persons in the family.
    pub family_size: usize,
    /// The members, principal applicant first.
    pub members: Vec<MemberSummary>,
    /// Languages the family speaks, each once (`members.languages`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    /// The departure date last told to the family (`promises`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub departure_date: Option<Date>,
    /// The day it arrived (`arrived_on`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrived_on: Option<Date>,
    /// Its home address (`address`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The reception place it is in, by name (`reception_place`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reception_place: Option<String>,
    /// Care needs per member (`care_needs`; for municipalities only those shared).
    pub care_needs: Vec<MemberNeeds>,
    /// The sponsor group receiving it (`sponsor_group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sponsor_group: Option<SponsorSummary>,
    /// The integration support plan (`support`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportSummary>,
    /// The 12- and 18-month follow-ups (`support`), once the family arrived.
    pub follow_ups: Vec<FollowUp>,
    /// Who recorded the latest step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<CaseContact>,
}

/// Each language once, in the order the members are listed.
fn languages(members: &[FamilyMember]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for l in members.iter().flat_map(|m| &m.languages) {
        if !all.contains(l) {
            all.push(l.clone());
        }
    }
    all
}

/// The family as the caller may see it.
fn view(caller: &Caller, f: FamilyRecord, care_needs: Vec<MemberNeeds>, today: Date) -> FamilyView {
    let shown = |field: &str| sees(caller, field);
    let follow_ups = match f.arrived_on {
        Some(arrived) if shown("support") && shown("arrived_on") => FOLLOW_UP_MONTHS
            .iter()
            .map(|&months| {
                let due = follow_up_due(arrived, months);
                let recorded = f.follow_ups_recorded.contains(&months);
                FollowUp {
                    months,
                    due,
                    recorded,
                    overdue: !recorded && due < today,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    FamilyView {
        family_size: f.members.len(),
        languages: shown("members.languages").then(|| languages(&f.members)),
        members: f
            .members
            .iter()
            .map(|m| MemberSummary {
                member_no: m.member_no,
                full_name: shown("members.full_name").then(|| m.full_name.clone()),
                relationship: shown("members.relationship").then_some(m.relationship),
                age: shown("members.age").then(|| m.age_on(today)),
            })
            .collect(),
        departure_date: f.departure_date.filter(|_| shown("promises")),
        arrived_on: f.arrived_on.filter(|_| shown("arrived_on")),
        address: f.address.filter(|_| shown("address")),
        reception_place: f
            .reception_place
            .filter(|_| shown("reception_place") && f.state == CaseState::InReception),
        care_needs: if shown("care_needs") {
            care_needs
        } else {
            Vec::new()
        },
        sponsor_group: f
            .sponsor_group
            .filter(|_| shown("sponsor_group"))
            .map(|s| SponsorSummary {
                name: s.name,
                contact: s.contact,
            }),
        support: f
            .support
            .filter(|_| shown("support"))
            .map(|s| SupportSummary {
                ends_on: s.ends_on(),
                provider: s.provider,
                starts_on: s.starts_on,
            }),
        follow_ups,
        contact: f.last_actor.map(|a| CaseContact {
            name: a.actor,
            organisation: a.organisation,
        }),
        case_number: f.case_number,
        state: f.state,
    }
}

impl App {
    /// The families the caller supports. For the roles that see where families live
    /// (`address` in the field matrix): municipalities and sponsors see those in their
    /// scope, reception and case officers those of the municipality they choose; others are
    /// refused. Each family shown is recorded as a read of its case, naming the care needs
    /// where they were shown, in one write.
    pub async fn families(&self, caller: &Caller, q: &FamiliesQuery) -> Result<Families, AppError> {
        self.require(caller, Permission::ReadCases, AuditEntity::Families, "")
            .await?;
        if !sees(caller, "address") {
            return Err(self
                .refuse(
                    caller,
                    AuditEntity::Families,
                    "",
                    "your roles do not see where families live; the families page is for \
                     those who support them",
                )
                .await);
        }
        let page = within("page", q.page.unwrap_or(1), &PAGES)?;
        let per_page = within("per_page", q.per_page.unwrap_or(50), &CASES_PER_PAGE)?;
        let chosen = q
            .municipality
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string);
        let mut out = Families {
            expected: Vec::new(),
            expected_total: 0,
            arrived: Vec::new(),
            total: 0,
            page,
            per_page,
            municipality: None,
            municipalities: Vec::new(),
        };
        let scope: Vec<ScopeFilter> = match caller.scope() {
            Scope::Nothing => return Ok(out),
            Scope::Limited(limits) => limits,
            Scope::All => {
                out.municipalities = self.store.family_municipalities().await?;
                match chosen {
                    Some(m) => {
                        out.municipality = Some(m.clone());
                        vec![ScopeFilter::PlacedWith(m)]
                    }
                    None => return Ok(out),
                }
            }
        };
        let (expected, expected_total) = self
            .store
            .families(&scope, FamilyStage::Expected, 1, *CASES_PER_PAGE.end())
            .await?;
        let (arrived, total) = self
            .store
            .families(&scope, FamilyStage::Arrived, page, per_page)
            .await?;
        let mut needs = if sees(caller, "care_needs") {
            let numbers: Vec<String> = expected
                .iter()
                .chain(&arrived)
                .map(|f| f.case_number.clone())
                .collect();
            self.store
                .care_needs_of(&numbers, !sees_unshared_care_needs(caller))
                .await?
        } else {
            BTreeMap::new()
        };
        let today = self.today();
        let mut shown = |list: Vec<FamilyRecord>| -> Vec<FamilyView> {
            list.into_iter()
                .map(|f| {
                    let n = needs
                        .remove(&f.case_number)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|m| MemberNeeds {
                            member_no: m.member_no,
                            needs: m.needs,
                            consent_to_share: m.consent_to_share,
                        })
                        .collect();
                    view(caller, f, n, today)
                })
                .collect()
        };
        out.expected = shown(expected);
        out.arrived = shown(arrived);
        out.expected_total = expected_total;
        out.total = total;
        let listed = out.municipality.clone().or(caller.organisation.clone());
        let mut entries = vec![succeeded(
            caller,
            AuditAction::Read,
            AuditEntity::Families,
            listed.as_deref().unwrap_or_default(),
            "",
            &format!(
                "{} expected, page {page} of {} arrived",
                out.expected.len(),
                out.total
            ),
        )];
        entries.extend(out.expected.iter().chain(&out.arrived).map(|f| {
            let fields = if f.care_needs.is_empty() {
                ""
            } else {
                "care_needs"
            };
            succeeded(
                caller,
                AuditAction::Read,
                AuditEntity::Case,
                &f.case_number,
                fields,
                "our families",
            )
        }));
        self.store.append_audit(&entries).await?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resettle_domain::access::Role;
    use resettle_domain::case::Sex;
    use resettle_domain::support::SupportPlan;
    use resettle_storage::{LastActor, SponsorContact};
    use time::macros::date;

    fn family() -> FamilyRecord {
        let member = |no, name: &str, born, relationship, languages: &[&str]| FamilyMember {
            member_no: no,
            full_name: name.into(),
            date_of_birth: born,
            sex: Sex::Female,
            relationship,
            languages: languages.iter().map(|l| l.to_string()).collect(),
            education: None,
            occupation: None,
        };
        FamilyRecord {
            case_number: "BE-26-00001".into(),
            state: CaseState::IntegrationSupport,
            members: vec![
                member(
                    1,
                    "Amal",
                    date!(1985 - 12 - 01),
                    Relationship::PrincipalApplicant,
                    &["ar", "en"],
                ),
                member(
                    2,
                    "Sara",
                    date!(2015 - 03 - 03),
                    Relationship::Child,
                    &["ar"],
                ),
            ],
            arrived_on: Some(date!(2025 - 06 - 30)),
            departure_date: Some(date!(2025 - 06 - 30)),
            address: Some("Veldstraat 1, 9000 Gent".into()),
            municipality: Some("Gent".into()),
            reception_place: None,
            sponsor_group: Some(SponsorContact {
                name: "Welkom Gent".into(),
                contact: "An Peeters".into(),
            }),
            support: Some(SupportPlan {
                provider: "Caritas International".into(),
                provider_kind: resettle_domain::support::ProviderKind::Ngo,
                starts_on: date!(2025 - 08 - 01),
                months: 18,
            }),
            last_actor: Some(LastActor {
                actor: "reception-officer".into(),
                organisation: Some("Fedasil".into()),
            }),
            follow_ups_recorded: [12].into_iter().collect(),
        }
    }

    fn caller(role: Role) -> Caller {
        Caller {
            username: "u".into(),
            roles: vec![role],
            organisation: Some("Gent".into()),
            source: "test".into(),
        }
    }

    #[test]
    fn a_sponsor_sees_ages_and_the_address_but_no_birth_dates_or_care_needs() {
        let needs = vec![MemberNeeds {
            member_no: 2,
            needs: vec![resettle_domain::case::CareNeed::WheelchairAccess],
            consent_to_share: true,
        }];
        let v = view(
            &caller(Role::Sponsor),
            family(),
            needs.clone(),
            date!(2026 - 11 - 23),
        );
        assert_eq!(v.members[1].age, Some(11));
        assert_eq!(v.address.as_deref(), Some("Veldstraat 1, 9000 Gent"));
        assert!(v.care_needs.is_empty());
        assert_eq!(v.languages, Some(vec!["ar".to_string(), "en".to_string()]));
        let json = serde_json::to_string(&v).unwrap();
        assert!(!json.contains("date_of_birth") && !json.contains("2015-03-03"));
        let municipality = view(
            &caller(Role::Municipality),
            family(),
            needs,
            date!(2026 - 11 - 23),
        );
        assert_eq!(municipality.care_needs.len(), 1);
        assert!(
            municipality.sponsor_group.is_none(),
            "the matrix shows a municipality no sponsor group"
        );
    }

    #[test]
    fn follow_ups_fall_due_after_arrival_and_an_unrecorded_past_one_is_overdue() {
        let v = view(
            &caller(Role::Municipality),
            family(),
            Vec::new(),
            date!(2026 - 11 - 23),
        );
        let due: Vec<(u32, Date, bool, bool)> = v
            .follow_ups
            .iter()
            .map(|f| (f.months, f.due, f.recorded, f.overdue))
            .collect();
        assert_eq!(
            due,
            [
                (12, date!(2026 - 06 - 30), true, false),
                (18, date!(2026 - 12 - 30), false, false)
            ]
        );
        let late = view(
            &caller(Role::Municipality),
            family(),
            Vec::new(),
            date!(2027 - 01 - 04),
        );
        assert!(late.follow_ups[1].overdue);
        assert_eq!(
            late.support.unwrap().ends_on,
            date!(2027 - 02 - 01),
            "18 months of support from 1 August 2025"
        );
    }
}
