"""Every template on every embedded engine, at corpus size and at 100k claims, against the in-memory graph.

For each engine (Oxigraph, FalkorDB; rdflib with ``--engines``), the bundled corpus is loaded, or
``--copies N`` renamed copies of it in one graph (the places are shared, so the copies meet there:
250 copies are about 100k claims whose hubs are very busy places). Each template runs with
parameters taken from the graph (the busiest actors and places, a date in the war, with and without a
knowledge cut-off), ``--runs`` times; its rows are checked against :mod:`queries.reference`, which is
also timed as the baseline (the in-memory graph answering the same question, in the same run).

    .venv/bin/python benchmarks/templates.py                      # the corpus
    .venv/bin/python benchmarks/templates.py --copies 250         # about 100k claims
    .venv/bin/python benchmarks/templates.py --engines oxigraph --only path-between
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.explain import copies  # noqa: E402
from loaders import bundled_dataset, load_datasets  # noqa: E402
from queries.engines import open_engine  # noqa: E402
from queries.reference import reference_rows  # noqa: E402
from queries.template import load_templates  # noqa: E402

AS_OF = "2019-10-15"
KNOWN = "2020-01-01"


def cases(graph) -> list[tuple[str, dict]]:
    """(template, values) pairs: busy actors and places, a date in the war, with and without knowledge time."""
    degree = Counter(x for c in graph.all_claims() for x in (c.subject, c.object))
    actors = [a for a, _ in degree.most_common() if not graph.get(a).is_place]
    places = [p for p, _ in degree.most_common() if graph.get(p).is_place]
    hub, second, quiet = actors[0], actors[1], actors[len(actors) // 2]
    out = []
    for when in ({"as_of": AS_OF}, {"as_of": AS_OF, "known_as_of": KNOWN}):
        for name in ("supporters-of", "supported-by", "members-of", "opponents-of", "allies-of", "timeline",
                     "contested-claims", "support-by-type", "actor-profile", "lineage"):
            values = {"actor": hub, **when}
            if name in ("actor-profile", "lineage"):
                values = {"actor": hub, **({"known_as_of": KNOWN} if "known_as_of" in when else {})}
            out.append((name, values))
        out.append(("fighting", dict(when)))
        out.append(("network-as-of", dict(when)))
        out.append(("controls", {"place": places[0], **when}))
        out.append(("changes-between", {"start": "2019-01-01", "end": AS_OF,
                                        **({"known_as_of": KNOWN} if "known_as_of" in when else {})}))
        out.append(("path-between", {"actor": hub, "other": second, **when}))
        out.append(("path-between", {"actor": quiet, "other": actors[-1], **when}))
    out.append(("path-between", {"actor": quiet, "other": actors[-1]}))
    far, apart, busy_far = far_actors(graph, hub, degree)
    for other in (far, apart, busy_far):
        if other is not None:
            out.append(("path-between", {"actor": hub, "other": other}))
            out.append(("path-between", {"actor": other, "other": hub}))
    out.append(("find-actors", {"text": "al"}))
    return out


def far_actors(graph, hub: str, degree: Counter) -> tuple[str | None, str | None, str | None]:
    """The quietest actor 3 hops from the hub, the quietest actor with no chain of 3 or fewer, and the
    busiest actor 3 hops from the hub (many chains: the most rows, the worst case a sweep found).

    The busiest actor walking out to a quiet one is the slow case for path-between: an engine that
    starts from the hub's side crosses the busiest places (issue 17). Hops ignore dates, so the
    pair is 3 hops apart on the undated question; None when the graph has no such actor.
    """
    links: dict[str, set[str]] = {}
    for c in graph.all_claims():
        links.setdefault(c.subject, set()).add(c.object)
        links.setdefault(c.object, set()).add(c.subject)
    hops = {hub: 0}
    frontier = [hub]
    for step in (1, 2, 3):
        reached = {n for x in frontier for n in links.get(x, ()) if n not in hops}
        hops.update(dict.fromkeys(reached, step))
        frontier = sorted(reached)
    quiet = sorted((degree[a], a) for a in links if not graph.get(a).is_place and a != hub)
    far = next((a for _, a in quiet if hops.get(a) == 3), None)
    apart = next((a for _, a in quiet if a not in hops), None)
    busy_far = next((a for _, a in reversed(quiet) if hops.get(a) == 3), None)
    return far, apart, busy_far


def timed(fn, runs: int) -> tuple[float, list]:
    result = fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=1, help="renamed copies of the corpus in one graph (250: ~100k)")
    ap.add_argument("--engines", default="oxigraph,falkordb", help="comma-separated: oxigraph, falkordb, rdflib")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default=None, help="comma-separated template names")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    graph = load_datasets([bundled_dataset("syria")])
    if args.copies > 1:
        graph = copies(graph, args.copies)
    print(f"{len(graph):,} claims, {len(graph.actors):,} actors, {len(graph.places)} places "
          f"(built in {time.perf_counter() - t:.1f} s); median of {args.runs} runs\n", flush=True)
    templates = load_templates()
    chosen = cases(graph)
    if args.only:
        keep = set(args.only.split(","))
        chosen = [c for c in chosen if c[0] in keep]
    bound = [(name, values, templates[name].bind(graph, values)) for name, values in chosen]
    baseline = [timed(lambda n=n, b=b: reference_rows(graph, templates[n], b), args.runs) for n, _, b in bound]
    wrong_total = 0
    print("| engine | template | parameters | rows | engine ms | in-memory ms | ratio | right |")
    print("|---|---|---|---|---|---|---|---|")
    for engine_name in [e for e in args.engines.split(",") if e]:
        engine = open_engine(engine_name)
        try:
            t = time.perf_counter()
            engine.load(graph)
            print(f"| {engine_name} | (load) | | | {(time.perf_counter() - t) * 1000:.0f} | | | |", flush=True)
            for (name, values, b), (base_ms, expected) in zip(bound, baseline, strict=True):
                ms, rows = timed(lambda n=name, b=b, e=engine: e.run(templates[n], b), args.runs)
                key = lambda r: tuple(sorted((k, repr(v)) for k, v in r.items()))  # noqa: E731
                right = sorted(map(key, rows)) == sorted(map(key, expected))
                wrong_total += not right
                shown = ", ".join(f"{k}={v}" for k, v in values.items())
                print(f"| {engine_name} | {name} | {shown} | {len(rows)} | {ms:.1f} | {base_ms:.2f} | "
                      f"{ms / max(base_ms, 1e-3):.0f}x | {'yes' if right else 'NO'} |", flush=True)
        finally:
            engine.close()
    print(f"\nwrong answers: {wrong_total}")
    return int(wrong_total > 0)


if __name__ == "__main__":
    sys.exit(main())
