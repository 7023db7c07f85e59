"""The viewer page without a browser: self-contained, the library from the pyvis wheel, exact day bounds, safe text."""

from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graph.exports import Selection, export, select
from graph.exports.viewer import payload, render, vis_network_assets
from graph.time import day_span
from tests.graph.test_exports_data import TRICKY_NAME, synthetic_graph

REPO = Path(__file__).resolve().parents[2]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def graph():
    return synthetic_graph()


@pytest.fixture(scope="module")
def page(graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer") / "g.html"
    export(graph, "html", path, Selection.of(as_of="2016-12-15"), title="A <b>test</b> & more")
    return path.read_text(encoding="utf-8")


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="actorgraph-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(page):
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert "src" not in attrs, (tag, attrs)  # nothing is fetched: no script, image or frame source
        if tag == "link":
            pytest.fail(f"the page links an outside file: {attrs}")
    scripts = [a for t, a in parser.tags if t == "script"]
    assert len(scripts) == 3  # data, vis-network, viewer
    assert page.count("</script>") == 3, "a name containing </script> must not close a script element early"
    assert "<title>A &lt;b&gt;test&lt;/b&gt; &amp; more</title>" in page


def test_visualization_library_comes_from_the_installed_pyvis_wheel(page):
    js, css, version = vis_network_assets()
    spec = importlib.util.find_spec("pyvis")
    shipped = Path(spec.submodule_search_locations[0], "lib", f"vis-{version}", "vis-network.min.js")
    assert shipped.read_text(encoding="utf-8") == js
    assert js in page and css in page
    assert "@version " + version in js


def test_the_library_is_not_copied_into_the_repository():
    marker = "A dynamic, browser-based visualization library"
    for folder in ("graph", "loaders", "queries", "ontology", "tests"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix in (".js", ".html", ".css", ".py") and path.is_file():
                if path.name == Path(__file__).name:
                    continue
                assert marker not in path.read_text(encoding="utf-8", errors="replace"), path


def test_day_bounds_are_those_of_graph_time(graph, page):
    data = _data(page)
    claims = {c["id"]: c for c in data["claims"]}
    assert set(claims) == {c.id for c in graph.all_claims()}  # --as-of only sets the starting day
    for c in graph.all_claims():
        for reading in ("possible", "certain"):
            assert claims[c.id]["valid_days"][reading] == list(c.valid.bounds(reading))
    nodes = {n["id"]: n for n in data["nodes"]}
    for a in graph.actors:
        assert nodes[a.id]["exist"]["certain"] == list(a.existence.bounds("certain"))
    assert data["start"] == day_span("2016-12-15")[0]
    assert data["epoch"] == 719163  # date(1970, 1, 1).toordinal(), how the page turns days into dates
    assert nodes["front"]["name"] == TRICKY_NAME


def test_positions_do_not_depend_on_the_day(graph):
    a = payload(select(graph))
    b = payload(select(graph), start_day=day_span("2012-01-01")[0])
    assert [(n["id"], n["x"], n["y"]) for n in a["nodes"]] == [(n["id"], n["x"], n["y"]) for n in b["nodes"]]
    xs = {(n["x"], n["y"]) for n in a["nodes"]}
    assert len(xs) == len(a["nodes"]), "two actors drawn on the same spot"


def test_period_limits_the_slider(graph):
    data = payload(select(graph, Selection.of(start="2014", end="2016")))
    assert data["span"] == [day_span("2014")[0], day_span("2016")[1]]
    assert {c["id"] for c in data["claims"]} == {c.id for c in graph.between("2014", "2016")}


def test_missing_pyvis_says_how_to_install(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ImportError, match="pip install pyvis"):
        render(select(synthetic_graph()))
