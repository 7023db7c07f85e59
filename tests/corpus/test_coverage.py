"""CORPUS.md's coverage figures are those of the loaded corpus (so the document cannot go stale silently)."""

from pathlib import Path

import pytest

from loaders import bundled_dataset
from tests.corpus.coverage import BEGIN, END, figures, markdown, replace_block

CORPUS_MD = Path(bundled_dataset("syria")) / "CORPUS.md"


def _cells(block: str) -> list[tuple[str, ...]]:
    """The table rows of a block, cell by cell, whitespace and alignment rows left out."""
    rows = []
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append(tuple(cell.strip() for cell in line.strip("|").split("|")))
    return rows


def _quoted_block() -> str:
    text = CORPUS_MD.read_text(encoding="utf-8")
    assert text.count(BEGIN) == 1 and text.count(END) == 1, \
        f"{CORPUS_MD}: expected one {BEGIN} ... {END} block; regenerate it with python -m tests.corpus.coverage"
    return text[text.index(BEGIN):text.index(END) + len(END)]


@pytest.fixture(scope="module")
def computed():
    return figures()


def test_corpus_md_quotes_the_figures_of_the_loaded_corpus(computed):
    quoted, expected = _cells(_quoted_block()), _cells(markdown(computed))
    stale = [row for row in expected if row not in quoted]
    assert quoted == expected, (
        f"{CORPUS_MD}: the coverage block differs from the loaded corpus (first rows to update: {stale[:5]}); "
        "regenerate it with `.venv/bin/python -m tests.corpus.coverage` and paste it between the markers")


def test_the_figures_add_up(computed):
    totals = dict(computed["totals"])
    for table in ("claims by start year", "claims by relation kind", "claims by status"):
        assert sum(n for _, n in computed[table]) == totals["claims"], table
    assert sum(n for _, n in computed["sources by kind"]) == totals["sources"]
    assert sum(n for _, n in computed["actors by kind"]) == totals["actors"]


def test_a_changed_figure_is_caught(computed):
    """The comparison is not vacuous: one count off by one makes the block differ."""
    changed = {k: list(v) for k, v in computed.items()}
    label, count = changed["totals"][0]
    changed["totals"][0] = (label, count + 1)
    assert _cells(markdown(changed)) != _cells(_quoted_block())


def test_replace_block_keeps_the_rest_of_the_document():
    doc = f"# Title\n\ntext before\n{BEGIN}\n| old | 1 |\n{END}\ntext after\n"
    new = replace_block(doc, f"{BEGIN}\n| new | 2 |\n{END}")
    assert new == f"# Title\n\ntext before\n{BEGIN}\n| new | 2 |\n{END}\ntext after\n"


@pytest.mark.parametrize("doc", ["no markers", f"{BEGIN} {BEGIN} {END}", f"{END} then {BEGIN}"])
def test_replace_block_refuses_a_document_without_one_ordered_block(doc):
    with pytest.raises(ValueError, match="marker|block"):
        replace_block(doc, f"{BEGIN}\n{END}")
