//! What a forecast answers, summarised over its runs: fan-chart bands per week, the
//! probability that each pledge is met, when places first run short, the buffer places that
//! make the pledges hold, and what each shock costs.
use serde::Serialize;

use crate::model::parallel::Runs;
use crate::model::run::columns;

/// The spread of a figure over the runs: its median and the central 50 %, 80 % and 95 %
/// bands (the fan chart's shades).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Band {
    /// 2.5th percentile.
    pub lo95: u32,
    /// 10th percentile.
    pub lo80: u32,
    /// 25th percentile.
    pub lo50: u32,
    /// Median.
    pub median: u32,
    /// 75th percentile.
    pub hi50: u32,
    /// 90th percentile.
    pub hi80: u32,
    /// 97.5th percentile.
    pub hi95: u32,
}

/// The shares of runs below each bound of a [`Band`], in order.
const QUANTILES: [f64; 7] = [0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975];

impl Band {
    /// The band of `values` (reordered in place): nearest-rank quantiles, the smallest value
    /// with at least that share of runs at or below it.
    pub(crate) fn of(values: &mut [u32]) -> Band {
        if values.is_empty() {
            return Band::default();
        }
        let n = values.len();
        let index: [usize; 7] = QUANTILES.map(|q| ((q * n as f64).ceil() as usize).clamp(1, n) - 1);
        let mut out = [0u32; 7];
        select(values, 0, &index, &mut out, 0);
        Band {
            lo95: out[0],
            lo80: out[1],
            lo50: out[2],
            median: out[3],
            hi50: out[4],
            hi80: out[5],
            hi95: out[6],
        }
    }
}

/// Finds the values of ascending ranks `ranks` (relative to the whole slice, `offset` being
/// where `values` starts) by selecting the middle one and recursing on each side: a few
/// passes over the runs instead of a full sort, for every week of every series. Equal ranks
/// (few runs) share the value.
fn select(values: &mut [u32], offset: usize, ranks: &[usize], out: &mut [u32], first: usize) {
    if ranks.is_empty() {
        return;
    }
    let rank = ranks[ranks.len() / 2];
    let below = ranks.partition_point(|&r| r < rank);
    let through = ranks.partition_point(|&r| r <= rank);
    let (left, value, right) = values.select_nth_unstable(rank - offset);
    out[first + below..first + through].fill(*value);
    select(left, offset, &ranks[..below], out, first);
    select(right, rank + 1, &ranks[through..], out, first + through);
}

/// A reception stage over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageForecast {
    /// The stage's name (`centre`, `loi`, …).
    pub name: String,
    /// Its places each week (with closures, without buffer places); none for a stage that
    /// never refuses.
    pub capacity: Option<Vec<u32>>,
    /// Persons in the stage at the end of each week.
    pub occupancy: Vec<Band>,
    /// Per week, the share of runs in which the places needed exceed the places: the
    /// stage's occupants and the families waiting to enter it do not fit.
    pub p_over_capacity: Vec<f64>,
    /// When the places first run short.
    pub runs_out: Option<RunsOut>,
}

/// The week places first run short, over the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RunsOut {
    /// The median week's first day; none when places never run short in half the runs.
    pub median: Option<String>,
    /// The 10th percentile week (the early end of the 80 % band).
    pub early: Option<String>,
    /// The 90th percentile week (the late end); none when in more than 10 % of runs the
    /// places never run short within the horizon.
    pub late: Option<String>,
    /// The share of runs in which places never run short.
    pub never: f64,
}

/// A pledge and the chance it is kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PledgeForecast {
    /// `2027` or `2018–2019`.
    pub label: String,
    /// First year.
    pub first_year: i32,
    /// Last year.
    pub last_year: i32,
    /// Persons pledged.
    pub persons: u32,
    /// Persons arriving within its years (those before the start included).
    pub arrivals: Band,
    /// The share of runs in which at least the pledged persons arrive.
    pub p_met: f64,
    /// The first simulated week within its years.
    pub first_week: usize,
    /// Persons arrived within its years by the end of each of its weeks from `first_week`.
    pub progress: Vec<Band>,
}

/// The smallest buffer that brings every pledge to the target probability.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BufferAdvice {
    /// The target probability for every pledge.
    pub target: f64,
    /// Whether the target is reached within `limit` places per stage.
    pub reached: bool,
    /// Buffer places in all (0: the network already holds).
    pub places: u32,
    /// Per stage that has places.
    pub per_stage: Vec<StageBuffer>,
    /// The lowest pledge probability with these places (when not reached: with the limit
    /// on the stage that could not reach the target).
    pub probability: f64,
    /// The largest buffer tried on a stage: as many places as persons pass through the
    /// pipeline.
    pub limit: u32,
    /// Every buffer tried, in the order tried.
    pub tried: Vec<BufferTry>,
    /// Whether, in each search, the probability never fell as places grew. It can fall:
    /// more places let families arrive in the year they are ready instead of spilling into
    /// the next, which can lower the next year's chance.
    pub monotone: bool,
    /// Whether, in each search, every buffer tried below the answer missed the target and
    /// every one at or above it reached it: what makes the answer the least.
    pub consistent: bool,
}

/// Buffer places for one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageBuffer {
    /// The stage.
    pub stage: String,
    /// Places added.
    pub places: u32,
}

/// One buffer tried by the search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BufferTry {
    /// The stage searched (the stages before it with their buffers, those after it with
    /// room to spare); none for the network as it is.
    pub stage: Option<String>,
    /// Places added to that stage.
    pub places: u32,
    /// The lowest pledge probability with them.
    pub probability: f64,
}

