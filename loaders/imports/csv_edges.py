"""A generic CSV edge list, for any source without a loader of its own.

A column mapping says which column holds what: ``subject`` and ``object`` (names or ids, required),
``predicate`` (a column, or a fixed relation kind given as ``=supports``), and optionally ``start``,
``end`` (EDTF dates) or ``valid`` (an EDTF interval), ``support_types`` (``;``-separated), ``status``,
``source_url``, ``source_title``, ``source_published``, ``note``. Rows without their own source columns
cite one source described by ``source=`` (url, title, publisher, published).

>>> parse_mapping("subject=from,object=to,predicate==supports,start=year")
{'subject': 'from', 'object': 'to', 'predicate': '=supports', 'start': 'year'}
"""

from __future__ import annotations

from pathlib import Path

from graph.time import Interval
from loaders.imports.bundle import Bundle, short_hash, slug
from loaders.imports.resolver import Resolver
from loaders.imports.csvrows import ImportInputError, read_rows
from loaders.imports.progress import Progress
from ontology import ActorGraphError, RelationKind, parse_term

__all__ = ["FIELDS", "import_csv_edges", "parse_mapping"]

FIELDS = (
    "subject",
    "object",
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


def parse_mapping(text: str) -> dict[str, str]:
    """Read ``field=column,field=column``; a value starting with '=' is a fixed value, not a column."""
    out = {}
    for part in (p for p in text.split(",") if p.strip()):
        name, sep, column = part.partition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise ImportInputError(
                f"bad mapping entry {part!r}: write FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}"
            )
        out[name] = column.strip()
    return out


def import_csv_edges(
    path: str | Path,
    bundle: Bundle,
    resolver: Resolver,
    *,
    mapping: dict[str, str],
    source: dict | None = None,
    progress: Progress | None = None,
) -> None:
    """Read a CSV edge list into ``bundle`` following ``mapping``."""
    if source:
        source = _checked_source(source)
    rows = read_rows(path)
    for need in ("subject", "object", "predicate"):
        if need not in mapping:
            raise ImportInputError(f"the mapping needs {need}= (the column holding it, or =VALUE for a fixed value)")
    for name, column in mapping.items():
        if not column.startswith("=") and column.lower() not in rows.columns:
            raise ImportInputError(
                f"{path}: the mapping's {name}={column} names no column; columns: {', '.join(rows.header)}"
            )
    display, file_name = str(path), Path(path).name
    default_source = None
    if source:
        default_source = bundle.add_source(
            {"id": f"csv-{slug(source['title'], limit=40)}-{short_hash(source['url'])}", **source}
        )

    def get(row, name):
        column = mapping.get(name)
        if column is None:
            return ""
        return column[1:] if column.startswith("=") else row.get(column.lower(), "")

    for line, row in rows.rows:
        if progress:
            progress.update()
        where = f"{display}:{line}"
        try:
            predicate = parse_term(RelationKind, get(row, "predicate").strip().lower()).value
            valid = get(row, "valid") or (
                f"{get(row, 'start') or ''}/{get(row, 'end') or ''}" if get(row, "start") or get(row, "end") else ""
            )
            Interval.parse(valid)
        except ActorGraphError as exc:
            bundle.problem(display, line, "predicate" if "relation" in str(exc) else "valid", str(exc))
            continue
        if not get(row, "subject") or not get(row, "object"):
            bundle.problem(display, line, "subject", "subject and object must both be given")
            continue
        if get(row, "source_url"):
            src = bundle.add_source(
                {
                    "id": f"csv-{short_hash(get(row, 'source_url'))}",
                    "url": get(row, "source_url"),
                    "title": get(row, "source_title") or get(row, "source_url"),
                    "publisher": source.get("publisher", "unknown") if source else "unknown",
                    "published": get(row, "source_published"),
                }
            )
        elif default_source:
            src = default_source
        else:
            bundle.problem(display, line, "source_url", "no source: map source_url= or give a default source")
            continue
        s = resolver.actor(
            "name",
            get(row, "subject"),
            get(row, "subject"),
            where=where,
            kind=get(row, "subject_kind") or "armed_group",
        )
        o = resolver.actor(
            "name", get(row, "object"), get(row, "object"), where=where, kind=get(row, "object_kind") or "armed_group"
        )
        record = {
            "id": f"csv-{s}-{predicate.replace('_', '-')}-{o}-{short_hash(valid, str(line))}",
            "subject": s,
            "predicate": predicate,
            "object": o,
            "sources": [{"id": src, "note": get(row, "note") or f"row {line} of {file_name}"}],
        }
        if valid:
            record["valid"] = valid
        types = [t.strip() for t in get(row, "support_types").split(";") if t.strip()]
        if types:
            record["support_types"] = types
        if get(row, "status"):
            record["status"] = get(row, "status")
        bundle.add_claim(record, where=where)


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
