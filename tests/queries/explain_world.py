"""A small invented war for the explainer tests: three sides, an unbalanced NATO-like alliance, a regime change.

Names are invented so that nothing can be right by accident of the real record. Built from the
model classes, so these tests do not depend on the loader or on the Syria corpus.
"""

from __future__ import annotations

import random

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source

ACTORS = [
    ("regime", "Regime of Valdor", "government", "VAL", ("Valdor regime", "the regime"), None, "2024-12-08"),
    ("valdor-army", "Valdor Army", "armed_forces", "VAL", ("VA",), None, None),
    ("tyrant", "Ovo Tyrant", "person", "VAL", (), None, None),
    ("patronia", "Patronia", "state", "PAT", ("Patronian Federation",), None, None),
    ("free-front", "Free Front", "armed_group", "VAL", ("FF",), "2011", None),
    ("sponsoria", "Sponsoria", "state", "SPO", (), None, None),
    ("crescent", "Crescent Brigade", "armed_group", "VAL", ("CB", "Crescent"), "2017-01-28", None),
    ("old-crescent", "Old Crescent", "armed_group", "VAL", (), "2012", "2017-01-28"),
    ("black-banner", "Black Banner", "armed_group", None, ("BB", "IS"), "2013", None),
    ("farland", "Farland", "state", "FAR", ("FL",), None, None),
    ("north-forces", "North Forces", "coalition", "VAL", ("NF",), "2015-10", None),
    ("turan", "Turan", "state", "TUR", (), None, None),
    ("pact", "Northern Pact", "international_organisation", None, ("the Pact",), None, None),
    ("new-authority", "New Authority", "government", "VAL", (), "2024-12-08", None),
    ("outsider", "Outsider Movement", "armed_group", "OUT", (), None, None),
    ("elsewhere-foe", "Elsewhere Foe", "armed_group", "OUT", (), None, None),
]

PLACES = [
    ("val", "Valdor", "country", "VAL", None),
    ("north", "North Province", "province", "VAL", "val"),
    ("capital", "Capital City", "city", "VAL", "north"),
    ("port", "Port Town", "town", "VAL", "val"),
    ("out", "Outland", "country", "OUT", None),
]

SOURCES = [
    ("s-early", "Early report on Valdor", "Wire A", "https://example.org/early", "2016-03"),
    ("s-mid", "Valdor: the sides in 2019", "Journal B", "https://example.org/mid", "2019-05-02"),
    ("s-late", "Valdor: the regime falls", "Wire A", "https://example.org/late", "2024-12-09"),
]

# id, subject, predicate, object, valid, sources, extra
CLAIMS = [
    ("c-ff-fights-regime", "free-front", "fights", "regime", "2011/2024-12-08", ["s-early"], {}),
    ("c-patronia-backs-regime", "patronia", "supports", "regime", "2015-09-30/2024-12-08", ["s-early", "s-late"],
     {"support_types": ["troops", "weapons"]}),
    ("c-army-part-of-regime", "valdor-army", "part_of", "regime", "/2024-12-08", ["s-early"], {}),
    ("c-tyrant-leads", "tyrant", "leads", "regime", "2000/2024-12-08", ["s-early", "s-late"], {}),
    ("c-sponsoria-backs-ff", "sponsoria", "supports", "free-front", "2012/..", ["s-early"],
     {"support_types": ["funding"], "status": "reported"}),
    ("c-bb-fights-regime", "black-banner", "fights", "regime", "2014/2019-03", ["s-early"], {}),
    ("c-bb-fights-ff", "black-banner", "fights", "free-front", "2014/2019-03", ["s-early"], {}),
    ("c-bb-controls-port", "black-banner", "controls", "port", "2014-06/2017-10", ["s-early"], {}),
    ("c-regime-controls-capital", "regime", "controls", "capital", "/2024-12-08", ["s-early", "s-late"], {}),
    ("c-crescent-offshoot", "crescent", "successor_of", "old-crescent", "2017-01-28", ["s-mid"], {}),
    ("c-old-crescent-fights-regime", "old-crescent", "fights", "regime", "2012/2017-01-28", ["s-early"], {}),
    ("c-crescent-fights-regime", "crescent", "fights", "regime", "2017-01-28/2024-12-08", ["s-mid", "s-late"], {}),
    ("c-crescent-controls-north", "crescent", "controls", "north", "2024-11-30/..", ["s-late"], {}),
    ("c-farland-backs-nf", "farland", "supports", "north-forces", "2015-10/..", ["s-mid"],
     {"support_types": ["troops", "training_expertise"]}),
    ("c-nf-fights-bb", "north-forces", "fights", "black-banner", "2015-10/2019-03", ["s-mid"], {}),
    ("c-turan-fights-nf", "turan", "fights", "north-forces", "2016-08/..", ["s-mid"], {}),
    ("c-farland-in-pact", "farland", "member_of", "pact", "1949/..", ["s-mid"], {}),
    ("c-turan-in-pact", "turan", "member_of", "pact", "1952/..", ["s-mid"], {}),
    ("c-turan-backs-ff", "turan", "supports", "free-front", "2012/..", ["s-early"],
     {"support_types": ["access_to_territory", "weapons"]}),
    ("c-bb-alleged", "sponsoria", "supports", "black-banner", "2014", ["s-early"], {"status": "alleged"}),
    ("c-new-authority-controls-capital", "new-authority", "controls", "capital", "2024-12-08/..", ["s-late"], {}),
    ("c-crescent-allied-new", "crescent", "allied_with", "new-authority", "2024-12-08/2025-01-29", ["s-late"], {}),
    ("c-new-fights-bb", "new-authority", "fights", "black-banner", "2025-01/..", ["s-late"], {"status": "disputed"}),
    ("c-outsider-fights", "outsider", "fights", "elsewhere-foe", "2010/..", ["s-early"], {}),
]


