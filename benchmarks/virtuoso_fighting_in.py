"""fighting-in on a real Virtuoso server: the presence test as two uncorrelated sub-selects against its older form.

Virtuoso compiles each query text anew, and parameters are bound into the text, so every question a user asks is a
fresh compilation. The older template (``benchmarks/baselines/fighting-in-exists.rq``) tested each side's presence
with ``BIND(EXISTS {...})``: Virtuoso took 1-2 s to compile it, and a few milliseconds to run it. The template now
collects the present actors in two ``OPTIONAL { SELECT DISTINCT ... }`` blocks. Both forms run here on the same
cases (places x dates x readings, each text new to the server), alternating, and both are checked against the
in-memory graph (:mod:`queries.reference`).

    .venv/bin/python benchmarks/virtuoso_fighting_in.py                 # the Syria corpus
    .venv/bin/python benchmarks/virtuoso_fighting_in.py --dataset seed
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

BASELINE = Path(__file__).resolve().parent / "baselines" / "fighting-in-exists.rq"
PLACES = ["syria", "aleppo", "idlib", "damascus", "raqqa", "deir-ez-zor", "homs", "daraa"]
DATES = ["2013", "2016-06-01", "2019-10-15", "2020-03", "2024-12-05", "2025-03-15"]


def _key(row):
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="syria")
    args = ap.parse_args()
    graph = load_datasets([bundled_dataset(args.dataset)])
    template = load_templates()["fighting-in"]
    baseline = dataclasses.replace(template, sparql=BASELINE.read_text())
    known = {p.id for p in graph.places}
    places = [p for p in PLACES if p in known] or [p.id for p in graph.places][:4]
    times: dict[str, list[float]] = {"now": [], "before": []}
    with VirtuosoServer() as server:
        engine = open_engine("sparql", endpoint=server.endpoint)
        engine.load(graph)
        for place in places:
            for when in DATES:
                for certainty in ("possible", "certain"):
                    bound = template.bind(graph, {"place": place, "as_of": when, "certainty": certainty})
                    expected = sorted(map(_key, reference_rows(graph, template, bound)))
                    for name, tpl in (("now", template), ("before", baseline)):
                        start = time.perf_counter()
                        rows = engine.run(tpl, bound)
                        times[name].append(time.perf_counter() - start)
                        if sorted(map(_key, rows)) != expected:
                            raise SystemExit(f"{name}: wrong rows for {place} {when} {certainty}")
        engine.close()
    now, before = statistics.median(times["now"]), statistics.median(times["before"])
    print(f"fighting-in on Virtuoso, {args.dataset}, {len(times['now'])} cases, every answer checked")
    print(f"  older form (EXISTS per row): median {before * 1000:7.1f} ms, total {sum(times['before']):6.1f} s")
    print(f"  sub-selects (now):           median {now * 1000:7.1f} ms, total {sum(times['now']):6.1f} s")
    print(f"  ratio (older / now, medians): {before / now:.1f}x")


if __name__ == "__main__":
    main()
