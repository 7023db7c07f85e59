"""Lineage on Virtuoso after the server has answered lineage questions about other data.

Virtuoso 7.2 evaluated the ``ag:lineageParent+`` property path of the old ``lineage.rq`` wrongly
once its statistics came from earlier data: on a server that had loaded the seed dataset and
answered lineage for its actors, ``random_graph(1)`` then lost the merger c21 from a6's ancestors.
The template now joins the written-out closure ``ag:lineageAncestor`` instead; this replays that
sequence on a fresh server and checks every actor against the in-memory graph.
"""

from __future__ import annotations

import pytest

from queries.engines import open_engine
from queries.reference import reference_rows
from queries.template import load_templates
from tests.queries.conftest import running_virtuoso
from tests.queries.randomgraph import random_graph

pytestmark = [pytest.mark.virtuoso]

LINEAGE = load_templates()["lineage"]


@pytest.fixture()
def fresh_virtuoso():
    yield from running_virtuoso()


def _rows(rows):
    return sorted(tuple(sorted(r.items())) for r in rows)


def test_lineage_stays_right_after_earlier_data(fresh_virtuoso, seed_graph):
    engine = open_engine("sparql", endpoint=fresh_virtuoso.endpoint)
    engine.load(seed_graph)
    for actor in seed_graph.actors:
        params = LINEAGE.bind(seed_graph, {"actor": actor.id})
        assert _rows(engine.run(LINEAGE, params)) == _rows(reference_rows(seed_graph, LINEAGE, params))
    checked = 0
    for seed in (1, 2, 3):
        graph = random_graph(seed)
        engine.load(graph)
        for actor in graph.actors:
            params = LINEAGE.bind(graph, {"actor": actor.id})
            expected = _rows(reference_rows(graph, LINEAGE, params))
            assert _rows(engine.run(LINEAGE, params)) == expected, (seed, actor.id)
            checked += len(expected)
    assert checked > 50
