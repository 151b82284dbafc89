//! A plan's years split over situations and channels, with the missions they imply.
use resettle_domain::audit::AuditEntity;
use resettle_domain::mission::MissionStatus;
use resettle_domain::quota::{
    AllocationError, AllocationRules, EmergencyPlaces, YearInput, allocate_year, implied_missions,
};
use resettle_domain::reference::resettlement_needs;
use resettle_domain::{Refusal, RefusalKind};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::bounds::{CALENDAR_YEARS, PERSONS, PLAN_YEARS, within};
use crate::{App, AppError, Caller, Permission};

/// One year's allocation.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuotaYearAllocation {
    /// The year.
    pub year: i32,
    /// The plan's target: the latest quota decision's persons for the year, else the
    /// year's pledge.
    pub target: u64,
    /// Where the target comes from, in words.
    pub target_from: String,
    /// Whether the target is a quota decision's (else the year's pledge).
    pub from_decision: bool,
    /// Emergency places.
    pub emergency: u64,
    /// Whether the emergency places come on top of the target (else they lie within a
    /// channel's places).
    pub emergency_on_top: bool,
    /// Places allocated: the target, plus emergency places on top.
    pub places: u64,
    /// The year whose needs figures were used (the latest at or before `year`).
    pub needs_year: i32,
    /// One line per situation and channel.
    pub lines: Vec<QuotaLine>,
    /// The missions the mission places imply, per country of asylum (empty when the
    /// profile states no interview capacity).
    pub missions: Vec<MissionLine>,
}

/// Persons for one situation through one channel in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QuotaLine {
    /// The year.
    pub year: i32,
    /// The situation (`africa`, `syria`, `other`).
    pub situation: String,
    /// `mission`, `dossier` or `emergency`.
    pub channel: String,
    /// Persons.
    pub persons: u64,
}

/// Missions implied in one country of asylum for one situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MissionLine {
    /// The year.
    pub year: i32,
    /// The situation.
    pub situation: String,
    /// The country of asylum; none when the needs data names none for the situation.
    pub country_of_asylum: Option<String>,
    /// Persons the mission channel plans to select there.
    pub persons: u64,
    /// Missions those persons take.
    pub missions: u64,
    /// Missions already planned or done there that year.
    pub planned: u64,
    /// Missions still to plan.
    pub to_plan: u64,
}

/// A plan's years split over situations and channels.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuotaAllocation {
    /// The programme.
    pub programme: String,
    /// Its policy profile, whose `[planning.allocation]` settings were applied.
    pub profile: String,
    /// Floors per situation, in percent of a year's places.
    pub floor_percent: BTreeMap<String, u32>,
    /// The needs figures used, with their sources (one row per situation and year).
    pub needs: Vec<NeedLine>,
    /// The years, in order.
    pub years: Vec<QuotaYearAllocation>,
}

/// A needs figure with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct NeedLine {
    /// The year the needs are projected for.
    pub year: i32,
    /// The situation.
    pub situation: String,
    /// Persons in need of resettlement.
    pub persons: u64,
    /// Where the figure comes from.
    pub source: String,
}

