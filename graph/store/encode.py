"""Turning an :class:`graph.ActorGraph` into the columns of a store file.

Claims become parallel numpy columns (ends of each claim as entity numbers, codes for relation
kind, status and support types, day bounds precomputed); repeated text (notes, qualifiers) is kept
once in a table. Actors, places and sources are few beside the claims and stay JSON.
"""

from __future__ import annotations

import json

import numpy as np

from graph.model import Actor, Place, Source
from graph.records import entity_record
from graph.time import Bound, DayBounds, PartialDate
from ontology import Attested, RelationKind, Status, SupportType

__all__ = ["FORMAT_VERSION", "encode_graph", "pack_texts"]

FORMAT_VERSION = 2
OPEN, UNKNOWN = -1, -2
PREDICATES = list(RelationKind)
STATUSES = list(Status)
SUPPORT_TYPES = list(SupportType)


def pack_texts(texts: list[str]) -> np.ndarray:
    """Many strings as one NUL-separated UTF-8 byte array (read back with a single split)."""
    for t in texts:
        if "\0" in t:
            raise ValueError(f"text {t[:40]!r} contains a NUL character, which a store cannot hold")
    return np.frombuffer("\0".join(texts).encode("utf-8"), dtype=np.uint8)


class _Table:
    """Distinct strings, numbered in order of first use; the empty string is number 0."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {"": 0}

    def __call__(self, text: str) -> int:
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.index)
        return i

    def texts(self) -> list[str]:
        return list(self.index)


def _source_record(s: Source) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        "published": str(s.published),
        "accessed": str(s.accessed) if s.accessed else None,
        "language": s.language,
        "license": s.license,
        "kind": s.kind.value if s.kind else None,
    }


#: A citation's attested parts as a bit mask; -1 when the citation does not say.
PARTS = list(Attested)


def parts_mask(attests) -> int:
    if attests is None:
        return -1
    return sum(1 << PARTS.index(p) for p in attests)


def _side(side, dates: _Table) -> int:
    if isinstance(side, PartialDate):
        return dates(str(side)) - 1  # the dates table has no empty string in use: shift to start at 0
    return OPEN if side is Bound.OPEN else UNKNOWN


def encode_graph(graph) -> tuple[dict[str, np.ndarray], dict]:
    """The arrays and metadata of a store holding everything in ``graph``."""
    entities: list[Actor | Place] = [*graph.actors, *graph.places]
    number = {e.id: i for i, e in enumerate(entities)}
    sources = list(graph.sources)
    source_number = {s.id: i for i, s in enumerate(sources)}
    claims = list(graph.all_claims())
    n = len(claims)
    pred_code = {k: i for i, k in enumerate(PREDICATES)}
    status_code = {k: i for i, k in enumerate(STATUSES)}
    type_bit = {t: 1 << i for i, t in enumerate(SUPPORT_TYPES)}
    texts, dates = _Table(), _Table()
    ints = {name: np.empty(n, dtype=np.int32) for name in ("subject", "object", "start", "end", "note")}
    small = {name: np.empty(n, dtype=np.uint8) for name in ("predicate", "status", "single")}
    types = np.empty(n, dtype=np.uint16)
    days = {name: np.empty(n, dtype=np.int64) for name in (*DayBounds._fields, "window_lo", "window_hi")}
    has_window = np.zeros(n, dtype=np.uint8)
    cit_ptr, q_ptr = np.zeros(n + 1, dtype=np.int64), np.zeros(n + 1, dtype=np.int64)
    cit_source, cit_note, cit_quote, cit_parts, cit_announced, q_key, q_value = [], [], [], [], [], [], []
    for i, c in enumerate(claims):
        v = c.valid
        ints["subject"][i], ints["object"][i] = number[c.subject], number[c.object]
        ints["start"][i], ints["end"][i] = _side(v.start, dates), _side(v.end, dates)
        ints["note"][i] = texts(c.note)
        small["predicate"][i], small["status"][i], small["single"][i] = (
            pred_code[c.predicate],
            status_code[c.status],
            v.single,
        )
        mask = 0
        for t in c.support_types:
            mask |= type_bit[t]
        types[i] = mask
        for name, day in zip(DayBounds._fields, DayBounds.of(v), strict=True):
            days[name][i] = day
        window = getattr(v, "window", None)  # the lifetime of the linked actors, when the model keeps it
        has_window[i] = window is not None
        days["window_lo"][i], days["window_hi"][i] = window if window is not None else (0, 0)
        for cit in c.citations:
            cit_source.append(source_number[cit.source])
            cit_note.append(texts(cit.note))
            cit_quote.append(texts(cit.quote))
            cit_parts.append(parts_mask(cit.attests))
            cit_announced.append(cit.announced)
        cit_ptr[i + 1] = len(cit_source)
        for key, value in c.qualifiers.items():
            q_key.append(texts(key))
            q_value.append(texts(value))
        q_ptr[i + 1] = len(q_key)
    arrays = {
        **{f"claim.{k}": a for k, a in {**ints, **small, **days}.items()},
        "claim.support_types": types,
        "claim.has_window": has_window,
        "claim.ids": pack_texts([c.id for c in claims]),
        "citation.ptr": cit_ptr,
        "citation.source": np.asarray(cit_source, dtype=np.int32),
        "citation.note": np.asarray(cit_note, dtype=np.int32),
        "citation.quote": np.asarray(cit_quote, dtype=np.int32),
        "citation.parts": np.asarray(cit_parts, dtype=np.int8),
        "citation.announced": np.asarray(cit_announced, dtype=np.uint8),
        "qualifier.ptr": q_ptr,
        "qualifier.key": np.asarray(q_key, dtype=np.int32),
        "qualifier.value": np.asarray(q_value, dtype=np.int32),
        "texts": pack_texts(texts.texts()),
        "dates": pack_texts(dates.texts()[1:]),
        "entities": np.frombuffer(
            json.dumps([entity_record(e) for e in entities], ensure_ascii=False, sort_keys=True).encode("utf-8"),
            dtype=np.uint8,
        ),
        "sources": np.frombuffer(
            json.dumps([_source_record(s) for s in sources], ensure_ascii=False, sort_keys=True).encode("utf-8"),
            dtype=np.uint8,
        ),
    }
    meta = {
        "format": FORMAT_VERSION,
        "claims": n,
        "entities": len(entities),
        "sources": len(sources),
        "predicates": [p.value for p in PREDICATES],
        "statuses": [s.value for s in STATUSES],
        "support_types": [t.value for t in SUPPORT_TYPES],
    }
    return arrays, meta
