"""The store file: a graph read back answers every query like the graph written."""

from __future__ import annotations

import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
from graph.store import StoreError, is_store, read_store, write_store
from tests.queries.randomgraph import random_graph


def _varied_graph() -> ActorGraph:
    g = ActorGraph()
    actors = [
        Actor(f"a{i}", f"Actor {i}", "armed_group", aliases=(f"A-{i}",), external_ids={"ucdp": str(i)})
        for i in range(6)
    ]
    sources = [
        Source("s1", "One", "P", "https://example.org/1", PartialDate.parse("2015-03")),
        Source("s2", "Two", "P", "https://example.org/2", PartialDate.parse("2019")),
    ]
    valids = ["2015-09-30/2024-12-08", "2015/..", "2016/", "2016-12", "", "../2012", "2014-02/2014-06"]
    claims = []
    for i, v in enumerate(valids * 3):
        cites = (Citation("s1", "note one"),) if i % 3 else (Citation("s1"), Citation("s2", "n2", "a quote"))
        pred = "supports" if i % 2 else "fights"
        claims.append(
            Claim(
                f"c{i}",
                f"a{i % 6}",
                pred,
                f"a{(i + 1) % 6}",
                Interval.parse(v),
                support_types=("weapons", "troops") if pred == "supports" else (),
                status="alleged" if i % 4 == 0 else "confirmed",
                citations=cites,
                qualifiers={"k": str(i)} if i % 5 == 0 else {},
                note="n" if i == 3 else "",
            )
        )
    g.add(actors=actors, sources=sources, claims=claims)
    return g


@pytest.mark.parametrize("which", ["seed", "varied", "random"])
def test_round_trip_answers_like_the_original(tmp_path, seed_graph, which):
    g = {"seed": seed_graph, "varied": _varied_graph, "random": lambda: random_graph(2)}[which]
    g = g() if callable(g) else g
    path = tmp_path / "g.agstore"
    write_store(g, path)
    h = read_store(path, verify=True)
    assert [c.id for c in h.all_claims()] == [c.id for c in g.all_claims()]
    for a, b in zip(g.all_claims(), h.all_claims(), strict=False):
        assert a == b and dict(a.qualifiers) == dict(b.qualifiers) and a.valid.edtf == b.valid.edtf
        assert a.valid.bounds("certain") == b.valid.bounds("certain") and a.citations == b.citations
    assert h.actors == g.actors and h.places == g.places and h.sources == g.sources
    for day in ("2012", "2015-06-01", "2016-12-15", "2024-12-08"):
        for certainty in ("possible", "certain"):
            assert [c.id for c in h.snapshot_claims(day, certainty=certainty)] == [
                c.id for c in g.snapshot_claims(day, certainty=certainty)
            ]
    for actor in g.actors[:5]:
        assert [c.id for c in h.claims(actor=actor.id, as_of="2016")] == [
            c.id for c in g.claims(actor=actor.id, as_of="2016")
        ]
        assert h.resolve(actor.aliases[0] if actor.aliases else actor.name) == actor.id
    assert [c.id for c in h.changes("2014", "2017").started] == [c.id for c in g.changes("2014", "2017").started]
    for known in ("2011-06", "2013-03-15", "2015"):  # knowledge time survives: attested parts, actors' sources
        assert h.snapshot_claims("2014", known_as_of=known) == g.snapshot_claims("2014", known_as_of=known)
        assert h.known_actors(known_as_of=known) == g.known_actors(known_as_of=known)


def test_same_graph_same_bytes(tmp_path):
    g = _varied_graph()
    write_store(g, tmp_path / "a")
    write_store(read_store(tmp_path / "a"), tmp_path / "b")
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


def test_damaged_and_foreign_files_are_refused(tmp_path):
    path = tmp_path / "g.agstore"
    write_store(_varied_graph(), path)
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="checksum"):
        read_store(path, verify=True)
    other = tmp_path / "x.yaml"
    other.write_text("claims: []\n")
    assert not is_store(other)
    with pytest.raises(StoreError, match="not an actorgraph store"):
        read_store(other)
