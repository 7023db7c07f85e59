"""Rebuilding an :class:`graph.ActorGraph` from store columns, fast.

A store is written only from a graph that was already checked (``ActorGraph.add`` refuses anything
that breaks the ontology's rules), so reading it back need not check each claim again: that check,
and building each frozen value through its validating constructor, is what makes a million YAML
claims take half a minute. Here values are assembled slot by slot, identical values (dates,
intervals, citations, qualifier maps) are shared, and the graph's own tables are filled directly.
``tests/graph/test_store.py`` proves a graph read back answers every query like the original.
"""

from __future__ import annotations

import dataclasses
import json
from types import MappingProxyType

import numpy as np

from graph.actorgraph import ActorGraph
from graph.bulk import collector_paused
from graph.model import Actor, Citation, Claim, Place, Source
from graph.store.container import StoreDamaged, StoreError
from graph.store.encode import FORMAT_VERSION, OPEN, PARTS, UNKNOWN
from graph.time import Bound, Interval, PartialDate
from ontology import RelationKind, Status, SupportType

__all__ = ["decode_graph"]

_new = object.__new__


def _texts(arr: np.ndarray, count: int | None = None) -> list[str]:
    if arr.size == 0:
        return [] if count == 0 else [""]
    return arr.tobytes().decode("utf-8").split("\0")


def _setters(cls, names):
    return [cls.__dict__[n].__set__ for n in names]


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def _record_citations(items: list[dict]) -> tuple[Citation, ...]:
    return tuple(Citation(c["id"], c["note"] or "", c["quote"] or "", attests=tuple(c["attests"]),
                          announced=c["announced"]) for c in items)


def _parts(mask: int):
    return None if mask < 0 else tuple(p for i, p in enumerate(PARTS) if mask >> i & 1)


def _entities(records: list[dict]):
    out = []
    for r in records:
        if r["type"] == "place":
            out.append(
                Place(
                    r["id"],
                    r["name"],
                    r["kind"],
                    r["lat"],
                    r["lon"],
                    tuple(r["aliases"]),
                    r["country"],
                    r["within"],
                    r["external_ids"],
                    r["description"],
                    _record_citations(r["sources"]),
                )
            )
        else:
            out.append(
                Actor(
                    r["id"],
                    r["name"],
                    r["kind"],
                    tuple(r["aliases"]),
                    r["country"],
                    _date(r["founded"]),
                    _date(r["dissolved"]),
                    r["external_ids"],
                    r["description"],
                    _record_citations(r["sources"]),
                )
            )
    return out


def _sources(records: list[dict]) -> list[Source]:
    return [
        Source(
            r["id"],
            r["title"],
            r["publisher"],
            r["url"],
            PartialDate.parse(r["published"]),
            _date(r["accessed"]),
            r["language"],
            r["license"],
            r["kind"],
        )
        for r in records
    ]


def _check_meta(meta: dict) -> None:
    if meta.get("format") != FORMAT_VERSION:
        raise StoreError(
            f"store format {meta.get('format')!r} is not supported (this version reads "
            f"{FORMAT_VERSION}); rebuild the store with this version"
        )
    expected = ([p.value for p in RelationKind], [s.value for s in Status], [t.value for t in SupportType])
    if (meta["predicates"], meta["statuses"], meta["support_types"]) != expected:
        raise StoreError("the store was written with another vocabulary; rebuild it with this version")


_FAST_INTERVAL = {
    "start",
    "end",
    "single",
    "window",
    "possible_from",
    "possible_to",
    "certain_from",
    "certain_to",
    "start_span",
    "end_span",
}
_FAST_CLAIM = [
    "id",
    "subject",
    "predicate",
    "object",
    "valid",
    "support_types",
    "status",
    "citations",
    "qualifiers",
    "note",
]


