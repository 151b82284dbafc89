//! Selection missions (planned and done per year, for the report to Parliament) and
//! community sponsor groups.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::BTreeMap;

use resettle_domain::country::CountryCode;
use resettle_domain::mission::{MissionStatus, SelectionMission};
use resettle_domain::refusal::Anchor;
use resettle_domain::reunification::ReunificationStatus;
use resettle_domain::sponsor::SponsorGroup;
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::bounds::{SPONSOR_CAPACITY, SPONSOR_MEMBERS, within};
use crate::cases::promises::reunification_request;
use crate::cases::view::case_written;
use crate::{App, AppError, Caller, Permission};

/// A mission with what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MissionView {
    /// Programme code.
    pub programme: String,
    /// Short code, e.g. `BE-2026-LB-1`.
    pub code: String,
    /// Country of asylum visited.
    pub destination: String,
    /// First day.
    #[schema(value_type = String, format = Date)]
    pub starts_on: Date,
    /// Last day.
    #[schema(value_type = String, format = Date)]
    pub ends_on: Date,
    /// planned, completed or cancelled.
    pub status: MissionStatus,
    /// Team members as "name (agency)".
    pub team: Vec<String>,
    /// Cases assigned.
    pub cases: i64,
    /// Interviewed.
    pub interviewed: i64,
    /// Accepted in whole or in part.
    pub accepted: i64,
    /// Refused.
    pub refused: i64,
    /// Deferred.
    pub deferred: i64,
}

/// Missions of one year by status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MissionYear {
    /// Calendar year of the mission's start.
    pub year: i32,
    /// Still planned.
    pub planned: u32,
    /// Done.
    pub completed: u32,
    /// Called off.
    pub cancelled: u32,
}

/// Every mission and the count per year.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MissionList {
    /// Missions, latest first.
    pub missions: Vec<MissionView>,
    /// Planned, completed and cancelled missions per year.
    pub per_year: Vec<MissionYear>,
}

/// A mission to plan.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewMission {
    /// Programme code.
    pub programme: String,
    /// Unique code.
    pub code: String,
    /// Country of asylum to visit (ISO alpha-2).
    pub destination: String,
    /// First day.
    #[schema(value_type = String, format = Date)]
    pub starts_on: Date,
    /// Last day.
    #[schema(value_type = String, format = Date)]
    pub ends_on: Date,
    /// Team members as "name (agency)".
    #[serde(default)]
    pub team: Vec<String>,
}

/// A sponsor group to add.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewSponsorGroup {
    /// Programme code.
    pub programme: String,
    /// Name of the group.
    pub name: String,
    /// Municipality where the family will live.
    pub municipality: String,
    /// Contact person.
    pub contact: String,
    /// Members who signed the support agreement (1 to 1,000).
    pub members: u32,
    /// Persons the group can house (1 to 50).
    pub capacity_persons: u32,
}

/// A sponsor group with the cases it receives.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct SponsorGroupView {
    /// Programme code.
    pub programme: String,
    /// The group.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub group: SponsorGroup,
    /// Cases it receives.
    pub cases: i64,
}

impl App {
    /// Every mission with its outcome, and the count per year.
    pub async fn missions(&self) -> Result<MissionList, AppError> {
        let missions: Vec<MissionView> = self
            .store
            .missions()
            .await?
            .into_iter()
            .map(|r| MissionView {
                programme: r.programme,
                code: r.mission.code,
                destination: r.mission.destination.to_string(),
                starts_on: r.mission.starts_on,
                ends_on: r.mission.ends_on,
                status: r.mission.status,
                team: r.mission.team,
                cases: r.cases,
                interviewed: r.interviewed,
                accepted: r.accepted,
                refused: r.refused,
                deferred: r.deferred,
            })
            .collect();
        let mut years: BTreeMap<i32, MissionYear> = BTreeMap::new();
        for m in &missions {
            let y = years
                .entry(m.starts_on.year())
                .or_insert_with(|| MissionYear {
                    year: m.starts_on.year(),
                    ..MissionYear::default()
                });
            match m.status {
                MissionStatus::Planned => y.planned += 1,
                MissionStatus::Completed => y.completed += 1,
                MissionStatus::Cancelled => y.cancelled += 1,
            }
        }
        Ok(MissionList {
            missions,
            per_year: years.into_values().collect(),
        })
    }

