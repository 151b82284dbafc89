//! A programme's distribution plan (`[placement.fairness]` in a policy profile): how the
//! families of one proposal run are spread over the places, turned into the per-place
//! minimum and capacity of the instance the solver sees.
//!
//! The band applies to everyone at a place, not just the new batch: with `e_j` persons
//! already at place `j` (residents and confirmed placements), `T` persons in the batch and
//! `w_j` the place's declared capacity, its fair share is `t_j = (Σ e + T) × w_j / Σ w` and
//! it may end with `[floor((1 − band) t_j), ceil((1 + band) t_j)]` persons. A place already
//! above its band takes nobody this time; one below it must be brought up as far as its
//! free room allows (a place is never asked for more than it has room for).
use serde::{Deserialize, Serialize};

/// `[floor((1 − band) t), ceil((1 + band) t)]` around `target`: rounded outwards so a band
/// is never narrower than whole units, with a little tolerance so 12.000000001 stays 12.
/// The one rounding rule for instance bands and programme distribution plans.
pub(crate) fn band_around(target: f64, band: f64) -> (f64, f64) {
    (
        ((1.0 - band) * target + 1e-9).floor(),
        ((1.0 + band) * target - 1e-9).ceil(),
    )
}

/// `[placement.fairness]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistributionPlan {
    /// Half-width of the band around each place's fair share, as a fraction: `0.5` allows
    /// 50 % to 150 % of it.
    pub band: f64,
    /// At least this many persons to every place in each run, where its room (and the top
    /// of its band) allows: a profile's per-place minimum. 0 for none.
    #[serde(default)]
    pub minimum_persons: u32,
}

/// What one place brings to the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceLoad {
    /// Declared capacity in persons: the place's weight in the plan.
    pub declared: f64,
    /// Persons there now, including confirmed placements not yet arrived.
    pub present: f64,
    /// Free room for this run.
    pub free: f64,
}

impl DistributionPlan {
    /// Checks the band (the key is `placement.fairness.band`), saying why it is refused.
    pub fn validate(&self) -> Result<(), String> {
        if !self.band.is_finite() || self.band < 0.0 {
            return Err(format!("must be a finite number >= 0, got {}", self.band));
        }
        Ok(())
    }

    /// `(minimum, capacity)` in persons for each place in a run placing `batch` persons.
    /// Always `0 ≤ minimum ≤ capacity ≤ free`.
    pub fn limits(&self, places: &[PlaceLoad], batch: f64) -> Vec<(f64, f64)> {
        let weights: f64 = places.iter().map(|p| p.declared).sum();
        let total: f64 = places.iter().map(|p| p.present).sum::<f64>() + batch;
        places
            .iter()
            .map(|p| {
                let target = if weights > 0.0 {
                    total * p.declared / weights
                } else {
                    0.0
                };
                let (least, most) = band_around(target, self.band);
                let (least, most) = (least - p.present, most - p.present);
                let capacity = most.clamp(0.0, p.free.max(0.0));
                let minimum = least
                    .max(f64::from(self.minimum_persons))
                    .clamp(0.0, capacity);
                (minimum, capacity)
            })
            .collect()
    }

    /// One line for a run's record: what the plan asked.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "persons at each place within {:.0} % to {:.0} % of its share of the declared capacity (residents included)",
            100.0 * (1.0 - self.band).max(0.0),
            100.0 * (1.0 + self.band)
        );
        if self.minimum_persons > 0 {
            text.push_str(&format!(
                "; at least {} persons per place where room allows",
                self.minimum_persons
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn load(declared: f64, present: f64, free: f64) -> PlaceLoad {
        PlaceLoad {
            declared,
            present,
            free,
        }
    }

    #[test]
    fn the_band_counts_residents_and_respects_free_room() {
        let plan = DistributionPlan {
            band: 0.25,
            minimum_persons: 0,
        };
        // 40 present + 20 new = 60 persons; shares 1/3 and 2/3: targets 20 and 40.
        let limits = plan.limits(&[load(10.0, 20.0, 10.0), load(20.0, 20.0, 30.0)], 20.0);
        // A: [15, 25] overall, 20 there: up to 5 more, none required.
        assert_eq!(limits[0], (0.0, 5.0));
        // B: [30, 50] overall, 20 there: at least 10, at most 30 (its free room).
        assert_eq!(limits[1], (10.0, 30.0));
    }

    #[test]
    fn a_place_above_its_band_takes_nobody_and_the_minimum_yields_to_room() {
        let plan = DistributionPlan {
            band: 0.0,
            minimum_persons: 3,
        };
        let limits = plan.limits(&[load(1.0, 9.0, 5.0), load(1.0, 0.0, 2.0)], 3.0);
        // Targets 6 and 6: the first already has 9.
        assert_eq!(limits[0], (0.0, 0.0));
        // The second should reach 6 but has room for 2 only.
        assert_eq!(limits[1], (2.0, 2.0));
        assert!(plan.describe().contains("100 % to 100 %"));
        assert!(plan.describe().contains("at least 3 persons"));
    }

    #[test]
    fn a_negative_band_is_refused() {
        let plan = DistributionPlan {
            band: -0.1,
            minimum_persons: 0,
        };
        assert_eq!(
            plan.validate().unwrap_err(),
            "must be a finite number >= 0, got -0.1"
        );
    }

    proptest! {
        #[test]
        fn limits_are_ordered_and_within_free_room(
            band in 0.0f64..2.0,
            minimum in 0u32..5,
            places in prop::collection::vec((0u32..50, 0u32..50, 0u32..50), 1..8),
            batch in 0u32..100,
        ) {
            let plan = DistributionPlan { band, minimum_persons: minimum };
            let loads: Vec<PlaceLoad> = places
                .iter()
                .map(|&(d, p, f)| load(f64::from(d), f64::from(p), f64::from(f)))
                .collect();
            for ((least, most), p) in plan.limits(&loads, f64::from(batch)).iter().zip(&loads) {
                prop_assert!(0.0 <= *least && least <= most && *most <= p.free);
                prop_assert_eq!(least.fract(), 0.0);
                prop_assert_eq!(most.fract(), 0.0);
            }
        }
    }
}
