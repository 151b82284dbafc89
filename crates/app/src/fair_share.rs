//! Fair-share quota planning for CLI, API and web alike: which key, on which figures, and
//! the plan it gives. Pure computations over the shipped reference data or figures the
//! planner supplies; nothing is stored here (saved scenarios are in `scenarios`).
use resettle_domain::quota::{
    self, Allocation, IndicatorSet, KeyMethod, KeyShare, Method, NeedsBasis, PathShape, Plan,
    PlanInput, Ramp, Rounding, StateCode, StateShare, Weights,
};
use resettle_domain::refusal::Vocabulary;
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};

use crate::AppError;
use crate::bounds::{
    CALENDAR_YEARS, GROWTH, GROWTH_WINDOW_YEARS, PERSONS, PLAN_YEARS, SHARE, at_most_entries,
    within, within_opt,
};
use crate::reference::{self, EC2015_INDICATORS, INDICATOR_SETS};

/// Which key to compute, on which figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KeyRequest {
    /// `ec2015`, `ec2015-capped`, `dublin2016`, `population`, `gdp` or `custom`.
    #[schema(example = "ec2015")]
    pub method: KeyMethod,
    /// With `custom`: `population=0.4,gdp=0.4,effort=0.1,unemployment=0.1` (sum 1).
    pub weights: Option<String>,
    /// With `custom`: cap on the effort and unemployment effects, e.g. 0.3; 0 to 1.
    pub cap: Option<f64>,
    /// Indicators: a shipped set (`ec2015`, `eu27-latest`) or CSV text with the header
    /// `state,population,gdp,effort_per_million,unemployment_rate`; default `ec2015`.
    pub indicators: Option<String>,
}

/// A computed key.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct KeyResult {
    /// The method, as named on input.
    pub method: String,
    /// Which figures were used.
    pub indicators: String,
    /// Each state's share and the component shares it is made of, in input order.
    pub states: Vec<StateShare>,
}

/// A whole number of persons split over states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Distribution {
    /// The method, as named on input.
    pub method: String,
    /// Which figures were used.
    pub indicators: String,
    /// Persons distributed.
    pub total: u64,
    /// Each state's exact quota and whole persons (largest remainder; they sum to `total`).
    pub states: Vec<Allocation>,
}

/// An old key brought up to date with new population and GDP figures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct UpdatedKey {
    /// `update`: key_new = key_old + 0.4 (p_new − p_old) + 0.4 (g_new − g_old).
    pub method: String,
    /// The updated shares.
    pub states: Vec<KeyShare>,
}

/// Inputs of a multi-year plan. Each choice is explicit: the plan is an argument a planner
/// makes in public, so every number must be traceable to an input or a source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlanRequest {
    /// UNHCR's projected global need for the first plan year, in persons (0 to 10,000,000).
    pub needs: Option<u64>,
    /// Or: take the first year's need from UNHCR's published projection for this year.
    pub needs_year: Option<i32>,
    /// Growth of the need per further year, in persons (-10,000,000 to 10,000,000).
    pub growth: Option<f64>,
    /// Or: the average yearly growth over this many previous years of UNHCR's projections
    /// (1 to 50).
    pub growth_from_years: Option<u32>,
    /// Plan length in years, 1 to 50.
    #[schema(example = 3)]
    pub years: u32,
    /// The region's part of the global need, e.g. 0.2 for the EU; 0 to 1.
    #[schema(example = 0.2)]
    pub regional_share: f64,
    /// The state planned for, e.g. `BE`.
    #[schema(example = "BE")]
    pub state: String,
    /// The state's share of the regional effort, e.g. 0.0284; 0 to 1.
    pub share: Option<f64>,
    /// Or: compute the share with this key method (see [`KeyRequest`]).
    pub method: Option<KeyMethod>,
    /// With `method = custom`: the weights.
    pub weights: Option<String>,
    /// With `method = custom`: the cap.
    pub cap: Option<f64>,
    /// With `method`: the indicators (shipped set name or CSV text).
    pub indicators: Option<String>,
    /// Persons in the first years, the last year taking the remainder, e.g. `[2000, 3000]`
    /// (fewer entries than `years`, each at most 10,000,000).
    pub first_years: Option<Vec<u64>>,
    /// Or: `even` or `linear` growth over the years (default `even`).
    pub ramp: Option<Ramp>,
    /// `floor` (default, as the Belgian report) or `nearest`.
    pub rounding: Option<Rounding>,
    /// Calendar year of the first plan year (1950 to 2100); default `needs_year`, else next
    /// year.
    pub start_year: Option<i32>,
    /// `last-year` (default: the need of the plan's last year, as the Belgian report) or
    /// `sum` (the needs of all plan years added up).
    pub needs_basis: Option<NeedsBasis>,
}