/// What a shock costs: the pledges with and without it, on the same draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShockEffect {
    /// The shock.
    pub shock: crate::Shock,
    /// The shock in words (`halt from 2018-10-01 for 7 months`).
    pub description: String,
    /// Whether the forecast applies it (a shock that happens) or not (a what-if).
    pub applied: bool,
    /// Per pledge, as in [`Forecast::pledges`].
    pub pledges: Vec<ShockOnPledge>,
}

/// A pledge with and without a shock.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShockOnPledge {
    /// The pledge's label.
    pub label: String,
    /// The probability it is met with the shock.
    pub p_met_with: f64,
    /// Without the shock.
    pub p_met_without: f64,
    /// Median persons arriving within its years with the shock.
    pub median_with: u32,
    /// Without the shock.
    pub median_without: u32,
}

/// A forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Forecast {
    /// The scenario's name.
    pub scenario: String,
    /// Its title.
    pub title: String,
    /// Runs simulated.
    pub runs: u32,
    /// The seed: the same seed and scenario give the same forecast.
    pub seed: u64,
    /// The first day of each simulated week.
    pub weeks: Vec<String>,
    /// Persons arriving each week.
    pub arrivals: Vec<Band>,
    /// Persons arrived since the first day, at the end of each week.
    pub arrived: Vec<Band>,
    /// Persons accepted and ready to travel but waiting for a place (or for a halt to
    /// end), at the end of each week.
    pub waiting: Vec<Band>,
    /// Each reception stage.
    pub stages: Vec<StageForecast>,
    /// When any stage's places first run short.
    pub runs_out: Option<RunsOut>,
    /// Each pledge.
    pub pledges: Vec<PledgeForecast>,
    /// The buffer that brings every pledge to the target probability (none without
    /// pledges or stages with places, or when not asked).
    pub buffer: Option<BufferAdvice>,
    /// Each shock and what-if of the scenario and what it costs.
    pub shocks: Vec<ShockEffect>,
}

/// The bands of column `c` of the series, week by week.
pub(crate) fn series_bands(runs: &Runs, c: usize, cumulative: bool) -> Vec<Band> {
    let cols = columns(runs.stages);
    let width = cols * runs.weeks;
    let mut values = vec![0u32; runs.runs];
    let mut sums = vec![0u32; runs.runs];
    (0..runs.weeks)
        .map(|w| {
            for r in 0..runs.runs {
                let v = runs.series[r * width + w * cols + c];
                sums[r] += v;
                values[r] = if cumulative { sums[r] } else { v };
            }
            Band::of(&mut values)
        })
        .collect()
}

/// Persons arrived in weeks `first..end` by the end of each of them, plus `before`.
pub(crate) fn progress_bands(runs: &Runs, first: usize, end: usize, before: u32) -> Vec<Band> {
    let cols = columns(runs.stages);
    let width = cols * runs.weeks;
    let mut sums = vec![before; runs.runs];
    (first..end)
        .map(|w| {
            for (r, sum) in sums.iter_mut().enumerate() {
                *sum += runs.series[r * width + w * cols];
            }
            Band::of(&mut sums.clone())
        })
        .collect()
}

/// The share of runs in which stage `k` is short, week by week.
pub(crate) fn short_share(runs: &Runs, k: usize) -> Vec<f64> {
    (0..runs.weeks)
        .map(|w| {
            let n = (0..runs.runs)
                .filter(|&r| runs.short[r * runs.weeks + w] & (1 << k) != 0)
                .count();
            n as f64 / runs.runs.max(1) as f64
        })
        .collect()
}

/// When the stages in `mask` first run short, over the runs.
pub(crate) fn runs_out(runs: &Runs, mask: u8, week_names: &[String]) -> RunsOut {
    let mut first: Vec<u32> = (0..runs.runs)
        .map(|r| {
            let row = &runs.short[r * runs.weeks..(r + 1) * runs.weeks];
            row.iter()
                .position(|&b| b & mask != 0)
                .map_or(u32::MAX, |w| w as u32)
        })
        .collect();
    let never = first.iter().filter(|&&w| w == u32::MAX).count() as f64 / runs.runs.max(1) as f64;
    let band = Band::of(&mut first);
    let name = |w: u32| week_names.get(w as usize).cloned();
    RunsOut {
        median: name(band.median),
        early: name(band.lo80),
        late: name(band.hi80),
        never,
    }
}

/// Persons arrived within pledge `p`'s years, run by run.
pub(crate) fn pledged(runs: &Runs, pledges: usize, p: usize) -> Vec<u32> {
    (0..runs.runs)
        .map(|r| runs.pledged[r * pledges + p])
        .collect()
}

/// The share of runs meeting pledge `p` of `persons`.
pub(crate) fn p_met(runs: &Runs, pledges: usize, p: usize, persons: u32) -> f64 {
    let met = (0..runs.runs)
        .filter(|&r| runs.pledged[r * pledges + p] >= persons)
        .count();
    met as f64 / runs.runs.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_nearest_rank_quantiles() {
        let mut v: Vec<u32> = (1..=1000).rev().collect();
        let b = Band::of(&mut v);
        assert_eq!(
            b,
            Band {
                lo95: 25,
                lo80: 100,
                lo50: 250,
                median: 500,
                hi50: 750,
                hi80: 900,
                hi95: 975
            }
        );
        assert_eq!(Band::of(&mut [7]).hi95, 7);
        assert_eq!(Band::of(&mut [3, 1]).lo95, 1);
        assert_eq!(Band::of(&mut [3, 1]).hi95, 3);
        assert_eq!(Band::of(&mut []), Band::default());
    }
}
