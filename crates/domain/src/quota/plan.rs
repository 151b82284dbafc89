//! A multi-year national quota: global need → regional target → state total → yearly path.

use serde::{Deserialize, Serialize};

use super::apportion::check_share;
use super::projection::global_needs;
use super::{NeedsBasis, QuotaError, Rounding};

/// How the state total is spread over the plan years. A growth path lets reception capacity
/// be built up before the largest year (the Belgian report: 2,000 / 3,000 / 3,821).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PathShape {
    /// Fixed figures for the first years; the remaining years share what is left of the
    /// total evenly (with one remaining year, it takes the whole remainder).
    Given(Vec<u64>),
    /// Equal yearly figures; the persons that do not divide evenly go one each to the last
    /// years, so the path never decreases.
    Even,
    /// A ramp proportional to 1, 2, …, Y, apportioned by largest remainder (ties to the
    /// later year) so it sums exactly and never decreases.
    Linear,
}

/// A path shaped by a rule rather than given year by year: what a planner chooses when
/// they name no first years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ramp {
    /// Equal yearly figures ([`PathShape::Even`]).
    Even,
    /// A ramp proportional to 1, 2, …, Y ([`PathShape::Linear`]).
    Linear,
}
crate::word_enum!(Ramp, "ramp", { Even => "even", Linear => "linear" });

impl From<Ramp> for PathShape {
    fn from(ramp: Ramp) -> Self {
        match ramp {
            Ramp::Even => PathShape::Even,
            Ramp::Linear => PathShape::Linear,
        }
    }
}

/// Everything a plan is computed from; each field is a published, arguable choice, so all
/// of them are explicit (no defaults hidden in code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInput {
    /// UNHCR's projected global resettlement need for the plan's first year (2022: 1,473,156).
    pub first_year_needs: u64,
    /// Growth of the need per further year (the report: ~40,000); see `average_growth`.
    pub yearly_growth: f64,
    /// Plan length in years (the report: 3).
    pub years: u32,
    /// Which projected figure is the plan's global need (the report: `LastYear`).
    pub needs_basis: NeedsBasis,
    /// The region's part of the global need (the European Parliament, 2017: 20% for the EU).
    pub regional_share: f64,
    /// The state's share of the regional effort (the report: 2.84% for Belgium).
    pub state_share: f64,
    /// How regional target and state total become whole persons (the report: `Floor`).
    pub rounding: Rounding,
    /// The calendar year of the plan's first year (the report: 2022).
    pub start_year: i32,
    /// How the state total is spread over the years.
    pub path: PathShape,
}

/// A computed plan. Serialises as
/// `{"global_needs": …, "regional_target": …, "state_total": …, "path": [{"year": …, "persons": …}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    /// The plan's global need (persons).
    pub global_needs: u64,
    /// The region's target: rounding(global_needs × regional_share).
    pub regional_target: u64,
    /// The state's total over the plan: rounding(regional_target × state_share).
    pub state_total: u64,
    /// One entry per plan year, summing exactly to `state_total`.
    pub path: Vec<PlanYear>,
}

/// One year of a plan's growth path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanYear {
    /// Calendar year.
    pub year: i32,
    /// Persons to resettle that year.
    pub persons: u64,
}

/// Computes a plan. With the Belgian report's inputs (1,473,156; 40,000; 3 years; last-year
/// basis; 20%; 2.84%; floor; 2022; given 2,000 and 3,000) it gives 1,553,156 → 310,631 →
/// 8,821 → 2,000 / 3,000 / 3,821.
pub fn plan(input: &PlanInput) -> Result<Plan, QuotaError> {
    check_share("regional share", input.regional_share)?;
    check_share("state share", input.state_share)?;
    let global = global_needs(
        input.first_year_needs,
        input.yearly_growth,
        input.years,
        input.needs_basis,
    )?;
    let regional_target = input.rounding.apply(global as f64 * input.regional_share);
    let state_total = input
        .rounding
        .apply(regional_target as f64 * input.state_share);
    let path = growth_path(state_total, input.years, input.start_year, &input.path)?;
    Ok(Plan {
        global_needs: global,
        regional_target,
        state_total,
        path,
    })
}

/// Spreads `total` persons over `years` years from `start_year`; the figures always sum
/// exactly to `total`. Refuses fewer than 1 year, given years that leave no year for the
/// remainder, and given years adding up to more than the total.
pub fn growth_path(
    total: u64,
    years: u32,
    start_year: i32,
    shape: &PathShape,
) -> Result<Vec<PlanYear>, QuotaError> {
    if years < 1 {
        return Err(QuotaError::NoYears { years });
    }
    let persons = match shape {
        PathShape::Even => even(total, years as usize),
        PathShape::Linear => linear(total, years as usize),
        PathShape::Given(first) => {
            if first.len() >= years as usize {
                return Err(QuotaError::TooManyPathYears {
                    given: first.len(),
                    years,
                });
            }
            let given = first
                .iter()
                .try_fold(0u64, |a, &x| a.checked_add(x))
                .unwrap_or(u64::MAX);
            if given > total {
                return Err(QuotaError::PathExceedsTotal { given, total });
            }
            let mut v = first.clone();
            v.extend(even(total - given, years as usize - first.len()));
            v
        }
    };
    Ok(persons
        .into_iter()
        .enumerate()
        .map(|(i, persons)| PlanYear {
            year: start_year + i as i32,
            persons,
        })
        .collect())
}

