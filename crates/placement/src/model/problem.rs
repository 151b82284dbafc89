//! The instance as the solvers see it: linked cases merged into groups (one super-case per
//! linked group), forbidden pairs and pairs that can never fit removed, dense demand and
//! capacity vectors. Built once per solve; everything downstream indexes into it.
use super::instance::Instance;

/// Slack allowed when comparing loads to capacities, so sums of decimal demands that equal a
/// capacity are not refused for rounding.
pub(crate) const EPS: f64 = 1e-9;

/// One allowed (group, place) pair and its score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Opt {
    pub place: usize,
    pub score: f64,
}

/// Linked cases that must go to the same place, treated as one indivisible unit.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Case indices, ascending.
    pub members: Vec<usize>,
    /// Summed demand per dimension.
    pub demand: Vec<f64>,
    /// Persons in the group: the lexicographic priority when not everyone can be placed.
    pub weight: f64,
    /// Places the whole group may go to, ascending by place, with the summed score.
    pub options: Vec<Opt>,
    /// Indices into `options`, best score first (ties by place).
    pub by_score: Vec<usize>,
    /// The non-zero entries of `demand`, `(dimension, amount)`: capacity checks only look
    /// at these.
    pub sparse: Vec<(usize, f64)>,
    /// Groups with the same demand vector share a kind (numbered in order of first
    /// appearance): they are interchangeable as far as capacities go.
    pub kind: usize,
}

impl Group {
    /// Score at place `j`, if allowed.
    pub fn score_at(&self, j: usize) -> Option<f64> {
        self.options
            .binary_search_by(|o| o.place.cmp(&j))
            .ok()
            .map(|k| self.options[k].score)
    }
}

/// The solver's view of an instance.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    /// Number of capacity dimensions.
    pub dims: usize,
    /// Number of places.
    pub places: usize,
    /// `cap[j * dims + d]`: the declared capacity, lowered to the place's maximum and the
    /// top of the fairness band.
    pub cap: Vec<f64>,
    /// `floor[j * dims + d]`: the least place `j` must receive in dimension `d` (its
    /// declared minimum, raised to the bottom of the fairness band); 0 for none.
    pub floor: Vec<f64>,
    /// Whether any floor is above 0: every move then checks it, and plans must meet them.
    pub has_floors: bool,
    /// The fairness band per place, `(dimension, [(least, most)])`
    /// ([`Instance::fair_bounds`]), computed once here for explanations and diagnoses.
    pub band: Option<(usize, Vec<(f64, f64)>)>,
    /// With floors, the groups allowed at each place, ascending (empty without floors):
    /// filling a floor looks only at these.
    pub allowed_at: Vec<Vec<usize>>,
    pub groups: Vec<Group>,
    /// The group of each case.
    pub group_of: Vec<usize>,
    /// How many better places per group the local search's swaps and ejection chains try:
    /// fewer on large instances, where each place has many residents to trade with.
    pub candidates: usize,
    /// `dense[g * places + j]`: the score, NaN where not allowed; kept when it fits in
    /// 20 million entries, so the local search looks scores up without a search.
    dense: Option<Vec<f64>>,
}

