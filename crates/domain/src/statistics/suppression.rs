//! Small-cell suppression: published counts never single out a handful of refugees.
//!
//! A count from 1 to `threshold − 1` is withheld (primary suppression). If that leaves a
//! single withheld cell beside a published total, the total would give it away, so the
//! smallest other non-zero cell is withheld too (secondary suppression); if there is no
//! such cell, the total is withheld. Zeros are published: they describe no one.
use serde::Serialize;

/// A column of counts ready to publish: each cell and the total, `None` where withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    /// The cells, in input order; `None` where withheld.
    pub cells: Vec<Option<u64>>,
    /// The total of all cells; `None` where it would reveal a withheld cell.
    pub total: Option<u64>,
}

/// Suppresses a column of counts whose total is published beside it.
pub fn suppress(counts: &[u64], threshold: u64) -> Suppressed {
    let small = |c: u64| c > 0 && c < threshold;
    let mut cells: Vec<Option<u64>> = counts.iter().map(|&c| (!small(c)).then_some(c)).collect();
    let total: u64 = counts.iter().sum();
    let withheld = cells.iter().filter(|c| c.is_none()).count();
    let mut total_shown = !small(total);
    if withheld == 1 {
        let next = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.filter(|&v| v > 0).map(|v| (v, i)))
            .min();
        match next {
            Some((_, i)) => cells[i] = None,
            None => total_shown = false,
        }
    }
    Suppressed {
        cells,
        total: total_shown.then_some(total),
    }
}

/// Suppresses a column as [`suppress`] does, then rounds every published count (cells and
/// total, each on its own) to the nearest multiple of `base` when one is given: Eurostat's
/// practice, so that differences between tables cannot pin down a withheld cell either.
/// Halves round up; zeros stay zero.
pub fn publish(counts: &[u64], threshold: u64, base: Option<u64>) -> Suppressed {
    let s = suppress(counts, threshold);
    let Some(base) = base.filter(|&b| b > 1) else {
        return s;
    };
    let round = |v: Option<u64>| v.map(|v| (v + base / 2) / base * base);
    Suppressed {
        cells: s.cells.into_iter().map(round).collect(),
        total: round(s.total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_counts_are_withheld_and_zeros_shown() {
        let s = suppress(&[0, 3, 12, 40, 2], 5);
        assert_eq!(s.cells, [Some(0), None, Some(12), Some(40), None]);
        assert_eq!(s.total, Some(57));
    }

    #[test]
    fn a_lone_withheld_cell_takes_the_next_smallest_with_it() {
        let s = suppress(&[1, 30, 9, 50], 5);
        assert_eq!(s.cells, [None, Some(30), None, Some(50)]);
        assert_eq!(s.total, Some(90));
    }

    #[test]
    fn with_nothing_to_hide_behind_the_total_is_withheld() {
        let s = suppress(&[0, 3, 0], 5);
        assert_eq!(s.cells, [Some(0), None, Some(0)]);
        assert_eq!(s.total, None);
    }

    #[test]
    fn rounding_to_five_rounds_cells_and_total_apart_after_suppression() {
        // 3 is withheld, and 7 with it (the smallest other); then 12 → 10, 48 → 50.
        let s = publish(&[0, 3, 12, 48, 7], 5, Some(5));
        assert_eq!(s.cells, [Some(0), None, Some(10), Some(50), None]);
        assert_eq!(s.total, Some(70));
        assert_eq!(publish(&[13, 22], 5, Some(5)).cells, [Some(15), Some(20)]);
        assert_eq!(publish(&[12], 5, None).cells, [Some(12)]);
    }

    proptest! {
        #[test]
        fn nothing_published_reveals_a_small_count(
            counts in proptest::collection::vec(prop_oneof![Just(0u64), 1u64..5, 5u64..500], 1..20),
            threshold in 2u64..10,
        ) {
            let s = suppress(&counts, threshold);
            for (cell, &count) in s.cells.iter().zip(&counts) {
                if let Some(v) = cell {
                    prop_assert_eq!(*v, count);
                    prop_assert!(*v == 0 || *v >= threshold, "small count {} shown", v);
                }
            }
            // A published total must not pin down any single withheld cell: either nothing
            // is withheld, or at least two non-zero cells share what the total leaves.
            if let Some(total) = s.total {
                prop_assert!(total == 0 || total >= threshold);
                let hidden: Vec<u64> = s.cells.iter().zip(&counts).filter(|(c, _)| c.is_none()).map(|(_, &v)| v).collect();
                prop_assert!(hidden.is_empty() || hidden.len() >= 2, "{:?} → {:?}", counts, s);
            }
        }
    }
}
