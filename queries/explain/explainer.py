"""The entry point: a question in, a grounded, dated :class:`Explanation` out."""

from __future__ import annotations

import dataclasses
from datetime import date

from graph.pointofview import PointOfView
from graph.time import day_span, parse_day
from ontology import Certainty, InvalidInterval
from ontology import RelationKind as R
from queries.explain.actors import (
    explain_allies,
    explain_connection,
    explain_designations,
    explain_leaders,
    explain_lineage,
    explain_members,
    explain_memberships,
    explain_opponents,
    explain_profile,
    explain_supported,
    explain_supporters,
    explain_territory,
)
from queries.explain.compose import Context
from queries.explain.model import Explanation, Question
from queries.explain.places import explain_changes, explain_control
from queries.explain.posts import asked_post
from queries.explain.questions import QuestionParser
from queries.explain.sides import explain_sides

__all__ = ["Explainer", "explain"]

_BUILDERS = {
    "sides": explain_sides,
    "supporters": explain_supporters,
    "supported": explain_supported,
    "opponents": explain_opponents,
    "leaders": explain_leaders,
    "members": explain_members,
    "memberships": explain_memberships,
    "allies": explain_allies,
    "territory": explain_territory,
    "profile": explain_profile,
    "connection": explain_connection,
    "changes": explain_changes,
    "control": explain_control,
    "designations": explain_designations,
    "lineage": explain_lineage,
}


class Explainer:
    """Answers questions about one graph; keeps the question parser so repeated questions are fast.

    >>> from graph import ActorGraph, Actor, Citation, Claim, Interval, PartialDate, Source
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("russia", "Russia", "state"), Actor("assad-government", "Assad government",
    ...                     "government", aliases=("Assad regime",))],
    ...       sources=[Source("s1", "A report", "An agency", "https://example.org/r", PartialDate.parse("2016-01"))],
    ...       claims=[Claim("c1", "russia", "supports", "assad-government", Interval.parse("2015-09-30/2024-12-08"),
    ...                     support_types=["troops"], citations=[Citation("s1")])])
    >>> e = Explainer(g).explain("Who supports the Assad regime?", as_of="2016-06-01")
    >>> e.sentences[0].text, e.sentences[0].claims
    ('Russia supports Assad government with troops, from 30 September 2015 to 8 December 2024.', ('c1',))
    """

    def __init__(self, graph) -> None:
        self.graph = graph
        self._parser: QuestionParser | None = None

    @property
    def parser(self) -> QuestionParser:
        if self._parser is None:
            self._parser = QuestionParser(self.graph)
        return self._parser

    def parse(self, question: str, *, on: str | None = None) -> Question:
        return self.parser.parse(question, on=on)

    def explain(self, question: str | Question, *, as_of: str | date | None = None, known_as_of: str | None = None,
                certainty: Certainty | str = Certainty.POSSIBLE) -> Explanation:
        """Answer ``question`` from the graph as of ``as_of`` (default: today), citing every claim used.

        Args:
            question: plain English, e.g. "Who is fighting in Syria?", or a parsed :class:`Question`.
            as_of: EDTF date (a partial date is a span, read under ``certainty``); the question may end
                with its date instead ("... in 2016"); given both, a day inside the question's year or month
                answers for that day, and otherwise the question's own date is answered (a note says so).
            known_as_of: as the record stood then: only what sources published by then report (an end
                reported later reads as ongoing), and only those sources cited.
            certainty: ``possible`` (default) or ``certain``, as for :meth:`ActorGraph.claims`.

        Raises:
            UnknownQuestion, EntityNotFound, AmbiguousName: from parsing (messages say what to ask instead).
            InvalidDate: a malformed date.
            InvalidInterval: "between D1 and D2" with D2 before D1.
        """
        on = str(as_of) if as_of is not None else date.today().isoformat()
        q = question if isinstance(question, Question) else self.parse(question, on=on)
        set_aside = None
        if q.as_of is not None:
            if as_of is not None:
                parse_day(as_of)  # a malformed --as-of is an error whatever the question says
            if as_of is None or str(parse_day(as_of)) == str(parse_day(q.as_of)):
                as_of = q.as_of
            elif not _within(str(as_of), q.as_of):
                # the words of the question are the more precise request ("which alliance did the YPG join in
                # October 2015", asked on 15 November): its own date is answered, and the answer says so
                set_aside, as_of = str(as_of), q.as_of
            # else: a day inside the question's year or month ("in 2016" asked as of 2016-06-01) answers for that day
        when = str(parse_day(as_of)) if as_of is not None else date.today().isoformat()
        known = str(parse_day(known_as_of)) if known_as_of is not None else None
        if q.family == "changes":
            for d in q.dates:
                parse_day(d)
            if len(q.dates) >= 2 and day_span(q.dates[1])[1] < day_span(q.dates[0])[0]:
                raise InvalidInterval(f"the period ends ({q.dates[1]}) before it starts ({q.dates[0]}); "
                                      "give the earlier date first")
            if len(q.dates) >= 2:
                when = q.dates[1]
        family = q.family
        if family == "profile" and self.graph.get(q.entities[0]).is_place:
            family = "control"  # what a place "is", in this graph, is who holds it
        elif family == "profile" and asked_post(q.text) is not None:
            family = "leaders"  # "Assad's defence minister" asks who holds a post, not what Assad is
            q = dataclasses.replace(q, family=family)
        ctx = Context(self.graph, PointOfView(when, certainty, known))
        answer = _BUILDERS[family](ctx, _person_as_body(ctx, q))
        if set_aside is None:
            return answer
        note = (f"The question names its own date ({q.as_of}); the answer is for that date, not for the date given "
                f"with it ({set_aside}).")
        return dataclasses.replace(answer, notes=(note, *answer.notes))


