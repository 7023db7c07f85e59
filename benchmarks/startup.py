"""How long a whole ``actorgraph`` command takes, from process start to exit, against ``import networkx``.

Targets (issue 17): ``relations`` on the bundled corpus within 1.5x of ``python -c "import networkx"``
measured in the same run, and ``explain`` under 0.5 s. Each command is a fresh process, as a user
runs it; the runs of all commands are interleaved round by round, so load on the machine touches
them alike. The cache is warmed first (one run each), so the figures are of a command whose
datasets did not change since the last one; ``--no-cache`` rows show the cost the cache saves.
The children run without ``PYTHONDONTWRITEBYTECODE``, so our modules are compiled once, as an
installed package's are (pip compiles them; the libraries in the baseline are compiled already).

    .venv/bin/python benchmarks/startup.py               # 15 rounds
    .venv/bin/python benchmarks/startup.py --rounds 30 --json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: name -> the command line (after the Python executable).
COMMANDS = {
    "baseline: python -c 'import networkx'": ["-c", "import networkx"],
    "baseline: python -c 'pass'": ["-c", "pass"],
    "relations --predicate supports --as-of 2016": ["-m", "loaders.cli.main", "relations", "--predicate", "supports",
                                                    "--as-of", "2016"],
    "relations --actor HTS --format json": ["-m", "loaders.cli.main", "relations", "--actor", "HTS", "--format",
                                            "json"],
    'explain "Who is fighting in Syria?" --as-of 2019': ["-m", "loaders.cli.main", "explain",
                                                         "Who is fighting in Syria?", "--as-of", "2019"],
    'explain "Who supports HTS?" --as-of 2019': ["-m", "loaders.cli.main", "explain", "Who supports HTS?",
                                                 "--as-of", "2019"],
    "relations --no-cache (reads the YAML)": ["-m", "loaders.cli.main", "relations", "--predicate", "supports",
                                              "--as-of", "2016", "--no-cache"],
}


def run_once(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{args} failed: {done.stderr}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ACTORGRAPH_CACHE": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for cmd in COMMANDS.values():  # warm the cache and the OS's file cache
            run_once(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(args.rounds):
            for name, cmd in COMMANDS.items():
                times[name].append(run_once(cmd, env))
    base = statistics.median(times["baseline: python -c 'import networkx'"])
    rows = []
    for name, ts in times.items():
        med = statistics.median(ts)
        rows.append({"command": name, "median_s": round(med, 3), "min_s": round(min(ts), 3),
                     "ratio_to_import_networkx": round(med / base, 2)})
    if args.json:
        print(json.dumps({"rounds": args.rounds, "rows": rows}, indent=2))
        return
    print(f"{args.rounds} rounds, each command a fresh process, cache warm; median (min) seconds")
    print(f"{'command':52} {'median':>8} {'min':>8} {'x import networkx':>18}")
    for r in rows:
        print(f"{r['command']:52} {r['median_s']:8.3f} {r['min_s']:8.3f} {r['ratio_to_import_networkx']:18.2f}")


if __name__ == "__main__":
    main()
