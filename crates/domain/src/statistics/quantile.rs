//! Medians and 90th percentiles of waiting times, as the report to Parliament gives them.
//!
//! The nearest-rank method: the value below which at least the given share of the values
//! lie, always one of the values themselves (a number of days someone really waited, never
//! an interpolated 91.5). Spreadsheets interpolate; the report says which method it uses.

/// The `share`-quantile (0 < share ≤ 1) of `values` by nearest rank, or `None` for no
/// values. The values need not be sorted.
pub fn nearest_rank(values: &[i64], share: f64) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    // Rank ⌈share · n⌉, counted from 1; at least the first value.
    let rank = (share.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.max(1) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_median_of_an_even_count_is_the_lower_middle_value() {
        assert_eq!(nearest_rank(&[40, 10, 30, 20], 0.5), Some(20));
        assert_eq!(nearest_rank(&[5, 1, 3], 0.5), Some(3));
        assert_eq!(nearest_rank(&[], 0.5), None);
    }

    #[test]
    fn the_90th_percentile_of_ten_values_is_the_ninth() {
        let days: Vec<i64> = (1..=10).map(|d| d * 10).collect();
        assert_eq!(nearest_rank(&days, 0.9), Some(90));
        assert_eq!(nearest_rank(&[7], 0.9), Some(7));
    }

    proptest! {
        /// The quantile is one of the values, and at least `share` of them are at or below it
        /// while fewer than `share` lie strictly below.
        #[test]
        fn the_quantile_splits_the_values_at_the_share(
            values in proptest::collection::vec(-1000i64..1000, 1..60),
            share in 0.01f64..1.0,
        ) {
            let q = nearest_rank(&values, share).unwrap();
            prop_assert!(values.contains(&q));
            let n = values.len() as f64;
            let at_or_below = values.iter().filter(|&&v| v <= q).count() as f64;
            let below = values.iter().filter(|&&v| v < q).count() as f64;
            prop_assert!(at_or_below >= share * n - 1e-9);
            prop_assert!(below < share * n + 1e-9);
        }
    }
}
