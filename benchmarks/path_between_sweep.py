"""Sweep path-between from the busiest actor on Oxigraph at scale, against an earlier template text.

The template benchmark (``benchmarks/templates.py``) times a handful of chosen pairs; a sweep over many
pairs is what found the slow one (the busiest actor to a busy actor three hops away, hundreds of chains).
This script loads ``--copies`` renamed copies of the bundled corpus, takes the busiest actor and pairs it,
both ways, with ``--sample`` random actors and the ten next-busiest, and runs the current template and the
one at ``--baseline-rev`` (a git revision) on the same loaded store, in turn, checking their rows agree.

    .venv/bin/python benchmarks/path_between_sweep.py --copies 170 --baseline-rev 207a84d
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.explain import copies  # noqa: E402
from loaders import bundled_dataset, load_datasets  # noqa: E402
from queries.engines import open_engine  # noqa: E402
from queries.template import load_templates  # noqa: E402

TEMPLATE = "queries/templates/path-between.rq"


def pairs(graph, sample: int, seed: int) -> tuple[str, list[tuple[str, str]]]:
    """The busiest actor, and (actor, other) pairs from it to the others chosen, both directions."""
    degree = Counter(x for c in graph.all_claims() for x in (c.subject, c.object))
    actors = [a.id for a in graph.actors]
    hub = max(actors, key=lambda a: degree[a])
    chosen = random.Random(seed).sample(actors, sample) + sorted(actors, key=lambda a: -degree[a])[1:11]
    return hub, [p for o in chosen if o != hub for p in ((hub, o), (o, hub))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=170, help="renamed copies of the corpus (170: ~110k claims)")
    ap.add_argument("--baseline-rev", default=None, help="git revision whose path-between.rq is the baseline")
    ap.add_argument("--sample", type=int, default=30, help="random actors paired with the busiest")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    graph = copies(load_datasets([bundled_dataset("syria")]), args.copies)
    current = load_templates()["path-between"]
    versions = [("current", current)]
    if args.baseline_rev:
        text = subprocess.run(["git", "show", f"{args.baseline_rev}:{TEMPLATE}"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        versions.append((args.baseline_rev, replace(current, sparql=text)))
    engine = open_engine("oxigraph")
    engine.load(graph)
    hub, todo = pairs(graph, args.sample, args.seed)
    print(f"{sum(1 for _ in graph.all_claims())} claims; busiest actor {hub}; {len(todo)} pairs", flush=True)
    worst = {name: (0.0, None) for name, _ in versions}
    total = Counter()
    disagree = 0
    for actor, other in todo:
        bound = current.bind(graph, {"actor": actor, "other": other})
        answers = {}
        for name, template in versions:
            start = time.perf_counter()
            rows = engine.run(template, bound)
            took = time.perf_counter() - start
            answers[name] = sorted(map(str, rows))
            total[name] += took
            if took > worst[name][0]:
                worst[name] = (took, f"{actor} -> {other} ({len(rows)} rows)")
        agree = len({tuple(a) for a in answers.values()}) == 1
        disagree += not agree
        print(f"{actor} -> {other}: {len(answers['current'])} rows"
              + ("" if agree else "  ROWS DIFFER FROM THE BASELINE"), flush=True)
    for name, _ in versions:
        print(f"{name}: slowest {worst[name][0]:.3f} s ({worst[name][1]}), total {total[name]:.2f} s")
    if args.baseline_rev:
        print(f"total ratio current/baseline: {total['current'] / total[args.baseline_rev]:.2f}; "
              f"pairs whose rows differ: {disagree}")
    return 1 if disagree else 0


if __name__ == "__main__":
    raise SystemExit(main())
