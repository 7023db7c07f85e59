"""Assembling an explainer: the date context, sentence helpers and numbered footnotes.

A :class:`Context` carries what every builder needs (the graph, the date, the knowledge cut-off,
the certainty) and the wording helpers bound to them; :func:`finish` numbers the sources in the
order sentences first cite them, keeping only sources published by ``known_as_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from graph.pointofview import PointOfView
from graph.records import claim_record
from graph.time import day_span, parse_day
from ontology import RelationKind as R
from ontology import Status
from queries.explain.model import Explanation, Footnote, Question, Section, Sentence
from queries.explain.questions import demonyms
from queries.explain.wording import (
    change_date,
    change_sentence,
    claim_sentence,
    date_text,
    grouped_change_sentence,
    join,
    lineage_sentence,
    sentence_case,
)

__all__ = ["Context", "finish"]

#: Recent changes are those that began or ended in this many days before the date.
RECENT_DAYS = 30


@dataclass(frozen=True, slots=True)
class Context:
    """The graph and the point of view of one explainer (its date is always set)."""

    graph: object
    pov: PointOfView

    @property
    def as_of(self) -> str:
        return str(self.pov.as_of)

    @property
    def known_as_of(self) -> str | None:
        return None if self.pov.known_as_of is None else str(self.pov.known_as_of)

    @property
    def certainty(self) -> str:
        return self.pov.certainty.value

    def claims(self, **filters) -> list:
        """``ActorGraph.claims`` from this explainer's point of view (each claim as then known)."""
        return self.graph.claims(pov=self.pov, **filters)

    def snapshot(self, when: str | None = None) -> list:
        """Every claim holding at the date (or at ``when``), as then known."""
        return self.graph.snapshot_claims(pov=self.pov if when is None else self.pov.at(when))

    def claim(self, claim_id: str):
        """A claim as the point of view knows it (its validity as then known, its sources published by then)."""
        out = self.graph.as_known(claim_id, self.pov)
        if out is None:
            raise LookupError(f"claim {claim_id!r} was not known {self.pov.describe()}; it cannot be cited")
        return out

    def entity(self, entity_id: str):
        """An actor or place as then known (``None`` for an actor the record did not know yet)."""
        return self.graph.entity_as_known(entity_id, self.pov)

    def recent_start(self) -> str:
        """The day the recent-changes window opens: 30 days before the date."""
        return (date.fromordinal(day_span(self.as_of)[0]) - timedelta(days=RECENT_DAYS)).isoformat()

    def name(self, entity_id: str) -> str:
        return self.graph.get(entity_id).name

    def sentence(self, claim, *, dates: bool = True) -> Sentence:
        return Sentence(claim_sentence(claim, self.name, dates=dates), (claim.id,))

    def grouped(self, subject: str, verb: str, claims: list, *, lead: str = "") -> list[Sentence]:
        """"X fights A, B and C." for confirmed claims; hedged claims keep a sentence each.

        ``verb`` is the present-tense phrase; each claim's other end is listed once.
        """
        plain = [c for c in claims if c.status.value == "confirmed"]
        out = []
        if plain:
            others = list(dict.fromkeys(self.name(c.other(subject)) for c in plain))
            out.append(Sentence(sentence_case(f"{lead}{self.name(subject)} {verb} {join(others)}."),
                                tuple(dict.fromkeys(c.id for c in plain))))
        out.extend(self.sentence(c) for c in claims if c.status.value != "confirmed")
        return out

    def recent(self, keep) -> Section | None:
        """Relations that began or ended in the 30 days before the date, for which ``keep(claim)`` is true.

        A partial date is a span: the window then runs from 30 days before it to its end, and says so.
        """
        changes = self.graph.changes(self.recent_start(), self.as_of, pov=self.pov)
        first, last = day_span(self.as_of)
        if first == last:
            title = f"Recent changes (the {RECENT_DAYS} days before {self.date_words()})"
        else:
            title = f"Recent changes (from {RECENT_DAYS} days before {self.date_words()} to its end)"
        return changes_section(self, changes, keep, "recent", title)

    def date_words(self) -> str:
        return date_text(parse_day(self.as_of))


