"""Many ``actorgraph`` commands run in one Python process: sharing the loaded graph against loading it each time.

A notebook that calls :func:`loaders.cli.main.main` in a loop, or the question sets' scorer, runs many commands in
one process. :func:`loaders.cli.common.load_graph` gives a command the graph this process already loaded from the
same bytes, and ``explain`` keeps its question reader for that graph. The baseline, measured in the same run on
the same questions, forgets both before every command (what each command cost before the sharing). Questions are
taken from the frozen question sets (``tests/corpus/questions-qa*.yaml``), every ``--every``-th one, so both kinds
of command (``relations`` and ``explain``) are timed as users ask them.

    .venv/bin/python benchmarks/in_process.py                 # every 25th question, 2 rounds
    .venv/bin/python benchmarks/in_process.py --every 10 --rounds 3 --json
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.cli import common  # noqa: E402
from loaders.cli import explain as explain_command  # noqa: E402
from loaders.cli.main import main as actorgraph  # noqa: E402


def _questions(every: int) -> list[list[str]]:
    import yaml

    asks = []
    for path in sorted((ROOT / "tests" / "corpus").glob("questions-qa*.yaml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            asks.append([*(str(a) for a in q["ask"]), "--as-of", str(q["date"]), "--format", "json"])
    return asks[::every]


def _forget() -> None:
    common._LOADED.clear()
    explain_command._LAST_EXPLAINER.clear()


def _time(asks: list[list[str]], *, shared: bool) -> float:
    _forget()
    start = time.perf_counter()
    for ask in asks:
        if not shared:
            _forget()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            actorgraph(ask)  # a question the reader cannot parse exits non-zero: it is timed all the same
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=25, help="time every N-th question of the sets (default 25)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    asks = _questions(args.every)
    with contextlib.redirect_stdout(io.StringIO()):
        actorgraph([*asks[0]])  # warm the on-disk cache and the imports, so both sides start alike
    shared, each = [], []
    for _ in range(args.rounds):  # interleaved, so load on the machine touches both alike
        each.append(_time(asks, shared=False))
        shared.append(_time(asks, shared=True))
    figures = {"questions": len(asks), "rounds": args.rounds,
               "baseline_load_each_time_s": [round(t, 2) for t in each],
               "shared_s": [round(t, 2) for t in shared],
               "per_question_ms": {"baseline": round(1000 * statistics.median(each) / len(asks), 1),
                                   "shared": round(1000 * statistics.median(shared) / len(asks), 1)},
               "speed_up": round(statistics.median(each) / statistics.median(shared), 1)}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{len(asks)} questions, {args.rounds} rounds (median):")
    print(f"  loading the graph and the question reader for each command: {figures['per_question_ms']['baseline']} ms"
          " a question")
    print(f"  sharing them in the process:                               {figures['per_question_ms']['shared']} ms"
          " a question")
    print(f"  speed-up: {figures['speed_up']}x")


if __name__ == "__main__":
    main()
