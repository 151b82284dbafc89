//! A year's targets per situation and channel against what happened: submitted, accepted,
//! departed, arrived, the gap, and the slips behind it.
use resettle_domain::audit::AuditEntity;
use resettle_domain::quota::SponsorshipPlaces;
use resettle_domain::reference::resettlement_needs;
use serde::Serialize;

use crate::bounds::{CALENDAR_YEARS, within};
use crate::{App, AppError, Caller, Permission};

/// One situation and channel in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QuotaTrackLine {
    /// The situation the cases' nationality counts towards.
    pub situation: String,
    /// `mission`, `dossier` or `emergency` (an emergency-priority case counts here,
    /// whatever its channel).
    pub channel: String,
    /// Persons allocated.
    pub target: u64,
    /// Persons in cases UNHCR submitted that year.
    pub submitted: u64,
    /// Persons travelling in cases accepted that year.
    pub accepted: u64,
    /// Persons travelling in cases whose departure was set that year.
    pub departed: u64,
    /// Persons who arrived that year.
    pub arrived: u64,
    /// Target less arrived (negative when more arrived than planned).
    pub gap: i64,
}

/// Slipped promises behind a gap, by reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QuotaDelay {
    /// The situation.
    pub situation: String,
    /// The channel.
    pub channel: String,
    /// The slip's reason code (the profile's list).
    pub reason: String,
    /// Cases whose promise slipped for it that year.
    pub cases: u64,
    /// Persons in those cases.
    pub persons: u64,
}

/// A year of a programme's quota, tracked to arrival.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuotaTrack {
    /// The programme.
    pub programme: String,
    /// The year.
    pub year: i32,
    /// Where the year's target comes from, in words.
    pub target_from: String,
    /// Whether the target is a quota decision's (else the year's pledge).
    pub from_decision: bool,
    /// Whether sponsored cases were left out (sponsorship on top of the quota).
    pub sponsored_left_out: bool,
    /// One line per situation and channel.
    pub lines: Vec<QuotaTrackLine>,
    /// The slips of the year, by situation, channel and reason, most persons first.
    pub delays: Vec<QuotaDelay>,
}

impl App {
    /// A year of a programme's quota tracked to arrival; the planner's.
    pub async fn quota_track(
        &self,
        caller: &Caller,
        programme: &str,
        year: i32,
    ) -> Result<QuotaTrack, AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::Quota,
            programme,
        )
        .await?;
        self.quota_against_arrivals(programme, year).await
    }

    /// A year's allocation against what arrived, per situation and channel, for the
    /// annual report to print. No permission check: the caller checks (the figures are
    /// aggregates, no case is named).
    pub async fn quota_against_arrivals(
        &self,
        programme: &str,
        year: i32,
    ) -> Result<QuotaTrack, AppError> {
        within("year", year, &CALENDAR_YEARS)?;
        let allocation = self.allocation(programme, year, year, None).await?;
        let policy = self.programme_policy(programme).await?;
        let without_sponsored = policy
            .planning()
            .is_some_and(|p| p.allocation.sponsorship == SponsorshipPlaces::OnTop);
        let plan = allocation.years.into_iter().next().expect("one year asked");
        let needs = resettlement_needs();
        let situation_of = |nationality: &str| {
            needs
                .situation_of(year, nationality)
                .unwrap_or("other")
                .to_string()
        };
        let mut lines: Vec<QuotaTrackLine> = plan
            .lines
            .iter()
            .map(|l| QuotaTrackLine {
                situation: l.situation.clone(),
                channel: l.channel.clone(),
                target: l.persons,
                submitted: 0,
                accepted: 0,
                departed: 0,
                arrived: 0,
                gap: 0,
            })
            .collect();
        fn line<'a>(
            lines: &'a mut Vec<QuotaTrackLine>,
            situation: String,
            channel: &str,
        ) -> &'a mut QuotaTrackLine {
            let at = match lines
                .iter()
                .position(|l| l.situation == situation && l.channel == channel)
            {
                Some(at) => at,
                None => {
                    lines.push(QuotaTrackLine {
                        situation,
                        channel: channel.to_string(),
                        target: 0,
                        submitted: 0,
                        accepted: 0,
                        departed: 0,
                        arrived: 0,
                        gap: 0,
                    });
                    lines.len() - 1
                }
            };
            &mut lines[at]
        }
        for c in self
            .store
            .quota_track_counts(programme, year, without_sponsored)
            .await?
        {
            let l = line(&mut lines, situation_of(&c.nationality), &c.channel);
            let n = c.persons.max(0) as u64;
            match c.measure {
                "submitted" => l.submitted += n,
                "accepted" => l.accepted += n,
                "departed" => l.departed += n,
                _ => l.arrived += n,
            }
        }
        for l in &mut lines {
            l.gap = l.target as i64 - l.arrived as i64;
        }
        // Situations in the needs table's order, channels in the plan's (mission, dossier,
        // emergency), whether a line was planned or only counted.
        let order = |l: &QuotaTrackLine| {
            let situation = plan
                .lines
                .iter()
                .position(|p| p.situation == l.situation)
                .unwrap_or(usize::MAX);
            let channel = ["mission", "dossier", "emergency"]
                .iter()
                .position(|c| *c == l.channel)
                .unwrap_or(usize::MAX);
            (situation, channel)
        };
        lines.sort_by_key(order);
        let mut delays: Vec<QuotaDelay> = Vec::new();
        for s in self
            .store
            .quota_slips(programme, year, without_sponsored)
            .await?
        {
            let situation = situation_of(&s.nationality);
            match delays.iter_mut().find(|d| {
                d.situation == situation && d.channel == s.channel && d.reason == s.reason
            }) {
                Some(d) => {
                    d.cases += s.cases.max(0) as u64;
                    d.persons += s.persons.max(0) as u64;
                }
                None => delays.push(QuotaDelay {
                    situation,
                    channel: s.channel,
                    reason: s.reason,
                    cases: s.cases.max(0) as u64,
                    persons: s.persons.max(0) as u64,
                }),
            }
        }
        delays.sort_by(|a, b| {
            b.persons.cmp(&a.persons).then_with(|| {
                (&a.situation, &a.channel, &a.reason).cmp(&(&b.situation, &b.channel, &b.reason))
            })
        });
        Ok(QuotaTrack {
            programme: programme.to_string(),
            year,
            target_from: plan.target_from,
            from_decision: plan.from_decision,
            sponsored_left_out: without_sponsored,
            lines,
            delays,
        })
    }
}
