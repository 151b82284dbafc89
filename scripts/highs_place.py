#!/usr/bin/env python3
"""Solve a resettle placement instance (the JSON of docs/placement.md) with HiGHS, for
comparison with `resettle place solve`. The same model: linked cases merged into one group,
a pair allowed when every member has a score there and the place offers every required
service, every group placed exactly once, capacities per place and dimension (lowered to
each place's `maximum` and the top of the `fairness` band), each place's `minimum` and the
bottom of the band as row lower bounds, maximise the total score. If that is infeasible, the lexicographic variant: each group at most once,
objective score + B * persons placed with B larger than any score difference.

usage: highs_place.py INSTANCE.json [--time-limit S] [--gap G] [--lp]
prints one JSON line: status, objective, bound, gap, seconds (solve only), lp_bound (with --lp)
Single-threaded (threads=1). Needs: pip install highspy numpy scipy
"""
import argparse
import json
import time

import highspy
import numpy as np
from scipy.sparse import csc_matrix


def groups_of(cases):
    index = {c["id"]: i for i, c in enumerate(cases)}
    parent = list(range(len(cases)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, c in enumerate(cases):
        for other in c.get("together_with", []):
            a, b = find(i), find(index[other])
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups = {}
    for i in range(len(cases)):
        groups.setdefault(find(i), []).append(i)
    return [groups[k] for k in sorted(groups)]


def build(inst):
    dims = inst["dimensions"]
    places, cases, scores = inst["places"], inst["cases"], inst["scores"]
    D, m = len(dims), len(places)
    K = np.array([[p.get("capacity", {}).get(d, 0.0) for d in dims] for p in places], float)
    A = np.array([[c.get("demand", {}).get(d, 0.0) for d in dims] for c in cases], float)
    K = np.minimum(K, np.array([[p.get("maximum", {}).get(d, np.inf) for d in dims] for p in places], float))
    L = np.array([[p.get("minimum", {}).get(d, 0.0) for d in dims] for p in places], float)
    fairness = inst.get("fairness")
    if fairness:
        d = dims.index(fairness["dimension"])
        total = A[:, d].sum()
        w = np.array([p["fair_share"] for p in places], float)
        target = total * w / w.sum() if w.sum() > 0 else np.zeros(m)
        b = fairness["band"]
        L[:, d] = np.maximum(L[:, d], np.maximum(np.floor((1 - b) * target + 1e-9), 0))
        K[:, d] = np.minimum(K[:, d], np.ceil((1 + b) * target - 1e-9))
    services = [set(p.get("services", [])) for p in places]
    groups = groups_of(cases)
    persons = dims.index("persons") if "persons" in dims else None
    gA, gw, cols_g, cols_l, cols_s = [], [], [], [], []
    for g, members in enumerate(groups):
        a = A[members].sum(axis=0)
        gA.append(a)
        gw.append(sum(max(A[i, persons] if persons is not None else 0.0, 1.0) for i in members))
        for l in range(m):
            total = 0.0
            ok = True
            for i in members:
                s = scores[i][l]
                if s is None or not set(cases[i].get("requires", [])) <= services[l]:
                    ok = False
                    break
                total += s
            if ok and (a <= K[l] + 1e-9).all():
                cols_g.append(g); cols_l.append(l); cols_s.append(total)
    return dict(D=D, m=m, K=K, L=L, gA=np.array(gA).reshape(len(groups), D), gw=np.array(gw),
                cg=np.array(cols_g, int), cl=np.array(cols_l, int), cs=np.array(cols_s), n=len(groups))


def solve(M, lexicographic, time_limit, gap, lp=False):
    n, m, D = M["n"], M["m"], M["D"]
    cg, cl, cs = M["cg"], M["cl"], M["cs"]
    nv = len(cg)
    B = 0.0
    if lexicographic:
        rng = np.zeros(n)
        hi = np.zeros(n); lo = np.zeros(n)
        np.maximum.at(hi, cg, cs); np.minimum.at(lo, cg, cs)
        B = 1.0 + float((hi - lo).sum())
    cost = cs + B * M["gw"][cg]
    rows, cols, vals = list(cg), list(range(nv)), [1.0] * nv
    for d in range(D):
        a = M["gA"][cg, d]
        nz = np.flatnonzero(a != 0)
        rows += list(n + cl[nz] * D + d); cols += list(nz); vals += list(a[nz])
    mat = csc_matrix((vals, (rows, cols)), shape=(n + m * D, nv))
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    if time_limit:
        h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", float(gap))
    model = highspy.HighsLp()
    model.num_col_ = nv
    model.num_row_ = n + m * D
    model.col_cost_ = cost
    model.col_lower_ = np.zeros(nv)
    model.col_upper_ = np.ones(nv)
    inf = highspy.kHighsInf
    lower = np.where(M["L"].reshape(-1) > 0, M["L"].reshape(-1), -inf)
    model.row_lower_ = np.concatenate([np.full(n, -inf) if lexicographic else np.ones(n), lower])
    model.row_upper_ = np.concatenate([np.ones(n), M["K"].reshape(-1)])
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_ = mat.indptr
    model.a_matrix_.index_ = mat.indices
    model.a_matrix_.value_ = mat.data
    model.sense_ = highspy.ObjSense.kMaximize
    if not lp:
        model.integrality_ = [highspy.HighsVarType.kInteger] * nv
    h.passModel(model)
    t = time.time()
    h.run()
    seconds = time.time() - t
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    out = dict(highs_status=status, seconds=seconds, B=B)
    if lp:
        out["value"] = info.objective_function_value
        return out
    x = np.array(h.getSolution().col_value) if info.primal_solution_status else np.zeros(nv)
    chosen = x > 0.5
    out["objective"] = float(cs[chosen].sum())
    out["placed_persons"] = float(M["gw"][cg[chosen]].sum())
    out["total_persons"] = float(M["gw"].sum())
    out["bound"] = float(info.mip_dual_bound) - B * out["placed_persons"]
    out["has_solution"] = bool(info.primal_solution_status)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=None)
    ap.add_argument("--gap", type=float, default=1e-4)
    ap.add_argument("--lp", action="store_true", help="also solve the LP relaxation")
    args = ap.parse_args()
    t0 = time.time()
    inst = json.load(open(args.instance))
    M = build(inst)
    build_s = time.time() - t0
    res = solve(M, False, args.time_limit, args.gap)
    status = None
    if res["highs_status"] == "Infeasible":
        res = solve(M, True, args.time_limit, args.gap)
        status = "infeasible"
    elif not res["has_solution"]:
        status = "no solution"
    obj, bound = res["objective"], res["bound"]
    gap = max(bound - obj, 0.0) / max(abs(obj), 1e-9)
    if status is None:
        status = "optimal" if res["highs_status"] == "Optimal" else "feasible"
    out = dict(status=status, objective=obj, bound=bound, gap=gap, seconds=res["seconds"],
               highs_status=res["highs_status"], build_seconds=build_s, variables=len(M["cg"]))
    if args.lp:
        lp = solve(M, status == "infeasible", None, args.gap, lp=True)
        out["lp_bound"] = lp["value"] - (lp["B"] * res["placed_persons"] if status == "infeasible" else 0.0)
        out["lp_seconds"] = lp["seconds"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
