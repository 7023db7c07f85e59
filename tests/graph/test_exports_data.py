"""A made-up graph for the export tests (no tests here): every awkward case an export must carry.

Partial dates at year and month precision, open and unknown ends, a single-date claim, a claim with
no dates, parallel and symmetric claims, an alleged claim, an actor that ends, places, and names
with quotes, ampersands, semicolons, non-Latin script and markup that must stay text.
"""

from __future__ import annotations

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source

TRICKY_NAME = 'The "Front" & <Co> </script><script>window.pwned=1</script>'


def _claim(cid, s, p, o, valid, sources=("s1",), **kw):
    return Claim(cid, s, p, o, Interval.parse(valid), citations=tuple(Citation(x, note=f"{x} says {cid}")
                                                                        for x in sources), **kw)


def synthetic_graph() -> ActorGraph:
    g = ActorGraph()
    g.add(
        actors=[
            Actor("north", "Northland", "state", aliases=("The North", "NL")),
            Actor("south", "Southland", "state"),
            Actor("gov", "Central Government", "government", aliases=("the regime",),
                  dissolved=PartialDate.parse("2024-12-08")),
            Actor("front", TRICKY_NAME, "armed_group", aliases=("TF",), founded=PartialDate.parse("2012")),
            Actor("league", "Renewal League; East", "armed_group", founded=PartialDate.parse("2017-01")),
            Actor("militia", "Ἀρχαία Militia — الميليشيا", "militia"),
            Actor("lonely", "Lonely Observer", "international_organisation"),
            Actor("chief", "A. Leader", "person"),
        ],
        places=[Place("cap", "Capital", "city", 33.5, 36.3), Place("land", "Land", "province", 35.0, 38.0)],
        sources=[
            Source("s1", "First report", "Agency", "https://example.org/reports/1?a=1&b=2",
                   PartialDate.parse("2016-01-10")),
            Source("s2", "Second report", "Paper", "https://example.org/r2", PartialDate.parse("2019-05")),
        ],
        claims=[
            _claim("c1", "north", "supports", "gov", "2015-09-30/2024-12-08", support_types=["troops", "diplomatic"]),
            _claim("c2", "south", "supports", "gov", "2011/2014", ("s2",), support_types=["funding"]),
            _claim("c3", "south", "opposes", "gov", "2015/2024-12", ("s2",)),
            _claim("c4", "front", "fights", "gov", "2012-07/2024-12-08", ("s1", "s2")),
            _claim("c5", "league", "allied_with", "front", "2017-02/"),
            _claim("c6", "north", "supports", "militia", "2016-12", status="alleged", support_types=["weapons"]),
            _claim("c7", "north", "supports", "militia", "2018/2019-06", ("s2",), support_types=["training_expertise"]),
            _claim("c8", "gov", "controls", "cap", "/2024-12-08", qualifiers={"note": "until the fall"}),
            _claim("c9", "front", "controls", "land", "2015-03-28/..", note="curator's remark; with a semicolon"),
            _claim("c10", "militia", "supports", "gov", None, status="disputed", support_types=["troops"]),
            _claim("c11", "chief", "leads", "front", "2013/.."),
        ],
    )
    return g


#: Days on which something changes in the synthetic graph (and the days next to them).
PROBE_DAYS = [
    "2011-01-01", "2013-06-01", "2014-12-31", "2015-01-01", "2015-03-28", "2015-09-29", "2015-09-30", "2015-12-31",
    "2016-06-01", "2016-12-01", "2016-12-31", "2017-01-15", "2017-02-01", "2017-03-01", "2018-01-01", "2019-06-15",
    "2019-07-01", "2024-12-07", "2024-12-08", "2024-12-09",
]
