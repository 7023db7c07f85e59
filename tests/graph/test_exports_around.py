"""Ego networks (``--around ACTOR --hops N``) in every export format, read back; the last day of the data."""

from __future__ import annotations

import csv
import json
import re
import warnings
from datetime import date
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from graph.exports import FORMATS, Selection, export, select
from graph.exports.selection import busy_span, data_span, last_event_day
from graph.time import ordinal_to_iso
from loaders import bundled_dataset, load_datasets

DAY = "2019-10-15"


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


def _expected(graph, centre: str, hops: int, day: str):
    """An independent walk: claims holding on ``day`` within ``hops`` links of ``centre``, not through places."""
    holding = graph.claims(as_of=day)
    frontier, reached, kept = {centre}, {centre}, set()
    for _ in range(hops):
        nxt = set()
        for c in holding:
            for end, other in ((c.subject, c.object), (c.object, c.subject)):
                if end in frontier and (end == centre or not graph.get(end).is_place):
                    kept.add(c.id)
                    if other not in reached:
                        nxt.add(other)
        reached |= nxt
        frontier = nxt
    ends = {x for c in holding if c.id in kept for x in (c.subject, c.object)} | {centre}
    return kept, ends


def _read_back(fmt: str, files) -> tuple[set[str], set[str]]:
    """(claim ids, entity ids) as another tool would read them from the written files."""
    path = files[0]
    if fmt == "gexf":
        g = nx.read_gexf(path)
        return {d["id"] for _, _, d in g.edges(data=True)}, set(g.nodes)
    if fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
        return {k for _, _, k in g.edges(keys=True)}, set(g.nodes)
    if fmt == "json":
        g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
        return {k for _, _, k in g.edges(keys=True)}, set(g.nodes)
    if fmt == "cytoscape":
        doc = json.loads(path.read_text(encoding="utf-8"))
        elements = doc["elements"]
        return {e["data"]["id"] for e in elements["edges"]}, {n["data"]["id"] for n in elements["nodes"]}
    if fmt in ("csv", "neo4j-csv"):
        by = {f.name: f for f in files}
        rows = {}
        for name in by:
            if name.endswith(".csv"):
                with by[name].open(encoding="utf-8", newline="") as fh:
                    rows[name] = list(csv.DictReader(fh))
        if fmt == "csv":
            return {r["id"] for r in rows["edges.csv"]}, {r["id"] for r in rows["nodes.csv"]}
        # neo4j-csv has push's shape (claim_id); an ego network's files hold only the places its
        # relationships reach, not the whole geography a full export writes
        relationships = rows["relationships.csv"]
        nodes = {r["id:ID(Entity)"] for name in ("actors.csv", "places.csv") for r in rows[name]}
        return {r["claim_id"] for r in relationships}, nodes
    if fmt == "dot":
        import pydot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            (parsed,) = pydot.graph_from_dot_file(str(path))
        unquote = lambda s: s[1:-1] if s.startswith('"') else s  # noqa: E731 - ids here need no unescaping
        nodes = {unquote(n.get_name()) for n in parsed.get_nodes()} - {"node", "edge", "graph"}
        return {unquote(e.get("id")) for e in parsed.get_edges()}, nodes
    if fmt == "svg":
        ids = [el.get("id") for el in ET.parse(path).getroot().iter() if el.get("id")]
        return ({i.removeprefix("claim:") for i in ids if i.startswith("claim:")},
                {i.removeprefix("node:") for i in ids if i.startswith("node:")})
    if fmt == "kumu":
        doc = json.loads(path.read_text(encoding="utf-8"))
        return {c["id"] for c in doc["connections"]}, {e["id"] for e in doc["elements"]}
    if fmt == "html":
        text = path.read_text(encoding="utf-8")
        data = json.loads(re.search(r'id="actorgraph-data">(.*?)</script>', text, re.S).group(1))
        return {c["id"] for c in data["claims"]}, {n["id"] for n in data["nodes"]}
    raise AssertionError(f"no reader for {fmt}")


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "png"])
@pytest.mark.parametrize("hops", [1, 2])
def test_every_format_writes_the_ego_network(syria, tmp_path, fmt, hops):
    files = export(syria, fmt, tmp_path / f"out.{fmt}", Selection.of(as_of=DAY, around="sdf", hops=hops))
    claims, nodes = _read_back(fmt, files)
    want_claims, want_nodes = _expected(syria, "sdf", hops, DAY)
    if fmt == "html":  # the page holds the whole history of the ego network; --as-of only sets its first day
        assert want_claims <= claims and "sdf" in nodes
        return
    assert claims == want_claims
    assert nodes == want_nodes


def test_png_draws_the_ego_network(syria):
    from graph.exports.picture import draw

    fig = draw(select(syria, Selection.of(as_of=DAY, around="sdf", hops=1)))
    gids = {a.get_gid() for ax in fig.axes for a in [*ax.patches, *ax.collections] if a.get_gid()}
    want_claims, want_nodes = _expected(syria, "sdf", 1, DAY)
    assert {g.removeprefix("claim:") for g in gids if g.startswith("claim:")} == want_claims
    assert {g.removeprefix("node:") for g in gids if g.startswith("node:")} == want_nodes


