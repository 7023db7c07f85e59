"""Benchmark of the in-memory ActorGraph on a synthetic graph (default: 100k actors, 1M claims).

Measures build time and peak memory, "supporters of X as of D" latency, and whole-graph snapshot
latency, each against a plain numpy baseline measured in the same run (claims sorted by object
and start day, looked up with searchsorted). Every answer is checked against the baseline.

    .venv/bin/python benchmarks/in_memory.py                # 100k actors, 1M claims
    .venv/bin/python benchmarks/in_memory.py --claims 200000 --actors 20000
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source  # noqa: E402
from graph.time import Bound  # noqa: E402

KINDS = ["state", "government", "armed_forces", "armed_group", "militia", "coalition"]
PREDICATES = ["supports", "opposes", "fights", "allied_with", "member_of"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _random_date(rng: random.Random) -> PartialDate:
    year = rng.randint(1990, 2024)
    precision = rng.random()
    if precision < 0.2:
        return PartialDate(year)
    if precision < 0.4:
        return PartialDate(year, rng.randint(1, 12))
    return PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))


def synthetic(n_actors: int, n_claims: int, seed: int = 7):
    rng = random.Random(seed)
    actors = [Actor(f"a{i}", f"Actor {i}", KINDS[i % len(KINDS)]) for i in range(n_actors)]
    sources = [Source(f"s{i}", f"Report {i}", "Agency", f"https://example.org/{i}", PartialDate(2000 + i % 25))
               for i in range(100)]
    citations = [(Citation(s.id),) for s in sources]
    claims = []
    for i in range(n_claims):
        start = _random_date(rng)
        if rng.random() < 0.3:
            end = Bound.OPEN
        else:
            end = _random_date(rng)
            if end.first_day < start.last_day:
                start, end = end, start
            if end.first_day < start.last_day or end.last_day <= start.first_day:
                end = Bound.OPEN
        predicate = "supports" if rng.random() < 0.6 else PREDICATES[rng.randrange(1, len(PREDICATES))]
        s, o = rng.randrange(n_actors), rng.randrange(n_actors)
        if s == o:
            o = (o + 1) % n_actors
        if predicate == "member_of":
            predicate = "supports"
        claims.append(Claim(f"c{i}", f"a{s}", predicate, f"a{o}", Interval(start, end),
                            citations=citations[i % len(citations)]))
    return actors, sources, claims


class NumpyBaseline:
    """supports claims sorted by (object, possible_from): the practical limit for point queries."""

    def __init__(self, claims):
        sup = [c for c in claims if c.predicate.value == "supports"]
        obj = np.array([int(c.object[1:]) for c in sup], dtype=np.int64)
        start = np.array([c.valid.possible_from for c in sup], dtype=np.int64)
        order = np.lexsort((start, obj))
        self.obj, self.start = obj[order], start[order]
        self.end = np.array([c.valid.possible_to for c in sup], dtype=np.int64)[order]
        self.ids = np.array([int(c.id[1:]) for c in sup], dtype=np.int64)[order]
        self.all_from = np.array([c.valid.possible_from for c in claims], dtype=np.int64)
        self.all_to = np.array([c.valid.possible_to for c in claims], dtype=np.int64)

    def supporters(self, actor: int, day: int) -> np.ndarray:
        lo = np.searchsorted(self.obj, actor, side="left")
        hi = np.searchsorted(self.obj, actor, side="right")
        stop = lo + np.searchsorted(self.start[lo:hi], day, side="right")
        sel = slice(lo, stop)
        return self.ids[sel][self.end[sel] > day]

    def snapshot(self, day: int) -> np.ndarray:
        return (self.all_from <= day) & (self.all_to > day)


def timed(fn, *args, repeat=1):
    best = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(*args)
        best.append(time.perf_counter() - t0)
    return out, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()

    base_rss = rss_mb()
    t0 = time.perf_counter()
    actors, sources, claims = synthetic(args.actors, args.claims)
    t_make = time.perf_counter() - t0
    gc.collect()
    objects_rss = rss_mb()

    g = ActorGraph()
    t0 = time.perf_counter()
    g.add(actors=actors, sources=sources, claims=claims)
    g.holding_mask("2000-01-01")  # build the interval index as part of the build
    t_build = time.perf_counter() - t0
    graph_rss = rss_mb()

    t0 = time.perf_counter()
    base = NumpyBaseline(claims)
    t_base = time.perf_counter() - t0

    rng = random.Random(11)
    queries = [(rng.randrange(args.actors), date(rng.randint(1990, 2024), rng.randint(1, 12), rng.randint(1, 28)))
               for _ in range(args.queries)]
    graph_times, base_times = [], []
    for actor, day in queries:
        t0 = time.perf_counter()
        got = g.supporters_of(f"a{actor}", as_of=day)
        graph_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        want = base.supporters(actor, day.toordinal())
        base_times.append(time.perf_counter() - t0)
        assert sorted(int(c.id[1:]) for c in got) == sorted(want.tolist()), (actor, day)

    # resolving the name goes through the name index; measure the id path too
    id_times = []
    for actor, day in queries:
        t0 = time.perf_counter()
        g.claims(object=f"a{actor}", predicate="supports", as_of=day)
        id_times.append(time.perf_counter() - t0)

    snap_days = [date(y, 6, 1) for y in range(1995, 2025, 3)]
    view_times, list_times, snap_base = [], [], []
    for day in snap_days:
        t0 = time.perf_counter()
        view = g.as_of(day)
        view_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        _, mask = g.holding_mask(day)
        list_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        want = base.snapshot(day.toordinal())
        snap_base.append(time.perf_counter() - t0)
        assert int(mask.sum()) == int(want.sum())
    t0 = time.perf_counter()
    n_edges = sum(1 for _ in view.edges(keys=True))
    t_iterate = time.perf_counter() - t0
    t0 = time.perf_counter()
    sum(1 for _ in view.edges(keys=True))
    t_iterate_again = time.perf_counter() - t0
    t0 = time.perf_counter()
    scan = sum(1 for c in claims if c.valid.possible_from <= snap_days[-1].toordinal() < c.valid.possible_to)
    t_scan = time.perf_counter() - t0
    assert scan == n_edges

    # knowledge time: the same questions as the record stood on a day (the synthetic sources give no
    # 'attests', so each bound is known from the publication of a source that may report it)
    known_days = [date(y, 1, 1) for y in range(2011, 2025, 2)]
    t0 = time.perf_counter()
    g.holding_mask(snap_days[0], known_as_of=known_days[0])
    t_epochs = time.perf_counter() - t0
    known_point, known_snap = [], []
    for i, (actor, day) in enumerate(queries[:500]):
        k = known_days[i % len(known_days)]
        t0 = time.perf_counter()
        got = g.supporters_of(f"a{actor}", as_of=day, known_as_of=k)
        known_point.append(time.perf_counter() - t0)
        want = [c for c in g.claims(object=f"a{actor}", predicate="supports")
                if (s := g.as_known(c, known_as_of=k)) is not None and s.valid.holds_on(day)]
        assert sorted(c.id for c in got) == sorted(c.id for c in want), (actor, day, k)
    for k in known_days:
        t0 = time.perf_counter()
        g.holding_mask(snap_days[-1], known_as_of=k)
        known_snap.append(time.perf_counter() - t0)

    ms = lambda xs: statistics.median(xs) * 1e3  # noqa: E731
    us = lambda xs: statistics.median(xs) * 1e6  # noqa: E731
    print(f"synthetic graph: {args.actors:,} actors, {len(claims):,} claims (Python {sys.version.split()[0]})")
    print()
    print("| measure | ActorGraph | numpy baseline | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| build (objects made before: {t_make:.1f} s) | {t_build:.1f} s | {t_base:.1f} s | "
          f"{t_build / t_base:.1f}x | < 15 s |")
    print(f"| peak memory: objects / + graph (RSS over start {base_rss:.0f} MB) | {objects_rss - base_rss:.0f} MB / "
          f"{graph_rss - base_rss:.0f} MB | | | < 2 GB |")
    print(f"| supporters of X as of D, by name (median of {len(queries)}) | {us(graph_times):.1f} us | "
          f"{us(base_times):.1f} us | {us(graph_times) / us(base_times):.1f}x | < 50 us |")
    print(f"| supporters of X as of D, by id (median) | {us(id_times):.1f} us | {us(base_times):.1f} us | "
          f"{us(id_times) / us(base_times):.1f}x | < 50 us |")
    print(f"| snapshot as_of(D): networkx view (median of {len(snap_days)}) | {ms(view_times):.1f} ms | "
          f"{ms(snap_base):.1f} ms | {ms(view_times) / ms(snap_base):.1f}x | < 50 ms |")
    print(f"| snapshot: mask of holding claims (median) | {ms(list_times):.1f} ms | {ms(snap_base):.1f} ms | "
          f"{ms(list_times) / ms(snap_base):.1f}x | |")
    print(f"| walking every edge of one snapshot view ({n_edges:,} edges): first / again | {t_iterate:.2f} s / "
          f"{t_iterate_again:.2f} s | {t_scan:.2f} s (Python scan of all claims) | {t_iterate / t_scan:.1f}x | |")
    print(f"| supporters of X as of D, known as of K (median of {len(known_point)}, K varies) | "
          f"{us(known_point):.1f} us | {us(base_times):.1f} us | {us(known_point) / us(base_times):.1f}x | |")
    print(f"| snapshot mask known as of K: first cut-off (builds the epoch table) / each new K (median) | "
          f"{t_epochs:.2f} s / {ms(known_snap):.1f} ms | {ms(snap_base):.1f} ms | "
          f"{ms(known_snap) / ms(snap_base):.1f}x | |")


if __name__ == "__main__":
    main()