/// A computed plan with the provenance of its inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlanResult {
    /// The plan's global need (persons).
    pub global_needs: u64,
    /// The region's target.
    pub regional_target: u64,
    /// The state's total over the plan.
    pub state_total: u64,
    /// Persons per year, summing to `state_total`.
    pub path: Vec<resettle_domain::quota::PlanYear>,
    /// The first year's need used.
    pub first_year_needs: u64,
    /// The yearly growth used.
    pub yearly_growth: f64,
    /// The state's share used.
    pub state_share: f64,
    /// The regional target over every state of the key (`method`, default `ec2015`), the
    /// planned state's row being `state_total` and the others sharing the rest by the key:
    /// the same computation as the headline, so the two cannot disagree. Absent from
    /// scenarios saved before it was kept.
    #[serde(default)]
    pub distribution: Option<Distribution>,
    /// Where each input came from, in words.
    pub provenance: Vec<String>,
}

/// Reads the indicators named or given, with a label saying which they are.
fn indicators(given: Option<&str>) -> Result<(IndicatorSet, String), AppError> {
    let given = given.map(str::trim).filter(|s| !s.is_empty());
    match given {
        None => Ok((
            quota::parse_indicators_csv(EC2015_INDICATORS)
                .map_err(|e| AppError::internal("shipped indicators ec2015", e))?,
            "shipped ec2015 (population 2014, GDP 2013, asylum 2010-2014, unemployment 2014)"
                .into(),
        )),
        Some(name) if !name.contains('\n') => {
            let (_, text) = INDICATOR_SETS
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or_else(|| {
                    Refusal::not_in_list(
                        "indicators",
                        name,
                        INDICATOR_SETS.iter().map(|(n, _)| *n),
                        Vocabulary::Plain,
                    )
                })?;
            Ok((
                quota::parse_indicators_csv(text)
                    .map_err(|e| AppError::internal(&format!("shipped indicators {name}"), e))?,
                format!("shipped {name}"),
            ))
        }
        Some(csv) => Ok((
            quota::parse_indicators_csv(csv).map_err(|e| unreadable("indicators", e))?,
            "supplied".into(),
        )),
    }
}

fn method(name: KeyMethod, weights: Option<&str>, cap: Option<f64>) -> Result<Method, AppError> {
    let weights = weights
        .filter(|w| !w.trim().is_empty())
        .map(|w| w.parse::<Weights>())
        .transpose()
        .map_err(|e| figures("weights", e))?;
    let cap = within_opt("cap", cap, &SHARE)?;
    Method::from_parts(name, weights, cap).map_err(|e| figures("method", e))
}

/// Computes a fair-share key.
pub fn key(req: &KeyRequest) -> Result<KeyResult, AppError> {
    let m = method(req.method, req.weights.as_deref(), req.cap)?;
    let (set, label) = indicators(req.indicators.as_deref())?;
    Ok(KeyResult {
        method: req.method.to_string(),
        indicators: label,
        states: quota::compute_shares(&set, &m).map_err(|e| figures("indicators", e))?,
    })
}

/// Splits `total` persons over the states of a key, summing exactly to `total`.
pub fn distribute(total: u64, req: &KeyRequest) -> Result<Distribution, AppError> {
    within("total", total, &PERSONS)?;
    let k = key(req)?;
    let allocations =
        quota::apportion(total, &quota::key_of(&k.states)).map_err(|e| figures("indicators", e))?;
    Ok(Distribution {
        method: k.method,
        indicators: k.indicators,
        total,
        states: allocations,
    })
}