def build_world(*, shuffle_seed: int | None = None) -> ActorGraph:
    """The invented world; ``shuffle_seed`` adds the same records in another order."""
    actors = [Actor(i, n, k, aliases=a, country=c, founded=PartialDate.parse(f) if f else None,
                    dissolved=PartialDate.parse(d) if d else None) for i, n, k, c, a, f, d in ACTORS]
    places = [Place(i, n, k, 35.0, 38.0, country=c, within=w) for i, n, k, c, w in PLACES]
    sources = [Source(i, t, p, u, PartialDate.parse(d)) for i, t, p, u, d in SOURCES]
    claims = [Claim(i, s, p, o, Interval.parse(v), citations=[Citation(x, note="states it") for x in src],
                    **extra) for i, s, p, o, v, src, extra in CLAIMS]
    if shuffle_seed is not None:
        rng = random.Random(shuffle_seed)
        for items in (actors, places, sources, claims):
            rng.shuffle(items)
    g = ActorGraph()
    g.add(actors=actors, places=places, sources=sources, claims=claims)
    return g


def assert_grounded(graph, e) -> None:
    """Every sentence rests on claims that exist, are known by ``known_as_of`` and hold at the date.

    Sentences about changes rest on claims that began or ended in the period they describe instead, the
    short fights of the days before the date on one-off fights that ended then, and lineage sentences
    (splits, renamings, mergers: history) on claims that began by the date.
    """
    from datetime import date, timedelta

    from graph.time import day_span
    from queries.explain.compose import RECENT_DAYS
    from queries.explain.lately import LATELY_DAYS, MAX_EPISODE_DAYS
    from queries.explain.places import change_window

    holding = {c.id for c in graph.claims(as_of=e.as_of, certainty=e.certainty, known_as_of=e.known_as_of)}
    assert e.sentences or e.notes, "an explainer says something, or says why it cannot"
    for section in e.sections:
        if section.key in ("recent", "changes"):
            if section.key == "recent":
                start = (date.fromordinal(day_span(e.as_of)[0]) - timedelta(days=RECENT_DAYS)).isoformat()
                end = e.as_of
            else:
                start, end = change_window(e.question, e.as_of)
            changes = graph.changes(start, end, certainty=e.certainty, known_as_of=e.known_as_of)
            allowed = {c.id for c in (*changes.started, *changes.ended)}
        elif section.key == "lineage":  # history: events up to the date, told in the past tense
            last = day_span(e.as_of)[1]
            allowed = {c.id for c in graph.all_claims() if c.valid.possible_from <= last
                       and graph.is_known(c, e.known_as_of)}
        elif section.key == "lately":  # one-off fights that ended in the days before the date, with their dates
            first = day_span(e.as_of)[0]
            allowed = {c.id for c in graph.all_claims() if c.predicate.value == "fights"
                       and graph.is_known(c, e.known_as_of)
                       and first - LATELY_DAYS <= c.valid.possible_to - 1 < first
                       and c.valid.possible_to - c.valid.possible_from <= MAX_EPISODE_DAYS}
        else:
            allowed = holding
        for s in section.sentences:
            assert s.claims, f"sentence without a claim: {s.text!r}"
            for cid in s.claims:
                graph.claim(cid)  # raises when the claim does not exist
                assert cid in allowed, f"{section.key}: {cid} does not hold as of {e.as_of}: {s.text!r}"
    for cid in e.claim_ids:
        sources = {src.id for src in graph.sources_of(graph.claim(cid), e.known_as_of)}
        cited = {f.source for f in e.footnotes if f.number in e.citations[cid]}
        assert cited == sources and cited, cid
