"""What extraction returns: the article, the mentions it found, and candidate claims with their evidence.

Plain frozen values, so a caller can review, filter and merge them without spaCy in sight.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from graph.time import PartialDate

__all__ = ["Article", "Mention", "Candidate", "Extraction", "stable_id", "DEFAULT_MIN_CONFIDENCE"]

#: what ``--merge-into`` keeps by default. Confidence is the learned calibrator's probability
#: (:mod:`loaders.news.calibrate`); 0.55 (0.6 in the fifth pass of issue 16; the sixth pass's pair filters raised the
#: recall below 0.6) is the threshold whose precision, cross-validated over the development
#: articles (:mod:`loaders.news.crossval`), reaches 0.8 with the best F1 up to a tie of 0.02, the most precise
#: of those (precision first: a wrong claim in a graph costs more than a missed one); see the README's curves
DEFAULT_MIN_CONFIDENCE = 0.55


def stable_id(*parts: str, prefix: str = "", length: int = 10) -> str:
    """A short id that depends only on ``parts``: the same content always gets the same id.

    >>> stable_id("a", "b", prefix="news-") == stable_id("a", "b", prefix="news-")
    True
    >>> stable_id("a", "b") != stable_id("ab", "")
    True
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


@dataclass(frozen=True, slots=True)
class Article:
    """A news text and what is known about where it was published."""

    text: str
    published: PartialDate
    title: str = ""
    publisher: str = ""
    url: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "published", PartialDate.parse(self.published))

    @property
    def source_id(self) -> str:
        """The article's id as a source: readable (publisher and date) and stable (a hash of url or text)."""
        slug = "".join(ch if ch.isalnum() else "-" for ch in self.publisher.lower()).strip("-") or "news"
        slug = "-".join(part for part in slug.split("-") if part)[:24]
        key = self.url or self.text
        return f"{slug}-{self.published}-{stable_id(key, length=8)}".replace("~", "").replace("?", "")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: linked to a graph entity (``entity_id``) or a new-actor candidate (``None``).

    ``alternatives`` holds every graph id the words may denote (a city and the government seated there),
    ``via`` says which data produced it: ``alias``, ``descriptive``, ``demonym``, ``candidate`` or ``ner``.
    """

    text: str
    start: int
    end: int
    entity_id: str | None
    kind: str  # "actor", "place" or "candidate"
    via: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate claim with its evidence, ready for review.

    ``subject``/``object`` are graph ids, or ``None`` when the words name no known actor (then
    ``subject_text``/``object_text`` say what the text named). ``start``/``end`` are the character
    offsets of the evidence sentence in the article; ``trigger`` is the span of the words that
    triggered the rule. ``valid`` is an EDTF interval (see loaders/FORMAT.md).
    """

    subject: str | None
    predicate: str
    object: str | None
    valid: str
    subject_text: str
    object_text: str
    sentence: str
    start: int
    end: int
    trigger: tuple[int, int]
    rule: str
    confidence: float
    support_types: tuple[str, ...] = ()
    status: str = "confirmed"
    date_text: str = ""
    #: named signals about the evidence, ``(name, value)`` pairs, that :mod:`loaders.news.calibrate` weighs into
    #: ``confidence``; not part of the id or the JSON record (they describe how the claim was read, not the claim)
    features: tuple[tuple[str, float], ...] = ()

    @property
    def linked(self) -> bool:
        return self.subject is not None and self.object is not None

    @property
    def key(self) -> tuple[str | None, str, str | None, str]:
        return (self.subject, self.predicate, self.object, self.valid)

    @property
    def id(self) -> str:
        """Stable for the same claim from the same words: what --accept and merging refer to."""
        return stable_id(str(self.subject or self.subject_text), self.predicate, str(self.object or self.object_text),
                         self.valid, self.sentence, prefix="c-")

    def record(self) -> dict:
        """Plain JSON-ready data."""
        return {
            "id": self.id,
            "subject": {"id": self.subject, "text": self.subject_text},
            "predicate": self.predicate,
            "object": {"id": self.object, "text": self.object_text},
            "valid": self.valid,
            "support_types": list(self.support_types),
            "status": self.status,
            "confidence": round(self.confidence, 2),
            "rule": self.rule,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": list(self.trigger),
            "date_text": self.date_text or None,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def new_actors(self) -> tuple[Mention, ...]:
        """Mentions that look like actors but are not in the graph, each text once."""
        seen: dict[str, Mention] = {}
        for m in self.mentions:
            if m.entity_id is None and m.text.lower() not in seen:
                seen[m.text.lower()] = m
        return tuple(seen.values())

    @property
    def linked_ids(self) -> frozenset[str]:
        return frozenset(m.entity_id for m in self.mentions if m.entity_id)

    def record(self, min_confidence: float = 0.0) -> dict:
        """Plain JSON-ready data; candidates below ``min_confidence`` are left out and counted."""
        a = self.article
        kept = [c for c in self.candidates if c.confidence >= min_confidence]
        return {
            "article": {"source_id": a.source_id, "title": a.title or None, "publisher": a.publisher or None,
                        "url": a.url or None, "published": str(a.published)},
            "mentions": [{"text": m.text, "start": m.start, "end": m.end, "id": m.entity_id, "kind": m.kind,
                          "via": m.via} for m in self.mentions if m.entity_id],
            "new_actors": [{"text": m.text, "start": m.start, "end": m.end, "via": m.via} for m in self.new_actors],
            # a claim has two graph ids; one with a new-actor candidate at an end is listed apart, for review
            "claims": [c.record() for c in kept if c.linked],
            "new_actor_claims": [c.record() for c in kept if not c.linked],
            "min_confidence": min_confidence,
            "below_min_confidence": len(self.candidates) - len(kept),
        }
