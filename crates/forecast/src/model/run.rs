//! One run: draw every family's size, decision and durations up front, then move the
//! families week by week through the pipeline.
//!
//! All randomness is drawn before the first week, in a fixed order, so two variants of a
//! scenario (a shock removed, buffer places added) see the same families with the same
//! durations (common random numbers): their difference is the variant's effect, not noise.
//!
//! Each week, stages are served from the last to the first, so places freed downstream are
//! used upstream the same week: families whose stay in a stage has ended move on, in the
//! order their stays ended, while the next stage has room for the whole family (a family
//! that does not fit waits in its stage, holding its place, and those behind it wait too);
//! then families ready to travel arrive, in the order they became ready, while the first
//! stage has room and the programme is not halted. Families leaving the last stage are done.
use super::plan::{Plan, UNLIMITED};
use crate::rng::Rng;

/// No family (end of a list).
const NONE: u32 = u32::MAX;
/// Never (a refused family is never ready).
const NEVER: i32 = i32::MAX;

/// A family as a run knows it.
#[derive(Debug, Clone, Copy)]
struct Family {
    size: u16,
    /// The stage it is in on the first day, or -1.
    stage: i8,
    /// Week it leaves that first stage (for a family already in one).
    exit: i32,
    /// Week it was submitted.
    submitted: i32,
    /// Week of its decision.
    decided: i32,
    /// Week it is ready to travel; [`NEVER`] if refused.
    ready: i32,
}

/// A first-in, first-out queue of families, linked through `Workspace::next`.
#[derive(Debug, Clone, Copy)]
struct Queue {
    head: u32,
    tail: u32,
    persons: u32,
}

impl Queue {
    const EMPTY: Queue = Queue {
        head: NONE,
        tail: NONE,
        persons: 0,
    };
}

/// The memory of a run, kept between runs so a thread allocates once.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    families: Vec<Family>,
    /// Stay of family `f` in stage `k` at `f * stages + k`.
    stays: Vec<u16>,
    next: Vec<u32>,
    ready: Vec<Queue>,
    exits: Vec<Queue>,
    blocked: Vec<Queue>,
    occupied: Vec<u32>,
}

/// Where a run writes what it saw.
pub(crate) struct Record<'a> {
    /// Per week: arrivals, persons waiting to travel, then each stage's occupants; `None`
    /// when only the pledges are wanted (the buffer search).
    pub series: Option<&'a mut [u32]>,
    /// Per week: bit `k` set when stage `k`'s occupants and those waiting to enter it
    /// exceed its places.
    pub short: Option<&'a mut [u8]>,
    /// Per pledge: persons arrived within its years (including those before the start).
    pub pledged: &'a mut [u32],
}

/// The persons of a run in each place, one week: the conservation check's account.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Account {
    pub not_yet_submitted: u64,
    pub deciding_or_preparing: u64,
    pub refused: u64,
    pub waiting: u64,
    pub in_stage: Vec<u64>,
    pub done: u64,
    pub arrived: u64,
}

/// Columns of the series per week: arrivals, waiting, then one per stage.
pub(crate) fn columns(stages: usize) -> usize {
    2 + stages
}

