"""Engine benchmark: load time and ``supporters-of`` latency, with the in-memory graph as the baseline.

Usage:  .venv/bin/python benchmarks/engines.py [--claims 1000000] [--rdflib-claims 20000] [--oxigraph-claims N]
                                               [--engines falkordb,oxigraph,rdflib]

Each engine is loaded with a synthetic graph of ``supports`` claims (partial dates, 30% open-ended,
one actor per 10 claims) and answers the same point queries ("supporters of X as of D", possible
reading); every answer is checked against the in-memory graph's own ``supporters_of``. The in-memory
graph is measured in the same run. rdflib is far too slow for 1M claims and is measured on a smaller
graph (``--rdflib-claims``); the table says which size each row used.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from queries.engines import open_engine  # noqa: E402
from queries.template import load_templates  # noqa: E402
from tests.queries.randomgraph import synthetic_graph  # noqa: E402

QUERIES = 200


def _queries(graph, n: int, seed: int = 7):
    rng = random.Random(seed)
    actors = [a.id for a in graph.actors]
    return [(rng.choice(actors), rng.choice(["2012", "2013-06", "2014-02-11", "2015-09-30", "2017-03"]))
            for _ in range(n)]


def _median_ms(samples):
    return statistics.median(samples) * 1000


def bench_memory(graph, queries):
    times, answers = [], []
    graph.supporters_of(queries[0][0], as_of=queries[0][1])  # build lazy indexes outside the timing
    for actor, when in queries:
        t = time.perf_counter()
        rows = graph.supporters_of(actor, as_of=when)
        times.append(time.perf_counter() - t)
        answers.append(sorted(c.id for c in rows))
    return times, answers


def bench_engine(name, graph, queries, expected):
    template = load_templates()["supporters-of"]
    engine = open_engine(name)
    try:
        t = time.perf_counter()
        engine.load(graph)
        load = time.perf_counter() - t
        bound = [template.bind(graph, {"actor": a, "as_of": d}) for a, d in queries]
        engine.run(template, bound[0])  # warm up
        times, wrong = [], 0
        for b, exp in zip(bound, expected, strict=False):
            t = time.perf_counter()
            rows = engine.run(template, b)
            times.append(time.perf_counter() - t)
            wrong += sorted(r["claim_id"] for r in rows) != exp
        return load, times, wrong
    finally:
        engine.close()


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--claims", type=int, default=1_000_000)
    p.add_argument("--oxigraph-claims", type=int, default=None, help="default: --claims")
    p.add_argument("--falkordb-claims", type=int, default=None, help="default: --claims")
    p.add_argument("--rdflib-claims", type=int, default=20_000)
    p.add_argument("--engines", default="falkordb,oxigraph,rdflib", help="comma-separated: which engines to run")
    args = p.parse_args(argv)
    chosen = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(chosen) - {"falkordb", "oxigraph", "rdflib"}
    if unknown:
        p.error(f"unknown engine(s) {', '.join(sorted(unknown))}; choose from falkordb, oxigraph, rdflib")
    sizes = {"oxigraph": args.oxigraph_claims or args.claims, "falkordb": args.falkordb_claims or args.claims,
             "rdflib": args.rdflib_claims}
    graphs: dict[int, tuple] = {}
    rows = []

    def graph_of(n):
        if n not in graphs:
            t = time.perf_counter()
            g = synthetic_graph(n)
            build = time.perf_counter() - t
            q = _queries(g, QUERIES)
            times, answers = bench_memory(g, q)
            graphs.clear()  # keep one big graph in memory at a time
            graphs[n] = (g, q, answers)
            rows.append(("in-memory ActorGraph (baseline)", n, build, _median_ms(times), max(times) * 1000, 0))
            print(rows[-1], file=sys.stderr, flush=True)
        return graphs[n]

    for name in chosen:
        g, q, answers = graph_of(sizes[name])
        load, times, wrong = bench_engine(name, g, q, answers)
        rows.append((name, sizes[name], load, _median_ms(times), max(times) * 1000, wrong))
        print(rows[-1], file=sys.stderr, flush=True)
    print(f"supporters-of, {QUERIES} point queries per engine; answers checked against the in-memory graph\n")
    print("| engine | claims | load (s) | median query (ms) | max query (ms) | wrong answers |")
    print("|---|---|---|---|---|---|")
    for name, n, load, med, mx, wrong in rows:
        print(f"| {name} | {n:,} | {load:.1f} | {med:.3f} | {mx:.1f} | {wrong} |")


if __name__ == "__main__":
    main()
