"""Loading dataset folders into an :class:`graph.ActorGraph`, all or nothing.

Every file is read and every record checked before anything is added: the structure against the
published JSON Schema, then each value (dates, vocabulary), then the links between records (ids,
relation kinds against actor kinds, claims inside their actors' lifetimes, no lineage or place
that contains itself). All problems come back at once, each with file, line and field; a dataset
with any problem changes nothing.

Problems that stop a whole file (it cannot be read or parsed) come first: they are the cause of
what follows. Ids the broken file seems to define (:mod:`loaders.salvage`) count as broken records,
so the claims that refer to them do not each add an "unknown actor" problem on top.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from graph.integrity import (
    citation_problems,
    claim_problems,
    dataset_warnings,
    entity_citation_problems,
    knowledge_warnings,
    lineage_cycles,
    place_cycles,
    shape_problems,
)
from graph.store import is_store, read_store
from loaders.csvfile import read_csv, section_of_csv
from loaders.discovery import dataset_files
from loaders.problems import Problem
from loaders.salvage import ids_in_broken_file
from loaders.yamlfile import read_yaml
from ontology import ActorGraphError, DatasetInvalid, RelationKind

__all__ = ["Dataset", "check_records", "load_datasets", "read_dataset", "schema_errors", "schema_problems",
           "validate_paths"]

_SECTIONS = ("actors", "places", "sources", "claims")
_KIND = {"actors": "actor", "places": "place", "sources": "source", "claims": "claim"}


@dataclass
class _Record:
    section: str
    data: dict[str, Any]
    file: str
    line: int
    lines: dict[str, int]
    schema_ok: bool = True

    def problem(self, fieldname: str, message: str) -> Problem:
        line = self.lines.get(fieldname) or self.lines.get(fieldname.partition("[")[0], self.line)
        return Problem(self.file, line, fieldname, message)


@dataclass
class Dataset:
    """The checked contents of one or more dataset folders, ready to add to a graph."""

    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: things worth fixing that do not stop a load (e.g. a dated bound no source reports)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(resources.files("loaders").joinpath("schema/dataset.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema())


@lru_cache(maxsize=1)
def _fast_check():
    """The schema compiled to Python by fastjsonschema: about 15x faster, but it stops at the first error.

    It only decides whether a document is valid; jsonschema then lists every error of a document it
    rejects. The schema uses nothing whose meaning differs between draft 7 (what fastjsonschema
    knows) and 2020-12; ``tests/loaders/test_schema_gate.py`` checks that both agree.
    """
    return fastjsonschema.compile({**_schema(), "$schema": "http://json-schema.org/draft-07/schema#"})


def schema_errors(doc: Any) -> list[jsonschema.ValidationError]:
    """Every way ``doc`` breaks the dataset schema, in document order; empty when it is valid."""
    try:
        _fast_check()(doc)
    except fastjsonschema.JsonSchemaException:
        return sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return []


def schema_problems(doc: Any) -> list[tuple[tuple, str, str]]:
    """Each schema error of ``doc`` as (path in the document, field, message for a person).

    The path ends with the key a missing or unexpected-key error is about, so it can be located.
    """
    out = []
    for err in schema_errors(doc):
        path_ = tuple(err.absolute_path)
        named = _named_key(err)
        if named is not None:  # a missing or unexpected key: point at it
            path_ = (*path_, named)
        out.append((path_, _field_of(path_), _schema_message(err)))
    return out


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


@dataclass
class _FileRead:
    """What one file gave: its records, its problems, those that stopped it, ids it would have defined."""

    records: list[_Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    roots: list[Problem] = field(default_factory=list)
    salvaged: set[str] = field(default_factory=set)


def _read_file(path: Path) -> _FileRead:
    display = _display(path)
    if path.suffix == ".csv":
        section = section_of_csv(path)
        if section is None:
            return _FileRead(roots=[Problem(display, 0, "", "a CSV file must be named actors.csv, places.csv, "
                                                            "sources.csv or claims.csv (or NAME.actors.csv, ...)")])
        located, problems = read_csv(path, display, section)
    elif path.suffix in (".yaml", ".yml"):
        located, problems = read_yaml(path, display)
    elif path.suffix == ".agstore":
        return _FileRead(roots=[Problem(display, 0, "", "not a store file: it does not start like one (damaged, "
                                                        "or not written by actorgraph); rebuild it with "
                                                        "'actorgraph pack'")])
    else:
        return _FileRead(roots=[Problem(display, 0, "", "not a dataset file: use .yaml, .yml or .csv")])
    if located is None:
        return _FileRead(roots=problems, salvaged=ids_in_broken_file(path))
    if located.value is None:
        return _FileRead(problems=problems)
    out = _FileRead(problems=problems)
    if not located.complete:  # the last problem stopped the file; the ids after it are lost
        out.roots.append(problems.pop())
        out.salvaged = ids_in_broken_file(path)
    doc = located.value
    if not isinstance(doc, dict):
        out.roots.append(Problem(display, 1, "", "the file must be a mapping with keys such as "
                                                 "'actors', 'places', 'sources', 'claims'"))
        out.salvaged |= ids_in_broken_file(path)
        return out
    bad_paths: set[tuple] = set()
    for path_, fieldname, message in schema_problems(doc):
        problems.append(Problem(display, located.line(path_), fieldname, message))
        if len(path_) >= 2:
            bad_paths.add(path_[:2])
    for section in _SECTIONS:
        items = doc.get(section) or []
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            lines = {k: located.line((section, i, k)) for k in item}
            if isinstance(item.get("sources"), list):  # each citation, so a problem with one points at it
                lines.update({f"sources[{j}]": located.line((section, i, "sources", j))
                              for j in range(len(item["sources"]))})
            rec = _Record(section, item, display, located.line((section, i)), lines, (section, i) not in bad_paths)
            out.records.append(rec)
    return out


def _named_key(err: jsonschema.ValidationError) -> str | None:
    """The key a 'required' or 'additionalProperties' error is about."""
    if not isinstance(err.instance, dict):
        return None
    if err.validator == "required":
        missing = [k for k in err.validator_value if k not in err.instance]
        return missing[0] if missing else None
    if err.validator == "additionalProperties":
        extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
        return extra[0] if extra else None
    return None


def _field_of(path: tuple) -> str:
    """The field of a record a schema error is about: the key under ``section[i]``, or the section."""
    if len(path) >= 3 and isinstance(path[2], str):
        return path[2]
    return str(path[0]) if len(path) == 1 else ""


def _schema_message(err: jsonschema.ValidationError) -> str:
    if err.validator == "enum":
        options = [str(o) for o in err.validator_value]
        close = difflib.get_close_matches(str(err.instance), options, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{err.instance!r} is not allowed here{hint} Expected one of: {', '.join(options)}"
    if err.validator == "required":
        return f"{err.message}; every record of this kind needs it"
    if err.validator == "additionalProperties":
        return f"{err.message}; see loaders/FORMAT.md for the fields of each record"
    if err.validator == "pattern" and isinstance(err.instance, str):
        desc = err.schema.get("description")
        expected = f": expected {desc}" if desc else f" (expected {err.validator_value})"
        return f"{err.instance!r} is not valid here{expected}"
    if err.validator == "oneOf":
        return f"{err.instance!r} is neither a source id nor a mapping {{id, note, quote}}"
    return err.message


def read_dataset(paths: Iterable[str | os.PathLike], *, existing: ActorGraph | None = None) -> Dataset:
    """Read and check dataset folders or files, against ``existing`` when given; never raises on bad input.

    The result's ``problems`` lists everything wrong; its records are only safe to add when it is empty.
    """
    records: list[_Record] = []
    problems: list[Problem] = []
    roots: list[Problem] = []
    salvaged: set[str] = set()
    paths = [Path(p) for p in paths]
    stores = [p for p in paths if p.is_file() and is_store(p)]
    base = None
    if stores:  # a store starts the graph the other paths are checked against, as in load_datasets
        paths = [p for p in paths if p not in stores]
        base = _read_stores(stores, existing, roots)
        existing = base if existing is None else existing
    for path in paths:
        files, found = dataset_files(path)
        roots.extend(found)
        if not files and not found:
            roots.append(Problem(_display(path), 0, "", "no dataset files (.yaml, .yml or a named .csv) found"))
        for f in files:
            read = _read_file(f)
            records.extend(read.records)
            problems.extend(read.problems)
            roots.extend(read.roots)
            salvaged |= read.salvaged
    out = _build(records, existing, problems, salvaged)
    out.problems = _ordered(roots) + _ordered(out.problems)
    if base is not None:  # what the stores hold counts as read too
        out.actors, out.places = [*base.actors, *out.actors], [*base.places, *out.places]
        out.sources, out.claims = [*base.sources, *out.sources], [*base.all_claims(), *out.claims]
    out.warnings.sort(key=lambda p: (p.file, p.line, p.field, p.message))
    return out


def _read_stores(stores: list[Path], existing: ActorGraph | None, roots: list[Problem]) -> ActorGraph | None:
    """The graph the store files hold together (``None`` when one cannot be read: its problem is in ``roots``)."""
    if existing is not None:
        roots.append(Problem(_display(stores[0]), 0, "", "a store file can only start a new graph; load it "
                                                          "first, then add dataset folders to it"))
        return None
    try:
        graph = read_store(stores[0])
        for extra in stores[1:]:
            more = read_store(extra)
            graph.add(actors=more.actors, places=more.places, sources=more.sources, claims=list(more.all_claims()))
    except ActorGraphError as exc:
        roots.append(Problem(_display(stores[0]), 0, "", str(exc)))
        return None
    return graph


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.field, p.message))


def check_records(
    sections: Mapping[str, Sequence[dict]],
    *,
    origin: str,
    where: Mapping[str, str] | None = None,
    existing: ActorGraph | None = None,
) -> Dataset:
    """Check records held in memory (what an import builds) exactly as records read from files.

    The same schema, value and link checks as :func:`read_dataset`, without writing and re-reading
    files. A problem names the record's place in the input when ``where`` has it (record id ->
    ``"file:line"``), else ``origin`` and the record's kind and id. The dicts are read, not changed or kept.
    """
    records: list[_Record] = []
    problems: list[Problem] = []
    for section in _SECTIONS:
        items = list(sections.get(section) or ())
        bad: set[int] = set()
        for path_, fieldname, message in schema_problems({section: items}):
            index = path_[1] if len(path_) >= 2 and isinstance(path_[1], int) else None
            file = _origin(origin, where, section, items[index] if index is not None else None)
            problems.append(Problem(file, 0, fieldname, message))
            if index is not None:
                bad.add(index)
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            records.append(_Record(section, item, _origin(origin, where, section, item), 0, {}, i not in bad))
    out = _build(records, existing, problems)
    out.problems = _ordered(out.problems)
    return out


def _origin(origin: str, where: Mapping[str, str] | None, section: str, item) -> str:
    rid = item.get("id") if isinstance(item, dict) else None
    if where and rid in where:
        return where[rid]
    return f"{origin} ({_KIND[section]} {rid})" if rid is not None else origin


def _build(records: list[_Record], existing: ActorGraph | None, problems: list[Problem],
           salvaged: set[str] = frozenset()) -> Dataset:
    ds = Dataset(problems=problems)
    first_seen: dict[str, _Record] = {}
    claim_seen: dict[str, _Record] = {}
    broken: set[str] = set(salvaged)  # ids of records that exist but failed; references to them are not re-reported
    entities: dict[str, Actor | Place] = {}
    sources: dict[str, Source] = {}
    addressed: dict[tuple[str, str], _Record] = {}  # one report, one source id: the first record of each
    claim_records: list[_Record] = []
    for rec in records:
        rid = rec.data.get("id")
        schema_ok = rec.schema_ok
        if not isinstance(rid, str):
            continue
        if rec.section == "claims":
            first = claim_seen.get(rid)
            if first is not None and schema_ok and first.schema_ok and _same_statement(first.data, rec.data):
                _merge_citations(first, rec)  # one relation from two files: one claim citing both
                continue
            if first is not None or (existing is not None and _has_claim(existing, rid)):
                where = (f" (first at {first.file}:{first.line}, with another statement)" if first
                         else " (already loaded)")
                ds.problems.append(rec.problem("id", f"duplicate claim id {rid!r}{where}"))
                continue
            claim_seen[rid] = rec
            if schema_ok:
                claim_records.append(rec)
            else:
                broken.add(rid)
            continue
        if rid in first_seen or (existing is not None and (rid in existing or _has_source(existing, rid))):
            where = first_seen.get(rid)
            ds.problems.append(rec.problem("id", f"duplicate id {rid!r}" + (
                f" (first defined at {where.file}:{where.line})" if where else " (already loaded)")))
            continue
        first_seen[rid] = rec
        if not schema_ok:
            broken.add(rid)
            continue
        try:
            value = _CONVERT[rec.section](rec)
        except _FieldError as exc:
            ds.problems.append(rec.problem(exc.field, exc.message))
            broken.add(rid)
            continue
        if isinstance(value, Source):
            sources[rid] = value
            page = (_address_key(value.url), str(value.published))  # a download page's releases differ by date
            same = addressed.setdefault(page, rec) if value.url else rec
            if same is not rec:
                ds.problems.append(rec.problem("url", _SAME_PAGE.format(
                    other=same.data["id"], where=f"{same.file}:{same.line}")))
            if rec.data.get("title_from") == "address":
                ds.warnings.append(rec.problem("title_from", _ADDRESS_TITLE))
            elif value.title.lower().startswith(_UNREAD_TITLE_MARK):
                ds.warnings.append(rec.problem("title", _DESCRIBED_TITLE))
            if (rec.data.get("title_from") == "citation") != bool(rec.data.get("title_cited_by")):
                ds.problems.append(rec.problem("title_cited_by", _CITED_TITLE))
            if rec.data.get("copy") == "mirror":
                ds.warnings.append(rec.problem("copy", _MIRROR_COPY))
        else:
            entities[rid] = value
    for rec in records:  # places inside places
        if rec.section == "places" and rec.data.get("within") and rec.data["id"] in entities:
            parent = rec.data["within"]
            target = entities.get(parent) or (existing.get(parent) if existing is not None else None)
            if parent not in broken and not isinstance(target, Place):
                ds.problems.append(rec.problem("within", f"{parent!r} is not a known place id"))

    def entity(i: str):
        return entities.get(i) or (existing.get(i) if existing is not None else None)

    def source_exists(i: str) -> bool:
        return i in sources or i in broken or (existing is not None and _has_source(existing, i))

    def source(i: str) -> Source | None:
        if i in sources:
            return sources[i]
        return existing.source(i) if existing is not None and _has_source(existing, i) else None

    for rec in records:  # the sources of actors' and places' own records
        value = entities.get(rec.data.get("id")) if rec.section in ("actors", "places") else None
        if value is not None and value.citations:
            found = [(f, m) for f, m in entity_citation_problems(value, source)
                     if not any(f"{b!r}" in m for b in broken)]
            ds.problems.extend(rec.problem(f, m) for f, m in found)
    for rec in claim_records:
        try:
            claim = _claim(rec)
        except _FieldError as exc:
            ds.problems.append(rec.problem(exc.field, exc.message))
            continue
        found = [(f, m) for f, m in claim_problems(claim, entity, source_exists)
                 if not (f in ("subject", "object") and getattr(claim, f) in broken)]
        found += citation_problems(claim, source)
        ds.problems.extend(rec.problem(f, m) for f, m in found)
        if not found:
            ds.claims.append(claim)
            ds.warnings.extend(rec.problem(f, m) for f, m in [*knowledge_warnings(claim, source),
                                                              *shape_problems(claim)])
    ds.actors = [e for e in entities.values() if isinstance(e, Actor)]
    ds.places = [e for e in entities.values() if isinstance(e, Place)]
    ds.sources = list(sources.values())
    ds.problems.extend(_cycle_problems(ds, first_seen, claim_seen, existing))
    if not ds.problems:  # checks over the whole set, with what is already loaded
        located = {rec.data["id"]: rec for rec in claim_records}
        pool = [*(existing.all_claims() if existing is not None else ()), *ds.claims]
        for cid, f, m in dataset_warnings(pool, entity, new={c.id for c in ds.claims}):
            ds.warnings.append(located[cid].problem(f, m) if cid in located else Problem("(loaded data)", 0, f, m))
    return ds


_LINEAGE = [k for k in RelationKind if k.spec.lineage]


def _cycle_problems(ds: Dataset, entity_records: dict[str, _Record], claim_records: dict[str, _Record],
                    existing: ActorGraph | None) -> list[Problem]:
    """A problem for each lineage or place cycle that this batch closes, at its first record, naming the cycle."""
    out = []
    lineage = [c for c in ds.claims if c.predicate.spec.lineage]
    if lineage:
        earlier = existing.claims(predicate=_LINEAGE) if existing is not None else []
        for cycle in lineage_cycles([*earlier, *lineage]):
            mine = sorted((claim_records[c.id] for c in cycle if c.id in claim_records),
                          key=lambda r: (r.file, r.line))
            if mine:
                links = "; ".join(f"{c.subject} {c.predicate.value} {c.object} (claim {c.id})" for c in cycle)
                out.append(mine[0].problem("object", f"lineage cycle: {links}; a group cannot descend from "
                                                     "itself, so one of these claims is wrong"))
    within = {p.id: p.within for p in ds.places if p.within}
    if within:
        batch = set(within)
        if existing is not None:
            within = {**{p.id: p.within for p in existing.places if p.within}, **within}
        for cycle in place_cycles(within):
            mine = sorted((entity_records[i] for i in cycle if i in batch), key=lambda r: (r.file, r.line))
            if mine:
                chain = " within ".join([*cycle, cycle[0]])
                out.append(mine[0].problem("within", f"places inside each other form a cycle ({chain}); a "
                                                     "place cannot be inside itself"))
    return out


_STATEMENT = ("subject", "predicate", "object", "valid", "status", "support_types", "qualifiers")


def _same_statement(a: dict, b: dict) -> bool:
    """Whether two claim records say the same thing (their sources and notes aside)."""
    def norm(d: dict) -> tuple:
        return (d.get("subject"), d.get("predicate"), d.get("object"), str(d.get("valid") or ""),
                d.get("status") or "confirmed", tuple(sorted(map(str, d.get("support_types") or ()))),
                tuple(sorted((str(k), str(v)) for k, v in (d.get("qualifiers") or {}).items())))
    return norm(a) == norm(b)


def _merge_citations(first: _Record, again: _Record) -> None:
    """Add to ``first`` the citations of ``again`` it lacks (the same claim stated in another file)."""
    def key(item) -> str:
        return item if isinstance(item, str) else item.get("id")
    have = {key(i) for i in first.data.get("sources") or ()}
    extra = [i for i in again.data.get("sources") or () if key(i) not in have]
    if extra:
        first.data = {**first.data, "sources": [*first.data.get("sources", []), *extra]}


def _has_source(graph: ActorGraph, source_id: str) -> bool:
    try:
        graph.source(source_id)
        return True
    except KeyError:
        return False


def _has_claim(graph: ActorGraph, claim_id: str) -> bool:
    try:
        graph.claim(claim_id)
        return True
    except KeyError:
        return False


class _FieldError(Exception):
    def __init__(self, fieldname: str, message: str):
        super().__init__(message)
        self.field, self.message = fieldname, message


def _date(rec: _Record, name: str) -> PartialDate | None:
    value = rec.data.get(name)
    if value is None:
        return None
    try:
        return PartialDate.parse(str(value))
    except ActorGraphError as exc:
        raise _FieldError(name, str(exc)) from None


def _checked(rec: _Record, build, *fields_in_order: str):
    try:
        return build()
    except (ActorGraphError, ValueError, TypeError) as exc:
        message = str(exc)
        for name in fields_in_order:  # name the field the message is about, when it says
            if name in message:
                raise _FieldError(name, message) from None
        raise _FieldError(fields_in_order[0] if fields_in_order else "", message) from None


def _citations(items) -> tuple[Citation, ...]:
    """The ``sources`` list of a record: bare source ids or mappings {id, note, quote, attests, announced}."""
    out = []
    for item in items or ():
        if isinstance(item, str):
            out.append(Citation(item))
        else:
            attests = item.get("attests")
            out.append(Citation(item["id"], item.get("note") or "", item.get("quote") or "",
                                attests=tuple(attests) if attests is not None else None,
                                announced=str(item.get("announced", "false")).lower() == "true"))
    return tuple(out)


def _actor(rec: _Record) -> Actor:
    d = rec.data
    founded, dissolved = _date(rec, "founded"), _date(rec, "dissolved")
    if founded and dissolved and dissolved.last_day < founded.first_day:
        raise _FieldError("dissolved", f"dissolved {dissolved} is before founded {founded}")
    return _checked(rec, lambda: Actor(
        id=d["id"], name=d["name"], kind=d["kind"], aliases=tuple(d.get("aliases") or ()),
        country=d.get("country"), founded=founded, dissolved=dissolved,
        external_ids={k: str(v) for k, v in (d.get("external_ids") or {}).items()},
        description=d.get("description") or "", citations=_citations(d.get("sources"))), "kind", "name", "sources")


def _place(rec: _Record) -> Place:
    d = rec.data
    return _checked(rec, lambda: Place(
        id=d["id"], name=d["name"], kind=d["kind"], lat=float(d["lat"]), lon=float(d["lon"]),
        aliases=tuple(d.get("aliases") or ()), country=d.get("country"), within=d.get("within"),
        external_ids={k: str(v) for k, v in (d.get("external_ids") or {}).items()},
        description=d.get("description") or "", citations=_citations(d.get("sources"))),
        "lat", "lon", "kind", "sources")


def _source(rec: _Record) -> Source:
    d = rec.data
    published = _date(rec, "published")
    accessed = _date(rec, "accessed")
    return _checked(rec, lambda: Source(
        id=d["id"], title=d["title"], publisher=d["publisher"], url=d["url"], published=published,
        accessed=accessed, language=d.get("language"), license=d.get("license"), kind=d.get("kind")),
        "title", "kind")


def _claim(rec: _Record) -> Claim:
    d = rec.data
    try:
        valid = Interval.parse(d.get("valid"))
    except ActorGraphError as exc:
        raise _FieldError("valid", f"{exc}; write START/END in EDTF, e.g. 2015-09-30/2024-12-08, 2015/.. or 2015/") \
            from None
    citations = _citations(d.get("sources"))
    return _checked(rec, lambda: Claim(
        id=d["id"], subject=d["subject"], predicate=d["predicate"], object=d["object"], valid=valid,
        support_types=tuple(d.get("support_types") or ()), status=d.get("status") or "confirmed",
        citations=citations, qualifiers={k: _qualifier_text(v) for k, v in (d.get("qualifiers") or {}).items()},
        note=d.get("note") or ""), "support_types", "sources", "predicate")


def _qualifier_text(value) -> str:
    """A qualifier as the text a claim keeps: a list (the places of a ``theatre``) joined with commas."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


