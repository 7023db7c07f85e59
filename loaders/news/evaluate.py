"""Scoring extraction against a hand-annotated gold set (format: tests/fixtures/extraction/FORMAT.md).

Two shapes of gold file: ``paragraphs`` (text written for the project) and ``articles`` (real text: whole
when its licence allows, otherwise the annotated sentences as ``segments``, each its own paragraph;
every article belongs to a ``split``, ``dev`` or ``test``).

Entity linking is scored on the set of graph ids each paragraph mentions (only where the gold gives
them); claims on (subject, predicate, object) triples, where symmetric relations are unordered pairs and
a gold claim with a date also needs the extracted interval's given sides to agree (a gold side that is
open or unknown is not compared). Only linked candidates count: a claim whose subject or object is not
in the graph cannot be merged, so it cannot be right. Scores are also given by relation kind, by the
rule that proposed the claim (its precision: a rule does not miss claims on its own), and, as a curve,
at each ``--min-confidence`` threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph.time import Interval, PartialDate
from loaders.news.model import Article
from loaders.yamlfile import read_yaml
from ontology import RELATIONS, ActorGraphError, InputFileError, RelationKind, parse_term

__all__ = ["GoldClaim", "GoldParagraph", "Score", "load_gold", "evaluate", "THRESHOLDS"]

#: the confidence thresholds of the precision/recall curve
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(20))


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
                try:
                    Interval.parse(w)
                except ValueError as exc:
                    raise ValueError(f"{where}: claim {line!r}: {exc}") from None
                valid = w
        return cls(subject, predicate, obj, valid, status, types)


@dataclass(frozen=True, slots=True)
class GoldParagraph:
    """One scored unit: a paragraph, or a real article (its kept text)."""

    id: str
    text: str
    published: PartialDate
    entities: frozenset[str] | None  # None: the gold does not list the mentioned ids
    claims: tuple[GoldClaim, ...]
    split: str = ""
    publisher: str = ""


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


def _text_of(item: dict, where: str) -> str:
    if "text" in item:
        return str(item["text"])
    segments = item.get("segments")
    if not isinstance(segments, list) or not segments:
        raise ValueError(f"{where}: needs 'text' or a non-empty 'segments' list")
    for s in segments:
        if not isinstance(s, dict) or "text" not in s or "start" not in s:
            raise ValueError(f"{where}: each segment needs 'start' (its offset in the article) and 'text'")
    # each kept sentence is its own paragraph: nothing may be read across the gaps between them
    return "\n\n".join(str(s["text"]) for s in sorted(segments, key=lambda s: int(s["start"])))


def load_gold(path: str | Path, *, split: str | None = None) -> tuple[str | None, list[GoldParagraph]]:
    """The dataset the gold set was annotated against (or None) and its paragraphs or articles.

    The file is read by the dataset loader's YAML reader, with its limits (no alias bombs, no tags).

    Args:
        split: keep only the articles of this part (``dev`` or ``test``); ``None`` keeps all.

    Raises:
        InputFileError: unreadable or not YAML, a malformed paragraph or claim (with its line and the
            paragraph), or a ``split`` the file does not have.
    """
    display = str(path)
    located, problems = read_yaml(Path(path), display)
    if problems:
        raise InputFileError(display, problems[0].message, line=problems[0].line, column=problems[0].column)
    data = located.value
    key = "articles" if isinstance(data, dict) and "articles" in data else "paragraphs"
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputFileError(display, "expected a mapping with a 'paragraphs' or 'articles' list (see "
                                      "tests/fixtures/extraction/FORMAT.md)", line=1)
    out = []
    seen: set[str] = set()
    for i, p in enumerate(data[key]):
        try:
            out.append(_paragraph(p, i, key, seen))
        except (ValueError, TypeError) as exc:
            raise InputFileError(display, str(exc), line=located.line((key, i))) from None
    if split is not None:
        parts = {p.split for p in out}
        if split not in parts:
            raise InputFileError(display, f"no {split!r} part (this file has: "
                                          f"{', '.join(sorted(parts - {''})) or 'none'})")
        out = [p for p in out if p.split == split]
    dataset = data.get("dataset")
    return (dataset if isinstance(dataset, str) else None), out


def _paragraph(p, i: int, key: str, seen: set[str]) -> GoldParagraph:
    """One paragraph or article, its shape checked (the values come from a file anyone may write)."""
    kind = key[:-1]
    if not isinstance(p, dict):
        raise ValueError(f"{kind} {i} is not a mapping with id, published and text")
    where = f"{kind} {p.get('id', i)!s}"
    for need in ("id", "published"):
        if not isinstance(p.get(need), str) or not p[need]:
            raise ValueError(f"{where}: {need!r} is missing or not text")
    if "text" in p and not isinstance(p["text"], str):
        raise ValueError(f"{where}: 'text' is not text")
    if p["id"] in seen:
        raise ValueError(f"{where}: duplicate id")
    seen.add(p["id"])
    if key == "articles" and p.get("split") not in ("dev", "test"):
        raise ValueError(f"{where}: 'split' must be dev or test, got {p.get('split')!r}")
    claims = p.get("claims") or []
    if not (isinstance(claims, list) and all(isinstance(c, str) for c in claims)):
        raise ValueError(f"{where}: 'claims' must be a list of lines 'SUBJECT PREDICATE OBJECT [VALID]'")
    entities = p.get("entities") or []
    if not (isinstance(entities, list) and all(isinstance(e, str) for e in entities)):
        raise ValueError(f"{where}: 'entities' must be a list of ids")
    try:
        published = PartialDate.parse(p["published"])
        parsed = tuple(GoldClaim.parse(c, where) for c in claims)
    except ActorGraphError as exc:
        raise ValueError(f"{where}: {exc}") from None
    return GoldParagraph(p["id"], _text_of(p, where), published, frozenset(entities) if "entities" in p else None,
                         parsed, p.get("split") or "", p.get("publisher") or "")


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


@dataclass
class _Prediction:
    """Every candidate of one paragraph with the same triple: its dates, confidences and the best rule."""

    found: list[tuple[str, float, str]] = field(default_factory=list)  # (valid, confidence, rule)

    def at(self, threshold: float) -> list[tuple[str, float, str]]:
        return [f for f in self.found if f[1] >= threshold]


def _predictions(extraction) -> dict[tuple[str, str, str], _Prediction]:
    out: dict[tuple[str, str, str], _Prediction] = {}
    for c in extraction.candidates:
        if c.linked:
            out.setdefault(_pair(c.subject, c.predicate, c.object), _Prediction()).found.append(
                (c.valid, c.confidence, c.rule))
    return out


def _score_at(paragraphs, predictions, threshold: float, *, details: bool = False):
    """Counts overall, by relation kind and by rule at one threshold (and the errors when asked)."""
    total = [0, 0, 0]
    by_kind: dict[str, list[int]] = {}
    by_rule: dict[str, list[int]] = {}
    dates = [0, 0]
    errors = []
    for p, predicted in zip(paragraphs, predictions, strict=True):
        live = {k: v.at(threshold) for k, v in predicted.items()}
        live = {k: sorted(v, key=lambda f: -f[1]) for k, v in live.items() if v}
        matched, missed = set(), []
        for g in p.claims:
            key = _pair(g.subject, g.predicate, g.object)
            kind = by_kind.setdefault(g.predicate, [0, 0, 0])
            found = live.get(key, [])
            if found and g.valid:
                dates[1] += 1
            hit = next((f for f in found if _dates_agree(g.valid, f[0])), None)
            if hit is not None:
                total[0] += 1
                kind[0] += 1
                matched.add(key)
                by_rule.setdefault(hit[2], [0, 0, 0])[0] += 1
                dates[0] += bool(g.valid)
            else:
                total[2] += 1
                kind[2] += 1
                missed.append(" ".join(filter(None, [*key, g.valid])))
        extra = []
        for key, found in live.items():
            if key in matched:
                continue
            total[1] += 1
            by_kind.setdefault(key[1], [0, 0, 0])[1] += 1
            by_rule.setdefault(found[0][2], [0, 0, 0])[1] += 1
            extra.append(f"{' '.join(key)} {found[0][0]} [{found[0][2]} {found[0][1]:.2f}]")
        if details and (missed or extra):
            errors.append({"id": p.id, "missed": missed, "extra": extra})
    return Score(*total), by_kind, by_rule, dates, errors


def evaluate(paragraphs: list[GoldParagraph], nlp, *, min_confidence: float = 0.0, curve: bool = False) -> dict:
    """Precision, recall and F1 of entity linking and of claims over ``paragraphs``.

    Args:
        min_confidence: score only candidates at or above this confidence (what ``--merge-into`` keeps).
        curve: add the precision/recall at every threshold of :data:`THRESHOLDS`.

    Returns:
        A dict with ``claims`` (overall), ``by_predicate`` (precision, recall, F1 by relation kind),
        ``by_rule`` (true and false positives, precision, by the rule of each proposed claim),
        ``entities``, ``dates_agree``, per-paragraph ``errors`` and, when asked, ``curve``.
    """
    from loaders.news.pipeline import extract_many

    extractions = extract_many([Article(p.text, p.published) for p in paragraphs], nlp)
    ent = [0, 0, 0]
    for p, ex in zip(paragraphs, extractions, strict=True):
        if p.entities is not None:
            got = ex.linked_ids
            ent[0] += len(got & p.entities)
            ent[1] += len(got - p.entities)
            ent[2] += len(p.entities - got)
    predictions = [_predictions(ex) for ex in extractions]
    score, by_kind, by_rule, dates, errors = _score_at(paragraphs, predictions, min_confidence, details=True)
    result = {
        "paragraphs": len(paragraphs),
        "min_confidence": min_confidence,
        "entities": Score(*ent).record() if any(p.entities is not None for p in paragraphs) else None,
        "claims": score.record(),
        "by_predicate": {k: Score(*v).record() for k, v in sorted(by_kind.items())},
        "by_rule": {k: {"tp": v[0], "fp": v[1], "precision": round(v[0] / (v[0] + v[1]), 3) if v[0] + v[1] else 0.0}
                    for k, v in sorted(by_rule.items())},
        "dates_agree": f"{dates[0]}/{dates[1]}",
        "errors": errors,
    }
    if curve:
        result["curve"] = [{"min_confidence": t, **_score_at(paragraphs, predictions, t)[0].record()}
                           for t in THRESHOLDS]
    return result
