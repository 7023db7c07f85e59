"""Latency of the explainers on the bundled Syria corpus, once loaded (target: under 200 ms).

For each question family at the issue's dates, times ``Explainer.explain`` (parsing, camps,
sentences, footnotes) and each renderer, against a baseline measured in the same run: the bare
graph query the explainer starts from (``snapshot_claims`` for the sides, ``claims`` for the
others). Also times the cold path (``explain(graph, q)``, which builds the spaCy matchers first).

    .venv/bin/python benchmarks/explain.py                 # 20 runs per question and date
    .venv/bin/python benchmarks/explain.py --runs 50 --data syria
    .venv/bin/python benchmarks/explain.py --copies 10   # stress: 10 renamed copies of the corpus in one graph

With ``--copies N`` the graph holds N copies of the corpus (ids suffixed, names too) whose actors all
belong to the same country, so "Who is fighting in Syria?" must sort N times as many participants.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import ActorGraph  # noqa: E402
from loaders import bundled_dataset, load_datasets  # noqa: E402
from queries.explain import Explainer, explain, render  # noqa: E402

DATES = ["2013", "2016", "2019", "2024-12-05", "2024-12-10", "2025-03-15"]

# question, the bare graph query it starts from (the baseline)
QUESTIONS = [
    ("Who is fighting in Syria?", lambda g, d: g.snapshot_claims(d)),
    ("Who supports the Assad regime?", lambda g, d: g.claims(object="assad-government", predicate="supports", as_of=d)),
    ("Whom does Russia support?", lambda g, d: g.claims(subject="russia", predicate="supports", as_of=d)),
    ("Who opposes HTS?", lambda g, d: g.claims(actor="hts", predicate=["fights", "opposes"], as_of=d)),
    ("What is HTS?", lambda g, d: g.claims(actor="hts", as_of=d)),
    ("How are the US and Turkey connected?", lambda g, d: g.snapshot_claims(d)),
    ("What changed in Syria in the last 30 days?", lambda g, d: g.changes(_month_before(d), d)),
    ("Who controls Aleppo?", lambda g, d: g.snapshot_claims(d)),
]


def _month_before(d: str) -> str:
    from datetime import date, timedelta

    from graph.time import day_span
    return (date.fromordinal(day_span(d)[1]) - timedelta(days=30)).isoformat()


def copies(g, n: int) -> ActorGraph:
    """``g`` plus ``n - 1`` renamed copies of its actors, sources and claims (places are shared)."""
    from dataclasses import replace

    from graph import Citation

    out = ActorGraph()
    out.add(actors=g.actors, places=g.places, sources=g.sources, claims=list(g.all_claims()))
    places = {p.id for p in g.places}
    for k in range(1, n):
        def rid(i: str, k=k) -> str:
            return i if i in places else f"{i}-k{k}"
        out.add(actors=[replace(a, id=rid(a.id), name=f"{a.name} {k}", aliases=()) for a in g.actors],
                sources=[replace(s, id=rid(s.id)) for s in g.sources],
                claims=[replace(c, id=rid(c.id), subject=rid(c.subject), object=rid(c.object),
                                citations=tuple(Citation(rid(x.source), x.note, x.quote) for x in c.citations))
                        for c in g.all_claims()])
    return out


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--data", default="syria", help="a bundled dataset name (default: syria)")
    ap.add_argument("--copies", type=int, default=1, help="stress test: this many renamed copies of the data")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    g = load_datasets([bundled_dataset(args.data)])
    if args.copies > 1:
        g = copies(g, args.copies)
    load_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    ex = Explainer(g)
    ex.parser  # noqa: B018 - build the matchers now, not inside the first timing
    parser_ms = (time.perf_counter() - t) * 1000
    print(f"dataset {args.data}: {len(g)} claims, {len(g.actors)} actors, {len(g.places)} places; "
          f"load {load_ms:.0f} ms; question parser built in {parser_ms:.0f} ms; {args.runs} runs per cell\n")

    header = (f"{'question':44} {'baseline med':>12} {'explain med':>11} {'p95':>7} {'max':>7} "
              f"{'md':>6} {'html':>6} {'json':>6}")
    print(header)
    print("-" * len(header))
    worst = 0.0
    for question, baseline in QUESTIONS:
        base, exp, md, ht, js = [], [], [], [], []
        for d in DATES:
            base += timed(lambda b=baseline, d=d: b(g, d), args.runs)
            exp += timed(lambda q=question, d=d: ex.explain(q, as_of=d), args.runs)
            e = ex.explain(question, as_of=d)
            md += timed(lambda e=e: render(e, "markdown"), args.runs)
            ht += timed(lambda e=e: render(e, "html"), args.runs)
            js += timed(lambda e=e: render(e, "json"), args.runs)
        p95 = statistics.quantiles(exp, n=20)[-1]
        worst = max(worst, max(exp))
        print(f"{question:44} {statistics.median(base):10.2f}ms {statistics.median(exp):9.2f}ms {p95:5.1f}ms "
              f"{max(exp):5.1f}ms {statistics.median(md):4.1f}ms {statistics.median(ht):4.1f}ms "
              f"{statistics.median(js):4.1f}ms")
    cold = timed(lambda: explain(g, "Who is fighting in Syria?", as_of="2024-12-05"), max(3, args.runs // 5))
    print(f"\ncold explain(graph, q) incl. building the spaCy matchers: median {statistics.median(cold):.0f} ms")
    print(f"slowest warm explain: {worst:.1f} ms (target < 200 ms): {'OK' if worst < 200 else 'TOO SLOW'}")
    return 0 if worst < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
