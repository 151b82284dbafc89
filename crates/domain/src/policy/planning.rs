//! The quota: how many persons for which period, split over the channels.
use serde::Serialize;

use super::channels::ChannelRule;
use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use crate::case::Channel;
use crate::quota::{AllocationRules, EmergencyPlaces, MissionCapacity, SponsorshipPlaces};
use crate::word_enum;

/// How the quota is set. The NGOs ask for multi-year commitments; Belgium still sets it
/// year by year, the Netherlands for a policy period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanningKind {
    /// Decided each year.
    Yearly,
    /// Decided for a period of several years.
    MultiYear,
}
word_enum!(PlanningKind, "kind", { Yearly => "yearly", MultiYear => "multi_year" });

/// The quota for the profile's period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planning {
    /// Yearly or multi-year.
    pub kind: PlanningKind,
    /// Who decides the quota (the cabinet; the State Secretary with Fedasil and CGVS).
    pub decided_by: String,
    /// The first year the quota covers.
    pub first_year: Option<i32>,
    /// The last year it covers (the same as `first_year` for a yearly quota).
    pub last_year: Option<i32>,
    /// Persons per year (the average, for a multi-year quota).
    pub per_year: Option<u32>,
    /// Persons over the whole period.
    pub total: Option<u32>,
    /// Persons per year by channel (the Netherlands: ~400 by mission, ~100 by dossier).
    pub per_channel: Vec<ChannelQuota>,
    /// How a year's quota is split over situations and channels (`[planning.allocation]`).
    pub allocation: AllocationRules,
}

/// Persons per year through one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChannelQuota {
    /// The channel.
    pub channel: Channel,
    /// Persons per year.
    pub per_year: u32,
}

impl Planning {
    /// Reads `[planning]`; the figures must agree with each other and with the channels.
    pub(super) fn read(
        raw: &raw::Planning,
        rules: &[ChannelRule],
        cx: &Cx,
    ) -> Result<Self, PolicyError> {
        let kind = cx.word(
            &raw.kind,
            "planning.kind",
            "planning kind",
            PlanningKind::ALL,
        )?;
        let year = |v: &Option<raw::Int>, key: &str| {
            v.as_ref()
                .map(|y| cx.count(y, key, 1900, 2200).map(|y| y as i32))
                .transpose()
        };
        let first_year = year(&raw.first_year, "planning.first_year")?;
        let last_year = year(&raw.last_year, "planning.last_year")?;
        let persons = |v: &Option<raw::Int>, key: &str| {
            v.as_ref()
                .map(|n| cx.count(n, key, 0, u32::MAX))
                .transpose()
        };
        let per_year = persons(&raw.per_year, "planning.per_year")?;
        let total = persons(&raw.total, "planning.total")?;

        let years = match (first_year, last_year, &raw.last_year) {
            (Some(f), Some(l), Some(w)) => {
                if l < f {
                    return Err(cx.at(
                        w,
                        "planning.last_year",
                        format!("{l} is before first_year {f}"),
                    ));
                }
                if kind == PlanningKind::Yearly && l != f {
                    return Err(cx.at(
                        w,
                        "planning.last_year",
                        "a yearly quota covers one year: make it equal to first_year".into(),
                    ));
                }
                if kind == PlanningKind::MultiYear && l == f {
                    return Err(cx.at(
                        w,
                        "planning.last_year",
                        "a multi_year quota covers more than one year".into(),
                    ));
                }
                Some(u32::try_from(l - f + 1).unwrap_or(1))
            }
            (None, None, _) if kind == PlanningKind::MultiYear => {
                return Err(PolicyError::key(
                    "planning",
                    "a multi_year quota needs first_year and last_year".into(),
                ));
            }
            (None, None, _) => None,
            _ => {
                return Err(PolicyError::key(
                    "planning",
                    "give both first_year and last_year, or neither".into(),
                ));
            }
        };
        if let (Some(per_year), Some(total), Some(years), Some(w)) =
            (per_year, total, years, &raw.total)
        {
            // per_year is the yearly average, so it may be rounded either way.
            let spread = i64::from(total) - i64::from(per_year) * i64::from(years);
            if spread.abs() >= i64::from(years) {
                return Err(cx.at(
                    w,
                    "planning.total",
                    format!("{total} over {years} years does not agree with per_year = {per_year}"),
                ));
            }
        }

        let mut per_channel = Vec::new();
        if let Some(pc) = &raw.per_channel {
            for (channel, n) in [
                (Channel::Mission, &pc.get_ref().mission),
                (Channel::Dossier, &pc.get_ref().dossier),
            ] {
                let Some(n) = n else { continue };
                let key = format!("planning.per_channel.{channel}");
                if !rules.iter().any(|r| r.channel == channel) {
                    return Err(cx.at(
                        n,
                        key,
                        format!("the programme has no {channel} channel (see [channels])"),
                    ));
                }
                per_channel.push(ChannelQuota {
                    channel,
                    per_year: cx.count(n, &key, 0, u32::MAX)?,
                });
            }
            let sum: u64 = per_channel.iter().map(|c| u64::from(c.per_year)).sum();
            if let Some(per_year) = per_year.filter(|&p| sum > u64::from(p)) {
                return Err(cx.at(
                    pc,
                    "planning.per_channel",
                    format!("adds up to {sum}, more than per_year = {per_year}"),
                ));
            }
        }
        let allocation = match &raw.allocation {
            Some(a) => read_allocation(a, rules, cx)?,
            None => AllocationRules::default(),
        };
        Ok(Planning {
            allocation,
            kind,
            decided_by: raw.decided_by.trim().to_string(),
            first_year,
            last_year,
            per_year,
            total,
            per_channel,
        })
    }
}