def _slot_fields(cls) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def _intervals(a: dict, dates: list[PartialDate]) -> list[Interval]:
    """One Interval per claim, built once per distinct (start, end, single) and shared.

    When Interval's fields are the ones this module knows, the stored day bounds are written into
    the slots directly; otherwise (the model changed) each distinct interval goes through its constructor.
    """
    start, end, single = a["claim.start"], a["claim.end"], a["claim.single"]
    key = np.stack(
        [
            start.astype(np.int64),
            end.astype(np.int64),
            single.astype(np.int64),
            a["claim.has_window"].astype(np.int64),
            a["claim.window_lo"],
            a["claim.window_hi"],
        ],
        axis=1,
    )
    _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    names = _slot_fields(Interval)
    fast = set(names) <= _FAST_INTERVAL
    stored = {
        n: a[f"claim.{n}"][first].tolist()
        for n in (
            "start",
            "end",
            "single",
            "possible_from",
            "possible_to",
            "certain_from",
            "certain_to",
            "start_earliest",
            "start_latest",
            "end_earliest",
            "end_latest",
            "has_window",
            "window_lo",
            "window_hi",
        )
    }
    stored["window"] = [
        (lo, hi) if has else None
        for has, lo, hi in zip(stored["has_window"], stored["window_lo"], stored["window_hi"], strict=False)
    ]
    stored["start_span"] = list(zip(stored["start_earliest"], stored["start_latest"], strict=False))
    stored["end_span"] = list(zip(stored["end_earliest"], stored["end_latest"], strict=False))

    def side(code: int):
        return dates[code] if code >= 0 else (Bound.OPEN if code == OPEN else Bound.UNKNOWN)

    stored["start"] = [side(c) for c in stored["start"]]
    stored["end"] = [side(c) for c in stored["end"]]
    stored["single"] = [bool(x) for x in stored["single"]]
    if fast:
        setters = _setters(Interval, names)
        columns = [stored[n] for n in names]
        built = []
        for values in zip(*columns, strict=False):
            v = _new(Interval)
            for set_, value in zip(setters, values, strict=False):
                set_(v, value)
            built.append(v)
    else:
        extra = ({"window": w} for w in stored["window"]) if "window" in names else ({} for _ in stored["start"])
        built = [
            Interval(s, e, single=si, **x)
            for s, e, si, x in zip(stored["start"], stored["end"], stored["single"], extra, strict=False)
        ]
    return [built[i] for i in inverse.ravel().tolist()]


def _shared_tuples(ptr: np.ndarray, columns: list[np.ndarray], make) -> list:
    """Per claim, ``make(*items in ptr[i]:ptr[i+1])``, each distinct value built once and shared.

    Rows with no item or exactly one item (nearly all of them) are grouped with numpy; only rows with
    several items go through a Python loop.
    """
    n = len(ptr) - 1
    counts = np.diff(ptr)
    out: list = [None] * n
    empty = make(*([()] * len(columns)))
    single = np.flatnonzero(counts == 1)
    if single.size:
        firsts = ptr[:-1][single]
        rows = np.stack([col[firsts].astype(np.int64) for col in columns], axis=1)
        _, first, inverse = np.unique(rows, axis=0, return_index=True, return_inverse=True)
        built = [make(*((int(col[firsts[i]]),) for col in columns)) for i in first.tolist()]
        for row, k in zip(single.tolist(), inverse.ravel().tolist(), strict=False):
            out[row] = built[k]
    cache: dict[tuple, object] = {}
    cols = [c.tolist() for c in columns] if np.any(counts > 1) else []
    bounds = ptr.tolist()
    for row in np.flatnonzero(counts > 1).tolist():
        lo, hi = bounds[row], bounds[row + 1]
        key = tuple(tuple(col[lo:hi]) for col in cols)
        value = cache.get(key)
        if value is None:
            value = cache[key] = make(*key)
        out[row] = value
    for row in np.flatnonzero(counts == 0).tolist():
        out[row] = empty
    return out


def decode_graph(arrays: dict[str, np.ndarray], meta: dict) -> ActorGraph:
    """An ActorGraph equal to the one the store was written from.

    The cyclic garbage collector is paused meanwhile: millions of new objects would otherwise set
    it off again and again, for nothing (none of them form cycles), and it more than doubled the time.
    """
    _check_meta(meta)
    with collector_paused():
        return _decode(arrays, meta)


_CLAIM_COLUMNS = ("subject", "object", "start", "end", "note", "predicate", "status", "single", "support_types",
                  "has_window", "window_lo", "window_hi")


def _check_columns(a: dict[str, np.ndarray], n: int, entities: int, sources: int, texts: int, dates: int) -> None:
    """Every column as long as the claim count and every code inside its table, or a StoreError.

    The checksum already rules out damage; this rules out a file that passed it but was not written
    by :func:`graph.store.write_store`, which would otherwise decode to wrong values without a word
    (a negative index is a valid Python index, and ``zip`` stops at the shortest column).
    """

    def within(name: str, lo: int, hi: int) -> None:
        col = a[name]
        if col.ndim != 1:
            raise StoreDamaged(f"column {name!r} is not one-dimensional")
        if col.size and (int(col.min()) < lo or int(col.max()) >= hi):
            raise StoreDamaged(f"column {name!r} holds codes outside [{lo}, {hi})")

    for name in _CLAIM_COLUMNS:
        a[f"claim.{name}"]  # noqa: B018 - a column the decoder needs is missing: KeyError, reported as damage
    for name, col in a.items():  # every per-claim column, those added by later versions too
        if name.startswith("claim.") and name != "claim.ids" and len(col) != n:
            raise StoreDamaged(f"column {name!r} has {len(col):,} rows for {n:,} claims")
    for name in ("subject", "object"):
        within(f"claim.{name}", 0, entities)
    within("claim.predicate", 0, len(RelationKind))
    within("claim.status", 0, len(Status))
    within("claim.support_types", 0, 1 << len(SupportType))
    within("claim.single", 0, 2)
    within("claim.has_window", 0, 2)
    within("claim.start", UNKNOWN, dates)
    within("claim.end", UNKNOWN, dates)
    within("claim.note", 0, texts)
    for table, columns, limits in (("citation", ("source", "note", "quote"), (sources, texts, texts)),
                                   ("qualifier", ("key", "value"), (texts, texts))):
        ptr = a[f"{table}.ptr"]
        items = len(a[f"{table}.{columns[0]}"])
        if len(ptr) != n + 1 or (n and (ptr[0] != 0 or ptr[-1] != items or np.any(np.diff(ptr) < 0))):
            raise StoreDamaged(f"the {table} pointers do not fit the {n:,} claims and {items:,} {table}s")
        for name, col in a.items():
            if name.startswith(f"{table}.") and name != f"{table}.ptr" and len(col) != items:
                raise StoreDamaged(f"column {name!r} has {len(col):,} rows for {items:,} {table}s")
        for column, hi in zip(columns, limits, strict=True):
            within(f"{table}.{column}", 0, hi)


