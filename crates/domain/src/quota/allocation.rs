//! A year's quota split over refugee situations and selection channels.
//!
//! The method (docs/decisions/0022-quota-allocation.md): the year's places (its target,
//! plus emergency places where the profile puts them on top) go to situations in
//! proportion to UNHCR's projected needs, each held between its floor (a percentage of the
//! year's places, e.g. the African situations') and its cap (persons a year, where missions
//! cannot go); then each channel's places (mission, dossier, emergency) are spread over the
//! situations in proportion to what each situation has left. Whole persons come by the
//! largest remainder, so every sum is exact.
use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::Serialize;
use thiserror::Error;

use super::needs::SituationNeed;
use crate::case::Channel;
use crate::word_enum;

/// Why an allocation was refused; every variant names the value at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AllocationError {
    /// A row of the needs table that cannot be read.
    #[error("resettlement needs, line {line}: {reason}")]
    Needs {
        /// The line (1-based; 0 for the table as a whole).
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// No needs figures at or before the year.
    #[error("year {year}: the needs table has no figures for it or any earlier year")]
    NoNeeds {
        /// The year asked for.
        year: i32,
    },
    /// The floors, caps and places do not fit together.
    #[error("{0}")]
    Infeasible(String),
}

/// The channels places are planned in: the case channels, and emergency places apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanChannel {
    /// Selected on a mission in the country of asylum.
    Mission,
    /// Decided on UNHCR's dossier.
    Dossier,
    /// Emergency places: UNHCR's emergency-priority submissions.
    Emergency,
}
word_enum!(PlanChannel, "channel", { Mission => "mission", Dossier => "dossier", Emergency => "emergency" });

impl From<Channel> for PlanChannel {
    fn from(c: Channel) -> Self {
        match c {
            Channel::Mission => PlanChannel::Mission,
            Channel::Dossier => PlanChannel::Dossier,
        }
    }
}

/// Where emergency places lie: on top of the quota (the Belgian NGOs' recommendation 4) or
/// inside one channel's places (the Netherlands: within the ~100 dossier places).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmergencyPlaces {
    /// Added to the year's target.
    OnTop,
    /// Taken from this channel's places.
    Within(Channel),
}

/// Whether community sponsorship places count in the quota or, as the Belgian NGOs ask
/// (report §3.1, box), come on top of it (and so are not tracked against it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SponsorshipPlaces {
    /// Sponsored cases fill quota places.
    Inside,
    /// Sponsored cases come on top of the quota.
    OnTop,
}
word_enum!(SponsorshipPlaces, "sponsorship", { Inside => "inside", OnTop => "on_top" });

/// How a selection mission's interviews turn into persons.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MissionCapacity {
    /// Cases one mission interviews a day.
    pub cases_per_day: u32,
    /// Interview days of a mission.
    pub days: u32,
    /// Average persons per case (family size).
    pub persons_per_case: f64,
}

impl MissionCapacity {
    /// Persons one mission can select.
    pub fn persons_per_mission(&self) -> f64 {
        f64::from(self.cases_per_day) * f64::from(self.days) * self.persons_per_case
    }
}

/// The profile's allocation settings (`[planning.allocation]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationRules {
    /// Where emergency places lie.
    pub emergency: EmergencyPlaces,
    /// Whether sponsorship places count in the quota.
    pub sponsorship: SponsorshipPlaces,
    /// The least share of a year's places (whole percent) per situation.
    pub floor_percent: BTreeMap<String, u32>,
    /// The most persons a year per situation.
    pub cap: BTreeMap<String, u64>,
    /// The interview capacity of a mission, when the profile states one.
    pub mission_capacity: Option<MissionCapacity>,
}

impl Default for AllocationRules {
    fn default() -> Self {
        AllocationRules {
            emergency: EmergencyPlaces::OnTop,
            sponsorship: SponsorshipPlaces::Inside,
            floor_percent: BTreeMap::new(),
            cap: BTreeMap::new(),
            mission_capacity: None,
        }
    }
}

/// One cell of an allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationLine {
    /// The year.
    pub year: i32,
    /// The situation.
    pub situation: String,
    /// The channel.
    pub channel: PlanChannel,
    /// Persons.
    pub persons: u64,
}