/// Updates an old key (`state,share` CSV) from old to new population and GDP figures (CSV
/// with `state,population,gdp`, extra columns ignored, or a shipped set name).
pub fn update(old_key: &str, from: &str, to: &str) -> Result<UpdatedKey, AppError> {
    let pop_gdp = |field: &str, text: &str| {
        let text = INDICATOR_SETS
            .iter()
            .find(|(n, _)| *n == text.trim())
            .map_or(text, |(_, t)| *t);
        quota::parse_pop_gdp_csv(text).map_err(|e| unreadable(field, e))
    };
    let key = quota::parse_key_csv(old_key).map_err(|e| unreadable("key", e))?;
    let states = quota::update(&key, &pop_gdp("from", from)?, &pop_gdp("to", to)?)
        .map_err(|e| figures("key", e))?;
    Ok(UpdatedKey {
        method: "update".into(),
        states,
    })
}

/// Computes a multi-year plan, refusing ambiguous inputs (both or neither of two
/// alternatives) with the names of the fields. `today` gives the default first year (next
/// year) when the request names none.
pub fn plan(req: &PlanRequest, today: time::Date) -> Result<PlanResult, AppError> {
    check_bounds(req)?;
    let mut provenance = Vec::new();
    let first_year_needs = match (req.needs, req.needs_year) {
        (Some(n), None) => {
            provenance.push(format!("first-year need {n} as given"));
            n
        }
        (None, Some(year)) => {
            let n = reference::needs_for_year(year)?;
            provenance.push(format!(
                "first-year need {} from UNHCR's projection for {year}{}: {}",
                n.persons,
                if n.exact {
                    ""
                } else {
                    " (ROUNDED as published)"
                },
                n.source
            ));
            n.persons
        }
        _ => return Err(one_of("needs", "needs_year")),
    };
    let yearly_growth = match (req.growth, req.growth_from_years) {
        (Some(g), None) => {
            provenance.push(format!("yearly growth {g} as given"));
            g
        }
        (None, Some(k)) => {
            let up_to = req.needs_year.unwrap_or(i32::MAX);
            let series: Vec<(i32, u64)> = reference::unhcr_needs()?
                .into_iter()
                .filter(|n| n.year <= up_to)
                .map(|n| (n.year, n.persons))
                .collect();
            let g = quota::average_growth(&series, k).map_err(|e| match e {
                // The window reaches back further than the projections go.
                quota::QuotaError::ShortSeries { got, .. } => Refusal::of(
                    "growth_from_years",
                    RefusalKind::OutOfRange {
                        min: "1".into(),
                        max: got.saturating_sub(1).to_string(),
                        got: k.to_string(),
                    },
                )
                .into(),
                other => AppError::internal("the shipped UNHCR projections", other),
            })?;
            provenance.push(format!(
                "yearly growth {g:.1}: average over the {k} years of UNHCR projections up to {}",
                series.iter().map(|s| s.0).max().unwrap_or_default()
            ));
            g
        }
        _ => {
            return Err(one_of("growth", "growth_from_years"));
        }
    };
    let state = StateCode::parse(&req.state).map_err(|e| figures("state", e))?;
    if req.share.is_some() == req.method.is_some() {
        return Err(one_of("share", "method"));
    }
    // The key of the table under the plan, and of the share when it comes from a key: one
    // key, read once, so the state must be one of its states either way.
    let method = req.method.unwrap_or(KeyMethod::Ec2015);
    let table_key = key(&KeyRequest {
        method,
        weights: req.weights.clone(),
        cap: req.cap,
        indicators: req.indicators.clone(),
    })?;
    let key_share = table_key
        .states
        .iter()
        .find(|s| s.state == state)
        .ok_or_else(|| {
            Refusal::not_in_list(
                "state",
                &state,
                table_key.states.iter().map(|s| s.state.as_str()),
                Vocabulary::Plain,
            )
        })?
        .share;
    let state_share = match req.share {
        Some(s) => {
            provenance.push(format!("{state} share {s} as given"));
            s
        }
        None => {
            provenance.push(format!(
                "{state} share {key_share:.6} from key {method} on {}",
                table_key.indicators
            ));
            key_share
        }
    };
    let path = match (&req.first_years, req.ramp) {
        (Some(f), None) => PathShape::Given(f.clone()),
        (None, ramp) => ramp.unwrap_or(Ramp::Even).into(),
        (Some(_), Some(_)) => {
            return Err(Refusal::of(
                "first_years",
                RefusalKind::AtMostOne {
                    fields: vec!["first_years".into(), "ramp".into()],
                },
            )
            .into());
        }
    };
    let rounding = req.rounding.unwrap_or(Rounding::Floor);
    let needs_basis = req.needs_basis.unwrap_or_default();
    let start_year = req
        .start_year
        .or(req.needs_year)
        .unwrap_or(today.year() + 1);
    let Plan {
        global_needs,
        regional_target,
        state_total,
        path,
    } = quota::plan(&PlanInput {
        first_year_needs,
        yearly_growth,
        years: req.years,
        needs_basis,
        regional_share: req.regional_share,
        state_share,
        rounding,
        start_year,
        path,
    })
    .map_err(plan_refusal)?;
    let states = quota::apportion_plan(
        regional_target,
        &state,
        state_share,
        state_total,
        &quota::key_of(&table_key.states),
    )
    .map_err(|e| figures("indicators", e))?;
    provenance.push(format!(
        "the table: {state} takes the plan's {state_total}; the other states share the \
         remaining {} by key {method} on {}",
        regional_target - state_total,
        table_key.indicators
    ));
    Ok(PlanResult {
        global_needs,
        regional_target,
        state_total,
        path,
        first_year_needs,
        yearly_growth,
        state_share,
        distribution: Some(Distribution {
            method: method.to_string(),
            indicators: table_key.indicators,
            total: regional_target,
            states,
        }),
        provenance,
    })
}

