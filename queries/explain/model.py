"""The values an explainer is made of: questions, sentences, sections, camps, footnotes.

Frozen dataclasses, so an explainer can be compared, cached and rendered in several formats
without any renderer being able to change what the others print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Camp", "Explanation", "Footnote", "Question", "Section", "Sentence", "Tension"]


@dataclass(frozen=True, slots=True)
class Question:
    """A question understood: its family and the entities, dates and numbers it names.

    ``family`` is one of the keys of :data:`queries.explain.questions.FAMILIES`. ``entities`` holds
    resolved ids in the order they appear; ``dates`` EDTF text; ``days`` a "last N days" window;
    ``support_type`` narrows "who arms X" to weapons; ``as_of`` the date the question ends with
    ("Who is fighting in Syria in 2016?"), if any; ``compass`` a direction ("north-east") when the
    question is about that part of its place ("the north-east of Syria"); ``readings`` the names
    written in the question that no name or alias matched and that were read as another spelling
    of one entity's name, as ``(written, entity id)`` pairs (the answer says so); ``read_as`` the
    understood form a question that fits none was taken for, by its cue words ("hts leader" as "Who
    leads Hayat Tahrir al-Sham?"), also said in the answer; ``stands_for`` the persons read as the body they
    lead at the date ("Assad's backers": the backers of his government), as ``(person, body)`` pairs.
    """

    text: str
    family: str
    entities: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    days: int | None = None
    support_type: str | None = None
    as_of: str | None = None
    compass: str | None = None
    readings: tuple[tuple[str, str], ...] = ()
    read_as: str = ""
    stands_for: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence and the ids of the claims it rests on (never empty)."""

    text: str
    claims: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.claims:
            raise ValueError(f"an explainer sentence must rest on at least one claim: {self.text!r}")


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of sentences."""

    key: str
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Camp:
    """One side of a conflict as of a date.

    ``members`` are the actors taking part in the fighting; ``partners`` the other actors the signed
    graph puts on this side (backers, coalitions they belong to); ``leaders`` persons who lead a member.
    All are entity ids, sorted with the camp's anchor (its most supported member) first.
    """

    number: int
    anchor: str
    members: tuple[str, ...]
    partners: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tension:
    """Where the sides are not balanced: a claim that goes against the partition, and the cycle that shows why.

    ``claim`` is the frustrated claim; ``cycle`` the claims of the shortest path that, with it,
    closes a cycle with exactly one hostile link (empty when none was found).
    """

    claim: str
    cycle: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Footnote:
    """A numbered source reference."""

    number: int
    source: str
    title: str
    publisher: str
    published: str
    url: str


@dataclass(frozen=True, slots=True)
class Explanation:
    """A generated explainer: everything the renderers print, and nothing else.

    ``notes`` are remarks that rest on no claim (for instance "no claim says who controls X"); they
    are kept apart from ``sections`` so that every sentence there cites claims.
    """

    question: Question
    title: str
    as_of: str
    known_as_of: str | None
    certainty: str
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...] = ()
    citations: dict = field(default_factory=dict, hash=False, compare=False)  # claim id -> footnote numbers
    camps: tuple[Camp, ...] = ()
    tensions: tuple[Tension, ...] = ()
    entity: dict | None = None
    notes: tuple[str, ...] = ()
    area: dict | None = None  # place questions: {"place", "name", "places", "reading"}
    names: dict = field(default_factory=dict, hash=False, compare=False)  # entity id -> display name
    records: dict = field(default_factory=dict, hash=False, compare=False)  # claim id -> graph.records shape

    def _repr_html_(self) -> str:
        """How a notebook shows it: the HTML explainer, with its footnotes and diagram, as a cell's output."""
        from queries.explain.render import render_fragment

        return render_fragment(self)

    def footnotes_of(self, sentence: Sentence) -> tuple[int, ...]:
        """The footnote numbers of the sources behind a sentence's claims, ascending."""
        return tuple(sorted({n for c in sentence.claims for n in self.citations.get(c, ())}))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for section in self.sections for s in section.sentences)

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Every cited claim id, in order of first citation."""
        seen: dict[str, None] = {}
        for s in self.sentences:
            seen.update(dict.fromkeys(s.claims))
        return tuple(seen)
