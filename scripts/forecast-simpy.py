#!/usr/bin/env python3
"""The capacity forecast's model written again in SimPy, as an analyst would, to check the
Rust model (crates/forecast) against a peer: run by hand, not in CI.

    pip install simpy
    cargo build --release
    scripts/forecast-simpy.py [--runs 1000] [--seed 1] [SCENARIO.toml ...]

For each scenario (default: both shipped ones) it simulates the same pipeline with SimPy
(families as processes, a weekly dispatcher process for the places), runs
`target/release/resettle simulate --format json` on the same scenario, and compares the
distributions the two give: each pledge's chance of being met and the quantiles of its
arrivals, and each stage's occupancy at a few weeks, each difference against its
Monte-Carlo error. It also times the SimPy runs, and the Rust runs through
`cargo bench -p resettle-forecast -- RUNS SCENARIO` (the forecast without the buffer search),
and prints the CPU time per run of each (CPU, not wall-clock, time: the machine is shared).

The model (docs/decisions/0016-capacity-forecast.md): time in weeks from the scenario's
start. Submitted families (missions: decided and prepared together; dossiers: one by one)
are accepted at the acceptance rate and become ready after the decision and preparation
weeks; those ready before the first week travelled before it. Each week the stages are
served from the last to the first: families whose stay ended move on, first in first out,
while the next stage has room for the whole family; then ready families arrive, first in
first out, while the first stage has room and the programme is not halted. Durations are
drawn from the scenario's distributions and rounded to whole weeks (at least one in a
stage). The draws differ from the Rust model's (another generator, another order), so the
two agree in distribution, not run by run.
"""
import argparse
import datetime as dt
import json
import math
import pathlib
import random
import re
import statistics
import subprocess
import sys
import time
import tomllib
from collections import deque

import simpy

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHIPPED = [
    ROOT / "data/scenarios/belgium-2018-2019.toml",
    ROOT / "data/scenarios/belgium-growth-path.toml",
]


def day(text):
    return dt.date.fromisoformat(text)


def month(text):
    return dt.date.fromisoformat(text + "-01")