/// A year's allocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearAllocation {
    /// The year.
    pub year: i32,
    /// The year whose needs figures were used (the latest at or before `year`).
    pub needs_year: i32,
    /// The plan's target for the year.
    pub target: u64,
    /// Emergency places asked for.
    pub emergency: u64,
    /// Places allocated: the target, plus the emergency places when they lie on top.
    pub places: u64,
    /// One line per situation and channel, situations in the needs table's order.
    pub lines: Vec<AllocationLine>,
}

/// What one year's allocation needs.
#[derive(Debug, Clone)]
pub struct YearInput<'a> {
    /// The year.
    pub year: i32,
    /// The plan's target for the year.
    pub target: u64,
    /// Emergency places for the year.
    pub emergency: u64,
    /// The needs rows standing for the year and the year they are from.
    pub needs: (i32, Vec<&'a SituationNeed>),
    /// Persons a year per case channel (the profile's `[planning.per_channel]`), used as
    /// proportions; empty puts every place in `default_channel`.
    pub per_channel: &'a [(Channel, u32)],
    /// The channel places go to when the profile gives no split.
    pub default_channel: Channel,
    /// The profile's settings.
    pub rules: &'a AllocationRules,
}

/// Splits one year's places over situations and channels (see the module's doc).
pub fn allocate_year(input: &YearInput) -> Result<YearAllocation, AllocationError> {
    let YearInput {
        year,
        target,
        emergency,
        needs: (needs_year, rows),
        per_channel,
        default_channel,
        rules,
    } = input;
    let places = match rules.emergency {
        EmergencyPlaces::OnTop => target + emergency,
        EmergencyPlaces::Within(_) => *target,
    };
    for name in rules.floor_percent.keys().chain(rules.cap.keys()) {
        if !rows.iter().any(|r| &r.situation == name) {
            return Err(AllocationError::Infeasible(format!(
                "situation {name}: the profile bounds it, but the needs for {needs_year} do not name it"
            )));
        }
    }
    let weights: Vec<u64> = rows.iter().map(|r| r.persons).collect();
    let lower: Vec<u64> = rows
        .iter()
        .map(|r| {
            let pct = u64::from(rules.floor_percent.get(&r.situation).copied().unwrap_or(0));
            (places * pct).div_ceil(100)
        })
        .collect();
    let upper: Vec<Option<u64>> = rows
        .iter()
        .map(|r| rules.cap.get(&r.situation).copied())
        .collect();
    let by_situation = apportion_bounded(places, &weights, &lower, &upper)?;

    let channels = channel_places(*target, *emergency, per_channel, *default_channel, rules)?;
    let mut left = by_situation;
    let mut cells: Vec<[u64; 3]> = vec![[0; 3]; rows.len()];
    for (k, (channel, persons)) in channels.iter().enumerate() {
        let share = if k + 1 == channels.len() {
            left.clone()
        } else {
            let cap: Vec<Option<u64>> = left.iter().map(|&l| Some(l)).collect();
            apportion_bounded(*persons, &left, &vec![0; left.len()], &cap)?
        };
        for (i, n) in share.into_iter().enumerate() {
            cells[i][*channel as usize] = n;
            left[i] -= n;
        }
    }
    let mut lines = Vec::new();
    for (row, cell) in rows.iter().zip(cells) {
        for channel in PlanChannel::ALL {
            if channels.iter().any(|(c, _)| c == channel) {
                lines.push(AllocationLine {
                    year: *year,
                    situation: row.situation.clone(),
                    channel: *channel,
                    persons: cell[*channel as usize],
                });
            }
        }
    }
    Ok(YearAllocation {
        year: *year,
        needs_year: *needs_year,
        target: *target,
        emergency: *emergency,
        places,
        lines,
    })
}