impl App {
    /// Splits a programme's plan for `from..=to` over situations and channels; the
    /// planner's. `emergency`, when given, sets every year's emergency places (else each
    /// year's quota decision does, else none).
    pub async fn quota_allocate(
        &self,
        caller: &Caller,
        programme: &str,
        from: i32,
        to: i32,
        emergency: Option<u32>,
    ) -> Result<QuotaAllocation, AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::Quota,
            programme,
        )
        .await?;
        self.allocation(programme, from, to, emergency).await
    }

    /// [`App::quota_allocate`] without the permission check, for callers that checked.
    pub(crate) async fn allocation(
        &self,
        programme: &str,
        from: i32,
        to: i32,
        emergency: Option<u32>,
    ) -> Result<QuotaAllocation, AppError> {
        within("from", from, &CALENDAR_YEARS)?;
        within("to", to, &CALENDAR_YEARS)?;
        // The last year is not before the first.
        within("to", to, &(from..=*CALENDAR_YEARS.end()))?;
        within("years", (to - from + 1) as u32, &PLAN_YEARS)?;
        if let Some(n) = emergency {
            within("emergency", u64::from(n), &PERSONS)?;
        }
        let policy = self.programme_policy(programme).await?;
        let profile_name = policy.name().to_string();
        let planning = policy.planning();
        let default_rules = AllocationRules::default();
        let rules = planning.map_or(&default_rules, |p| &p.allocation);
        let per_channel: Vec<_> = planning
            .map(|p| {
                p.per_channel
                    .iter()
                    .map(|c| (c.channel, c.per_year))
                    .collect()
            })
            .unwrap_or_default();
        let default_channel = policy
            .channels()
            .first()
            .map(|c| c.channel)
            .ok_or_else(|| AppError::Internal("the programme's profile has no channel".into()))?;
        let decisions = self.quota_decisions(programme).await?;
        let pledges = self.store.pledges(programme).await?;
        let missions = self.store.missions().await?;
        let needs = resettlement_needs();
        let mut years = Vec::new();
        let mut used_needs = Vec::new();
        for year in from..=to {
            let decided = decisions
                .iter()
                .find_map(|d| d.years.iter().find(|y| y.year == year).map(|y| (d, y)));
            let (target, decided_emergency, target_from) = match decided {
                Some((d, y)) => (
                    u64::from(y.persons),
                    u64::from(y.emergency),
                    format!("quota decision {} published {}", d.id, d.published_on),
                ),
                None => match pledges.iter().find(|p| p.year == year) {
                    Some(p) => (p.pledged.max(0) as u64, 0, format!("pledge: {}", p.source)),
                    None => {
                        return Err(Refusal::of("from", RefusalKind::NoTarget { year }).into());
                    }
                },
            };
            let emergency = emergency.map_or(decided_emergency, u64::from);
            let (needs_year, rows) = needs
                .for_year(year)
                .ok_or_else(|| Refusal::of("from", RefusalKind::NoNeeds { year }))?;
            let allocation = allocate_year(&YearInput {
                year,
                target,
                emergency,
                needs: (needs_year, rows.clone()),
                per_channel: &per_channel,
                default_channel,
                rules,
            })
            .map_err(|e| match e {
                AllocationError::NoNeeds { year } => {
                    Refusal::of("from", RefusalKind::NoNeeds { year }).into()
                }
                AllocationError::Needs { .. } => {
                    AppError::internal("the shipped resettlement needs", e)
                }
                // The profile's floors and caps, or the emergency places asked for, do not
                // fit the year's places: the arithmetic's words, with the figures.
                AllocationError::Infeasible(why) => Refusal::of(
                    "emergency",
                    RefusalKind::Figures {
                        detail: format!("year {year}: {why}"),
                    },
                )
                .into(),
            })?;
            for r in &rows {
                if !used_needs
                    .iter()
                    .any(|n: &NeedLine| n.year == r.year && n.situation == r.situation)
                {
                    used_needs.push(NeedLine {
                        year: r.year,
                        situation: r.situation.clone(),
                        persons: r.persons,
                        source: r.source.clone(),
                    });
                }
            }
            let mut planned: BTreeMap<String, u64> = BTreeMap::new();
            for m in missions.iter().filter(|m| {
                m.programme == programme
                    && m.mission.starts_on.year() == year
                    && m.mission.status != MissionStatus::Cancelled
            }) {
                *planned
                    .entry(m.mission.destination.as_str().to_string())
                    .or_default() += 1;
            }
            let implied = rules
                .mission_capacity
                .map(|c| implied_missions(&allocation, &rows, &c, &planned))
                .unwrap_or_default();
            years.push(QuotaYearAllocation {
                year,
                target,
                target_from,
                from_decision: decided.is_some(),
                emergency,
                emergency_on_top: rules.emergency == EmergencyPlaces::OnTop,
                places: allocation.places,
                needs_year: allocation.needs_year,
                lines: allocation
                    .lines
                    .into_iter()
                    .map(|l| QuotaLine {
                        year: l.year,
                        situation: l.situation,
                        channel: l.channel.as_str().to_string(),
                        persons: l.persons,
                    })
                    .collect(),
                missions: implied
                    .into_iter()
                    .map(|m| MissionLine {
                        year: m.year,
                        situation: m.situation,
                        country_of_asylum: m.country_of_asylum,
                        persons: m.persons,
                        missions: m.missions,
                        planned: m.planned,
                        to_plan: m.to_plan,
                    })
                    .collect(),
            });
        }
        Ok(QuotaAllocation {
            programme: programme.to_string(),
            profile: profile_name,
            floor_percent: rules.floor_percent.clone(),
            needs: used_needs,
            years,
        })
    }
}
