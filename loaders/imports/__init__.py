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
from loaders.imports.bundle import Bundle, Unmatched, short_hash, slug
from loaders.imports.crosswalk import Crosswalk, CrosswalkEntry, CrosswalkError
from loaders.imports.csvrows import ImportInputError
from loaders.imports.progress import Progress
from loaders.imports.resolver import Resolver
from loaders.imports.writer import (
    MANIFEST,
    STORE_SUFFIX,
    WriteResult,
    check_target,
    write_bundle,
    write_store_bundle,
)
from loaders.problems import Problem
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
    "shipped_crosswalk",
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

    import_acled(path, bundle, resolver, max_gap_days=_int(options, "max_gap_days", 30),
                 min_events=_int(options, "min_events", 1), published=options.get("published"), progress=progress)


def _acled_done(bundle, resolver, options):
    from loaders.imports.acled import finish_acled

    finish_acled(bundle)


def _icews(path, bundle, resolver, options, progress):
    from loaders.imports.icews import import_icews

    import_icews(path, bundle, resolver, max_gap_days=_int(options, "max_gap_days", 30),
                 min_events=_int(options, "min_events", 3), published=options.get("published"),
                 delimiter=options.get("delimiter"), progress=progress)


def _icews_done(bundle, resolver, options):
    from loaders.imports.icews import finish_icews

    finish_icews(bundle)


def _mmp(path, bundle, resolver, options, progress):
    from loaders.imports.mmp import import_mmp

    import_mmp(path, bundle, resolver, published=options.get("published"), delimiter=options.get("delimiter"),
               progress=progress)


def _mmp_done(bundle, resolver, options):
    from loaders.imports.mmp import finish_mmp

    finish_mmp(bundle, resolver)


def _int(options: dict, key: str, default: int) -> int:
    value = options.get(key)
    return default if value is None or value == "" else int(value)


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
    import_csv_edges(path, bundle, resolver, mapping=mapping, source=options.get("csv_source"),
                     delimiter=options.get("delimiter"), split=options.get("split"), scheme=options.get("scheme"),
                     progress=progress)