/// Reads `[planning.allocation]`: where emergency and sponsorship places lie, the floors and
/// caps per situation, and a mission's interview capacity (all three figures or none).
fn read_allocation(
    raw: &raw::Allocation,
    rules: &[ChannelRule],
    cx: &Cx,
) -> Result<AllocationRules, PolicyError> {
    let mut out = AllocationRules::default();
    if let Some(w) = &raw.emergency {
        out.emergency = match w.get_ref().as_str() {
            "on_top" => EmergencyPlaces::OnTop,
            "within_mission" => EmergencyPlaces::Within(Channel::Mission),
            "within_dossier" => EmergencyPlaces::Within(Channel::Dossier),
            other => {
                return Err(cx.at(
                    w,
                    "planning.allocation.emergency",
                    format!(
                        "unknown value {other:?}; expected one of: on_top, within_mission, within_dossier"
                    ),
                ));
            }
        };
        if let EmergencyPlaces::Within(channel) = out.emergency
            && !rules.iter().any(|r| r.channel == channel)
        {
            return Err(cx.at(
                w,
                "planning.allocation.emergency",
                format!("the programme has no {channel} channel (see [channels])"),
            ));
        }
    }
    if let Some(w) = &raw.sponsorship {
        out.sponsorship = cx.word(
            w,
            "planning.allocation.sponsorship",
            "sponsorship",
            SponsorshipPlaces::ALL,
        )?;
    }
    let mut percent = 0;
    for (situation, n) in raw.floor_percent.iter().flatten() {
        let key = format!("planning.allocation.floor_percent.{situation}");
        let p = cx.count(n, &key, 0, 100)?;
        percent += p;
        if percent > 100 {
            return Err(cx.at(n, key, "the floors add up to more than 100 percent".into()));
        }
        out.floor_percent.insert(situation.clone(), p);
    }
    for (situation, n) in raw.cap.iter().flatten() {
        let key = format!("planning.allocation.cap.{situation}");
        out.cap.insert(
            situation.clone(),
            u64::from(cx.count(n, &key, 0, u32::MAX)?),
        );
    }
    match (
        &raw.cases_per_mission_day,
        &raw.days_per_mission,
        &raw.persons_per_case,
    ) {
        (Some(c), Some(d), Some(p)) => {
            let persons_per_case = *p.get_ref();
            if !(1.0..=30.0).contains(&persons_per_case) {
                return Err(cx.at(
                    p,
                    "planning.allocation.persons_per_case",
                    format!("{persons_per_case} is not between 1 and 30"),
                ));
            }
            out.mission_capacity = Some(MissionCapacity {
                cases_per_day: cx.count(
                    c,
                    "planning.allocation.cases_per_mission_day",
                    1,
                    1_000,
                )?,
                days: cx.count(d, "planning.allocation.days_per_mission", 1, 365)?,
                persons_per_case,
            });
        }
        (None, None, None) => {}
        _ => {
            return Err(PolicyError::key(
                "planning.allocation",
                "give cases_per_mission_day, days_per_mission and persons_per_case together, or none"
                    .into(),
            ));
        }
    }
    Ok(out)
}