/// Equal parts; the remainder one each to the last years.
fn even(total: u64, n: usize) -> Vec<u64> {
    let n64 = n as u64;
    let (base, rem) = (total / n64, (total % n64) as usize);
    (0..n).map(|i| base + u64::from(i >= n - rem)).collect()
}

/// Parts proportional to 1..=n, by largest remainder in exact integer arithmetic; ties go
/// to the later year so the ramp never decreases.
fn linear(total: u64, n: usize) -> Vec<u64> {
    let weight_sum = (n as u128) * (n as u128 + 1) / 2;
    let t = u128::from(total);
    let mut parts: Vec<u64> = (1..=n as u128)
        .map(|w| (t * w / weight_sum) as u64)
        .collect();
    let mut rems: Vec<(u128, usize)> = (1..=n as u128)
        .map(|w| ((t * w) % weight_sum, w as usize - 1))
        .collect();
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let left = total - parts.iter().sum::<u64>();
    for &(_, i) in rems.iter().take(left as usize) {
        parts[i] += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn belgian() -> PlanInput {
        PlanInput {
            first_year_needs: 1_473_156,
            yearly_growth: 40_000.0,
            years: 3,
            needs_basis: NeedsBasis::LastYear,
            regional_share: 0.20,
            state_share: 0.0284,
            rounding: Rounding::Floor,
            start_year: 2022,
            path: PathShape::Given(vec![2_000, 3_000]),
        }
    }

    #[test]
    fn belgian_report_worked_example() {
        let p = plan(&belgian()).unwrap();
        assert_eq!(p.global_needs, 1_553_156);
        assert_eq!(p.regional_target, 310_631);
        assert_eq!(p.state_total, 8_821);
        let path: Vec<(i32, u64)> = p.path.iter().map(|y| (y.year, y.persons)).collect();
        assert_eq!(path, vec![(2022, 2_000), (2023, 3_000), (2024, 3_821)]);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"global_needs":1553156,"regional_target":310631,"state_total":8821,"path":[{"year":2022,"persons":2000},{"year":2023,"persons":3000},{"year":2024,"persons":3821}]}"#
        );
        let nearest = plan(&PlanInput {
            rounding: Rounding::Nearest,
            ..belgian()
        })
        .unwrap();
        assert_eq!(nearest.state_total, 8_822);
    }

    #[test]
    fn even_and_linear_paths() {
        let p = plan(&PlanInput {
            path: PathShape::Even,
            ..belgian()
        })
        .unwrap();
        let v: Vec<u64> = p.path.iter().map(|y| y.persons).collect();
        assert_eq!(v, vec![2_940, 2_940, 2_941]);
        let v: Vec<u64> = growth_path(8_821, 3, 2022, &PathShape::Linear)
            .unwrap()
            .iter()
            .map(|y| y.persons)
            .collect();
        // 8,821 × 1/6, 2/6, 3/6 = 1,470.17, 2,940.33, 4,410.5 → floors 1,470/2,940/4,410 = 8,820;
        // the largest remainder (0.5, year 3) gets the last person.
        assert_eq!(v, vec![1_470, 2_940, 4_411]);
        let v: Vec<u64> = growth_path(10, 4, 2022, &PathShape::Given(vec![1]))
            .unwrap()
            .iter()
            .map(|y| y.persons)
            .collect();
        assert_eq!(v, vec![1, 3, 3, 3]);
        assert_eq!(
            growth_path(5, 1, 2022, &PathShape::Given(vec![])).unwrap()[0].persons,
            5
        );
    }

    #[test]
    fn plan_errors_name_the_problem() {
        let e = plan(&PlanInput {
            path: PathShape::Given(vec![5_000, 4_000]),
            ..belgian()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "the given path years add up to 9000, more than the state total 8821"
        );
        let e = plan(&PlanInput {
            path: PathShape::Given(vec![1, 2, 3]),
            ..belgian()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "3 given path years leave no year for the remainder of a 3-year plan"
        );
        let e = plan(&PlanInput {
            years: 0,
            ..belgian()
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "a plan needs at least 1 year, got 0");
        let e = growth_path(1, 0, 2022, &PathShape::Even).unwrap_err();
        assert_eq!(e.to_string(), "a plan needs at least 1 year, got 0");
        let e = plan(&PlanInput {
            regional_share: 1.2,
            ..belgian()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "regional share must be within [0, 1], got 1.2"
        );
        let e = plan(&PlanInput {
            state_share: -0.01,
            ..belgian()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "state share must be within [0, 1], got -0.01"
        );
        let e = plan(&PlanInput {
            yearly_growth: -1e6,
            ..belgian()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "projected global need for plan year 3 is -526844, below zero"
        );
        let e = growth_path(10, 3, 2022, &PathShape::Given(vec![u64::MAX, 5])).unwrap_err();
        assert!(
            e.to_string().contains("more than the state total 10"),
            "{e}"
        );
    }
}