#: The families whose question about a person ("Who backs Assad?") means the body the person leads, when no claim
#: of the family names the person: the relations a leader is said to have are mostly those of what they lead.
_BODY_FAMILIES = {"supporters": (R.SUPPORTS,), "supported": (R.SUPPORTS,), "allies": (R.ALLIED_WITH,),
                  "opponents": (R.FIGHTS, R.OPPOSES), "members": (R.MEMBER_OF, R.PART_OF),
                  "territory": (R.CONTROLS, R.BASED_IN)}
# (not "memberships": what a person belongs to is first the bodies they lead, which explain_memberships lists)
#: Which led body a person stands for, when several: a government before the state it governs.
_BODY_ORDER = ("government", "armed_group", "militia", "coalition", "political_organisation", "armed_forces",
               "international_organisation", "state")


def _person_as_body(ctx: Context, q: Question) -> Question:
    """``q`` about the body a person leads at the date, when the question is about a person's backers, enemies,
    allies, members or territory and no claim of that kind names the person (the answer notes the reading).

    Asked who leads a person ("who replaced Baghdadi?"), the answer is about the body the person leads at the
    date, or else the one the person led last before it: its leaders then include the successor."""
    if q.family == "leaders" and q.entities:
        person = ctx.entity(q.entities[0])
        if person is None or person.is_place or str(person.kind) != "person" or \
                ctx.claims(object=person.id, predicate=R.LEADS):
            return q
        body = _last_led(ctx, person.id)
        return q if body is None else dataclasses.replace(q, entities=(body, *q.entities[1:]),
                                                          stands_for=((person.id, body),))
    predicates = _BODY_FAMILIES.get(q.family)
    if not predicates or not q.entities:
        return q
    person = ctx.entity(q.entities[0])
    if person is None or person.is_place or str(person.kind) != "person":
        return q
    if any(ctx.claims(actor=person.id, predicate=p) for p in predicates):
        return q
    bodies = {c.object: ctx.entity(c.object) for c in ctx.claims(subject=person.id, predicate=R.LEADS)}
    kinds = {b: str(e.kind) for b, e in bodies.items() if e is not None}
    ranked = sorted(kinds, key=lambda b: (_BODY_ORDER.index(kinds[b]) if kinds[b] in _BODY_ORDER else 99, b))
    if not ranked:
        return q
    body = ranked[0]
    return dataclasses.replace(q, entities=(body, *q.entities[1:]), stands_for=((person.id, body),))


def _last_led(ctx: Context, person: str) -> str | None:
    """The body ``person`` leads at the date, or else the one whose leadership began last before it."""
    now = sorted(c.object for c in ctx.claims(subject=person, predicate=R.LEADS))
    if now:
        return now[0]
    last = day_span(ctx.as_of)[1]
    past = [c for c in ctx.graph.claims(subject=person, predicate=R.LEADS, known_as_of=ctx.known_as_of)
            if c.valid.possible_from <= last]
    return max(past, key=lambda c: (c.valid.possible_from, c.object)).object if past else None


def _within(day: str, period: str) -> bool:
    """Whether the span of ``day`` lies inside the span of ``period`` (2016-06-01 inside 2016)."""
    first, last = day_span(day)
    start, end = day_span(period)
    return start <= first and last <= end


def explain(graph, question: str, *, as_of: str | date | None = None, known_as_of: str | None = None,
            certainty: Certainty | str = Certainty.POSSIBLE) -> Explanation:
    """Answer one question about ``graph``; see :meth:`Explainer.explain` (which is faster for many questions)."""
    return Explainer(graph).explain(question, as_of=as_of, known_as_of=known_as_of, certainty=certainty)
