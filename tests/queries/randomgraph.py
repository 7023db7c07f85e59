"""Random but valid graphs for the behavioural tests: partial dates of every precision, open and
unknown ends, single dates, several claims per pair, lineage chains and places."""

from __future__ import annotations

import random

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from graph.integrity import claim_problems
from ontology import Attested, RelationKind, Status, SupportType

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


def _lifetime(rng: random.Random) -> tuple[PartialDate | None, PartialDate | None]:
    """Most actors have no recorded lifetime; some were founded, dissolved, or both, within the span."""
    r = rng.random()
    if r < 0.6:
        return None, None
    a, b = sorted([_date(rng), _date(rng)], key=lambda d: d.first_day)
    if b.first_day <= a.last_day:
        return (a, None) if r < 0.8 else (None, b)
    return (a, None) if r < 0.7 else ((None, b) if r < 0.8 else (a, b))


def _citations(rng: random.Random, sources: list[Source], valid: Interval, note: str) -> tuple[Citation, ...]:
    """One to three citations; about half say what they attest, as a curator would (never before the event)."""
    out = []
    for s in rng.sample(sources, rng.randint(1, 3)):
        if rng.random() < 0.5:
            out.append(Citation(s.id, note))
            continue
        parts = []
        for part, side in ((Attested.START, valid.start), (Attested.END, valid.end)):
            if part is Attested.END and (valid.single or not isinstance(side, PartialDate)):
                continue
            if not isinstance(side, PartialDate) or s.published.last_day >= side.first_day:
                parts.append(part)
        if parts:
            out.append(Citation(s.id, note, attests=tuple(rng.sample(parts, rng.randint(1, len(parts))))))
        elif isinstance(valid.start, PartialDate):  # published before the start: an announcement
            out.append(Citation(s.id, note, attests=(Attested.START,), announced=True))
    return tuple(out)


def random_graph(seed: int, *, actors: int = 12, places: int = 4, claims: int = 60,
                 nested: bool = False) -> ActorGraph:
    """A valid random :class:`ActorGraph`; the same seed gives the same graph.

    With ``nested`` the places form a tree (place 0 a country, the others within their parent
    ``(i - 1) // 2``) and every third actor belongs to that country; the random draws are the same, and
    half the fights get a ``theatre`` of one or two places from a draw of their own.

    Knowledge time is exercised too: sources published over the whole span (partial dates included),
    citations that do and do not say what they attest, announcements, and actors founded and
    dissolved with sources that report it (or none).
    """
    rng = random.Random(seed)
    sources = [Source(f"s{i}", f"Report {i}", "Agency", f"https://example.org/{i}", _date(rng)) for i in range(8)]
    acts = []
    for i in range(actors):
        founded, dissolved = _lifetime(rng)
        cites = []
        for part, when in ((Attested.FOUNDED, founded), (Attested.DISSOLVED, dissolved)):
            later = [s for s in sources if when is not None and s.published.last_day >= when.first_day]
            if later and rng.random() < 0.7:
                cites.append(Citation(rng.choice(later).id, f"{part.value} of {i}", attests=(part,)))
        description = f"Actor {i}, described." if rng.random() < 0.5 else ""
        if description and rng.random() < 0.7:
            cites.append(Citation(rng.choice(sources).id, "what it is", attests=(Attested.DESCRIPTION,)))
        acts.append(Actor(f"a{i}", f"Actor {i}" + rng.choice(["", " 'quoted'", ' "x" } DROP ALL']),
                          rng.choice(_ORG_KINDS), aliases=(f"alias {i}",), founded=founded, dissolved=dissolved,
                          description=description, citations=tuple(cites),
                          country="AAA" if nested and i % 3 == 0 else None))
    if nested:
        pls = [Place(f"p{i}", f"Place {i}", "country" if i == 0 else "province" if i < 3 else "town",
                     35.0 + i / 10, 36.0 + i / 10, country="AAA", within=f"p{(i - 1) // 2}" if i else None)
               for i in range(places)]
    else:
        pls = [Place(f"p{i}", f"Place {i}", "city", 35.0 + i / 10, 36.0 + i / 10) for i in range(places)]
    kinds = [k for k in RelationKind if k not in (RelationKind.LEADS, RelationKind.DESIGNATES_TERRORIST)]
    entities = {e.id: e for e in [*acts, *pls]}
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
        valid = _interval(rng)
        types = rng.sample(list(SupportType), rng.randint(0, 3)) if kind is RelationKind.SUPPORTS else ()
        qualifiers = {}
        if kind is RelationKind.CONTROLS and rng.random() < 0.7:
            qualifiers["extent"] = rng.choice(["whole", "part", "part: eastern districts", "contested"])
        if nested and kind is RelationKind.FIGHTS:  # a draw of its own, so the other draws stay the same
            where = random.Random(f"{seed}-theatre-{n}")
            if where.random() < 0.5:
                qualifiers["theatre"] = ", ".join(where.sample([p.id for p in pls], where.randint(1, 2)))
        claim = Claim(f"c{n}", subject.id, kind, obj.id, valid, support_types=types, qualifiers=qualifiers,
                      status=rng.choice(list(Status)), citations=_citations(rng, sources, valid, f"note {n}"))
        if not claim_problems(claim, entities.get, lambda _: True):  # e.g. a relation outliving its actors
            out.append(claim)
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
