"""Small builders for hand-made graphs in tests."""

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source


def source(sid="s1", published="2020-01-01"):
    return Source(sid, f"Report {sid}", "Agency", f"https://example.org/{sid}", PartialDate.parse(published))


def claim(cid, subject, predicate, obj, valid=None, *, sources=("s1",), **kw):
    citations = tuple(Citation(s) for s in sources)
    return Claim(cid, subject, predicate, obj, Interval.parse(valid), citations=citations, **kw)


def small_graph() -> ActorGraph:
    """A made-up graph whose every answer the tests can work out by hand."""
    g = ActorGraph()
    g.add(
        actors=[
            Actor("north", "Northland", "state", aliases=("The North",)),
            Actor("south", "Southland", "state"),
            Actor("gov", "Central Government", "government", aliases=("the regime", "Gov")),
            Actor("front", "Liberation Front", "armed_group", founded=PartialDate.parse("2012")),
            Actor("front2", "Front for Renewal", "armed_group", founded=PartialDate.parse("2016-07-28"),
                  dissolved=PartialDate.parse("2017-01-28")),
            Actor("league", "Renewal League", "armed_group", founded=PartialDate.parse("2017-01-28")),
            Actor("splinter", "Guardians", "armed_group", founded=PartialDate.parse("2018")),
            Actor("base", "The Base", "armed_group", aliases=("Qaeda-like",)),
            Actor("coal", "Northern Coalition", "coalition"),
            Actor("leader", "A. Leader", "person"),
        ],
        places=[Place("cap", "Capital", "city", 33.5, 36.3, aliases=("Gov",)),
                Place("land", "Land", "country", 35.0, 38.0)],
        sources=[source("s1", "2016-01-10"), source("s2", "2019-05"), source("s3", "2024-12-05")],
        claims=[
            claim("c1", "north", "supports", "gov", "2015-09-30/2024-12-08", support_types=["troops", "diplomatic"]),
            claim("c2", "south", "supports", "gov", "2011/2014", support_types=["funding"], sources=("s2",)),
            claim("c3", "south", "opposes", "gov", "2015/..", sources=("s2",)),
            claim("c4", "front", "fights", "gov", "2012-07/..", sources=("s1", "s3")),
            claim("c5", "front2", "successor_of", "front", "2016-07-28/2017-01-28"),
            claim("c6", "front2", "merged_into", "league", "2017-01-28"),
            claim("c7", "splinter", "offshoot_of", "league", "2018/.."),
            claim("c8", "front", "offshoot_of", "base", "2012/2016-07-28"),
            claim("c9", "gov", "controls", "cap", "/2024-12-08", sources=("s3",)),
            claim("c10", "league", "controls", "cap", "2024-12-08/..", sources=("s3",)),
            claim("c11", "south", "supports", "front", "2013/", support_types=["weapons"], status="alleged",
                  sources=("s2",)),
            claim("c12", "north", "member_of", "coal", "2014-09/.."),
            claim("c13", "leader", "leads", "gov", "/2024-12-08", sources=("s3",)),
            claim("c14", "south", "supports", "gov", "2016-12", support_types=["political"], status="disputed",
                  sources=("s2",)),
        ])
    return g