#: SOURCE name -> (reader of one file, finisher once every file is read or None, title of the dataset)
SOURCES: dict[str, tuple[Callable, Callable | None, str]] = {
    "ucdp-esd": (_esd, None, "UCDP External Support Dataset"),
    "ucdp-actors": (_actors, None, "UCDP actor list"),
    "acled": (_acled, _acled_done, "ACLED events, aggregated"),
    "icews": (_icews, _icews_done, "ICEWS events, aggregated"),
    "mmp": (_mmp, _mmp_done, "Mapping Militants groups and links"),
    "wikidata": (_wikidata, None, "Wikidata statements"),
    "csv": (_csv, None, "CSV edge list"),
}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote, the outside names it could not match (new actors were made for them), the rows
    it left out (``skipped``, only with ``skip_bad_rows``) and the placeholders and civilians it set aside."""

    written: WriteResult
    unmatched: tuple[Unmatched, ...]
    notes: tuple[str, ...]
    skipped: tuple[Problem, ...] = ()
    set_aside: tuple[tuple[str, str, int], ...] = ()  # (category, name, rows)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def shipped_crosswalk(reference) -> Crosswalk | None:
    """The crosswalk entries shipped in ``loaders/data/crosswalks/`` whose actors ``reference`` has.

    They are kept to the bundled data's actor ids, so with ``--data syria`` every entry applies and with
    other data only those naming actors it shares.
    """
    if reference is None:
        return None
    folder = Path(__file__).resolve().parent.parent / "data" / "crosswalks"
    shipped = Crosswalk.load_many(sorted(folder.glob("*.csv")))
    return Crosswalk([e for e in shipped.entries if e.actor in reference])


def import_files(
    source: str,
    files: Sequence[str | os.PathLike],
    out: str | os.PathLike,
    *,
    crosswalk: Crosswalk | str | os.PathLike | None = None,
    reference=None,
    progress: bool | None = None,
    skip_bad_rows: bool = False,
    use_shipped_crosswalk: bool = True,
    force: bool = False,
    **options,
) -> ImportResult:
    """Import ``files`` of kind ``source`` into the dataset folder ``out``, or the store file ``out.agstore``.

    A store file (``out`` ending in ``.agstore``) skips writing and re-reading YAML, which is what
    makes large imports slow; it holds the ``reference`` data too, so it loads on its own. The ids the
    import makes are namespaced by the source and the files' names and content (``acled.feb2020-1a2b3c.…``),
    so two imports load together; an import made with an earlier one among its ``reference`` data reuses
    that one's actors (matched by their outside ids), and several files given to one import are merged
    (the same relation from two files is one claim citing both).

    Args:
        source: one of :data:`SOURCES`.
        crosswalk: a :class:`Crosswalk` or the path of a crosswalk CSV file; consulted before the
            crosswalk shipped with the bundled data (``use_shipped_crosswalk``, see :func:`shipped_crosswalk`).
        reference: an :class:`graph.ActorGraph` whose actors outside names may resolve to; the import
            then refers to them by id and must be loaded together with that data.
        progress: show a row count on stderr (default: when stderr is a terminal).
        skip_bad_rows: leave out rows that cannot be imported (listed in the result and the manifest with
            file, line and reason) instead of failing the whole import.
        force: replace ``out`` even when it is not an earlier import (a folder without ``import.json``,
            a file that is not a store).
        options: per source: ``ucdp_actors`` (path), ``version``, ``layout``, ``max_gap_days``, ``min_events``,
            ``published``, ``mapping``, ``csv_source``, ``delimiter``, ``split``, ``scheme``.

    Raises:
        ImportInputError: unknown source, or a file that is not of the expected kind at all.
        DatasetInvalid: malformed rows (each with file and line) or records failing the dataset checks;
            nothing is written then.
    """
    if source not in SOURCES:
        raise ImportInputError(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}")
    reader, finisher, title = SOURCES[source]
    if not isinstance(crosswalk, Crosswalk):
        crosswalk = Crosswalk.load(crosswalk)
    if use_shipped_crosswalk:
        crosswalk = crosswalk.with_fallback(shipped_crosswalk(reference))
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
    hashes = [_sha256(p) for p in paths]
    tag = f"{slug(paths[0].stem, limit=20)}-{short_hash(source, *hashes)[:6]}"
    bundle = Bundle(tag=tag)
    resolver = Resolver(bundle, crosswalk, reference)
    with collector_paused():  # an import builds millions of small records, none in reference cycles
        for path in paths:
            meter = Progress(f"{source} {path.name}", enabled=progress)
            reader(path, bundle, resolver, options, meter)
            meter.close()
        if finisher is not None:
            finisher(bundle, resolver, options)
        resolver.flush_notes()
        _drop_impossible(bundle, resolver)
        if bundle.problems:
            if not skip_bad_rows:
                raise DatasetInvalid(sorted(bundle.problems))
            bundle.skipped += bundle.problems
            bundle.problems = []
        if skip_bad_rows or not store:
            _check(bundle, out, reference, skip_bad_rows)
        dataset = {
            "id": f"import-{source}-{tag}",
            "title": f"{title} (imported)",
            "description": f"Imported by 'actorgraph import {source}' from {', '.join(p.name for p in paths)}.",
        }
        manifest = {
            "source": source,
            "id_namespace": f"{source}.{tag}",
            "files": [{"name": p.name, "sha256": h} for p, h in zip(paths, hashes, strict=True)],
            "options": {k: str(v) for k, v in sorted(options.items()) if v is not None and k != "csv_source"},
            "crosswalk_entries": len(crosswalk.entries),
            "shipped_crosswalk_entries": len(crosswalk.fallback.entries) if crosswalk.fallback else 0,
            "reference": reference is not None,
            "skipped_rows": [{"file": p.file, "line": p.line, "field": p.field, "why": p.message}
                             for p in sorted(bundle.skipped)],
            "set_aside": [{"category": c, "name": n, "rows": k} for (c, n), k in sorted(bundle.set_aside.items())],
        }
        write = write_store_bundle if store else write_bundle
        written = write(bundle, out, dataset=dataset, manifest=manifest, reference=reference, force=force)
    return ImportResult(written, tuple(sorted(bundle.unmatched.values())), tuple(sorted(set(bundle.notes))),
                        tuple(sorted(bundle.skipped)),
                        tuple((c, n, k) for (c, n), k in sorted(bundle.set_aside.items())))


def _drop_impossible(bundle: Bundle, resolver: Resolver) -> None:
    """Leave out claims the ontology rules out for their actors' kinds (a person cannot ``fight``), with a note."""
    from ontology import RelationKind

    for cid in list(bundle.claims):
        c = bundle.claims[cid]
        try:
            spec = RelationKind(c["predicate"]).spec
        except ValueError:
            continue
        kinds = (resolver.kind_of(c["subject"]), resolver.kind_of(c["object"]))
        allowed = ({k.value for k in spec.subject_kinds}, {k.value for k in spec.object_kinds})
        if spec.object_is_place:
            kinds, allowed = kinds[:1], allowed[:1]
        if any(k is not None and k not in ok for k, ok in zip(kinds, allowed, strict=False)):
            del bundle.claims[cid]
            bundle.notes.append(f"{c['subject']} {c['predicate']} {c['object']}: left out, the ontology does not "
                                f"allow it between a {kinds[0]} and a {kinds[-1]}")


def _check(bundle: Bundle, out, reference, skip_bad_rows: bool) -> None:
    """Check the records in memory, so that a problem names the input row (never a file being written).

    With ``skip_bad_rows``, claims whose row fails are left out (and listed) and the rest checked again.
    """
    from loaders.dataset import check_records
    from loaders.imports.writer import clean_claim

    for _ in range(3):
        sections = {
            "actors": [bundle.actors[k] for k in sorted(bundle.actors)],
            "sources": [bundle.sources[k] for k in sorted(bundle.sources)],
            "claims": [clean_claim(bundle.claims[k]) for k in sorted(bundle.claims)],
        }
        checked = check_records(sections, origin=str(out), where=bundle.origins, existing=reference)
        if not checked.problems:
            return
        if not skip_bad_rows:
            raise DatasetInvalid(checked.problems)
        by_where: dict[str, list[str]] = {}
        for cid, where in bundle.origins.items():
            by_where.setdefault(where, []).append(cid)
        dropped = False
        for p in checked.problems:
            for cid in by_where.get(p.file, ()):
                if bundle.claims.pop(cid, None) is not None:
                    dropped = True
            file, _, line = p.file.rpartition(":")
            bundle.skipped.append(Problem(file or p.file, int(line) if line.isdigit() else 0, p.field, p.message))
        if not dropped:
            raise DatasetInvalid(checked.problems)
    raise DatasetInvalid(checked.problems)


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
