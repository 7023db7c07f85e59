"""A real notebook (tests/fixtures/notebooks/researcher.ipynb) run in a real Jupyter kernel.

It is what a researcher would type: the corpus as a DataFrame, a GEXF file for Gephi, a claim table
and an explanation shown as HTML. The test runs every cell and checks what each one displayed.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks" / "researcher.ipynb"


@pytest.mark.slow
def test_the_researcher_notebook_runs_and_displays_tables(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [cell.get("outputs", []) for cell in nb.cells if cell.cell_type == "code"]
    assert all(o.get("output_type") != "error" for cell in outputs for o in cell)
    count = int(outputs[0][0]["data"]["text/plain"])
    assert count > 300  # the corpus's claims
    backers = outputs[2][0]["data"]
    assert "text/html" in backers and "Russia" in backers["text/html"]  # a DataFrame shows as a table
    h = nx.read_gexf(tmp_path / "syria-2016-06-01.gexf")
    assert h.number_of_edges() > 20 and not h.is_multigraph()
    table = outputs[4][0]["data"]["text/html"]
    assert table.startswith('<table class="actorgraph-claims">') and "Government of Bashar al-Assad" in table
    explanation = outputs[5][0]["data"]["text/html"]
    assert explanation.startswith('<div class="actorgraph-explanation">') and "Russia" in explanation
