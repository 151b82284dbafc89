//! The restricted master LP of the column generation (`partition.rs`):
//!
//! `max Σ_k value_k x_k` s.t. every group is covered once (`Σ_{k ∋ g} x_k = 1`, rows
//! `0..n`), every place takes at most one of its columns (`Σ_{k at j} x_k ≤ 1`, rows
//! `n..n+m`), `x ≥ 0`,
//!
//! by a revised primal simplex with a dense basis inverse. The rows are few (groups plus
//! places, a few hundred where this is used) and a column has only a handful of entries,
//! so a pivot costs one pass over the rows it touches; columns arrive between solves and
//! the basis stays primal feasible, so each re-solve starts where the last one stopped.
//!
//! It starts from a plan placing everyone, so it needs no artificial variables (whose
//! big-M duals would be useless for pricing): the plan's columns, a one-group column for
//! every other group at its place, and every place row's slack make a feasible basis.
//! Set partitioning is highly degenerate, so the entering rule falls back to Bland's after
//! a run of degenerate pivots. Nothing here needs to be exact: the bound the caller reports is recomputed from the duals by pricing
//! (`L(u)` is an upper bound for any `u`), so the simplex only has to steer.

/// A column: a set of groups at one place.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub place: usize,
    /// Groups, ascending.
    pub groups: Vec<usize>,
    /// Total score.
    pub value: f64,
}

/// Marks the slack of place row `r` as `UNIT + r`.
const UNIT: usize = usize::MAX / 2;
/// Reduced costs below this count as zero.
const TOLERANCE: f64 = 1e-9;
/// Pivots between recomputations of the inverse from the basis, against drift.
const REFACTOR_EVERY: usize = 200;

/// The master problem and its current basis.
pub(crate) struct Master {
    groups: usize,
    rows: usize,
    pub cols: Vec<Column>,
    /// The basic variable of each row (a column index, or `UNIT + row`).
    basis: Vec<usize>,
    /// Whether each column is basic.
    basic: Vec<bool>,
    /// Whether each row's slack is basic (group rows have none).
    slack_basic: Vec<bool>,
    /// `B⁻¹`, row-major.
    inverse: Vec<f64>,
    /// Values of the basic variables.
    level: Vec<f64>,
    /// Duals `y = c_B B⁻¹`.
    dual: Vec<f64>,
    since_refactor: usize,
}

impl Master {
    /// The master over `columns` with the basis `basic` (column indices) plus every place
    /// row's slack; the basis must be feasible and non-singular, as the one built from a
    /// complete plan is (see the module documentation).
    pub fn new(groups: usize, places: usize, columns: Vec<Column>, basic: &[usize]) -> Master {
        let rows = groups + places;
        assert_eq!(basic.len(), groups, "one basic column per group row");
        let mut master = Master {
            groups,
            rows,
            basis: basic.iter().copied().chain((groups..rows).map(|r| UNIT + r)).collect(),
            basic: vec![false; columns.len()],
            cols: columns,
            slack_basic: vec![true; rows],
            inverse: Vec::new(),
            level: vec![0.0; rows],
            dual: vec![0.0; rows],
            since_refactor: 0,
        };
        for &k in basic {
            master.basic[k] = true;
        }
        master.refactor();
        master
    }

    pub fn add(&mut self, column: Column) {
        self.cols.push(column);
        self.basic.push(false);
    }

    /// The duals of the group rows (`u`) and of the place rows (`v`).
    pub fn duals(&self) -> (&[f64], &[f64]) {
        self.dual.split_at(self.groups)
    }

    /// The objective of the current basis.
    pub fn value(&self) -> f64 {
        (0..self.rows)
            .map(|r| self.cost(self.basis[r]) * self.level[r])
            .sum()
    }

    /// The basic columns with their values (no unit variables).
    pub fn solution(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        (0..self.rows)
            .filter(|&r| self.basis[r] < UNIT)
            .map(|r| (self.basis[r], self.level[r]))
    }

    fn cost(&self, var: usize) -> f64 {
        if var >= UNIT { 0.0 } else { self.cols[var].value }
    }

    /// Rows of variable `var` (all entries are 1).
    fn entries(&self, var: usize, out: &mut Vec<usize>) {
        out.clear();
        match var.checked_sub(UNIT) {
            Some(r) => out.push(r),
            None => {
                let c = &self.cols[var];
                out.extend_from_slice(&c.groups);
                out.push(self.groups + c.place);
            }
        }
    }

    fn reduced(&self, var: usize, entries: &mut Vec<usize>) -> f64 {
        self.entries(var, entries);
        self.cost(var) - entries.iter().map(|&r| self.dual[r]).sum::<f64>()
    }

