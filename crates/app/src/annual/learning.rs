//! What the report adds from after arrival and from the plan: the quota's targets per
//! refugee situation and channel against the persons who arrived (issue 24). (The cohort
//! figures are the dashboard's, [`App::cohort_figures`], printed as they are.)
use serde::Serialize;

use super::counting::Rules;
use crate::{App, AppError};

/// The year's quota against arrivals, as the report prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaAgainstArrivals {
    /// The year's target is a quota decision's (otherwise the year's pledge).
    pub from_decision: bool,
    /// Where the target comes from, in English, as the quota page states it.
    pub target_from: String,
    /// Whether sponsored families were left out (sponsorship on top of the quota).
    pub sponsored_left_out: bool,
    /// One line per situation and channel, in the plan's order.
    pub lines: Vec<QuotaLine>,
}

/// One situation and channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaLine {
    /// The refugee situation (`africa`, `syria`, `other`).
    pub situation: String,
    /// `mission`, `dossier` or `emergency`.
    pub channel: String,
    /// Persons the plan allocated: a plan's figure, published as it is.
    pub target: u64,
    /// Persons who arrived; withheld (and rounded) as every count of people is.
    pub arrived: Option<u64>,
    /// Target less arrived; `None` where the arrivals are withheld.
    pub gap: Option<i64>,
}

impl App {
    /// The year's quota against arrivals with the report's rules for counts of people;
    /// `None` when the programme sets no target for the year. A storage fault is a fault.
    pub(super) async fn quota_of(
        &self,
        programme: &str,
        year: i32,
        rules: &Rules,
    ) -> Result<Option<QuotaAgainstArrivals>, AppError> {
        let track = match self.quota_against_arrivals(programme, year).await {
            Ok(track) => track,
            Err(e @ AppError::Storage(_)) => return Err(e),
            Err(_) => return Ok(None),
        };
        let lines = track
            .lines
            .into_iter()
            .map(|l| {
                let arrived = rules.count(l.arrived);
                QuotaLine {
                    gap: arrived.map(|a| l.target as i64 - a as i64),
                    situation: l.situation,
                    channel: l.channel,
                    target: l.target,
                    arrived,
                }
            })
            .collect();
        Ok(Some(QuotaAgainstArrivals {
            from_decision: track.from_decision,
            target_from: track.target_from,
            sponsored_left_out: track.sponsored_left_out,
            lines,
        }))
    }
}
