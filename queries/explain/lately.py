"""The "short fights" section of an explanation: one-off fights of the days just before the date.

Which fights count (at most :data:`MAX_EPISODE_DAYS` days long, ended in the :data:`LATELY_DAYS` days
before the date) is decided in :mod:`graph.episodes`, shared with ``actorgraph relations``. "Whom does X
fight?" and "Who is fighting in Y?" show them in a section of their own titled with the window, each
with its own date.
"""

from __future__ import annotations

from graph.episodes import LATELY_DAYS, MAX_EPISODE_DAYS, short_fights_ended_before
from queries.explain.model import Section

__all__ = ["LATELY_DAYS", "MAX_EPISODE_DAYS", "lately_section", "short_fights_before", "shown_in"]


def short_fights_before(ctx, keep) -> list:
    """The fights for which ``keep(claim)`` is true that lasted at most ``MAX_EPISODE_DAYS`` days, ended in
    the ``LATELY_DAYS`` days before the date and do not hold on it, in the graph's order."""
    return short_fights_ended_before(ctx.graph, ctx.pov, keep)


def lately_section(ctx, keep) -> Section | None:
    """The section of :func:`short_fights_before`, or ``None`` when there is none."""
    claims = short_fights_before(ctx, keep)
    if not claims:
        return None
    return Section("lately", f"Short fights in the {LATELY_DAYS} days before {ctx.date_words()}",
                   tuple(ctx.sentence(c) for c in claims))


def shown_in(section: Section | None) -> frozenset[str]:
    """The ids of the claims a section cites: the recent changes leave out the fights already told here."""
    if section is None:
        return frozenset()
    return frozenset(cid for sentence in section.sentences for cid in sentence.claims)
