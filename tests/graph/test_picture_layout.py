"""The picture is readable: labels never overlap each other or other nodes, and the colours stay apart."""

from __future__ import annotations

import math

import pytest

from graph.exports import Selection, select
from graph.exports.picture import draw
from graph.exports.style import ACTOR_COLOURS, PLACE_COLOUR, RELATION_COLOURS, RELATION_FAMILIES, rgb
from loaders import bundled_dataset, load_datasets
from ontology import RelationKind


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


def _boxes(fig):
    renderer = fig.canvas.get_renderer()
    labels, nodes = {}, {}
    for ax in fig.axes:
        for t in ax.texts:
            if (t.get_gid() or "").startswith("label:"):
                bb = t.get_window_extent(renderer)
                labels[t.get_gid()[6:]] = (bb.x0, bb.y0, bb.x1, bb.y1)
        for coll in ax.collections:
            if (coll.get_gid() or "").startswith("node:"):
                x, y = ax.transData.transform(coll.get_offsets()[0])
                nodes[coll.get_gid()[5:]] = (x - 3, y - 3, x + 3, y + 3)  # the node's centre
    return labels, nodes


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("selection", [Selection(), Selection.of(as_of="2016-06-01"),
                                       Selection.of(as_of="2019-10-15", around="sdf", hops=2)],
                         ids=["last-day", "2016", "ego"])
def test_labels_do_not_overlap(syria, selection):
    fig = draw(select(syria, selection))
    labels, nodes = _boxes(fig)
    assert len(labels) >= 0.85 * len(nodes) > 5  # nearly every node keeps its label
    ids = sorted(labels)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            assert not _overlap(labels[a], labels[b]), (a, b)
        for n, box in nodes.items():
            assert n == a or not _overlap(labels[a], box), (a, n)  # no label hides another node
    centre = max(nodes, key=lambda n: sum(1 for m in nodes if math.dist(nodes[n][:2], nodes[m][:2]) < 120))
    assert centre in labels  # the busiest spot of the core is labelled


def _lab(colour: str) -> tuple[float, float, float]:
    def linear(c):
        c /= 255
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92

    r, g, b = (linear(c) for c in rgb(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116  # noqa: E731
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("palette", ["relations", "actors"])
def test_colours_are_distinct(palette):
    colours = ([c for c, _ in RELATION_FAMILIES.values()] if palette == "relations"
               else [*ACTOR_COLOURS.values(), PLACE_COLOUR])
    assert len(set(colours)) == len(colours)
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            assert math.dist(_lab(a), _lab(b)) >= 25, (a, b)  # CIE76: 2.3 is just noticeable


def test_every_relation_kind_has_one_family_and_few_colours():
    assert set(RELATION_COLOURS) == set(RelationKind)
    assert len(set(RELATION_COLOURS.values())) <= 8
    assert not set(RELATION_COLOURS.values()) & {*ACTOR_COLOURS.values(), PLACE_COLOUR}