/// A CSV text given as `field` that does not read: the reader's words, with the line and
/// the column, kept as the refusal's detail.
fn unreadable(field: &str, e: quota::QuotaError) -> AppError {
    Refusal::of(
        field.to_string(),
        RefusalKind::Unreadable {
            detail: e.to_string(),
        },
    )
    .into()
}

/// Figures given as `field` that a key or a plan cannot be computed from, in the
/// arithmetic's words.
fn figures(field: &'static str, e: quota::QuotaError) -> AppError {
    Refusal::of(
        field,
        RefusalKind::Figures {
            detail: e.to_string(),
        },
    )
    .into()
}

/// Both or neither of two alternatives given, refused on the first.
fn one_of(first: &'static str, second: &'static str) -> AppError {
    Refusal::of(
        first,
        RefusalKind::OneOf {
            fields: vec![first.into(), second.into()],
        },
    )
    .into()
}

/// Refuses, naming the field, any number of a plan request outside its bound
/// ([`crate::bounds`]), before any work: the plan's length and its given path drive the
/// memory a plan takes, the other figures its arithmetic.
fn check_bounds(req: &PlanRequest) -> Result<(), AppError> {
    within("years", req.years, &PLAN_YEARS)?;
    within_opt("needs", req.needs, &PERSONS)?;
    within_opt("needs_year", req.needs_year, &CALENDAR_YEARS)?;
    within_opt("growth", req.growth, &GROWTH)?;
    within_opt(
        "growth_from_years",
        req.growth_from_years,
        &GROWTH_WINDOW_YEARS,
    )?;
    within("regional_share", req.regional_share, &SHARE)?;
    within_opt("share", req.share, &SHARE)?;
    within_opt("cap", req.cap, &SHARE)?;
    within_opt("start_year", req.start_year, &CALENDAR_YEARS)?;
    if let Some(first) = &req.first_years {
        // At least one year is left for the remainder.
        at_most_entries("first_years", first.len(), *PLAN_YEARS.end() as usize - 1)?;
        for &persons in first {
            within("first_years", persons, &PERSONS)?;
        }
    }
    Ok(())
}

