"""Explainers about places: who controls them, and what changed there between two dates."""

from __future__ import annotations

from datetime import date, timedelta

from graph.time import day_span, parse_day
from ontology import RelationKind as R
from queries.explain.areas import question_area
from queries.explain.compose import Context, changes_section, finish
from queries.explain.model import Explanation, Question, Section
from queries.explain.scope import partners_of, war_scope
from queries.explain.wording import date_text

__all__ = ["explain_changes", "explain_control", "change_window"]


def explain_control(ctx: Context, q: Question) -> Explanation:
    area = question_area(ctx.graph, q, widen=False)  # "Who controls Aleppo?" is about the city
    place, within = area.place, area.places
    claims = [c for c in ctx.snapshot() if c.predicate in (R.CONTROLS,) and c.object in within]
    claims.sort(key=lambda c: (c.object != place, ctx.name(c.object).casefold(), c.object,
                               ctx.name(c.subject).casefold(), c.id))
    sections = [Section("control", f"Who controls {area.name}", tuple(ctx.sentence(c) for c in claims)),
                _present(ctx, area.name, within, claims),
                ctx.recent(lambda c: c.predicate is R.CONTROLS and c.object in within)]
    notes = (area.reading,) if area.reading else ()
    if not claims:
        notes += (f"No claim in the graph says who controls {area.name} or a place within it "
                  f"as of {ctx.date_words()}.",)
    return finish(ctx, q, q.text, sections, notes=notes, area=area.to_data(ctx.graph))


def _present(ctx: Context, name: str, within, control: list) -> Section | None:
    """Forces based in the place (or a place within it) on the date that no claim says control it.

    A deployment is not control (the Syrian army entered SDF-held Manbij in October 2019 under a deal, and
    the SDF kept the town), but a reader asking who holds a place should see who else is on the ground.
    """
    holders = {(c.subject, c.object) for c in control}
    claims = [c for c in ctx.snapshot() if c.predicate is R.BASED_IN and c.object in within
              and (c.subject, c.object) not in holders]
    if not claims:
        return None
    claims.sort(key=lambda c: (ctx.name(c.object).casefold(), ctx.name(c.subject).casefold(), c.id))
    return Section("present", f"Also on the ground in {name} (based there; not recorded as controlling it)",
                   tuple(ctx.sentence(c) for c in claims))


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
    area = question_area(ctx.graph, q)
    start, end = change_window(q, ctx.as_of)
    g = ctx.graph
    involved: set[str] = set()
    places = area.places
    for when in (start, end):
        claims = ctx.snapshot(when)
        scope = war_scope(g, area, claims)
        involved |= set(scope.participants) | set(partners_of(g, claims, scope.participants))
    changes = g.changes(start, end, pov=ctx.pov)

    def keep(c):
        return c.subject in involved or c.object in involved or c.object in places

    words = f"between {date_text(parse_day(start))} and {date_text(parse_day(end))}"
    section = changes_section(ctx, changes, keep, "changes", f"What changed in {area.name} {words}")
    notes = (area.reading,) if area.reading else ()
    if not section:
        notes += (f"No claim in the graph began or ended in {area.name} {words}.",)
    return finish(ctx, q, q.text, [section], notes=notes, area=area.to_data(ctx.graph))