def add_months(d, n):
    i = d.year * 12 + d.month - 1 + n
    return dt.date(i // 12, i % 12 + 1, 1)


def months_later(d, n):
    first = add_months(d, n)
    for dd in range(d.day, 0, -1):
        try:
            return first.replace(day=dd)
        except ValueError:
            continue


class Weeks:
    """A duration distribution in weeks, drawn by its inverse CDF and rounded."""

    def __init__(self, spec, least):
        self.least = least
        ((shape, value),) = spec.items()
        self.shape, self.value = shape, value
        if shape == "empirical":
            pairs = sorted(zip(value["weeks"], value["weights"]))
            total = sum(w for _, w in pairs)
            self.cumulative, seen = [], 0.0
            for w, p in pairs:
                seen += p / total
                self.cumulative.append((seen, w))

    def quantile(self, p):
        v = self.value
        if self.shape == "fixed":
            return float(v)
        if self.shape == "uniform":
            return v[0] + p * (v[1] - v[0])
        if self.shape == "triangular":
            lo, mode, hi = v
            width = hi - lo
            if width <= 0:
                return lo
            if p < (mode - lo) / width:
                return lo + math.sqrt(p * width * (mode - lo))
            return hi - math.sqrt((1 - p) * width * (hi - mode))
        for seen, w in self.cumulative:
            if p <= seen:
                return float(w)
        return float(self.cumulative[-1][1])

    def draw(self, rng):
        return max(self.least, math.floor(self.quantile(rng.random()) + 0.5))


class Scenario:
    def __init__(self, path):
        raw = tomllib.loads(pathlib.Path(path).read_text())
        self.name = raw["name"]
        self.start, self.end = day(raw["start"]), day(raw["end"])
        self.weeks = ((self.end - self.start).days + 1 + 6) // 7
        self.sizes = raw["families"]["size_weights"]
        self.acceptance = raw["decision"]["acceptance_rate"]
        self.decision = Weeks(raw["decision"]["weeks"], 0)
        self.preparation = Weeks(raw["pre_departure"]["weeks"], 0)
        self.stages = raw["stages"]
        self.stay = [Weeks(s["weeks"], 1) for s in self.stages]
        shocks = raw.get("shocks", [])
        week_start = [self.start + dt.timedelta(weeks=w) for w in range(self.weeks)]
        self.halted = [
            any(
                s["kind"] == "halt"
                and day(s["from"]) <= d < months_later(day(s["from"]), s["months"])
                for s in shocks
            )
            for d in week_start
        ]
        self.capacity = []
        for s in self.stages:
            row = []
            for d in week_start:
                if "capacity" not in s:
                    row.append(math.inf)
                    continue
                places = s["capacity"]
                for c in s.get("changes", []):
                    if day(c["from"]) <= d:
                        places = c["capacity"]
                for x in shocks:
                    if (
                        x["kind"] == "places_closed"
                        and x["stage"] == s["name"]
                        and day(x["from"]) <= d
                        and ("months" not in x or d < months_later(day(x["from"]), x["months"]))
                    ):
                        places = max(0, places - x["places"])
                row.append(places)
            self.capacity.append(row)
        cancelled = {x["mission"] for x in shocks if x["kind"] == "mission_cancelled"}
        week_of = lambda d: (d - self.start).days // 7
        # (week, persons, together)
        self.batches = [
            (week_of(month(m["month"])), m["persons"], True)
            for m in raw.get("missions", [])
            if m["name"] not in cancelled and week_of(month(m["month"])) < self.weeks
        ]
        for flow in raw.get("dossiers", []):
            first, until = month(flow["from"]), month(flow["until"])
            n = (until.year - first.year) * 12 + until.month - first.month + 1
            before = 0.0
            for i in range(n):
                after = before + flow["persons_per_month"]
                persons = math.floor(after) - math.floor(before)
                before = after
                w = week_of(add_months(first, i))
                if w >= self.weeks:
                    break
                self.batches.append((w, persons, False))
        self.pledges = []
        for p in raw.get("pledges", []):
            last = p.get("until", p["year"])
            lo, hi = dt.date(p["year"], 1, 1), dt.date(last + 1, 1, 1)
            first = next((w for w, d in enumerate(week_start) if d >= lo), self.weeks)
            end = next((w for w, d in enumerate(week_start) if d >= hi), self.weeks)
            label = str(p["year"]) if last == p["year"] else f"{p['year']}–{last}"
            self.pledges.append((label, first, end, p["persons"]))


class Family:
    __slots__ = ("size", "ready", "stage", "exit", "event")

    def __init__(self, size):
        self.size, self.ready, self.stage, self.exit, self.event = size, None, None, None, None


def one_run(s, rng):
    """One run; returns (weekly arrivals, weekly occupancy per stage)."""
    env = simpy.Environment()
    k_all = len(s.stages)
    occupied = [0] * k_all
    waiting, blocked = deque(), [deque() for _ in range(k_all)]
    arrivals = [0] * s.weeks
    occupancy = [[0] * s.weeks for _ in range(k_all)]

    def size(left):
        return min(rng.choices(range(1, len(s.sizes) + 1), weights=s.sizes)[0], left)

    families = []
    for k, stage in enumerate(s.stages):
        left = stage.get("occupied_at_start", 0)
        while left > 0:
            f = Family(size(left))
            left -= f.size
            f.stage, f.exit = k, 1 + rng.randrange(max(1, s.stay[k].draw(rng)))
            families.append(f)
    for week, persons, together in s.batches:
        if together:
            decision, preparation = s.decision.draw(rng), s.preparation.draw(rng)
        left = persons
        while left > 0:
            f = Family(size(left))
            left -= f.size
            accepted = rng.random() < s.acceptance
            if not together:
                decision, preparation = s.decision.draw(rng), s.preparation.draw(rng)
            ready = week + decision + preparation
            if accepted and ready >= 0:
                f.ready = ready
                families.append(f)

    def family(f):
        """A family's way through the pipeline: it says when it is ready and when a stay
        ends a quarter week before the dispatcher of that week runs."""
        if f.stage is None:
            yield env.timeout(f.ready + 0.25)
            f.event = env.event()
            waiting.append(f)
            yield f.event
            k = 0
        else:
            occupied[f.stage] += f.size
            k = f.stage
            yield env.timeout(f.exit + 0.25)
            f.event = env.event()
            blocked[k].append(f)
            yield f.event
            k += 1
        while k < k_all:
            yield env.timeout(s.stay[k].draw(rng) - 0.75)
            f.event = env.event()
            blocked[k].append(f)
            yield f.event
            k += 1

    def dispatcher():
        yield env.timeout(0.5)
        for w in range(s.weeks):
            for k in reversed(range(k_all)):
                while blocked[k]:
                    f = blocked[k][0]
                    if k + 1 < k_all:
                        if occupied[k + 1] + f.size > s.capacity[k + 1][w]:
                            break
                        occupied[k + 1] += f.size
                    occupied[k] -= f.size
                    blocked[k].popleft()
                    f.event.succeed()
            if not s.halted[w]:
                while waiting and occupied[0] + waiting[0].size <= s.capacity[0][w]:
                    f = waiting.popleft()
                    occupied[0] += f.size
                    arrivals[w] += f.size
                    f.event.succeed()
            for k in range(k_all):
                occupancy[k][w] = occupied[k]
            yield env.timeout(1)

    for f in families:
        env.process(family(f))
    env.process(dispatcher())
    env.run(until=s.weeks + 1)
    return arrivals, occupancy


def quantile(values, q):
    """Nearest-rank, as the Rust model's bands."""
    v = sorted(values)
    return v[max(1, math.ceil(q * len(v))) - 1]


def simpy_forecast(s, runs, seed):
    rng = random.Random(seed)
    pledged = {label: [] for label, *_ in s.pledges}
    occupancy = [[[] for _ in range(s.weeks)] for _ in s.stages]
    # CPU time, not the wall clock: on a shared machine the wall clock counts others' work.
    started = time.process_time()
    for _ in range(runs):
        arrivals, occ = one_run(s, rng)
        for label, first, end, _persons in s.pledges:
            pledged[label].append(sum(arrivals[first:end]))
        for k in range(len(s.stages)):
            for w in range(s.weeks):
                occupancy[k][w].append(occ[k][w])
    return pledged, occupancy, (time.process_time() - started) / runs


def rust_forecast(path, runs, seed):
    binary = ROOT / "target/release/resettle"
    out = subprocess.run(
        [binary, "simulate", "--scenario", path, "--runs", str(runs), "--seed", str(seed), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)["forecast"]


def rust_time_per_run(path, runs):
    out = subprocess.run(
        ["cargo", "bench", "-q", "-p", "resettle-forecast", "--", str(runs), str(pathlib.Path(path).resolve())],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    # The CPU seconds of the one-thread forecast (the bench reads them from /proc).
    found = re.search(r"on 1 thread: [0-9.]+ s \([0-9.]+ µs per run, ([0-9.]+) s of CPU\)", out.stdout)
    return float(found.group(1)) / runs if found else None


def agree(a, b, error):
    return "agrees" if abs(a - b) <= error else "DIFFERS"


def compare(path, runs, seed):
    s = Scenario(path)
    print(f"\n== {s.name} ({runs} runs each)")
    pledged, occupancy, simpy_per_run = simpy_forecast(s, runs, seed)
    rust = rust_forecast(path, runs, seed)
    differs = 0
    print(f"{'figure':44} {'SimPy':>10} {'Rust':>10} {'bound':>8}")
    for (label, _first, _end, persons), r in zip(s.pledges, rust["pledges"]):
        values = pledged[label]
        p = sum(v >= persons for v in values) / runs
        # Two independent estimates of one probability: 3 standard errors of the difference.
        bound = 3 * math.sqrt(max(p * (1 - p), r["p_met"] * (1 - r["p_met"]), 1 / runs) * 2 / runs)
        verdict = agree(p, r["p_met"], bound)
        differs += verdict != "agrees"
        print(f"{'P(' + label + ' pledge of ' + str(persons) + ' met)':44} {p:10.3f} {r['p_met']:10.3f} {bound:8.3f} {verdict}")
        spread = (quantile(values, 0.75) - quantile(values, 0.25)) / 1.349 or 1.0
        for name, q, key in [("10th", 0.10, "lo80"), ("median", 0.5, "median"), ("90th", 0.90, "hi80")]:
            ours = quantile(values, q)
            # A quantile's standard error is about 1.25 to 1.75 sigma / sqrt(n) in the body
            # of a distribution; 4 sigma of the difference, and a person either way.
            bound = 4 * 1.75 * spread * math.sqrt(2 / runs) + 1
            verdict = agree(ours, r["arrivals"][key], bound)
            differs += verdict != "agrees"
            print(f"{'  ' + label + ' arrivals, ' + name:44} {ours:10d} {r['arrivals'][key]:10d} {bound:8.1f} {verdict}")
    for k, stage in enumerate(s.stages):
        for w in [s.weeks // 4, s.weeks // 2, 3 * s.weeks // 4, s.weeks - 1]:
            values = occupancy[k][w]
            ours = quantile(values, 0.5)
            theirs = rust["stages"][k]["occupancy"][w]["median"]
            spread = (quantile(values, 0.75) - quantile(values, 0.25)) / 1.349 or 1.0
            bound = 4 * 1.75 * spread * math.sqrt(2 / runs) + 1
            verdict = agree(ours, theirs, bound)
            differs += verdict != "agrees"
            print(f"{'  ' + stage['name'] + ' occupancy, week ' + str(w) + ', median':44} {ours:10d} {theirs:10d} {bound:8.1f} {verdict}")
    rust_per_run = rust_time_per_run(path, max(runs, 10_000))
    print(f"CPU time per run: SimPy {simpy_per_run * 1e3:.2f} ms", end="")
    if rust_per_run:
        print(f", Rust {rust_per_run * 1e6:.1f} µs (one thread), {simpy_per_run / rust_per_run:.0f} times less")
    else:
        print()
    return differs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("scenarios", nargs="*", default=[str(p) for p in SHIPPED])
    args = parser.parse_args()
    differs = sum(compare(p, args.runs, args.seed) for p in args.scenarios)
    print(f"\n{differs} figures differ beyond their Monte-Carlo error")
    sys.exit(1 if differs else 0)


if __name__ == "__main__":
    main()
