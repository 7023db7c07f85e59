"""A generic CSV (or tab-separated) edge list, for any source without a loader of its own.

A column mapping (``--map``) says which column holds what:

* ``subject``, ``object``: names (required); ``subject_id``, ``object_id``: outside ids in the scheme given
  as ``scheme`` (``--scheme ucdp``), matched first (crosswalk, then the reference data's ``external_ids``),
  the name being the fallback;
* ``predicate``: a column, or a fixed relation kind written ``=supports``;
* time: ``valid`` (an EDTF interval, or one date: the claim then holds on some day of that date only,
  so ``valid=year`` makes a dyad-year hold in that year and not after), or ``start`` and ``end`` (end
  exclusive; ``start`` alone leaves the end unknown, not open);
* ``support_types`` (``;``-separated), ``status`` (default ``reported``: rows of event data are reports,
  not confirmations), ``source_url``, ``source_title``, ``source_published``, ``note``, ``subject_kind``,
  ``object_kind``.

A column can be given a value map: ``predicate=link_type{riv:fights,all:allied_with,*:-}`` reads
``link_type`` and writes ``fights`` for ``riv``; ``*`` is every other value, and ``-`` leaves the row out
(counted in the notes). Columns listed in ``split`` hold comma- (or ``;``-) separated lists: a row gives a
claim for each subject and object in them (ids and names of one side are paired by position), and an
empty list gives none. Dates may be partial and may use ``00`` for an unknown month or day
(``2016-12-00``); ``0000-00-00`` is unknown. The row's dates reach name matching, so a name is only
matched to an actor that existed then, and dated crosswalk entries apply.

Rows without their own source columns cite one source described by ``source=`` (url, title, publisher,
published). The same relation from two rows or files (same actors, relation, time and status) is one
claim citing both sources.

>>> parse_mapping("subject=from,object=to,predicate==supports,valid=year")
{'subject': 'from', 'object': 'to', 'predicate': '=supports', 'valid': 'year'}
>>> parse_mapping("predicate=link_type{riv:fights,all:allied_with}")
{'predicate': 'link_type{riv:fights,all:allied_with}'}
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from graph.time import Interval
from loaders.imports.bundle import Bundle, RowProblem, short_hash, slug
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.dates import edtf_date
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver
from ontology import ActorGraphError, RelationKind, Status, parse_term

__all__ = ["FIELDS", "import_csv_edges", "parse_mapping"]

FIELDS = (
    "subject",
    "object",
    "subject_id",
    "object_id",
    "predicate",
    "start",
    "end",
    "valid",
    "support_types",
    "status",
    "source_url",
    "source_title",
    "source_published",
    "note",
    "subject_kind",
    "object_kind",
)
_VALUE_MAP = re.compile(r"^([^{}]*)\{([^{}]*)\}$")
_LIST = re.compile(r"\s*[,;]\s*")
SKIP = "-"


def parse_mapping(text: str) -> dict[str, str]:
    """Read ``field=column,field=column``; ``=VALUE`` is a fixed value, ``column{a:b,...}`` a value map."""
    out, depth, part = {}, 0, ""
    parts = []
    for ch in text:
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            parts.append(part)
            part = ""
        else:
            part += ch
    parts.append(part)
    for part in (p for p in parts if p.strip()):
        name, sep, column = part.partition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise ImportInputError(
                f"bad mapping entry {part!r}: write FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}"
            )
        out[name] = column.strip()
    return out


class _Field:
    """How one mapped field gets its value from a row: a fixed value, a column, or a column through a map."""

    def __init__(self, spec: str, name: str) -> None:
        self.fixed = spec[1:] if spec.startswith("=") else None
        self.values: dict[str, str] = {}
        m = _VALUE_MAP.match(spec)
        if m and self.fixed is None:
            spec = m.group(1).strip()
            for pair in (p for p in m.group(2).split(",") if p.strip()):
                k, sep, v = pair.partition(":")
                if not sep:
                    raise ImportInputError(f"bad value map in {name}=: write {{CODE:VALUE,...}}, not {pair!r}")
                self.values[k.strip().lower()] = v.strip()
        self.column = None if self.fixed is not None else spec.lower()

    def get(self, row: dict) -> str:
        if self.fixed is not None:
            return self.fixed
        value = row.get(self.column, "")
        if self.values:
            return self.values.get(value.strip().lower(), self.values.get("*", value))
        return value


def import_csv_edges(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    mapping: dict[str, str],
    source: dict | None = None,
    delimiter: str | None = None,
    split: str | list[str] | None = None,
    scheme: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Read a CSV edge list into ``bundle`` following ``mapping`` (see the module's documentation)."""
    if source:
        source = _checked_source(source)
    rows = read_rows(path, delimiter=delimiter)
    for need in ("subject", "object", "predicate"):
        if need not in mapping and not (need != "predicate" and f"{need}_id" in mapping):
            raise ImportInputError(f"the mapping needs {need}= (the column holding it, or =VALUE for a fixed value)")
    fields = {name: _Field(spec, name) for name, spec in mapping.items()}
    for name, f in fields.items():
        if f.column is not None and f.column not in rows.columns:
            raise ImportInputError(
                f"{path}: the mapping's {name}={mapping[name]} names no column; columns: {', '.join(rows.header)}"
            )
    lists = {c.strip().lower() for c in (split.split(",") if isinstance(split, str) else split or ()) if c.strip()}
    unknown = lists - rows.columns
    if unknown:
        raise ImportInputError(f"{path}: --split names no column: {', '.join(sorted(unknown))}")
    id_scheme = scheme or "id"
    display, file_name = str(path), Path(path).name
    default_source = None
    if source:
        default_source = bundle.add_source(
            {"id": bundle.ns("csv", f"{slug(source['title'], limit=40)}-{short_hash(source['url'])}"), **source}
        )
    skipped = 0

    def get(row, name):
        f = fields.get(name)
        return f.get(row).strip() if f else ""

    def side(row, name):
        f, fid = fields.get(name), fields.get(f"{name}_id")
        names = _cells(get(row, name), f is not None and f.column in lists)
        ids = _cells(get(row, f"{name}_id"), fid is not None and fid.column in lists)
        if ids and names and len(ids) != len(names):
            names = []  # cannot be paired: match by id alone
        if ids:
            return [(i, names[k] if names else "") for k, i in enumerate(ids)]
        return [("", n) for n in names]

    for line, row in rows.rows:
        if progress:
            progress.update()
        where = f"{display}:{line}"
        try:
            if rows.width_problem(row):
                raise RowProblem("", rows.width_problem(row))
            predicate_text = get(row, "predicate")
            if predicate_text == SKIP:
                skipped += 1
                continue
            try:
                predicate = parse_term(RelationKind, predicate_text.lower()).value
            except ActorGraphError as exc:
                raise RowProblem("predicate", str(exc)) from None
            valid = _valid(get(row, "valid"), get(row, "start"), get(row, "end"))
            status = get(row, "status") or "reported"
            if status == SKIP:
                skipped += 1
                continue
            try:
                status = parse_term(Status, status.lower()).value
            except ActorGraphError as exc:
                raise RowProblem("status", str(exc)) from None
            subjects, objects = side(row, "subject"), side(row, "object")
            if not subjects or not objects:
                blank = "subject" if not subjects else "object"
                if any(fields[k].column in lists for k in (blank, f"{blank}_id") if k in fields):
                    continue  # an empty list: nothing to import from this row
                raise RowProblem(blank, f"the {blank} cell is empty")
            src = _row_source(bundle, row, get, source, default_source)
            types = [t.strip() for t in get(row, "support_types").split(";") if t.strip()]
            for (sid, sname), (oid, oname) in itertools.product(subjects, objects):
                s = _actor(resolver, id_scheme, sid, sname, valid, where, get(row, "subject_kind"))
                o = _actor(resolver, id_scheme, oid, oname, valid, where, get(row, "object_kind"))
                if s == o:
                    continue
                record = {
                    "id": bundle.claim_id("csv", s, predicate, o, short_hash(valid, status, ";".join(types))),
                    "subject": s,
                    "predicate": predicate,
                    "object": o,
                    "status": status,
                    "sources": [{"id": src, "note": get(row, "note") or f"row {line} of {file_name}"}],
                }
                if valid:
                    record["valid"] = valid
                if types:
                    record["support_types"] = types
                bundle.add_claim(record, where=where)
        except RowProblem as problem:
            bundle.problem(display, line, problem.field, str(problem))
    if skipped:
        bundle.notes.append(f"{file_name}: {skipped} row(s) left out by the value map ('-')")


