"""Scoring extraction against a hand-annotated gold set (format: tests/fixtures/extraction/FORMAT.md).

Entity linking is scored on the set of graph ids each paragraph mentions; claims on (subject,
predicate, object) triples, where symmetric relations are unordered pairs and a gold claim with a
date also needs the extracted interval's given sides to agree (a gold side that is open or unknown
is not compared). Only linked candidates count: a claim whose subject or object is not in the graph
cannot be merged, so it cannot be right.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.time import Interval, PartialDate
from loaders.news.model import Article
from loaders.yamlfile import read_yaml
from ontology import RELATIONS, ActorGraphError, InputFileError, RelationKind, parse_term

__all__ = ["GoldClaim", "GoldParagraph", "Score", "load_gold", "evaluate"]


@dataclass(frozen=True, slots=True)
class GoldClaim:
    subject: str
    predicate: str
    object: str
    valid: str = ""
    status: str = ""
    types: tuple[str, ...] = ()

    @classmethod
    def parse(cls, line: str, where: str) -> GoldClaim:
        """Read ``SUBJECT PREDICATE OBJECT [VALID] [status=S] [types=a,b]``."""
        words = line.split()
        if len(words) < 3:
            raise ValueError(f"{where}: a claim needs 'SUBJECT PREDICATE OBJECT', got {line!r}")
        subject, predicate, obj, *rest = words
        try:  # a misspelt predicate fails here, not silently at scoring
            parse_term(RelationKind, predicate)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        valid, status, types = "", "", ()
        for w in rest:
            if w.startswith("status="):
                status = w[7:]
            elif w.startswith("types="):
                types = tuple(w[6:].split(","))
            else:
                Interval.parse(w)
                valid = w
        return cls(subject, predicate, obj, valid, status, types)


@dataclass(frozen=True, slots=True)
class GoldParagraph:
    id: str
    text: str
    published: PartialDate
    entities: frozenset[str]
    claims: tuple[GoldClaim, ...]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def record(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def load_gold(path: str | Path) -> tuple[str | None, list[GoldParagraph]]:
    """The dataset the gold set was annotated against (or None) and its paragraphs.

    The file is read by the dataset loader's YAML reader, with its limits (no alias bombs, no tags).

    Raises:
        InputFileError: unreadable or not YAML, or a malformed paragraph or claim (with its line).
    """
    display = str(path)
    located, problems = read_yaml(Path(path), display)
    if problems:
        raise InputFileError(display, problems[0].message, line=problems[0].line, column=problems[0].column)
    data = located.value
    if not isinstance(data, dict) or not isinstance(data.get("paragraphs"), list):
        raise InputFileError(display, "expected a mapping with a 'paragraphs' list (see "
                                      "tests/fixtures/extraction/FORMAT.md)", line=1)
    out = []
    seen = set()
    for i, p in enumerate(data["paragraphs"]):
        line = located.line(("paragraphs", i))
        try:
            out.append(_paragraph(p, i, seen))
        except (ValueError, TypeError) as exc:
            raise InputFileError(display, str(exc), line=line) from None
    dataset = data.get("dataset")
    return (dataset if isinstance(dataset, str) else None), out


def _paragraph(p, i: int, seen: set) -> GoldParagraph:
    if not isinstance(p, dict):
        raise ValueError(f"paragraph {i} is not a mapping with id, text and published")
    where = f"paragraph {p.get('id', i)!s}"
    for key in ("id", "text", "published"):
        if not isinstance(p.get(key), str) or not p[key]:
            raise ValueError(f"{where}: {key!r} is missing or not text")
    if p["id"] in seen:
        raise ValueError(f"{where}: duplicate id")
    seen.add(p["id"])
    claims, entities = p.get("claims") or [], p.get("entities") or []
    if not (isinstance(claims, list) and all(isinstance(c, str) for c in claims)):
        raise ValueError(f"{where}: 'claims' must be a list of lines 'SUBJECT PREDICATE OBJECT [VALID]'")
    if not (isinstance(entities, list) and all(isinstance(e, str) for e in entities)):
        raise ValueError(f"{where}: 'entities' must be a list of ids")
    try:
        published = PartialDate.parse(p["published"])
        parsed = tuple(GoldClaim.parse(c, where) for c in claims)
    except ActorGraphError as exc:
        raise ValueError(f"{where}: {exc}") from None
    return GoldParagraph(p["id"], p["text"], published, frozenset(entities), parsed)


def _pair(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    if RELATIONS[RelationKind(predicate)].symmetric and obj < subject:
        return obj, predicate, subject
    return subject, predicate, obj


def _sides(valid: str) -> tuple[str | None, str | None]:
    if not valid:
        return None, None
    if "/" not in valid:
        return valid, valid
    a, b = valid.split("/", 1)
    return (a if a not in ("", "..") else None), (b if b not in ("", "..") else None)


def _dates_agree(gold: str, got: str) -> bool:
    g_start, g_end = _sides(gold)
    p_start, p_end = _sides(got)
    return (g_start is None or g_start == p_start) and (g_end is None or g_end == p_end)


def evaluate(paragraphs: list[GoldParagraph], nlp) -> dict:
    """Precision, recall and F1 of entity linking and of claims over ``paragraphs``, with per-paragraph misses."""
    from loaders.news.pipeline import extract_many

    extractions = extract_many([Article(p.text, p.published) for p in paragraphs], nlp)
    ent_tp = ent_fp = ent_fn = 0
    cl_tp = cl_fp = cl_fn = 0
    date_checked = date_ok = 0
    details = []
    for p, ex in zip(paragraphs, extractions, strict=True):
        got_ids = ex.linked_ids
        ent_tp += len(got_ids & p.entities)
        ent_fp += len(got_ids - p.entities)
        ent_fn += len(p.entities - got_ids)
        predicted = {}
        for c in ex.candidates:
            if c.linked:
                predicted.setdefault(_pair(c.subject, c.predicate, c.object), []).append(c.valid)
        matched = set()
        missed = []
        for g in p.claims:
            key = _pair(g.subject, g.predicate, g.object)
            valids = predicted.get(key, [])
            if valids and g.valid:
                date_checked += 1
            if any(_dates_agree(g.valid, v) for v in valids):
                cl_tp += 1
                matched.add(key)
                if g.valid:
                    date_ok += 1
            else:
                cl_fn += 1
                missed.append(" ".join(filter(None, [*key, g.valid])))
        extra = [" ".join([*k, v[0]]) for k, v in predicted.items() if k not in matched]
        cl_fp += len(extra)
        if missed or extra:
            details.append({"id": p.id, "missed": missed, "extra": extra})
    return {
        "paragraphs": len(paragraphs),
        "entities": Score(ent_tp, ent_fp, ent_fn).record(),
        "claims": Score(cl_tp, cl_fp, cl_fn).record(),
        "dates_agree": f"{date_ok}/{date_checked}",
        "errors": details,
    }
