"""The coverage figures of the bundled Syria corpus, as printed in ``loaders/data/syria/CORPUS.md``.

CORPUS.md quotes these figures between two HTML comments; ``tests/corpus/test_coverage.py`` checks
that the quoted block is what this module computes from the loaded corpus, so the document cannot go
stale silently. After changing the corpus, regenerate the block with::

    .venv/bin/python -m tests.corpus.coverage            # print the block
    .venv/bin/python -m tests.corpus.coverage --write    # replace the block in CORPUS.md in place

(the block sits between ``<!-- coverage:start -->`` and ``<!-- coverage:end -->``; ``--write`` keeps every
line outside it as it was).

Some figures are not in the loaded graph and are read from the YAML text itself: titles made from a page
address (``title_from: address``; an older ``[title from URL]`` suffix or ``title from URL`` comment
counts too, so a file written the old way is not missed) and copies (``copy: mirror`` for a repost,
extract or aggregator copy; ``copy: syndication`` for a wire story on a publisher of its own standing).
Titles that are a bracketed description (``[headline not captured]``) are read from the loaded titles.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from graph.time import Bound, PartialDate
from loaders import bundled_dataset, load_datasets

__all__ = ["BEGIN", "END", "FIRST_YEAR", "LAST_YEAR", "figures", "markdown", "replace_block"]

BEGIN = "<!-- coverage:start -->"
END = "<!-- coverage:end -->"
FIRST_YEAR, LAST_YEAR = 2011, 2026

_URL_TITLE = re.compile(r"^\s*title_from:\s*address\b|\[title from URL\]|#.*title from (?:URL|the page address)",
                        re.IGNORECASE | re.MULTILINE)
_COPY = re.compile(r"^\s*copy:\s*(\w+)", re.MULTILINE)
_NO_HEADLINE = re.compile(r"\[headline not captured\]", re.IGNORECASE)
_RECORD = re.compile(r"^\s*-\s+id:\s*(\S+)")
_TOP_KEY = re.compile(r"^([A-Za-z_]+):")
_VIA = re.compile(r"\bvia\b", re.IGNORECASE)


def _source_records(folder: Path) -> dict[str, str]:
    """The YAML text of each source record, by id (comments included, which the loader drops)."""
    records: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.yaml")):
        section, current = None, None
        for line in path.read_text(encoding="utf-8").splitlines():
            top = _TOP_KEY.match(line)
            if top:
                section, current = top.group(1), None
                continue
            record = _RECORD.match(line)
            if section == "sources" and record:
                current = record.group(1).strip("'\"")
                records[current] = []
            if section == "sources" and current:
                records[current].append(line)
    return {k: "\n".join(v) for k, v in records.items()}


def _start_row(claim) -> str:
    start = claim.valid.start
    if isinstance(start, PartialDate):
        return "before 2011" if start.year < FIRST_YEAR else str(start.year)
    return "open start (`..`)" if start is Bound.OPEN else "unknown start"


def figures(folder: Path | None = None) -> dict[str, list[tuple[str, int]]]:
    """Every coverage figure of CORPUS.md, as named tables of (row, count) pairs, from the loaded folder."""
    folder = folder or bundled_dataset("syria")
    g = load_datasets([folder])
    claims = list(g.all_claims())
    records = _source_records(folder)
    ids = {s.id for s in g.sources}

    marked = {i for i in ids if _URL_TITLE.search(records.get(i, ""))}
    described = {s.id for s in g.sources if _NO_HEADLINE.search(s.title)}
    copies = Counter(m.group(1) for i in ids for m in [_COPY.search(records.get(i, ""))] if m)
    totals = [
        ("actors", len(g.actors)),
        ("places", len(g.places)),
        ("sources", len(g.sources)),
        ("claims", len(claims)),
        ("claims resting on one source", sum(len(set(c.source_ids)) == 1 for c in claims)),
        ("claims with at least one verbatim quote", sum(any(x.quote.strip() for x in c.citations) for c in claims)),
        ("claims recording a one-off event (`episode`)", sum("episode" in c.qualifiers for c in claims)),
        ("actors whose record cites no source", sum(not a.citations for a in g.actors)),
        ("sources whose title is made from the page address (`title_from: address`)", len(marked)),
        ("sources whose title is a description (`[headline not captured]`)", len(described - marked)),
        ("sources read on a republication (\"via\" in publisher)",
         sum(bool(_VIA.search(s.publisher)) for s in g.sources)),
        ("sources that are wire syndication on a publisher of its own standing (`copy: syndication`)",
         copies["syndication"]),
        ("sources that are a repost, extract or aggregator copy (`copy: mirror`)", copies["mirror"]),
    ]
    starts = Counter(_start_row(c) for c in claims)
    years = ["before 2011", *map(str, range(FIRST_YEAR, LAST_YEAR + 1)), "open start (`..`)", "unknown start"]
    holding = [(str(y), len(g.claims(as_of=str(y)))) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
    kinds = Counter(c.predicate.value for c in claims)
    statuses = Counter(c.status.value for c in claims)
    source_kinds = Counter(s.kind.value if s.kind else "none" for s in g.sources)
    actor_kinds = Counter(a.kind.value for a in g.actors)
    return {
        "totals": totals,
        "claims by start year": [(y, starts[y]) for y in years],
        "claims that may hold during the year": holding,
        "claims by relation kind": sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])),
        "claims by status": sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0])),
        "sources by kind": sorted(source_kinds.items(), key=lambda kv: (-kv[1], kv[0])),
        "actors by kind": sorted(actor_kinds.items(), key=lambda kv: (-kv[1], kv[0])),
    }


def markdown(tables: dict[str, list[tuple[str, int]]]) -> str:
    """The figures as the block CORPUS.md quotes: one two-column Markdown table per figure."""
    out = [BEGIN]
    for title, rows in tables.items():
        out += ["", f"| {title} | count |", "|---|---:|"]
        out += [f"| {label} | {count} |" for label, count in rows]
    out += ["", END]
    return "\n".join(out)


def replace_block(document: str, block: str) -> str:
    """``document`` with its one coverage block replaced by ``block``; the rest is kept byte for byte."""
    if document.count(BEGIN) != 1 or document.count(END) != 1:
        raise ValueError(f"expected exactly one {BEGIN} ... {END} block to replace; add the two markers first")
    start, end = document.index(BEGIN), document.index(END) + len(END)
    if end < start:
        raise ValueError(f"{END} comes before {BEGIN}; put the markers in order")
    return document[:start] + block + document[end:]


if __name__ == "__main__":
    import sys

    block = markdown(figures())
    if sys.argv[1:] == ["--write"]:
        corpus_md = Path(bundled_dataset("syria")) / "CORPUS.md"
        corpus_md.write_text(replace_block(corpus_md.read_text(encoding="utf-8"), block), encoding="utf-8")
        print(f"rewrote the coverage block of {corpus_md}")
    else:
        print(block)