def _cells(text: str, is_list: bool) -> list[str]:
    if not text:
        return []
    return [c for c in _LIST.split(text) if c] if is_list else [text]


def _date(text: str, fieldname: str) -> str:
    try:
        return edtf_date(text) or ""
    except ValueError as exc:
        raise RowProblem(fieldname, str(exc)) from None


def _valid(valid: str, start: str, end: str) -> str:
    """The claim's EDTF interval from the mapped cells (``""``: no time known)."""
    if valid:
        if "/" in valid:
            a, _, b = valid.partition("/")
            ends = [x if x in ("", "..") else _date(x, "valid") for x in (a, b)]
            text = f"{ends[0]}/{ends[1]}"
        else:
            text = _date(valid, "valid")
    else:
        a = start if start == ".." else _date(start, "start")
        b = end if end == ".." else _date(end, "end")
        text = f"{a}/{b}" if a or b else ""
    if text:
        problem = _interval_problem(text)
        if problem:
            raise RowProblem("valid", problem)
    return text


@lru_cache(maxsize=65536)
def _interval_problem(text: str) -> str:
    try:
        Interval.parse(text)
    except ActorGraphError as exc:
        return str(exc)
    return ""


def _actor(resolver: Resolver, scheme: str, outside_id: str, name: str, valid: str, where: str, kind: str) -> str:
    if outside_id:
        return resolver.actor(scheme, outside_id, name or f"{scheme} actor {outside_id}", valid=valid or None,
                              where=where, keys=[name] if name else (), kind=kind or "armed_group")
    return resolver.actor("name", name, name, valid=valid or None, where=where, kind=kind or "armed_group")


