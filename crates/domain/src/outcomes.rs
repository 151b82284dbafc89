//! Integration outcomes and the employment model a programme fits on its own.
//!
//! Annie MOORE and GeoMatch predict employment from past arrivals. A programme that records
//! whether each adult has work 12 months after arrival can do the same, openly: the chance
//! that an adult placed at a place finds work is that place's observed rate, pulled
//! towards its region's rate when the place has few observations, and the region's
//! towards the programme's (empirical Bayes shrinkage). Nothing about the person enters
//! but where they were placed, so the model cannot learn religion, ethnicity or health.
use std::collections::BTreeMap;

use time::Date;

/// The follow-ups after arrival, in months: whether each adult has work is recorded at
/// each, and those who support the family see when each falls due.
pub const FOLLOW_UP_MONTHS: [u32; 2] = [12, 18];

/// The day a follow-up falls due: `months` calendar months after the day of arrival.
pub fn follow_up_due(arrived_on: Date, months: u32) -> Date {
    crate::support::months_after(arrived_on, months)
}

/// One working-age adult's recorded outcome: where the family was placed, and whether the
/// adult had work at the follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The place's code.
    pub place: String,
    /// The place's region.
    pub region: String,
    /// Whether the adult had work.
    pub employed: bool,
}

/// Employment chances per place, fitted on recorded outcomes.
#[derive(Debug, Clone, PartialEq)]
pub struct EmploymentModel {
    global: f64,
    regions: BTreeMap<String, f64>,
    places: BTreeMap<String, f64>,
    /// How many outcomes it was fitted on.
    pub observations: usize,
}

/// Fewer outcomes than this and the fitted rates are mostly noise: the default model is
/// used instead (the "when there are enough").
pub const MIN_OBSERVATIONS: usize = 200;

/// How many observations a rate's prior counts as (the pull towards the wider rate).
const PRIOR_WEIGHT: f64 = 20.0;

fn counts<'a>(outcomes: impl Iterator<Item = (&'a str, bool)>) -> BTreeMap<&'a str, (f64, f64)> {
    let mut out: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for (key, employed) in outcomes {
        let e = out.entry(key).or_default();
        e.0 += f64::from(u8::from(employed));
        e.1 += 1.0;
    }
    out
}

fn shrink((employed, n): (f64, f64), prior: f64) -> f64 {
    (employed + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)
}

impl EmploymentModel {
    /// Fits the model, or `None` when there are fewer than [`MIN_OBSERVATIONS`].
    pub fn fit(outcomes: &[Outcome]) -> Option<EmploymentModel> {
        if outcomes.len() < MIN_OBSERVATIONS {
            return None;
        }
        let employed = outcomes.iter().filter(|o| o.employed).count() as f64;
        let global = employed / outcomes.len() as f64;
        let regions: BTreeMap<String, f64> =
            counts(outcomes.iter().map(|o| (o.region.as_str(), o.employed)))
                .into_iter()
                .map(|(r, c)| (r.to_string(), shrink(c, global)))
                .collect();
        let region_of: BTreeMap<&str, &str> = outcomes
            .iter()
            .map(|o| (o.place.as_str(), o.region.as_str()))
            .collect();
        let places = counts(outcomes.iter().map(|o| (o.place.as_str(), o.employed)))
            .into_iter()
            .map(|(p, c)| {
                let prior = regions[region_of[p]];
                (p.to_string(), shrink(c, prior))
            })
            .collect();
        Some(EmploymentModel {
            global,
            regions,
            places,
            observations: outcomes.len(),
        })
    }

    /// The chance that an adult placed at `place` (in `region`) has work at follow-up: the
    /// place's shrunk rate, else its region's, else the programme's.
    pub fn probability(&self, place: &str, region: &str) -> f64 {
        self.places
            .get(place)
            .or_else(|| self.regions.get(region))
            .copied()
            .unwrap_or(self.global)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn outcomes(place: &str, region: &str, employed: usize, of: usize) -> Vec<Outcome> {
        (0..of)
            .map(|i| Outcome {
                place: place.into(),
                region: region.into(),
                employed: i < employed,
            })
            .collect()
    }

    #[test]
    fn follow_ups_fall_due_in_calendar_months_after_arrival() {
        use time::macros::date;
        assert_eq!(
            follow_up_due(date!(2025 - 11 - 20), 12),
            date!(2026 - 11 - 20)
        );
        assert_eq!(
            follow_up_due(date!(2025 - 08 - 31), 18),
            date!(2027 - 02 - 28)
        );
    }

    #[test]
    fn too_few_outcomes_fit_nothing() {
        assert!(EmploymentModel::fit(&outcomes("A", "R", 10, MIN_OBSERVATIONS - 1)).is_none());
    }

    #[test]
    fn places_are_ranked_by_their_rates_and_small_ones_pulled_to_the_region() {
        let mut all = outcomes("good", "North", 160, 200);
        all.extend(outcomes("poor", "North", 40, 200));
        all.extend(outcomes("tiny", "South", 2, 2));
        all.extend(outcomes("other", "South", 20, 100));
        let m = EmploymentModel::fit(&all).unwrap();
        assert!(m.probability("good", "North") > 0.75);
        assert!(m.probability("poor", "North") < 0.25);
        // Two employed out of two is not a 100 % place: it is pulled towards South's 22 %.
        let tiny = m.probability("tiny", "South");
        assert!(tiny > 0.2 && tiny < 0.35, "{tiny}");
        // An unseen place gets its region's rate; an unseen region the programme's.
        assert_eq!(m.probability("new", "North"), m.regions["North"]);
        assert_eq!(m.probability("new", "East"), m.global);
        assert_eq!(m.observations, 502);
    }

    proptest! {
        #[test]
        fn probabilities_are_probabilities(
            rows in proptest::collection::vec((0u8..5, 0u8..3, any::<bool>()), MIN_OBSERVATIONS..400)
        ) {
            let data: Vec<Outcome> = rows
                .iter()
                .map(|(p, r, e)| Outcome { place: format!("p{p}"), region: format!("r{r}"), employed: *e })
                .collect();
            let m = EmploymentModel::fit(&data).unwrap();
            for p in 0..6 {
                for r in 0..4 {
                    let x = m.probability(&format!("p{p}"), &format!("r{r}"));
                    prop_assert!((0.0..=1.0).contains(&x));
                }
            }
        }
    }
}