impl Problem {
    /// Builds the solver's view. `instance` must be valid.
    pub fn build(instance: &Instance) -> Problem {
        let dims = instance.dimensions.len();
        let m = instance.places.len();
        let n = instance.cases.len();
        let mut cap = vec![0.0; m * dims];
        let mut floor = vec![0.0; m * dims];
        let band = instance.fair_bounds();
        for j in 0..m {
            for (d, name) in instance.dimensions.iter().enumerate() {
                cap[j * dims + d] = instance.room(j, d, band.as_ref()).0;
                floor[j * dims + d] = instance.minimum(j, name);
                if let Some((fd, bounds)) = &band
                    && *fd == d
                {
                    floor[j * dims + d] = floor[j * dims + d].max(bounds[j].0);
                }
            }
        }
        let has_floors = floor.iter().any(|&f| f > EPS);
        let members = linked_groups(instance);
        let persons = instance.dimensions.iter().position(|d| d == "persons");
        let mut group_of = vec![0; n];
        let mut groups = Vec::with_capacity(members.len());
        let mut kinds: std::collections::HashMap<Vec<u64>, usize> =
            std::collections::HashMap::new();
        for (g, members) in members.into_iter().enumerate() {
            let mut demand = vec![0.0; dims];
            let mut weight = 0.0;
            for &i in &members {
                group_of[i] = g;
                for (d, name) in instance.dimensions.iter().enumerate() {
                    demand[d] += instance.demand(i, name);
                }
                weight += persons
                    .map(|p| instance.demand(i, &instance.dimensions[p]))
                    .unwrap_or(0.0)
                    .max(1.0);
            }
            let mut options = Vec::new();
            'place: for j in 0..m {
                let mut score = 0.0;
                for &i in &members {
                    match instance.scores[i][j] {
                        Some(s) if instance.missing_services(i, j).is_empty() => score += s,
                        _ => continue 'place,
                    }
                }
                if (0..dims).any(|d| demand[d] > cap[j * dims + d] + EPS) {
                    continue;
                }
                options.push(Opt { place: j, score });
            }
            let sparse = (0..dims)
                .filter(|&d| demand[d] > 0.0)
                .map(|d| (d, demand[d]))
                .collect();
            let next = kinds.len();
            let kind = *kinds
                .entry(demand.iter().map(|a| a.to_bits()).collect())
                .or_insert(next);
            groups.push(Group {
                by_score: by_score(&options),
                members,
                sparse,
                demand,
                weight,
                options,
                kind,
            });
        }
        let candidates = if groups.len() > 5000 { 8 } else { 32 };
        Problem {
            dense: dense(&groups, m),
            candidates,
            dims,
            places: m,
            cap,
            floor,
            has_floors,
            allowed_at: allowed_at(&groups, m, has_floors),
            band,
            groups,
            group_of,
        }
    }

    /// The problem of the groups `keep` alone, in the room `cap` the others leave and with
    /// the floors `floor` they leave unmet: their options that no longer fit are dropped.
    pub fn restricted(&self, keep: &[usize], cap: Vec<f64>, floor: Vec<f64>) -> Problem {
        let mut group_of = vec![usize::MAX; self.group_of.len()];
        // Kinds numbered afresh, so they stay below the number of groups.
        let mut kinds = std::collections::HashMap::new();
        let groups: Vec<Group> = keep
            .iter()
            .enumerate()
            .map(|(k, &g)| {
                let mut group = self.groups[g].clone();
                let demand = &group.demand;
                group.options.retain(|o| {
                    let room = &cap[o.place * self.dims..(o.place + 1) * self.dims];
                    demand.iter().zip(room).all(|(a, r)| *a <= r + EPS)
                });
                group.by_score = by_score(&group.options);
                let next = kinds.len();
                group.kind = *kinds.entry(group.kind).or_insert(next);
                for &i in &group.members {
                    group_of[i] = k;
                }
                group
            })
            .collect();
        let has_floors = floor.iter().any(|&f| f > 0.0);
        Problem {
            dense: dense(&groups, self.places),
            candidates: self.candidates,
            dims: self.dims,
            places: self.places,
            floor,
            cap,
            has_floors,
            allowed_at: allowed_at(&groups, self.places, has_floors),
            band: None,
            groups,
            group_of,
        }
    }

    /// Group `g`'s score at place `j`, if allowed.
    pub fn score(&self, g: usize, j: usize) -> Option<f64> {
        match &self.dense {
            Some(dense) => {
                let s = dense[g * self.places + j];
                (!s.is_nan()).then_some(s)
            }
            None => self.groups[g].score_at(j),
        }
    }

    /// A weight on placed persons large enough that one more person placed outweighs any
    /// difference in total score: makes "place as many persons as possible, then maximise
    /// the score" one objective.
    pub fn lexicographic_weight(&self) -> f64 {
        let range: f64 = self
            .groups
            .iter()
            .map(|g| {
                let hi = g.options.iter().map(|o| o.score).fold(0.0, f64::max);
                let lo = g.options.iter().map(|o| o.score).fold(0.0, f64::min);
                hi - lo
            })
            .sum();
        1.0 + range
    }
}

/// Indices into `options`, best score first (ties by place).
fn by_score(options: &[Opt]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..options.len()).collect();
    order.sort_by(|&a, &b| {
        options[b]
            .score
            .total_cmp(&options[a].score)
            .then(options[a].place.cmp(&options[b].place))
    });
    order
}

/// The dense score table, when it fits in 20 million entries.
/// With floors, the groups allowed at each of the `places`, ascending; without, none.
fn allowed_at(groups: &[Group], places: usize, has_floors: bool) -> Vec<Vec<usize>> {
    let mut allowed_at = vec![Vec::new(); if has_floors { places } else { 0 }];
    if has_floors {
        for (g, group) in groups.iter().enumerate() {
            for o in &group.options {
                allowed_at[o.place].push(g);
            }
        }
    }
    allowed_at
}

fn dense(groups: &[Group], places: usize) -> Option<Vec<f64>> {
    (groups.len() * places <= 20_000_000).then(|| {
        let mut dense = vec![f64::NAN; groups.len() * places];
        for (g, group) in groups.iter().enumerate() {
            for o in &group.options {
                dense[g * places + o.place] = o.score;
            }
        }
        dense
    })
}

/// Linked groups: the connected components of `together_with` (symmetric, transitive), each
/// listed by ascending case index, ordered by their first case.
pub(crate) fn linked_groups(instance: &Instance) -> Vec<Vec<usize>> {
    let n = instance.cases.len();
    let index = instance.case_index();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, case) in instance.cases.iter().enumerate() {
        for other in &case.together_with {
            if let Some(&k) = index.get(other.as_str()) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, k));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; n];
    for i in 0..n {
        let root = find(&mut parent, i);
        if slot[root] == usize::MAX {
            slot[root] = groups.len();
            groups.push(Vec::new());
        }
        groups[slot[root]].push(i);
    }
    groups
}