_CONVERT = {"actors": _actor, "places": _place, "sources": _source}

# A title made from a URL may not be the page's headline: a warning (not an error) keeps such a source
# usable while telling the reviewer which titles still need reading on the page.
_CITED_TITLE = ("`title_from: citation` and `title_cited_by` go together: a title read in another page's reference to "
                "this address names that page in `title_cited_by` (its URL); without such a page, read the headline on "
                "this page (`title_from: page`) or mark it `title_from: address`")
_ADDRESS_TITLE = ("the title was made from the page address, not read on the page; read the page's headline, "
                  "set it as `title` and remove `title_from: address`")
#: a title that describes the page because neither its headline nor its address could be read
_UNREAD_TITLE_MARK = "[headline not captured]"
_DESCRIBED_TITLE = ("the title is a description of the page (`[headline not captured] ...`), not its headline; read "
                    "the page's headline and set it as `title`")
_SAME_PAGE = ("this address, published on the same date, is already the source {other!r} ({where}); one report is "
              "one source: cite {other!r} and delete this record")
_MIRROR_COPY = ("the page is a repost or aggregator copy of another publisher's report; cite the original page "
                "(its url, publisher, title and publication date) where it can be read, and remove `copy: mirror`")


def _address_key(url: str) -> str:
    """A page's address without what does not change the page: scheme, "www.", a trailing "/" or "#part"."""
    rest = url.strip().split("#", 1)[0].split("://", 1)[-1]
    host, _, path = rest.partition("/")
    host = host.lower().removeprefix("www.").removesuffix(":443").removesuffix(":80")
    return f"{host}/{path}".rstrip("/")