def _row_source(bundle: Bundle, row, get, source: dict | None, default_source: str | None) -> str:
    if get(row, "source_url"):
        return bundle.add_source(
            {
                "id": bundle.ns("csv", short_hash(get(row, "source_url"))),
                "url": get(row, "source_url"),
                "title": get(row, "source_title") or get(row, "source_url"),
                "publisher": source.get("publisher", "unknown") if source else "unknown",
                "published": _date(get(row, "source_published"), "source_published"),
            }
        )
    if default_source:
        return default_source
    raise RowProblem("source_url", "no source: map source_url= or give a default source")


_SOURCE_FIELDS = {"url": "--source-url", "title": "--source-title", "publisher": "--source-publisher",
                  "published": "--source-published"}


def _checked_source(source: dict) -> dict:
    """The source every row cites, checked before any row is read (not only when the records are).

    Raises:
        ImportInputError: a missing or malformed field, named with its command-line option.
    """
    unknown = sorted(set(source) - set(_SOURCE_FIELDS) - {"accessed", "language", "license"})
    if unknown:
        raise ImportInputError(f"the CSV source has unknown field(s) {', '.join(unknown)}; "
                               f"give {', '.join(_SOURCE_FIELDS)}")
    out = {k: str(v).strip() for k, v in source.items() if v is not None and str(v).strip()}
    out.setdefault("title", out.get("url", ""))
    missing = [f"{k} ({flag})" for k, flag in _SOURCE_FIELDS.items() if not out.get(k)]
    if missing:
        raise ImportInputError(f"the CSV source needs {', '.join(missing)}: every claim must cite a "
                               f"source with its address, title, publisher and publication date")
    from loaders.dataset import schema_problems

    for _, fieldname, message in schema_problems({"sources": [{"id": "csv-source", **out}]}):
        flag = _SOURCE_FIELDS.get(fieldname, fieldname)
        raise ImportInputError(f"the CSV source's {fieldname} ({flag}): {message}")
    return out
