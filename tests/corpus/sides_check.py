"""The sides of "Who is fighting in Syria?" at the six check dates of CORPUS.md section 4, compactly.

Section 4 of ``loaders/data/syria/CORPUS.md`` compares the explainer's sides with public descriptions
of the war at six dates. When claims are added or the side-finding changes, the table goes stale;
this prints what the explainer now says, one block per date, so the table can be rewritten from it::

    .venv/bin/python -m tests.corpus.sides_check            # names
    .venv/bin/python -m tests.corpus.sides_check --ids      # actor and claim ids

Each side reads ``members [backers]``; then the actors present without a fight at the date, and the
tensions (claims that go against the sides, by id).
"""

from __future__ import annotations

import argparse
import sys

from loaders import bundled_dataset, load_datasets
from queries.explain import Explainer

__all__ = ["CHECK_DATES", "main", "sides_text"]

#: The dates CORPUS.md section 4 compares with public descriptions of the war.
CHECK_DATES = ("2013-06-01", "2016-02-17", "2019-01-23", "2020-03-01", "2024-12-05", "2025-03-15")


def _present(explanation) -> list[str]:
    """Actor ids of the "also present" section, in the order it names them (from its grounding claims)."""
    section = next((s for s in explanation.sections if s.key == "present"), None)
    return [] if section is None else list(dict.fromkeys(_subjects(section)))


def _subjects(section):
    for sentence in section.sentences:
        yield from sentence.claims


def sides_text(graph, day: str, *, ids: bool = False) -> str:
    """The sides, the present actors' grounding claims and the tensions at ``day``, as a few lines of text."""
    e = Explainer(graph).explain("Who is fighting in Syria?", as_of=day)

    def name(i: str) -> str:
        return i if ids else graph.get(i).name

    lines = [f"## {day}"]
    for camp in e.camps:
        backers = f" [{', '.join(name(p) for p in camp.partners)}]" if camp.partners else ""
        lines.append(f"{camp.number}. {', '.join(name(m) for m in camp.members)}{backers}")
    present = _present(e)
    if present:
        subjects = dict.fromkeys(graph.claim(c).subject for c in present)
        lines.append(f"present: {', '.join(name(s) for s in subjects)}")
    lines.append(f"tensions ({len(e.tensions)}): {', '.join(t.claim for t in e.tensions) or '-'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.sides_check", description=__doc__.splitlines()[0])
    parser.add_argument("dates", nargs="*", default=list(CHECK_DATES), help="dates to check (default: the six)")
    parser.add_argument("--ids", action="store_true", help="print ids instead of names")
    args = parser.parse_args(argv)
    graph = load_datasets([bundled_dataset("syria")])
    print("\n\n".join(sides_text(graph, d, ids=args.ids) for d in args.dates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