def validate_paths(paths: Iterable[str | os.PathLike]) -> list[Problem]:
    """Every problem in the given dataset folders or files, checked together; empty when all is well."""
    return read_dataset(paths).problems


def load_datasets(paths: Iterable[str | os.PathLike], *, into: ActorGraph | None = None) -> ActorGraph:
    """Load dataset folders or files into a graph (a new one unless ``into`` is given): all or nothing.

    A store file (see :mod:`graph.store`) may come first: it starts the graph, and the folders after it
    are checked against it.

    Raises:
        DatasetInvalid: with every problem found; the graph is left exactly as it was.

    >>> from loaders import bundled_dataset
    >>> g = load_datasets([bundled_dataset("seed")])
    >>> "hts" in g
    True
    """
    paths = [Path(p) for p in paths]
    stores = [p for p in paths if p.is_file() and is_store(p)]
    if stores:
        if into is not None:
            raise DatasetInvalid([Problem(str(stores[0]), 0, "", "a store file can only start a new graph; "
                                                                "load it first, then add dataset folders to it")])
        into = read_store(stores[0])
        for extra in stores[1:]:  # further stores are merged with every check
            more = read_store(extra)
            into.add(actors=more.actors, places=more.places, sources=more.sources, claims=list(more.all_claims()))
        paths = [p for p in paths if p not in stores]
        if not paths:
            return into
    graph = into if into is not None else ActorGraph()
    ds = read_dataset(paths, existing=into)
    if ds.problems:
        raise DatasetInvalid(ds.problems)
    graph.add(actors=ds.actors, places=ds.places, sources=ds.sources, claims=ds.claims)
    return graph
