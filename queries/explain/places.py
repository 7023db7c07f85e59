"""Explainers about places: who controls them, and what changed there between two dates."""

from __future__ import annotations

from datetime import date, timedelta

from graph.time import day_span, parse_day
from ontology import RelationKind as R
from queries.explain.compose import Context, changes_section, finish
from queries.explain.model import Explanation, Question, Section
from queries.explain.scope import partners_of, places_within, war_scope
from queries.explain.wording import date_text

__all__ = ["explain_changes", "explain_control", "change_window"]


def explain_control(ctx: Context, q: Question) -> Explanation:
    place = q.entities[0]
    within = places_within(ctx.graph, place)
    claims = [c for c in ctx.snapshot() if c.predicate in (R.CONTROLS,) and c.object in within]
    claims.sort(key=lambda c: (c.object != place, ctx.name(c.object).casefold(), c.object,
                               ctx.name(c.subject).casefold(), c.id))
    sections = [Section("control", f"Who controls {ctx.name(place)}", tuple(ctx.sentence(c) for c in claims)),
                ctx.recent(lambda c: c.predicate is R.CONTROLS and c.object in within)]
    notes = () if claims else (f"No claim in the graph says who controls {ctx.name(place)} or a place within it "
                               f"as of {ctx.date_words()}.",)
    return finish(ctx, q, q.text, sections, notes=notes)


def change_window(q: Question, as_of: str) -> tuple[str, str]:
    """The (start, end) of a "what changed" question: two dates, since a date, or the last N days before ``as_of``."""
    if len(q.dates) >= 2:
        return q.dates[0], q.dates[1]
    if q.dates:
        return q.dates[0], as_of
    end = day_span(as_of)[1]
    return (date.fromordinal(end) - timedelta(days=q.days or 30)).isoformat(), as_of


def explain_changes(ctx: Context, q: Question) -> Explanation:
    """Relations of the place's participants (at either end of the period) that began or ended in it."""
    place = q.entities[0]
    start, end = change_window(q, ctx.as_of)
    g = ctx.graph
    involved: set[str] = set()
    places = places_within(g, place)
    for when in (start, end):
        claims = ctx.snapshot(when)
        scope = war_scope(g, place, claims)
        involved |= set(scope.participants) | set(partners_of(g, claims, scope.participants))
    changes = g.changes(start, end, pov=ctx.pov)

    def keep(c):
        return c.subject in involved or c.object in involved or c.object in places

    words = f"between {date_text(parse_day(start))} and {date_text(parse_day(end))}"
    section = changes_section(ctx, changes, keep, "changes", f"What changed in {ctx.name(place)} {words}")
    notes = () if section else (f"No claim in the graph began or ended in {ctx.name(place)} {words}.",)
    return finish(ctx, q, q.text, [section], notes=notes)

