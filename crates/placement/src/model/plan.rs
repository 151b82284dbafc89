//! A plan under construction: where each linked group is, the load of every place, and who
//! lives where. Moves keep the loads exact so feasibility checks are O(non-zero demands).
use super::problem::{EPS, Problem};

/// Marks a group without a place.
pub(crate) const NONE: usize = usize::MAX;

/// Where each group is, with the derived loads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    /// Place of each group, or [`NONE`].
    pub at: Vec<usize>,
    /// `load[j * dims + d]`.
    pub load: Vec<f64>,
    /// Groups at each place.
    pub residents: Vec<Vec<usize>>,
}

impl Plan {
    /// Nobody placed.
    pub fn empty(p: &Problem) -> Plan {
        Plan {
            at: vec![NONE; p.groups.len()],
            load: vec![0.0; p.places * p.dims],
            residents: vec![Vec::new(); p.places],
        }
    }

    /// Whether group `g` fits at `j` on top of the current load.
    pub fn fits(&self, p: &Problem, g: usize, j: usize) -> bool {
        let base = j * p.dims;
        p.groups[g]
            .sparse
            .iter()
            .all(|&(d, a)| self.load[base + d] + a <= p.cap[base + d] + EPS)
    }

    /// Whether `g` fits at `j` once the groups in `leaving` (all at `j`) have left.
    pub fn fits_without(&self, p: &Problem, g: usize, j: usize, leaving: &[usize]) -> bool {
        let base = j * p.dims;
        p.groups[g].sparse.iter().all(|&(d, a)| {
            let freed: f64 = leaving.iter().map(|&h| p.groups[h].demand[d]).sum();
            self.load[base + d] - freed + a <= p.cap[base + d] + EPS
        })
    }

    /// Whether no floor of place `j` ends below both its minimum and its current load once
    /// the groups in `leaving` (all at `j`) have left and those in `arriving` have come: a
    /// move may not open or deepen a shortfall, though it may narrow one.
    pub fn keeps_floors(
        &self,
        p: &Problem,
        j: usize,
        leaving: &[usize],
        arriving: &[usize],
    ) -> bool {
        if !p.has_floors {
            return true;
        }
        let base = j * p.dims;
        leaving.iter().all(|&h| {
            p.groups[h].sparse.iter().all(|&(d, _)| {
                let least = p.floor[base + d];
                if least <= EPS {
                    return true;
                }
                let moved: f64 = arriving.iter().map(|&x| p.groups[x].demand[d]).sum::<f64>()
                    - leaving.iter().map(|&x| p.groups[x].demand[d]).sum::<f64>();
                let before = self.load[base + d];
                let after = before + moved;
                after >= least - EPS || after >= before - EPS
            })
        })
    }

    /// How far the loads fall short of the floors, summed over places and dimensions.
    pub fn floor_shortfall(&self, p: &Problem) -> f64 {
        if !p.has_floors {
            return 0.0;
        }
        self.unmet_floors(p).sum()
    }

    /// Per capacity row (indexed like `p.floor`), how far the load falls short of the
    /// floor; 0 where it is met (within `EPS`).
    pub fn unmet_floors<'a>(&'a self, p: &'a Problem) -> impl Iterator<Item = f64> + 'a {
        self.load.iter().zip(&p.floor).map(|(&l, &f)| {
            let short = f - l;
            if short > EPS { short } else { 0.0 }
        })
    }

    /// Whether every place has at least its floor in every dimension.
    pub fn meets_floors(&self, p: &Problem) -> bool {
        self.floor_shortfall(p) == 0.0
    }

    /// Puts unplaced group `g` at `j` (capacity is the caller's business).
    pub fn place(&mut self, p: &Problem, g: usize, j: usize) {
        debug_assert_eq!(self.at[g], NONE);
        self.at[g] = j;
        let base = j * p.dims;
        for &(d, a) in &p.groups[g].sparse {
            self.load[base + d] += a;
        }
        self.residents[j].push(g);
    }

    /// Takes group `g` out of its place.
    pub fn remove(&mut self, p: &Problem, g: usize) {
        let j = self.at[g];
        debug_assert_ne!(j, NONE);
        self.at[g] = NONE;
        let base = j * p.dims;
        for &(d, a) in &p.groups[g].sparse {
            self.load[base + d] -= a;
        }
        let r = &mut self.residents[j];
        let k = r.iter().position(|&h| h == g).expect("resident");
        r.swap_remove(k);
    }

    /// Moves placed or unplaced `g` to `j`.
    pub fn shift(&mut self, p: &Problem, g: usize, j: usize) {
        if self.at[g] != NONE {
            self.remove(p, g);
        }
        self.place(p, g, j);
    }

    /// Total score of the placed groups.
    pub fn score(&self, p: &Problem) -> f64 {
        self.at
            .iter()
            .enumerate()
            .filter(|&(_, &j)| j != NONE)
            .map(|(g, &j)| p.score(g, j).expect("allowed pair"))
            .sum()
    }

    /// Persons placed.
    pub fn placed_weight(&self, p: &Problem) -> f64 {
        self.at
            .iter()
            .enumerate()
            .filter(|&(_, &j)| j != NONE)
            .map(|(g, _)| p.groups[g].weight)
            .sum()
    }

    /// Whether every group has a place.
    pub fn complete(&self) -> bool {
        self.at.iter().all(|&j| j != NONE)
    }
}