impl Workspace {
    fn draw_families(&mut self, plan: &Plan, rng: &mut Rng) {
        let k_all = plan.stages;
        self.families.clear();
        self.stays.clear();
        let size = |rng: &mut Rng, left: u32| -> u16 {
            let s = plan.sizes[(rng.next_u64() >> 54) as usize];
            u16::from(s).min(left as u16)
        };
        let stays = |rng: &mut Rng, out: &mut Vec<u16>| {
            for k in 0..k_all {
                out.push(plan.stay[k].draw(rng));
            }
        };
        for c in &plan.cases {
            use crate::scenario::Position;
            let elapsed = c.weeks_in.min(u32::from(u16::MAX)) as u16;
            let mut f = Family {
                size: c.persons as u16,
                stage: -1,
                exit: 0,
                submitted: -(i32::from(elapsed)),
                decided: 0,
                ready: 0,
            };
            match c.at {
                Position::Deciding => {
                    let accepted = rng.chance(plan.acceptance);
                    let decided = i32::from(plan.decision.remaining(rng, elapsed));
                    let pre = i32::from(plan.pre_departure.draw(rng));
                    f.decided = decided;
                    f.ready = if accepted { decided + pre } else { NEVER };
                }
                Position::PreDeparture => {
                    f.decided = -1;
                    f.ready = i32::from(plan.pre_departure.remaining(rng, elapsed));
                }
                Position::Ready => f.decided = -1,
                Position::Stage(k) => {
                    f.decided = -1;
                    f.ready = NEVER;
                    f.stage = k as i8;
                    f.exit = i32::from(plan.stay[k].remaining(rng, elapsed));
                }
            }
            self.families.push(f);
            stays(rng, &mut self.stays);
        }
        for (k, &persons) in plan.occupied_at_start.iter().enumerate() {
            let mut left = persons;
            while left > 0 {
                let s = size(rng, left);
                left -= u32::from(s);
                // Already some way into its stay: an even share of a drawn stay is left.
                let stay = plan.stay[k].draw(rng);
                let exit = 1 + rng.below(u64::from(stay.max(1))) as i32;
                self.families.push(Family {
                    size: s,
                    stage: k as i8,
                    exit,
                    submitted: -1,
                    decided: -1,
                    ready: NEVER,
                });
                stays(rng, &mut self.stays);
            }
        }
        for b in &plan.batches {
            let (decision, preparation) = if b.together {
                (
                    i32::from(plan.decision.draw(rng)),
                    i32::from(plan.pre_departure.draw(rng)),
                )
            } else {
                (0, 0)
            };
            let mut left = b.persons;
            while left > 0 {
                let s = size(rng, left);
                left -= u32::from(s);
                let accepted = rng.chance(plan.acceptance);
                let (decision, preparation) = if b.together {
                    (decision, preparation)
                } else {
                    (
                        i32::from(plan.decision.draw(rng)),
                        i32::from(plan.pre_departure.draw(rng)),
                    )
                };
                let mark = self.stays.len();
                stays(rng, &mut self.stays);
                let decided = b.week + decision;
                let ready = decided + preparation;
                // A cancelled mission's families are drawn and dropped, so the others draw
                // the same with or without the shock; families ready before the first day
                // travelled before it (the stages' occupants at the start hold them).
                if !b.submitted || (accepted && ready < 0) {
                    self.stays.truncate(mark);
                    continue;
                }
                self.families.push(Family {
                    size: s,
                    stage: -1,
                    exit: 0,
                    submitted: b.week,
                    decided,
                    ready: if accepted { ready } else { NEVER },
                });
            }
        }
    }

    fn push(&mut self, q: Queue, f: u32, persons: u16) -> Queue {
        self.next[f as usize] = NONE;
        let mut q = q;
        if q.head == NONE {
            q.head = f;
        } else {
            self.next[q.tail as usize] = f;
        }
        q.tail = f;
        q.persons += u32::from(persons);
        q
    }

    fn pop(&mut self, q: Queue) -> Queue {
        let f = q.head;
        let persons = u32::from(self.families[f as usize].size);
        let head = self.next[f as usize];
        Queue {
            head,
            tail: if head == NONE { NONE } else { q.tail },
            persons: q.persons - persons,
        }
    }

    /// `b` appended to `a`.
    fn splice(&mut self, a: Queue, b: Queue) -> Queue {
        if b.head == NONE {
            return a;
        }
        if a.head == NONE {
            return b;
        }
        self.next[a.tail as usize] = b.head;
        Queue {
            head: a.head,
            tail: b.tail,
            persons: a.persons + b.persons,
        }
    }

    fn schedule_exit(&mut self, plan: &Plan, k: usize, week: usize, f: u32) {
        if week < plan.weeks {
            let slot = k * plan.weeks + week;
            let size = self.families[f as usize].size;
            self.exits[slot] = self.push(self.exits[slot], f, size);
        }
    }

