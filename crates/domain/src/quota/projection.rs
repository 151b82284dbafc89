//! Projecting global resettlement needs over a plan: a first year plus yearly growth.
use std::collections::BTreeMap;

use super::{QuotaError, Rounding};

/// Which figure of a multi-year projection counts as the plan's global need.
///
/// The Belgian NGO report (2021, section 3.3) projects 2022 at 1,473,156 and adds ~40,000 a
/// year, then takes 1,473,156 + 2 × 40,000 = 1,553,156 — the projected need of the *last*
/// plan year — as "the total number of people to resettle" for 2022–2024. It does not add
/// the three years' needs (which would be 4,539,468). `LastYear` reproduces the report;
/// `Sum` is offered for plans that want every year's need counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NeedsBasis {
    /// The projected need of the plan's last year (the report's method).
    #[default]
    LastYear,
    /// The sum of the projected needs of all plan years.
    Sum,
}

crate::word_enum!(NeedsBasis, "needs_basis", { LastYear => "last-year", Sum => "sum" });

/// The average yearly growth over the last `window` years of a needs series
/// `(year, needs)`: the mean of the `window` year-on-year changes, which equals
/// (needs_last − needs_{last−window}) / window. The series may be in any order but must have
/// every year of the window and no year twice. UNHCR publishes its projections one year at
/// a time, so this is how the report's "average growth of the last six years" is derived.
pub fn average_growth(series: &[(i32, u64)], window: u32) -> Result<f64, QuotaError> {
    if window == 0 {
        return Err(QuotaError::ZeroWindow);
    }
    let mut by_year = BTreeMap::new();
    for &(year, needs) in series {
        if by_year.insert(year, needs).is_some() {
            return Err(QuotaError::DuplicateYear { year });
        }
    }
    let needed = window as usize + 1;
    if by_year.len() < needed {
        return Err(QuotaError::ShortSeries {
            window,
            needed,
            got: by_year.len(),
        });
    }
    let (&last_year, &last) = by_year.iter().next_back().expect("non-empty");
    let first_year = last_year - window as i32;
    for y in first_year..last_year {
        if !by_year.contains_key(&y) {
            return Err(QuotaError::MissingYear { year: y });
        }
    }
    let first = by_year[&first_year];
    Ok((last as f64 - first as f64) / f64::from(window))
}

/// The projected need of each plan year: year 1 is `first_year_needs`, each further year
/// adds `yearly_growth` (which may be negative, or fractional when it is an average).
/// Refuses fewer than 1 year, a non-finite growth, and any year projected below zero.
pub fn yearly_needs(
    first_year_needs: u64,
    yearly_growth: f64,
    years: u32,
) -> Result<Vec<f64>, QuotaError> {
    if years < 1 {
        return Err(QuotaError::NoYears { years });
    }
    if !yearly_growth.is_finite() {
        return Err(QuotaError::BadGrowth {
            value: yearly_growth,
        });
    }
    (0..years)
        .map(|i| {
            let need = first_year_needs as f64 + f64::from(i) * yearly_growth;
            if need < 0.0 {
                Err(QuotaError::NegativeNeed { year: i + 1, need })
            } else {
                Ok(need)
            }
        })
        .collect()
}

/// The plan's global need in whole persons under `basis` (rounded to the nearest person when
/// the growth is fractional).
pub fn global_needs(
    first_year_needs: u64,
    yearly_growth: f64,
    years: u32,
    basis: NeedsBasis,
) -> Result<u64, QuotaError> {
    let needs = yearly_needs(first_year_needs, yearly_growth, years)?;
    let total = match basis {
        NeedsBasis::LastYear => *needs.last().expect("years >= 1"),
        NeedsBasis::Sum => needs.iter().sum(),
    };
    Ok(Rounding::Nearest.apply(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belgian_report_global_need() {
        assert_eq!(
            global_needs(1_473_156, 40_000.0, 3, NeedsBasis::LastYear).unwrap(),
            1_553_156
        );
        assert_eq!(
            global_needs(1_473_156, 40_000.0, 3, NeedsBasis::Sum).unwrap(),
            4_539_468
        );
        assert_eq!(
            global_needs(1_473_156, 40_000.0, 1, NeedsBasis::LastYear).unwrap(),
            1_473_156
        );
        assert_eq!("sum".parse::<NeedsBasis>().unwrap(), NeedsBasis::Sum);
        assert_eq!(
            "last-year".parse::<NeedsBasis>().unwrap(),
            NeedsBasis::default()
        );
        let e = "first".parse::<NeedsBasis>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "needs_basis: unknown value \"first\"; expected one of: last-year, sum"
        );
    }

    #[test]
    fn average_growth_over_a_window() {
        // Six changes of 40,000 on average: 1,233,156 in 2016 to 1,473,156 in 2022.
        let series: Vec<(i32, u64)> = vec![
            (2022, 1_473_156),
            (2016, 1_233_156),
            (2017, 1_300_000),
            (2018, 1_250_000),
            (2019, 1_400_000),
            (2020, 1_440_000),
            (2021, 1_445_000),
            (2010, 1),
        ];
        assert_eq!(average_growth(&series, 6).unwrap(), 40_000.0);
        assert_eq!(average_growth(&series, 1).unwrap(), 28_156.0);
    }

    #[test]
    fn average_growth_errors_name_the_year() {
        let s = [(2020, 10), (2022, 30)];
        assert_eq!(
            average_growth(&s, 2).unwrap_err().to_string(),
            "averaging growth over 2 years needs 3 consecutive years of needs, got 2"
        );
        let s = [(2019, 1), (2020, 10), (2022, 30)];
        assert_eq!(
            average_growth(&s, 2).unwrap_err().to_string(),
            "the needs series has no entry for 2021, inside the averaging window"
        );
        let s = [(2020, 10), (2020, 30)];
        assert_eq!(
            average_growth(&s, 1).unwrap_err().to_string(),
            "year 2020 appears more than once in the needs series"
        );
        assert_eq!(
            average_growth(&s, 0).unwrap_err().to_string(),
            "the averaging window must be at least 1 year"
        );
    }

    #[test]
    fn projection_errors() {
        assert_eq!(
            yearly_needs(10, 1.0, 0).unwrap_err().to_string(),
            "a plan needs at least 1 year, got 0"
        );
        assert_eq!(
            yearly_needs(10, -6.0, 3).unwrap_err().to_string(),
            "projected global need for plan year 3 is -2, below zero"
        );
        assert_eq!(
            yearly_needs(10, f64::NAN, 3).unwrap_err().to_string(),
            "yearly growth must be a finite number, got NaN"
        );
        assert_eq!(yearly_needs(10, -2.5, 3).unwrap(), vec![10.0, 7.5, 5.0]);
    }
}
