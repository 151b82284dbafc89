//! Pure assignment solved exactly: when each group uses one unit of a single counted
//! dimension and nothing else can bind, the problem is a transportation problem whose
//! matrix is totally unimodular, so a min-cost flow is an optimal integer plan. Successive
//! shortest paths with Johnson potentials (Dijkstra on reduced costs); costs are
//! `M − score ≥ 0`, so the maximum flow (most families placed) comes first and, among
//! maximum flows, the one of least cost (highest total score). `O(n · E log V)`.
use std::cmp::Ordering;
use std::collections::BinaryHeap;

#[derive(Debug, Clone, Copy)]
struct Edge {
    to: usize,
    cap: i64,
    cost: f64,
}

/// A residual network.
struct Network {
    edges: Vec<Edge>,
    out: Vec<Vec<usize>>,
}

impl Network {
    fn new(nodes: usize) -> Self {
        Network {
            edges: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    fn add(&mut self, from: usize, to: usize, cap: i64, cost: f64) {
        self.out[from].push(self.edges.len());
        self.edges.push(Edge { to, cap, cost });
        self.out[to].push(self.edges.len());
        self.edges.push(Edge {
            to: from,
            cap: 0,
            cost: -cost,
        });
    }
}

#[derive(PartialEq)]
struct Item(f64, usize);
impl Eq for Item {}
impl PartialOrd for Item {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Item {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

/// Assigns left nodes (groups) to right nodes (places) with `capacity[j]` slots each:
/// as many as possible, then the highest total score. `options[i]` lists `(place, score)`.
/// Returns each left node's place.
pub(crate) fn max_score_assignment(
    options: &[Vec<(usize, f64)>],
    capacity: &[i64],
) -> Vec<Option<usize>> {
    let n = options.len();
    let m = capacity.len();
    let top = options
        .iter()
        .flatten()
        .map(|&(_, s)| s)
        .fold(0.0, f64::max)
        + 1.0;
    let (source, sink) = (n + m, n + m + 1);
    let mut net = Network::new(n + m + 2);
    for (i, opts) in options.iter().enumerate() {
        net.add(source, i, 1, 0.0);
        for &(j, s) in opts {
            net.add(i, n + j, 1, top - s);
        }
    }
    for (j, &c) in capacity.iter().enumerate() {
        if c > 0 {
            net.add(n + j, sink, c, 0.0);
        }
    }
    let nodes = n + m + 2;
    let mut potential = vec![0.0; nodes];
    let mut dist = vec![f64::INFINITY; nodes];
    let mut via = vec![usize::MAX; nodes];
    loop {
        dist.iter_mut().for_each(|d| *d = f64::INFINITY);
        via.iter_mut().for_each(|v| *v = usize::MAX);
        dist[source] = 0.0;
        let mut heap = BinaryHeap::new();
        heap.push(Item(0.0, source));
        while let Some(Item(d, u)) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            for &e in &net.out[u] {
                let edge = net.edges[e];
                if edge.cap <= 0 {
                    continue;
                }
                let reduced = (edge.cost + potential[u] - potential[edge.to]).max(0.0);
                let nd = d + reduced;
                if nd < dist[edge.to] - 1e-12 {
                    dist[edge.to] = nd;
                    via[edge.to] = e;
                    heap.push(Item(nd, edge.to));
                }
            }
        }
        if dist[sink].is_infinite() {
            break;
        }
        for v in 0..nodes {
            if dist[v].is_finite() {
                potential[v] += dist[v];
            }
        }
        let mut v = sink;
        while v != source {
            let e = via[v];
            net.edges[e].cap -= 1;
            net.edges[e ^ 1].cap += 1;
            v = net.edges[e ^ 1].to;
        }
    }
    (0..n)
        .map(|i| {
            net.out[i].iter().find_map(|&e| {
                let edge = net.edges[e];
                (e % 2 == 0 && edge.to >= n && edge.to < n + m && edge.cap == 0)
                    .then_some(edge.to - n)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way of giving each left node a place or none, within capacity.
    fn brute(options: &[Vec<(usize, f64)>], capacity: &[i64]) -> (usize, f64) {
        fn go(
            i: usize,
            options: &[Vec<(usize, f64)>],
            left: &mut Vec<i64>,
            placed: usize,
            score: f64,
            best: &mut (usize, f64),
        ) {
            if i == options.len() {
                if placed > best.0 || (placed == best.0 && score > best.1 + 1e-12) {
                    *best = (placed, score);
                }
                return;
            }
            go(i + 1, options, left, placed, score, best);
            for &(j, s) in &options[i] {
                if left[j] > 0 {
                    left[j] -= 1;
                    go(i + 1, options, left, placed + 1, score + s, best);
                    left[j] += 1;
                }
            }
        }
        let mut best = (0, f64::NEG_INFINITY);
        go(0, options, &mut capacity.to_vec(), 0, 0.0, &mut best);
        best
    }

    #[test]
    fn min_cost_flow_equals_brute_force() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..200 {
            let n = 1 + next() % 6;
            let m = 1 + next() % 3;
            let capacity: Vec<i64> = (0..m).map(|_| (next() % 3) as i64).collect();
            let options: Vec<Vec<(usize, f64)>> = (0..n)
                .map(|_| {
                    let mut opts = Vec::new();
                    for j in 0..m {
                        if next() % 4 != 0 {
                            opts.push((j, (next() % 100) as f64 / 10.0));
                        }
                    }
                    opts
                })
                .collect();
            let got = max_score_assignment(&options, &capacity);
            let mut used = vec![0; m];
            let mut score = 0.0;
            let mut placed = 0;
            for (i, at) in got.iter().enumerate() {
                if let Some(j) = *at {
                    used[j] += 1;
                    placed += 1;
                    score += options[i].iter().find(|o| o.0 == j).unwrap().1;
                }
            }
            assert!(used.iter().zip(&capacity).all(|(u, c)| u <= c));
            let (bp, bs) = brute(&options, &capacity);
            assert_eq!(placed, bp);
            assert!((score - bs).abs() < 1e-9, "{score} vs {bs}");
        }
    }
}
