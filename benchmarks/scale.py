"""Scale benchmark of the store format: build, export (write), load, memory, point query, snapshot, import.

Usage: .venv/bin/python benchmarks/scale.py [--yaml-import] [--acled] [N ...]     (default: 100000 1000000)

Each size runs in fresh processes so peak memory is each step's own: the first builds a synthetic
graph through the checking constructors and ``ActorGraph.add`` (the baseline: what any loader of
checked records costs) and writes the store; the second reads it back and times queries; the third
imports a generic CSV edge list of N rows (same shape) with ``actorgraph import csv ... -o X.agstore``
(reading, matching, checking, building and writing the store; writing the CSV is not timed). With
``--yaml-import`` a fourth imports the same CSV as a YAML dataset folder, for comparison. Synthetic
data: N/10 actors, N ``supports`` claims, day-precision starts over 22 years, 30% open-ended.

With ``--acled``, an N-row synthetic ACLED export (current layout; 400 actor names in ACLED's styles,
a quarter of them names of the bundled Syria corpus's actors; battles, remote violence, violence
against civilians, protests and strategic developments; associated actors; 2012-2024) is imported
with ``--data syria`` to a store file, and, as baselines in the same process, the file is read with
``csv.DictReader`` alone.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date


def build(n: int, path: str) -> dict:
    from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
    from graph.store import write_store
    from graph.time import Bound

    rng = random.Random(7)
    t0 = time.perf_counter()
    actors = [Actor(f"a{i}", f"Actor {i}", "armed_group") for i in range(max(n // 10, 10))]
    source = Source("s1", "Synthetic", "bench", "https://example.org/s", PartialDate.parse("2020"))
    cite, base, days = (Citation("s1"),), date(2000, 1, 1).toordinal(), {}

    def day(o):
        if o not in days:
            d = date.fromordinal(o)
            days[o] = PartialDate(d.year, d.month, d.day)
        return days[o]

    claims = []
    for i in range(n):
        s = rng.randrange(len(actors))
        o = (s + 1 + rng.randrange(len(actors) - 1)) % len(actors)
        start = base + rng.randrange(8000)
        end = Bound.OPEN if rng.random() < 0.3 else day(start + rng.randrange(1, 2000))
        claims.append(Claim(f"c{i}", f"a{s}", "supports", f"a{o}", Interval(day(start), end), citations=cite))
    g = ActorGraph()
    g.add(actors=actors, sources=[source], claims=claims)
    t1 = time.perf_counter()
    size = write_store(g, path)
    t2 = time.perf_counter()
    return {"build_s": t1 - t0, "export_s": t2 - t1, "store_mb": size / 1e6}


def load(path: str) -> dict:
    from graph.store import read_store

    t0 = time.perf_counter()
    g = read_store(path)
    t1 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rng = random.Random(3)
    actors = [a.id for a in g.actors]
    point = []
    for _ in range(300):
        a, d = rng.choice(actors), date.fromordinal(date(2000, 1, 1).toordinal() + rng.randrange(9000))
        t = time.perf_counter()
        g.claims(object=a, predicate="supports", as_of=d)
        point.append(time.perf_counter() - t)
    t = time.perf_counter()
    g.snapshot_claims("2010-06-01")
    first_snapshot = time.perf_counter() - t
    snaps = []
    for d in ("2005-01-01", "2010-06-01", "2015-03-03", "2019-12-31", "2021-07-07"):
        t = time.perf_counter()
        g.snapshot_claims(d)
        snaps.append(time.perf_counter() - t)
    return {"load_s": t1 - t0, "peak_rss_mb": peak, "point_query_us": statistics.median(point) * 1e6,
            "snapshot_first_s": first_snapshot, "snapshot_s": statistics.median(snaps)}


def write_edges(n: int, path: str) -> None:
    """A CSV edge list of ``n`` rows shaped like :func:`build`'s claims."""
    rng = random.Random(7)
    actors, base = max(n // 10, 10), date(2000, 1, 1).toordinal()
    with open(path, "w", encoding="utf-8") as f:
        f.write("from,to,start,end\n")
        for _ in range(n):
            s = rng.randrange(actors)
            o = (s + 1 + rng.randrange(actors - 1)) % actors
            start = base + rng.randrange(8000)
            end = ".." if rng.random() < 0.3 else date.fromordinal(start + rng.randrange(1, 2000)).isoformat()
            f.write(f"Actor {s},Actor {o},{date.fromordinal(start).isoformat()},{end}\n")


def import_edges(n: int, path: str, out: str) -> dict:
    from loaders.imports import import_files

    t0 = time.perf_counter()
    result = import_files("csv", [path], out, mapping="subject=from,object=to,predicate==supports,start=start,end=end",
                          csv_source={"title": "Synthetic edges", "url": "https://example.org/edges",
                                      "publisher": "bench", "published": "2020"}, progress=False)
    t1 = time.perf_counter()
    assert result.written.claims == n, result.written
    return {"seconds": t1 - t0, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


_ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                 "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                 "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
                 "fatalities,tags,timestamp")
_CORPUS_NAMES = ["HTS: Hayat Tahrir al Sham", "QSD: Syrian Democratic Forces", "YPG: People's Protection Units",
                 "JWS: Syrian National Army", "QDW: National Defense Forces", "Levant Front", "Islamic State (Syria)",
                 "Hezbollah", "Military Forces of Russia (2000-)", "Military Forces of Turkey (2002-)",
                 "Military Forces of Syria (2000-)", "Military Forces of Syria (2000-) Republican Guard",
                 "Ahrar al Sham", "Faylaq al Sham", "Sultan Murad Division", "Hamza Division", "Jaish al Islam",
                 "TIP: Turkistan Islamic Party", "Hurras al Din", "Military Forces of Israel (2022-)"]


def write_acled(n: int, path: str) -> None:
    """A synthetic ACLED export of ``n`` rows in the current layout (see the module's documentation)."""
    rng = random.Random(11)
    names = _CORPUS_NAMES * 5 + [f"Test Brigade {i} (Syria)" for i in range(150)] + \
        [f"TB{i}: Test Battalion {i}" for i in range(150)]
    kinds = [("Battles", "Armed clash")] * 5 + [("Explosions/Remote violence", "Air/drone strike")] * 3 + \
        [("Violence against civilians", "Attack"), ("Strategic developments", "Other")]
    base = date(2012, 1, 1).toordinal()
    with open(path, "w", encoding="utf-8") as f:
        f.write(_ACLED_HEADER + "\n")
        for i in range(n):
            a, b = rng.sample(names, 2)
            et, sub = rng.choice(kinds)
            if et == "Violence against civilians":
                b = "Civilians (Syria)"
            assoc = rng.choice(names) if rng.random() < 0.3 else ""
            d = date.fromordinal(base + rng.randrange(4700))
            cells = [f"SYR{i}", d.isoformat(), str(d.year), "1", "Political violence", et, sub, a, assoc,
                     "Rebel group", b, "", "Civilians" if b.startswith("Civilians") else "Rebel group", "", "",
                     "760", "Middle East", "Syria", "Idlib", "", "", "Place", "35.9", "36.6", "1", "src", "National",
                     "synthetic", str(rng.randrange(5)), "", "1700000000"]
            f.write(",".join(f'"{c}"' if "," in c else c for c in cells) + "\n")


def import_acled_rows(n: int, path: str, out: str) -> dict:
    import csv

    from loaders import bundled_dataset, load_datasets
    from loaders.imports import import_files

    syria = load_datasets([bundled_dataset("syria")])
    t0 = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    t1 = time.perf_counter()
    assert rows == n
    result = import_files("acled", [path], out, reference=syria, progress=False)
    t2 = time.perf_counter()
    return {"acled_read_s": t1 - t0, "import_acled_s": t2 - t1, "acled_claims": result.written.claims,
            "acled_unmatched": len(result.unmatched),
            "import_acled_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(sizes: list[int], *, yaml_import: bool = False, acled: bool = False) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = os.path.join(tmp, f"{n}.agstore")
            row = {"claims": n}
            edges = os.path.join(tmp, f"{n}.csv")
            write_edges(n, edges)
            for kind in ("store", "yaml") if yaml_import else ("store",):
                out = os.path.join(tmp, f"{n}-import.agstore" if kind == "store" else f"{n}-import")
                done = subprocess.run([sys.executable, __file__, "--import", edges, str(n), out], check=True,
                                      capture_output=True, text=True).stdout
                got = json.loads(done.strip().splitlines()[-1])
                row[f"import_{kind}_s"], row[f"import_{kind}_peak_mb"] = got["seconds"], got["peak_rss_mb"]
            os.remove(edges)
            if acled:
                events = os.path.join(tmp, f"{n}-acled.csv")
                write_acled(n, events)
                done = subprocess.run([sys.executable, __file__, "--acled", events, str(n),
                                       os.path.join(tmp, f"{n}-acled.agstore")], check=True, capture_output=True,
                                      text=True).stdout
                row.update(json.loads(done.strip().splitlines()[-1]))
                os.remove(events)
            for step in ("build", "load"):
                out = subprocess.run([sys.executable, __file__, f"--{step}", path, str(n)], check=True,
                                     capture_output=True, text=True).stdout
                row.update(json.loads(out.strip().splitlines()[-1]))
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    cols = ["claims", "build_s", "export_s", "store_mb", "load_s", "peak_rss_mb", "point_query_us",
            "snapshot_first_s", "snapshot_s", "import_store_s", "import_store_peak_mb"]
    if yaml_import:
        cols += ["import_yaml_s", "import_yaml_peak_mb"]
    if acled:
        cols += ["acled_read_s", "import_acled_s", "acled_claims", "acled_unmatched", "import_acled_peak_mb"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(f"{r[c]:,.2f}" if isinstance(r[c], float) else f"{r[c]:,}" for c in cols) + " |")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if len(sys.argv) == 4 and sys.argv[1] in ("--build", "--load"):
        result = build(int(sys.argv[3]), sys.argv[2]) if sys.argv[1] == "--build" else load(sys.argv[2])
        print(json.dumps(result))
    elif len(sys.argv) == 5 and sys.argv[1] == "--import":
        print(json.dumps(import_edges(int(sys.argv[3]), sys.argv[2], sys.argv[4])))
    elif len(sys.argv) == 5 and sys.argv[1] == "--acled":
        print(json.dumps(import_acled_rows(int(sys.argv[3]), sys.argv[2], sys.argv[4])))
    else:
        args = sys.argv[1:]
        flags = {"--yaml-import", "--acled"}
        main([int(a) for a in args if a not in flags] or [100_000, 1_000_000], yaml_import="--yaml-import" in args,
             acled="--acled" in args)