def test_neo4j_csv_writes_the_whole_geography_only_for_a_whole_export(syria, tmp_path):
    """A full export holds every place (place templates walk ``within``, as after a push); an ego network does not."""
    def places(files):
        with next(f for f in files if f.name == "places.csv").open(encoding="utf-8", newline="") as fh:
            return {r["id:ID(Entity)"] for r in csv.DictReader(fh)}

    whole = places(export(syria, "neo4j-csv", tmp_path / "whole", Selection.of(as_of=DAY)))
    assert whole == {p.id for p in syria.places}
    ego = places(export(syria, "neo4j-csv", tmp_path / "ego", Selection.of(as_of=DAY, around="sdf")))
    reached = {e for e in _expected(syria, "sdf", 1, DAY)[1] if syria.get(e).is_place}
    assert ego == reached and reached < whole


def test_two_hops_reach_further_but_not_through_places(syria):
    one = select(syria, Selection.of(as_of=DAY, around="sdf", hops=1))
    two = select(syria, Selection.of(as_of=DAY, around="sdf", hops=2))
    assert set(c.id for c in one.claims) < set(c.id for c in two.claims)
    places = {e.id for e in one.entities if e.is_place}
    assert places  # the SDF holds towns on the day
    for c in two.claims:  # nobody came in only for sharing a town with the SDF
        assert not ({c.subject, c.object} <= (places | {e.id for e in two.entities}) and
                    c.object in places and c.subject not in {e.id for e in one.entities})


def test_hops_must_be_positive():
    with pytest.raises(ValueError, match="--hops"):
        Selection.of(around="x", hops=0)


# ------------------------------------------------------------------ the last day of the data


def _small() -> ActorGraph:
    g = ActorGraph()
    g.add(actors=[Actor("a", "A", "armed_group"), Actor("c", "C", "state"),
                  Actor("b", "B", "armed_group", dissolved=PartialDate.parse("2016-05"))],
          places=[Place("p", "P", "town", 0, 0)],
          sources=[Source("s", "S", "W", "https://example.org", PartialDate.parse("2023-02-01"))],
          claims=[Claim("ab", "a", "fights", "b", Interval.parse("2012/2016-05"), citations=(Citation("s"),)),
                  Claim("ca", "c", "supports", "a", Interval.parse("2014-03-02/.."), citations=(Citation("s"),)),
                  Claim("ap", "a", "controls", "p", Interval.parse("2017-07/"), citations=(Citation("s"),))])
    return g


def test_the_last_day_is_the_last_dated_event_not_today():
    g = _small()
    assert ordinal_to_iso(last_event_day(g)) == "2017-07-01"  # a control from July 2017, end unknown
    assert data_span(g)[1] == date.today().toordinal()  # the open support runs the span on to today
    first, last = busy_span(g)  # few events: from the start of the data to the end of 2017
    assert (ordinal_to_iso(first), ordinal_to_iso(last)) == ("2012-01-01", "2017-12-31")


def test_pictures_default_to_the_last_dated_event(syria, tmp_path):
    path = tmp_path / "g.svg"
    export(syria, "svg", path)
    day = ordinal_to_iso(last_event_day(syria))
    assert day < date.today().isoformat()
    ids = [el.get("id") for el in ET.parse(path).getroot().iter() if el.get("id")]
    assert {i.removeprefix("claim:") for i in ids if i.startswith("claim:")} == {
        c.id for c in syria.claims(as_of=day) if c.subject != c.object}
    texts = {"".join(t.itertext()) for t in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")}
    assert any(f"as of {day}" in t for t in texts)


def test_the_ego_network_respects_knowledge_time(syria):
    """As known on 1 October 2019, the SDF's ego network on 15 October holds nothing first reported later."""
    known = select(syria, Selection.of(as_of=DAY, known_as_of="2019-10-01", around="sdf"))
    everything = select(syria, Selection.of(as_of=DAY, around="sdf"))
    ids, now = {c.id for c in known.claims}, {c.id for c in everything.claims}
    assert now - ids  # later reports add relations ...
    for late in ids - now:  # ... and end others: as known then, a relation whose end came later still held
        end = syria.claim(late).valid.end
        assert str(end) > "2019-10-01" and str(end) <= DAY, (late, end)
    assert ids == {c.id for c in syria.claims(as_of=DAY, known_as_of="2019-10-01", actor="sdf")}
    assert not any("peace-spring" in i for i in ids)
    assert last_event_day(syria, known.selection.pov) < last_event_day(syria)  # the record of 2019 ends earlier


def test_the_slider_starts_where_the_events_get_going_however_busy_later_years_are():
    """Old background facts stay outside; a first war year with few events stays inside, even when later years hold
    many times more (a share of all events would cut it off as the record grows)."""
    g = ActorGraph()
    actors = [Actor(f"a{i}", f"Actor {i}", "armed_group") for i in range(3)]
    claims = [Claim(f"old{i}", "a0", "allied_with", "a1", Interval.parse(f"{1950 + 5 * i}/.."),
                    citations=(Citation("s"),)) for i in range(4)]
    claims += [Claim(f"w{i}", "a1", "fights", "a2", Interval.parse(f"2011-0{1 + i}/2011-0{2 + i}"),
                     citations=(Citation("s"),)) for i in range(3)]
    claims += [Claim(f"x{y}-{i}", "a0", "fights", "a2", Interval.parse(f"{y}-03/{y}-04"), citations=(Citation("s"),))
               for y in range(2012, 2020) for i in range(30)]
    g.add(actors=actors, sources=[Source("s", "S", "W", "https://example.org", PartialDate.parse("2020"))],
          claims=claims)
    first, last = busy_span(g)
    # 2011 has 6 dated bounds against 60 in the busiest year (10%): in; the 1950s-60s have one each: out
    assert (ordinal_to_iso(first), ordinal_to_iso(last)) == ("2011-01-01", "2019-12-31")
