"""Templates rewritten for Virtuoso's compiler, on a real Virtuoso server, against their older forms.

Virtuoso compiles each query text anew, and parameters are bound into the text, so every question a user asks is a
fresh compilation; the same text asked again ran in a few milliseconds, a new one took 1-2 s for these templates.
- ``fighting-in`` tested each side's presence with ``BIND(EXISTS {...})`` per fight
  (``benchmarks/baselines/fighting-in-exists.rq``); it now collects the present actors in two uncorrelated
  ``OPTIONAL { SELECT DISTINCT ... }`` blocks.
- ``timeline`` joined everything in one block with a ``subject|object`` path
  (``benchmarks/baselines/timeline-flat.rq``); it now picks the actor's claims held at the date in a sub-select (a
  ``UNION`` of subject and object) and joins the names after it.
Both forms run here on the same cases (each text new to the server), alternating, and both are checked against the
in-memory graph (:mod:`queries.reference`); wrong answers are counted and printed.

    .venv/bin/python benchmarks/virtuoso_rewrites.py                    # the Syria corpus
    .venv/bin/python benchmarks/virtuoso_rewrites.py --dataset seed --only timeline
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loaders import bundled_dataset, load_datasets  # noqa: E402
from queries.engines import open_engine  # noqa: E402
from queries.engines.virtuoso import VirtuosoServer  # noqa: E402
from queries.reference import reference_rows  # noqa: E402
from queries.template import load_templates  # noqa: E402

BASELINES = {"fighting-in": "fighting-in-exists.rq", "timeline": "timeline-flat.rq"}
PLACES = ["syria", "aleppo", "idlib", "damascus", "raqqa", "deir-ez-zor", "homs", "daraa"]
ACTORS = ["hts", "russia", "iran", "turkey", "sdf", "islamic-state", "hezbollah", "assad-government"]
DATES = ["2013", "2016-06-01", "2019-10-15", "2020-03", "2024-12-05", "2025-03-15"]


def _key(row):
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


def _cases(graph, name: str) -> list[dict]:
    known = {e.id for e in [*graph.places, *graph.actors]}
    if name == "fighting-in":
        key, ids = "place", [p for p in PLACES if p in known] or [p.id for p in graph.places][:4]
    else:
        key, ids = "actor", [a for a in ACTORS if a in known] or [a.id for a in graph.actors][:4]
    return [{key: i, "as_of": when, "certainty": certainty}
            for i in ids for when in DATES for certainty in ("possible", "certain")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="syria")
    ap.add_argument("--only", choices=sorted(BASELINES), help="one template (default: both)")
    args = ap.parse_args()
    graph = load_datasets([bundled_dataset(args.dataset)])
    templates = load_templates()
    names = [args.only] if args.only else sorted(BASELINES)
    with VirtuosoServer() as server:
        engine = open_engine("sparql", endpoint=server.endpoint)
        engine.load(graph)
        for name in names:
            template = templates[name]
            baseline = dataclasses.replace(template, sparql=(Path(__file__).resolve().parent / "baselines"
                                                             / BASELINES[name]).read_text())
            times: dict[str, list[float]] = {"now": [], "before": []}
            wrong = {"now": 0, "before": 0}
            for values in _cases(graph, name):
                bound = template.bind(graph, values)
                expected = sorted(map(_key, reference_rows(graph, template, bound)))
                for label, tpl in (("now", template), ("before", baseline)):
                    start = time.perf_counter()
                    rows = engine.run(tpl, bound)
                    times[label].append(time.perf_counter() - start)
                    if sorted(map(_key, rows)) != expected:
                        wrong[label] += 1
                        print(f"  {name} ({label}): wrong rows for {values}", flush=True)
            now, before = statistics.median(times["now"]), statistics.median(times["before"])
            print(f"{name} on Virtuoso, {args.dataset}, {len(times['now'])} cases, every answer checked")
            print(f"  older form: median {before * 1000:7.1f} ms, total {sum(times['before']):6.1f} s, "
                  f"{wrong['before']} wrong answers")
            print(f"  now:        median {now * 1000:7.1f} ms, total {sum(times['now']):6.1f} s, "
                  f"{wrong['now']} wrong answers")
            print(f"  ratio (older / now, medians): {before / now:.1f}x", flush=True)
        engine.close()


if __name__ == "__main__":
    main()
