//! The random numbers of a run: wyrand, one 64-bit word of state and one multiplication per
//! draw, so that drawing the durations of a thousand families costs microseconds.
//!
//! Each run draws from its own stream keyed by (seed, run), so a run's draws do not depend
//! on how many threads share the runs or in which order they finish.

/// wyrand (Wang Yi, 2019; the generator of `fastrand` and of wyhash's test suite): passes
/// BigCrush and PractRand, and needs no crate.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

const INCREMENT: u64 = 0xa076_1d64_78bd_642f;
const MIX: u64 = 0xe703_7ed1_a0b4_28db;

impl Rng {
    /// The stream of run `run` under `seed`.
    pub(crate) fn stream(seed: u64, run: u64) -> Rng {
        let mut r = Rng(seed ^ MIX);
        let a = r.next_u64();
        Rng(a ^ run.wrapping_mul(INCREMENT).rotate_left(29) ^ run)
    }

    /// The next 64 random bits.
    #[inline]
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(INCREMENT);
        let t = u128::from(self.0) * u128::from(self.0 ^ MIX);
        ((t >> 64) as u64) ^ (t as u64)
    }

    /// A number in `0..n` (`n > 0`) by multiply-shift; the bias is below 2^-32 for the small
    /// ranges drawn here.
    #[inline]
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// True with probability `p`.
    #[inline]
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let first = |seed, run| Rng::stream(seed, run).next_u64();
        assert_eq!(first(1, 2), first(1, 2));
        assert_ne!(first(1, 2), first(1, 3));
        assert_ne!(first(1, 2), first(2, 2));
        assert_ne!(first(0, 0), first(0, 1));
    }

    #[test]
    fn draws_are_uniform_enough() {
        let mut rng = Rng::stream(7, 0);
        let mut counts = [0u32; 10];
        for _ in 0..100_000 {
            counts[rng.below(10) as usize] += 1;
        }
        for c in counts {
            assert!((9_500..10_500).contains(&c), "{counts:?}");
        }
        let hits = (0..100_000).filter(|_| rng.chance(0.25)).count();
        assert!((24_400..25_600).contains(&hits), "{hits}");
    }
}
