"""Writing the graph out for other tools: Gephi, Cytoscape, Neo4j, Kumu, Graphviz, pictures and a web viewer.

One module per format, each with ``write(subset, path, *, fmt, title) -> list[Path]``; they are
imported only when used, so optional libraries (matplotlib for pictures) cost nothing otherwise.
:func:`export` picks the claims with a :class:`Selection` (the same filters and time semantics as
``ActorGraph.claims``) and hands the resulting :class:`Subset` to the format's writer.

>>> sorted(FORMATS)[:4]
['csv', 'cytoscape', 'dot', 'gexf']
"""

from __future__ import annotations

import importlib
from pathlib import Path

from graph.exports.selection import FILTER_KEYS, Selection, Subset, data_span, select
from graph.exports.targets import FILE_KINDS, FOLDER_FILES
from graph.outputs import check_file, check_folder, replacing_file, replacing_folder

__all__ = ["FILTER_KEYS", "FORMATS", "MULTI_FILE", "Selection", "Subset", "data_span", "export", "select"]

#: Format name -> the module that writes it.
FORMATS: dict[str, str] = {
    "gexf": "graph.exports.gexf",
    "graphml": "graph.exports.graphml",
    "cytoscape": "graph.exports.cytoscape",
    "json": "graph.exports.nodelink",
    "csv": "graph.exports.csvfiles",
    "dot": "graph.exports.dot",
    "svg": "graph.exports.picture",
    "png": "graph.exports.picture",
    "kumu": "graph.exports.kumu",
    "neo4j-csv": "graph.exports.neo4j_csv",
    "html": "graph.exports.viewer",
}

#: Formats that write a folder of files rather than one file.
MULTI_FILE = frozenset({"csv", "neo4j-csv"})


def export(graph, fmt: str, path: str | Path, selection: Selection | None = None, *,
           title: str | None = None, force: bool = False) -> list[Path]:
    """Write ``graph`` (the part ``selection`` picks) in format ``fmt`` to ``path``; returns the files written.

    ``path`` is a file, or a folder (created when missing) for the formats in :data:`MULTI_FILE`.
    An existing ``path`` is replaced only when it holds an earlier export of the same format (or with
    ``force``); the new files are written under temporary names and renamed into place, so a failed
    export leaves the old one whole (see :mod:`graph.outputs`).

    >>> import tempfile
    >>> from graph import Actor, ActorGraph
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("hts", "Hayat Tahrir al-Sham", "armed_group")])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in export(g, "csv", Path(tmp) / "out", Selection.of(as_of="2024-12-05"))]
    ['nodes.csv', 'edges.csv']

    Raises:
        ValueError: an unknown format, a selection that makes no sense, or a file where a folder is
            needed (or the reverse).
        OutputRefused: ``path`` holds something this export did not write (and ``force`` is false).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    path = Path(path)
    if fmt in MULTI_FILE:
        if path.exists() and not path.is_dir():
            raise ValueError(f"{fmt} writes several files: give a folder for -o, not the file {path}")
        check_folder(path, kind=f"{fmt} export", files=FOLDER_FILES[fmt], force=force)
    elif path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name for -o (e.g. {path / ('actorgraph.' + fmt)})")
    else:
        check_file(path, kind=fmt, recognise=FILE_KINDS[fmt], force=force)
    subset = select(graph, selection)
    writer = importlib.import_module(FORMATS[fmt])
    title = title or "actorgraph"
    if fmt in MULTI_FILE:
        with replacing_folder(path) as tmp:
            written = writer.write(subset, tmp, fmt=fmt, title=title)
        return [path / p.name for p in written]
    with replacing_file(path) as tmp:
        writer.write(subset, tmp, fmt=fmt, title=title)
    return [path]
