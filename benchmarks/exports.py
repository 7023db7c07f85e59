"""Benchmark of `actorgraph export`: time and size of every format, on the Syria corpus and a synthetic graph.

The baseline, measured in the same run, is what `actorgraph relations --format json` does with the
same claims (the stable JSON records, serialised): an export costs that plus its own format's work
(layout, XML, picture...). Every written file is checked to exist and be non-empty.

    .venv/bin/python benchmarks/exports.py                      # syria corpus + 1,000 actors / 5,000 claims
    .venv/bin/python benchmarks/exports.py --actors 300 --claims 1500
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source  # noqa: E402
from graph.exports import FORMATS, MULTI_FILE, export  # noqa: E402
from graph.records import claim_record  # noqa: E402
from loaders import bundled_dataset, load_datasets  # noqa: E402

KINDS = ["state", "government", "armed_forces", "armed_group", "militia", "coalition"]
PREDICATES = ["supports", "opposes", "fights", "allied_with"]


def synthetic(n_actors: int, n_claims: int, seed: int = 7) -> ActorGraph:
    rng = random.Random(seed)
    actors = [Actor(f"a{i}", f"Actor {i}", KINDS[i % len(KINDS)]) for i in range(n_actors)]
    sources = [Source(f"s{i}", f"Report {i}", "Agency", f"https://example.org/{i}", PartialDate(2000 + i % 25))
               for i in range(50)]
    claims = []
    for i in range(n_claims):
        a, b = rng.sample(range(n_actors), 2)
        y = rng.randint(2011, 2023)
        start = f"{y}" if rng.random() < 0.3 else f"{y}-{rng.randint(1, 12):02d}"
        end = ".." if rng.random() < 0.3 else str(rng.randint(y + 1, 2025))
        pred = PREDICATES[i % len(PREDICATES)]
        claims.append(Claim(f"c{i}", f"a{a}", pred, f"a{b}", Interval.parse(f"{start}/{end}"),
                            support_types=("weapons",) if pred == "supports" else (),
                            citations=(Citation(f"s{i % 50}"),)))
    g = ActorGraph()
    g.add(actors=actors, sources=sources, claims=claims)
    return g


def _size(paths) -> int:
    return sum(p.stat().st_size for p in paths)


def run(name: str, graph: ActorGraph, out: Path) -> list[list[str]]:
    rows = []
    t = time.perf_counter()
    text = json.dumps([claim_record(graph, c) for c in graph.all_claims()], ensure_ascii=False)
    base = time.perf_counter() - t
    rows.append([name, "baseline: relations json", f"{base * 1000:.0f}", "1.0", f"{len(text.encode()) / 1e3:.0f}"])
    for fmt in dict.fromkeys(FORMATS):
        target = out / f"{name}-{fmt.replace('-', '_')}" if fmt in MULTI_FILE else out / f"{name}.{fmt}"
        t = time.perf_counter()
        written = export(graph, fmt, target)
        took = time.perf_counter() - t
        assert written and all(p.stat().st_size > 0 for p in written), fmt
        rows.append([name, fmt, f"{took * 1000:.0f}", f"{took / base:.1f}", f"{_size(written) / 1e3:.0f}"])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=1000)
    ap.add_argument("--claims", type=int, default=5000)
    args = ap.parse_args()
    graphs = [("syria", load_datasets([bundled_dataset("syria")])),
              (f"synthetic-{args.actors}x{args.claims}", synthetic(args.actors, args.claims))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, g in graphs:
            print(f"{name}: {len(g.actors)} actors, {len(g.places)} places, {len(g)} claims", file=sys.stderr)
            rows += run(name, g, Path(tmp))
    header = ["graph", "format", "ms", "x baseline", "kB"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()
