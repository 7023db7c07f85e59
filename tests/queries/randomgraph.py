"""Random but valid graphs for the behavioural tests: partial dates of every precision, open and
unknown ends, single dates, several claims per pair, lineage chains and places."""

from __future__ import annotations

import random

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from ontology import RelationKind, Status, SupportType

_ORG_KINDS = ["state", "government", "armed_group", "militia", "coalition"]


def _date(rng: random.Random) -> PartialDate:
    year = rng.randint(2010, 2016)
    r = rng.random()
    if r < 0.3:
        return PartialDate(year)
    month = rng.randint(1, 12)
    if r < 0.6:
        return PartialDate(year, month)
    return PartialDate(year, month, rng.randint(1, 28))


def _interval(rng: random.Random) -> Interval:
    r = rng.random()
    if r < 0.08:
        return Interval()
    if r < 0.2:
        return Interval.parse(str(_date(rng)))
    a, b = _date(rng), _date(rng)
    if b.last_day < a.first_day:
        a, b = b, a
    if b.last_day <= a.first_day:  # an interval must end after the day it begins
        return Interval.parse(str(a))
    start = rng.choice([a, a, a, "..", None])
    end = rng.choice([b, b, "..", None])
    if start is None and end is None:
        end = b
    return Interval.between(start, end)


def random_graph(seed: int, *, actors: int = 12, places: int = 4, claims: int = 60) -> ActorGraph:
    """A valid random :class:`ActorGraph`; the same seed gives the same graph."""
    rng = random.Random(seed)
    acts = [Actor(f"a{i}", f"Actor {i}" + rng.choice(["", " 'quoted'", ' "x" } DROP ALL']),
                  rng.choice(_ORG_KINDS), aliases=(f"alias {i}",)) for i in range(actors)]
    pls = [Place(f"p{i}", f"Place {i}", "city", 35.0 + i / 10, 36.0 + i / 10) for i in range(places)]
    sources = [Source(f"s{i}", f"Report {i}", "Agency", f"https://example.org/{i}", _date(rng)) for i in range(6)]
    kinds = [k for k in RelationKind if k not in (RelationKind.LEADS, RelationKind.DESIGNATES_TERRORIST)]
    out = []
    for n in range(claims):
        kind = rng.choice(kinds)
        subject = rng.choice(acts)
        if kind.spec.object_is_place:
            obj = rng.choice(pls)
        else:
            obj = rng.choice([a for a in acts if a.id != subject.id])
            if kind is RelationKind.MEMBER_OF and obj.kind.value not in ("coalition", "armed_group", "militia"):
                continue
            if kind.spec.lineage:  # a sound dataset has no lineage cycles: children have higher numbers
                child, parent = (obj, subject) if kind is RelationKind.MERGED_INTO else (subject, obj)
                if int(child.id[1:]) <= int(parent.id[1:]):
                    continue
        types = rng.sample(list(SupportType), rng.randint(0, 3)) if kind is RelationKind.SUPPORTS else ()
        cites = tuple(Citation(s.id, f"note {n}") for s in rng.sample(sources, rng.randint(1, 2)))
        out.append(Claim(f"c{n}", subject.id, kind, obj.id, _interval(rng), support_types=types,
                         status=rng.choice(list(Status)), citations=cites))
    g = ActorGraph()
    g.add(actors=acts, places=pls, sources=sources, claims=out)
    return g


#: Query dates at every precision, and knowledge dates.
QUERY_DATES = ["2011", "2012-06", "2013-03-15", "2014", "2015-11", "2016-12-31"]


def synthetic_graph(claims: int, *, actors: int | None = None, seed: int = 0) -> ActorGraph:
    """Many ``supports`` claims with partial and open-ended dates (30% open), for scale tests and benchmarks."""
    rng = random.Random(seed)
    actors = actors or max(10, claims // 10)
    acts = [Actor(f"x{i}", f"Actor {i}", "armed_group") for i in range(actors)]
    source = Source("s0", "Synthetic report", "Generator", "https://example.org/synthetic", PartialDate(2010))
    cite = (Citation("s0"),)
    out = []
    for n in range(claims):
        s, o = rng.randrange(actors), rng.randrange(actors - 1)
        o = o + 1 if o >= s else o
        start = _date(rng)
        r = rng.random()
        if r < 0.3:
            valid = Interval(start, Interval.parse("2000/..").end)
        else:
            end = PartialDate(start.year + rng.randint(1, 4), rng.randint(1, 12))
            valid = Interval(start, end)
        out.append(Claim(f"k{n}", f"x{s}", RelationKind.SUPPORTS, f"x{o}", valid, citations=cite))
    g = ActorGraph()
    g.add(actors=acts, sources=[source], claims=out)
    return g
