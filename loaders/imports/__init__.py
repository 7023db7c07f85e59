"""Importing standard conflict datasets (UCDP, ACLED, Wikidata, any CSV edge list) as dataset folders.

:func:`import_files` reads the files of one SOURCE, matches outside actors to graph actors through
the crosswalk and a reference graph, and writes the result as an ordinary dataset folder (see
``loaders/FORMAT.md``) that loads next to the curated data: atomically (nothing is written unless
everything is read and checked) and idempotently (the same input gives the same bytes).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.bulk import collector_paused
from loaders.imports.bundle import Bundle, Unmatched
from loaders.imports.crosswalk import Crosswalk, CrosswalkEntry, CrosswalkError, Resolver
from loaders.imports.csvrows import ImportInputError
from loaders.imports.progress import Progress
from loaders.imports.writer import (
    MANIFEST,
    STORE_SUFFIX,
    WriteResult,
    check_target,
    write_bundle,
    write_store_bundle,
)
from ontology import DatasetInvalid

__all__ = [
    "SOURCES",
    "Crosswalk",
    "CrosswalkEntry",
    "CrosswalkError",
    "ImportInputError",
    "ImportResult",
    "Unmatched",
    "import_files",
    "read_unmatched",
]


def _esd(path, bundle, resolver, options, progress):
    from loaders.imports.ucdp_actors import read_actor_names
    from loaders.imports.ucdp_esd import import_esd

    names = read_actor_names(options["ucdp_actors"]) if options.get("ucdp_actors") else None
    import_esd(
        path,
        bundle,
        resolver,
        version=options.get("version") or "18.1",
        layout=options.get("layout"),
        actor_names=names,
        progress=progress,
    )


def _actors(path, bundle, resolver, options, progress):
    from loaders.imports.ucdp_actors import import_actor_list

    import_actor_list(path, bundle, resolver, version=options.get("version") or "22.1", progress=progress)


def _acled(path, bundle, resolver, options, progress):
    from loaders.imports.acled import import_acled

    import_acled(path, bundle, resolver, max_gap_days=int(options.get("max_gap_days") or 365), progress=progress)


def _wikidata(path, bundle, resolver, options, progress):
    from loaders.imports.wikidata import import_wikidata

    import_wikidata(path, bundle, resolver, published=options.get("published"), progress=progress)


def _csv(path, bundle, resolver, options, progress):
    from loaders.imports.csv_edges import import_csv_edges, parse_mapping

    mapping = options.get("mapping")
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping)
    if not mapping:
        raise ImportInputError(
            "a CSV edge list needs a column mapping, e.g. --map subject=from,object=to,predicate==supports"
        )
    import_csv_edges(path, bundle, resolver, mapping=mapping, source=options.get("csv_source"), progress=progress)


#: SOURCE name -> (reader, title of the resulting dataset)
SOURCES: dict[str, tuple[Callable, str]] = {
    "ucdp-esd": (_esd, "UCDP External Support Dataset"),
    "ucdp-actors": (_actors, "UCDP actor list"),
    "acled": (_acled, "ACLED events, aggregated"),
    "wikidata": (_wikidata, "Wikidata statements"),
    "csv": (_csv, "CSV edge list"),
}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote, and the outside names it could not match (new actors were made for them)."""

    written: WriteResult
    unmatched: tuple[Unmatched, ...]
    notes: tuple[str, ...]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_files(
    source: str,
    files: Sequence[str | os.PathLike],
    out: str | os.PathLike,
    *,
    crosswalk: Crosswalk | str | os.PathLike | None = None,
    reference=None,
    progress: bool | None = None,
    force: bool = False,
    **options,
) -> ImportResult:
    """Import ``files`` of kind ``source`` into the dataset folder ``out``, or the store file ``out.agstore``.

    A store file (``out`` ending in ``.agstore``) skips writing and re-reading YAML, which is what
    makes large imports slow; it holds the ``reference`` data too, so it loads on its own.

    Args:
        source: one of :data:`SOURCES` (``ucdp-esd``, ``ucdp-actors``, ``acled``, ``wikidata``, ``csv``).
        crosswalk: a :class:`Crosswalk` or the path of a crosswalk CSV file.
        reference: an :class:`graph.ActorGraph` whose actors outside names may resolve to; the import
            then refers to them by id and must be loaded together with that data.
        progress: show a row count on stderr (default: when stderr is a terminal).
        force: replace ``out`` even when it is not an earlier import (a folder without ``import.json``,
            a file that is not a store).
        options: per source: ``ucdp_actors`` (path), ``version``, ``layout``, ``max_gap_days``,
            ``published``, ``mapping``, ``csv_source``.

    Raises:
        KeyError: unknown source.
        ImportInputError: a file that is not of the expected kind at all.
        DatasetInvalid: malformed rows (each with file and line) or records failing the dataset checks;
            nothing is written then.
    """
    if source not in SOURCES:
        raise ImportInputError(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}")
    reader, title = SOURCES[source]
    if not isinstance(crosswalk, Crosswalk):
        crosswalk = Crosswalk.load(crosswalk)
    bundle = Bundle()
    resolver = Resolver(bundle, crosswalk, reference)
    paths = [Path(f) for f in files]
    if not paths:
        raise ImportInputError("no input files given")
    for path in paths:
        if path.is_dir():
            raise ImportInputError(f"{path} is a folder; give the {source} file(s) to import")
        if not path.is_file():
            raise ImportInputError(f"{path}: no such file" if not path.exists() else
                                   f"{path} is not a regular file (a pipe or a device?)")
    store = Path(out).suffix == STORE_SUFFIX
    check_target(out, store=store, force=force)  # before reading: a wrong -o is reported at once
    with collector_paused():  # an import builds millions of small records, none in reference cycles
        for path in paths:
            meter = Progress(f"{source} {path.name}", enabled=progress)
            reader(path, bundle, resolver, options, meter)
            meter.close()
        if bundle.problems:
            raise DatasetInvalid(sorted(bundle.problems))
        dataset = {
            "id": f"import-{source}",
            "title": f"{title} (imported)",
            "description": f"Imported by 'actorgraph import {source}' from {', '.join(p.name for p in paths)}.",
        }
        manifest = {
            "source": source,
            "files": [{"name": p.name, "sha256": _sha256(p)} for p in paths],
            "options": {k: str(v) for k, v in sorted(options.items()) if v is not None and k != "csv_source"},
            "crosswalk_entries": len(crosswalk.entries),
            "reference": reference is not None,
        }
        write = write_store_bundle if store else write_bundle
        written = write(bundle, out, dataset=dataset, manifest=manifest, reference=reference, force=force)
    return ImportResult(written, tuple(sorted(bundle.unmatched.values())), tuple(sorted(set(bundle.notes))))