def changes_section(ctx: Context, changes, keep, key: str, title: str) -> Section | None:
    """Began / ceased sentences in date order, kept short by grouping same-day changes of one kind.

    A claim dated by a single span (``2016``) reads once, as the record states it; confirmed changes of
    the same kind on the same date share a sentence (several backers of one actor, or one actor and
    several places); hedged claims always keep their own sentence.
    """
    events = [(c.valid.start_span[0], True, c) for c in changes.started if keep(c)]
    events += [(c.valid.end_span[0], False, c) for c in changes.ended
               if keep(c) and not (c.valid.single and c in changes.started)]
    events.sort(key=lambda e: (e[0], not e[1]))
    slots: dict[int, Sentence] = {}
    used: set[int] = set()

    def groupable(c) -> bool:
        return c.status is Status.CONFIRMED and not c.valid.single and not c.predicate.spec.lineage

    for by in ("subject", "object"):
        groups: dict[tuple, list[int]] = {}
        for i, (_, began, c) in enumerate(events):
            if i in used or not groupable(c):
                continue
            shared = c.object if by == "subject" else c.subject
            groups.setdefault((began, c.predicate, shared, str(change_date(c, began=began))), []).append(i)
        for (began, *_), idxs in groups.items():
            if len(idxs) < 2:
                continue
            claims = [events[i][2] for i in idxs]
            slots[idxs[0]] = Sentence(grouped_change_sentence(claims, ctx.name, began=began, by=by),
                                      tuple(c.id for c in claims))
            used.update(idxs)
    for i, (_, began, c) in enumerate(events):
        if i not in used:
            if c.predicate.spec.lineage and began:
                text = lineage_sentence(c, ctx.name)
            elif c.valid.single:
                text = claim_sentence(c, ctx.name)
            else:
                text = change_sentence(c, ctx.name, began=began)
            slots[i] = Sentence(text, (c.id,))
    sentences = tuple(slots[i] for i in sorted(slots))
    return Section(key, title, sentences) if sentences else None


def _merge_same(sentences) -> tuple[Sentence, ...]:
    """One sentence for claims that read the same (two sources recorded as two claims), citing all of them."""
    merged: dict[str, list[str]] = {}
    for s in sentences:
        merged.setdefault(s.text, []).extend(c for c in s.claims if c not in merged.get(s.text, ()))
    return tuple(Sentence(text, tuple(claims)) for text, claims in merged.items())


def finish(ctx: Context, question: Question, title: str, sections, **extra) -> Explanation:
    """The explainer with its footnotes: sources numbered in order of first citation."""
    sections = tuple(Section(s.key, s.title, _merge_same(s.sentences)) for s in sections
                     if s is not None and s.sentences)
    numbers: dict[str, int] = {}
    footnotes: list[Footnote] = []
    citations: dict[str, tuple[int, ...]] = {}
    names: dict[str, str] = {i: ctx.name(i) for i in question.entities}
    for section in sections:
        for sentence in section.sentences:
            for claim_id in sentence.claims:
                if claim_id in citations:
                    continue
                claim = ctx.claim(claim_id)
                names.setdefault(claim.subject, ctx.name(claim.subject))
                names.setdefault(claim.object, ctx.name(claim.object))
                refs = []
                for source in ctx.graph.sources_of(claim, ctx.pov):
                    if source.id not in numbers:
                        numbers[source.id] = len(numbers) + 1
                        footnotes.append(Footnote(numbers[source.id], source.id, source.title, source.publisher,
                                                  str(source.published), source.url))
                    refs.append(numbers[source.id])
                citations[claim_id] = tuple(refs)
    for camp in extra.get("camps", ()):
        for entity_id in (*camp.members, *camp.partners, *camp.leaders):
            names.setdefault(entity_id, ctx.name(entity_id))
    records = {cid: claim_record(ctx.graph, ctx.claim(cid), known_as_of=ctx.pov) for cid in citations}
    if question.read_as:  # a question that fits no form: say what it was taken to ask
        extra["notes"] = (f"Read as \"{question.read_as}\" (the question fits no understood form word for word).",
                          *extra.get("notes", ()))
    if question.stands_for:  # a person read as the body they lead
        extra["notes"] = tuple(f"{ctx.name(person)} is read as {ctx.name(body)}, which {ctx.name(person)} "
                               + ("leads at the date" if ctx.claims(subject=person, predicate=R.LEADS, object=body)
                                  else "led last before the date")
                               + ": no claim of this kind names the person." for person, body in question.stands_for
                               ) + tuple(extra.get("notes", ()))
    if question.readings:  # say how a name no record spells that way was read
        read = tuple(f"'{written}' is read as {ctx.name(i)}, "
                     + ("the state its forces or patronage are named after." if written in demonyms()
                        else "a spelling of its name.")
                     for written, i in question.readings)
        extra["notes"] = read + tuple(extra.get("notes", ()))
    return Explanation(question=question, title=title, as_of=str(ctx.as_of), known_as_of=ctx.known_as_of,
                       certainty=ctx.certainty, sections=sections, footnotes=tuple(footnotes),
                       citations=citations, names=names, records=records, **extra)
