"""The extraction's data files (``loaders/news/data/*.jsonl``), read once per pipeline.

Words that trigger a relation, hedges, support nouns, descriptive forms of actors: all of it is data,
so a reviewer can extend the rules without touching code. Reading happens when a pipeline is
built, never at import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Resources", "Trigger", "load_resources"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words that signal a relation: ``role`` is ``verb`` or ``noun``, ``phase`` start, state or end."""

    predicate: str
    phase: str
    role: str
    words: tuple[str, ...]
    types: tuple[str, ...]
    inverse: bool = False  # the words name the object first ("Hama fell to HTS", "X renamed itself Y")
    flex: str = ""  # "join" or "merge": the relation depends on what kind of actor is joined


@dataclass(frozen=True, slots=True)
class Resources:
    triggers: tuple[Trigger, ...]
    cues: dict  # cue name -> tuple of word sequences
    support_nouns: dict  # word sequence -> support type
    descriptive: tuple[tuple[str, str], ...]  # (text, actor id)
    demonyms: dict  # demonym -> actor id
    metonyms: tuple[dict, ...]
    candidate_heads: tuple[str, ...]
    org_heads: tuple[str, ...]
    confidence: dict  # rule -> calibrated confidence (data/confidence.jsonl)
    windows: dict = None  # lower-case descriptive form -> actor id -> (after, before): when the form names it


def _rows(name: str) -> list[dict]:
    text = resources.files("loaders.news").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"loaders/news/data/{name}:{number}: not a JSON object ({exc.msg}); "
                             "each line must be one JSON object") from None
    return out


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Read every data file; cached because the files ship with the package and do not change."""
    triggers = tuple(Trigger(r["predicate"], r["phase"], r["role"], tuple(r["forms"]), tuple(r.get("types", ())),
                             bool(r.get("inverse")), r.get("flex", ""))
                     for r in _rows("triggers.jsonl"))
    cues = {r["cue"]: tuple(r["forms"]) for r in _rows("cues.jsonl")}
    support = {}
    for r in _rows("support_nouns.jsonl"):
        for form in r["forms"]:
            support.setdefault(form.lower(), r["type"])
    cand = _rows("candidates.jsonl")
    heads = tuple(h for r in cand for h in r.get("heads", ()))
    org_heads = tuple(h for r in cand for h in r.get("org_heads", ()))
    return Resources(
        triggers=triggers,
        cues=cues,
        support_nouns=support,
        descriptive=tuple((r["text"], r["id"]) for r in _rows("descriptive.jsonl")),
        demonyms={r["text"]: r["id"] for r in _rows("demonyms.jsonl")},
        metonyms=tuple(_rows("metonyms.jsonl")),
        candidate_heads=heads,
        org_heads=org_heads,
        confidence={r["rule"]: float(r["confidence"]) for r in _rows("confidence.jsonl")},
        windows=_windows(_rows("descriptive.jsonl")),
    )


def _windows(rows: list[dict]) -> dict:
    """The publication dates between which a descriptive form names its actor (``after``/``before``)."""
    from graph.time import PartialDate

    out: dict = {}
    for r in rows:
        if "after" in r or "before" in r:
            window = (PartialDate.parse(r["after"]) if "after" in r else None,
                      PartialDate.parse(r["before"]) if "before" in r else None)
            out.setdefault(r["text"].lower(), {})[r["id"]] = window
    return out