def read_unmatched(folder: str | os.PathLike) -> list[Unmatched]:
    """The unmatched outside names an earlier import recorded in ``folder`` (or in a store file)."""
    import csv

    from graph.exports.escaping import spreadsheet_value
    from graph.store import is_store, store_notes
    from graph.textfile import text_lines

    if Path(folder).is_file() and is_store(folder):
        notes = store_notes(folder)
        if "unmatched" not in notes:
            raise ImportInputError(f"{folder} is a store file but not one written by 'actorgraph import'")
        return [
            Unmatched(r["scheme"], r["key"], r["name"], r["assigned_id"], r["first_seen"]) for r in notes["unmatched"]
        ]
    path = Path(folder) / "unmatched.csv"
    if not (Path(folder) / MANIFEST).is_file() or not path.is_file():
        raise ImportInputError(f"{folder} is not an import folder (no {MANIFEST} and unmatched.csv)")
    lines = text_lines(path, display=str(path))
    try:
        rows = list(csv.DictReader(lines, strict=True))
    except csv.Error as exc:
        raise ImportInputError(f"{path}: not the unmatched.csv an import writes ({exc}); run the import again") \
            from None
    finally:
        lines.close()
    fields = ("scheme", "key", "name", "assigned_id", "first_seen")
    if rows and not set(fields) <= set(rows[0]):
        raise ImportInputError(f"{path}: not the unmatched.csv an import writes (its header lacks "
                               f"{', '.join(sorted(set(fields) - set(rows[0])))}); run the import again")
    return [Unmatched(*(spreadsheet_value(r[f] or "") for f in fields)) for r in rows]
