//! How long a step takes, in whole weeks: a distribution as a scenario writes it, and the
//! table a run draws from.
//!
//! Every distribution is turned into a table of 1,024 quantiles once per forecast, so a draw
//! is one random number and one lookup whatever the shape, and a family already some weeks
//! into a step draws its remaining weeks from the same table (the quantiles above the weeks
//! it has spent). The table's grid (1/1,024) is finer than the Monte-Carlo error of any
//! forecast of fewer than a million runs.
use serde::Serialize;

use crate::rng::Rng;

/// The longest a step may take: ten years, more than any horizon forecast.
pub const MAX_WEEKS: f64 = 520.0;

/// A distribution of durations in weeks. Draws are rounded to the nearest whole week.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Weeks {
    /// Always the same.
    Fixed(f64),
    /// Any value from `min` to `max` equally likely.
    Uniform {
        /// Shortest.
        min: f64,
        /// Longest.
        max: f64,
    },
    /// Rising from `min` to the most likely `mode`, falling to `max`: what a practitioner
    /// can say ("usually six weeks, never under four, at most nine").
    Triangular {
        /// Shortest.
        min: f64,
        /// Most likely.
        mode: f64,
        /// Longest.
        max: f64,
    },
    /// Observed durations (whole weeks) with how often each was seen: what a programme's own
    /// history gives.
    Empirical {
        /// The durations seen.
        weeks: Vec<u32>,
        /// How often each was seen (any non-negative scale).
        weights: Vec<f64>,
    },
}

impl Weeks {
    /// Why the distribution cannot be drawn from, if it cannot.
    pub fn check(&self) -> Result<(), String> {
        let in_range = |name: &str, v: f64| {
            if v.is_finite() && (0.0..=MAX_WEEKS).contains(&v) {
                Ok(())
            } else {
                Err(format!(
                    "{name} must be from 0 to {MAX_WEEKS} weeks, got {v}"
                ))
            }
        };
        match self {
            Weeks::Fixed(v) => in_range("fixed", *v),
            Weeks::Uniform { min, max } => {
                in_range("uniform's min", *min)?;
                in_range("uniform's max", *max)?;
                if min > max {
                    return Err(format!(
                        "uniform's min ({min}) is more than its max ({max})"
                    ));
                }
                Ok(())
            }
            Weeks::Triangular { min, mode, max } => {
                in_range("triangular's min", *min)?;
                in_range("triangular's mode", *mode)?;
                in_range("triangular's max", *max)?;
                if !(min <= mode && mode <= max) {
                    return Err(format!(
                        "triangular needs min <= mode <= max, got [{min}, {mode}, {max}]"
                    ));
                }
                Ok(())
            }
            Weeks::Empirical { weeks, weights } => {
                if weeks.is_empty() || weeks.len() != weights.len() {
                    return Err(format!(
                        "empirical needs as many weights as weeks, and at least one (got {} weeks, {} weights)",
                        weeks.len(),
                        weights.len()
                    ));
                }
                for &w in weeks {
                    in_range("an empirical duration", f64::from(w))?;
                }
                if weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
                    return Err("empirical weights must be 0 or more".into());
                }
                if weights.iter().sum::<f64>() <= 0.0 {
                    return Err("empirical weights must not all be 0".into());
                }
                Ok(())
            }
        }
    }

    /// The duration below which a share `p` (0 to 1) of draws fall, before rounding.
    pub fn quantile(&self, p: f64) -> f64 {
        let p = p.clamp(0.0, 1.0);
        match self {
            Weeks::Fixed(v) => *v,
            Weeks::Uniform { min, max } => min + p * (max - min),
            Weeks::Triangular { min, mode, max } => {
                let width = max - min;
                if width <= 0.0 {
                    return *min;
                }
                let rising = (mode - min) / width;
                if p < rising {
                    min + (p * width * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - p) * width * (max - mode)).sqrt()
                }
            }
            Weeks::Empirical { weeks, weights } => {
                let total: f64 = weights.iter().sum();
                let mut order: Vec<usize> = (0..weeks.len()).collect();
                order.sort_by_key(|&i| weeks[i]);
                let mut seen = 0.0;
                for &i in &order {
                    seen += weights[i] / total;
                    if p <= seen {
                        return f64::from(weeks[i]);
                    }
                }
                f64::from(weeks[order[order.len() - 1]])
            }
        }
    }

    /// The mean duration, before rounding.
    pub fn mean(&self) -> f64 {
        match self {
            Weeks::Fixed(v) => *v,
            Weeks::Uniform { min, max } => (min + max) / 2.0,
            Weeks::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Weeks::Empirical { weeks, weights } => {
                let total: f64 = weights.iter().sum();
                weeks
                    .iter()
                    .zip(weights)
                    .map(|(&w, &p)| f64::from(w) * p)
                    .sum::<f64>()
                    / total
            }
        }
    }
}

