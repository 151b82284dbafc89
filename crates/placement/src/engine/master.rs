//! A small LP by the revised primal simplex with a dense basis inverse:
//!
//! `max c·x` s.t. `A x = b` on the first rows (no slack), `A x ≤ b` on the others,
//! `x ≥ 0`,
//!
//! for two uses where the rows are few (a few hundred) and a column has a handful of
//! entries: the restricted master of the set-partitioning column generation
//! (`partition.rs`; rows: groups, then small places, then large places' capacity rows)
//! and the LP relaxation of instances with few large places (`linear.rs`; rows: groups,
//! then capacity rows). A pivot costs one pass over the rows the entering column touches;
//! columns may arrive between solves and the basis stays primal feasible, so each re-solve
//! starts where the last one stopped.
//!
//! It starts from a basis the caller builds from a plan placing everyone, so it needs no
//! artificial variables (whose big-M duals would be useless as prices). Set partitioning
//! is highly degenerate, so the entering rule falls back to Bland's after a run of
//! degenerate pivots. Nothing here needs to be exact: both callers report a Lagrangian
//! bound recomputed from the duals (an upper bound for any prices), so the simplex only
//! has to steer.

/// A column: `(row, coefficient)` entries and its objective coefficient.
#[derive(Debug, Clone)]
pub(crate) struct Var {
    pub entries: Vec<(usize, f64)>,
    pub cost: f64,
}

/// Rows up to which the dense inverse (rows² numbers, 8 MB at this size) is worth it.
pub(crate) const MAX_ROWS: usize = 1_000;

/// Marks the slack of place row `r` as `UNIT + r`.
const UNIT: usize = usize::MAX / 2;
/// Reduced costs below this count as zero.
const TOLERANCE: f64 = 1e-9;
/// Pivots between recomputations of the inverse from the basis, against drift.
const REFACTOR_EVERY: usize = 200;

/// The problem and its current basis.
pub(crate) struct Master {
    /// Rows before this one are equalities.
    first_slack: usize,
    rows: usize,
    rhs: Vec<f64>,
    cols: Vec<Var>,
    /// The basic variable of each row (a column index, or `UNIT + row`).
    basis: Vec<usize>,
    /// Whether each column is basic.
    basic: Vec<bool>,
    /// Whether each row's slack is basic (equality rows have none).
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
    /// The LP over `columns` with right-hand sides `rhs`, equalities on rows
    /// `..first_slack`, and the starting basis `basic` (column indices, one per equality
    /// row) plus the slack of every other row; that basis must be feasible and
    /// non-singular.
    pub fn new(rhs: Vec<f64>, first_slack: usize, columns: Vec<Var>, basic: &[usize]) -> Master {
        let rows = rhs.len();
        assert_eq!(
            basic.len(),
            first_slack,
            "one basic column per equality row"
        );
        let mut master = Master {
            first_slack,
            rows,
            rhs,
            basis: basic
                .iter()
                .copied()
                .chain((first_slack..rows).map(|r| UNIT + r))
                .collect(),
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

    pub fn add(&mut self, column: Var) {
        self.cols.push(column);
        self.basic.push(false);
    }

    /// Changes the objective coefficient of every column to `cost(k)` (branch and price
    /// prices the columns a branch bans out this way); the basis stays feasible, so the
    /// next `optimise` starts from it.
    pub fn set_costs(&mut self, cost: impl Fn(usize) -> f64) {
        for (k, col) in self.cols.iter_mut().enumerate() {
            col.cost = cost(k);
        }
        self.refresh_duals();
    }

    /// The duals of the equality rows and of the others.
    pub fn duals(&self) -> (&[f64], &[f64]) {
        self.dual.split_at(self.first_slack)
    }

    /// The basic columns with their values (no slacks).
    pub fn solution(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        (0..self.rows)
            .filter(|&r| self.basis[r] < UNIT)
            .map(|r| (self.basis[r], self.level[r]))
    }

    fn cost(&self, var: usize) -> f64 {
        if var >= UNIT {
            0.0
        } else {
            self.cols[var].cost
        }
    }

    /// The entries of variable `var`.
    fn entries(&self, var: usize, out: &mut Vec<(usize, f64)>) {
        out.clear();
        match var.checked_sub(UNIT) {
            Some(r) => out.push((r, 1.0)),
            None => out.extend_from_slice(&self.cols[var].entries),
        }
    }

    fn reduced(&self, var: usize, entries: &mut Vec<(usize, f64)>) -> f64 {
        self.entries(var, entries);
        self.cost(var) - entries.iter().map(|&(r, a)| a * self.dual[r]).sum::<f64>()
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
            let candidates = (0..self.cols.len()).filter(|&k| !self.basic[k]).chain(
                (self.first_slack..m)
                    .filter(|&r| !self.slack_basic[r])
                    .map(|r| UNIT + r),
            );
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
                *wi = entries.iter().map(|&(e, a)| a * row[e]).sum();
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
            for &(e, a) in &entries {
                b[e * m + k] = a;
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
                assert!(
                    !self.inverse.is_empty(),
                    "the starting basis must be non-singular"
                );
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
        // Levels: B⁻¹ b; duals: c_B B⁻¹.
        for i in 0..m {
            let row = &self.inverse[i * m..(i + 1) * m];
            self.level[i] = row.iter().zip(&self.rhs).map(|(x, b)| x * b).sum();
        }
        self.refresh_duals();
    }

    /// Duals from the basis costs: `y = c_B B⁻¹`.
    fn refresh_duals(&mut self) {
        let m = self.rows;
        let costs: Vec<f64> = self.basis.iter().map(|&v| self.cost(v)).collect();
        for (r, y) in self.dual.iter_mut().enumerate() {
            *y = (0..m).map(|i| costs[i] * self.inverse[i * m + r]).sum();
        }
    }
}
