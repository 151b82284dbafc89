//! Many runs at once: the runs are cut into one contiguous share per thread, each thread
//! with its own workspace writing into its own slice of the results, so the results do not
//! depend on the number of threads (run `r` always draws from stream (seed, r)).
use std::sync::atomic::{AtomicU32, Ordering};

use super::plan::Plan;
use super::run::{Record, Workspace, columns};

/// What every run saw, run after run.
#[derive(Debug, Default)]
pub(crate) struct Runs {
    pub runs: usize,
    pub weeks: usize,
    pub stages: usize,
    /// Per run, per week: arrivals, waiting, each stage's occupants (empty unless asked).
    pub series: Vec<u32>,
    /// Per run, per week: the stages short of places, as bits (empty unless asked).
    pub short: Vec<u8>,
    /// Per run, per pledge: persons arrived within its years.
    pub pledged: Vec<u32>,
}

/// Runs `runs` runs of `plan` on `threads` threads; `full` keeps the weekly series (else
/// only the pledges); `progress` hears how many runs are done now and then.
pub(crate) fn simulate(
    plan: &Plan,
    runs: usize,
    seed: u64,
    threads: usize,
    full: bool,
    progress: &(dyn Fn(u32) + Sync),
) -> Runs {
    let (weeks, stages, pledges) = (plan.weeks, plan.stages, plan.pledges.len());
    let width = columns(stages) * weeks;
    let mut out = Runs {
        runs,
        weeks,
        stages,
        series: if full {
            vec![0; runs * width]
        } else {
            Vec::new()
        },
        short: if full {
            vec![0; runs * weeks]
        } else {
            Vec::new()
        },
        pledged: vec![0; runs * pledges],
    };
    let threads = threads.clamp(1, runs.max(1));
    let share = runs.div_ceil(threads);
    let done = AtomicU32::new(0);
    std::thread::scope(|scope| {
        let mut series = out.series.chunks_mut((share * width).max(1));
        let mut short = out.short.chunks_mut((share * weeks).max(1));
        let mut pledged = out.pledged.chunks_mut((share * pledges).max(1));
        for t in 0..threads {
            let first = t * share;
            let last = ((t + 1) * share).min(runs);
            if first >= last {
                break;
            }
            let mut series = if full { series.next() } else { None };
            let mut short = if full { short.next() } else { None };
            let mut pledged = if pledges > 0 { pledged.next() } else { None };
            let done = &done;
            scope.spawn(move || {
                let mut ws = Workspace::default();
                let mut none: [u32; 0] = [];
                for (i, r) in (first..last).enumerate() {
                    let record = Record {
                        series: series
                            .as_deref_mut()
                            .map(|s| &mut s[i * width..(i + 1) * width]),
                        short: short
                            .as_deref_mut()
                            .map(|s| &mut s[i * weeks..(i + 1) * weeks]),
                        pledged: match pledged.as_deref_mut() {
                            Some(p) => &mut p[i * pledges..(i + 1) * pledges],
                            None => &mut none,
                        },
                    };
                    ws.run(plan, seed, r as u64, record, None);
                    if i % 64 == 63 {
                        let now = done.fetch_add(64, Ordering::Relaxed) + 64;
                        if t == 0 {
                            progress(now);
                        }
                    }
                }
            });
        }
    });
    progress(runs as u32);
    out
}
