//! The quota: how many persons for which period, split over the channels.
use serde::Serialize;

use super::channels::ChannelRule;
use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use crate::case::Channel;
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
        Ok(Planning {
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