/// Names the field a refusal of the plan's arithmetic is about.
fn plan_refusal(e: quota::QuotaError) -> AppError {
    use quota::QuotaError as Q;
    let field = match e {
        Q::TooManyPathYears { .. } | Q::PathExceedsTotal { .. } => "first_years",
        Q::NegativeNeed { .. } | Q::BadGrowth { .. } => "growth",
        Q::NoYears { .. } => "years",
        // The bounds were checked before: what is left is the arithmetic's own fault.
        other => return AppError::internal("the plan's arithmetic", other),
    };
    figures(field, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day the tests run as, whatever the calendar says.
    const DAY: time::Date = time::macros::date!(2026 - 11 - 23);

    /// The Belgian NGO report's plan, section 3.3.
    fn belgian_report() -> PlanRequest {
        PlanRequest {
            needs: Some(1_473_156),
            growth: Some(40_000.0),
            years: 3,
            regional_share: 0.2,
            state: "BE".into(),
            share: Some(0.0284),
            first_years: Some(vec![2000, 3000]),
            rounding: Some(Rounding::Floor),
            start_year: Some(2022),
            ..Default::default()
        }
    }

    #[test]
    fn the_belgian_report_is_reproduced() {
        let p = plan(&belgian_report(), DAY).unwrap();
        assert_eq!(
            (p.global_needs, p.regional_target, p.state_total),
            (1_553_156, 310_631, 8_821)
        );
        let path: Vec<(i32, u64)> = p.path.iter().map(|y| (y.year, y.persons)).collect();
        assert_eq!(path, [(2022, 2000), (2023, 3000), (2024, 3821)]);
    }

    #[test]
    fn the_needs_year_comes_from_the_shipped_projection() {
        let req = PlanRequest {
            needs: None,
            needs_year: Some(2022),
            ..belgian_report()
        };
        let p = plan(&req, DAY).unwrap();
        assert_eq!(p.global_needs, 1_553_156);
        assert!(p.provenance[0].contains("UNHCR"), "{:?}", p.provenance);
    }

    #[test]
    fn both_alternatives_are_refused_naming_them() {
        let req = PlanRequest {
            needs_year: Some(2022),
            ..belgian_report()
        };
        let e = plan(&req, DAY).unwrap_err().to_string();
        assert_eq!(e, "needs: give one of needs or needs_year, not both");
    }

    #[test]
    fn the_share_can_come_from_a_key() {
        let req = PlanRequest {
            share: None,
            method: Some(KeyMethod::Ec2015),
            ..belgian_report()
        };
        let p = plan(&req, DAY).unwrap();
        assert!((0.02..0.03).contains(&p.state_share), "{}", p.state_share);
        let missing = plan(
            &PlanRequest {
                state: "ZZ".into(),
                ..req
            },
            DAY,
        );
        assert!(missing.unwrap_err().to_string().contains("ZZ"));
    }

    #[test]
    fn the_table_under_a_plan_says_what_its_headline_says() {
        // The report's plan at its given 2.84 %: the table once showed BE at the key's
        // share (7,052) under a headline of 8,821.
        let p = plan(&belgian_report(), DAY).unwrap();
        let d = p.distribution.unwrap();
        let be = d.states.iter().find(|a| a.state.as_str() == "BE").unwrap();
        assert_eq!((be.persons, p.state_total), (8_821, 8_821));
        assert_eq!(
            d.states.iter().map(|a| a.persons).sum::<u64>(),
            p.regional_target
        );
        assert_eq!(d.total, p.regional_target);
        // From the key, the headline is the key's share of the target, and so is the row.
        let by_key = plan(
            &PlanRequest {
                share: None,
                method: Some(KeyMethod::Ec2015),
                ..belgian_report()
            },
            DAY,
        )
        .unwrap();
        let row = by_key
            .distribution
            .unwrap()
            .states
            .into_iter()
            .find(|a| a.state.as_str() == "BE")
            .unwrap();
        assert_eq!(row.persons, by_key.state_total);
    }

    #[test]
    fn a_state_nobody_defined_is_refused_even_with_a_given_share() {
        let e = plan(
            &PlanRequest {
                state: "ZZ".into(),
                ..belgian_report()
            },
            DAY,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("state: \"ZZ\" is not one of"), "{e}");
        assert!(e.contains("BE"), "{e}");
    }

    #[test]
    fn a_distribution_sums_to_its_total() {
        let d = distribute(
            20_000,
            &KeyRequest {
                method: KeyMethod::Ec2015,
                weights: None,
                cap: None,
                indicators: None,
            },
        )
        .unwrap();
        assert_eq!(d.states.iter().map(|a| a.persons).sum::<u64>(), 20_000);
    }

    #[test]
    fn a_custom_key_needs_valid_weights() {
        let bad = key(&KeyRequest {
            method: KeyMethod::Custom,
            weights: Some("population=0.5,gdp=0.4".into()),
            cap: None,
            indicators: None,
        });
        assert!(bad.unwrap_err().to_string().contains("sum"));
    }

    #[test]
    fn an_unknown_indicator_set_is_named() {
        let e = key(&KeyRequest {
            method: KeyMethod::Gdp,
            indicators: Some("eu99".into()),
            weights: None,
            cap: None,
        })
        .unwrap_err()
        .to_string();
        assert!(e.contains("eu99") && e.contains("ec2015"), "{e}");
    }
}