/// Quantiles in a draw table.
pub(crate) const TABLE: usize = 1024;

/// A distribution ready to draw from: its 1,024 quantiles at (i + ½)/1,024, rounded to whole
/// weeks, in ascending order.
#[derive(Debug, Clone)]
pub(crate) struct Sampler {
    table: Box<[u16; TABLE]>,
}

impl Sampler {
    /// The table of `weeks`, no draw shorter than `min_weeks`.
    pub(crate) fn new(weeks: &Weeks, min_weeks: u16) -> Sampler {
        let mut table = Box::new([0u16; TABLE]);
        for (i, slot) in table.iter_mut().enumerate() {
            let q = weeks.quantile((i as f64 + 0.5) / TABLE as f64);
            *slot = (q + 0.5).floor().clamp(0.0, MAX_WEEKS) as u16;
            *slot = (*slot).max(min_weeks);
        }
        Sampler { table }
    }

    /// One duration.
    #[inline]
    pub(crate) fn draw(&self, rng: &mut Rng) -> u16 {
        self.table[(rng.next_u64() >> 54) as usize]
    }

    /// The weeks still to go for a family `elapsed` weeks into the step: drawn among the
    /// durations longer than `elapsed`; one week when it has already outlasted them all.
    pub(crate) fn remaining(&self, rng: &mut Rng, elapsed: u16) -> u16 {
        let first = self.table.partition_point(|&d| d <= elapsed);
        if first == TABLE {
            return 1;
        }
        let i = first + rng.below((TABLE - first) as u64) as usize;
        self.table[i] - elapsed
    }

    /// The mean of the table, in weeks.
    #[cfg(test)]
    pub(crate) fn mean(&self) -> f64 {
        self.table.iter().map(|&d| f64::from(d)).sum::<f64>() / TABLE as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_of_the_shapes() {
        let t = Weeks::Triangular {
            min: 4.0,
            mode: 6.0,
            max: 10.0,
        };
        assert_eq!(t.quantile(0.0), 4.0);
        assert_eq!(t.quantile(1.0), 10.0);
        // A third of the mass lies below the mode.
        assert!((t.quantile(1.0 / 3.0) - 6.0).abs() < 1e-9);
        assert!((t.mean() - 20.0 / 3.0).abs() < 1e-9);
        let u = Weeks::Uniform { min: 2.0, max: 4.0 };
        assert_eq!(u.quantile(0.5), 3.0);
        let e = Weeks::Empirical {
            weeks: vec![10, 2],
            weights: vec![1.0, 3.0],
        };
        assert_eq!(e.quantile(0.7), 2.0);
        assert_eq!(e.quantile(0.8), 10.0);
        assert_eq!(e.mean(), 4.0);
    }

    #[test]
    fn a_table_draws_the_distribution() {
        let s = Sampler::new(
            &Weeks::Triangular {
                min: 4.0,
                mode: 6.0,
                max: 9.0,
            },
            1,
        );
        assert!((s.mean() - 19.0 / 3.0).abs() < 0.1, "{}", s.mean());
        let mut rng = Rng::stream(1, 1);
        let draws: Vec<u16> = (0..10_000).map(|_| s.draw(&mut rng)).collect();
        assert!(draws.iter().all(|&d| (4..=9).contains(&d)));
        let mean = draws.iter().map(|&d| f64::from(d)).sum::<f64>() / 10_000.0;
        assert!((mean - 19.0 / 3.0).abs() < 0.1, "{mean}");
    }

    #[test]
    fn remaining_weeks_follow_the_elapsed_ones() {
        let s = Sampler::new(
            &Weeks::Uniform {
                min: 0.0,
                max: 20.0,
            },
            1,
        );
        let mut rng = Rng::stream(2, 0);
        for _ in 0..1000 {
            let r = s.remaining(&mut rng, 15);
            assert!((1..=5).contains(&r), "{r}");
        }
        assert_eq!(s.remaining(&mut rng, 30), 1, "overdue: leaves next week");
    }

    #[test]
    fn refusals_say_why() {
        assert!(Weeks::Fixed(-1.0).check().unwrap_err().contains("fixed"));
        assert!(
            Weeks::Triangular {
                min: 5.0,
                mode: 2.0,
                max: 9.0
            }
            .check()
            .unwrap_err()
            .contains("min <= mode <= max")
        );
        assert!(
            Weeks::Empirical {
                weeks: vec![1],
                weights: vec![]
            }
            .check()
            .is_err()
        );
        assert!(Weeks::Fixed(f64::NAN).check().is_err());
    }
}