    /// Pivots until no column improves or `max_pivots` is reached; returns the number of
    /// pivots. Dantzig's rule, switching to Bland's after a run of degenerate pivots so
    /// the set-partitioning degeneracy cannot make it cycle.
    pub fn optimise(&mut self, max_pivots: usize) -> usize {
        let m = self.rows;
        let mut entries = Vec::new();
        let mut w = vec![0.0; m];
        let mut degenerate = 0;
        for pivots in 0..max_pivots {
            let bland = degenerate > 50;
            let mut enter = None;
            let mut best = TOLERANCE;
            let candidates = (0..self.cols.len())
                .filter(|&k| !self.basic[k])
                .chain((self.groups..m).filter(|&r| !self.slack_basic[r]).map(|r| UNIT + r));
            for var in candidates {
                let d = self.reduced(var, &mut entries);
                if d > best {
                    best = d;
                    enter = Some((var, d));
                    if bland {
                        break;
                    }
                }
            }
            let Some((q, d)) = enter else {
                return pivots;
            };
            self.entries(q, &mut entries);
            for (i, wi) in w.iter_mut().enumerate() {
                let row = &self.inverse[i * m..(i + 1) * m];
                *wi = entries.iter().map(|&e| row[e]).sum();
            }
            // Ratio test; among (near) ties the largest pivot element, for stability, or
            // with Bland's rule the smallest basic variable.
            let mut leave: Option<(usize, f64)> = None;
            for i in 0..m {
                if w[i] <= 1e-9 {
                    continue;
                }
                let ratio = self.level[i].max(0.0) / w[i];
                let better = match leave {
                    None => true,
                    Some((l, t)) => {
                        ratio < t - 1e-12
                            || (ratio <= t + 1e-12
                                && if bland {
                                    self.basis[i] < self.basis[l]
                                } else {
                                    w[i] > w[l]
                                })
                    }
                };
                if better {
                    leave = Some((i, ratio));
                }
            }
            let Some((r, theta)) = leave else {
                // Unbounded cannot happen (every variable is at most 1); stop rather than loop.
                return pivots;
            };
            if theta <= 1e-12 {
                degenerate += 1;
            } else {
                degenerate = 0;
            }
            self.pivot(q, r, &w, d);
        }
        max_pivots
    }

    fn pivot(&mut self, q: usize, r: usize, w: &[f64], d: f64) {
        let m = self.rows;
        let wr = w[r];
        let theta = self.level[r].max(0.0) / wr;
        for (i, &wi) in w.iter().enumerate() {
            if i != r && wi != 0.0 {
                self.level[i] -= theta * wi;
            }
        }
        self.level[r] = theta;
        let (before, rest) = self.inverse.split_at_mut(r * m);
        let (pivot_row, after) = rest.split_at_mut(m);
        for x in pivot_row.iter_mut() {
            *x /= wr;
        }
        for (i, &f) in w.iter().enumerate() {
            if i == r || f == 0.0 {
                continue;
            }
            let row = if i < r {
                &mut before[i * m..(i + 1) * m]
            } else {
                &mut after[(i - r - 1) * m..(i - r) * m]
            };
            for (x, &z) in row.iter_mut().zip(pivot_row.iter()) {
                *x -= f * z;
            }
        }
        for (y, &z) in self.dual.iter_mut().zip(pivot_row.iter()) {
            *y += d * z;
        }
        self.mark(self.basis[r], false);
        self.basis[r] = q;
        self.mark(q, true);
        self.since_refactor += 1;
        if self.since_refactor >= REFACTOR_EVERY {
            self.refactor();
        }
    }

    fn mark(&mut self, var: usize, basic: bool) {
        match var.checked_sub(UNIT) {
            Some(r) => self.slack_basic[r] = basic,
            None => self.basic[var] = basic,
        }
    }

    /// Recomputes `B⁻¹`, the levels and the duals from the basis (Gauss–Jordan with
    /// partial pivoting; the basis is sparse, so most eliminations are skipped).
    fn refactor(&mut self) {
        let m = self.rows;
        let mut entries = Vec::new();
        // [B | I] → [I | B⁻¹] by row operations.
        let mut b = vec![0.0f64; m * m];
        for (k, &var) in self.basis.iter().enumerate() {
            self.entries(var, &mut entries);
            for &e in &entries {
                b[e * m + k] = 1.0;
            }
        }
        let mut inv = vec![0.0; m * m];
        for i in 0..m {
            inv[i * m + i] = 1.0;
        }
        for col in 0..m {
            let pivot = (col..m)
                .max_by(|&x, &y| b[x * m + col].abs().total_cmp(&b[y * m + col].abs()))
                .expect("rows remain");
            if b[pivot * m + col].abs() < 1e-12 {
                // Singular from drift: keep the updated inverse rather than a wrong one.
                assert!(!self.inverse.is_empty(), "the starting basis must be non-singular");
                return;
            }
            if pivot != col {
                for k in 0..m {
                    b.swap(pivot * m + k, col * m + k);
                    inv.swap(pivot * m + k, col * m + k);
                }
            }
            let p = b[col * m + col];
            for k in 0..m {
                b[col * m + k] /= p;
                inv[col * m + k] /= p;
            }
            for i in 0..m {
                let f = b[i * m + col];
                if i == col || f == 0.0 {
                    continue;
                }
                for k in 0..m {
                    let (bk, ik) = (b[col * m + k], inv[col * m + k]);
                    if bk != 0.0 {
                        b[i * m + k] -= f * bk;
                    }
                    if ik != 0.0 {
                        inv[i * m + k] -= f * ik;
                    }
                }
            }
        }
        self.inverse = inv;
        self.since_refactor = 0;
        // Levels: B⁻¹ · 1 (every right-hand side is 1); duals: c_B B⁻¹.
        for i in 0..m {
            self.level[i] = self.inverse[i * m..(i + 1) * m].iter().sum();
        }
        let costs: Vec<f64> = self.basis.iter().map(|&v| self.cost(v)).collect();
        for (r, y) in self.dual.iter_mut().enumerate() {
            *y = (0..m).map(|i| costs[i] * self.inverse[i * m + r]).sum();
        }
    }
}
