"""The three formats: Markdown footnotes, self-contained HTML with an SVG of the sides, JSON."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from queries.explain import Explainer, render
from tests.queries.explain_world import build_world


@pytest.fixture(scope="module")
def explanation():
    return Explainer(build_world()).explain("Who is fighting in Valdor?", as_of="2018-06-01",
                                            known_as_of="2020-01-01")


def test_markdown_has_dateline_sections_and_a_footnote_per_source(explanation):
    md = render(explanation, "markdown")
    assert md.startswith("# Who is fighting in Valdor?\n")
    assert "*As of 1 June 2018, according to sources published by 1 January 2020.*" in md
    used = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, flags=re.M))
    assert used == set(defined)
    for f in explanation.footnotes:
        line = defined[str(f.number)]
        assert f.title in line and f.publisher in line and f.published in line and f.url in line
    assert "Valdor: the regime falls" not in md  # published after --known-as-of


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_with_an_svg_of_the_sides(explanation):
    page = render(explanation, "html")
    parser = _Collect()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "svg" in tags and "script" not in tags and "link" not in tags and "img" not in tags
    assert not any("src" in attrs for _, attrs in parser.tags)
    assert "url(" not in page and "@import" not in page
    svg = page[page.index("<svg"): page.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)  # well-formed XML
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for camp in explanation.camps:
        assert f"Side {camp.number}" in texts
        assert explanation.names[camp.members[0]] in texts
    items = [attrs for t, attrs in parser.tags if t == "li" and "data-claims" in attrs]
    assert len(items) == len(explanation.sentences)
    assert all(attrs["data-claims"] for attrs in items)


def test_html_escapes_what_it_prints():
    from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
    g = ActorGraph()
    g.add(actors=[Actor("a", "<b>Bold</b> Army", "armed_group", country="XX"),
                  Actor("b", "Other & Co", "armed_group", country="XX")],
          places=[Place("xx", "Land", "country", 1, 1, country="XX")],
          sources=[Source("s", "Title <script>", "P", "https://example.org/?a=1&b=2", PartialDate.parse("2020"))],
          claims=[Claim("c", "a", "fights", "b", Interval.parse("2019/.."), citations=[Citation("s")])])
    page = render(Explainer(g).explain("Who is fighting in Land?", as_of="2020-06-01"), "html")
    assert "<b>Bold</b>" not in page and "&lt;b&gt;Bold&lt;/b&gt; Army" in page
    assert "<script>" not in page and "a=1&amp;b=2" in page


def test_json_round_trips_and_names_everything(explanation):
    data = json.loads(render(explanation, "json"))
    assert data["as_of"] == "2018-06-01" and data["known_as_of"] == "2020-01-01"
    assert data["family"] == "sides" and data["entities"] == [{"id": "val", "name": "Valdor"}]
    cited = {c for s in data["sections"] for x in s["sentences"] for c in x["claims"]}
    assert cited == set(data["claims"])
    for t in data["tensions"]:
        assert t["claim"] in data["claims"]


def test_unknown_format_is_refused(explanation):
    with pytest.raises(ValueError, match="markdown, html, json"):
        render(explanation, "pdf")