    /// Runs run `run` of `plan` under `seed`, writing into `record`; with `accounts`, also
    /// keeps every week's account of where everyone is.
    pub(crate) fn run(
        &mut self,
        plan: &Plan,
        seed: u64,
        run: u64,
        record: Record<'_>,
        mut accounts: Option<&mut Vec<Account>>,
    ) {
        let mut rng = Rng::stream(seed, run);
        self.draw_families(plan, &mut rng);
        let (weeks, stages) = (plan.weeks, plan.stages);
        let n = self.families.len();
        self.next.clear();
        self.next.resize(n, NONE);
        self.ready.clear();
        self.ready.resize(weeks, Queue::EMPTY);
        self.exits.clear();
        self.exits.resize(stages * weeks, Queue::EMPTY);
        self.blocked.clear();
        self.blocked.resize(stages, Queue::EMPTY);
        self.occupied.clear();
        self.occupied.resize(stages, 0);
        record.pledged.fill(0);
        for (p, slot) in plan.pledges.iter().zip(record.pledged.iter_mut()) {
            *slot = p.before;
        }

        for f in 0..n as u32 {
            let fam = self.families[f as usize];
            if fam.stage >= 0 {
                let k = fam.stage as usize;
                self.occupied[k] += u32::from(fam.size);
                self.schedule_exit(plan, k, fam.exit as usize, f);
            } else if fam.ready != NEVER && (fam.ready as i64) < weeks as i64 {
                let w = fam.ready.max(0) as usize;
                self.ready[w] = self.push(self.ready[w], f, fam.size);
            }
        }

        let mut waiting = Queue::EMPTY;
        let mut done: u64 = 0;
        let mut arrived_total: u64 = 0;
        let columns = columns(stages);
        let mut series = record.series;
        let mut short = record.short;
        for w in 0..weeks {
            for k in (0..stages).rev() {
                let exits = self.exits[k * weeks + w];
                self.blocked[k] = self.splice(self.blocked[k], exits);
                while self.blocked[k].head != NONE {
                    let f = self.blocked[k].head;
                    let size = u32::from(self.families[f as usize].size);
                    if k + 1 == stages {
                        self.occupied[k] -= size;
                        done += u64::from(size);
                    } else if self.occupied[k + 1] + size <= plan.places(k + 1, w) {
                        self.occupied[k] -= size;
                        self.occupied[k + 1] += size;
                        let stay = self.stays[f as usize * stages + k + 1] as usize;
                        self.blocked[k] = self.pop(self.blocked[k]);
                        self.schedule_exit(plan, k + 1, w + stay, f);
                        continue;
                    } else {
                        break;
                    }
                    self.blocked[k] = self.pop(self.blocked[k]);
                }
            }
            waiting = self.splice(waiting, self.ready[w]);
            let mut arrivals: u32 = 0;
            if !plan.halted[w] {
                while waiting.head != NONE {
                    let f = waiting.head;
                    let size = u32::from(self.families[f as usize].size);
                    if self.occupied[0] + size > plan.places(0, w) {
                        break;
                    }
                    waiting = self.pop(waiting);
                    self.occupied[0] += size;
                    arrivals += size;
                    for (p, slot) in plan.pledges.iter().zip(record.pledged.iter_mut()) {
                        if p.first <= w && w < p.end {
                            *slot += size;
                        }
                    }
                    let stay = self.stays[f as usize * stages] as usize;
                    self.schedule_exit(plan, 0, w + stay, f);
                }
            }
            arrived_total += u64::from(arrivals);
            if let Some(s) = series.as_deref_mut() {
                let row = &mut s[w * columns..(w + 1) * columns];
                row[0] = arrivals;
                row[1] = waiting.persons;
                row[2..].copy_from_slice(&self.occupied);
            }
            if let Some(s) = short.as_deref_mut() {
                let mut bits = 0u8;
                for k in 0..stages {
                    let places = plan.places(k, w);
                    if places == UNLIMITED {
                        continue;
                    }
                    let wanting = if k == 0 {
                        if plan.halted[w] { 0 } else { waiting.persons }
                    } else {
                        self.blocked[k - 1].persons
                    };
                    if u64::from(self.occupied[k]) + u64::from(wanting) > u64::from(places) {
                        bits |= 1 << k;
                    }
                }
                s[w] = bits;
            }
            if let Some(a) = accounts.as_deref_mut() {
                a.push(self.account(w, waiting.persons, done, arrived_total));
            }
        }
    }

    /// Where everyone is at the end of week `w`, counted from the families themselves
    /// where the run keeps no counter (for the conservation check only).
    fn account(&self, w: usize, waiting: u32, done: u64, arrived: u64) -> Account {
        let w = w as i32;
        let mut a = Account {
            waiting: u64::from(waiting),
            in_stage: self.occupied.iter().map(|&o| u64::from(o)).collect(),
            done,
            arrived,
            ..Account::default()
        };
        for f in &self.families {
            let size = u64::from(f.size);
            if f.stage >= 0 {
                continue;
            }
            if f.submitted > w {
                a.not_yet_submitted += size;
            } else if f.ready == NEVER {
                if f.decided <= w {
                    a.refused += size;
                } else {
                    a.deciding_or_preparing += size;
                }
            } else if f.ready > w {
                a.deciding_or_preparing += size;
            }
        }
        a
    }

    /// Persons in the run's families.
    #[cfg(test)]
    pub(crate) fn persons(&self) -> u64 {
        self.families.iter().map(|f| u64::from(f.size)).sum()
    }
}