def _decode(a: dict[str, np.ndarray], meta: dict) -> ActorGraph:
    records = json.loads(a["entities"].tobytes().decode("utf-8"))
    entities = _entities(records)
    sources = _sources(json.loads(a["sources"].tobytes().decode("utf-8")))
    n = int(meta["claims"])
    ids = _texts(a["claim.ids"], n)
    if len(ids) != n:
        raise StoreDamaged(f"the header lists {n} claims but the file holds {len(ids)} claim ids")
    texts = _texts(a["texts"])
    dates = [PartialDate.parse(t) for t in _texts(a["dates"], 0)] if a["dates"].size else []
    _check_columns(a, n, len(entities), len(sources), len(texts), len(dates))
    entity_ids = [e.id for e in entities]
    source_ids = [s.id for s in sources]
    citation_cache: dict[tuple, Citation] = {}

    def citations(srcs, notes, quotes, parts, announced):
        out = []
        for k in zip(srcs, notes, quotes, parts, announced, strict=False):
            cit = citation_cache.get(k)
            if cit is None:
                s, no, qu, pa, an = k
                cit = citation_cache[k] = Citation(source_ids[s], texts[no], texts[qu], _parts(pa), bool(an))
            out.append(cit)
        return tuple(out)

    cites = _shared_tuples(
        a["citation.ptr"],
        [a["citation.source"], a["citation.note"], a["citation.quote"], a["citation.parts"], a["citation.announced"]],
        citations,
    )
    quals = _shared_tuples(
        a["qualifier.ptr"],
        [a["qualifier.key"], a["qualifier.value"]],
        lambda keys, values: MappingProxyType(
            dict(sorted((texts[k], texts[v]) for k, v in zip(keys, values, strict=False)))
        ),
    )
    valid = _intervals(a, dates)
    type_cache: dict[int, tuple] = {}

    def types_of(mask: int) -> tuple:
        t = type_cache.get(mask)
        if t is None:
            t = type_cache[mask] = tuple(st for i, st in enumerate(SupportType) if mask >> i & 1)
        return t

    preds, statuses = list(RelationKind), list(Status)
    subj = [entity_ids[i] for i in a["claim.subject"].tolist()]
    obj = [entity_ids[i] for i in a["claim.object"].tolist()]
    columns = [
        ids,
        subj,
        [preds[p] for p in a["claim.predicate"].tolist()],
        obj,
        valid,
        [types_of(t) for t in a["claim.support_types"].tolist()],
        [statuses[st] for st in a["claim.status"].tolist()],
        cites,
        quals,
        [texts[no] for no in a["claim.note"].tolist()],
    ]
    if _slot_fields(Claim) == _FAST_CLAIM:
        s_id, s_subject, s_pred, s_object, s_valid, s_types, s_status, s_cit, s_qual, s_note = _setters(
            Claim, _FAST_CLAIM
        )
        claims = []
        append = claims.append
        for cid, su, p, ob, v, t, st, ci, q, no in zip(*columns, strict=False):
            c = _new(Claim)
            s_id(c, cid), s_subject(c, su), s_pred(c, p), s_object(c, ob), s_valid(c, v)
            s_types(c, t), s_status(c, st), s_cit(c, ci), s_qual(c, q), s_note(c, no)
            append(c)
    else:  # the model changed: build through the checking constructor (slower, still correct)
        claims = [
            Claim(cid, su, p, ob, v, support_types=t, status=st, citations=ci, qualifiers=q, note=no)
            for cid, su, p, ob, v, t, st, ci, q, no in zip(*columns, strict=False)
        ]
    return _assemble(entities, sources, claims)


def _assemble(entities, sources, claims) -> ActorGraph:
    """Fill a new graph with an already-checked batch through its trusted bulk path when it has one."""
    g = ActorGraph()
    commit = getattr(g, "_commit", None)
    if commit is None:
        g.add(
            actors=[e for e in entities if isinstance(e, Actor)],
            places=[e for e in entities if isinstance(e, Place)],
            sources=sources,
            claims=claims,
        )
    else:
        commit({e.id: e for e in entities}, {s.id: s for s in sources}, claims)
    return g