/// The year's places per channel: the target split in proportion to the profile's
/// per-channel figures, emergency places added on top or taken from their channel.
fn channel_places(
    target: u64,
    emergency: u64,
    per_channel: &[(Channel, u32)],
    default_channel: Channel,
    rules: &AllocationRules,
) -> Result<Vec<(PlanChannel, u64)>, AllocationError> {
    let split: Vec<(Channel, u32)> = if per_channel.iter().any(|(_, n)| *n > 0) {
        per_channel.to_vec()
    } else {
        vec![(default_channel, 1)]
    };
    let weights: Vec<u64> = split.iter().map(|(_, n)| u64::from(*n)).collect();
    let parts = apportion_bounded(
        target,
        &weights,
        &vec![0; split.len()],
        &vec![None; split.len()],
    )?;
    let mut out: Vec<(PlanChannel, u64)> = split
        .iter()
        .zip(parts)
        .map(|((c, _), n)| (PlanChannel::from(*c), n))
        .collect();
    if let EmergencyPlaces::Within(channel) = rules.emergency {
        let within = PlanChannel::from(channel);
        let Some(slot) = out.iter_mut().find(|(c, _)| *c == within) else {
            return Err(AllocationError::Infeasible(format!(
                "emergency places lie within the {channel} channel, which has no places in the plan"
            )));
        };
        if emergency > slot.1 {
            return Err(AllocationError::Infeasible(format!(
                "emergency: {emergency} places do not fit in the {} {channel} places they lie within",
                slot.1
            )));
        }
        slot.1 -= emergency;
    }
    if emergency > 0 || matches!(rules.emergency, EmergencyPlaces::Within(_)) {
        out.push((PlanChannel::Emergency, emergency));
    }
    Ok(out)
}

