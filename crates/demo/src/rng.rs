//! A small deterministic pseudo-random generator (SplitMix64), so the demo needs no `rand`
//! crate and the same seed gives the same caseload on every platform and release.

/// SplitMix64 (Steele, Lea and Flood, 2014): one `u64` of state, good statistical quality
/// for simulation, and cheap to derive independent streams from (seed, case, purpose).
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

/// Golden-ratio increment of SplitMix64.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function, also used to hash stream keys together.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A stream keyed by the demo seed and a path (purpose, case index, attempt, …), so
    /// that each case draws from its own stream and regenerating one case never shifts
    /// the others.
    pub(crate) fn stream(seed: u64, path: &[u64]) -> Self {
        let mut state = mix(seed ^ GAMMA);
        for &p in path {
            state = mix(state ^ mix(p.wrapping_add(GAMMA)));
        }
        Self(state)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift; the bias is below 2^-32 for the
    /// small ranges used here.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A whole number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi);
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }

    /// One element of a non-empty slice, uniformly.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One value of a non-empty table of `(value, weight)`, in proportion to the weights.
    pub(crate) fn weighted<T: Copy>(&mut self, table: &[(T, u32)]) -> T {
        let total: u64 = table.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut x = self.below(total);
        for &(v, w) in table {
            if x < u64::from(w) {
                return v;
            }
            x -= u64::from(w);
        }
        unreachable!("x < total")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::{prop_assert, proptest};

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::stream(7, &[1, 2]).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::stream(7, &[1, 2]).next_u64(),
            Rng::stream(7, &[2, 1]).next_u64()
        );
    }

    #[test]
    fn weights_are_followed() {
        let mut rng = Rng::stream(1, &[]);
        let hits = (0..10_000)
            .filter(|_| rng.weighted(&[(true, 1), (false, 3)]))
            .count();
        assert!((2_200..2_800).contains(&hits), "{hits}");
    }

    proptest! {
        #[test]
        fn range_stays_inside(seed: u64, lo in -1000i64..1000, width in 0i64..1000) {
            let mut rng = Rng::stream(seed, &[]);
            let x = rng.range(lo, lo + width);
            prop_assert!((lo..=lo + width).contains(&x));
        }
    }
}