    /// Plans a mission.
    pub async fn plan_mission(&self, caller: &Caller, m: &NewMission) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::ManageMissions,
            AuditEntity::Mission,
            &m.code,
        )
        .await?;
        if m.code.trim().is_empty() {
            return Err(Refusal::of("code", RefusalKind::Missing).into());
        }
        if m.ends_on < m.starts_on {
            return Err(Refusal::of(
                "ends_on",
                RefusalKind::Before {
                    day: m.ends_on,
                    anchor: Anchor::Starts,
                    other: m.starts_on,
                },
            )
            .into());
        }
        let mission = SelectionMission {
            code: m.code.trim().to_string(),
            destination: CountryCode::parse("destination", &m.destination)?,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            status: MissionStatus::Planned,
            team: m.team.clone(),
        };
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Mission,
            &mission.code,
            "",
            "planned",
        );
        self.store
            .add_mission(&m.programme, &mission, &[entry])
            .await?;
        Ok(())
    }

    /// Records that a mission was completed or cancelled.
    pub async fn set_mission_status(
        &self,
        caller: &Caller,
        code: &str,
        status: MissionStatus,
    ) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::ManageMissions,
            AuditEntity::Mission,
            code,
        )
        .await?;
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::Mission,
            code,
            "",
            status.as_str(),
        );
        self.store
            .set_mission_status(code, status, &[entry])
            .await?;
        Ok(())
    }

    /// Every sponsor group (its contact person is personal data: agency staff only).
    pub async fn sponsor_groups(&self, caller: &Caller) -> Result<Vec<SponsorGroupView>, AppError> {
        self.require(
            caller,
            Permission::ManageMissions,
            AuditEntity::SponsorGroup,
            "",
        )
        .await?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::SponsorGroup,
            "",
            "",
            "contacts listed",
        )
        .await?;
        Ok(self
            .store
            .sponsor_groups()
            .await?
            .into_iter()
            .map(|r| SponsorGroupView {
                programme: r.programme,
                group: r.group,
                cases: r.cases,
            })
            .collect())
    }

    /// Adds a sponsor group.
    pub async fn add_sponsor_group(
        &self,
        caller: &Caller,
        s: &NewSponsorGroup,
    ) -> Result<(), AppError> {
        self.require(
            caller,
            Permission::ManageMissions,
            AuditEntity::SponsorGroup,
            &s.name,
        )
        .await?;
        for (field, v) in [
            ("name", &s.name),
            ("municipality", &s.municipality),
            ("contact", &s.contact),
        ] {
            if v.trim().is_empty() {
                return Err(Refusal::of(field, RefusalKind::Missing).into());
            }
        }
        within("members", s.members, &SPONSOR_MEMBERS)?;
        within("capacity_persons", s.capacity_persons, &SPONSOR_CAPACITY)?;
        let group = SponsorGroup {
            name: s.name.trim().to_string(),
            municipality: s.municipality.trim().to_string(),
            contact: s.contact.trim().to_string(),
            members: s.members,
            capacity_persons: s.capacity_persons,
        };
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::SponsorGroup,
            &group.name,
            "",
            "added",
        );
        self.store
            .add_sponsor_group(&s.programme, &group, &[entry])
            .await?;
        Ok(())
    }

    /// Moves a case's reunification request (numbered from 1) to a new status, decided on
    /// `resolved_on` (default today) for the `reason` given; refused, changing nothing,
    /// when the status does not allow the move (approved never goes back to requested),
    /// a decision says nothing of why, or the day cannot be
    /// ([`resettle_domain::reunification::ReunificationRequest::moved`]).
    pub async fn set_reunification_status(
        &self,
        caller: &Caller,
        number: &str,
        request_no: u32,
        to: ReunificationStatus,
        resolved_on: Option<Date>,
        reason: Option<&str>,
    ) -> Result<serde_json::Value, AppError> {
        let stored = self
            .stored_case_for(
                caller,
                number,
                Permission::RecordPromises,
                AuditEntity::Case,
            )
            .await?;
        let request = reunification_request(&stored.file, number, request_no)?;
        let today = self.today();
        let moved = request.moved(
            to,
            resolved_on.unwrap_or(today),
            reason,
            &stored.file.case,
            today,
        )?;
        self.store
            .move_reunification(
                &stored.file.case.case_number,
                request_no,
                request.status,
                &moved,
                &[case_written(
                    caller,
                    number,
                    "",
                    &format!("reunification {request_no}: {} -> {to}", request.status),
                )],
            )
            .await?;
        self.case(caller, number).await
    }
}