/// Splits `total` over parts in proportion to `weights`, each part held in
/// `[lower, upper]` (`None` = no cap), whole persons by the largest remainder (ties to the
/// first part). The exact shares are `clamp(λ·w, lower, upper)` for the one λ that makes
/// them sum to `total`; every whole part is the floor or the ceiling of its exact share,
/// and the parts sum to `total`. Parts of weight 0 get their floor. Refused when the
/// floors exceed the total or the caps (and floors of weightless parts) cannot reach it.
pub fn apportion_bounded(
    total: u64,
    weights: &[u64],
    lower: &[u64],
    upper: &[Option<u64>],
) -> Result<Vec<u64>, AllocationError> {
    let n = weights.len();
    assert!(lower.len() == n && upper.len() == n, "one bound per part");
    if let Some(i) = (0..n).find(|&i| upper[i].is_some_and(|u| u < lower[i])) {
        return Err(AllocationError::Infeasible(format!(
            "part {}: its floor {} is above its cap {}",
            i + 1,
            lower[i],
            upper[i].unwrap_or(0)
        )));
    }
    let floors: u64 = lower.iter().sum();
    if floors > total {
        return Err(AllocationError::Infeasible(format!(
            "the floors add up to {floors} persons, more than the {total} places"
        )));
    }
    let reach: Option<u64> = (0..n)
        .map(|i| {
            if weights[i] == 0 {
                Some(lower[i])
            } else {
                upper[i]
            }
        })
        .sum();
    if let Some(reach) = reach.filter(|&r| r < total) {
        return Err(AllocationError::Infeasible(format!(
            "the caps hold only {reach} persons, fewer than the {total} places"
        )));
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    let t = total as f64;
    let share = |lambda: f64, i: usize| -> f64 {
        let x = (lambda * weights[i] as f64).max(lower[i] as f64);
        upper[i].map_or(x, |u| x.min(u as f64))
    };
    let sum = |lambda: f64| (0..n).map(|i| share(lambda, i)).sum::<f64>();
    // Bisection on λ: the sum is continuous and non-decreasing in it.
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    while sum(hi) < t && hi < 1e300 {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if sum(mid) < t {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let exact: Vec<f64> = (0..n).map(|i| share(hi, i)).collect();
    let mut whole: Vec<u64> = (0..n)
        .map(|i| {
            let x = (exact[i].floor() as u64).max(lower[i]);
            upper[i].map_or(x, |u| x.min(u))
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.partial_cmp(&ra)
            .unwrap_or(Ordering::Equal)
            .then(a.cmp(&b))
    });
    let given: u64 = whole.iter().sum();
    if given < total {
        let mut left = total - given;
        // One more each to the largest remainders; round again only if float error left
        // more persons than parts with room.
        while left > 0 {
            let before = left;
            for &i in &order {
                if left == 0 {
                    break;
                }
                if upper[i].is_none_or(|u| whole[i] < u) && (weights[i] > 0 || whole[i] < lower[i])
                {
                    whole[i] += 1;
                    left -= 1;
                }
            }
            assert!(
                left < before,
                "the reach check leaves room for every person"
            );
        }
    } else {
        let mut excess = given - total;
        while excess > 0 {
            for &i in order.iter().rev() {
                if excess > 0 && whole[i] > lower[i] {
                    whole[i] -= 1;
                    excess -= 1;
                }
            }
        }
    }
    Ok(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(situation: &str, persons: u64) -> SituationNeed {
        SituationNeed {
            year: 2021,
            situation: situation.into(),
            nationalities: vec![],
            hosts: vec![],
            persons,
            source: "test".into(),
        }
    }

    fn report_needs() -> Vec<SituationNeed> {
        vec![
            need("africa", 617_000),
            need("syria", 592_000),
            need("other", 236_383),
        ]
    }

    #[test]
    fn the_belgian_growth_path_with_emergency_on_top_and_the_african_floor() {
        let needs = report_needs();
        let rules = AllocationRules {
            floor_percent: [("africa".to_string(), 50)].into(),
            ..AllocationRules::default()
        };
        let mut all = 0;
        for (year, target) in [(2022, 2_000), (2023, 3_000), (2024, 3_821)] {
            let a = allocate_year(&YearInput {
                year,
                target,
                emergency: 100,
                needs: (2021, needs.iter().collect()),
                per_channel: &[],
                default_channel: Channel::Mission,
                rules: &rules,
            })
            .unwrap();
            let sum: u64 = a.lines.iter().map(|l| l.persons).sum();
            assert_eq!(sum, target + 100);
            let africa: u64 = a
                .lines
                .iter()
                .filter(|l| l.situation == "africa")
                .map(|l| l.persons)
                .sum();
            assert!(africa * 2 >= target + 100, "{africa} of {}", target + 100);
            let emergency: u64 = a
                .lines
                .iter()
                .filter(|l| l.channel == PlanChannel::Emergency)
                .map(|l| l.persons)
                .sum();
            assert_eq!(emergency, 100);
            all += target;
        }
        assert_eq!(all, 8_821);
    }

    #[test]
    fn dutch_emergency_places_lie_within_the_dossier_places() {
        let needs = report_needs();
        let rules = AllocationRules {
            emergency: EmergencyPlaces::Within(Channel::Dossier),
            ..AllocationRules::default()
        };
        let a = allocate_year(&YearInput {
            year: 2013,
            target: 500,
            emergency: 30,
            needs: (2021, needs.iter().collect()),
            per_channel: &[(Channel::Mission, 400), (Channel::Dossier, 100)],
            default_channel: Channel::Mission,
            rules: &rules,
        })
        .unwrap();
        let by = |c: PlanChannel| -> u64 {
            a.lines
                .iter()
                .filter(|l| l.channel == c)
                .map(|l| l.persons)
                .sum()
        };
        assert_eq!(
            (
                by(PlanChannel::Mission),
                by(PlanChannel::Dossier),
                by(PlanChannel::Emergency)
            ),
            (400, 70, 30)
        );
        assert_eq!(a.places, 500);
    }

    #[test]
    fn emergency_places_beyond_their_channel_are_refused() {
        let needs = report_needs();
        let rules = AllocationRules {
            emergency: EmergencyPlaces::Within(Channel::Dossier),
            ..AllocationRules::default()
        };
        let e = allocate_year(&YearInput {
            year: 2013,
            target: 500,
            emergency: 101,
            needs: (2021, needs.iter().collect()),
            per_channel: &[(Channel::Mission, 400), (Channel::Dossier, 100)],
            default_channel: Channel::Mission,
            rules: &rules,
        })
        .unwrap_err();
        assert!(e.to_string().contains("emergency: 101"), "{e}");
    }

    #[test]
    fn bounds_that_cannot_hold_are_refused_naming_the_figures() {
        let e = apportion_bounded(10, &[1, 1], &[6, 6], &[None, None]).unwrap_err();
        assert!(e.to_string().contains("12"), "{e}");
        let e = apportion_bounded(10, &[1, 1], &[0, 0], &[Some(3), Some(3)]).unwrap_err();
        assert!(e.to_string().contains("only 6"), "{e}");
    }
}
