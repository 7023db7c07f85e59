"""Count what `relations --known-as-of K` prints that lies after K, over the bundled corpus.

Issue 12's measure: a printed start or end later than K, or a cited source published after K, is
knowledge leaking from after the cut-off. Runs the command as a user would, at four cut-offs.

    .venv/bin/python benchmarks/knowledge_leaks.py
"""

from __future__ import annotations

import calendar
import json
import subprocess
import sys
from pathlib import Path

CUT_OFFS = ["2013-01-01", "2015-01-01", "2019-06-01", "2024-12-01"]
COMMAND = str(Path(sys.executable).with_name("actorgraph"))


def _parts(text: str) -> list[int]:
    return [int(p) for p in text.strip("?~%").split("-")]


def first_day(text: str) -> tuple[int, int, int]:
    parts = _parts(text) + [1, 1]
    return parts[0], parts[1], parts[2]


def last_day(text: str) -> tuple[int, int, int]:
    parts = _parts(text)
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    return year, month, parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]


def main() -> None:
    for cut in CUT_OFFS:
        k = first_day(cut)
        out = subprocess.run([COMMAND, "relations", "--known-as-of", cut, "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
        claims = json.loads(out)
        late_bounds = sum(1 for c in claims for b in (c["valid_from"], c["valid_to"])
                          if b and b != ".." and first_day(b) > k)
        late_sources = sum(1 for c in claims for s in c["sources"] if s["published"] and last_day(s["published"]) > k)
        print(f"known as of {cut}: {len(claims)} claims shown, {late_bounds} bounds after the cut-off, "
              f"{late_sources} citations of sources published after it")


if __name__ == "__main__":
    main()
